"""A simple greedy assignment: the benchmark's baseline and the optimiser's first draft.

Tasks are placed one at a time, scarcest first (fewest qualified hours per hour needed),
then largest first. Each task goes preferably whole to one member, otherwise in as large
shares as fit; among the members who can take a share, the one whose complex it balances
best (smallest squared deviation afterwards) gets it. Shares respect blocks, K,
qualifications and pins, and never leave a member or task with a remainder smaller than a
block. The greedy can paint itself into a corner; it then gives up (returns ``None``).
"""

from __future__ import annotations

import numpy as np

from pareconapp.core.jobs.encoding import BoolArray, EncodedProblem, IntArray


def _valid_leftover(left: IntArray, minimum: IntArray | int) -> BoolArray:
    return np.asarray((left == 0) | (left >= minimum))


def best_shares(need: int, room: IntArray, lo: int, member_lo: int) -> IntArray:
    """The largest valid share of a task for each member (0 where none is valid).

    Args:
        need: Steps of the task still unassigned.
        room: Each member's unfilled steps.
        lo: The task's smallest share.
        member_lo: The smallest share of any task, which a member's remainder must reach.
    """
    best = np.zeros_like(room)
    whole = np.minimum(room, need)
    for q in (whole, np.full_like(room, need - lo), room - member_lo):
        ok = (q >= lo) & (q <= whole)
        ok &= _valid_leftover(need - q, lo) & _valid_leftover(room - q, member_lo)
        best = np.where(ok & (q > best), q, best)
    return best


def _task_order(enc: EncodedProblem, need: IntArray, rng: np.random.Generator | None) -> list[int]:
    """Scarcest tasks first, then largest; ``rng`` shuffles this a little for a retry."""
    capacity = (enc.free * enc.member_steps[None, :]).sum(axis=1)
    scarcity = capacity / np.maximum(need, 1)
    size = need.astype(np.float64)
    if rng is not None:
        scarcity = scarcity * rng.uniform(0.7, 1.3, len(need))
        size = size * rng.uniform(0.5, 1.5, len(need))
    return sorted(range(len(need)), key=lambda i: (round(float(scarcity[i]), 1), -size[i], i))


class _Draft:
    """The greedy's working state: the matrix, what is left to place, and complex sums."""

    def __init__(self, enc: EncodedProblem) -> None:
        self.enc = enc
        self.x = enc.pinned_steps.copy()
        self.need = enc.task_steps - self.x.sum(axis=1)
        self.room = enc.member_steps - self.x.sum(axis=0)
        self.sums = enc.centred.T @ self.x  # (2, M)
        self.hours = np.maximum(enc.member_steps, 1).astype(np.float64)
        self.member_lo = int(enc.min_share.min()) if len(enc.min_share) else 1

    def count(self) -> IntArray:
        return np.asarray((self.x > 0).sum(axis=0))

    def move(self, i: int, j: int, q: int, giver: int | None = None) -> None:
        """Give ``q`` steps of task ``i`` to member ``j`` (from ``giver``, else unplaced)."""
        self.x[i, j] += q
        self.room[j] -= q
        self.sums[:, j] += self.enc.centred[i] * q
        if giver is None:
            self.need[i] -= q
        else:
            self.x[i, giver] -= q
            self.room[giver] += q
            self.sums[:, giver] -= self.enc.centred[i] * q

    def place(self, i: int) -> bool:
        """Place one share of task ``i`` on the member it balances best."""
        enc = self.enc
        open_ = enc.free[i] & (self.count() < enc.max_tasks) & (self.x[i] == 0)
        shares = best_shares(int(self.need[i]), self.room, int(enc.min_share[i]), self.member_lo)
        shares = np.where(open_, shares, 0)
        if not shares.any():
            return self.make_room(i)
        after = self.sums + enc.centred[i][:, None] * shares[None, :]
        score = ((after / self.hours) ** 2).sum(axis=0)
        whole = shares == self.need[i]
        preferred = whole if whole.any() else shares > 0
        j = int(np.argmin(np.where(preferred, score, np.inf)))
        self.move(i, j, int(shares[j]))
        return True

    def make_room(self, i: int) -> bool:
        """Free room for the rest of task ``i`` on a member by passing one of their shares on.

        Member ``j`` (qualified for ``i``) hands ``gap`` steps of a task ``u`` it holds to a
        member ``k`` with room, so that ``j`` can take all that is left of ``i``.
        """
        enc, need = self.enc, int(self.need[i])
        count = self.count()
        for j in np.flatnonzero(enc.free[i] & (self.x[i] == 0)):
            gap = need - int(self.room[j])
            if gap <= 0:
                continue
            for u in np.flatnonzero(enc.free[:, j] & (self.x[:, j] >= gap)):
                left = int(self.x[u, j]) - gap
                frees_slot = left == 0
                if not (left == 0 or left >= enc.min_share[u]):
                    continue
                if count[j] - int(frees_slot) >= enc.max_tasks:
                    continue
                takers = (
                    enc.free[u]
                    & (self.room >= gap)
                    & _valid_leftover(self.room - gap, self.member_lo)
                )
                takers &= (self.x[u] > 0) | ((count < enc.max_tasks) & (gap >= enc.min_share[u]))
                takers[j] = False
                if takers.any():
                    self.move(int(u), int(np.flatnonzero(takers)[0]), gap, giver=int(j))
                    self.move(i, int(j), need)
                    return True
        return False


def greedy_draft(enc: EncodedProblem, rng: np.random.Generator | None = None) -> IntArray | None:
    """One greedy pass from the pins, or ``None`` if it gets stuck."""
    draft = _Draft(enc)
    for i in _task_order(enc, draft.need, rng):
        while draft.need[i] > 0:
            if not draft.place(i):
                return None
    return draft.x


def greedy_assignment(enc: EncodedProblem, attempts: int = 20, seed: int = 0) -> IntArray | None:
    """A valid greedy assignment: the plain order first, then shuffled retries.

    Returns ``None`` when every attempt got stuck (the optimiser then asks CP-SAT for a
    first assignment).
    """
    rng = np.random.default_rng(seed)
    for attempt in range(attempts):
        x = greedy_draft(enc, rng if attempt else None)
        if x is not None:
            return x
    return None
