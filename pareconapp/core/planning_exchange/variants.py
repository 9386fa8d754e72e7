"""Feasible plan variants for the federation to vote on, once planning stops.

When the rounds stop, supply and demand are close but not equal (every good within the
threshold, or as close as the round limit allowed). A plan must be feasible: for every good,
what is used may not exceed what is made plus the fixed supply. Each council may carry out a
share ``s`` (0 to 1) of its proposal: a worker council its outputs and inputs together, a
consumer council its requests. The variants choose these shares by a linear programme
(GLOP, from OR-Tools) with different aims:

* **equal-shares**: every consumer council gets the same share of its requests, as large as
  possible; then as much consumption as possible;
* **most-consumption**: as much of the requests' value (at the final prices) as possible,
  even if some councils get less than others;
* **fewer-hours**: equal shares with 5 % fewer labour hours than equal-shares uses;
* **less-pollution**: equal shares with 10 % fewer emissions than equal-shares;
* **reserve**: equal shares keeping 2 % more of every produced good than is used, for
  surprises during the year.

Among plans equally good by its aim, each variant prefers fewer labour hours (so nothing is
made that nobody uses). Variants that come out the same as an earlier one, or give consumers
nothing, are dropped: there are 2 to 5.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning_exchange.catalogue import Catalogue, GoodCategory
from pareconapp.core.planning_exchange.files import CouncilKind, Variant, VariantGood
from pareconapp.core.planning_exchange.rounds import CouncilProposal

SIMULATED_PREFIX = "simulated"
"""Keys of simulated councils' groups start with this (they are not named in variants)."""

VARIANT_TEXTS: dict[str, tuple[SourceText, SourceText]] = {
    "equal-shares": (
        QT_TRANSLATE_NOOP("Planning", "Equal shares"),
        QT_TRANSLATE_NOOP(
            "Planning",
            "Every consumer council gets the same share of its requests, as large as the plan "
            "allows.",
        ),
    ),
    "most-consumption": (
        QT_TRANSLATE_NOOP("Planning", "Most consumption"),
        QT_TRANSLATE_NOOP(
            "Planning",
            "As much of all requests as possible, even if some councils get less than others.",
        ),
    ),
    "fewer-hours": (
        QT_TRANSLATE_NOOP("Planning", "Fewer work hours"),
        QT_TRANSLATE_NOOP(
            "Planning", "Equal shares with 5 % fewer labour hours: more free time, less to consume."
        ),
    ),
    "less-pollution": (
        QT_TRANSLATE_NOOP("Planning", "Less pollution"),
        QT_TRANSLATE_NOOP(
            "Planning", "Equal shares with 10 % fewer emissions: a cleaner year, less to consume."
        ),
    ),
    "reserve": (
        QT_TRANSLATE_NOOP("Planning", "Keep a reserve"),
        QT_TRANSLATE_NOOP(
            "Planning",
            "Equal shares, making 2 % more of every produced good than is used, for surprises "
            "during the year.",
        ),
    ),
}
"""Each variant's name and description (the files carry them in English)."""

HOURS_CUT = 0.95
EMISSIONS_CUT = 0.90
RESERVE = 1.02
_SAME = 2e-3
_PREFER_FEWER_HOURS = 1e-3


@dataclass(frozen=True)
class Entity:
    """A council (or a group of simulated councils) whose proposal can be scaled."""

    key: str
    consumer: bool
    supply: FloatArray
    demand: FloatArray
    """As the IFB counts it: public goods divided by N."""
    value: float
    """Consumers: what the requests cost at the final prices."""


