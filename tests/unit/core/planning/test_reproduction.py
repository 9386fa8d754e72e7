"""The DEP rule on dep1ex01 reproduces the trajectory csvgen.clj logged (dep1ex01.csv)."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.planning import (
    DepRule,
    Economy,
    PublishedTrajectory,
    RoundTotals,
    largest_price_differences,
    plan_totals,
    run_planning,
    start_prices,
)


def test_round_one_equals_the_published_numbers(
    dep_economy: Economy, published: PublishedTrajectory
) -> None:
    rule = DepRule()
    prices = start_prices(dep_economy)
    totals = plan_totals(dep_economy, prices)
    new_prices, _ = rule.next_prices(prices, totals, rule.initial_state(prices.size))
    assert new_prices[0] == pytest.approx(762.7535372611334, rel=1e-6)
    logged = published.year_one[0]
    np.testing.assert_allclose(new_prices, logged.prices_after, rtol=1e-12)
    np.testing.assert_allclose(totals.supply, logged.supply, rtol=1e-12)
    np.testing.assert_allclose(totals.demand, logged.demand, rtol=1e-12)


def test_whole_year_one_matches_and_needs_the_published_rounds(
    dep_economy: Economy, published: PublishedTrajectory
) -> None:
    run = run_planning(dep_economy, DepRule(), thresholds=(0.05, 0.03))
    assert len(run.rounds) == len(published.year_one) == 19
    assert max(largest_price_differences(run, published.year_one)) < 1e-12
    assert (run.rounds_to(0.05), run.rounds_to(0.03)) == (11, 19)


def test_dep_rule_replays_both_logged_years_from_their_totals(
    published: PublishedTrajectory,
) -> None:
    """Given only the logged supply and demand, the rule sets the logged prices, including
    year two, which keeps year one's step memory (csvgen.clj's augmented-reset)."""
    rule = DepRule()
    prices = np.full(50, 700.0)
    state = rule.initial_state(50)
    assert len(published.year_two) == 9
    for logged in (*published.year_one, *published.year_two):
        prices_after, state = rule.next_prices(
            prices, RoundTotals(logged.supply, logged.demand), state
        )
        np.testing.assert_allclose(prices_after, logged.prices_after, rtol=1e-14)
        prices = logged.prices_after
