"""Planning rounds until every good is within a threshold or the rounds run out.

In each round the councils answer the IFB's prices, the IFB adds up their proposals and
updates the prices.

Rounds are counted as the DEP tables count them: round 1 is the councils' first proposals (at
the starting prices), and a threshold is reached in the first round whose proposals have every
good within it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning.economy import Economy
from pareconapp.core.planning.generate import next_year
from pareconapp.core.planning.ifb import imbalance
from pareconapp.core.planning.price_rules import PriceRule, RuleState
from pareconapp.core.planning.proposals import plan_totals
from pareconapp.core.progress import Progress

# All prices start at 700 in the DEP experiments (csvgen.clj, ``globals``).
DEP_START_PRICE = 700.0
DEFAULT_THRESHOLDS = (0.05, 0.03)


@dataclass(frozen=True)
class PlanningRound:
    """One round: the prices the councils answered and the totals of their proposals."""

    number: int
    """Counted from 1, as the DEP tables count rounds."""
    prices: FloatArray
    supply: FloatArray
    demand: FloatArray

    @property
    def imbalance(self) -> FloatArray:
        """Each good's imbalance ``v = |2 (S - D)| / (S + D)``."""
        return imbalance(self.supply, self.demand)

    @property
    def largest_imbalance(self) -> float:
        """The largest imbalance over all goods: the plan is feasible within it."""
        return float(self.imbalance.max(initial=0.0))


@dataclass(frozen=True)
class PlanningRun:
    """The rounds of one planning run and where it ended."""

    rule: str
    rounds: tuple[PlanningRound, ...]
    next_prices: FloatArray
    """The prices the IFB would publish for the round after the last one."""
    state: RuleState
    """The rule's memory after the last round."""

    def rounds_to(self, threshold: float) -> int | None:
        """The first round whose every good is within ``threshold``, or None."""
        for planning_round in self.rounds:
            if planning_round.largest_imbalance <= threshold:
                return planning_round.number
        return None

    def prices_after(self, number: int) -> FloatArray:
        """The prices the IFB published after round ``number`` (for round ``number + 1``)."""
        if number < len(self.rounds):
            return self.rounds[number].prices
        if number == len(self.rounds):
            return self.next_prices
        raise IndexError(number)


def start_prices(economy: Economy, price: float = DEP_START_PRICE) -> FloatArray:
    """Cold-start prices: every good at ``price`` (700 in the DEP experiments)."""
    return np.full(economy.layout.total, price)


def run_planning(
    economy: Economy,
    rule: PriceRule,
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    max_rounds: int = 200,
    prices: FloatArray | None = None,
    state: RuleState | None = None,
    progress: Progress | None = None,
    on_round: Callable[[PlanningRound], None] | None = None,
) -> PlanningRun:
    """Run planning rounds until every good is within the smallest threshold.

    Args:
        economy: the councils that answer each round's prices.
        rule: the IFB's price-update rule.
        thresholds: the run stops once every good is within the smallest of them.
        max_rounds: the run stops after this many rounds in any case.
        prices: the first round's prices (a cold start at 700 if not given).
        state: the rule's memory to start from (its cold-start memory if not given).
        progress: told ``(round, max_rounds)`` after every round; may cancel the run
            (``pareconapp.core.progress.Cancelled`` is raised then).
        on_round: called with every round as soon as it is done (e.g. to plot it live).
    """
    goal = min(thresholds)
    prices = start_prices(economy) if prices is None else np.asarray(prices, dtype=np.float64)
    if prices.shape != (economy.layout.total,) or not np.all(np.isfinite(prices) & (prices > 0)):
        raise ValueError("prices must be one positive number per good")
    state = rule.initial_state(economy.layout.total) if state is None else state
    rounds: list[PlanningRound] = []
    for number in range(1, max_rounds + 1):
        if progress is not None:
            progress.check_cancelled()
        totals = plan_totals(economy, prices, responses=rule.needs_responses)
        rounds.append(PlanningRound(number, prices, totals.supply, totals.demand))
        prices, state = rule.next_prices(prices, totals, state)
        if on_round is not None:
            on_round(rounds[-1])
        if progress is not None:
            progress.report(number, max_rounds)
        if rounds[-1].largest_imbalance <= goal:
            break
    return PlanningRun(rule.name, tuple(rounds), prices, state)


def run_two_years(
    economy: Economy,
    rule: PriceRule,
    *,
    seed: int,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    max_rounds: int = 200,
    progress: Progress | None = None,
) -> tuple[PlanningRun, PlanningRun]:
    """A cold-start year, then a warm "year two" (the DEP tables' 9.4).

    Year two's councils have their exponents nudged (seeded by ``seed``; see
    :func:`~pareconapp.core.planning.generate.next_year`) and planning starts from the prices
    year one ended with and the rule's memory (:meth:`PriceRule.next_year_state`).
    """
    first_progress = _shifted(progress, 0, 2 * max_rounds)
    year_two_progress = _shifted(progress, max_rounds, 2 * max_rounds)
    year_one = run_planning(
        economy, rule, thresholds=thresholds, max_rounds=max_rounds, progress=first_progress
    )
    year_two = run_planning(
        next_year(economy, seed),
        rule,
        thresholds=thresholds,
        max_rounds=max_rounds,
        prices=year_one.next_prices,
        state=rule.next_year_state(year_one.state, economy.layout.total),
        progress=year_two_progress,
    )
    return year_one, year_two


def _shifted(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """A progress sink that forwards ``offset + done`` of ``total`` to ``progress``."""
    if progress is None:
        return None
    outer = progress
    return Progress(lambda done, _total, message: outer.report(offset + done, total, message))
