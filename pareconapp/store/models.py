"""Typed SQLAlchemy models of an assembly file.

Every schema change is an Alembic migration under ``migrations/versions``; the test suite
checks that the migrated schema matches these models. Constraints carry stable names (the
naming convention below) because SQLite batch migrations depend on them.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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

    team: Mapped[Council | None] = relationship(foreign_keys=[team_id])
    consumer_council: Mapped[Council | None] = relationship(foreign_keys=[consumer_council_id])
