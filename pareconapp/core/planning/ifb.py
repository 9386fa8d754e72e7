"""What the Iteration Facilitation Board (IFB) sees of a round: proposals and their totals.

The IFB publishes indicative prices, receives the councils' proposals, adds them up and
measures each good's imbalance ``v = |2 (S - D)| / (S + D)`` (the measure of the DEP
simulations, csvgen.clj's ``report-threshold``). Price rules work from these totals only;
nothing here knows a council's utility or production function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from pareconapp.core.planning.arrays import FloatArray, IndexArray


def imbalance(supply: FloatArray, demand: FloatArray) -> FloatArray:
    """Each good's imbalance ``v = |2 (S - D)| / (S + D)`` (0 where both are 0)."""
    total = supply + demand
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.abs(2.0 * (supply - demand)) / total
    return np.where(total > 0, gap, 0.0)


@dataclass(frozen=True)
class RoundTotals:
    """What the IFB adds up from one round's proposals: flat vectors over all goods.

    ``supply_response[g, h]`` and ``demand_response[g, h]`` are the sums of the councils'
    reported responses: how much the supply (demand) of good g would change per unit change
    of the logarithm of good h's price (``dq / d ln p``; 0.01 times that per 1 % price rise).
    Councils report them only when the IFB's rule asks for them
    (``PriceRule.needs_responses``); otherwise they are None.
    """

    supply: FloatArray
    demand: FloatArray
    supply_response: FloatArray | None = None
    demand_response: FloatArray | None = None

    def imbalance(self) -> FloatArray:
        """Each good's imbalance ``v = |2 (S - D)| / (S + D)``."""
        return imbalance(self.supply, self.demand)

    @property
    def has_responses(self) -> bool:
        """Whether the councils reported their price responses."""
        return self.supply_response is not None and self.demand_response is not None


@dataclass(frozen=True)
class Proposal:
    """One council's proposal as the IFB receives it.

    ``goods`` are the flat indices of the goods the proposal mentions; ``supplied`` and
    ``demanded`` the quantities the council offers and asks for of each. The optional
    responses are the council's own report of how those quantities would change with each
    of these goods' prices: ``supply_response[i, j]`` is ``d supplied[i] / d ln p[goods[j]]``.
    A consumer council enters a public good with its share of the request (its request
    divided by the number of consumer councils), since the IFB counts the mean request.
    """

    goods: IndexArray
    supplied: FloatArray
    demanded: FloatArray
    supply_response: FloatArray | None = None
    demand_response: FloatArray | None = None


def totals_from_proposals(
    goods: int, proposals: Iterable[Proposal], fixed_supply: FloatArray | None = None
) -> RoundTotals:
    """Add up proposals (and the supply of goods nobody produces) into :class:`RoundTotals`.

    The responses are summed only if every proposal carries them.
    """
    supply = np.zeros(goods) if fixed_supply is None else np.array(fixed_supply, dtype=float)
    demand = np.zeros(goods)
    supply_response = np.zeros((goods, goods))
    demand_response = np.zeros((goods, goods))
    reported = True
    for proposal in proposals:
        np.add.at(supply, proposal.goods, proposal.supplied)
        np.add.at(demand, proposal.goods, proposal.demanded)
        if proposal.supply_response is None or proposal.demand_response is None:
            reported = False
            continue
        cells = np.ix_(proposal.goods, proposal.goods)
        np.add.at(supply_response, cells, proposal.supply_response)
        np.add.at(demand_response, cells, proposal.demand_response)
    if not reported:
        return RoundTotals(supply, demand)
    return RoundTotals(supply, demand, supply_response, demand_response)
