"""The balanced-job-complex optimiser: checks, heuristics, then CP-SAT, within a time limit.

1. :func:`.checks.validate` and :func:`.checks.diagnose`: malformed input and failed
   necessary conditions are reported in plain words before any search.
2. A first assignment: the current one if it is still valid, and the greedy
   (:mod:`.greedy`); if the greedy gets stuck, CP-SAT finds one (or proves none exists).
3. Exchanges (:mod:`.exchange`) bring the largest deviation down quickly.
4. Regrouping (:mod:`.regroup`): CP-SAT re-shares small groups' tasks exactly, with
   sideways exchanges to shake the assignment when no group helps.
5. The full CP-SAT model, seeded with the best assignment, proves a lower bound (and may
   improve the answer) in the last ``prove_share`` of the time, when the model is small
   enough to load in that time; otherwise the bound is the trivial 0 and the heuristics
   keep the time.

Cancelling through :class:`~pareconapp.core.progress.Progress` stops whichever stage runs
and returns the best assignment so far, marked as cancelled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.jobs.assessment import assignment_problems
from pareconapp.core.jobs.checks import JobComplexesInfeasible, diagnose, validate
from pareconapp.core.jobs.cpsat import build_model, keep_weights, solve_model
from pareconapp.core.jobs.encoding import EncodedProblem, IntArray, encode
from pareconapp.core.jobs.exchange import exchange_search, wander
from pareconapp.core.jobs.greedy import greedy_assignment
from pareconapp.core.jobs.model import (
    JobComplexProblem,
    JobComplexSolution,
    SolverSettings,
    SolveStatus,
)
from pareconapp.core.jobs.regroup import regroup_search
from pareconapp.core.progress import Cancelled, Progress

LOAD_SECONDS_PER_CELL = 2.5e-4
"""CP-SAT's time to load (presolve) the full model per qualified cell, measured on the
project's 2-core machine (about 1.3 s for 150 tasks x 50 members)."""
EXCHANGE_SHARE = 0.3
"""Share of the heuristics' time given to exchanges before regrouping takes over."""
WANDER_MOVES = 30
"""Sideways exchanges made when no group improves, before regrouping again."""
FRUITLESS_ROUNDS = 5
"""Rounds of regrouping and wandering without a new best before moving on to the proof."""
REPORT_EVERY = 0.2
"""Seconds between progress reports."""

_CONTEXT = "JobComplexes"
NO_ASSIGNMENT_EXISTS = QT_TRANSLATE_NOOP(
    _CONTEXT,
    "No assignment meets every rule at once, although each quick check passed (total "
    "hours, qualified hours for every task and group of tasks, blocks, pins and at most "
    "{k} tasks per member). Allow more tasks per member, smaller blocks or more "
    "qualified members.",
)
NONE_FOUND_IN_TIME = QT_TRANSLATE_NOOP(
    _CONTEXT,
    "No valid assignment was found within {seconds} s, although each quick check passed. "
    "Allow more time, more tasks per member, smaller blocks or more qualified members.",
)


def optimise_job_complexes(
    problem: JobComplexProblem,
    settings: SolverSettings | None = None,
    progress: Progress | None = None,
) -> JobComplexSolution:
    """Find balanced job complexes for ``problem`` within ``settings.time_limit``.

    Args:
        problem: Tasks, members, K, pins and the optional current assignment.
        settings: Time limit, solver threads and seed.
        progress: Receives ``report(elapsed_ms, limit_ms, message)`` a few times a second;
            cancelling it returns the best assignment so far, marked ``cancelled``.

    Returns:
        The best assignment found, its deviations, and the proven bound.

    Raises:
        UserError: The problem is malformed, or no assignment can meet its rules
            (:class:`.checks.JobComplexesInfeasible`, whose ``reasons`` name them).
        Cancelled: Cancelled before any valid assignment was found.
    """
    started = time.monotonic()
    settings = settings or SolverSettings()
    validate(problem)
    enc = encode(problem)
    reasons = diagnose(enc)
    if reasons:
        raise JobComplexesInfeasible(reasons)
    run = _Optimisation(enc, settings, progress, started)
    try:
        run.run()
    except Cancelled:
        if run.best is None:
            raise
        run.cancelled = True
    return run.solution()


