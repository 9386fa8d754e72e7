"""The planning view's model: a year's convergence and this assembly's part, as plain data.

No Qt here (see :mod:`pareconapp.ui.projector.models`). The year shown is the one the
facilitator has on the Planning page, else the newest year with a round whose totals are
known. A walk-through adds how this assembly's proposal moved the totals of the last closed
round; a real year lists the goods still out of balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pareconapp.core.i18n import UserError

if TYPE_CHECKING:
    from pareconapp.services.planning_rows import PlanHistory, YearRow
    from pareconapp.ui.projector.models import ProjectorSource

PART_ROWS = 8
"""At most this many goods in the list beside the chart (those that matter most)."""


@dataclass(frozen=True)
class PartRow:
    """One good in the list beside the chart: its imbalance, and without this assembly."""

    good: str
    imbalance: float
    without: float | None = None
    """The imbalance had this assembly proposed nothing (walk-throughs only)."""


@dataclass(frozen=True)
class PlanningModel:
    """A planning year's rounds so far, for the room."""

    year_name: str
    role: str
    """``worker``, ``consumer`` or ``ifb`` (the year's role)."""
    practice: bool
    round_number: int
    """The last round whose totals are known."""
    threshold: float
    history: PlanHistory
    largest: float
    rows: tuple[PartRow, ...]
    """Walk-through: the goods this assembly's proposal moved most; else those out of balance."""


_MODELS: dict[tuple[str, int, int | None, str], PlanningModel | None] = {}
"""The last model built, by file, year, current round and status (nothing else changes it)."""


def build_planning(source: ProjectorSource) -> PlanningModel | None:
    """The year in focus (else the newest with totals); ``None`` before any round's totals."""
    planning = source.assembly.planning
    try:
        years = planning.years()
    except UserError:
        return None
    chosen = [y for y in years if y.id == source.planning_year_id] or years
    for year in chosen:
        key = (str(source.assembly.path), year.id, year.current_round, year.status.value)
        if key not in _MODELS:
            _MODELS.clear()
            _MODELS[key] = _model(source, year)
        if _MODELS[key] is not None:
            return _MODELS[key]
    return None


def _model(source: ProjectorSource, year: YearRow) -> PlanningModel | None:
    planning = source.assembly.planning
    history = planning.history(year.id)
    known = [r for r in history.rounds if r.supply is not None]
    if not known:
        return None
    last = known[-1]
    imbalances = last.imbalances()
    names = {g.code: g.name for g in history.goods}
    rows: list[PartRow]
    if year.practice:
        parts = planning.practice.contribution(year.id)
        moved = sorted(parts, key=lambda p: -abs(p.imbalance_without - p.imbalance))
        rows = [
            PartRow(names.get(p.good, p.good), p.imbalance, p.imbalance_without)
            for p in moved
            if p.own_supply or p.own_demand
        ]
    else:
        out = sorted(
            ((code, value) for code, value in imbalances.items() if value > history.threshold),
            key=lambda item: -item[1],
        )
        rows = [PartRow(names.get(code, code), value) for code, value in out]
    return PlanningModel(
        year.name,
        year.role.value,
        year.practice,
        last.number,
        history.threshold,
        history,
        max(imbalances.values(), default=0.0),
        tuple(rows[:PART_ROWS]),
    )
