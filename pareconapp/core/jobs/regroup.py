"""Large-neighbourhood search: re-share a small group's tasks exactly with CP-SAT.

Exchanges change one pair of cells at a time; some improvements need a member to give up
one task for another while reshuffling several hours at once. Here a member close to the
largest deviation and one or two partners (those whose deviations point the other way
first, then some at random) pool every task they hold and CP-SAT re-shares those hours
among them optimally, subject to the same rules. The group's largest deviation (plus the
keep-weight term) must strictly fall for the new shares to be kept. A member for whom no
group helps is set aside until something else changes, and the search ends when every
member near the largest deviation is set aside.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor

import numpy as np

from pareconapp.core.jobs.cpsat import build_model, solve_model
from pareconapp.core.jobs.encoding import EncodedProblem, FloatArray, IntArray

PAIR_PARTNERS = 49
"""Partners tried in pairs with the worst member, in order of promise."""
TRIO_CANDIDATES = 9
"""The most promising partners whose pairs are tried in groups of three."""
RANDOM_TRIOS = 12
"""Further groups of three with partners drawn at random."""
NEAR_WORST = 0.9
"""Members within this share of the largest deviation are the ones worth regrouping."""
SECONDS_PER_GROUP = {2: 0.2, 3: 0.5}
"""Time cap of one group's CP-SAT run (it usually proves the optimum much sooner)."""
POLISH_SECONDS = 0.1
"""Time cap of the optimising run once an improvement is known to exist."""


def group_score(enc: EncodedProblem, x: IntArray, cols: IntArray) -> float:
    """The group's largest deviation plus the keep-weight times its hours moved."""
    deviation = float(np.abs(enc.deviations(x)[cols]).max(initial=0.0))
    if enc.current is None:
        return deviation
    moved = np.abs(x[:, cols] - enc.current[:, cols]).sum() * enc.step_hours / 2.0
    return deviation + enc.keep_weight * float(moved)


