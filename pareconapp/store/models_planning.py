"""Participatory planning (issue 7): planning years, goods, councils, rounds, proposals.

- :class:`PlanningYear`: one planning year of this assembly in one **role**: worker council,
  consumer council or the IFB; a *practice* year adds a simulated rest-of-economy
  (:class:`PlanningEconomy`, a compressed numpy archive) whose councils answer by themselves.
- :class:`PlanningGood`: the year's goods catalogue (stable codes shared by every file).
- :class:`PlanningCouncil`: the councils an IFB knows (only they may send proposals).
- :class:`PlanningRound`: one round: its prices and, once closed, its totals; a council keeps
  the round file it imported (``received``), an IFB the rule's memory and its reports.
- :class:`PlanningProposal` with :class:`PlanningLine` rows: this assembly's own proposal of
  a round, or one an IFB imported. A council's proposal links to the decision (vote) that
  adopted it. :class:`PlanningMemberRequest` holds consumer members' own requests (private:
  only their total leaves the assembly); :class:`PlanningAllowance` allowances entered by
  hand instead of taken from remuneration.

Quantities and prices are floats (the planning engine's numbers); vectors over goods are
JSON objects keyed by good code. Nothing here imports numpy or the planning engine, which
the store (opened at start-up) does not need.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.store.models import Base, str_enum
from pareconapp.store.types import utc_now


class PlanningRole(enum.StrEnum):
    """The part this assembly plays in a planning year."""

    WORKER = "worker"
    CONSUMER = "consumer"
    IFB = "ifb"


class YearStatus(enum.StrEnum):
    """A year is planned in rounds until its plan is final."""

    OPEN = "open"
    FINAL = "final"


class RoundState(enum.StrEnum):
    """An open round takes proposals; a closed one has its totals."""

    OPEN = "open"
    CLOSED = "closed"


class ProposalSource(enum.StrEnum):
    """Where a proposal comes from."""

    OWN = "own"
    """This assembly's council drafted it."""
    IMPORTED = "imported"
    """An IFB imported it from a council's proposal file."""


