"""Planning runs: fewer rounds with the improved rules, warm starts, progress, cancellation."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.planning import (
    DepRule,
    Economy,
    NewtonRule,
    PlanningRound,
    SecantRule,
    run_planning,
    run_two_years,
)
from pareconapp.core.progress import Cancelled, Progress


def rounds(economy: Economy, rule: object) -> tuple[int | None, int | None]:
    run = run_planning(economy, rule, thresholds=(0.05, 0.03))  # type: ignore[arg-type]
    return run.rounds_to(0.05), run.rounds_to(0.03)


def test_newton_rule_needs_at_most_half_the_dep_rounds(
    dep_economy: Economy, small_economy: Economy
) -> None:
    for economy in (dep_economy, small_economy):
        dep_5, dep_3 = rounds(economy, DepRule())
        newton_5, newton_3 = rounds(economy, NewtonRule())
        assert dep_5 is not None and dep_3 is not None
        assert newton_5 is not None and newton_3 is not None
        assert newton_5 <= dep_5 // 2
        assert newton_3 <= dep_3


def test_secant_rule_needs_fewer_rounds_than_dep(small_economy: Economy) -> None:
    dep_5, dep_3 = rounds(small_economy, DepRule())
    secant_5, secant_3 = rounds(small_economy, SecantRule())
    assert dep_5 is not None and dep_3 is not None
    assert secant_5 is not None and secant_3 is not None
    assert secant_5 < dep_5 and secant_3 < dep_3


def test_warm_year_two_starts_from_year_ones_prices(small_economy: Economy) -> None:
    year_one, year_two = run_two_years(small_economy, NewtonRule(), seed=3)
    np.testing.assert_array_equal(year_two.rounds[0].prices, year_one.next_prices)
    assert year_two.rounds[0].largest_imbalance > year_one.rounds[-1].largest_imbalance
    dep_one, dep_two = run_two_years(small_economy, DepRule(), seed=3)
    assert dep_two.rounds_to(0.05) is not None and year_two.rounds_to(0.05) is not None
    assert year_two.rounds_to(0.05) <= dep_two.rounds_to(0.05)  # type: ignore[operator]
    # The DEP rule carries its step memory into year two, as csvgen.clj does.
    np.testing.assert_array_equal(dep_two.rounds[0].prices, dep_one.next_prices)


def test_run_stops_at_the_smallest_threshold_or_max_rounds(small_economy: Economy) -> None:
    run = run_planning(small_economy, DepRule(), thresholds=(0.5,), max_rounds=50)
    assert run.rounds[-1].largest_imbalance <= 0.5
    assert all(r.largest_imbalance > 0.5 for r in run.rounds[:-1])
    short = run_planning(small_economy, DepRule(), thresholds=(0.001,), max_rounds=3)
    assert len(short.rounds) == 3 and short.rounds_to(0.001) is None


def test_progress_is_reported_and_a_run_can_be_cancelled(small_economy: Economy) -> None:
    reports: list[tuple[int, int]] = []
    seen: list[PlanningRound] = []
    run_planning(
        small_economy,
        DepRule(),
        max_rounds=4,
        thresholds=(1e-6,),
        progress=Progress(lambda done, total, _m: reports.append((done, total))),
        on_round=seen.append,
    )
    assert reports == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert [r.number for r in seen] == [1, 2, 3, 4]

    progress = Progress(lambda done, _total, _m: progress.cancel() if done == 2 else None)
    with pytest.raises(Cancelled):
        run_planning(small_economy, DepRule(), max_rounds=10, thresholds=(1e-6,), progress=progress)


def test_two_year_progress_counts_both_years(small_economy: Economy) -> None:
    reports: list[tuple[int, int]] = []
    run_two_years(
        small_economy,
        NewtonRule(),
        seed=1,
        max_rounds=5,
        progress=Progress(lambda done, total, _m: reports.append((done, total))),
    )
    assert reports[0] == (1, 10)
    assert all(total == 10 for _, total in reports)
    assert any(done > 5 for done, _ in reports)


def test_run_refuses_prices_that_do_not_fit(small_economy: Economy) -> None:
    with pytest.raises(ValueError, match="one positive number per good"):
        run_planning(small_economy, DepRule(), prices=np.full(3, 700.0))
    with pytest.raises(ValueError, match="one positive number per good"):
        run_planning(small_economy, DepRule(), prices=np.zeros(small_economy.layout.total))
