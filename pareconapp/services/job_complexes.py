"""Balanced job complexes: the optimiser's input from the catalogue, saving, history, impact.

:meth:`JobComplexService.inputs` gathers what the optimiser needs - the active tasks with
their latest aggregated ratings and who may do them (qualified members and those in
training), the active members with their weekly hours - and
:meth:`JobComplexInputs.problem` turns it into a
:class:`~pareconapp.core.jobs.JobComplexProblem` with K, pins and the current assignment.
The optimiser itself runs in the core (:meth:`JobComplexService.optimise`, no database, safe
on a background thread). Saving records a valid assignment as the workplace's current one;
earlier ones stay as its history, each with the ratings and hours it was balanced against.

Ratings from rounds on different scales are mapped linearly onto the scale of the newest
closed round (low to low, high to high) before they are compared.

``pareconapp.core.jobs`` (which loads OR-Tools) is imported where it is used.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage, user_error
from pareconapp.core.progress import Progress
from pareconapp.services.clock import Clock, system_clock
from pareconapp.services.ratings import CurrentRating, RatingService
from pareconapp.services.tasks import TaskService
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Member
from pareconapp.store.models_jobs import (
    JobAssignment,
    JobAssignmentCell,
    JobComplexSettings,
    RatingRound,
    RoundStatus,
)

if TYPE_CHECKING:
    from pareconapp.core.jobs import (
        Assessment,
        Balance,
        JobComplex,
        JobComplexProblem,
        JobComplexSolution,
        OutsideHours,
    )

Cell = tuple[int, int]
"""``(task_id, member_id)``, as in :data:`pareconapp.core.jobs.Cell`."""
MAX_TASKS_LIMIT = 50
MAX_TIME_LIMIT = 3600.0


@dataclass(frozen=True)
class JobSettings:
    """The optimiser's settings and the averages for balancing across workplaces.

    Attributes:
        max_tasks: K, the most distinct tasks in one complex.
        time_limit: Seconds the optimiser may search.
        keep_weight: Rating points one hour moved from the current assignment is worth
            (0: ignore the current assignment).
        society_empowerment: The society's (or federation's) average empowerment.
        society_desirability: The society's average desirability.
        outside_empowerment: The empowerment rating of the outside tasks members would take.
        outside_desirability: Their desirability rating.
        outside_mode: ``"replace"`` (outside hours replace part of the week) or ``"add"``.
    """

    max_tasks: int = 6
    time_limit: float = 10.0
    keep_weight: float = 0.0
    society_empowerment: float | None = None
    society_desirability: float | None = None
    outside_empowerment: float | None = None
    outside_desirability: float | None = None
    outside_mode: str = "replace"


@dataclass(frozen=True)
class ComplexTask:
    """An active task as the optimiser and the editor see it.

    ``empowerment`` and ``desirability`` are the latest aggregates on the inputs' scale
    (``None`` until a closed round has rated both); ``may_do`` is who may be given hours of
    it (``None``: everyone) and ``training`` who of them is in training.
    """

    id: int
    name: str
    hours: float
    block_hours: float
    empowerment: float | None
    desirability: float | None
    may_do: frozenset[int] | None
    training: frozenset[int]
    round_id: int | None

    @property
    def rated(self) -> bool:
        """Whether both ratings are known."""
        return self.empowerment is not None and self.desirability is not None

    def allows(self, member_id: int) -> bool:
        """Whether the member may be given hours of it."""
        return self.may_do is None or member_id in self.may_do


@dataclass(frozen=True)
class ComplexMember:
    """A member whose complex is built: name and weekly hours."""

    id: int
    name: str
    hours: float


@dataclass(frozen=True)
class JobComplexInputs:
    """Tasks (with ratings), members and the scale, read from the assembly."""

    tasks: tuple[ComplexTask, ...]
    members: tuple[ComplexMember, ...]
    scale_low: int
    scale_high: int

    @property
    def unrated(self) -> tuple[ComplexTask, ...]:
        """Active tasks without both ratings: they must be rated before optimising."""
        return tuple(t for t in self.tasks if not t.rated)

    def task(self, task_id: int) -> ComplexTask | None:
        """One task (``None`` if not part of the inputs)."""
        return next((t for t in self.tasks if t.id == task_id), None)

    def problem(
        self,
        max_tasks: int,
        pinned: Mapping[Cell, float] | None = None,
        current: Mapping[Cell, float] | None = None,
        keep_weight: float = 0.0,
    ) -> JobComplexProblem:
        """The optimiser's problem; raise a :class:`UserError` naming unrated tasks."""
        from pareconapp.core.jobs import JobComplexProblem, Member, RatingScale, Task

        if self.unrated:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "JobComplexes",
                    "These tasks have no ratings yet: {tasks}. Rate them in a round (and close "
                    "it), or mark them inactive.",
                ),
                tasks=", ".join(t.name for t in self.unrated),
            )
        if not self.tasks or not self.members:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "JobComplexes",
                    "Job complexes need active tasks with hours and active members with weekly "
                    "hours.",
                )
            )
        return JobComplexProblem(
            tasks=tuple(
                Task(
                    t.id,
                    t.name,
                    t.hours,
                    t.empowerment or 0.0,
                    t.desirability or 0.0,
                    t.block_hours,
                    t.may_do,
                )
                for t in self.tasks
            ),
            members=tuple(Member(m.id, m.name, m.hours) for m in self.members),
            max_tasks=max_tasks,
            pinned=dict(pinned or {}),
            current=None if current is None else dict(current),
            keep_weight=keep_weight if current is not None else 0.0,
            scale=RatingScale(self.scale_low, self.scale_high),
        )


