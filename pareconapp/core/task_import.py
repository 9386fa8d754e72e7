"""Reading a task catalogue from a spreadsheet's CSV export, with every problem found first.

Read like the member import, through :mod:`pareconapp.core.csv_import`:
:func:`preview_task_import` returns each row with its problems and stores nothing; the service
imports all rows in one transaction only when there are none. Qualifications name members
by display name: ``qualified`` lists who may do the task (empty: everyone), ``training`` who
is learning it.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pareconapp.core.csv_import import (
    ImportPreview,
    ImportRow,
    decode_csv,
    message,
    parse_hours,
    read_table,
    read_yes_no,
)
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserMessage

MAX_TASK_HOURS = 10_000.0
"""The most weekly hours one task may need (a sanity bound, not a rule of parecon)."""
MAX_BLOCK_HOURS = 168.0
COLUMNS = (
    "name",
    "description",
    "weekly_hours",
    "block_hours",
    "category",
    "qualified",
    "training",
    "active",
)
"""The columns of a task CSV file, in export order; only ``name`` is required."""
EVERYONE = "everyone"
"""What the ``qualified`` column may say for a task open to every member (or leave empty)."""

_ALIASES = {
    "name": "name",
    "task": "name",
    "description": "description",
    "weekly hours": "weekly_hours",
    "hours": "weekly_hours",
    "hours per week": "weekly_hours",
    "block hours": "block_hours",
    "block": "block_hours",
    "minimum block": "block_hours",
    "min block": "block_hours",
    "category": "category",
    "qualified": "qualified",
    "qualified members": "qualified",
    "who may do it": "qualified",
    "training": "training",
    "in training": "training",
    "trainees": "training",
    "active": "active",
}


@dataclass(frozen=True)
class TaskRecord:
    """One task as read from a row (valid only if its row has no problems).

    ``qualified`` and ``training`` are display names as the assembly spells them;
    ``restricted`` is false when the file says the task is open to everyone.
    """

    name: str
    description: str
    weekly_hours: float
    block_hours: float
    category: str
    restricted: bool
    qualified: tuple[str, ...]
    training: tuple[str, ...]
    active: bool


TaskImportRow = ImportRow[TaskRecord]
TaskImportPreview = ImportPreview[TaskRecord]
_message = message


def split_names(text: str) -> tuple[str, ...]:
    """Names separated by ``;`` (or by ``,`` when there is no ``;``), blanks dropped."""
    separator = ";" if ";" in text else ","
    return tuple(dict.fromkeys(n.strip() for n in text.split(separator) if n.strip()))


def preview_task_import(
    data: bytes, existing_tasks: Iterable[str], member_names: Iterable[str]
) -> TaskImportPreview:
    """Check every row of a task CSV against the assembly's tasks and members; store nothing.

    Args:
        data: The file's bytes (UTF-8 with or without BOM, else Windows-1252).
        existing_tasks: Names of the tasks the assembly has (a name may not repeat).
        member_names: Display names of the members qualifications may name.
    """
    preview = TaskImportPreview()
    table = read_table(
        decode_csv(data),
        _ALIASES,
        COLUMNS,
        QT_TRANSLATE_NOOP("TaskImport", "The file has a header but no tasks."),
    )
    preview.file_problems = table.problems
    taken = {name.casefold() for name in existing_tasks}
    members = {name.casefold(): name for name in member_names}
    seen: dict[str, int] = {}
    for line, values in table.rows:
        preview.rows.append(_check_row(line, values, taken, seen, members))
    return preview


def whole_minutes(hours: float) -> bool:
    """Whether ``hours`` is a whole number of minutes (what the optimiser works in)."""
    minutes = hours * 60
    return math.isfinite(minutes) and abs(minutes - round(minutes)) < 1e-6


def _number(
    text: str, default: float, low: float, high: float, low_open: bool = False
) -> float | None:
    """``text`` as hours within the bounds, in whole minutes (``default`` when empty)."""
    if not text:
        return default
    value = parse_hours(text)
    if value is None or not whole_minutes(value) or value > high:
        return None
    if value < low or (low_open and value == low):
        return None
    return value


def _check_row(
    line: int,
    values: Mapping[str, str],
    taken: set[str],
    seen: dict[str, int],
    members: Mapping[str, str],
) -> TaskImportRow:
    problems: list[UserMessage] = []
    name = values.get("name", "")
    _check_name(name, line, taken, seen, problems)
    hours = _number(values.get("weekly_hours", ""), 0.0, 0.0, MAX_TASK_HOURS)
    if hours is None:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "TaskImport", 'Weekly hours must be a number from 0 to 10000, not "{value}".'
                ),
                value=values.get("weekly_hours", ""),
            )
        )
    block = _number(values.get("block_hours", ""), 1.0, 0.0, MAX_BLOCK_HOURS, low_open=True)
    if block is None:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "TaskImport",
                    "The minimum block must be a number of hours above 0 and at most 168, "
                    'not "{value}".',
                ),
                value=values.get("block_hours", ""),
            )
        )
    qualified_text = values.get("qualified", "")
    restricted = qualified_text.casefold() not in ("", EVERYONE)
    qualified = _members(split_names(qualified_text) if restricted else (), members, problems)
    training = _members(split_names(values.get("training", "")), members, problems)
    for both in sorted(set(qualified) & set(training)):
        problems.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "TaskImport", "{name} is listed both as qualified and as in training."
                ),
                name=both,
            )
        )
    active = read_yes_no(values.get("active", ""), problems)
    record = None
    if not problems and hours is not None and block is not None:
        record = TaskRecord(
            name=name,
            description=values.get("description", ""),
            weekly_hours=hours,
            block_hours=block,
            category=values.get("category", ""),
            restricted=restricted,
            qualified=qualified,
            training=training,
            active=active,
        )
    return TaskImportRow(line, record, problems, cells=dict(values))


def _check_name(
    name: str, line: int, taken: set[str], seen: dict[str, int], problems: list[UserMessage]
) -> None:
    key = name.casefold()
    if not name:
        problems.append(_message(QT_TRANSLATE_NOOP("TaskImport", "The task's name is missing.")))
    elif len(name) > 200:
        problems.append(
            _message(QT_TRANSLATE_NOOP("TaskImport", "A task's name has at most 200 characters."))
        )
    elif key in taken:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP("TaskImport", 'There is already a task called "{name}".'),
                name=name,
            )
        )
    elif key in seen:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP("TaskImport", '"{name}" appears twice (also on line {other}).'),
                name=name,
                other=seen[key],
            )
        )
    else:
        seen[key] = line


def _members(
    names: tuple[str, ...], members: Mapping[str, str], problems: list[UserMessage]
) -> tuple[str, ...]:
    found = []
    for name in names:
        known = members.get(name.casefold())
        if known is None:
            problems.append(
                _message(
                    QT_TRANSLATE_NOOP("TaskImport", 'There is no member called "{name}".'),
                    name=name,
                )
            )
        else:
            found.append(known)
    return tuple(found)


def export_task_rows(records: Iterable[TaskRecord]) -> str:
    """Tasks as CSV text with the :data:`COLUMNS` header (what the import reads)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow(
            [
                r.name,
                r.description,
                f"{r.weekly_hours:g}",
                f"{r.block_hours:g}",
                r.category,
                "; ".join(r.qualified) if r.restricted else EVERYONE,
                "; ".join(r.training),
                "yes" if r.active else "no",
            ]
        )
    return out.getvalue()
