"""The job-complex problem as integer arrays, and the measures of an assignment.

Hours become whole *steps*: the largest number of minutes dividing every hour figure of the
problem (task hours and blocks, members' hours, pins, the current assignment) and one hour,
so 1 h when everything is in whole hours and 30 min when someone works 37.5 h or a task
can be split into half-hour blocks. An assignment is a
``(tasks x members)`` integer matrix of steps. Ratings stay floats for the heuristics, and
are also rounded to integers of ``1 / resolution`` rating points for CP-SAT (whose models
are integer): at least 10^5 units over the scale's range, so rounding moves any average by
at most 2 / resolution points, which the reported bound accounts for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pareconapp.core.jobs.model import Balance, Cell, JobComplex, JobComplexProblem

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MINUTES_PER_HOUR = 60


def to_minutes(hours: float) -> int:
    """Hours as whole minutes (inputs are validated to be whole minutes)."""
    return round(hours * MINUTES_PER_HOUR)


def step_minutes(problem: JobComplexProblem, extra_hours: Iterable[float] = ()) -> int:
    """The time step: the gcd of one hour and every hour figure, in minutes."""
    figures = [t.hours for t in problem.tasks] + [t.block_hours for t in problem.tasks]
    figures += [m.hours for m in problem.members] + list(problem.pinned.values())
    task_ids, member_ids = {t.id for t in problem.tasks}, {m.id for m in problem.members}
    current = (problem.current or {}).items()
    figures += [h for (t, m), h in current if t in task_ids and m in member_ids]
    figures += list(extra_hours)
    step = MINUTES_PER_HOUR
    for hours in figures:
        step = math.gcd(step, to_minutes(hours))
    return step


def rating_resolution(span: float) -> int:
    """Integer rating units per point: a power of ten giving >= 10^5 units over the span."""
    return int(10 ** max(0, math.ceil(math.log10(1e5 / span))))


@dataclass(frozen=True, eq=False)
class EncodedProblem:
    """A :class:`JobComplexProblem` as arrays; index ``i`` is ``problem.tasks[i]``.

    Attributes:
        problem: The original problem.
        step_hours: Hours per step.
        task_steps: Steps each task needs, shape (T,).
        member_steps: Steps each member works, shape (M,).
        min_share: Smallest non-zero share of each task in steps, shape (T,).
        ratings: Empowerment and desirability of each task, shape (T, 2).
        averages: The workplace averages (hour-weighted), shape (2,).
        centred: ``ratings - averages``, shape (T, 2).
        centred_int: ``centred`` in integer units of ``1 / resolution`` points.
        resolution: Integer rating units per point.
        allowed: Cells a member is qualified for, shape (T, M).
        pinned: Cells fixed by a pin, shape (T, M).
        pinned_steps: The pinned values (0 elsewhere), shape (T, M).
        current: The current assignment in steps, or ``None``.
        keep_weight: Points of deviation worth one hour moved.
    """

    problem: JobComplexProblem
    step_hours: float
    task_steps: IntArray
    member_steps: IntArray
    min_share: IntArray
    ratings: FloatArray
    averages: FloatArray
    centred: FloatArray
    centred_int: IntArray
    resolution: int
    allowed: BoolArray
    pinned: BoolArray
    pinned_steps: IntArray
    current: IntArray | None
    keep_weight: float

    @property
    def max_tasks(self) -> int:
        """K, the most distinct tasks per member."""
        return self.problem.max_tasks

    @property
    def free(self) -> BoolArray:
        """Cells the optimiser may change: qualified and not pinned."""
        return self.allowed & ~self.pinned

    @property
    def shape(self) -> tuple[int, int]:
        """(number of tasks, number of members)."""
        return len(self.task_steps), len(self.member_steps)

    def deviations(self, x: IntArray) -> FloatArray:
        """Each member's signed deviation from the averages, shape (M, 2), in points."""
        sums = self.centred.T @ x  # (2, M)
        hours = np.maximum(self.member_steps, 1)
        return np.asarray((sums / hours).T, dtype=np.float64)

    def largest_deviation(self, x: IntArray) -> float:
        """The largest absolute deviation of any member in either dimension."""
        if x.shape[1] == 0:
            return 0.0
        return float(np.abs(self.deviations(x)).max())

    def hours_moved(self, x: IntArray) -> float:
        """Hours that changed member compared with the current assignment."""
        if self.current is None:
            return 0.0
        return float(np.abs(x - self.current).sum()) * self.step_hours / 2.0

    def objective(self, x: IntArray) -> float:
        """Largest deviation plus the keep-weight times the hours moved."""
        return self.largest_deviation(x) + self.keep_weight * self.hours_moved(x)

    def balance(self, x: IntArray) -> Balance:
        """The complexes and deviations of assignment ``x``."""
        deviations = self.deviations(x)
        complexes = []
        for j, member in enumerate(self.problem.members):
            rows = np.flatnonzero(x[:, j])
            complexes.append(
                JobComplex(
                    member_id=member.id,
                    hours={
                        self.problem.tasks[i].id: float(x[i, j]) * self.step_hours for i in rows
                    },
                    total_hours=float(x[:, j].sum()) * self.step_hours,
                    empowerment=float(self.averages[0] + deviations[j, 0]),
                    desirability=float(self.averages[1] + deviations[j, 1]),
                    empowerment_deviation=float(deviations[j, 0]),
                    desirability_deviation=float(deviations[j, 1]),
                )
            )
        extremes = np.abs(deviations).max(axis=0) if complexes else np.zeros(2)
        return Balance(
            complexes=tuple(complexes),
            workplace_empowerment=float(self.averages[0]),
            workplace_desirability=float(self.averages[1]),
            largest_empowerment_deviation=float(extremes[0]),
            largest_desirability_deviation=float(extremes[1]),
            hours_moved=self.hours_moved(x),
        )

    def matrix(self, cells: Mapping[Cell, float] | None) -> IntArray:
        """An assignment given as cells, as a matrix of steps (unknown ids are ignored)."""
        return cells_to_steps(self.problem, cells, round(self.step_hours * MINUTES_PER_HOUR))


