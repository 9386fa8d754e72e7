"""The IFB's work on one round of real proposals: totals, new prices, and its reports.

An Iteration Facilitation Board publishes indicative prices, receives the councils'
proposals (exchange files), adds them up with the supply of goods nobody produces (natural
resources, labour, pollution permits), measures every good's imbalance
``v = |2 (S - D)| / (S + D)`` and sets next round's prices with its price rule (the planning
engine's :mod:`~pareconapp.core.planning.price_rules`). Planning stops when every good is
within the threshold, or at the round limit.

Public goods are shared: a consumer council states how much of a public good it wants for
everyone, and the IFB counts the mean request over all N consumer councils (as the DEP
simulations do); each council pays ``price / N`` per unit it asks for.

A simulated rest-of-economy (the walk-through, :mod:`.simulated`) adds its councils' totals
to the real proposals' before the division by N.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.planning import (
    PriceRule,
    Proposal,
    RoundTotals,
    RuleState,
    imbalance,
    totals_from_proposals,
)
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning_exchange.accounts import (
    Line,
    consumer_cost,
    over_budget,
    worker_account,
)
from pareconapp.core.planning_exchange.catalogue import Catalogue, GoodCategory, by_code
from pareconapp.core.planning_exchange.files import (
    Comparison,
    CouncilKind,
    Question,
    QuestionReason,
)


@dataclass(frozen=True)
class CouncilProposal:
    """A council's proposal as the IFB uses it (from a file, or this assembly's own)."""

    council: str
    kind: CouncilKind
    lines: tuple[Line, ...]
    responses: tuple[FloatArray, FloatArray] | None = None
    """``(supply, demand)``: ``d quantity[i] / d ln price[j]`` over the lines' goods."""
    budget: float | None = None
    decided: bool = True


@dataclass(frozen=True)
class SimulatedTotals:
    """What the simulated councils of a walk-through propose together at a round's prices.

    ``demand`` counts public goods as the *sum* of the simulated consumer councils' requests
    (the IFB divides by N once every council is in); ``supply`` holds produced goods only.
    """

    supply: FloatArray
    demand: FloatArray
    consumer_councils: int
    worker_councils: int
    supply_response: FloatArray | None = None
    demand_response: FloatArray | None = None


def _engine_proposal(
    proposal: CouncilProposal, catalogue: Catalogue, zero_responses: bool
) -> Proposal:
    goods = np.array([catalogue.index(line.good) for line in proposal.lines], dtype=np.int64)
    supplied = np.array([line.supplied for line in proposal.lines], dtype=np.float64)
    demanded = np.array([line.demanded for line in proposal.lines], dtype=np.float64)
    size = goods.size
    if proposal.responses is not None:
        supply_response, demand_response = proposal.responses
    elif zero_responses:
        supply_response = demand_response = np.zeros((size, size))
    else:
        return Proposal(goods, supplied, demanded)
    return Proposal(goods, supplied, demanded, supply_response, demand_response)


def round_totals(
    catalogue: Catalogue,
    proposals: Sequence[CouncilProposal],
    fixed_supply: FloatArray,
    consumer_councils: int,
    simulated: SimulatedTotals | None = None,
    *,
    zero_missing_responses: bool = False,
) -> RoundTotals:
    """Supply and demand of every good from the proposals (and the simulated councils).

    Args:
        catalogue: the goods, in the order of the vectors.
        proposals: the real councils' proposals.
        fixed_supply: the supply of natural resources, labour and pollution permits.
        consumer_councils: how many real consumer councils share the public goods.
        simulated: the totals of a simulated rest-of-economy, if any.
        zero_missing_responses: count proposals without price responses as not responding
            (a walk-through's own council) instead of leaving the totals without responses.

    The totals carry summed responses only if every proposal (and the simulation) has them.
    """
    goods = len(catalogue)
    totals = totals_from_proposals(
        goods,
        [_engine_proposal(p, catalogue, zero_missing_responses) for p in proposals],
        np.asarray(fixed_supply, dtype=np.float64),
    )
    supply, demand = totals.supply, totals.demand
    supply_response, demand_response = totals.supply_response, totals.demand_response
    sharing = consumer_councils
    if simulated is not None:
        sharing += simulated.consumer_councils
        supply = supply + simulated.supply
        demand = demand + simulated.demand
        if (
            supply_response is not None
            and demand_response is not None
            and simulated.supply_response is not None
            and simulated.demand_response is not None
        ):
            supply_response = supply_response + simulated.supply_response
            demand_response = demand_response + simulated.demand_response
        else:
            supply_response = demand_response = None
    public = np.array(catalogue.mask(GoodCategory.PUBLIC))
    demand = np.array(demand, dtype=np.float64)
    demand[public] /= max(1, sharing)
    if supply_response is None or demand_response is None:
        return RoundTotals(supply, demand)
    demand_response = np.array(demand_response, dtype=np.float64)
    demand_response[public, :] /= max(1, sharing)
    return RoundTotals(supply, demand, supply_response, demand_response)


