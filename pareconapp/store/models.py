"""Typed SQLAlchemy models of an assembly file.

Every schema change is an Alembic migration under ``migrations/versions``; the test suite
checks that the migrated schema matches these models. Constraints carry stable names (the
naming convention below) because SQLite batch migrations depend on them.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pareconapp.core.decision_states import BallotMode as BallotMode
from pareconapp.core.decision_states import DecisionStatus as DecisionStatus
from pareconapp.core.meetings import (
    ActionStatus,
    AgendaKind,
    AttendanceStatus,
    MeetingStatus,
)
from pareconapp.core.meetings import (
    ItemState as ItemState,
)
from pareconapp.core.stack import TurnKind
from pareconapp.store.types import UTCDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names and our custom column types."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 - SQLAlchemy API


class Assembly(Base):
    """The assembly this file belongs to (exactly one row)."""

    __tablename__ = "assembly"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_with: Mapped[str] = mapped_column(String(40), default="")
    facilitator_passphrase: Mapped[str | None] = mapped_column(String(200))
    """The facilitator passphrase as an scrypt hash (``core.secrets``); never in clear."""
    uses_pins: Mapped[bool] = mapped_column(default=False)
    """Whether members confirm their identity with a PIN on the shared laptop."""


def str_enum(enum_class: type[enum.StrEnum], name: str) -> Enum:
    """A string column holding the values of ``enum_class`` (no native enum, no CHECK)."""
    return Enum(
        enum_class,
        native_enum=False,
        length=24,
        name=name,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )


class CouncilKind(enum.StrEnum):
    """What kind of council a council row is."""

    WORKER = "worker"
    TEAM = "team"
    CONSUMER = "consumer"


class Council(Base):
    """A worker council (with nested teams) or a consumer council (neighbourhood)."""

    __tablename__ = "council"
    __table_args__ = (
        CheckConstraint("parent_id IS NULL OR parent_id != id", name="not_own_parent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[CouncilKind] = mapped_column(
        Enum(
            CouncilKind,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
            name="council_kind",
        )
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("council.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Council | None] = relationship(
        remote_side="Council.id", back_populates="children"
    )
    children: Mapped[list[Council]] = relationship(back_populates="parent")


class Member(Base):
    """A member of the assembly. Members who left are kept (``active`` false), never deleted."""

    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("weekly_hours >= 0 AND weekly_hours <= 168", name="weekly_hours_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(100), unique=True)
    contact: Mapped[str] = mapped_column(String(200), default="")
    weekly_hours: Mapped[float] = mapped_column(Float, default=0.0)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("council.id", ondelete="RESTRICT"))
    consumer_council_id: Mapped[int | None] = mapped_column(
        ForeignKey("council.id", ondelete="RESTRICT")
    )
    active: Mapped[bool] = mapped_column(default=True)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    left_on: Mapped[date | None] = mapped_column()
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    """The member's PIN as an scrypt hash with its own salt; never in clear."""

    team: Mapped[Council | None] = relationship(foreign_keys=[team_id])
    consumer_council: Mapped[Council | None] = relationship(foreign_keys=[consumer_council_id])


class Meeting(Base):
    """An assembly meeting: its details, its agenda and what happened in it."""

    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column()
    place: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    minute_taker_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT")
    )
    started_at: Mapped[datetime | None] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    progressive_stack: Mapped[bool] = mapped_column(default=False)
    speaker_limit_seconds: Mapped[int | None] = mapped_column(Integer)

    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    facilitators: Mapped[list[Member]] = relationship(secondary="meeting_facilitator")
    minute_taker: Mapped[Member | None] = relationship(foreign_keys=[minute_taker_id])


class MeetingFacilitator(Base):
    """Who facilitates a meeting (one or more members)."""

    __tablename__ = "meeting_facilitator"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )


