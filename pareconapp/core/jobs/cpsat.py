"""The job-complex problem as a CP-SAT model, for all members or for a group of them.

Variables (in time steps, see :mod:`.encoding`): ``x[t, m]`` in {0} or
[smallest share, hours] for each qualified, unpinned cell, with a Boolean ``used[t, m]``
(``x <= hours * used``, ``x >= used``); pinned cells are constants. Constraints: each
task's hours are covered, each member's hours filled, at most K used cells per member.
Balance: with ``c[t]`` a task's rating minus the workplace average in integer units,
``|sum_t c[t] x[t, m]| <= Z * hours[m]`` for both ratings, so ``Z`` bounds every member's
hour-weighted deviation. Objective: ``A * Z + B * sum |x - current|`` where ``B / A`` is the
keep-weight converted to these units (``A = 1, B = 0`` without a current assignment).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from pareconapp.core.jobs.encoding import EncodedProblem, IntArray

KEEP_SCALE = 100
"""``A`` when a current assignment is weighted, so that ``B`` can be a whole number."""


@dataclass(frozen=True, eq=False)
class CellModel:
    """A built model and the handles needed to read its solutions.

    Attributes:
        model: The CP-SAT model.
        cells: ``(task index, member index) -> x`` for the variable cells.
        deviation: ``Z``, in integer rating units.
        weight: ``A``, the objective's weight on ``Z``.
        rows: The tasks modelled (indices).
        cols: The members modelled (indices).
    """

    model: cp_model.CpModel
    cells: dict[tuple[int, int], cp_model.IntVar]
    deviation: cp_model.IntVar
    weight: int
    rows: IntArray
    cols: IntArray

    def assignment(self, values: dict[tuple[int, int], int], base: IntArray) -> IntArray:
        """``base`` with the modelled variable cells replaced by ``values``."""
        x = base.copy()
        for (i, j), value in values.items():
            x[i, j] = value
        return x


def keep_weights(enc: EncodedProblem) -> tuple[int, int]:
    """``(A, B)``: the objective's integer weights on ``Z`` and on each step moved."""
    if enc.current is None or enc.keep_weight <= 0:
        return 1, 0
    per_step = enc.keep_weight * enc.resolution * enc.step_hours / 2.0
    return KEEP_SCALE, max(1, round(KEEP_SCALE * per_step))


def build_model(
    enc: EncodedProblem,
    rows: IntArray,
    cols: IntArray,
    totals: IntArray,
    hint: IntArray | None = None,
    deviation_cap: int | None = None,
    minimise: bool = True,
) -> CellModel:
    """A model sharing ``totals[k]`` steps of task ``rows[k]`` among members ``cols``.

    Args:
        enc: The encoded problem.
        rows: Task indices to model; every task a modelled member holds must be included.
        cols: Member indices to model.
        totals: Steps of each modelled task to share among the modelled members.
        hint: An assignment to start from (its modelled cells are hinted).
        deviation_cap: Upper bound on ``Z`` (prunes groups that cannot improve).
        minimise: Set the objective; without it any assignment within the cap will do.
    """
    model = cp_model.CpModel()
    cells: dict[tuple[int, int], cp_model.IntVar] = {}
    used: dict[tuple[int, int], cp_model.IntVar] = {}
    for k, i in enumerate(rows):
        for j in cols:
            upper = int(min(totals[k], enc.member_steps[j]))
            lower = int(enc.min_share[i])
            if not enc.free[i, j] or upper < lower:
                continue
            domain = cp_model.Domain.from_intervals([[0], [lower, upper]])
            x = model.new_int_var_from_domain(domain, f"x_{i}_{j}")
            u = model.new_bool_var(f"u_{i}_{j}")
            model.add(x <= upper * u)
            model.add(x >= u)
            cells[int(i), int(j)] = x
            used[int(i), int(j)] = u
            if hint is not None:
                model.add_hint(x, int(hint[i, j]))
                model.add_hint(u, bool(hint[i, j] > 0))
    cap = (
        deviation_cap if deviation_cap is not None else int(np.abs(enc.centred_int).max(initial=0))
    )
    deviation = model.new_int_var(0, max(cap, 0), "deviation")
    _add_totals(enc, model, cells, rows, cols, totals)
    _add_members(enc, model, cells, used, rows, cols, deviation)
    weight = _add_objective(enc, model, cells, deviation) if minimise else 1
    if hint is not None:
        model.add_hint(deviation, min(cap, _hint_deviation(enc, hint, cols)))
    return CellModel(model, cells, deviation, weight, rows, cols)


def _add_totals(
    enc: EncodedProblem,
    model: cp_model.CpModel,
    cells: dict[tuple[int, int], cp_model.IntVar],
    rows: IntArray,
    cols: IntArray,
    totals: IntArray,
) -> None:
    for k, i in enumerate(rows):
        pinned = int(enc.pinned_steps[i, cols].sum())
        variables = [cells[int(i), int(j)] for j in cols if (int(i), int(j)) in cells]
        model.add(cp_model.LinearExpr.sum(variables) == int(totals[k]) - pinned)


