"""Each price rule's step on hand-computed examples."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.planning import (
    PRICE_RULES,
    DepBookRule,
    DepRule,
    NewtonRule,
    RoundTotals,
    SecantRule,
    price_rule,
)


def totals(supply: list[float], demand: list[float]) -> RoundTotals:
    return RoundTotals(np.array(supply), np.array(demand))


def test_dep_rule_step_by_hand() -> None:
    rule = DepRule()
    prices = np.full(5, 100.0)
    memory = {"step_memory": np.array([0.25, 0.25, 0.25, 0.001, 0.25])}
    new, state = rule.next_prices(
        prices, totals([90, 110, 50, 1000, 10], [110, 90, 50, 1001, 30]), memory
    )
    # v = |2 (90 - 110)| / 200 = 0.2: w = (1.05 - 0.5^0.2) * 0.25 = 0.044862359175969
    assert new[0] == pytest.approx(104.4862359175969, rel=1e-13)
    assert new[1] == pytest.approx(95.5137640824031, rel=1e-13)
    assert new[2] == 100.0  # balanced: unchanged
    assert new[3] == pytest.approx(100.1, rel=1e-13)  # the smallest step, 0.001
    # v = 1.0 for the last good: memory 0.25 gives w = (1.05 - 0.5) * 0.25 = 0.1375
    assert new[4] == pytest.approx(113.75, rel=1e-13)
    np.testing.assert_allclose(state["step_memory"], [0.2, 0.2, 0.0, 2 / 2001, 0.25])


def test_dep_book_rule_step_by_hand() -> None:
    new, _ = DepBookRule().next_prices(np.full(2, 100.0), totals([90, 10], [110, 30]), {})
    # w = v (1.05 - 0.5^v): v = 0.2 -> 0.0358898873407752; v = 1.0 capped at 0.25 -> 0.0522759
    np.testing.assert_allclose(new, [103.58898873407752, 105.22758961865712], rtol=1e-13)


def test_secant_rule_first_steps_by_hand() -> None:
    rule = SecantRule()
    state = rule.initial_state(1)
    # One good: the starting estimate is -6 + (6 - 0.5) = -0.5, so ln p moves by 2 ln(D/S).
    prices, state = rule.next_prices(np.array([100.0]), totals([90], [110]), state)
    assert prices[0] == pytest.approx(100 * (110 / 90) ** 2, rel=1e-12)
    # Second round: Broyden's update in one dimension is the secant slope.
    slope = (np.log(95 / 100) - np.log(110 / 90)) / np.log(prices[0] / 100)
    expected = prices[0] * np.exp(-np.log(95 / 100) / slope)
    prices, state = rule.next_prices(prices, totals([100], [95]), state)
    assert prices[0] == pytest.approx(expected, rel=1e-12)
    assert state["response"][0, 0] == pytest.approx(slope, rel=1e-12)


def test_secant_rule_moves_the_price_level_more_readily_than_relative_prices() -> None:
    rule = SecantRule()
    gap = 0.01  # ln(D / S)
    together, _ = rule.next_prices(
        np.ones(2), totals([1, 1], [np.exp(gap)] * 2), rule.initial_state(2)
    )
    apart, _ = rule.next_prices(
        np.ones(2), totals([1, 1], [np.exp(gap), np.exp(-gap)]), rule.initial_state(2)
    )
    np.testing.assert_allclose(np.log(together), [2 * gap, 2 * gap], rtol=1e-12)  # 1 / 0.5
    np.testing.assert_allclose(np.log(apart), [gap / 6, -gap / 6], rtol=1e-12)  # 1 / 6


def test_secant_rule_caps_its_steps() -> None:
    rule = SecantRule()
    prices, _ = rule.next_prices(np.ones(1), totals([1], [10]), rule.initial_state(1))
    assert np.log(prices[0]) == pytest.approx(rule.max_step)


def newton_totals(
    supply: list[float],
    demand: list[float],
    supply_response: list[list[float]],
    demand_response: list[list[float]],
) -> RoundTotals:
    return RoundTotals(
        np.array(supply), np.array(demand), np.array(supply_response), np.array(demand_response)
    )


def test_newton_rule_step_by_hand() -> None:
    rule = NewtonRule()
    # Supply 90 with elasticity 2 (dS / d ln p = 180), demand 110 with elasticity -1:
    # J = -110 / 110 - 180 / 90 = -3, so ln p moves by ln(110 / 90) / 3.
    new, state = rule.next_prices(
        np.array([100.0]), newton_totals([90], [110], [[180]], [[-110]]), rule.initial_state(1)
    )
    assert new[0] == pytest.approx(100 * (110 / 90) ** (1 / 3), rel=1e-12)
    assert state["largest_imbalance"][0] == pytest.approx(0.2)


def test_newton_rule_balances_a_log_linear_economy_in_one_step() -> None:
    # S0 = 3 p0^2 / p1, D0 = 500 / p0; S1 = 40 (fixed), D1 = 2 p0 / p1^1.5
    def economy(p: np.ndarray) -> RoundTotals:
        s = np.array([3 * p[0] ** 2 / p[1], 40.0])
        d = np.array([500 / p[0], 2 * p[0] / p[1] ** 1.5])
        ds = np.array([[2 * s[0], -s[0]], [0, 0]])
        dd = np.array([[-d[0], 0], [d[1], -1.5 * d[1]]])
        return RoundTotals(s, d, ds, dd)

    rule = NewtonRule()
    prices, _ = rule.next_prices(
        np.array([5.0, 0.5]), economy(np.array([5.0, 0.5])), rule.initial_state(2)
    )
    balanced = economy(prices)
    np.testing.assert_allclose(balanced.supply, balanced.demand, rtol=1e-12)


def test_newton_rule_halves_its_steps_while_the_imbalance_grows() -> None:
    rule = NewtonRule()
    grown = {"largest_imbalance": np.array([0.01]), "step_scale": np.array([1.0])}
    step, state = rule.next_prices(
        np.array([100.0]), newton_totals([90], [110], [[180]], [[-110]]), grown
    )
    assert step[0] == pytest.approx(100 * (110 / 90) ** (1 / 6), rel=1e-12)
    assert state["step_scale"][0] == 0.5


def test_newton_rule_pushes_goods_nobody_offers() -> None:
    rule = NewtonRule()
    new, _ = rule.next_prices(
        np.array([100.0, 100.0]),
        newton_totals([0, 90], [5, 110], [[0, 0], [0, 180]], [[-5, 0], [0, -110]]),
        rule.initial_state(2),
    )
    assert new[0] == pytest.approx(100 * np.exp(rule.max_step))
    assert new[1] == pytest.approx(100 * (110 / 90) ** (1 / 3), rel=1e-12)


def test_newton_rule_refuses_totals_without_responses() -> None:
    rule = NewtonRule()
    with pytest.raises(ValueError, match="reported price responses"):
        rule.next_prices(np.ones(1), totals([1], [2]), rule.initial_state(1))


def test_rules_are_listed_by_name_best_first() -> None:
    assert list(PRICE_RULES) == ["newton", "secant", "dep", "dep-book"]
    assert price_rule("dep").name == "dep"
    with pytest.raises(UserError, match="Unknown price rule nope; the rules are newton"):
        price_rule("nope")
