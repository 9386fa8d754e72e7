"""Plan variants: feasible, different, and each true to its aim."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.planning import GoodsLayout, generate_economy
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory, make_catalogue
from pareconapp.core.planning_exchange.files import CouncilKind
from pareconapp.core.planning_exchange.rounds import CouncilProposal
from pareconapp.core.planning_exchange.simulated import (
    economy_catalogue,
    economy_from_bytes,
    economy_to_bytes,
    simulated_entities,
)
from pareconapp.core.planning_exchange.variants import (
    EMISSIONS_CUT,
    HOURS_CUT,
    grouped_entities,
    plan_variants,
    proposal_entities,
)

PRICES = np.full(5, 10.0)


def _feasible(variant, fixed) -> None:
    for good in variant.goods:
        assert good.demand <= good.supply + 1e-6, good


def test_variants_are_feasible_and_distinct(catalogue, proposals, fixed_supply) -> None:
    entities = proposal_entities(catalogue, PRICES, proposals, 3)
    variants = plan_variants(catalogue, entities, fixed_supply)
    assert 2 <= len(variants) <= 5
    assert variants[0].id == "equal-shares"
    assert len({v.id for v in variants}) == len(variants)
    for variant in variants:
        _feasible(variant, fixed_supply)
        assert set(variant.scales) == {p.council for p in proposals}
        assert all(0 <= s <= 1 for s in variant.scales.values())


def test_equal_shares_gives_every_consumer_council_the_same(
    catalogue, proposals, fixed_supply
) -> None:
    equal = plan_variants(
        catalogue, proposal_entities(catalogue, PRICES, proposals, 3), fixed_supply
    )[0]
    shares = [equal.scales[c] for c in ("north", "south", "east")]
    assert max(shares) - min(shares) < 1e-6
    assert equal.lowest_share == pytest.approx(shares[0], abs=1e-6)
    # bread: 50 made, 55 asked -> at most 50/55 of the requests
    assert shares[0] <= 50 / 55 + 1e-6


def test_most_consumption_and_fewer_hours_keep_their_promise(
    catalogue, proposals, fixed_supply
) -> None:
    variants = {
        v.id: v
        for v in plan_variants(
            catalogue, proposal_entities(catalogue, PRICES, proposals, 3), fixed_supply
        )
    }
    equal = variants["equal-shares"]
    assert variants["most-consumption"].consumption >= equal.consumption - 1e-9
    assert variants["fewer-hours"].labour <= HOURS_CUT * equal.labour + 1e-6
    reserve = variants["reserve"]
    for good in reserve.goods:
        if good.good in ("bread", "flour", "park"):
            assert good.supply >= 1.02 * good.demand - 1e-6


def test_less_pollution_when_there_are_emissions() -> None:
    catalogue = make_catalogue(
        [
            Good("bread", "Bread", GoodCategory.PRIVATE),
            Good("labour", "Labour", GoodCategory.LABOUR),
            Good("co2", "CO2", GoodCategory.POLLUTANT),
        ]
    )
    proposals = [
        CouncilProposal("clean", CouncilKind.WORKER, (Line("bread", 50), Line("labour", 0, 50))),
        CouncilProposal(
            "dirty",
            CouncilKind.WORKER,
            (Line("bread", 60), Line("labour", 0, 40), Line("co2", 0, 30)),
        ),
        CouncilProposal("town", CouncilKind.CONSUMER, (Line("bread", 0, 100),)),
    ]
    fixed = np.array([0.0, 200.0, 100.0])
    variants = {
        v.id: v
        for v in plan_variants(
            catalogue, proposal_entities(catalogue, np.full(3, 1.0), proposals, 1), fixed
        )
    }
    assert "less-pollution" in variants
    assert (
        variants["less-pollution"].emissions
        <= EMISSIONS_CUT * variants["equal-shares"].emissions + 1e-6
    )
    for variant in variants.values():
        _feasible(variant, fixed)


def test_simulated_councils_take_part_in_groups() -> None:
    economy = generate_economy(2, 30, 30, GoodsLayout(2, 2, 2, 2, 2))
    catalogue = economy_catalogue(economy)
    entities = grouped_entities(
        simulated_entities(economy, np.full(10, 700.0)), catalogue, economy.consumer_count
    )
    variants = plan_variants(catalogue, entities, economy.fixed_supply())
    assert variants
    for variant in variants:
        _feasible(variant, economy.fixed_supply())
        assert variant.scales == {}  # simulated councils are not named


def test_an_economy_keeps_in_bytes() -> None:
    economy = generate_economy(5, 12, 14, GoodsLayout(2, 2, 2, 2, 2))
    again = economy_from_bytes(economy_to_bytes(economy))
    assert again.consumer_count == 12
    assert again.worker_count == 14
    assert np.array_equal(again.consumers.income, economy.consumers.income)