def _add_members(
    enc: EncodedProblem,
    model: cp_model.CpModel,
    cells: dict[tuple[int, int], cp_model.IntVar],
    used: dict[tuple[int, int], cp_model.IntVar],
    rows: IntArray,
    cols: IntArray,
    deviation: cp_model.IntVar,
) -> None:
    for j in cols:
        mine = [int(i) for i in rows if (int(i), int(j)) in cells]
        pinned = enc.pinned_steps[rows, j]
        filled = cp_model.LinearExpr.sum([cells[i, int(j)] for i in mine])
        model.add(filled == int(enc.member_steps[j] - pinned.sum()))
        slots = cp_model.LinearExpr.sum([used[i, int(j)] for i in mine])
        model.add(slots <= enc.max_tasks - int((pinned > 0).sum()))
        hours = int(enc.member_steps[j])
        if hours == 0:
            continue
        for d in range(2):
            fixed = int(enc.centred_int[rows, d] @ pinned)
            coefficients = [int(enc.centred_int[i, d]) for i in mine]
            total = cp_model.LinearExpr.weighted_sum([cells[i, int(j)] for i in mine], coefficients)
            total = total + fixed
            model.add(total <= deviation * hours)
            model.add(-total <= deviation * hours)


def _add_objective(
    enc: EncodedProblem,
    model: cp_model.CpModel,
    cells: dict[tuple[int, int], cp_model.IntVar],
    deviation: cp_model.IntVar,
) -> int:
    weight, per_step = keep_weights(enc)
    if per_step == 0 or enc.current is None:
        model.minimize(deviation)
        return weight
    changes = []
    for (i, j), x in cells.items():
        before = int(enc.current[i, j])
        if before == 0:
            changes.append(x)
            continue
        change = model.new_int_var(0, max(before, int(enc.member_steps[j])), f"d_{i}_{j}")
        model.add(change >= x - before)
        model.add(change >= before - x)
        changes.append(change)
    model.minimize(weight * deviation + per_step * cp_model.LinearExpr.sum(changes))
    return weight


def _hint_deviation(enc: EncodedProblem, x: IntArray, cols: IntArray) -> int:
    """``Z`` of assignment ``x`` over the modelled members, in integer units."""
    sums = np.abs(enc.centred_int.T @ x[:, cols]).max(axis=0)
    hours = np.maximum(enc.member_steps[cols], 1)
    return int(np.max(-(-sums // hours), initial=0))


@dataclass(frozen=True, eq=False)
class ModelResult:
    """What a CP-SAT run gave.

    Attributes:
        assignment: The best assignment found (``None`` if none).
        bound: CP-SAT's proven lower bound on the model objective (model units).
        status: ``"optimal"``, ``"feasible"``, ``"infeasible"`` or ``"unknown"``.
    """

    assignment: IntArray | None
    bound: float
    status: str


class _Solutions(cp_model.CpSolverSolutionCallback):
    """Keeps the latest solution's cell values and passes it on."""

    def __init__(
        self,
        cm: CellModel,
        base: IntArray,
        on_solution: Callable[[IntArray], None] | None,
        should_stop: Callable[[], bool],
    ) -> None:
        super().__init__()
        self._cm, self._base = cm, base
        self._on_solution, self._should_stop = on_solution, should_stop
        self.best: IntArray | None = None

    def on_solution_callback(self) -> None:
        values = {cell: int(self.value(x)) for cell, x in self._cm.cells.items()}
        self.best = self._cm.assignment(values, self._base)
        if self._on_solution is not None:
            self._on_solution(self.best)
        if self._should_stop():
            self.stop_search()


def solve_model(
    cm: CellModel,
    base: IntArray,
    time_limit: float,
    workers: int = 1,
    seed: int = 0,
    on_solution: Callable[[IntArray], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    first_solution_only: bool = False,
) -> ModelResult:
    """Run CP-SAT on ``cm`` for at most ``time_limit`` seconds.

    Args:
        cm: The model.
        base: The assignment the unmodelled cells are taken from.
        time_limit: Seconds.
        workers: Search threads.
        seed: CP-SAT's random seed.
        on_solution: Called (from a solver thread) with every improving assignment.
        should_stop: Polled; when it returns true the search stops with what it has.
        first_solution_only: Stop at the first valid assignment.
    """
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.stop_after_first_solution = first_solution_only
    callback = _Solutions(cm, base, on_solution, should_stop)
    with _stopping(solver, should_stop):
        status = solver.solve(cm.model, callback)
    name = {
        cp_model.OPTIMAL: "optimal",
        cp_model.FEASIBLE: "feasible",
        cp_model.INFEASIBLE: "infeasible",
    }.get(status, "unknown")
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = {cell: int(solver.value(x)) for cell, x in cm.cells.items()}
        return ModelResult(cm.assignment(values, base), solver.best_objective_bound, name)
    return ModelResult(callback.best, solver.best_objective_bound, name)


@contextlib.contextmanager
def _stopping(solver: cp_model.CpSolver, should_stop: Callable[[], bool]) -> Iterator[None]:
    """Stop ``solver`` from a watcher thread as soon as ``should_stop()`` turns true."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if should_stop():
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, name="cp-sat-stop", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