def greedy_job_complexes(problem: JobComplexProblem) -> JobComplexSolution | None:
    """The greedy baseline alone (``None`` if it gets stuck): fast, and far from balanced."""
    started = time.monotonic()
    validate(problem)
    enc = encode(problem)
    reasons = diagnose(enc)
    if reasons:
        raise JobComplexesInfeasible(reasons)
    x = greedy_assignment(enc)
    if x is None:
        return None
    run = _Optimisation(enc, SolverSettings(time_limit=0.0), None, started)
    run.offer(x, "greedy")
    return run.solution()


class _Optimisation:
    """One optimisation run: the stages, the best assignment so far and the bound."""

    def __init__(
        self,
        enc: EncodedProblem,
        settings: SolverSettings,
        progress: Progress | None,
        started: float,
    ) -> None:
        self.enc, self.settings, self.progress = enc, settings, progress
        self.started = started
        self.deadline = started + settings.time_limit
        self.rng = np.random.default_rng(settings.seed)
        self.best: IntArray | None = None
        self.best_objective = float("inf")
        self.found_by = ""
        self.bound = 0.0
        self.cancelled = False
        self._lock = threading.Lock()
        self._last_report = 0.0

    def run(self) -> None:
        """All stages in order, each stopping at its share of the time."""
        self.first_assignment()
        prove = self.full_model_fits()
        share = self.settings.prove_share if prove else 0.0
        heuristics_end = self.deadline - share * self.settings.time_limit
        self.exchanges(heuristics_end)
        self.regroup(heuristics_end)
        if prove and self.best_objective > 0:
            self.prove()

    def offer(self, x: IntArray, stage: str) -> None:
        """Keep ``x`` if it beats the best so far (safe from any thread)."""
        objective = self.enc.objective(x)
        with self._lock:
            if objective < self.best_objective - 1e-12:
                self.best, self.best_objective, self.found_by = x.copy(), objective, stage

    def checkpoint(self, stage: str) -> None:
        """Report progress now and then; raises ``Cancelled`` if the caller cancelled."""
        if self.progress is None:
            return
        now = time.monotonic()
        if now - self._last_report < REPORT_EVERY:
            self.progress.check_cancelled()
            return
        self._last_report = now
        elapsed = int((now - self.started) * 1000)
        total = max(int(self.settings.time_limit * 1000), elapsed)
        self.progress.report(elapsed, total, f"{stage}: {self.best_objective:.3f}")

    def keeper(self, stage: str) -> Callable[[IntArray, float], None]:
        """An ``on_best`` callback for a search stage."""

        def keep(x: IntArray, objective: float) -> None:
            del objective
            self.offer(x, stage)
            self.checkpoint(stage)

        return keep

    def first_assignment(self) -> None:
        """The current assignment if valid, the greedy's, or else CP-SAT's first."""
        enc = self.enc
        if enc.current is not None and not assignment_problems(enc, enc.current):
            self.offer(enc.current, "current")
        x = greedy_assignment(enc, seed=self.settings.seed)
        if x is not None:
            self.offer(x, "greedy")
        if self.best is None:
            self.first_from_solver()
        self.checkpoint("start")

    def first_from_solver(self) -> None:
        """Ask CP-SAT for any valid assignment, or for a proof that there is none."""
        enc = self.enc
        rows, cols = np.arange(enc.shape[0]), np.arange(enc.shape[1])
        cm = build_model(enc, rows, cols, enc.task_steps, minimise=False)
        budget = max(self.deadline - time.monotonic(), 0.0) / 2
        result = solve_model(
            cm,
            np.zeros(enc.shape, dtype=np.int64),
            budget,
            workers=self.settings.workers,
            seed=self.settings.seed,
            should_stop=self._cancel_requested,
            first_solution_only=True,
        )
        if result.assignment is not None:
            self.offer(result.assignment, "solver")
            return
        self.checkpoint("start")
        if result.status == "infeasible":
            raise JobComplexesInfeasible([UserMessage(NO_ASSIGNMENT_EXISTS, {"k": enc.max_tasks})])
        seconds = round(self.settings.time_limit)
        raise UserError(UserMessage(NONE_FOUND_IN_TIME, {"seconds": seconds}))

    def exchanges(self, end: float) -> None:
        """Exchange search for the first part of the heuristics' time."""
        if self.best is None or self.best_objective <= 0:
            return
        now = time.monotonic()
        stop = now + max(end - now, 0.0) * EXCHANGE_SHARE
        patience = max(0.1 * self.settings.time_limit, 0.2)
        exchange_search(
            self.enc,
            self.best,
            stop,
            self.rng,
            self.keeper("exchanges"),
            patience,
            checkpoint=lambda: self.checkpoint("exchanges"),
        )

    def regroup(self, end: float) -> None:
        """Regrouping until ``end``, shaking the assignment whenever it gets stuck."""
        if self.best is None:
            return
        x = self.best
        fruitless = 0
        while self.best_objective > 0 and time.monotonic() < end and fruitless < FRUITLESS_ROUNDS:
            before = self.best_objective
            x = regroup_search(
                self.enc,
                x,
                end,
                self.rng,
                self.keeper("regrouping"),
                workers=self.settings.workers,
                checkpoint=lambda: self.checkpoint("regrouping"),
            )
            fruitless = fruitless + 1 if self.best_objective >= before else 0
            if time.monotonic() < end:
                x = wander(self.enc, x, WANDER_MOVES, self.rng)
                self.checkpoint("regrouping")

    def full_model_fits(self) -> bool:
        """Whether CP-SAT can load the full model in under half its share of the time."""
        load = float(self.enc.free.sum()) * LOAD_SECONDS_PER_CELL
        return load < 0.5 * self.settings.prove_share * self.settings.time_limit

    def prove(self) -> None:
        """Run the full model from the best assignment for the rest of the time."""
        enc = self.enc
        assert self.best is not None
        rows, cols = np.arange(enc.shape[0]), np.arange(enc.shape[1])
        cm = build_model(enc, rows, cols, enc.task_steps, hint=self.best)
        result = solve_model(
            cm,
            self.best,
            max(self.deadline - time.monotonic(), 0.05),
            workers=self.settings.workers,
            seed=self.settings.seed,
            on_solution=lambda x: self.offer(x, "solver"),
            should_stop=self._cancel_requested,
        )
        if result.assignment is not None:
            self.offer(result.assignment, "solver")
        self.bound = self.bound_in_points(result.bound, cm.weight)
        self.checkpoint("solver")

    def bound_in_points(self, model_bound: float, weight: int) -> float:
        """CP-SAT's bound in rating points, less the most that rounding could have added."""
        enc = self.enc
        slack = 2.0 / enc.resolution
        _, per_step = keep_weights(enc)
        if per_step:
            exact = enc.keep_weight * enc.step_hours / 2.0
            modelled = per_step / (weight * enc.resolution)
            slack += abs(modelled - exact) * 2.0 * float(enc.task_steps.sum())
        return max(0.0, model_bound / (weight * enc.resolution) - slack)

    def _cancel_requested(self) -> bool:
        return self.progress is not None and self.progress.cancelled

    def solution(self) -> JobComplexSolution:
        """The result of the run (``best`` must be set)."""
        assert self.best is not None
        enc = self.enc
        tolerance = 3.0 / enc.resolution
        optimal = self.best_objective <= max(self.bound, 0.0) + tolerance
        return JobComplexSolution(
            balance=enc.balance(self.best),
            objective=self.best_objective,
            bound=min(self.bound, self.best_objective),
            status=SolveStatus.OPTIMAL if optimal else SolveStatus.FEASIBLE,
            cancelled=self.cancelled,
            seconds=time.monotonic() - self.started,
            found_by=self.found_by,
            scale_range=enc.problem.scale.span,
        )
