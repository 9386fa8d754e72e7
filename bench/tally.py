"""Tally speed: 10,000 weighted ranked ballots over 6 options, by Schulze and instant-runoff.

The weights come from an impact assessment of 10,000 members (levels 1-5, floor and cap), so
they are exact fractions as the app produces them; rankings are random partial rankings.
A second profile gives every ballot its own weight (worst case for exact arithmetic). The
baseline, measured in the same run, is one plain pass over the ballots summing their weights
as fractions: the cost of merely touching every ballot exactly.

    python bench/tally.py [--runs 7] [--ballots 10000] [--options 6]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pareconapp.core.decisions import (
    DecisionRule,
    RuleKind,
    assess_impact,
    tally_instant_runoff,
    tally_schulze,
)

Ballots = list[tuple[Fraction, tuple[str, ...]]]


def ranked_ballots(count: int, options: list[str], rng: random.Random) -> list[tuple[str, ...]]:
    # Options ranked near their "popularity" with noise, cut at a random length (partial).
    popularity = {option: rng.random() for option in options}
    rankings = []
    for _ in range(count):
        order = sorted(options, key=lambda o: popularity[o] + rng.gauss(0, 0.35))
        rankings.append(tuple(order[: rng.randint(0, len(options))]))
    return rankings


def assessed_weights(count: int, rng: random.Random) -> list[Fraction]:
    impacts = {member: rng.randint(1, 5) for member in range(count)}
    weights = assess_impact(impacts, floor=Fraction(1, 4 * count), cap=Fraction(4, 3 * count))
    return [weights.weight(member) for member in range(count)]


def distinct_weights(count: int, rng: random.Random) -> list[Fraction]:
    return [Fraction(rng.randint(1, 997), rng.randint(1, 997)) for _ in range(count)]


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--options", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(2009)
    options = [f"option {i + 1}" for i in range(args.options)]
    rankings = ranked_ballots(args.ballots, options, rng)
    profiles = {
        "assessed weights": list(zip(assessed_weights(args.ballots, rng), rankings, strict=True)),
        "all weights distinct": list(
            zip(distinct_weights(args.ballots, rng), rankings, strict=True)
        ),
    }
    schulze = DecisionRule(RuleKind.SCHULZE)
    irv = DecisionRule(RuleKind.INSTANT_RUNOFF)
    print(f"{args.ballots} weighted ranked ballots, {args.options} options, median of {args.runs}")
    for name, ballots in profiles.items():
        baseline = median_seconds(lambda b=ballots: sum((w for w, _ in b), Fraction(0)), args.runs)
        s_time = median_seconds(lambda b=ballots: tally_schulze(schulze, options, b), args.runs)
        i_time = median_seconds(lambda b=ballots: tally_instant_runoff(irv, options, b), args.runs)
        s_result = tally_schulze(schulze, options, ballots)
        i_result = tally_instant_runoff(irv, options, ballots)
        print(f"  {name}:")
        print(f"    baseline (sum of weights)  {baseline * 1000:8.1f} ms")
        print(
            f"    Schulze                    {s_time * 1000:8.1f} ms"
            f"  ({s_time / baseline:.1f}x baseline)  winner {s_result.winner}"
        )
        print(
            f"    instant-runoff             {i_time * 1000:8.1f} ms"
            f"  ({i_time / baseline:.1f}x baseline)  winner {i_result.winner},"
            f" {len(i_result.rounds)} rounds"
        )


if __name__ == "__main__":
    main()
