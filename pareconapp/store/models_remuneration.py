"""Remuneration for effort and sacrifice: periods, each member's entries, effort ratings.

Hours and amounts are stored as decimal text (``"37.5"``, ``"1234.56"``) so nothing is
rounded by floating point between what was entered and what the formula computes.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pareconapp.core.remuneration import NeedKind, PeriodKind
from pareconapp.store.models import Base, str_enum
from pareconapp.store.types import utc_now


class PeriodStatus(enum.StrEnum):
    """An open period is being filled in; an approved one is fixed."""

    OPEN = "open"
    APPROVED = "approved"


class RemunerationPeriod(Base):
    """A month, quarter or year whose consumption budget is shared by effort and sacrifice."""

    __tablename__ = "remuneration_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[PeriodKind] = mapped_column(str_enum(PeriodKind, "period_kind"))
    start_on: Mapped[date] = mapped_column()
    end_on: Mapped[date] = mapped_column()
    budget_kind: Mapped[str] = mapped_column(String(20))
    """``"workplace"`` (an amount for the period) or ``"per_capita"`` (society average)."""
    budget_amount: Mapped[str] = mapped_column(String(40))
    rules: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The formula's settings (effort scale, trim share, factors, need policy)."""
    anonymous_effort: Mapped[bool] = mapped_column(default=True)
    status: Mapped[PeriodStatus] = mapped_column(
        str_enum(PeriodStatus, "period_status"), default=PeriodStatus.OPEN
    )
    approved_at: Mapped[datetime | None] = mapped_column()
    approval_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT")
    )
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The table as approved (every member's breakdown), kept as it was."""
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    entries: Mapped[list[PeriodMember]] = relationship(
        back_populates="period", cascade="all, delete-orphan"
    )


class PeriodMember(Base):
    """One member's hours, sacrifices and need allowances in a period."""

    __tablename__ = "period_member"
    __table_args__ = (UniqueConstraint("period_id", "member_id", name="uq_period_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(
        ForeignKey("remuneration_period.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    hours_worked: Mapped[str] = mapped_column(String(40), default="0")
    hours_reason: Mapped[str] = mapped_column(Text, default="")
    """Why the hours differ from the job complex's (required when edited)."""
    training_hours: Mapped[str] = mapped_column(String(40), default="0")
    balancing_hours: Mapped[str] = mapped_column(String(40), default="0")
    joined_on: Mapped[date | None] = mapped_column()
    left_on: Mapped[date | None] = mapped_column()

    period: Mapped[RemunerationPeriod] = relationship(back_populates="entries")
    onerous: Mapped[list[OnerousWork]] = relationship(cascade="all, delete-orphan")
    needs: Mapped[list[NeedGrant]] = relationship(cascade="all, delete-orphan")


class OnerousWork(Base):
    """Onerous or hazardous hours and the factor they count with."""

    __tablename__ = "onerous_work"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_member_id: Mapped[int] = mapped_column(
        ForeignKey("period_member.id", ondelete="CASCADE"), index=True
    )
    hours: Mapped[str] = mapped_column(String(40))
    factor: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")


class NeedGrant(Base):
    """A need-based allowance the assembly granted, with the decision it came from."""

    __tablename__ = "need_allowance"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_member_id: Mapped[int] = mapped_column(
        ForeignKey("period_member.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[NeedKind] = mapped_column(str_enum(NeedKind, "need_kind"))
    amount: Mapped[str] = mapped_column(String(40))
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(Text, default="")


class EffortRatingRow(Base):
    """One peer rating of a member's effort in a period.

    In an anonymous round (the default) ``rater_id`` is empty and the row has a random key
    in a table without rowid, as secret ballots do, so nothing links a rating to its rater.
    """

    __tablename__ = "effort_rating"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("remuneration_period.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    value: Mapped[str] = mapped_column(String(40))
    rater_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))


class EffortRater(Base):
    """That a member has handed in effort ratings for a period - never which."""

    __tablename__ = "effort_rater"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    period_id: Mapped[int] = mapped_column(
        ForeignKey("remuneration_period.id", ondelete="CASCADE"), primary_key=True
    )
    rater_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )


class EffortContest(Base):
    """A member contests their effort rating; it becomes an item of the next meeting."""

    __tablename__ = "effort_contest"

    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(
        ForeignKey("remuneration_period.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(Text)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
