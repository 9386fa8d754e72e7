"""The job-complex problem and its solution, as plain frozen dataclasses.

A workplace's tasks (hours needed each week, aggregated ratings, minimum block,
qualifications) are bundled into one job complex per member so that every complex's
hour-weighted empowerment and desirability are as close as possible to the workplace
averages. Hours are in hours (floats); ratings are on the :class:`RatingScale` of the round
they come from. Tasks and members are identified by integer ids (the store's primary keys);
their names only appear in explanations.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.jobs.ratings import RatingScale

Cell = tuple[int, int]
"""A cell of the members x tasks matrix: ``(task_id, member_id)``."""


@dataclass(frozen=True)
class Task:
    """A task to be shared out: its weekly hours, ratings, block and qualifications.

    Attributes:
        id: The task's id.
        name: The task's name, used in explanations.
        hours: Hours the task needs each week (> 0).
        empowerment: Aggregated empowerment rating, on the problem's scale.
        desirability: Aggregated desirability (quality of life) rating, on the same scale.
        block_hours: The smallest share of the task one member may take. A share is either 0
            or at least this many hours (a task needing fewer hours than its block goes whole
            to one member).
        qualified: Ids of the members who may do the task (including those in training);
            ``None`` means everyone.
    """

    id: int
    name: str
    hours: float
    empowerment: float
    desirability: float
    block_hours: float = 1.0
    qualified: frozenset[int] | None = None

    def allows(self, member_id: int) -> bool:
        """Whether the member may be given hours of this task."""
        return self.qualified is None or member_id in self.qualified


@dataclass(frozen=True)
class Member:
    """A member and the hours they work each week (their complex's size)."""

    id: int
    name: str
    hours: float


@dataclass(frozen=True)
class JobComplexProblem:
    """Everything the optimiser needs.

    Attributes:
        tasks: The tasks to share out.
        members: The members whose weekly hours must be filled.
        max_tasks: K, the most distinct tasks in one member's complex.
        pinned: Cells fixed by the facilitator: ``(task_id, member_id) -> hours``. A pin of
            0 h keeps the member off that task.
        current: The current assignment (``(task_id, member_id) -> hours``), or ``None``;
            cells of tasks or members not in the problem are ignored.
        keep_weight: How much keeping the current assignment is worth: the objective is
            the largest deviation plus ``keep_weight`` x the hours moved from one member to
            another. In rating points per hour moved; 0 ignores ``current``.
        scale: The rating scale the tasks' ratings are on.
    """

    tasks: tuple[Task, ...]
    members: tuple[Member, ...]
    max_tasks: int = 6
    pinned: Mapping[Cell, float] = field(default_factory=dict)
    current: Mapping[Cell, float] | None = None
    keep_weight: float = 0.0
    scale: RatingScale = field(default_factory=RatingScale)


@dataclass(frozen=True)
class SolverSettings:
    """How long and how hard the optimiser works.

    Attributes:
        time_limit: Seconds of wall time for the whole optimisation.
        workers: Threads the CP-SAT solver may use.
        seed: Seed for the heuristics' random choices (results are repeatable for a seed
            when the time limit is not reached).
        prove_share: Share of the time given to the full CP-SAT model at the end, which
            proves the bound (and may improve the answer); the rest goes to the heuristics.
    """

    time_limit: float = 10.0
    workers: int = 2
    seed: int = 0
    prove_share: float = 0.25

    def __post_init__(self) -> None:
        valid = math.isfinite(self.time_limit) and self.time_limit >= 0 and self.workers >= 1
        if not (valid and 0.0 <= self.prove_share < 1.0):
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "JobComplexes",
                        "The optimiser needs a time limit of 0 s or more, at least one "
                        "thread, and a share of time for the proof from 0 to below 1.",
                    )
                )
            )


