"""Planning engine speed and memory: one round for 3,000 / 30,000 / 100,000 councils a side.

Each size runs in its own process so its peak memory is its own. A round is every council's
proposal, the IFB's totals and the price update; it is timed for the Newton rule (which also
adds up the councils' reported price responses and solves for all prices) and, as the
baseline measured in the same process, for the DEP rule. Goods: 100 of each of the five kinds.

The processes run with one BLAS thread (OPENBLAS_NUM_THREADS=1 etc.): the Newton rule's
500 x 500 solve takes about 5 ms on one thread, while OpenBLAS's own threads, on a 2-core
machine busy with other work, sometimes spin for 100+ ms. One more run of the goal size with
the default BLAS threads shows the difference.

Run alone: ``.venv/bin/python bench/planning_scaling.py``.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

SIZES = (3_000, 30_000, 100_000)
GOODS_PER_KIND = 100
TIMED_ROUNDS = 15
GOAL_SIZE, GOAL_MS, GOAL_MB = 30_000, 100.0, 1024.0
ONE_BLAS_THREAD = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "1")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(size: int) -> dict[str, float]:
    """Time rounds of an economy of ``size`` councils a side (runs in a child process)."""
    import numpy as np

    from pareconapp.core.planning import (
        DepRule,
        GoodsLayout,
        NewtonRule,
        generate_economy,
        plan_totals,
        start_prices,
    )

    baseline_mb = peak_mb()
    started = time.perf_counter()
    economy = generate_economy(1, size, size, GoodsLayout(*([GOODS_PER_KIND] * 5)))
    generate_s = time.perf_counter() - started
    figures: dict[str, float] = {"generate_s": generate_s, "baseline_mb": baseline_mb}
    for rule in (DepRule(), NewtonRule()):
        prices = start_prices(economy)
        state = rule.initial_state(prices.size)
        times = []
        for _ in range(TIMED_ROUNDS + 1):
            started = time.perf_counter()
            totals = plan_totals(economy, prices, responses=rule.needs_responses)
            prices, state = rule.next_prices(prices, totals, state)
            times.append(time.perf_counter() - started)
        figures[f"{rule.name}_ms"] = 1000 * statistics.median(times[1:])
        assert np.all(np.isfinite(prices))
    figures["peak_mb"] = peak_mb()
    return figures


def run_child(size: int, environment: dict[str, str]) -> dict[str, float]:
    """Measure one size in a fresh process with ``environment`` added."""
    child = subprocess.run(
        [sys.executable, __file__, "--size", str(size)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
    )
    figures: dict[str, float] = json.loads(child.stdout)
    return figures


def main() -> int:
    print(
        f"planning round time and peak memory ({GOODS_PER_KIND} goods of each kind, "
        f"median of {TIMED_ROUNDS} rounds; one BLAS thread; DEP rule = baseline round without "
        "responses)"
    )
    print(
        f"{'councils a side':>16} {'generate s':>10} {'DEP ms':>8} {'Newton ms':>10} "
        f"{'start MB':>9} {'peak MB':>8}"
    )
    ok = True
    for size in SIZES:
        f = run_child(size, ONE_BLAS_THREAD)
        print(
            f"{size:>16,} {f['generate_s']:>10.2f} {f['dep_ms']:>8.1f} {f['newton_ms']:>10.1f} "
            f"{f['baseline_mb']:>9.0f} {f['peak_mb']:>8.0f}"
        )
        if size == GOAL_SIZE:
            ok = f["newton_ms"] < GOAL_MS and f["peak_mb"] < GOAL_MB
    default = run_child(GOAL_SIZE, {})
    print(
        f"{GOAL_SIZE:>16,} with the default BLAS threads: DEP {default['dep_ms']:.1f} ms, "
        f"Newton {default['newton_ms']:.1f} ms"
    )
    print(
        f"goal: one round for {GOAL_SIZE:,} + {GOAL_SIZE:,} councils under {GOAL_MS:.0f} ms, "
        f"under {GOAL_MB:.0f} MB: {'met' if ok else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--size":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        sys.exit(main())
