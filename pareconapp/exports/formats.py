"""The export formats of the minutes and one entry point to write any of them.

Every format writes the same :class:`~pareconapp.exports.document.Document`; none decides
what the minutes say. Files are written beside the target and moved into place, so an
interrupted export never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, user_error
from pareconapp.core.progress import Progress
from pareconapp.exports.document import Document
from pareconapp.files import write_text_atomically


class ExportFormat(StrEnum):
    """A format the minutes can be exported to."""

    PDF = "pdf"
    ODT = "odt"
    HTML = "html"
    MARKDOWN = "md"
    CSV = "csv"

    @property
    def suffix(self) -> str:
        """The file name ending (``.pdf``...)."""
        return f".{self.value}"

    @property
    def description(self) -> SourceText:
        """The format's name for file dialogs and help texts."""
        return FORMAT_NAMES[self]


FORMAT_NAMES = {
    ExportFormat.PDF: QT_TRANSLATE_NOOP("Minutes", "PDF document"),
    ExportFormat.ODT: QT_TRANSLATE_NOOP("Minutes", "OpenDocument text (LibreOffice)"),
    ExportFormat.HTML: QT_TRANSLATE_NOOP("Minutes", "Web page (one self-contained file)"),
    ExportFormat.MARKDOWN: QT_TRANSLATE_NOOP("Minutes", "Markdown (newsletters, wikis)"),
    ExportFormat.CSV: QT_TRANSLATE_NOOP(
        "Minutes", "CSV tables of decisions, votes and action items"
    ),
}


def format_of(path: Path) -> ExportFormat | None:
    """The format a file name's ending names, if any."""
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"markdown": "md", "htm": "html"}
    try:
        return ExportFormat(aliases.get(suffix, suffix))
    except ValueError:
        return None


def export_minutes(
    document: Document,
    fmt: ExportFormat,
    path: Path,
    paper: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``document`` as ``fmt`` to ``path``; return the files written.

    CSV writes one file per table beside ``path`` (``NAME-decisions.csv``...).

    Raises:
        UserError: the file could not be written (folder missing or read-only, disk full).
    """
    path = Path(path)
    try:
        if fmt is ExportFormat.PDF:
            from pareconapp.exports.pdf import write_pdf

            with _replacing(path) as temporary:
                write_pdf(document, temporary, _paper(paper), progress)
        elif fmt is ExportFormat.ODT:
            from pareconapp.exports.odt import write_odt

            with _replacing(path) as temporary:
                write_odt(document, temporary)
        elif fmt is ExportFormat.HTML:
            from pareconapp.exports.html import html_text

            write_text_atomically(path, html_text(document))
        elif fmt is ExportFormat.MARKDOWN:
            from pareconapp.exports.markdown import markdown_text

            write_text_atomically(path, markdown_text(document))
        else:
            from pareconapp.exports.csv_files import write_csv

            return write_csv(document, path)
    except OSError as error:
        raise user_error(
            QT_TRANSLATE_NOOP("Minutes", "Could not write {path}: {error}"),
            path=str(path),
            error=error.strerror or str(error),
        ) from error
    return [path]


def _paper(value: str | None) -> Literal["a4", "letter"] | None:
    if value == "letter":
        return "letter"
    return "a4" if value == "a4" else None


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it when the block succeeds."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise OSError(f"nothing was written to {path}")
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