@dataclass(frozen=True)
class SavedAssignment:
    """A saved set of job complexes and its balance as saved.

    Attributes:
        id: The assignment's id.
        title: Its title ("Autumn rota").
        note: Why it was made or changed.
        created_at: When it was saved.
        max_tasks: K when it was made.
        cells: ``(task_id, member_id) -> hours`` (non-zero cells).
        pinned: The cells pinned when it was saved, with their hours.
        largest_empowerment_deviation: In rating points, as saved.
        largest_desirability_deviation: In rating points, as saved.
        bound: The optimiser's proven bound, if the optimiser made it.
        found_by: Which optimiser stage found it, or ``"edited"``.
        workplace_empowerment: The workplace's average empowerment as saved.
        workplace_desirability: The workplace's average desirability as saved.
        scale_low: The scale's low end.
        scale_high: The scale's high end.
    """

    id: int
    title: str
    note: str
    created_at: datetime
    max_tasks: int
    cells: Mapping[Cell, float]
    pinned: Mapping[Cell, float]
    largest_empowerment_deviation: float
    largest_desirability_deviation: float
    bound: float | None
    found_by: str
    workplace_empowerment: float
    workplace_desirability: float
    scale_low: int
    scale_high: int

    @property
    def largest_deviation(self) -> float:
        """The larger of the two deviations."""
        return max(self.largest_empowerment_deviation, self.largest_desirability_deviation)

    def member_hours(self) -> dict[int, dict[int, float]]:
        """Hours per member and task (``member -> task -> hours``)."""
        hours: dict[int, dict[int, float]] = {}
        for (task_id, member_id), value in self.cells.items():
            hours.setdefault(member_id, {})[task_id] = value
        return hours


@dataclass(frozen=True)
class SolverReport:
    """What the optimiser said about an assignment being saved (empty for a hand edit)."""

    bound: float | None = None
    found_by: str = "edited"
    seconds: float = 0.0
    extra: Mapping[str, Any] = field(default_factory=dict)