class AgendaItem(Base):
    """One item of a meeting's agenda, with its timebox, notes and outcome.

    Items of a kind that produces a record (a decision, a rating round, ...) link to it
    through a foreign key that the migration of that area adds.
    """

    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("timebox_minutes >= 0 AND timebox_minutes <= 1440", name="timebox_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[AgendaKind] = mapped_column(str_enum(AgendaKind, "agenda_kind"))
    timebox_minutes: Mapped[int] = mapped_column(Integer, default=10)
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    notes: Mapped[str] = mapped_column(Text, default="")
    """Notes for the minutes, as rich text (Qt's HTML subset)."""
    outcome: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[ItemState] = mapped_column(
        str_enum(ItemState, "item_state"), default=ItemState.PENDING
    )
    elapsed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    running_since: Mapped[datetime | None] = mapped_column()

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    presenter: Mapped[Member | None] = relationship()


class Attendance(Base):
    """A member's attendance status at a meeting (present, absent, excused)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id", name="uq_attendance_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    status: Mapped[AttendanceStatus] = mapped_column(
        str_enum(AttendanceStatus, "attendance_status")
    )


class PresenceInterval(Base):
    """A stretch of time a member was in the room (arrival to departure)."""

    __tablename__ = "presence_interval"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    arrived_at: Mapped[datetime] = mapped_column()
    left_at: Mapped[datetime | None] = mapped_column()


class SpeakerState(enum.StrEnum):
    """Where a request to speak stands."""

    WAITING = "waiting"
    SPEAKING = "speaking"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class SpeakerEntry(Base):
    """A request to speak: queued, speaking, done or withdrawn, with its times."""

    __tablename__ = "speaker_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[TurnKind] = mapped_column(str_enum(TurnKind, "turn_kind"))
    state: Mapped[SpeakerState] = mapped_column(
        str_enum(SpeakerState, "speaker_state"), default=SpeakerState.WAITING
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    queued_at: Mapped[datetime] = mapped_column()
    started_at: Mapped[datetime | None] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()


class ActionItem(Base):
    """Something a member agreed to do, from a meeting's agenda item."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column()
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column()


class Decision(Base):
    """A proposal, its impact assessment, its ballot and its result.

    Settings and results are stored as the JSON the core writes (``to_dict``), so what the
    minutes print is exactly what was counted. Once the ballot opens, the text, options,
    rule and weights never change.
    """

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    """The full proposal as rich text (Qt's HTML subset)."""
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    rule: Mapped[dict[str, Any]] = mapped_column(JSON)
    ballot_mode: Mapped[BallotMode] = mapped_column(str_enum(BallotMode, "ballot_mode"))
    receipts: Mapped[bool] = mapped_column(default=False)
    status: Mapped[DecisionStatus] = mapped_column(
        str_enum(DecisionStatus, "decision_status"), default=DecisionStatus.DRAFT
    )
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    impact_method: Mapped[str] = mapped_column(String(40), default="")
    impact_input: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """What the facilitator entered (levels, groups, numbers...), to edit it again."""
    rationale: Mapped[str] = mapped_column(Text, default="")
    weights: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """``ImpactWeights.to_dict()``; locked when the ballot opens."""
    secrecy: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Secret ballots: the weight classes and whether small classes were accepted."""
    attendance: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Who was present, and their weight, when the ballot opened (for the quorum)."""
    tie_break: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """``DecisionResult.to_dict()``, computed once when the ballot closes."""
    slot_width: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    opened_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()


class BallotSlot(Base):
    """One secret ballot, prepared blank when the ballot opens and filled when cast.

    Secrecy in the store: no member id, no timestamp, no sequence; the key is random and the
    table has no rowid, so rows sit in random order; every slot of a decision is created
    together and keeps the same size when filled (the choice is padded), so nothing about
    the file's layout follows the order in which ballots were cast.
    """

    __tablename__ = "ballot"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    weight_class: Mapped[int] = mapped_column(Integer)
    weight: Mapped[str] = mapped_column(String(80))
    """The class weight as an exact fraction (``"p/q"``)."""
    cast: Mapped[bool] = mapped_column(default=False)
    choice: Mapped[str] = mapped_column(Text)
    """The choice as JSON padded with spaces to the decision's slot width."""
    receipt: Mapped[str | None] = mapped_column(String(16))


class BallotCast(Base):
    """That a member has voted on a decision - never what they chose."""

    __tablename__ = "ballot_cast"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 - SQLAlchemy API

    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )


class RollCallVote(Base):
    """An open vote: who chose what (roll-call decisions only)."""

    __tablename__ = "roll_call_vote"
    __table_args__ = (UniqueConstraint("decision_id", "member_id", name="uq_roll_call_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    weight: Mapped[str] = mapped_column(String(80))
    choice: Mapped[str] = mapped_column(Text)
    cast_at: Mapped[datetime] = mapped_column()


class HandCount(Base):
    """A show of hands (or paper count): how many of one weight class chose one option."""

    __tablename__ = "hand_count"
    __table_args__ = (
        UniqueConstraint("decision_id", "weight_class", "choice", name="uq_hand_count_cell"),
        CheckConstraint("count >= 0", name="count_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    weight_class: Mapped[int] = mapped_column(Integer)
    weight: Mapped[str] = mapped_column(String(80))
    choice: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)


class AuditLogEntry(Base):
    """The append-only, hash-chained log of ballots opened, closed and counted."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    """Canonical JSON of what happened."""
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
