"""Tasks, rating rounds and saved job complexes (balanced job complexes, issue 5).

- :class:`Task` with :class:`TaskQualification` rows: who may do a task and who is in
  training (a task that is not ``restricted`` is open to everyone).
- :class:`RatingRound` covers chosen tasks (:class:`RatingRoundTask`) and chosen raters
  (:class:`RatingRoundRater`) on one scale. Ratings (:class:`TaskRatingRow`) follow the
  secret-ballot rule in anonymous rounds: a random key in a table without rowid, no
  timestamp, no rater; that a member has rated is recorded apart (:class:`RatingDone`).
- :class:`JobAssignment` is a saved set of job complexes (its cells in
  :class:`JobAssignmentCell`); the newest is the workplace's current assignment and the
  older ones its history.
- :class:`JobComplexSettings`: the optimiser's settings and the society's averages for
  balancing across workplaces (one row).

Nothing here imports ``pareconapp.core.jobs``: it loads OR-Tools, which the store (opened at
start-up) does not need.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pareconapp.core.rating_rounds import RoundStatus as RoundStatus
from pareconapp.store.models import Base, str_enum
from pareconapp.store.types import utc_now


class Task(Base):
    """A task of the workplace: weekly hours, smallest share, category, qualifications."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint("weekly_hours >= 0", name="weekly_hours_not_negative"),
        CheckConstraint("block_hours > 0", name="block_hours_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    weekly_hours: Mapped[float] = mapped_column(Float, default=0.0)
    block_hours: Mapped[float] = mapped_column(Float, default=1.0)
    """The smallest share of the task one member may take, in hours."""
    category: Mapped[str] = mapped_column(String(100), default="")
    restricted: Mapped[bool] = mapped_column(default=False)
    """Only the members listed in ``qualifications`` may do it (otherwise everyone)."""
    active: Mapped[bool] = mapped_column(default=True)

    qualifications: Mapped[list[TaskQualification]] = relationship(
        cascade="all, delete-orphan", order_by="TaskQualification.member_id"
    )


class TaskQualification(Base):
    """A member qualified for a task, or in training for it."""

    __tablename__ = "task_qualification"

    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    training: Mapped[bool] = mapped_column(default=False)
    """In training: counts as qualified for the optimiser, shown apart."""


class RatingRound(Base):
    """A rating round: which tasks, which raters, the scale, anchors and aggregation.

    ``agenda_item_id`` links the round to the agenda item (of kind ``rating_round``) it was
    held under; ``follows_id`` to the round it follows up (its contested tasks).
    """

    __tablename__ = "rating_round"
    __table_args__ = (CheckConstraint("scale_low < scale_high", name="scale_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[RoundStatus] = mapped_column(
        str_enum(RoundStatus, "rating_round_status"), default=RoundStatus.DRAFT
    )
    scale_low: Mapped[int] = mapped_column(Integer, default=1)
    scale_high: Mapped[int] = mapped_column(Integer, default=20)
    empowerment_low: Mapped[str] = mapped_column(String(300), default="")
    """The anchor shown to raters for the lowest empowerment rating ("1 = ...")."""
    empowerment_high: Mapped[str] = mapped_column(String(300), default="")
    desirability_low: Mapped[str] = mapped_column(String(300), default="")
    desirability_high: Mapped[str] = mapped_column(String(300), default="")
    anonymous: Mapped[bool] = mapped_column(default=True)
    aggregation: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Aggregate method, trimmed share, spread measure and contested threshold."""
    follows_id: Mapped[int | None] = mapped_column(
        ForeignKey("rating_round.id", ondelete="SET NULL")
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    opened_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()

    tasks: Mapped[list[RatingRoundTask]] = relationship(
        cascade="all, delete-orphan", order_by="RatingRoundTask.position"
    )
    raters: Mapped[list[RatingRoundRater]] = relationship(cascade="all, delete-orphan")


class RatingRoundTask(Base):
    """A task covered by a rating round, in the order raters see them."""

    __tablename__ = "rating_round_task"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("rating_round.id", ondelete="CASCADE"), primary_key=True
    )
    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class RatingRoundRater(Base):
    """A member chosen to rate in a round."""

    __tablename__ = "rating_round_rater"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("rating_round.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )


class RatingDone(Base):
    """That a member has handed in their ratings for a round - never which."""

    __tablename__ = "rating_done"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    round_id: Mapped[int] = mapped_column(
        ForeignKey("rating_round.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )


class TaskRatingRow(Base):
    """One rater's ratings of one task in a round (``None``: skipped).

    In an anonymous round ``rater_id`` is empty and the random key in a table without rowid
    keeps the rows in no particular order, as secret ballots do: nothing links a rating to
    its rater or to the other ratings the same person gave.
    """

    __tablename__ = "task_rating"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rating_round.id", ondelete="CASCADE"))
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="RESTRICT"))
    empowerment: Mapped[float | None] = mapped_column(Float)
    desirability: Mapped[float | None] = mapped_column(Float)
    rater_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))


class JobAssignment(Base):
    """A saved set of job complexes; the newest is the workplace's current assignment.

    ``inputs`` keeps what the complexes were balanced against (each task's hours, block and
    ratings, each member's hours, the scale and K) and ``result`` the balance as saved, so
    the history shows what was decided even after tasks or ratings change.
    """

    __tablename__ = "job_assignment"
    __table_args__ = (CheckConstraint("max_tasks >= 1", name="max_tasks_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    max_tasks: Mapped[int] = mapped_column(Integer, default=6)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    cells: Mapped[list[JobAssignmentCell]] = relationship(cascade="all, delete-orphan")


class JobAssignmentCell(Base):
    """Hours of one task in one member's complex (pinned cells may hold 0 hours)."""

    __tablename__ = "job_assignment_cell"
    __table_args__ = (CheckConstraint("hours >= 0", name="hours_not_negative"),)

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("job_assignment.id", ondelete="CASCADE"), primary_key=True
    )
    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="RESTRICT"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )
    hours: Mapped[float] = mapped_column(Float)
    pinned: Mapped[bool] = mapped_column(default=False)


class JobComplexSettings(Base):
    """The optimiser's settings and the averages for balancing across workplaces (one row)."""

    __tablename__ = "job_complex_settings"
    __table_args__ = (
        CheckConstraint("max_tasks >= 1", name="max_tasks_positive"),
        CheckConstraint("time_limit >= 0", name="time_limit_not_negative"),
        CheckConstraint("keep_weight >= 0", name="keep_weight_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    max_tasks: Mapped[int] = mapped_column(Integer, default=6)
    time_limit: Mapped[float] = mapped_column(Float, default=10.0)
    keep_weight: Mapped[float] = mapped_column(Float, default=0.0)
    society_empowerment: Mapped[float | None] = mapped_column(Float)
    society_desirability: Mapped[float | None] = mapped_column(Float)
    outside_empowerment: Mapped[float | None] = mapped_column(Float)
    """The ratings of the outside tasks members would balance with."""
    outside_desirability: Mapped[float | None] = mapped_column(Float)
    outside_mode: Mapped[str] = mapped_column(String(24), default="replace")
    """``core.jobs.OutsideMode``: outside hours replace part of the week, or are added."""