class JobComplexService:
    """Job complexes of the open assembly."""

    def __init__(
        self,
        file: AssemblyFile,
        tasks: TaskService,
        ratings: RatingService,
        clock: Clock = system_clock,
    ) -> None:
        self._file = file
        self._tasks = tasks
        self._ratings = ratings
        self._clock = clock

    # -- settings -------------------------------------------------------------------------

    def settings(self) -> JobSettings:
        """The stored settings (defaults until saved)."""
        with self._file.transaction() as session:
            row = session.get(JobComplexSettings, 1)
            if row is None:
                return JobSettings()
            return JobSettings(
                row.max_tasks,
                row.time_limit,
                row.keep_weight,
                row.society_empowerment,
                row.society_desirability,
                row.outside_empowerment,
                row.outside_desirability,
                row.outside_mode,
            )

    def save_settings(self, settings: JobSettings) -> None:
        """Store the settings; raise a clear error for values out of range."""
        _check_settings(settings)
        with self._file.transaction() as session:
            row = session.get(JobComplexSettings, 1)
            if row is None:
                row = JobComplexSettings(id=1)
                session.add(row)
            row.max_tasks = settings.max_tasks
            row.time_limit = settings.time_limit
            row.keep_weight = settings.keep_weight
            row.society_empowerment = settings.society_empowerment
            row.society_desirability = settings.society_desirability
            row.outside_empowerment = settings.outside_empowerment
            row.outside_desirability = settings.outside_desirability
            row.outside_mode = settings.outside_mode

    # -- the problem ----------------------------------------------------------------------

    def inputs(self) -> JobComplexInputs:
        """Active tasks needing hours (with ratings) and active members working hours."""
        current = self._ratings.current_ratings()
        low, high = self._scale()
        tasks = []
        for task in self._tasks.list_tasks(active_only=True):
            if task.weekly_hours <= 0:
                continue
            rating = current.get(task.id)
            empowerment, desirability = _on_scale(rating, low, high)
            tasks.append(
                ComplexTask(
                    task.id,
                    task.name,
                    task.weekly_hours,
                    task.block_hours,
                    empowerment,
                    desirability,
                    task.may_do,
                    task.training,
                    rating.round_id if rating else None,
                )
            )
        with self._file.transaction() as session:
            members = session.scalars(
                select(Member)
                .where(Member.active, Member.weekly_hours > 0)
                .order_by(Member.display_name)
            )
            people = tuple(ComplexMember(m.id, m.display_name, m.weekly_hours) for m in members)
        return JobComplexInputs(tuple(tasks), people, low, high)

    def _scale(self) -> tuple[int, int]:
        with self._file.transaction() as session:
            newest = session.scalars(
                select(RatingRound)
                .where(RatingRound.status == RoundStatus.CLOSED)
                .order_by(RatingRound.closed_at.desc(), RatingRound.id.desc())
                .limit(1)
            ).first()
            return (newest.scale_low, newest.scale_high) if newest else (1, 20)

    @staticmethod
    def optimise(
        problem: JobComplexProblem, time_limit: float, progress: Progress | None = None
    ) -> JobComplexSolution:
        """Run the optimiser (no database: safe on a background thread)."""
        from pareconapp.core.jobs import SolverSettings, optimise_job_complexes

        return optimise_job_complexes(problem, SolverSettings(time_limit=time_limit), progress)

    @staticmethod
    def assess(problem: JobComplexProblem, cells: Mapping[Cell, float]) -> Assessment:
        """Balance and broken rules of an assignment edited by hand."""
        from pareconapp.core.jobs import assess_assignment

        return assess_assignment(problem, cells)

    # -- saving and history ---------------------------------------------------------------

    def save(
        self,
        title: str,
        note: str,
        problem: JobComplexProblem,
        cells: Mapping[Cell, float],
        report: SolverReport | None = None,
    ) -> SavedAssignment:
        """Record a valid assignment as the workplace's current one (the rest is history).

        Raises:
            UserError: The title is missing, or the assignment breaks a rule (the message
                names the first and counts the rest).
        """
        title = title.strip()
        if not title:
            raise user_error(
                QT_TRANSLATE_NOOP("JobComplexes", "Title: name this set of complexes.")
            )
        assessment = self.assess(problem, cells)
        if not assessment.valid:
            first = assessment.problems[0]
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "JobComplexes",
                        "These complexes break %n rule(s) and cannot be saved. The first: {first}",
                    ),
                    {"first": first},
                    len(assessment.problems),
                )
            )
        report = report or SolverReport()
        balance = assessment.balance
        with self._file.transaction() as session:
            assignment = JobAssignment(
                title=title[:200],
                note=note.strip(),
                max_tasks=problem.max_tasks,
                inputs=_inputs_json(problem),
                result=_result_json(balance, report),
                created_at=self._clock(),
            )
            kept = {cell: hours for cell, hours in cells.items() if hours > 0}
            pinned = dict(problem.pinned)
            for task_id, member_id in sorted(set(kept) | set(pinned)):
                assignment.cells.append(
                    JobAssignmentCell(
                        task_id=task_id,
                        member_id=member_id,
                        hours=kept.get((task_id, member_id), 0.0),
                        pinned=(task_id, member_id) in pinned,
                    )
                )
            session.add(assignment)
            session.flush()
            return _saved(assignment)

    def current(self) -> SavedAssignment | None:
        """The workplace's current assignment: the newest saved (``None`` before any)."""
        with self._file.transaction() as session:
            newest = session.scalars(
                select(JobAssignment).order_by(JobAssignment.id.desc()).limit(1)
            ).first()
            return _saved(newest) if newest else None

    def weekly_hours(self) -> dict[int, float]:
        """Each member's weekly hours in the current job complexes (empty before any)."""
        saved = self.current()
        if saved is None:
            return {}
        return {member: sum(by_task.values()) for member, by_task in saved.member_hours().items()}

    def history(self) -> list[SavedAssignment]:
        """Every saved assignment, newest (the current one) first."""
        with self._file.transaction() as session:
            rows = session.scalars(select(JobAssignment).order_by(JobAssignment.id.desc()))
            return [_saved(a) for a in rows]

    def assignment(self, assignment_id: int) -> SavedAssignment:
        """One saved assignment."""
        with self._file.transaction() as session:
            row = session.get(JobAssignment, assignment_id)
            if row is None:
                raise user_error(
                    QT_TRANSLATE_NOOP("JobComplexes", "That set of job complexes no longer exists.")
                )
            return _saved(row)

    # -- other areas ----------------------------------------------------------------------

    def hours_on_tasks(self, task_ids: Collection[int]) -> dict[int, Fraction]:
        """Each active member's weekly hours on the chosen tasks in the current complexes.

        Members without hours on them get 0 (not affected). For impact assessment
        (``core.decisions.impacts_from_quantities``).

        Raises:
            UserError: No job complexes have been saved yet.
        """
        from pareconapp.core.decisions import hours_on_tasks

        current = self.current()
        if current is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "JobComplexes",
                    "No job complexes have been saved yet, so there are no hours to derive "
                    "impact from.",
                )
            )
        with self._file.transaction() as session:
            active = session.scalars(select(Member.id).where(Member.active)).all()
        hours: dict[int, Mapping[int, float]] = {key: {} for key in active}
        hours.update(current.member_hours())
        return hours_on_tasks({m: hours[m] for m in active}, set(task_ids))

    @staticmethod
    def outside_hours(complexes: Iterable[JobComplex], settings: JobSettings) -> list[OutsideHours]:
        """Hours each member should work on outside tasks to reach the society's averages.

        Raises:
            UserError: The society's averages or the outside tasks' ratings are missing.
        """
        from pareconapp.core.jobs import OutsideMode, RatingPair, outside_hours

        figures = (
            settings.society_empowerment,
            settings.society_desirability,
            settings.outside_empowerment,
            settings.outside_desirability,
        )
        if any(value is None for value in figures):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "JobComplexes",
                    "Enter the society's average empowerment and desirability and the ratings "
                    "of the outside tasks first.",
                )
            )
        society_e, society_d, outside_e, outside_d = (float(v or 0.0) for v in figures)
        return outside_hours(
            complexes,
            RatingPair(society_e, society_d),
            RatingPair(outside_e, outside_d),
            OutsideMode(settings.outside_mode),
        )


