"""Minutes: their approval (frozen with a SHA-256) and errata added afterwards."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pareconapp.store.models import Base, str_enum
from pareconapp.store.types import utc_now


class MinutesStatus(enum.StrEnum):
    """Draft minutes follow the record; approved minutes are frozen."""

    DRAFT = "draft"
    APPROVED = "approved"


class MinutesRecord(Base):
    """The minutes of one meeting.

    While draft, the minutes are generated from the record each time (prose - notes and
    outcomes - stays editable in the agenda items, ``preface`` here). Approval stores the
    document as it was approved, with its SHA-256; later exports print that document, and
    corrections are :class:`Erratum` rows, never edits.
    """

    __tablename__ = "minutes"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), primary_key=True
    )
    status: Mapped[MinutesStatus] = mapped_column(
        str_enum(MinutesStatus, "minutes_status"), default=MinutesStatus.DRAFT
    )
    preface: Mapped[str] = mapped_column(Text, default="")
    """Free prose the minute-taker adds at the top (rich text)."""
    approved_at: Mapped[datetime | None] = mapped_column()
    approval_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT")
    )
    """The decision (of a later meeting) that approved these minutes."""
    document: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The approved document model, exactly as approved."""
    sha256: Mapped[str | None] = mapped_column(String(64))


class Erratum(Base):
    """A correction to approved minutes, printed by every later export."""

    __tablename__ = "erratum"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.meeting_id", ondelete="RESTRICT"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    """The decision that accepted the correction, if one did."""
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
