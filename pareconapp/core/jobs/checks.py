"""Validation of a job-complex problem and plain-words reasons why it cannot be solved.

:func:`validate` rejects malformed input (negative hours, ratings off the scale, unknown ids
in pins) with a :class:`UserError`. :func:`diagnose` then runs cheap necessary conditions
and returns every one that fails, each naming the tasks and members involved: hours that
do not add up, tasks without enough qualified hours (single tasks and, through a maximum
flow's minimum cut, groups of tasks), blocks nobody can take, members who cannot be filled
with at most K tasks, and contradictory pins. :class:`JobComplexesInfeasible` carries them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

# ortools ships stubs (.pyi) for its graph module but no py.typed marker.
from ortools.graph.python import max_flow

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.jobs.encoding import MINUTES_PER_HOUR, EncodedProblem
from pareconapp.core.jobs.model import Cell, JobComplexProblem

_CONTEXT = "JobComplexes"
_NAMES_SHOWN = 6


class JobComplexesInfeasible(UserError):
    """No assignment can meet every rule; ``reasons`` says which rules clash.

    The exception's message is the first reason; the UI lists all of ``reasons``.
    """

    def __init__(self, reasons: Iterable[UserMessage]) -> None:
        self.reasons = tuple(reasons)
        super().__init__(self.reasons[0])


def _message(text: SourceText, **params: object) -> UserMessage:
    return UserMessage(text, params)


def _fail(text: SourceText, **params: object) -> UserError:
    return UserError(_message(text, **params))


def format_hours(hours: float) -> str:
    """Hours for a message: ``12`` rather than ``12.0``, at most two decimals."""
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:_NAMES_SHOWN])
    return shown if len(names) <= _NAMES_SHOWN else f"{shown}, … (+{len(names) - _NAMES_SHOWN})"


def _whole_minutes(hours: float) -> bool:
    minutes = hours * MINUTES_PER_HOUR
    return math.isfinite(minutes) and abs(minutes - round(minutes)) < 1e-6


def validate(problem: JobComplexProblem) -> None:
    """Raise a :class:`UserError` naming the field if the problem is malformed."""
    _validate_ids(problem)
    for task in problem.tasks:
        _validate_task_figures(task.name, task.hours, task.block_hours)
        for value in (task.empowerment, task.desirability):
            if not (math.isfinite(value) and problem.scale.low <= value <= problem.scale.high):
                raise _fail(
                    QT_TRANSLATE_NOOP(
                        _CONTEXT, "Task {task} has rating {value}, outside the scale {low}-{high}."
                    ),
                    task=task.name,
                    value=value,
                    low=problem.scale.low,
                    high=problem.scale.high,
                )
    for member in problem.members:
        if not (_whole_minutes(member.hours) and member.hours >= 0):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "{member}'s weekly hours must be 0 or more, in whole minutes."
                ),
                member=member.name,
            )
    if problem.max_tasks < 1:
        raise _fail(
            QT_TRANSLATE_NOOP(_CONTEXT, "The most tasks per member must be at least 1."),
        )
    if not (math.isfinite(problem.keep_weight) and problem.keep_weight >= 0):
        raise _fail(
            QT_TRANSLATE_NOOP(
                _CONTEXT, "The weight for keeping the current assignment must be 0 or more."
            ),
        )
    validate_cells(problem, problem.pinned)
    validate_cells(problem, problem.current or {}, skip_unknown=True)


def _validate_ids(problem: JobComplexProblem) -> None:
    task_ids = [t.id for t in problem.tasks]
    member_ids = [m.id for m in problem.members]
    if len(set(task_ids)) != len(task_ids) or len(set(member_ids)) != len(member_ids):
        raise _fail(QT_TRANSLATE_NOOP(_CONTEXT, "Each task and each member may appear only once."))


def _validate_task_figures(name: str, hours: float, block: float) -> None:
    if not (_whole_minutes(hours) and hours > 0):
        raise _fail(
            QT_TRANSLATE_NOOP(
                _CONTEXT, "Task {task} must need more than 0 hours a week, in whole minutes."
            ),
            task=name,
        )
    if not (_whole_minutes(block) and block > 0):
        raise _fail(
            QT_TRANSLATE_NOOP(
                _CONTEXT, "Task {task}'s minimum block must be more than 0 hours, in whole minutes."
            ),
            task=name,
        )


def validate_cells(
    problem: JobComplexProblem, cells: Mapping[Cell, float], skip_unknown: bool = False
) -> None:
    """Raise a :class:`UserError` unless each cell is a known task and member with valid hours.

    Valid hours are 0 or more, in whole minutes. With ``skip_unknown`` cells of other tasks
    or members are ignored (a saved assignment may name members who have left).
    """
    task_ids = {t.id for t in problem.tasks}
    member_ids = {m.id for m in problem.members}
    for (task_id, member_id), hours in cells.items():
        if task_id not in task_ids or member_id not in member_ids:
            if skip_unknown:
                continue
            raise _fail(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "An assigned or pinned cell names task {task_id} or member {member_id}, "
                    "which is not part of this problem.",
                ),
                task_id=task_id,
                member_id=member_id,
            )
        if not (_whole_minutes(hours) and hours >= 0):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "Assigned and pinned hours must be 0 or more, in whole minutes."
                ),
            )


def diagnose(encoded: EncodedProblem) -> list[UserMessage]:
    """Every cheap necessary condition the problem fails (empty if all pass).

    Tasks short of qualified hours come before members who cannot be filled: when the
    totals agree these are two views of the same shortage, and the tasks' is the clearer.
    """
    pins = _pin_reasons(encoded)
    reasons = _total_reasons(encoded) + pins
    if not pins:
        reasons += _hall_reasons(encoded)
    return reasons + _block_reasons(encoded) + _member_reasons(encoded) + _slot_reasons(encoded)


def _total_reasons(enc: EncodedProblem) -> list[UserMessage]:
    need = float(enc.task_steps.sum()) * enc.step_hours
    have = float(enc.member_steps.sum()) * enc.step_hours
    if enc.task_steps.sum() == enc.member_steps.sum():
        return []
    return [
        _message(
            QT_TRANSLATE_NOOP(
                _CONTEXT, "The members' hours total {have} h but the tasks need {need} h."
            ),
            have=format_hours(have),
            need=format_hours(need),
        )
    ]


def _pin_reasons(enc: EncodedProblem) -> list[UserMessage]:
    """Pins that contradict the task's or member's hours, K, blocks or qualifications."""
    return _pinned_task_reasons(enc) + _pinned_member_reasons(enc) + _pinned_cell_reasons(enc)


def _pinned_task_reasons(enc: EncodedProblem) -> list[UserMessage]:
    tasks, h = enc.problem.tasks, enc.step_hours
    pinned = enc.pinned_steps
    reasons = []
    for i in np.flatnonzero(pinned.sum(axis=1) > enc.task_steps):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "Task {task} has {pinned} h pinned but needs only {hours} h."
                ),
                task=tasks[i].name,
                pinned=format_hours(pinned[i].sum() * h),
                hours=format_hours(enc.task_steps[i] * h),
            )
        )
    rest = enc.task_steps - pinned.sum(axis=1)
    for i in np.flatnonzero((rest > 0) & (rest < enc.min_share)):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "Task {task} has {pinned} h pinned, leaving {rest} h: less than its "
                    "minimum block of {block} h.",
                ),
                task=tasks[i].name,
                pinned=format_hours(pinned[i].sum() * h),
                rest=format_hours(rest[i] * h),
                block=format_hours(enc.min_share[i] * h),
            )
        )
    return reasons


def _pinned_member_reasons(enc: EncodedProblem) -> list[UserMessage]:
    members, h = enc.problem.members, enc.step_hours
    pinned = enc.pinned_steps
    reasons = []
    for j in np.flatnonzero(pinned.sum(axis=0) > enc.member_steps):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "{member} has {pinned} h pinned but works only {hours} h."
                ),
                member=members[j].name,
                pinned=format_hours(pinned[:, j].sum() * h),
                hours=format_hours(enc.member_steps[j] * h),
            )
        )
    for j in np.flatnonzero((pinned > 0).sum(axis=0) > enc.max_tasks):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "{member} is pinned to {count} tasks but a complex may hold at most {k}.",
                ),
                member=members[j].name,
                count=int((pinned[:, j] > 0).sum()),
                k=enc.max_tasks,
            )
        )
    return reasons


def _pinned_cell_reasons(enc: EncodedProblem) -> list[UserMessage]:
    tasks, members, h = enc.problem.tasks, enc.problem.members, enc.step_hours
    pinned = enc.pinned_steps
    reasons = []
    for i, j in zip(*np.nonzero((pinned > 0) & ~enc.allowed), strict=True):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT, "{member} is pinned to task {task} but is not qualified for it."
                ),
                member=members[j].name,
                task=tasks[i].name,
            )
        )
    small = (pinned > 0) & (pinned < enc.min_share[:, None])
    for i, j in zip(*np.nonzero(small), strict=True):
        reasons.append(
            _message(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "{member}'s pinned {hours} h of task {task} is less than its minimum "
                    "block of {block} h.",
                ),
                member=members[j].name,
                hours=format_hours(pinned[i, j] * h),
                task=tasks[i].name,
                block=format_hours(enc.min_share[i] * h),
            )
        )
    return reasons


def _open_cells(enc: EncodedProblem) -> np.ndarray:
    """Cells that may carry hours: free cells, and pinned cells with hours."""
    return np.asarray(enc.free | (enc.pinned_steps > 0))


def _block_reasons(enc: EncodedProblem) -> list[UserMessage]:
    tasks, h = enc.problem.tasks, enc.step_hours
    reasons = []
    open_ = _open_cells(enc)
    for i, task in enumerate(tasks):
        qualified = np.flatnonzero(open_[i])
        if len(qualified) == 0:
            reasons.append(
                _message(
                    QT_TRANSLATE_NOOP(_CONTEXT, "Nobody is qualified for task {task}."),
                    task=task.name,
                )
            )
        elif enc.member_steps[qualified].max() < enc.min_share[i]:
            reasons.append(
                _message(
                    QT_TRANSLATE_NOOP(
                        _CONTEXT,
                        "Task {task} can only be shared in blocks of at least {block} h, but "
                        "no member qualified for it works that many hours.",
                    ),
                    task=task.name,
                    block=format_hours(enc.min_share[i] * h),
                )
            )
    return reasons


def _member_reasons(enc: EncodedProblem) -> list[UserMessage]:
    members, h, k = enc.problem.members, enc.step_hours, enc.max_tasks
    reasons = []
    open_ = _open_cells(enc)
    for j, member in enumerate(members):
        hours = int(enc.member_steps[j])
        rows = np.flatnonzero(open_[:, j])
        if hours == 0:
            continue
        available = np.sort(enc.task_steps[rows])[::-1]
        if len(rows) and int(enc.min_share[rows].min()) > hours:
            reasons.append(
                _message(
                    QT_TRANSLATE_NOOP(
                        _CONTEXT,
                        "{member} works {hours} h but the smallest block of any task they "
                        "are qualified for is {block} h.",
                    ),
                    member=member.name,
                    hours=format_hours(hours * h),
                    block=format_hours(int(enc.min_share[rows].min()) * h),
                )
            )
        elif int(available[:k].sum()) < hours:
            reasons.append(
                _message(
                    QT_TRANSLATE_NOOP(
                        _CONTEXT,
                        "{member} works {hours} h but at most {k} tasks they are qualified "
                        "for add up to only {have} h.",
                    ),
                    member=member.name,
                    hours=format_hours(hours * h),
                    k=k,
                    have=format_hours(int(available[:k].sum()) * h),
                )
            )
    return reasons


def _slot_reasons(enc: EncodedProblem) -> list[UserMessage]:
    tasks, members = len(enc.task_steps), len(enc.member_steps)
    slots = members * enc.max_tasks
    if tasks <= slots:
        return []
    return [
        _message(
            QT_TRANSLATE_NOOP(
                _CONTEXT,
                "There are {tasks} tasks, but {members} members with at most {k} tasks each "
                "can take only {slots}.",
            ),
            tasks=tasks,
            members=members,
            k=enc.max_tasks,
            slots=slots,
        )
    ]


def _hall_reasons(enc: EncodedProblem) -> list[UserMessage]:
    """Groups of tasks needing more hours than the members qualified for them have.

    A maximum flow from tasks (their unpinned hours) through qualified cells to members
    (their unpinned hours) covers every task exactly when no such group exists; otherwise
    the tasks on the source side of a minimum cut form one (Hall's condition).
    """
    need = enc.task_steps - enc.pinned_steps.sum(axis=1)
    have = enc.member_steps - enc.pinned_steps.sum(axis=0)
    n_tasks, n_members = enc.shape
    source, sink = n_tasks + n_members, n_tasks + n_members + 1
    flow = max_flow.SimpleMaxFlow()
    for i in range(n_tasks):
        flow.add_arc_with_capacity(source, i, int(need[i]))
    big = int(need.sum()) + 1
    for i, j in zip(*np.nonzero(enc.free), strict=True):
        flow.add_arc_with_capacity(int(i), n_tasks + int(j), big)
    for j in range(n_members):
        flow.add_arc_with_capacity(n_tasks + j, sink, int(have[j]))
    flow.solve(source, sink)
    if flow.optimal_flow() >= int(need.sum()):
        return []
    side = set(flow.get_source_side_min_cut())
    group = [i for i in range(n_tasks) if i in side]
    helpers = sorted({int(j) for i in group for j in np.flatnonzero(enc.free[i])})
    if len(group) == n_tasks and len(helpers) == n_members:
        return []  # the whole workplace is short of hours: the totals already say so
    return [_hall_message(enc, group, helpers, need, have)]


def _hall_message(
    enc: EncodedProblem, group: list[int], helpers: list[int], need: np.ndarray, have: np.ndarray
) -> UserMessage:
    h = enc.step_hours
    tasks = [enc.problem.tasks[i].name for i in group]
    members = [enc.problem.members[j].name for j in helpers]
    needed = format_hours(float(need[group].sum()) * h)
    available = format_hours(float(have[helpers].sum()) * h)
    if len(group) == 1 and len(helpers) == 1:
        text = QT_TRANSLATE_NOOP(
            _CONTEXT,
            "Task {tasks} needs {need} h but its only qualified member, {members}, has "
            "{have} h for it.",
        )
    elif len(group) == 1:
        text = QT_TRANSLATE_NOOP(
            _CONTEXT,
            "Task {tasks} needs {need} h but its {count} qualified members ({members}) have "
            "only {have} h for it.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            _CONTEXT,
            "Tasks {tasks} need {need} h together but the {count} members qualified for any "
            "of them ({members}) have only {have} h for them.",
        )
    return _message(
        text,
        tasks=_names(tasks),
        need=needed,
        members=_names(members),
        count=len(members),
        have=available,
    )