@dataclass(frozen=True)
class ClosedRound:
    """A round the IFB has closed: its totals and what comes next."""

    number: int
    prices: FloatArray
    supply: FloatArray
    demand: FloatArray
    next_prices: FloatArray
    state: RuleState
    threshold: float
    max_rounds: int

    @property
    def imbalance(self) -> FloatArray:
        """Each good's imbalance ``v = |2 (S - D)| / (S + D)``."""
        return imbalance(self.supply, self.demand)

    @property
    def largest_imbalance(self) -> float:
        """The largest imbalance of any good."""
        return float(self.imbalance.max(initial=0.0))

    @property
    def within_threshold(self) -> bool:
        """Whether every good is within the threshold: the plan is feasible."""
        return self.largest_imbalance <= self.threshold

    @property
    def final(self) -> bool:
        """Whether planning stops here (feasible, or the round limit is reached)."""
        return self.within_threshold or self.number >= self.max_rounds


def close_round(
    number: int,
    prices: FloatArray,
    totals: RoundTotals,
    rule: PriceRule,
    state: RuleState,
    threshold: float,
    max_rounds: int,
) -> ClosedRound:
    """Close round ``number``: next round's prices by ``rule`` from the totals."""
    if rule.needs_responses and not totals.has_responses:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning",
                "The {rule} rule needs every council's price responses, and some proposals "
                "have none. Close the round with another rule (secant or dep).",
            ),
            rule=rule.name,
        )
    next_prices, next_state = rule.next_prices(np.asarray(prices, dtype=np.float64), totals, state)
    return ClosedRound(
        number,
        np.asarray(prices, dtype=np.float64),
        totals.supply,
        totals.demand,
        next_prices,
        next_state,
        threshold,
        max_rounds,
    )


@dataclass(frozen=True)
class GoodBalance:
    """A good out of balance: its totals and which side is short."""

    good: str
    supply: float
    demand: float
    imbalance: float

    @property
    def excess_demand(self) -> bool:
        """Whether more is asked for than offered (the price will rise)."""
        return self.demand > self.supply


def out_of_balance(
    catalogue: Catalogue, supply: FloatArray, demand: FloatArray, threshold: float
) -> list[GoodBalance]:
    """The goods whose imbalance exceeds ``threshold``, the largest first."""
    gaps = imbalance(np.asarray(supply), np.asarray(demand))
    rows = [
        GoodBalance(code, float(s), float(d), float(v))
        for code, s, d, v in zip(catalogue.codes, supply, demand, gaps, strict=True)
        if v > threshold
    ]
    return sorted(rows, key=lambda row: -row.imbalance)


def questions(
    catalogue: Catalogue,
    prices: FloatArray,
    proposals: Iterable[CouncilProposal],
    consumer_councils: int,
) -> list[Question]:
    """Parecon's "who says no": proposals other councils should question, and why.

    A worker council with SB/SC < 1; a consumer council whose requests cost more than its
    budget; a proposal the council did not decide by a vote.
    """
    price_of = by_code(catalogue, prices)
    found = []
    for proposal in proposals:
        if proposal.kind is CouncilKind.WORKER:
            account = worker_account(proposal.lines, price_of)
            if account.below_one:
                found.append(Question(proposal.council, QuestionReason.RATIO, account.ratio, 1.0))
        else:
            cost = consumer_cost(proposal.lines, price_of, catalogue, consumer_councils)
            if proposal.budget is not None and over_budget(cost, proposal.budget):
                found.append(
                    Question(proposal.council, QuestionReason.BUDGET, cost, proposal.budget)
                )
        if not proposal.decided:
            found.append(Question(proposal.council, QuestionReason.UNDECIDED))
    return found


ComparisonEntry = tuple[str, float, float | None]
"""A worker council for comparisons: (its product's code, its output, its SB/SC)."""


def product_of(lines: Sequence[Line], prices: FloatArray, catalogue: Catalogue) -> str | None:
    """The good a worker council mainly makes: its output of the highest value."""
    best, best_value = None, 0.0
    for line in lines:
        value = line.supplied * float(prices[catalogue.index(line.good)])
        if value > best_value:
            best, best_value = line.good, value
    return best


def comparison_entries(
    catalogue: Catalogue, prices: FloatArray, proposals: Iterable[CouncilProposal]
) -> list[ComparisonEntry]:
    """The real worker councils' entries for :func:`comparisons`."""
    price_of = by_code(catalogue, prices)
    entries = []
    for proposal in proposals:
        if proposal.kind is not CouncilKind.WORKER:
            continue
        product = product_of(proposal.lines, prices, catalogue)
        if product is None:
            continue
        output = next(line.supplied for line in proposal.lines if line.good == product)
        entries.append((product, output, worker_account(proposal.lines, price_of).ratio))
    return entries


def comparisons(entries: Iterable[ComparisonEntry]) -> list[Comparison]:
    """Per product: how many councils made it, their median output and SB/SC range."""
    by_good: dict[str, list[tuple[float, float | None]]] = {}
    for good, output, ratio in entries:
        by_good.setdefault(good, []).append((output, ratio))
    result = []
    for good, rows in by_good.items():
        ratios = [ratio for _, ratio in rows if ratio is not None]
        result.append(
            Comparison(
                good,
                len(rows),
                float(statistics.median(output for output, _ in rows)),
                float(statistics.median(ratios)) if ratios else None,
                min(ratios) if ratios else None,
                max(ratios) if ratios else None,
            )
        )
    return result