def balanced_draft(problem: JobComplexProblem, steps: int = 600, seed: int = 0) -> Balance:
    """A balanced assignment found deterministically: the greedy, then ``steps`` exchanges.

    The optimiser stops at a time limit, so its answer depends on the machine; this path
    depends only on ``seed``, which the demo assembly and tests need. It is the optimiser's
    first two stages without the clock.

    Raises:
        UserError: The problem cannot be solved (``JobComplexesInfeasible``) or the greedy got
            stuck.
    """
    import numpy as np

    from pareconapp.core.jobs.checks import JobComplexesInfeasible, diagnose, validate
    from pareconapp.core.jobs.encoding import encode
    from pareconapp.core.jobs.exchange import exchange_search
    from pareconapp.core.jobs.greedy import greedy_assignment
    from pareconapp.core.progress import Cancelled

    validate(problem)
    enc = encode(problem)
    reasons = diagnose(enc)
    if reasons:
        raise JobComplexesInfeasible(reasons)
    start = greedy_assignment(enc, seed=seed)
    if start is None:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "JobComplexes", "The quick assignment got stuck: use the optimiser instead."
            )
        )
    best = [start]
    taken = [0]

    def count() -> None:
        taken[0] += 1
        if taken[0] > steps:
            raise Cancelled

    def keep(x: Any, objective: float) -> None:
        del objective
        best[0] = x.copy()

    with contextlib.suppress(Cancelled):
        best[0] = exchange_search(
            enc, start, math.inf, np.random.default_rng(seed), keep, math.inf, count
        )
    return enc.balance(best[0])


