"""One IFB round on a tiny economy computed by hand (3 worker + 3 consumer councils, 5 goods)."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.planning import RoundTotals, generate_economy, plan_totals, price_rule
from pareconapp.core.planning.goods import GoodsLayout
from pareconapp.core.planning_exchange.files import QuestionReason
from pareconapp.core.planning_exchange.rounds import (
    close_round,
    comparison_entries,
    comparisons,
    out_of_balance,
    questions,
    round_totals,
)
from pareconapp.core.planning_exchange.simulated import economy_catalogue, simulated_totals

PRICES = np.full(5, 10.0)


def test_the_book_rule_on_the_issue_example() -> None:
    # S = 10, D = 15, p = 10: v = |2 (S - D)| / (S + D) = 0.4, capped at 0.25;
    # w = 0.25 (1.05 - 0.5^0.25) = 0.0522760; p = 10 (1 + w) = 10.5228
    totals = RoundTotals(np.array([10.0]), np.array([15.0]))
    rule = price_rule("dep-book")
    closed = close_round(1, np.array([10.0]), totals, rule, rule.initial_state(1), 0.05, 20)
    assert closed.imbalance[0] == pytest.approx(0.4)
    assert closed.next_prices[0] == pytest.approx(10.5228, abs=5e-5)
    assert closed.next_prices[0] == pytest.approx(10 * (1 + 0.25 * (1.05 - 0.5**0.25)))


def test_totals_count_the_mean_public_request(catalogue, proposals, fixed_supply) -> None:
    totals = round_totals(catalogue, proposals, fixed_supply, consumer_councils=3)
    # bread 50 made, 20 + 18 + 17 asked; park 5 made, (6 + 5 + 4) / 3 asked on average;
    # flour 45 made, 40 used; land 100 there, 60 + 20 used; labour 200 there, 10 + 50 + 120
    assert totals.supply.tolist() == [50, 5, 45, 100, 200]
    assert totals.demand.tolist() == pytest.approx([55, 5, 40, 80, 180])
    assert totals.imbalance() == pytest.approx([10 / 105, 0, 10 / 85, 40 / 180, 40 / 380])


def test_one_round_with_the_book_rule_by_hand(catalogue, proposals, fixed_supply) -> None:
    totals = round_totals(catalogue, proposals, fixed_supply, consumer_councils=3)
    rule = price_rule("dep-book")
    closed = close_round(1, PRICES, totals, rule, rule.initial_state(5), 0.05, 20)
    # w = v (1.05 - 0.5^v) for v below the cap; up where D > S, down where S > D
    assert closed.next_prices == pytest.approx(
        [10.10846, 10.0, 9.84905, 9.57165, 9.87330], abs=1e-5
    )
    assert closed.largest_imbalance == pytest.approx(40 / 180)
    assert not closed.within_threshold
    assert not closed.final


def test_stop_at_the_threshold_or_the_round_limit(catalogue, proposals, fixed_supply) -> None:
    rule = price_rule("dep")
    balanced = RoundTotals(np.full(5, 100.0), np.array([101.0, 100, 99, 100, 100]))
    done = close_round(3, PRICES, balanced, rule, rule.initial_state(5), 0.05, 20)
    assert done.within_threshold and done.final
    totals = round_totals(catalogue, proposals, fixed_supply, consumer_councils=3)
    limit = close_round(20, PRICES, totals, rule, rule.initial_state(5), 0.05, 20)
    assert not limit.within_threshold and limit.final
    going = close_round(19, PRICES, totals, rule, rule.initial_state(5), 0.05, 20)
    assert not going.final


def test_the_newton_rule_refuses_totals_without_responses(
    catalogue, proposals, fixed_supply
) -> None:
    totals = round_totals(catalogue, proposals, fixed_supply, consumer_councils=3)
    assert not totals.has_responses
    rule = price_rule("newton")
    with pytest.raises(UserError, match="price responses"):
        close_round(1, PRICES, totals, rule, rule.initial_state(5), 0.05, 20)


def test_who_says_no(catalogue, proposals) -> None:
    found = {(q.council, q.reason): q for q in questions(catalogue, PRICES, proposals, 3)}
    # bakery: SB 500 = SC 500, not below 1; mill 450 / 1100; parks 50 / 1400
    assert ("bakery", QuestionReason.RATIO) not in found
    assert found["mill", QuestionReason.RATIO].value == pytest.approx(450 / 1100)
    assert found["parks", QuestionReason.RATIO].value == pytest.approx(50 / 1400)
    # east asks for 17 x 10 + 4 x 10 / 3 = 183.33, its budget is 180; north and south fit
    assert found["east", QuestionReason.BUDGET].value == pytest.approx(170 + 40 / 3)
    assert found["east", QuestionReason.BUDGET].limit == 180
    assert ("north", QuestionReason.BUDGET) not in found
    assert set(found) == {
        ("mill", QuestionReason.RATIO),
        ("parks", QuestionReason.RATIO),
        ("east", QuestionReason.BUDGET),
        ("south", QuestionReason.UNDECIDED),
    }


def test_goods_out_of_balance_largest_first(catalogue, proposals, fixed_supply) -> None:
    totals = round_totals(catalogue, proposals, fixed_supply, consumer_councils=3)
    rows = out_of_balance(catalogue, totals.supply, totals.demand, 0.05)
    assert [row.good for row in rows] == ["land", "flour", "labour", "bread"]
    assert rows[-1].excess_demand and not rows[0].excess_demand


def test_comparisons_group_councils_by_product(catalogue, proposals) -> None:
    rows = {c.good: c for c in comparisons(comparison_entries(catalogue, PRICES, proposals))}
    assert set(rows) == {"bread", "flour", "park"}
    assert rows["bread"].councils == 1
    assert rows["bread"].median_output == 50
    assert rows["bread"].median_ratio == pytest.approx(1.0)


def test_simulated_councils_add_up_like_the_engine() -> None:
    economy = generate_economy(3, 40, 40, GoodsLayout(2, 2, 2, 2, 2))
    catalogue = economy_catalogue(economy)
    prices = np.linspace(500, 900, 10)
    simulated = simulated_totals(economy, prices, responses=True)
    ours = round_totals(catalogue, [], economy.fixed_supply(), 0, simulated)
    engine = plan_totals(economy, prices, responses=True)
    assert ours.supply == pytest.approx(engine.supply)
    assert ours.demand == pytest.approx(engine.demand)
    assert ours.demand_response == pytest.approx(engine.demand_response)
    assert ours.supply_response == pytest.approx(engine.supply_response)
