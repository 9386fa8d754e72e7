"""A simulated rest-of-economy for walking through planning rounds offline.

A generated economy (or the Pequod data of *Democratic Economic Planning*) provides councils
that answer every round's prices through the planning engine; the assembly's own council
answers by hand. The catalogue of such a year is the economy's goods in the engine's order
(private, intermediate, natural resources, labour, public), so vectors need no reordering.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from pareconapp.core.planning import Economy, GoodKind, read_economy, write_economy
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning.proposals import plan_totals, worker_proposals
from pareconapp.core.planning_exchange.catalogue import Catalogue, Good, GoodCategory
from pareconapp.core.planning_exchange.rounds import ComparisonEntry, SimulatedTotals

_UNITS = {GoodKind.LABOUR: "hours"}


def economy_catalogue(economy: Economy) -> Catalogue:
    """The economy's goods as a catalogue: codes like ``private-1``, names like "Private good 1"."""
    goods = []
    for kind in GoodKind:
        category = GoodCategory.of_engine_kind(kind.value)
        for number in range(1, economy.layout.count(kind) + 1):
            name = f"{category.label.text.capitalize()} {number}"
            goods.append(Good(f"{kind.value}-{number}", name, category, _UNITS.get(kind, "units")))
    return Catalogue(tuple(goods))


def economy_fixed_supply(economy: Economy) -> FloatArray:
    """The supply of natural resources and labour, in catalogue order."""
    return economy.fixed_supply()


def simulated_totals(economy: Economy, prices: FloatArray, responses: bool) -> SimulatedTotals:
    """What every simulated council proposes at ``prices``, as :class:`SimulatedTotals`.

    The engine counts a public good's mean request; here it is turned back into the sum over
    the simulated consumer councils, and the fixed supply is left out (the IFB adds it).
    """
    totals = plan_totals(economy, np.asarray(prices, dtype=np.float64), responses=responses)
    public = economy.layout.span(GoodKind.PUBLIC)
    count = economy.consumer_count
    demand = np.array(totals.demand)
    demand[public] *= count
    supply = totals.supply - economy.fixed_supply()
    if totals.supply_response is None or totals.demand_response is None:
        return SimulatedTotals(supply, demand, count, economy.worker_count)
    demand_response = np.array(totals.demand_response)
    demand_response[public, :] *= count
    return SimulatedTotals(
        supply, demand, count, economy.worker_count, totals.supply_response, demand_response
    )


def simulated_comparison_entries(
    economy: Economy, catalogue: Catalogue, prices: FloatArray
) -> list[ComparisonEntry]:
    """Every simulated worker council as (product, output, SB/SC) for the comparisons."""
    log_prices = np.log(np.asarray(prices, dtype=np.float64))
    entries: list[ComparisonEntry] = []
    codes = catalogue.codes
    for group in economy.worker_groups:
        offers = worker_proposals(group, log_prices)
        benefit = offers.output * prices[group.product]
        cost = (offers.inputs * prices[group.inputs]).sum(axis=1)
        for product, output, good_benefit, good_cost in zip(
            group.product, offers.output, benefit, cost, strict=True
        ):
            ratio = float(good_benefit / good_cost) if good_cost > 0 else None
            entries.append((codes[int(product)], float(output), ratio))
    return entries


def simulated_entities(
    economy: Economy, prices: FloatArray
) -> list[tuple[str, bool, FloatArray, FloatArray, float]]:
    """The simulated councils grouped for plan variants.

    One entity per good the simulated worker councils make (all its makers together) and one
    for all simulated consumer councils: ``(key, is_consumer, supply, demand, value)`` with
    public goods' demand as a sum of requests (divided by N later) and ``value`` what the
    consumers' requests cost.
    """
    goods = economy.layout.total
    prices = np.asarray(prices, dtype=np.float64)
    log_prices = np.log(prices)
    supply_by_product: dict[int, FloatArray] = {}
    demand_by_product: dict[int, FloatArray] = {}
    for group in economy.worker_groups:
        offers = worker_proposals(group, log_prices)
        for product in np.unique(group.product):
            members = group.product == product
            supply = supply_by_product.setdefault(int(product), np.zeros(goods))
            demand = demand_by_product.setdefault(int(product), np.zeros(goods))
            supply[int(product)] += offers.output[members].sum()
            np.add.at(demand, group.inputs[members].ravel(), offers.inputs[members].ravel())
    entities: list[tuple[str, bool, FloatArray, FloatArray, float]] = [
        (f"simulated-workers:{product}", False, supply_by_product[product], demand, 0.0)
        for product, demand in sorted(demand_by_product.items())
    ]
    totals = simulated_totals(economy, prices, responses=False)
    consumer_demand = np.zeros(goods)
    private = economy.layout.span(GoodKind.PRIVATE)
    public = economy.layout.span(GoodKind.PUBLIC)
    consumer_demand[private] = totals.demand[private]
    consumer_demand[public] = totals.demand[public]
    value = float(
        consumer_demand[private] @ prices[private]
        + consumer_demand[public] @ prices[public] / max(1, economy.consumer_count)
    )
    entities.append(("simulated-consumers", True, np.zeros(goods), consumer_demand, value))
    return entities


def economy_to_bytes(economy: Economy) -> bytes:
    """The economy as a compressed numpy archive (to keep it in an assembly file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "economy.npz"
        write_economy(economy, path)
        return path.read_bytes()


def economy_from_bytes(data: bytes) -> Economy:
    """An economy stored with :func:`economy_to_bytes` (checked as on reading a file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "economy.npz"
        path.write_bytes(data)
        return read_economy(path)
