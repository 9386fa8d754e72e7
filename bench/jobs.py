"""Benchmark: balanced job complexes (issue 5).

Goal: 150 tasks x 50 members (35 h each, K = 6, 2-hour blocks, ratings uniform on the 1-20
scale, fixed seed): the largest deviation of either rating at most 1 % of the scale's range
within 10 s on the project's 2-core machine, with the proven bound reported. Also run: a
realistic coop (40 x 15) and a large workplace (400 x 150), each compared with the greedy
baseline in the same run.

Run alone for one instance, printing one JSON line:
``python bench/jobs.py --tasks 150 --members 50 --seed 7 --time-limit 10``. Without
arguments (as ``make bench`` runs it) it runs the three sizes and checks the goal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _jobs_instances import generate

from pareconapp.core.jobs import (
    SolverSettings,
    greedy_job_complexes,
    optimise_job_complexes,
)

SEED = 7
GOAL_SHARE = 0.01
RUNS = (
    # (tasks, members, time limit in seconds, has the goal)
    (40, 15, 10.0, False),
    (150, 50, 10.0, True),
    (400, 150, 30.0, False),
)


def optimise(tasks: int, members: int, seed: int, time_limit: float, workers: int) -> dict:
    """Generate the instance, optimise it and return the figures."""
    problem = generate(tasks, members, seed)
    started = time.perf_counter()
    solution = optimise_job_complexes(
        problem, SolverSettings(time_limit=time_limit, workers=workers, seed=seed)
    )
    seconds = time.perf_counter() - started
    balance = solution.balance
    return {
        "tasks": tasks,
        "members": members,
        "seed": seed,
        "time_limit": time_limit,
        "largest_empowerment_deviation": round(balance.largest_empowerment_deviation, 5),
        "largest_desirability_deviation": round(balance.largest_desirability_deviation, 5),
        "largest_deviation": round(solution.largest_deviation, 5),
        "bound": round(solution.bound, 5),
        "scale_range": solution.scale_range,
        "percent_of_range": round(100 * solution.largest_deviation / solution.scale_range, 3),
        "seconds": round(seconds, 2),
        "status": str(solution.status),
        "found_by": solution.found_by,
    }


def greedy(tasks: int, members: int, seed: int) -> dict:
    """The greedy baseline's figures on the same instance."""
    problem = generate(tasks, members, seed)
    started = time.perf_counter()
    solution = greedy_job_complexes(problem)
    seconds = time.perf_counter() - started
    if solution is None:
        return {"largest_deviation": None, "percent_of_range": None, "seconds": round(seconds, 3)}
    return {
        "largest_deviation": round(solution.largest_deviation, 5),
        "percent_of_range": round(100 * solution.largest_deviation / solution.scale_range, 3),
        "seconds": round(seconds, 3),
    }


def suite(workers: int) -> None:
    """All three sizes with the greedy baseline, and the goal's verdict."""
    print(f"job complexes: seed {SEED}, 35 h members, K = 6, 2-hour blocks, 1-20 scale")
    print(
        f"{'size':>9} {'method':>7} {'largest dev':>11} {'% range':>8} {'bound':>7} {'seconds':>8}"
    )
    for tasks, members, limit, has_goal in RUNS:
        base = greedy(tasks, members, SEED)
        result = optimise(tasks, members, SEED, limit, workers)
        size = f"{tasks}x{members}"
        dev = "stuck" if base["largest_deviation"] is None else f"{base['largest_deviation']:.3f}"
        pct = "-" if base["percent_of_range"] is None else f"{base['percent_of_range']:.2f}"
        print(f"{size:>9} {'greedy':>7} {dev:>11} {pct:>8} {'-':>7} {base['seconds']:>8.2f}")
        print(
            f"{size:>9} {'solver':>7} {result['largest_deviation']:>11.3f} "
            f"{result['percent_of_range']:>8.2f} {result['bound']:>7.3f} {result['seconds']:>8.2f}"
        )
        print(json.dumps({"greedy": base, **result}))
        if has_goal:
            limit_points = GOAL_SHARE * result["scale_range"]
            met = result["largest_deviation"] <= limit_points and result["seconds"] <= limit + 0.5
            print(
                f"goal {size} within {limit:g} s: largest deviation "
                f"{result['largest_deviation']:.3f} <= {limit_points:.2f} "
                f"(1 % of range) in {result['seconds']:.1f} s: {'met' if met else 'not met'}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int)
    parser.add_argument("--members", type=int)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.tasks is None and args.members is None:
        suite(args.workers)
        return 0
    if args.tasks is None or args.members is None:
        parser.error("give both --tasks and --members, or neither")
    print(json.dumps(optimise(args.tasks, args.members, args.seed, args.time_limit, args.workers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