def regroup(
    enc: EncodedProblem, x: IntArray, members: list[int], time_limit: float, seed: int
) -> IntArray | None:
    """``x`` with the members' shares re-optimised, or ``None`` if the group did not improve.

    Without a keep-weight, CP-SAT first only looks for shares whose largest deviation is
    lower than now (proving there are none is about twice as fast as optimising); if it
    finds some, a short optimising run from them takes the group as low as it can.
    """
    cols = np.array(sorted(members), dtype=np.int64)
    rows = np.flatnonzero((x[:, cols] > 0).any(axis=1))
    totals = x[np.ix_(rows, cols)].sum(axis=1)
    started = time.monotonic()
    if enc.keep_weight > 0:
        cm = build_model(enc, rows, cols, totals, hint=x)
        found = solve_model(cm, x, time_limit, seed=seed).assignment
    else:
        sums = np.abs(enc.centred_int.T @ x[:, cols]).max(axis=0)
        cap = int(np.max(-(-sums // np.maximum(enc.member_steps[cols], 1)), initial=0)) - 1
        if cap < 0:
            return None
        cm = build_model(enc, rows, cols, totals, deviation_cap=cap, minimise=False)
        found = solve_model(cm, x, time_limit, seed=seed, first_solution_only=True).assignment
        if found is not None:
            left = max(time_limit - (time.monotonic() - started), 0.02)
            cm = build_model(enc, rows, cols, totals, hint=found, deviation_cap=cap)
            polished = solve_model(cm, x, min(left, POLISH_SECONDS), seed=seed).assignment
            found = found if polished is None else polished
    if found is not None and group_score(enc, found, cols) < group_score(enc, x, cols) - 1e-9:
        return found
    return None


def partners_by_promise(dev: FloatArray, a: int, rng: np.random.Generator) -> list[int]:
    """Other members, those whose deviation points most against ``a``'s first."""
    promise = dev @ dev[a] + rng.uniform(0, 1e-9, len(dev))
    promise[a] = np.inf
    return [int(b) for b in np.argsort(promise) if b != a]


def _groups(partners: list[int], a: int, rng: np.random.Generator) -> list[list[int]]:
    pairs = [[a, b] for b in partners[:PAIR_PARTNERS]]
    trios = [[a, b, c] for b, c in itertools.combinations(partners[:TRIO_CANDIDATES], 2)]
    rng.shuffle(trios)
    if len(partners) > 2:
        for _ in range(RANDOM_TRIOS):
            b, c = rng.choice(len(partners), size=2, replace=False)
            trios.append([a, partners[int(b)], partners[int(c)]])
    return pairs + trios


def regroup_search(
    enc: EncodedProblem,
    x: IntArray,
    deadline: float,
    rng: np.random.Generator,
    on_best: Callable[[IntArray, float], None],
    workers: int = 1,
    checkpoint: Callable[[], None] = lambda: None,
) -> IntArray:
    """Improve ``x`` by regrouping until ``deadline`` or until no group helps.

    Args:
        enc: The encoded problem.
        x: A valid assignment.
        deadline: ``time.monotonic()`` value to stop at.
        rng: Random choices.
        on_best: Called with each assignment that lowers the objective, and between groups
            with the current one; may raise :class:`~pareconapp.core.progress.Cancelled`.
        workers: Groups solved at the same time (CP-SAT releases the interpreter lock).
        checkpoint: Called between batches of groups; may raise ``Cancelled``.
    """
    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="regroup") as pool:
        search = _Regrouping(enc, rng, pool, max(1, workers), checkpoint)
        return search.run(x, deadline, on_best)


class _Regrouping:
    """The state of one regrouping search: groups already tried and the thread pool."""

    def __init__(
        self,
        enc: EncodedProblem,
        rng: np.random.Generator,
        pool: Executor,
        workers: int,
        checkpoint: Callable[[], None],
    ) -> None:
        self.enc, self.rng, self.pool, self.workers = enc, rng, pool, workers
        self.checkpoint = checkpoint
        self.tried: set[bytes] = set()

    def run(
        self, x: IntArray, deadline: float, on_best: Callable[[IntArray, float], None]
    ) -> IntArray:
        enc = self.enc
        best_objective = enc.objective(x)
        set_aside: set[int] = set()
        while time.monotonic() < deadline and best_objective > 0:
            dev = enc.deviations(x)
            size = np.abs(dev).max(axis=1)
            near = size >= NEAR_WORST * size.max()
            worst = [int(m) for m in np.argsort(-size) if near[m] and m not in set_aside]
            if not worst:
                break
            improved = self.improve_member(x, worst[0], deadline, dev)
            if improved is None:
                set_aside.add(worst[0])
                continue
            x = improved
            set_aside.clear()
            objective = enc.objective(x)
            if objective < best_objective - 1e-12:
                best_objective = objective
                on_best(x, objective)
        return x

    def improve_member(
        self, x: IntArray, a: int, deadline: float, dev: FloatArray
    ) -> IntArray | None:
        """The first group around ``a`` (in order of promise) that improves, solved in batches."""
        groups = _groups(partners_by_promise(dev, a, self.rng), a, self.rng)
        fresh = [g for g in groups if self._first_try(x, g)]
        for start in range(0, len(fresh), self.workers):
            self.checkpoint()
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            batch = fresh[start : start + self.workers]
            futures = [
                self.pool.submit(
                    regroup,
                    self.enc,
                    x,
                    group,
                    min(SECONDS_PER_GROUP[len(group)], left),
                    int(self.rng.integers(0, 2**31 - 1)),
                )
                for group in batch
            ]
            for result in [f.result() for f in futures]:
                if result is not None:
                    return result
        return None

    def _first_try(self, x: IntArray, group: list[int]) -> bool:
        """Whether this group, holding exactly these shares, has not been tried before."""
        members = sorted(group)
        key = np.array(members).tobytes() + x[:, members].tobytes()
        if key in self.tried:
            return False
        self.tried.add(key)
        return True
