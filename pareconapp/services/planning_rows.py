"""What the planning services hand to the screens and the command line: frozen rows.

Plain dataclasses (no session, no ORM object), built by :mod:`.planning`,
:mod:`.planning_ifb` and :mod:`.planning_practice`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from pareconapp.core.planning_exchange.accounts import Line, imbalance_of
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory
from pareconapp.core.planning_exchange.files import (
    Comparison,
    CouncilEntry,
    CouncilKind,
    DecisionNote,
    LastTotals,
    Question,
    Variant,
)
from pareconapp.store.models import DecisionStatus
from pareconapp.store.models_planning import PlanningRole, RoundState, YearStatus

PRICE_RULE_NAMES = ("newton", "secant", "dep", "dep-book")
"""The planning engine's price rules (``core.planning.PRICE_RULES``, without loading numpy)."""
DEFAULT_RULE = "secant"
"""Real councils do not report price responses, which the faster ``newton`` rule needs."""


# -- rows the screens and the command line get ------------------------------------------------


@dataclass(frozen=True)
class YearFields:
    """What is set when a planning year is created (and, for an IFB, changed later)."""

    name: str
    role: PlanningRole
    code: str
    """This assembly's id in the federation (its council's code, or the IFB's)."""
    display_name: str
    council_id: int | None = None
    """The local council that plans (a consumer council's members make the requests)."""
    rule: str = DEFAULT_RULE
    threshold: float = 0.05
    max_rounds: int = 20


@dataclass(frozen=True)
class BudgetSource:
    """Where a consumer council's budget and its members' allowances come from.

    With ``amount`` the budget is that amount; otherwise the members' allowances of the
    remuneration period ``period_id``, times ``factor`` (e.g. 4 for a quarter in a year),
    replaced by any allowance entered by hand.
    """

    period_id: int | None = None
    factor: float = 1.0
    amount: float | None = None


@dataclass(frozen=True)
class YearRow:
    """A planning year as the screens show it."""

    id: int
    fields: YearFields
    ifb_code: str
    practice: bool
    status: YearStatus
    council_name: str
    current_round: int | None
    budget: BudgetSource

    @property
    def name(self) -> str:
        """The year's name."""
        return self.fields.name

    @property
    def role(self) -> PlanningRole:
        """The part this assembly plays."""
        return self.fields.role


@dataclass(frozen=True)
class GoodFields:
    """A good of the catalogue with the IFB's starting price and fixed supply."""

    code: str
    name: str
    category: GoodCategory
    unit: str = ""
    start_price: float = 100.0
    fixed_supply: float | None = None

    @property
    def good(self) -> Good:
        """The catalogue entry."""
        return Good(self.code, self.name, self.category, self.unit)


@dataclass(frozen=True)
class RoundView:
    """A round as the screens show it: prices, the round before, the IFB's reports."""

    number: int
    state: RoundState
    final: bool
    prices: Mapping[str, float]
    last: Mapping[str, LastTotals]
    """Each good's price, supply and demand in the round before (empty in round 1)."""
    totals: tuple[Mapping[str, float], Mapping[str, float]] | None
    """This round's supply and demand, once the IFB closed it (IFB and practice years)."""
    comparisons: tuple[Comparison, ...]
    questions: tuple[Question, ...]
    variants: tuple[Variant, ...]
    councils: tuple[CouncilEntry, ...]
    consumer_councils: int
    rule: str
    threshold: float
    max_rounds: int
    sender: str
    note: str
    opened_at: datetime
    closed_at: datetime | None

    @property
    def largest_last_imbalance(self) -> float | None:
        """The largest imbalance of the round before (``None`` in round 1)."""
        values = [totals.imbalance for totals in self.last.values()]
        return max(values) if values else None

    def council_name(self, code: str) -> str:
        """The name of the council ``code`` (its code if the round file does not list it)."""
        return next((c.name for c in self.councils if c.id == code), code)


@dataclass(frozen=True)
class HistoryRound:
    """One round's prices and (once known) its totals, for the charts."""

    number: int
    prices: Mapping[str, float]
    supply: Mapping[str, float] | None
    demand: Mapping[str, float] | None

    def imbalances(self) -> dict[str, float]:
        """Each good's imbalance (empty until the round's totals are known)."""
        if self.supply is None or self.demand is None:
            return {}
        return {
            code: imbalance_of(s, self.demand.get(code, 0.0)) for code, s in self.supply.items()
        }


@dataclass(frozen=True)
class PlanHistory:
    """Every round of a year so far."""

    goods: tuple[Good, ...]
    rounds: tuple[HistoryRound, ...]
    threshold: float


@dataclass(frozen=True)
class DecisionLink:
    """The vote of the assembly on its proposal."""

    id: int
    title: str
    status: DecisionStatus
    outcome: str | None

    @property
    def passed(self) -> bool:
        """Whether the assembly adopted the proposal."""
        return self.status is DecisionStatus.CLOSED and self.outcome == "passed"

    @property
    def voting(self) -> bool:
        """Whether the ballot is open."""
        return self.status is DecisionStatus.OPEN

    @property
    def rejected(self) -> bool:
        """Whether the vote closed without adopting it (or was withdrawn)."""
        return self.status is DecisionStatus.WITHDRAWN or (
            self.status is DecisionStatus.CLOSED and not self.passed
        )


@dataclass(frozen=True)
class ProposalRow:
    """A proposal: this assembly's own, or one an IFB imported."""

    id: int
    round_number: int
    council_code: str
    kind: CouncilKind
    lines: tuple[Line, ...]
    decision: DecisionLink | None
    decision_note: DecisionNote | None
    budget: float | None
    members: int | None
    note: str
    has_responses: bool
    file_name: str
    file_sha256: str | None
    created_at: datetime
    exported_at: datetime | None


@dataclass(frozen=True)
class ConsumerBudget:
    """A consumer council's members, their allowances and the council's budget."""

    source: BudgetSource
    members: tuple[tuple[int, str], ...]
    allowances: Mapping[int, float]
    entered: frozenset[int]
    """Members whose allowance was entered by hand."""
    budget: float | None


@dataclass(frozen=True)
class ConsumptionSource:
    """A consumer-council year whose members' requests can measure a decision's impact."""

    year_id: int
    name: str
    goods: tuple[tuple[str, str], ...]
    """The goods members asked for: (code, name), by name."""


@dataclass(frozen=True)
class ExportedFile:
    """An exchange file ready to be written, with a suggested file name."""

    data: bytes
    name: str


def year_slug(name: str) -> str:
    """A file-name-safe form of a year's name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "plan"
