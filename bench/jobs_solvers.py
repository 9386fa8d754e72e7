"""Which solver library for job complexes: CP-SAT or HiGHS, measured on the same models.

The figures behind the choice in docs/job-complexes.md (a helper of bench/jobs.py, also
run by ``make bench``):

1. The full model (all members) from the same greedy start, the same seconds each: the
   largest deviation found and the proven bound. CP-SAT uses 2 threads; HiGHS's MIP
   search is essentially single-threaded.
2. Group re-sharing, the subproblem the optimiser solves hundreds of times: the same pairs
   and trios of members around the worst complex of an assignment improved by exchanges,
   each solved to proven optimality by both libraries (plus CP-SAT's "is there anything
   better at all" run, which the optimiser actually uses): seconds per group and whether
   the optimal values agree.

Both libraries get the identical model: integer hours in steps, a Boolean per used cell,
integer rating units (see pareconapp/core/jobs/cpsat.py).
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from pathlib import Path

import highspy
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _jobs_instances import generate

from pareconapp.core.jobs.cpsat import build_model, solve_model
from pareconapp.core.jobs.encoding import EncodedProblem, encode
from pareconapp.core.jobs.exchange import exchange_search
from pareconapp.core.jobs.greedy import greedy_assignment
from pareconapp.core.jobs.regroup import partners_by_promise

SEED = 7
FULL_SECONDS = 10.0
GROUPS = 24


class HighsModel:
    """The job-complex model of pareconapp.core.jobs.cpsat, written for HiGHS."""

    def __init__(self, enc, rows, cols, totals, hint=None):
        self.enc, self.h = enc, highspy.Highs()
        self.h.silent()
        self.cells = [
            (int(i), int(j), int(min(totals[k], enc.member_steps[j])))
            for k, i in enumerate(rows)
            for j in cols
            if enc.free[i, j] and min(totals[k], enc.member_steps[j]) >= enc.min_share[i]
        ]
        n = len(self.cells)
        self.z = 2 * n
        upper = [float(u) for _, _, u in self.cells] + [1.0] * n + [highspy.kHighsInf]
        self.h.addVars(2 * n + 1, np.zeros(2 * n + 1), np.array(upper))
        integer = np.array([highspy.HighsVarType.kInteger] * (2 * n))
        self.h.changeColsIntegrality(2 * n, np.arange(2 * n, dtype=np.int32), integer)
        self.h.changeColsCost(1, np.array([self.z], dtype=np.int32), np.array([1.0]))
        self._rows(rows, cols, totals)
        if hint is not None:
            self.hint(hint, cols)

    def _add(self, low, high, terms):
        index = np.array([c for c, _ in terms], dtype=np.int32)
        value = np.array([v for _, v in terms], dtype=np.float64)
        start = np.array([0], dtype=np.int32)
        self.h.addRows(1, np.array([low]), np.array([high]), len(terms), start, index, value)

    def _rows(self, rows, cols, totals):
        enc, inf, n = self.enc, highspy.kHighsInf, len(self.cells)
        for c, (i, _, upper) in enumerate(self.cells):
            self._add(-inf, 0.0, [(c, 1.0), (n + c, -float(upper))])
            self._add(0.0, inf, [(c, 1.0), (n + c, -float(enc.min_share[i]))])
        for k, i in enumerate(rows):
            need = float(totals[k] - enc.pinned_steps[i, cols].sum())
            self._add(need, need, [(c, 1.0) for c, cell in enumerate(self.cells) if cell[0] == i])
        for j in cols:
            mine = [c for c, cell in enumerate(self.cells) if cell[1] == j]
            pinned = enc.pinned_steps[rows, j]
            fill = float(enc.member_steps[j] - pinned.sum())
            self._add(fill, fill, [(c, 1.0) for c in mine])
            slots = float(enc.max_tasks - (pinned > 0).sum())
            self._add(-inf, slots, [(n + c, 1.0) for c in mine])
            for d in range(2):
                fixed = float(enc.centred_int[rows, d] @ pinned)
                coef = [(c, float(enc.centred_int[self.cells[c][0], d])) for c in mine]
                hours = float(enc.member_steps[j])
                self._add(-inf, -fixed, [*coef, (self.z, -hours)])
                self._add(-inf, fixed, [(c, -v) for c, v in coef] + [(self.z, -hours)])

    def hint(self, x, cols):
        values = [float(x[i, j]) for i, j, _ in self.cells]
        values += [1.0 if v > 0 else 0.0 for v in values]
        sums = np.abs(self.enc.centred_int.T @ x[:, cols]).max(axis=0)
        values.append(float((sums / np.maximum(self.enc.member_steps[cols], 1)).max()))
        solution = highspy.HighsSolution()
        solution.col_value = values
        self.h.setSolution(solution)

    def solve(self, seconds, base):
        self.h.setOptionValue("time_limit", float(seconds))
        started = time.perf_counter()
        self.h.run()
        elapsed = time.perf_counter() - started
        info = self.h.getInfo()
        x = None
        if info.primal_solution_status == 2:  # feasible
            x = base.copy()
            values = self.h.getSolution().col_value
            for c, (i, j, _) in enumerate(self.cells):
                x[i, j] = round(values[c])
        return x, info.mip_dual_bound, elapsed


def full_model(tasks: int, members: int) -> None:
    problem = generate(tasks, members, SEED)
    enc = encode(problem)
    start = greedy_assignment(enc)
    assert start is not None
    rows, cols = np.arange(len(problem.tasks)), np.arange(len(problem.members))
    print(
        f"\nfull model {tasks}x{members}, {FULL_SECONDS:g} s each, from the greedy start "
        f"(largest deviation {enc.largest_deviation(start):.3f})"
    )
    started = time.perf_counter()
    cm = build_model(enc, rows, cols, enc.task_steps, hint=start)
    result = solve_model(cm, start, FULL_SECONDS, workers=2, seed=SEED)
    seconds = time.perf_counter() - started
    found = (
        "none" if result.assignment is None else f"{enc.largest_deviation(result.assignment):.3f}"
    )
    print(
        f"  CP-SAT (2 threads): largest deviation {found}, bound "
        f"{result.bound / enc.resolution:.4f}, {seconds:.1f} s with model building"
    )
    started = time.perf_counter()
    model = HighsModel(enc, rows, cols, enc.task_steps, hint=start)
    x, bound, _ = model.solve(FULL_SECONDS, start)
    seconds = time.perf_counter() - started
    found = "none" if x is None else f"{enc.largest_deviation(x):.3f}"
    print(
        f"  HiGHS: largest deviation {found}, bound {bound / enc.resolution:.4f}, "
        f"{seconds:.1f} s with model building"
    )


def improved_assignment(enc: EncodedProblem) -> np.ndarray:
    start = greedy_assignment(enc)
    assert start is not None
    rng = np.random.default_rng(SEED)
    return exchange_search(enc, start, time.monotonic() + 3.0, rng, ignore, 3.0)


def ignore(x: np.ndarray, objective: float) -> None:
    del x, objective


def groups(enc: EncodedProblem, x: np.ndarray) -> list[list[int]]:
    dev = enc.deviations(x)
    worst = int(np.argmax(np.abs(dev).max(axis=1)))
    partners = partners_by_promise(dev, worst, np.random.default_rng(SEED))
    pairs = [[worst, b] for b in partners[: GROUPS // 2]]
    trios = [[worst, b, c] for b, c in itertools.combinations(partners[:6], 2)]
    return pairs + trios[: GROUPS - len(pairs)]


def subproblems(tasks: int, members: int) -> None:
    enc = encode(generate(tasks, members, SEED))
    x = improved_assignment(enc)
    print(
        f"\ngroup re-sharing on {tasks}x{members} after 3 s of exchanges "
        f"(largest deviation {enc.largest_deviation(x):.3f}), {GROUPS} groups "
        "around the worst complex, each solved to proven optimality"
    )
    times: dict[str, list[float]] = {"CP-SAT": [], "CP-SAT better-or-not": [], "HiGHS": []}
    agree = unproven = 0
    for group in groups(enc, x):
        cols = np.array(sorted(group))
        rows = np.flatnonzero((x[:, cols] > 0).any(axis=1))
        totals = x[np.ix_(rows, cols)].sum(axis=1)
        started = time.perf_counter()
        cm = build_model(enc, rows, cols, totals, hint=x)
        cp = solve_model(cm, x, 30.0)
        times["CP-SAT"].append(time.perf_counter() - started)
        sums = np.abs(enc.centred_int.T @ x[:, cols]).max(axis=0)
        cap = int(np.max(-(-sums // enc.member_steps[cols]))) - 1
        started = time.perf_counter()
        cm = build_model(enc, rows, cols, totals, deviation_cap=cap, minimise=False)
        solve_model(cm, x, 30.0, first_solution_only=True)
        times["CP-SAT better-or-not"].append(time.perf_counter() - started)
        started = time.perf_counter()
        model = HighsModel(enc, rows, cols, totals, hint=x)
        hx, bound, _ = model.solve(30.0, x)
        times["HiGHS"].append(time.perf_counter() - started)
        unproven += cp.status != "optimal"
        if hx is not None and cp.assignment is not None:
            cp_value = cp.bound
            agree += abs(cp_value - bound) <= 1.0 + 1e-6 * abs(bound)
    for name, values in times.items():
        print(
            f"  {name}: mean {statistics.mean(values) * 1000:.0f} ms, "
            f"max {max(values) * 1000:.0f} ms per group (with model building)"
        )
    print(
        f"  optimal values agree (within one rating unit) in {agree} of {GROUPS} groups; "
        f"CP-SAT unproven in {unproven}"
    )


def main() -> int:
    started = time.perf_counter()
    full_model(40, 15)
    full_model(150, 50)
    subproblems(150, 50)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
