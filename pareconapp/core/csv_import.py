"""What every spreadsheet import shares: decoding, the header, rows and their problems.

An import (members, tasks) reads a CSV export in two steps. :func:`read_table` decodes the
text, finds the delimiter, maps the header's column names onto the import's columns through
its aliases and returns the non-blank rows as ``{column: text}`` with the line they stand on,
plus every problem of the file as a whole. The import then checks each row into an
:class:`ImportRow` of its own record type; the :class:`ImportPreview` says whether the whole
file can be stored. Nothing is stored here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserMessage

R = TypeVar("R")


@dataclass
class ImportRow(Generic[R]):
    """A data row of the file: its line number, what it says, and what is wrong with it."""

    line: int
    record: R | None
    problems: list[UserMessage] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)
    """The row's values by column, as written (to show rows with problems)."""


@dataclass
class ImportPreview(Generic[R]):
    """Every row of a file, with problems of the whole file and of each row."""

    rows: list[ImportRow[R]] = field(default_factory=list)
    file_problems: list[UserMessage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file can be imported (at least one row, no problem anywhere)."""
        return bool(self.rows) and not self.file_problems and not any(r.problems for r in self.rows)

    @property
    def problem_count(self) -> int:
        """How many problems in all."""
        return len(self.file_problems) + sum(len(r.problems) for r in self.rows)

    def records(self) -> list[R]:
        """The records to import (only meaningful when :attr:`ok`)."""
        return [r.record for r in self.rows if r.record is not None]


@dataclass
class Table:
    """A CSV file read against an import's columns: its rows and the file's problems."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    """Each non-blank data row as ``(line number, {column: stripped text})``."""
    problems: list[UserMessage] = field(default_factory=list)


def decode_csv(data: bytes) -> str:
    """Spreadsheet CSV as text: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_hours(text: str) -> float | None:
    """Hours written as ``37.5`` or ``37,5``; ``None`` if not a number."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


YES = frozenset({"", "yes", "y", "true", "1", "active", "x"})
"""What an ``active`` cell may say for yes (empty: yes)."""
NO = frozenset({"no", "n", "false", "0", "left", "inactive"})


def read_yes_no(text: str, problems: list[UserMessage]) -> bool:
    """An ``active`` cell as yes (also when empty) or no; a problem for anything else."""
    if text.casefold() not in YES | NO:
        problems.append(
            message(
                QT_TRANSLATE_NOOP("CsvImport", 'Active must be yes or no, not "{value}".'),
                value=text,
            )
        )
    return text.casefold() in YES


def message(source: SourceText, **params: object) -> UserMessage:
    """A problem to show, its parameters filled in when it is translated."""
    return UserMessage(source, params)


def normal_heading(text: str) -> str:
    """A column heading as the aliases know it: case, ``-`` and ``_`` do not matter."""
    return text.strip().casefold().replace("-", " ").replace("_", " ")


def read_table(
    text: str, aliases: Mapping[str, str], columns: Sequence[str], no_rows: SourceText
) -> Table:
    """Read ``text`` against an import's ``columns`` (``name`` required).

    Args:
        text: The decoded file.
        aliases: Headings people write (any case, ``-``/``_`` or spaces) to column names.
        columns: The import's columns in export order (named in the unknown-column message).
        no_rows: The problem when the file has a header and nothing else.
    """
    table = Table()
    if not text.strip():
        table.problems.append(message(QT_TRANSLATE_NOOP("CsvImport", "The file is empty.")))
        return table
    reader = csv.reader(io.StringIO(text), _dialect(text))
    header = next(reader, [])
    known = {normal_heading(alias): column for alias, column in aliases.items()}
    mapped = _map_header(header, known, columns, table.problems)
    if table.problems:
        return table
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are common at the end of spreadsheet exports
        table.rows.append(
            (line, {col: cells[i].strip() if i < len(cells) else "" for i, col in mapped.items()})
        )
    if not table.rows:
        table.problems.append(message(no_rows))
    return table


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _map_header(
    header: list[str],
    known: Mapping[str, str],
    columns: Sequence[str],
    problems: list[UserMessage],
) -> dict[int, str]:
    mapped: dict[int, str] = {}
    for index, raw in enumerate(header):
        key = known.get(normal_heading(raw))
        if key is None:
            if raw.strip():
                problems.append(
                    message(
                        QT_TRANSLATE_NOOP(
                            "CsvImport", 'Unknown column "{column}". The columns are: {expected}.'
                        ),
                        column=raw.strip(),
                        expected=", ".join(columns),
                    )
                )
            continue
        if key in mapped.values():
            problems.append(
                message(
                    QT_TRANSLATE_NOOP("CsvImport", 'The column "{column}" appears twice.'),
                    column=raw.strip(),
                )
            )
        mapped[index] = key
    if "name" not in mapped.values():
        problems.append(
            message(
                QT_TRANSLATE_NOOP(
                    "CsvImport",
                    'The first line must name the columns, including "name"; it reads: {header}',
                ),
                header=", ".join(header) or "-",
            )
        )
    return mapped