class SolveStatus(enum.StrEnum):
    """How good the returned assignment is known to be."""

    OPTIMAL = "optimal"
    """Proven best: the bound equals the objective."""
    FEASIBLE = "feasible"
    """Valid; the bound says how far from the best it may be."""


@dataclass(frozen=True)
class JobComplex:
    """One member's bundle of tasks and how it compares with the workplace averages.

    Attributes:
        member_id: Whose complex it is.
        hours: Hours of each task in the complex (``task_id -> hours``, only non-zero).
        total_hours: Sum of ``hours``.
        empowerment: Hour-weighted average empowerment of the complex.
        desirability: Hour-weighted average desirability of the complex.
        empowerment_deviation: ``empowerment`` minus the workplace average (signed).
        desirability_deviation: ``desirability`` minus the workplace average (signed).
    """

    member_id: int
    hours: Mapping[int, float]
    total_hours: float
    empowerment: float
    desirability: float
    empowerment_deviation: float
    desirability_deviation: float

    @property
    def largest_deviation(self) -> float:
        """The larger of the two absolute deviations, in rating points."""
        return max(abs(self.empowerment_deviation), abs(self.desirability_deviation))


@dataclass(frozen=True)
class Balance:
    """The complexes of an assignment and their deviations from the workplace averages.

    Attributes:
        complexes: One complex per member, in the problem's member order.
        workplace_empowerment: Hour-weighted average empowerment over all tasks.
        workplace_desirability: Hour-weighted average desirability over all tasks.
        largest_empowerment_deviation: Largest absolute empowerment deviation of a complex.
        largest_desirability_deviation: Largest absolute desirability deviation.
        hours_moved: Hours that changed member compared with the current assignment
            (half the sum of absolute cell changes; 0 without a current assignment).
    """

    complexes: tuple[JobComplex, ...]
    workplace_empowerment: float
    workplace_desirability: float
    largest_empowerment_deviation: float
    largest_desirability_deviation: float
    hours_moved: float

    @property
    def largest_deviation(self) -> float:
        """The objective's main term: the largest deviation of either rating."""
        return max(self.largest_empowerment_deviation, self.largest_desirability_deviation)

    def hours_of(self, task_id: int, member_id: int) -> float:
        """Hours of ``task_id`` in ``member_id``'s complex (0 if none)."""
        for complex_ in self.complexes:
            if complex_.member_id == member_id:
                return complex_.hours.get(task_id, 0.0)
        return 0.0

    def cells(self) -> dict[Cell, float]:
        """The assignment as ``(task_id, member_id) -> hours`` (non-zero cells only)."""
        return {
            (task_id, c.member_id): hours
            for c in self.complexes
            for task_id, hours in c.hours.items()
        }


@dataclass(frozen=True)
class JobComplexSolution:
    """The optimiser's answer.

    Attributes:
        balance: The assignment found, with each complex and the deviations.
        objective: The value minimised: the largest deviation (rating points), plus
            ``keep_weight`` x ``hours_moved`` when a current assignment is weighted.
        bound: The best proven lower bound on ``objective``: no valid assignment does
            better. ``objective - bound`` is the most that could still be gained.
        status: Whether the answer is proven optimal.
        cancelled: The caller cancelled; this is the best assignment found until then.
        seconds: Wall time taken.
        found_by: Which stage found the returned assignment: ``"greedy"``,
            ``"exchanges"``, ``"regrouping"``, ``"solver"`` or ``"current"``.
        scale_range: The rating scale's range (high - low), to express the gap in percent.
    """

    balance: Balance
    objective: float
    bound: float
    status: SolveStatus
    cancelled: bool
    seconds: float
    found_by: str
    scale_range: float

    @property
    def gap(self) -> float:
        """How far the answer may be from the best possible, in rating points."""
        return max(0.0, self.objective - self.bound)

    @property
    def largest_deviation(self) -> float:
        """The largest deviation of any complex from the workplace averages."""
        return self.balance.largest_deviation