def cells_to_steps(
    problem: JobComplexProblem, cells: Mapping[Cell, float] | None, step: int
) -> IntArray:
    """Cells ``(task_id, member_id) -> hours`` as a (T, M) matrix of ``step``-minute steps."""
    x = np.zeros((len(problem.tasks), len(problem.members)), dtype=np.int64)
    task_index = {t.id: i for i, t in enumerate(problem.tasks)}
    member_index = {m.id: j for j, m in enumerate(problem.members)}
    for (task_id, member_id), hours in (cells or {}).items():
        if task_id in task_index and member_id in member_index:
            x[task_index[task_id], member_index[member_id]] = to_minutes(hours) // step
    return x


def encode(problem: JobComplexProblem, extra_hours: Iterable[float] = ()) -> EncodedProblem:
    """Turn a validated problem into arrays (see :mod:`.checks` for validation).

    ``extra_hours`` are further figures the time step must divide (an edited assignment).
    """
    step = step_minutes(problem, extra_hours)
    tasks, members = problem.tasks, problem.members
    task_steps = np.array([to_minutes(t.hours) // step for t in tasks], dtype=np.int64)
    member_steps = np.array([to_minutes(m.hours) // step for m in members], dtype=np.int64)
    blocks = np.array([math.ceil(t.block_hours * MINUTES_PER_HOUR / step - 1e-9) for t in tasks])
    min_share = np.minimum(np.maximum(blocks, 1), task_steps).astype(np.int64)
    ratings = np.array([[t.empowerment, t.desirability] for t in tasks], dtype=np.float64)
    ratings = ratings.reshape(len(tasks), 2)
    total = max(int(task_steps.sum()), 1)
    averages = (ratings * task_steps[:, None]).sum(axis=0) / total
    resolution = rating_resolution(problem.scale.span)
    low = problem.scale.low
    centred_int = np.round((ratings - low) * resolution).astype(np.int64) - np.round(
        (averages - low) * resolution
    ).astype(np.int64)
    allowed = np.array([[t.allows(m.id) for m in members] for t in tasks], dtype=np.bool_).reshape(
        len(tasks), len(members)
    )
    pinned = cells_to_steps(problem, dict.fromkeys(problem.pinned, 1.0), MINUTES_PER_HOUR) > 0
    return EncodedProblem(
        problem=problem,
        step_hours=step / MINUTES_PER_HOUR,
        task_steps=task_steps,
        member_steps=member_steps,
        min_share=min_share,
        ratings=ratings,
        averages=averages,
        centred=ratings - averages,
        centred_int=centred_int,
        resolution=resolution,
        allowed=allowed,
        pinned=pinned,
        pinned_steps=cells_to_steps(problem, problem.pinned, step),
        current=None if problem.current is None else cells_to_steps(problem, problem.current, step),
        keep_weight=problem.keep_weight if problem.current is not None else 0.0,
    )
