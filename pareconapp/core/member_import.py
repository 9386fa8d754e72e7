"""Reading a member list from a spreadsheet's CSV export, with every problem found first.

Nothing is stored from here: :func:`preview_import` returns each row with its problems, and
the services layer imports all rows in one transaction only when there are none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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
    "full_name": "name",
    "display name": "display_name",
    "display_name": "display_name",
    "nickname": "display_name",
    "contact": "contact",
    "email": "contact",
    "e-mail": "contact",
    "phone": "contact",
    "weekly hours": "weekly_hours",
    "weekly_hours": "weekly_hours",
    "hours": "weekly_hours",
    "hours per week": "weekly_hours",
    "team": "team",
    "work team": "team",
    "consumer council": "consumer_council",
    "consumer_council": "consumer_council",
    "neighbourhood": "consumer_council",
    "neighborhood": "consumer_council",
    "skills": "skills",
    "qualifications": "skills",
    "active": "active",
    "status": "active",
}
_TRUE = {"", "yes", "y", "true", "1", "active", "x"}
_FALSE = {"no", "n", "false", "0", "left", "inactive"}


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


@dataclass
class ImportRow:
    """A data row of the file: its line number, what it says, and what is wrong with it."""

    line: int
    record: MemberRecord | None
    problems: list[UserMessage] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    """The row's values by column, as written (to show rows with problems)."""


@dataclass
class ImportPreview:
    """Every row of a file, with problems of the whole file and of each row."""

    rows: list[ImportRow] = field(default_factory=list)
    file_problems: list[UserMessage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file can be imported (at least one row, no problem anywhere)."""
        return bool(self.rows) and not self.file_problems and not any(r.problems for r in self.rows)

    @property
    def problem_count(self) -> int:
        """How many problems in all."""
        return len(self.file_problems) + sum(len(r.problems) for r in self.rows)

    def records(self) -> list[MemberRecord]:
        """The members to import (only meaningful when :attr:`ok`)."""
        return [r.record for r in self.rows if r.record is not None]


def decode_csv(data: bytes) -> str:
    """Spreadsheet CSV as text: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _message(source: SourceText, **params: object) -> UserMessage:
    return UserMessage(source, params)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def parse_hours(text: str) -> float | None:
    """Hours written as ``37.5`` or ``37,5``; ``None`` if not a number."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def preview_import(
    text: str,
    existing_display_names: Iterable[str],
    teams: Iterable[str],
    consumer_councils: Iterable[str],
) -> ImportPreview:
    """Check every row of a member CSV; store nothing."""
    preview = ImportPreview()
    if not text.strip():
        preview.file_problems.append(
            _message(QT_TRANSLATE_NOOP("MemberImport", "The file is empty."))
        )
        return preview
    reader = csv.reader(io.StringIO(text), _dialect(text))
    header = next(reader, [])
    columns = _map_header(header, preview)
    if preview.file_problems:
        return preview
    taken = {name.casefold() for name in existing_display_names}
    seen_in_file: dict[str, int] = {}
    team_names = {t.casefold(): t for t in teams}
    council_names = {c.casefold(): c for c in consumer_councils}
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are common at the end of spreadsheet exports
        values = {
            column: cells[i].strip() if i < len(cells) else "" for i, column in columns.items()
        }
        row = _check_row(line_number, values, taken, seen_in_file, team_names, council_names)
        preview.rows.append(row)
    if not preview.rows:
        preview.file_problems.append(
            _message(QT_TRANSLATE_NOOP("MemberImport", "The file has a header but no members."))
        )
    return preview


def _map_header(header: list[str], preview: ImportPreview) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, raw in enumerate(header):
        key = _ALIASES.get(
            raw.strip().casefold().replace("-", " ").replace("_", " "),
            _ALIASES.get(raw.strip().casefold()),
        )
        if key is None:
            if raw.strip():
                preview.file_problems.append(
                    _message(
                        QT_TRANSLATE_NOOP(
                            "MemberImport",
                            'Unknown column "{column}". The columns are: {expected}.',
                        ),
                        column=raw.strip(),
                        expected=", ".join(COLUMNS),
                    )
                )
            continue
        if key in columns.values():
            preview.file_problems.append(
                _message(
                    QT_TRANSLATE_NOOP("MemberImport", 'The column "{column}" appears twice.'),
                    column=raw.strip(),
                )
            )
        columns[index] = key
    if "name" not in columns.values():
        preview.file_problems.append(
            _message(
                QT_TRANSLATE_NOOP(
                    "MemberImport",
                    'The first line must name the columns, including "name"; it reads: {header}',
                ),
                header=", ".join(header) or "-",
            )
        )
    return columns


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
    active_text = values.get("active", "").casefold()
    if active_text not in _TRUE | _FALSE:
        problems.append(
            _message(
                QT_TRANSLATE_NOOP("MemberImport", 'Active must be yes or no, not "{value}".'),
                value=values.get("active", ""),
            )
        )
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
            active=active_text in _TRUE,
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
