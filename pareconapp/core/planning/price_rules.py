"""The IFB's price-update rules: new indicative prices from one round's totals.

A rule sees only what an Iteration Facilitation Board really sees: the prices it published
and the totals of the councils' proposals (:class:`~pareconapp.core.planning.ifb.RoundTotals`:
supply and demand of every good and, for the Newton rule, the sums of the price responses the
councils reported with their proposals). It never sees a council's utility or production
function. A rule keeps its memory between rounds in a :data:`RuleState` (names to float
arrays) that the caller stores and passes back, so an IFB can apply a rule one round at a
time, e.g. between meetings, from exchange files::

    prices, state = rule.next_prices(prices, RoundTotals(supply, demand), state)
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning.ifb import RoundTotals, imbalance

RuleState = Mapping[str, FloatArray]

# A good nobody offers (or asks for) has an infinite log gap; this bounds it.
_LARGEST_LOG_GAP = 2.0


class PriceRule(ABC):
    """How the IFB turns one round's totals into next round's prices."""

    name: str = ""
    """The rule's short name on the command line."""
    description: str = ""
    """One line for the list of rules."""
    needs_responses: bool = False
    """Whether the rule needs the councils' reported price responses in the totals."""

    @abstractmethod
    def initial_state(self, goods: int) -> RuleState:
        """The rule's memory before the first round of a cold start."""

    @abstractmethod
    def next_prices(
        self, prices: FloatArray, totals: RoundTotals, state: RuleState
    ) -> tuple[FloatArray, RuleState]:
        """Next round's prices and memory from this round's prices and totals."""

    def next_year_state(self, state: RuleState, goods: int) -> RuleState:
        """The memory to start next year's planning with (a warm start): kept by default."""
        del goods
        return state


def log_gap(totals: RoundTotals) -> FloatArray:
    """``ln(D / S)`` of every good, bounded for goods nobody offers or asks for."""
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.log(totals.demand / totals.supply)
    gap = np.where(np.isnan(gap), 0.0, gap)
    return np.clip(gap, -_LARGEST_LOG_GAP, _LARGEST_LOG_GAP)


class DepRule(PriceRule):
    """The rule of the DEP simulations, as csvgen.clj (msszczep/pequod-cljs) implements it.

    With ``v`` a good's imbalance this round and ``v_prev`` its imbalance last round capped at
    0.25 (0.25 before the first round), the step is
    ``w = max(0.001, (1.05 - 0.5^v) * v_prev)``; the price rises by ``w`` where demand exceeds
    supply and falls by ``w`` where supply exceeds demand (csvgen.clj: ``get-deltas``,
    ``update-surpluses-prices``, ``update-pdlist``). A warm start keeps the step memory, as
    csvgen.clj's ``augmented-reset`` does.
    """

    name = "dep"
    description = "the rule that produced Democratic Economic Planning's tables (csvgen.clj)"
    step_cap = 0.25
    smallest_step = 0.001

    def initial_state(self, goods: int) -> RuleState:
        """Every good's step memory starts at the cap, 0.25."""
        return {"step_memory": np.full(goods, self.step_cap)}

    def next_prices(
        self, prices: FloatArray, totals: RoundTotals, state: RuleState
    ) -> tuple[FloatArray, RuleState]:
        """One DEP price update (see the class docstring)."""
        gap = imbalance(totals.supply, totals.demand)
        step = self.step(gap, state["step_memory"])
        direction = np.sign(totals.demand - totals.supply)
        return prices * (1.0 + direction * step), {"step_memory": np.minimum(gap, self.step_cap)}

    def step(self, gap: FloatArray, memory: FloatArray) -> FloatArray:
        """The relative step ``w`` of each good's price (without its sign)."""
        scale = 1.05 - 0.5**gap
        return np.maximum(self.smallest_step, np.minimum(scale, np.abs(scale * memory)))


class DepBookRule(PriceRule):
    """The rule as *Democratic Economic Planning* states it (p. 181), without step memory.

    ``w = v (1.05 - 0.5^v)`` with ``v`` the good's imbalance capped at 0.25.
    """

    name = "dep-book"
    description = "the rule as the book states it: w = v (1.05 - 0.5^v), v capped at 0.25"
    step_cap = 0.25

    def initial_state(self, goods: int) -> RuleState:
        """The rule has no memory."""
        del goods
        return {}

    def next_prices(
        self, prices: FloatArray, totals: RoundTotals, state: RuleState
    ) -> tuple[FloatArray, RuleState]:
        """One update (see the class docstring)."""
        gap = np.minimum(imbalance(totals.supply, totals.demand), self.step_cap)
        step = gap * (1.05 - 0.5**gap)
        return prices * (1.0 + np.sign(totals.demand - totals.supply) * step), state


