"""CSV of the minutes' records: one file each for decisions, votes and action items.

``minutes.csv`` becomes ``minutes-decisions.csv``, ``minutes-votes.csv`` and
``minutes-actions.csv`` beside it, in UTF-8 with a byte-order mark (so spreadsheets recognise
the encoding). The values are not localised (see :mod:`pareconapp.exports.builders.datasets`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pareconapp.exports.document import Dataset, Document
from pareconapp.files import write_text_atomically

ENCODING = "utf-8-sig"


def csv_path(path: Path, dataset: str) -> Path:
    """The file a dataset goes to when the user asked for ``path``."""
    stem = path.name[: -len(".csv")] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(f"{stem}-{dataset}.csv")


def dataset_csv(dataset: Dataset) -> str:
    """One dataset as CSV text (a header row, then the records)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(dataset.columns)
    writer.writerows(dataset.rows)
    return buffer.getvalue()


def write_csv(document: Document, path: Path) -> list[Path]:
    """Write every dataset of the minutes next to ``path``; return the files written."""
    written = []
    for dataset in document.datasets:
        target = csv_path(path, dataset.name)
        write_text_atomically(target, dataset_csv(dataset), encoding=ENCODING)
        written.append(target)
    return written


def read_csv(path: Path) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Read back a file written by :func:`write_csv`: its columns and rows."""
    with path.open(encoding=ENCODING, newline="") as stream:
        rows = [tuple(row) for row in csv.reader(stream)]
    return rows[0], rows[1:]
