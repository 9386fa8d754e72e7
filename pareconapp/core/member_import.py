"""Reading a member list from a spreadsheet's CSV export, with every problem found first.

Nothing is stored from here: :func:`preview_import` returns each row with its problems, and
the services layer imports all rows in one transaction only when there are none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pareconapp.core import csv_import
from pareconapp.core.csv_import import message, parse_hours, read_table, read_yes_no
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserMessage

MAX_WEEKLY_HOURS = 168.0
COLUMNS = (
    "name",
    "display_name",
    "contact",
    "weekly_hours",
    "team",
    "consumer_council",
    "skills",
    "active",
)
"""The columns of a member CSV file, in export order; only ``name`` is required."""

_ALIASES = {
    "name": "name",
    "full name": "name",
    "display name": "display_name",
    "nickname": "display_name",
    "contact": "contact",
    "email": "contact",
    "e-mail": "contact",
    "phone": "contact",
    "weekly hours": "weekly_hours",
    "hours": "weekly_hours",
    "hours per week": "weekly_hours",
    "team": "team",
    "work team": "team",
    "consumer council": "consumer_council",
    "neighbourhood": "consumer_council",
    "neighborhood": "consumer_council",
    "skills": "skills",
    "qualifications": "skills",
    "active": "active",
    "status": "active",
}


@dataclass(frozen=True)
class MemberRecord:
    """One member as read from a row (valid only if its row has no problems)."""

    name: str
    display_name: str
    contact: str
    weekly_hours: float
    team: str
    consumer_council: str
    skills: tuple[str, ...]
    active: bool


ImportRow = csv_import.ImportRow[MemberRecord]
ImportPreview = csv_import.ImportPreview[MemberRecord]
_message = message


def preview_import(
    text: str,
    existing_display_names: Iterable[str],
    teams: Iterable[str],
    consumer_councils: Iterable[str],
) -> ImportPreview:
    """Check every row of a member CSV; store nothing."""
    preview = ImportPreview()
    table = read_table(
        text,
        _ALIASES,
        COLUMNS,
        QT_TRANSLATE_NOOP("MemberImport", "The file has a header but no members."),
    )
    preview.file_problems = table.problems
    taken = {name.casefold() for name in existing_display_names}
    seen_in_file: dict[str, int] = {}
    team_names = {t.casefold(): t for t in teams}
    council_names = {c.casefold(): c for c in consumer_councils}
    for line, values in table.rows:
        preview.rows.append(
            _check_row(line, values, taken, seen_in_file, team_names, council_names)
        )
    return preview


def _check_row(
    line: int,
    values: Mapping[str, str],
    taken: set[str],
    seen_in_file: dict[str, int],
    teams: Mapping[str, str],
    councils: Mapping[str, str],
) -> ImportRow:
    problems: list[UserMessage] = []
    name = values.get("name", "")
    display = values.get("display_name", "") or name
    if not name:
        problems.append(_message(QT_TRANSLATE_NOOP("MemberImport", "The name is missing.")))
    key = display.casefold()
    if display and key in taken:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP("MemberImport", '"{name}" is already a member\'s display name.'),
                name=display,
            )
        )
    elif display and key in seen_in_file:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP("MemberImport", '"{name}" appears twice (also on line {other}).'),
                name=display,
                other=seen_in_file[key],
            )
        )
    elif display:
        seen_in_file[key] = line
    hours_text = values.get("weekly_hours", "")
    hours = 0.0 if not hours_text else parse_hours(hours_text)
    if hours is None or not 0 <= hours <= MAX_WEEKLY_HOURS:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "MemberImport", 'Weekly hours must be a number from 0 to 168, not "{value}".'
                ),
                value=hours_text,
            )
        )
    team = _known(
        values.get("team", ""),
        teams,
        problems,
        QT_TRANSLATE_NOOP("MemberImport", 'There is no team called "{name}".'),
    )
    council = _known(
        values.get("consumer_council", ""),
        councils,
        problems,
        QT_TRANSLATE_NOOP("MemberImport", 'There is no consumer council called "{name}".'),
    )
    active = read_yes_no(values.get("active", ""), problems)
    skills = tuple(
        s.strip() for s in values.get("skills", "").replace(";", ",").split(",") if s.strip()
    )
    record = (
        None
        if problems
        else MemberRecord(
            name=name,
            display_name=display,
            contact=values.get("contact", ""),
            weekly_hours=hours or 0.0,
            team=team,
            consumer_council=council,
            skills=skills,
            active=active,
        )
    )
    return ImportRow(line, record, problems, cells=dict(values))


def _known(
    value: str, names: Mapping[str, str], problems: list[UserMessage], message: SourceText
) -> str:
    if not value:
        return ""
    if value.casefold() not in names:
        problems.append(_message(message, name=value))
        return ""
    return names[value.casefold()]


def export_rows(records: Iterable[MemberRecord]) -> str:
    """Members as CSV text with the :data:`COLUMNS` header (what the import reads)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in records:
        writer.writerow(
            [
                r.name,
                r.display_name,
                r.contact,
                f"{r.weekly_hours:g}",
                r.team,
                r.consumer_council,
                ", ".join(r.skills),
                "yes" if r.active else "no",
            ]
        )
    return out.getvalue()
