"""Checking and measuring an assignment edited by hand (the job-complex editor's live view).

:func:`assess_assignment` takes any members x tasks hours matrix and returns its balance
(each complex's hours, averages and deviations) and every rule it breaks, in plain words:
hours not covered or not filled, too many tasks, shares below a block, unqualified cells
and changed pins. The optimiser uses the same rules to decide whether the current
assignment is a valid starting point.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserMessage
from pareconapp.core.jobs.checks import format_hours, validate, validate_cells
from pareconapp.core.jobs.encoding import EncodedProblem, IntArray, encode
from pareconapp.core.jobs.model import Balance, Cell, JobComplexProblem

_CONTEXT = "JobComplexes"


@dataclass(frozen=True)
class Assessment:
    """An assignment's balance and the rules it breaks.

    Attributes:
        balance: Complexes, averages and deviations (computed even when rules are broken).
        problems: One message per broken rule; empty when the assignment is valid.
    """

    balance: Balance
    problems: tuple[UserMessage, ...]

    @property
    def valid(self) -> bool:
        """Whether the assignment meets every rule."""
        return not self.problems


def assess_assignment(problem: JobComplexProblem, cells: Mapping[Cell, float]) -> Assessment:
    """Measure and check an assignment given as ``(task_id, member_id) -> hours``.

    Raises:
        UserError: The problem or the cells are malformed (see :func:`.checks.validate`).
    """
    validate(problem)
    validate_cells(problem, cells)
    enc = encode(problem, extra_hours=cells.values())
    x = enc.matrix(cells)
    return Assessment(enc.balance(x), tuple(assignment_problems(enc, x)))


def assignment_problems(enc: EncodedProblem, x: IntArray) -> list[UserMessage]:
    """Every rule assignment ``x`` breaks (empty if it is valid)."""
    return _coverage(enc, x) + _complexes(enc, x) + _cells(enc, x)


def _coverage(enc: EncodedProblem, x: IntArray) -> list[UserMessage]:
    h = enc.step_hours
    problems = []
    for i in np.flatnonzero(x.sum(axis=1) != enc.task_steps):
        problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(_CONTEXT, "Task {task} has {have} h of the {need} h it needs."),
                {
                    "task": enc.problem.tasks[i].name,
                    "have": format_hours(x[i].sum() * h),
                    "need": format_hours(enc.task_steps[i] * h),
                },
            )
        )
    for j in np.flatnonzero(x.sum(axis=0) != enc.member_steps):
        problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(_CONTEXT, "{member} has {have} h of the {hours} h they work."),
                {
                    "member": enc.problem.members[j].name,
                    "have": format_hours(x[:, j].sum() * h),
                    "hours": format_hours(enc.member_steps[j] * h),
                },
            )
        )
    return problems


def _complexes(enc: EncodedProblem, x: IntArray) -> list[UserMessage]:
    counts = (x > 0).sum(axis=0)
    return [
        UserMessage(
            QT_TRANSLATE_NOOP(
                _CONTEXT, "{member} has {count} tasks; a complex may hold at most {k}."
            ),
            {"member": enc.problem.members[j].name, "count": int(counts[j]), "k": enc.max_tasks},
        )
        for j in np.flatnonzero(counts > enc.max_tasks)
    ]


def _cells(enc: EncodedProblem, x: IntArray) -> list[UserMessage]:
    tasks, members, h = enc.problem.tasks, enc.problem.members, enc.step_hours
    problems = []
    for i, j in zip(*np.nonzero((x > 0) & ~enc.allowed), strict=True):
        problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(_CONTEXT, "{member} is not qualified for task {task}."),
                {"member": members[j].name, "task": tasks[i].name},
            )
        )
    for i, j in zip(*np.nonzero((x > 0) & (x < enc.min_share[:, None])), strict=True):
        problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "{member}'s {hours} h of task {task} is less than its minimum block of "
                    "{block} h.",
                ),
                {
                    "member": members[j].name,
                    "hours": format_hours(x[i, j] * h),
                    "task": tasks[i].name,
                    "block": format_hours(enc.min_share[i] * h),
                },
            )
        )
    for i, j in zip(*np.nonzero(enc.pinned & (x != enc.pinned_steps)), strict=True):
        problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    _CONTEXT,
                    "{member}'s {hours} h of task {task} differ from the {pinned} h pinned.",
                ),
                {
                    "member": members[j].name,
                    "hours": format_hours(x[i, j] * h),
                    "task": tasks[i].name,
                    "pinned": format_hours(enc.pinned_steps[i, j] * h),
                },
            )
        )
    return problems