def proposal_entities(
    catalogue: Catalogue,
    prices: FloatArray,
    proposals: Sequence[CouncilProposal],
    consumer_councils: int,
) -> list[Entity]:
    """The real councils' proposals as entities (public goods' demand divided by N)."""
    public = np.array(catalogue.mask(GoodCategory.PUBLIC))
    entities = []
    for proposal in proposals:
        supply = np.zeros(len(catalogue))
        demand = np.zeros(len(catalogue))
        for line in proposal.lines:
            index = catalogue.index(line.good)
            supply[index] += line.supplied
            demand[index] += line.demanded
        consumer = proposal.kind is CouncilKind.CONSUMER
        if consumer:
            demand[public] /= max(1, consumer_councils)
        value = float(demand @ prices) if consumer else 0.0
        entities.append(Entity(proposal.council, consumer, supply, demand, value))
    return entities


def grouped_entities(
    groups: Sequence[tuple[str, bool, FloatArray, FloatArray, float]],
    catalogue: Catalogue,
    consumer_councils: int,
) -> list[Entity]:
    """Simulated groups (see ``simulated.simulated_entities``) as entities."""
    public = np.array(catalogue.mask(GoodCategory.PUBLIC))
    entities = []
    for key, consumer, supply, demand, value in groups:
        counted = np.array(demand, dtype=np.float64)
        counted[public] /= max(1, consumer_councils)
        entities.append(Entity(key, consumer, np.asarray(supply), counted, value))
    return entities


@dataclass(frozen=True)
class _Aim:
    id: str
    equal: bool = True
    hours_cap: float | None = None
    emissions_cap: float | None = None
    reserve: float = 1.0


def plan_variants(
    catalogue: Catalogue, entities: Sequence[Entity], fixed_supply: FloatArray
) -> list[Variant]:
    """Two to five feasible plans (see the module docstring), the equal-shares plan first."""
    problem = _Problem(catalogue, entities, np.asarray(fixed_supply, dtype=np.float64))
    first = problem.solve(_Aim("equal-shares"))
    aims = [_Aim("most-consumption", equal=False)]
    if first is not None and problem.hours(first) > 0:
        aims.append(_Aim("fewer-hours", hours_cap=HOURS_CUT * problem.hours(first)))
    if first is not None and problem.emissions(first) > 0:
        aims.append(_Aim("less-pollution", emissions_cap=EMISSIONS_CUT * problem.emissions(first)))
    aims.append(_Aim("reserve", reserve=RESERVE))
    found: list[tuple[str, FloatArray]] = [] if first is None else [("equal-shares", first)]
    for aim in aims:
        shares = problem.solve(aim)
        if shares is None or problem.consumption(shares) <= 0:
            continue
        if any(np.max(np.abs(shares - other)) < _SAME for _, other in found):
            continue
        found.append((aim.id, shares))
    return [problem.variant(key, shares) for key, shares in found[:5]]


