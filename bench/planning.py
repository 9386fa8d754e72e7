"""Planning rounds needed per economy, price rule and threshold, and the DEP reproduction.

1. Reproduction: the DEP rule on dep1ex01 against the trajectory csvgen.clj logged
   (../shared/data/pequod/dep1ex01.csv): largest relative price difference by round.
2. Rounds table: economy x rule x start (cold, warm "year two") x threshold (5 %, 3 %) ->
   rounds, on dep1ex01 and six economies generated with the same distributions
   (300 / 3,000 / 30,000 councils a side), then the goal check: the default rule reaches 5 %
   in at most half the DEP rule's rounds and never needs more rounds than it.

Round time and memory are in bench/planning_scaling.py. Run alone:
``.venv/bin/python bench/planning.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from pareconapp.core.planning import (
    DEFAULT_RULE,
    PRICE_RULES,
    DepRule,
    Economy,
    RoundTotals,
    generate_economy,
    largest_price_differences,
    read_economy,
    read_published_trajectory,
    run_planning,
    run_two_years,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.pequod_data import pequod_path

CACHE = Path(tempfile.gettempdir()) / "pareconapp-bench-pequod"


def _required(name: str) -> Path:
    path = pequod(name)
    if path is None:
        raise SystemExit(f"Pequod data {name} not found (../shared or tests/data/pequod)")
    return path


def pequod(name: str) -> Path | None:
    """The Pequod data file (../shared, else the repository's compressed copy)."""
    return pequod_path(name, CACHE)


GENERATED = ((1, 300), (2, 300), (3, 3_000), (4, 3_000), (5, 30_000), (6, 30_000))
THRESHOLDS = (0.05, 0.03)
Rounds = dict[tuple[str, str, str, float], int | None]


def reproduction(economy: Economy) -> None:
    published = read_published_trajectory(_required("dep1ex01.csv"), economy.layout)
    run = run_planning(economy, DepRule(), thresholds=THRESHOLDS)
    differences = largest_price_differences(run, published.year_one)
    print("DEP rule on dep1ex01 vs dep1ex01.csv (year one), largest relative price difference:")
    for number, difference in enumerate(differences, 1):
        print(f"  round {number:2d}: {difference:.2e}")
    print(
        f"  round 1 price of private good 1: {float(run.prices_after(1)[0])!r} "
        f"(published {float(published.year_one[0].prices_after[0])!r})"
    )
    print(
        f"  rounds to 5 %: {run.rounds_to(0.05)} (published 11), "
        f"to 3 %: {run.rounds_to(0.03)} (published {len(published.year_one)})"
    )
    rule, state, prices = DepRule(), DepRule().initial_state(economy.layout.total), None
    worst = 0.0
    for logged in (*published.year_one, *published.year_two):
        start = np.full(economy.layout.total, 700.0) if prices is None else prices
        after, state = rule.next_prices(start, RoundTotals(logged.supply, logged.demand), state)
        worst = max(worst, float(np.max(np.abs(after / logged.prices_after - 1))))
        prices = logged.prices_after
    print(
        f"  DEP rule replayed on the logged totals of both years ({len(published.year_one)} + "
        f"{len(published.year_two)} rounds): largest relative price difference {worst:.2e}"
    )


def rounds_table(economies: list[tuple[str, Economy]]) -> Rounds:
    table: Rounds = {}
    header = (
        f"{'economy':<16} {'rule':<9} {'cold 5%':>7} {'cold 3%':>7} {'warm 5%':>7} {'warm 3%':>7}"
    )
    print(header)
    for index, (name, economy) in enumerate(economies):
        for rule in PRICE_RULES.values():
            years = run_two_years(economy, rule, seed=100 + index, thresholds=THRESHOLDS)
            cells = []
            for start, run in zip(("cold", "warm"), years, strict=True):
                for threshold in THRESHOLDS:
                    table[name, rule.name, start, threshold] = run.rounds_to(threshold)
                    cells.append(run.rounds_to(threshold))
            print(
                f"{name:<16} {rule.name:<9} "
                + " ".join(f"{'-' if c is None else c:>7}" for c in cells)
            )
    return table


def goal_check(table: Rounds, economies: list[str], rule: str) -> tuple[int, int, int, int]:
    """(cases beyond half DEP at 5 %, 5 % cases, cases beyond DEP, all cases) for ``rule``."""
    beyond_half = halves = beyond_dep = cases = 0
    for name in economies:
        for start in ("cold", "warm"):
            for threshold in THRESHOLDS:
                mine, dep = (
                    table[name, rule, start, threshold],
                    table[name, "dep", start, threshold],
                )
                cases += 1
                if mine is None or (dep is not None and mine > dep):
                    beyond_dep += 1
                if threshold == 0.05:
                    halves += 1
                    if mine is None or (dep is not None and 2 * mine > dep):
                        beyond_half += 1
    return beyond_half, halves, beyond_dep, cases


def main() -> int:
    started = time.perf_counter()
    economies: list[tuple[str, Economy]] = []
    clj = pequod("dep1ex01.clj")
    if clj is not None:
        dep = read_economy(clj)
        reproduction(dep)
        economies.append(("dep1ex01", dep))
    else:
        print("Pequod data not found (../shared or tests/data/pequod): reproduction skipped")
    for seed, size in GENERATED:
        economies.append((f"seed{seed}-{size}", generate_economy(seed, size, size)))
    print(
        "\nrounds until every good is within the threshold (cold start at 700; warm: year two"
        " with nudged exponents from year one's prices; '-': not within 200 rounds)"
    )
    table = rounds_table(economies)
    names = [name for name, _ in economies]
    print(
        "\ngoal: 5 % in at most half the DEP rounds, never more rounds than DEP "
        "(5 % and 3 %, cold and warm)"
    )
    for rule in PRICE_RULES:
        if rule == "dep":
            continue
        beyond_half, halves, beyond_dep, cases = goal_check(table, names, rule)
        verdict = "met" if beyond_half == beyond_dep == 0 else "not met"
        default = " (default rule)" if rule == DEFAULT_RULE else ""
        print(
            f"  {rule}{default}: {verdict}; more than half DEP's rounds to 5 % in "
            f"{beyond_half} of {halves} cases, more rounds than DEP in {beyond_dep} of {cases}"
        )
    print(f"\n({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
