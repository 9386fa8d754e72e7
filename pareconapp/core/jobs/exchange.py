"""Local search by exchanges: two members swap equal hours of two tasks.

Member ``a`` gives ``q`` steps of task ``t1`` to member ``b`` and takes ``q`` steps of task
``t2`` from ``b``: every task stays covered and every member's hours stay filled, so each
move keeps the assignment valid if blocks, K, qualifications and pins allow it.

The search is a min-conflicts walk towards a target: with a target ``tau`` just under the
best largest deviation so far, a member above ``tau`` makes the exchange that most reduces
the squared excess over ``tau`` (its own and its partner's); when none helps, a random
member below ``tau`` makes an exchange that keeps both partners below it (preferring ones
that centre them, or that undo changes from the current assignment), which reshuffles the
complexes and opens new exchanges. Whenever everyone is under ``tau`` the assignment is a
new best and ``tau`` drops again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from pareconapp.core.jobs.encoding import BoolArray, EncodedProblem, FloatArray, IntArray

TARGET_FACTOR = 0.97
"""Each new target is this share of the best largest deviation found."""
RANDOM_WALK_SHARE = 0.3
"""Share of sideways moves chosen at random rather than to centre the partners."""


@dataclass(frozen=True, eq=False)
class Exchanges:
    """Candidate exchanges of one member ``a``, as parallel arrays (one entry per move)."""

    a: int
    t1: IntArray
    t2: IntArray
    b: IntArray
    q: IntArray
    dev_a: FloatArray
    dev_b: FloatArray
    moved: IntArray


class ExchangeSearch:
    """An assignment being improved by exchanges, with each member's deviation kept current.

    Args:
        enc: The encoded problem.
        x: A valid starting assignment (copied).
    """

    def __init__(self, enc: EncodedProblem, x: IntArray) -> None:
        self.enc = enc
        self.x = x.copy()
        self.hours = np.maximum(enc.member_steps, 1).astype(np.float64)
        self.sums = (enc.centred.T @ self.x).T  # (M, 2)
        self.dev = np.abs(self.sums).max(axis=1) / self.hours
        self.count = (self.x > 0).sum(axis=0)

    def exchanges(self, a: int) -> Exchanges | None:
        """Every valid exchange of member ``a`` and its effect (``None`` if there is none)."""
        enc, x = self.enc, self.x
        rows, cols = np.nonzero(x > 0)
        keep = (cols != a) & enc.free[rows, cols] & enc.free[rows, a]
        rows, cols = rows[keep], cols[keep]
        parts = [
            self._exchanges_giving(a, int(t1), rows, cols)
            for t1 in np.flatnonzero((x[:, a] > 0) & enc.free[:, a])
        ]
        found = [p for p in parts if p is not None]
        if not found:
            return None
        t1, t2, b, q = (np.concatenate(z) for z in zip(*found, strict=True))
        change = (enc.centred[t2] - enc.centred[t1]) * q[:, None]
        dev_a = np.abs(self.sums[a] + change).max(axis=1) / self.hours[a]
        dev_b = np.abs(self.sums[b] - change).max(axis=1) / self.hours[b]
        return Exchanges(a, t1, t2, b, q, dev_a, dev_b, self._moved(a, t1, t2, b, q))

    def _exchanges_giving(
        self, a: int, t1: int, rows: IntArray, cols: IntArray
    ) -> tuple[IntArray, IntArray, IntArray, IntArray] | None:
        """Exchanges in which ``a`` gives task ``t1``: (t1, t2, b, q) arrays."""
        enc, x, lo = self.enc, self.x, self.enc.min_share
        pick = (rows != t1) & enc.free[t1, cols]
        t2, b = rows[pick], cols[pick]
        if len(t2) == 0:
            return None
        have_a, have_b = x[t1, a], x[t2, b]
        q = np.arange(1, int(min(have_a, have_b.max())) + 1)[None, :]
        ok = q <= have_b[:, None]
        ok &= _leftover_ok(have_a - q, lo[t1]) & _leftover_ok(have_b[:, None] - q, lo[t2][:, None])
        ok &= (x[t1, b][:, None] + q >= lo[t1]) & (x[t2, a][:, None] + q >= lo[t2][:, None])
        count_a = self.count[a] - (have_a == q) + (x[t2, a] == 0)[:, None]
        count_b = self.count[b][:, None] - (have_b[:, None] == q) + (x[t1, b] == 0)[:, None]
        ok &= (count_a <= enc.max_tasks) & (count_b <= enc.max_tasks)
        move, step = np.nonzero(ok)
        if len(move) == 0:
            return None
        return np.full(len(move), t1), t2[move], b[move], q[0, step]

    def _moved(self, a: int, t1: IntArray, t2: IntArray, b: IntArray, q: IntArray) -> IntArray:
        """Change in the summed absolute difference from the current assignment."""
        current = self.enc.current
        if current is None:
            return np.zeros(len(q), dtype=np.int64)
        x = self.x
        total = np.zeros(len(q), dtype=np.int64)
        for task, member, sign in ((t1, a, -1), (t1, b, 1), (t2, b, -1), (t2, a, 1)):
            old = x[task, member] - current[task, member]
            total += np.abs(old + sign * q) - np.abs(old)
        return total

    def apply(self, moves: Exchanges, k: int) -> None:
        """Make exchange ``k`` of ``moves``."""
        a, t1, t2 = moves.a, int(moves.t1[k]), int(moves.t2[k])
        b, q = int(moves.b[k]), int(moves.q[k])
        self.x[t1, a] -= q
        self.x[t1, b] += q
        self.x[t2, b] -= q
        self.x[t2, a] += q
        for member in (a, b):
            self.sums[member] = self.enc.centred.T @ self.x[:, member]
            self.dev[member] = np.abs(self.sums[member]).max() / self.hours[member]
            self.count[member] = int((self.x[:, member] > 0).sum())

    def objective(self) -> float:
        """Largest deviation plus the keep-weight term."""
        return float(self.dev.max(initial=0.0)) + self.enc.keep_weight * self.enc.hours_moved(
            self.x
        )


def _leftover_ok(left: IntArray, lo: IntArray | int) -> BoolArray:
    return np.asarray((left == 0) | (left >= lo))


def _excess(dev: FloatArray | float, tau: float) -> FloatArray:
    return np.asarray(np.maximum(np.asarray(dev) - tau, 0.0) ** 2)


def _improve_violator(search: ExchangeSearch, a: int, tau: float) -> bool:
    """Make the exchange of ``a`` that most reduces the squared excess over ``tau``."""
    moves = search.exchanges(a)
    if moves is None:
        return False
    before = _excess(search.dev[a], tau) + _excess(search.dev[moves.b], tau)
    after = _excess(moves.dev_a, tau) + _excess(moves.dev_b, tau)
    gain = after - before + 1e-9 * moves.moved
    k = int(np.argmin(gain))
    if gain[k] >= -1e-15:
        return False
    search.apply(moves, k)
    return True


def _sideways(search: ExchangeSearch, tau: float, rng: np.random.Generator) -> None:
    """A random member under ``tau`` makes an exchange keeping both partners under it."""
    candidates = np.flatnonzero(search.dev <= tau)
    if len(candidates) == 0:
        return
    moves = search.exchanges(int(rng.choice(candidates)))
    if moves is None:
        return
    fine = np.flatnonzero((moves.dev_a <= tau) & (moves.dev_b <= tau))
    if len(fine) == 0:
        return
    if rng.random() < RANDOM_WALK_SHARE:
        search.apply(moves, int(rng.choice(fine)))
        return
    if search.enc.keep_weight > 0:
        gain = moves.moved[fine].astype(np.float64)
    else:
        gain = moves.dev_a[fine] ** 2 + moves.dev_b[fine] ** 2
        gain -= search.dev[moves.a] ** 2 + search.dev[moves.b[fine]] ** 2
    k = int(fine[np.argmin(gain)]) if gain.min() < 0 else int(rng.choice(fine))
    search.apply(moves, k)


def exchange_search(
    enc: EncodedProblem,
    x: IntArray,
    deadline: float,
    rng: np.random.Generator,
    on_best: Callable[[IntArray, float], None],
    patience: float,
    checkpoint: Callable[[], None] = lambda: None,
) -> IntArray:
    """Improve ``x`` by exchanges until ``deadline`` or ``patience`` seconds without progress.

    Args:
        enc: The encoded problem.
        x: A valid starting assignment.
        deadline: ``time.monotonic()`` value to stop at.
        rng: Random choices.
        on_best: Called with each new best assignment and its objective; may raise
            :class:`~pareconapp.core.progress.Cancelled` to stop the search.
        patience: Stop after this many seconds without a new best.
        checkpoint: Called every step; may raise ``Cancelled``.

    Returns:
        The best assignment found (by objective).
    """
    search = ExchangeSearch(enc, x)
    best, best_objective = search.x.copy(), search.objective()
    tau = float(search.dev.max(initial=0.0)) * TARGET_FACTOR
    last_progress = time.monotonic()
    while best_objective > 0 and (now := time.monotonic()) < deadline:
        if now - last_progress > patience:
            break
        checkpoint()
        above = np.flatnonzero(search.dev > tau)
        if len(above) == 0:
            objective = search.objective()
            if objective < best_objective:
                best, best_objective = search.x.copy(), objective
                last_progress = now
                on_best(best, best_objective)
            tau = float(search.dev.max()) * TARGET_FACTOR
            continue
        if not _improve_violator(search, int(rng.choice(above)), tau):
            _sideways(search, tau, rng)
    return best


def wander(enc: EncodedProblem, x: IntArray, moves: int, rng: np.random.Generator) -> IntArray:
    """Make ``moves`` sideways exchanges that never raise the largest deviation.

    Used to shake a stuck assignment: the complexes change while staying as good.
    """
    search = ExchangeSearch(enc, x)
    tau = float(search.dev.max(initial=0.0))
    for _ in range(moves):
        _sideways(search, tau, rng)
    return search.x
