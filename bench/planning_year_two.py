"""Year two of dep1ex01 rebuilt from the published log, then replayed with the DEP rule.

csvgen.clj's "year two" nudges every exponent at random (``augmented-reset``) and does not
log the nudges, so year two cannot be re-simulated from dep1ex01.clj alone. The log has
enough to rebuild it, though:

* each worker council's output in year two's first round is logged; its nudged exponents are
  the one combination of nudges (each of 0, 0.001, ..., 0.004; 5^n combinations for n inputs)
  whose proposal at the logged prices gives exactly that output;
* Cobb-Douglas consumer councils spend a fixed sum on each good, so the consumers' total
  demand at any prices follows from the logged first-round demand: spending = demand * price.

With both, the DEP rule is run through year two and compared with the logged prices.
Takes about half a minute. Run alone: ``.venv/bin/python bench/planning_year_two.py``.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from pareconapp.core.planning import (
    ConsumerCouncils,
    DepRule,
    Economy,
    GoodKind,
    WorkerGroup,
    largest_price_differences,
    read_economy,
    read_published_trajectory,
    run_planning,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.pequod_data import pequod_path

CACHE = Path(tempfile.gettempdir()) / "pareconapp-bench-pequod"


def pequod(name: str) -> Path | None:
    """The Pequod data file (../shared, else the repository's compressed copy)."""
    return pequod_path(name, CACHE)


NUDGES = np.array([0.0, 0.001, 0.002, 0.003, 0.004])  # csvgen.clj augment-exponents, :wc


def log_outputs(group: WorkerGroup, exponents: np.ndarray, log_prices: np.ndarray) -> np.ndarray:
    """ln Q of the group's councils for candidate exponents of shape (councils, k) or (m, k)."""
    du, c = group.disutility_exponent[:, None], group.effort_exponent[:, None]
    log_lambda = log_prices[group.product][:, None]
    gains = exponents * (
        log_lambda[..., None] + np.log(exponents) - log_prices[group.inputs][:, None, :]
    )
    total = exponents.sum(axis=-1)
    return (
        du * np.log(group.productivity)[:, None]
        + c * (log_lambda + np.log(c / (group.disutility_scale[:, None] * du)))
        + du * gains.sum(axis=-1)
    ) / (du - c - du * total)


def recover_nudges(group: WorkerGroup, logged: np.ndarray, log_prices: np.ndarray):
    """The nudged exponents reproducing ``logged`` outputs, and the match quality."""
    combos = np.array(list(itertools.product(NUDGES, repeat=group.input_count)))
    chunk = max(1, 2_000_000 // (combos.size))
    found = np.empty_like(group.input_exponents)
    best_gap, runner_up = 0.0, np.inf
    for start in range(0, group.count, chunk):
        rows = slice(start, start + chunk)
        part = WorkerGroup(
            *(
                getattr(group, f)[rows]
                for f in (
                    "council_numbers",
                    "product",
                    "inputs",
                    "input_exponents",
                    "productivity",
                    "effort_exponent",
                    "disutility_exponent",
                    "disutility_scale",
                )
            )
        )
        candidates = part.input_exponents[:, None, :] + combos[None, :, :]
        gaps = np.abs(log_outputs(part, candidates, log_prices) - np.log(logged[rows])[:, None])
        order = np.argsort(gaps, axis=1)[:, :2]
        best = np.take_along_axis(gaps, order, axis=1)
        best_gap = max(best_gap, float(best[:, 0].max()))
        runner_up = min(runner_up, float(best[:, 1].min()))
        found[rows] = candidates[np.arange(part.count), order[:, 0]]
    return found, best_gap, runner_up


def main() -> int:
    clj, csv = pequod("dep1ex01.clj"), pequod("dep1ex01.csv")
    if clj is None or csv is None:
        print("Pequod data not found (../shared or tests/data/pequod): skipped")
        return 0
    started = time.perf_counter()
    economy = read_economy(clj)
    layout = economy.layout
    log = read_published_trajectory(csv, layout)
    year_one = run_planning(economy, DepRule(), thresholds=(0.03,))
    first = log.year_two[0]
    prices = log.year_one[-1].prices_after
    groups, worst, closest_other = [], 0.0, np.inf
    for group in economy.worker_groups:
        exponents, gap, other = recover_nudges(
            group, first.worker_output[group.council_numbers], np.log(prices)
        )
        groups.append(group.with_input_exponents(exponents))
        worst, closest_other = max(worst, gap), min(closest_other, other)
    print("dep1ex01 year two rebuilt from dep1ex01.csv:")
    print(
        f"  worker councils' nudges: every logged output matched to {worst:.1e} in ln Q; "
        f"the next-best nudges miss by at least {closest_other:.1e}"
    )
    spending = np.zeros(layout.total)
    for kind in (GoodKind.PRIVATE, GoodKind.PUBLIC):
        spending[layout.span(kind)] = (first.demand * prices)[layout.span(kind)]
    private, public = (
        spending[layout.span(GoodKind.PRIVATE)],
        spending[layout.span(GoodKind.PUBLIC)],
    )
    consumers = ConsumerCouncils(np.array([spending.sum()]), private[None, :], public[None, :])
    year_two = Economy(layout, consumers, tuple(groups), economy.resource_supply)
    run = run_planning(
        year_two,
        DepRule(),
        thresholds=(0.03,),
        prices=prices,
        state=year_one.state,
        max_rounds=len(log.year_two),
    )
    differences = largest_price_differences(run, log.year_two)
    print("  DEP rule through year two, largest relative price difference from the log:")
    for number, difference in enumerate(differences, 1):
        print(f"    round {number}: {difference:.2e}")
    print(
        f"  rounds to 5 %: {run.rounds_to(0.05)}, to 3 %: {run.rounds_to(0.03)} "
        f"(logged: {len(log.year_two)} rounds to 3 %)"
    )
    print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