class _Problem:
    """The linear programme behind every variant."""

    def __init__(self, catalogue: Catalogue, entities: Sequence[Entity], fixed: FloatArray):
        self.catalogue = catalogue
        self.entities = list(entities)
        self.fixed = fixed
        self.net_use = np.array([e.demand - e.supply for e in self.entities]).reshape(
            len(self.entities), len(catalogue)
        )
        self.produced = np.array([g.category.produced for g in catalogue.goods])
        labour = np.array(catalogue.mask(GoodCategory.LABOUR))
        pollutant = np.array(catalogue.mask(GoodCategory.POLLUTANT))
        self.hour_use = np.array([float(e.demand[labour].sum()) for e in self.entities])
        self.emission_use = np.array([float(e.demand[pollutant].sum()) for e in self.entities])
        self.consumer = np.array([e.consumer for e in self.entities], dtype=bool)
        self.values = np.array([e.value for e in self.entities])

    def hours(self, shares: FloatArray) -> float:
        """Labour hours the plan uses."""
        return float(self.hour_use @ shares)

    def emissions(self, shares: FloatArray) -> float:
        """Emissions the plan allows."""
        return float(self.emission_use @ shares)

    def consumption(self, shares: FloatArray) -> float:
        """The share of the requests' value the plan meets."""
        total = float(self.values[self.consumer].sum())
        if total <= 0:
            return 1.0 if self.consumer.any() else 0.0
        return float(self.values[self.consumer] @ shares[self.consumer]) / total

    def solve(self, aim: _Aim) -> FloatArray | None:
        """The shares for ``aim`` (``None`` if the solver finds no plan)."""
        lowest = None
        if aim.equal and self.consumer.any():
            phase_one = self._solve(aim, maximise_lowest=True, lowest=None)
            if phase_one is None:
                return None
            lowest = max(0.0, float(phase_one[-1]) * (1 - 1e-7) - 1e-9)
        result = self._solve(aim, maximise_lowest=False, lowest=lowest)
        return None if result is None else np.clip(result[:-1], 0.0, 1.0)

    def _solve(self, aim: _Aim, maximise_lowest: bool, lowest: float | None) -> FloatArray | None:
        from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

        solver: Any = pywraplp.Solver.CreateSolver("GLOP")
        count = len(self.entities)
        shares = [solver.NumVar(0.0, 1.0, f"s{number}") for number in range(count)]
        floor = solver.NumVar(0.0 if lowest is None else lowest, 1.0, "t")
        use = self.net_use.copy()
        if aim.reserve != 1.0:
            for number, entity in enumerate(self.entities):
                use[number, self.produced] = (
                    aim.reserve * entity.demand[self.produced] - entity.supply[self.produced]
                )
        for good in range(len(self.catalogue)):
            _add_row(solver, shares, use[:, good], float(self.fixed[good]))
        if aim.equal:
            for index in np.flatnonzero(self.consumer):
                row = solver.Constraint(-solver.infinity(), 0.0)
                row.SetCoefficient(floor, 1.0)
                row.SetCoefficient(shares[index], -1.0)
        caps = ((aim.hours_cap, self.hour_use), (aim.emissions_cap, self.emission_use))
        for cap, weights in caps:
            if cap is not None:
                _add_row(solver, shares, weights, cap)
        objective = solver.Objective()
        if maximise_lowest:
            objective.SetCoefficient(floor, 1.0)
        else:
            total_value = float(self.values[self.consumer].sum()) or 1.0
            total_hours = float(self.hour_use.sum()) or 1.0
            gains = np.where(self.consumer, self.values / total_value, 0.0)
            gains -= _PREFER_FEWER_HOURS * self.hour_use / total_hours
            for index in np.flatnonzero(gains):
                objective.SetCoefficient(shares[index], float(gains[index]))
        objective.SetMaximization()
        if solver.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        return np.array([v.solution_value() for v in [*shares, floor]], dtype=np.float64)

    def variant(self, key: str, shares: FloatArray) -> Variant:
        """The variant with ``shares`` in the file's form (English texts)."""
        supply = self.fixed + sum(
            (e.supply * s for e, s in zip(self.entities, shares, strict=True)),
            np.zeros(len(self.catalogue)),
        )
        demand = sum(
            (e.demand * s for e, s in zip(self.entities, shares, strict=True)),
            np.zeros(len(self.catalogue)),
        )
        name, description = VARIANT_TEXTS[key]
        consumers = shares[self.consumer]
        return Variant(
            id=key,
            name=name.text,
            description=description.text,
            goods=tuple(
                VariantGood(code, float(s), float(d))
                for code, s, d in zip(self.catalogue.codes, supply, demand, strict=True)
            ),
            scales={
                e.key: round(float(s), 6)
                for e, s in zip(self.entities, shares, strict=True)
                if not e.key.startswith(SIMULATED_PREFIX)
            },
            consumption=min(1.0, max(0.0, self.consumption(shares))),
            lowest_share=float(consumers.min()) if consumers.size else 1.0,
            labour=self.hours(shares),
            emissions=self.emissions(shares),
        )


def _add_row(solver: Any, shares: list[Any], weights: FloatArray, upper: float) -> None:
    """Add ``sum weights[i] * shares[i] <= upper`` (nothing if every weight is 0)."""
    if not np.any(weights):
        return
    row = solver.Constraint(-solver.infinity(), upper)
    for number in np.flatnonzero(weights):
        row.SetCoefficient(shares[number], float(weights[number]))