def _on_scale(
    rating: CurrentRating | None, low: int, high: int
) -> tuple[float | None, float | None]:
    """The rating mapped linearly from its round's scale onto ``low``-``high``."""
    if rating is None:
        return None, None
    if (rating.scale_low, rating.scale_high) == (low, high):
        return rating.empowerment, rating.desirability
    factor = (high - low) / (rating.scale_high - rating.scale_low)

    def mapped(value: float) -> float:
        return min(high, max(low, low + (value - rating.scale_low) * factor))

    return mapped(rating.empowerment), mapped(rating.desirability)


def _check_settings(settings: JobSettings) -> None:
    if not 1 <= settings.max_tasks <= MAX_TASKS_LIMIT:
        raise user_error(
            QT_TRANSLATE_NOOP("JobComplexes", "Most tasks per member: from 1 to {n}."),
            n=MAX_TASKS_LIMIT,
        )
    if not 0 < settings.time_limit <= MAX_TIME_LIMIT:
        raise user_error(
            QT_TRANSLATE_NOOP("JobComplexes", "Time limit: more than 0 and at most 3600 seconds.")
        )
    if not (math.isfinite(settings.keep_weight) and settings.keep_weight >= 0):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "JobComplexes", "Weight for keeping the current assignment: 0 or more."
            )
        )
    if settings.outside_mode not in ("replace", "add"):
        raise ValueError(f"unknown outside mode {settings.outside_mode!r}")
    for value in (
        settings.society_empowerment,
        settings.society_desirability,
        settings.outside_empowerment,
        settings.outside_desirability,
    ):
        if value is not None and not math.isfinite(value):
            raise user_error(
                QT_TRANSLATE_NOOP("JobComplexes", "Averages and ratings must be numbers.")
            )


def _inputs_json(problem: JobComplexProblem) -> dict[str, Any]:
    return {
        "scale": [problem.scale.low, problem.scale.high],
        "tasks": {
            str(t.id): {
                "name": t.name,
                "hours": t.hours,
                "block": t.block_hours,
                "empowerment": t.empowerment,
                "desirability": t.desirability,
            }
            for t in problem.tasks
        },
        "members": {str(m.id): {"name": m.name, "hours": m.hours} for m in problem.members},
    }


def _result_json(balance: Balance, report: SolverReport) -> dict[str, Any]:
    return {
        "largest_empowerment_deviation": balance.largest_empowerment_deviation,
        "largest_desirability_deviation": balance.largest_desirability_deviation,
        "workplace_empowerment": balance.workplace_empowerment,
        "workplace_desirability": balance.workplace_desirability,
        "bound": report.bound,
        "found_by": report.found_by,
        "seconds": report.seconds,
        **dict(report.extra),
    }


def _saved(row: JobAssignment) -> SavedAssignment:
    result, scale = row.result, row.inputs.get("scale", [1, 20])
    bound = result.get("bound")
    return SavedAssignment(
        id=row.id,
        title=row.title,
        note=row.note,
        created_at=row.created_at,
        max_tasks=row.max_tasks,
        cells={(c.task_id, c.member_id): c.hours for c in row.cells if c.hours > 0},
        pinned={(c.task_id, c.member_id): c.hours for c in row.cells if c.pinned},
        largest_empowerment_deviation=float(result["largest_empowerment_deviation"]),
        largest_desirability_deviation=float(result["largest_desirability_deviation"]),
        bound=None if bound is None else float(bound),
        found_by=str(result.get("found_by", "")),
        workplace_empowerment=float(result["workplace_empowerment"]),
        workplace_desirability=float(result["workplace_desirability"]),
        scale_low=int(scale[0]),
        scale_high=int(scale[1]),
    )