class PlanningYear(Base):
    """A planning year as this assembly takes part in it."""

    __tablename__ = "planning_year"
    __table_args__ = (
        CheckConstraint("threshold > 0 AND threshold < 2", name="threshold_range"),
        CheckConstraint("max_rounds >= 1", name="max_rounds_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    """The year's name, the same in every exchange file (e.g. ``2027``)."""
    role: Mapped[PlanningRole] = mapped_column(str_enum(PlanningRole, "planning_role"))
    code: Mapped[str] = mapped_column(String(64))
    """This assembly's id in the federation: its council's code, or the IFB's."""
    display_name: Mapped[str] = mapped_column(String(200))
    """The name other assemblies see (the council's or the IFB's)."""
    council_id: Mapped[int | None] = mapped_column(ForeignKey("council.id", ondelete="SET NULL"))
    """The local council that plans (a consumer council's members make its requests)."""
    ifb_code: Mapped[str] = mapped_column(String(64), default="")
    """Councils: the IFB whose round files this year accepts (learnt from the first)."""
    rule: Mapped[str] = mapped_column(String(24), default="secant")
    threshold: Mapped[float] = mapped_column(Float, default=0.05)
    max_rounds: Mapped[int] = mapped_column(Integer, default=20)
    practice: Mapped[bool] = mapped_column(default=False)
    """A walk-through with a simulated rest-of-economy."""
    status: Mapped[YearStatus] = mapped_column(
        str_enum(YearStatus, "year_status"), default=YearStatus.OPEN
    )
    budget: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Consumer councils: where the budget comes from (remuneration period and factor)."""
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    goods: Mapped[list[PlanningGood]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="PlanningGood.position"
    )
    councils: Mapped[list[PlanningCouncil]] = relationship(
        cascade="all, delete-orphan", order_by="PlanningCouncil.position"
    )
    rounds: Mapped[list[PlanningRound]] = relationship(
        back_populates="year", cascade="all, delete-orphan", order_by="PlanningRound.number"
    )


class PlanningEconomy(Base):
    """The simulated rest-of-economy of a practice year (a ``.npz`` archive's bytes)."""

    __tablename__ = "planning_economy"

    year_id: Mapped[int] = mapped_column(
        ForeignKey("planning_year.id", ondelete="CASCADE"), primary_key=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))


class PlanningGood(Base):
    """A good of a year's catalogue."""

    __tablename__ = "planning_good"
    __table_args__ = (
        UniqueConstraint("year_id", "code", name="uq_planning_good_code"),
        CheckConstraint("start_price > 0", name="start_price_positive"),
        CheckConstraint("fixed_supply IS NULL OR fixed_supply >= 0", name="fixed_supply_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(
        ForeignKey("planning_year.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[GoodCategory] = mapped_column(str_enum(GoodCategory, "good_category"))
    unit: Mapped[str] = mapped_column(String(40), default="")
    start_price: Mapped[float] = mapped_column(Float, default=100.0)
    fixed_supply: Mapped[float | None] = mapped_column(Float)
    """IFB: how much of a natural resource, labour type or pollutant there is."""

    year: Mapped[PlanningYear] = relationship(back_populates="goods")


class PlanningCouncil(Base):
    """A council of the federation as an IFB registers it."""

    __tablename__ = "planning_council"
    __table_args__ = (UniqueConstraint("year_id", "code", name="uq_planning_council_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(
        ForeignKey("planning_year.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    """``worker`` or ``consumer``."""


class PlanningRound(Base):
    """One planning round of a year."""

    __tablename__ = "planning_round"
    __table_args__ = (
        UniqueConstraint("year_id", "number", name="uq_planning_round_number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(
        ForeignKey("planning_year.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[RoundState] = mapped_column(
        str_enum(RoundState, "round_state"), default=RoundState.OPEN
    )
    final: Mapped[bool] = mapped_column(default=False)
    """The plan: no proposals are asked for; the round's file announces the result."""
    prices: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The indicative price of every good (by code)."""
    rule_state: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """IFB: the price rule's memory before this round is closed (lists of floats)."""
    totals: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Once closed: ``{"supply": {...}, "demand": {...}}`` by good code."""
    simulated: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Practice years: what the simulated councils proposed (totals, comparison data)."""
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """IFB: comparisons, questions ("who says no") and plan variants made on closing."""
    received: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Councils: the content of the round file this round came from."""
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    """The hash of the round file imported (councils) or last written (IFB)."""
    opened_at: Mapped[datetime] = mapped_column(default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column()

    year: Mapped[PlanningYear] = relationship(back_populates="rounds")
    proposals: Mapped[list[PlanningProposal]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="PlanningProposal.id"
    )


class PlanningProposal(Base):
    """A council's proposal for a round (this assembly's own, or imported by an IFB)."""

    __tablename__ = "planning_proposal"
    __table_args__ = (
        UniqueConstraint("round_id", "council_code", name="uq_planning_proposal_council"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("planning_round.id", ondelete="CASCADE"), index=True
    )
    council_code: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    """``worker`` or ``consumer``."""
    source: Mapped[ProposalSource] = mapped_column(str_enum(ProposalSource, "proposal_source"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    """The council's vote on this proposal (own proposals)."""
    decision_note: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Imported proposals: how the council says it decided (from the file)."""
    responses: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """Price responses over the lines' goods, if the council reported them."""
    budget: Mapped[float | None] = mapped_column(Float)
    members: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    """The hash of the file imported (IFB) or last exported (councils)."""
    file_name: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    exported_at: Mapped[datetime | None] = mapped_column()

    round: Mapped[PlanningRound] = relationship(back_populates="proposals")
    lines: Mapped[list[PlanningLine]] = relationship(
        cascade="all, delete-orphan", order_by="PlanningLine.id"
    )
    member_requests: Mapped[list[PlanningMemberRequest]] = relationship(
        cascade="all, delete-orphan", order_by="PlanningMemberRequest.id"
    )


class PlanningLine(Base):
    """One good of a proposal: the quantity offered and the quantity asked for."""

    __tablename__ = "planning_line"
    __table_args__ = (
        UniqueConstraint("proposal_id", "good_id", name="uq_planning_line_good"),
        CheckConstraint("supplied >= 0 AND demanded >= 0", name="quantities_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("planning_proposal.id", ondelete="CASCADE"), index=True
    )
    good_id: Mapped[int] = mapped_column(ForeignKey("planning_good.id", ondelete="RESTRICT"))
    supplied: Mapped[float] = mapped_column(Float, default=0.0)
    demanded: Mapped[float] = mapped_column(Float, default=0.0)

    good: Mapped[PlanningGood] = relationship()


class PlanningMemberRequest(Base):
    """What one member of a consumer council asks for of one good (private to the assembly)."""

    __tablename__ = "planning_member_request"
    __table_args__ = (
        UniqueConstraint(
            "proposal_id", "member_id", "good_id", name="uq_planning_member_request_good"
        ),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("planning_proposal.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    good_id: Mapped[int] = mapped_column(ForeignKey("planning_good.id", ondelete="RESTRICT"))
    quantity: Mapped[float] = mapped_column(Float)

    good: Mapped[PlanningGood] = relationship()


class PlanningAllowance(Base):
    """A member's allowance for a consumer council's year, entered by hand."""

    __tablename__ = "planning_allowance"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),)

    year_id: Mapped[int] = mapped_column(
        ForeignKey("planning_year.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True
    )
    amount: Mapped[float] = mapped_column(Float)