class SecantRule(PriceRule):
    """Quasi-Newton (Broyden) steps on log prices from the totals alone.

    The IFB keeps an estimate ``B`` of how ``ln(D / S)`` of every good responds to every log
    price and moves prices to where that estimate says the totals balance:
    ``dx = -B^-1 ln(D / S)``, no price moving by more than ``max_step`` (log terms). After
    each round it corrects ``B`` along the step it took by what it observed (Broyden's update:
    the smallest change that explains the last round's change of the totals).

    Its starting estimate is the only assumption: a good's gap closes by ``stiffness`` per
    unit of its own log price, but only by ``level_stiffness`` when all prices move together
    (councils' proposals depend mostly on relative prices; a common rise only meets their
    fixed incomes). A warm start keeps last year's estimate.
    """

    name = "secant"
    description = "Broyden quasi-Newton steps from supply and demand alone (no responses)"
    stiffness = 6.0
    level_stiffness = 0.5
    max_step = 0.5

    def initial_state(self, goods: int) -> RuleState:
        """The starting estimate of the response and no previous round."""
        common = np.full((goods, goods), (self.stiffness - self.level_stiffness) / goods)
        return {
            "response": common - self.stiffness * np.eye(goods),
            "log_prices": np.full(goods, np.nan),
            "log_gap": np.full(goods, np.nan),
        }

    def next_year_state(self, state: RuleState, goods: int) -> RuleState:
        """Keep the learnt response; forget last year's last round."""
        return {**state, "log_prices": np.full(goods, np.nan), "log_gap": np.full(goods, np.nan)}

    def next_prices(
        self, prices: FloatArray, totals: RoundTotals, state: RuleState
    ) -> tuple[FloatArray, RuleState]:
        """One Broyden step (see the class docstring)."""
        log_prices = np.log(prices)
        gap = log_gap(totals)
        response = np.array(state["response"], dtype=np.float64)
        moved = log_prices - state["log_prices"]
        if np.all(np.isfinite(moved)) and float(moved @ moved) > 0:
            surprise = gap - state["log_gap"] - response @ moved
            response += np.outer(surprise, moved) / float(moved @ moved)
        step = _solve(response, -gap)
        largest = float(np.abs(step).max(initial=0.0))
        if largest > self.max_step:
            step *= self.max_step / largest
        return prices * np.exp(step), {
            "response": response,
            "log_prices": log_prices,
            "log_gap": gap,
        }


class NewtonRule(PriceRule):
    """Newton steps on log prices from the price responses the councils report.

    Each council reports with its proposal how its quantities would change with each price it
    faces; the IFB adds these up (:class:`RoundTotals` ``supply_response`` and
    ``demand_response``) and moves all prices at once to where the totals, extrapolated along
    those responses, balance: solve ``J dx = -ln(D / S)`` with
    ``J = dD / (D d ln p) - dS / (S d ln p)``. Safeguards, all from what the IFB observes: no
    price moves by more than ``max_step`` (log terms) in a round; if the largest imbalance
    grew since last round, steps are halved until it falls again; a good nobody offers or
    asks for moves by ``max_step`` in the needed direction.
    """

    name = "newton"
    description = "Newton steps from the councils' reported price responses (fewest rounds)"
    needs_responses = True
    max_step = 1.0

    def initial_state(self, goods: int) -> RuleState:
        """No imbalance seen yet; full steps."""
        del goods
        return {"largest_imbalance": np.array([np.inf]), "step_scale": np.array([1.0])}

    def next_year_state(self, state: RuleState, goods: int) -> RuleState:
        """Last year's imbalances say nothing about this year's: start afresh."""
        del state
        return self.initial_state(goods)

    def next_prices(
        self, prices: FloatArray, totals: RoundTotals, state: RuleState
    ) -> tuple[FloatArray, RuleState]:
        """One Newton step (see the class docstring)."""
        largest = float(imbalance(totals.supply, totals.demand).max(initial=0.0))
        scale = float(state["step_scale"][0])
        grew = largest > float(state["largest_imbalance"][0])
        scale = scale / 2 if grew else min(1.0, 2 * scale)
        step = np.clip(self.newton_step(totals) * scale, -self.max_step, self.max_step)
        return prices * np.exp(step), {
            "largest_imbalance": np.array([largest]),
            "step_scale": np.array([scale]),
        }

    def newton_step(self, totals: RoundTotals) -> FloatArray:
        """The change of every log price that balances the linearised totals."""
        if totals.supply_response is None or totals.demand_response is None:
            raise ValueError("the Newton rule needs the councils' reported price responses")
        supply, demand = totals.supply, totals.demand
        known = (supply > 0) & (demand > 0)
        step = self.max_step * np.sign(demand - supply)
        jacobian = (
            totals.demand_response[np.ix_(known, known)] / demand[known, None]
            - totals.supply_response[np.ix_(known, known)] / supply[known, None]
        )
        # Goods without a finite gap move by max_step; the others balance given that move.
        pushed = (
            totals.demand_response[np.ix_(known, ~known)] / demand[known, None]
            - totals.supply_response[np.ix_(known, ~known)] / supply[known, None]
        ) @ step[~known]
        step[known] = _solve(jacobian, -np.log(demand[known] / supply[known]) - pushed)
        return step


def _solve(matrix: FloatArray, rhs: FloatArray) -> FloatArray:
    """``matrix^-1 rhs``, or the least-squares answer if ``matrix`` is singular."""
    try:
        answer = np.linalg.solve(matrix, rhs)
    except np.linalg.LinAlgError:
        answer = np.linalg.lstsq(matrix, rhs, rcond=None)[0]
    return np.asarray(answer, dtype=np.float64)


PRICE_RULES: dict[str, PriceRule] = {
    rule.name: rule for rule in (NewtonRule(), SecantRule(), DepRule(), DepBookRule())
}
"""Every rule by name, the best first."""

DEFAULT_RULE = NewtonRule.name


def price_rule(name: str) -> PriceRule:
    """The rule called ``name``; a ``UserError`` naming the rules if there is none."""
    try:
        return PRICE_RULES[name]
    except KeyError:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Planning", "Unknown price rule {name}; the rules are {rules}."),
                {"name": name, "rules": ", ".join(PRICE_RULES)},
            )
        ) from None
