"""Problems with assembly files and their environment, as messages a user can act on.

Two kinds of error (as qutebrowser's ``misc/sql.py`` separates them): known environment
problems (disk full, read-only, locked, not an assembly file) become a
:class:`~pareconapp.core.i18n.UserError` with a clear message; anything else is a bug and
propagates unchanged to the crash handler.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import exc as sa_exc

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage


class AssemblyFileError(UserError):
    """A file could not be opened, created or written as an assembly file."""

    def __init__(self, message: UserMessage, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class FileMissing(AssemblyFileError):
    """The file does not exist."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            UserMessage(
                QT_TRANSLATE_NOOP("AssemblyFile", "The file {path} does not exist."),
                {"path": str(path)},
            ),
            path,
        )


class NotAnAssemblyFile(AssemblyFileError):
    """The file is not a Parecon Assembly file (another format or another SQLite database)."""

    def __init__(self, path: Path, reason: UserMessage) -> None:
        super().__init__(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "AssemblyFile", "{path} is not a Parecon Assembly file: {reason}"
                ),
                {"path": str(path), "reason": reason},
            ),
            path,
        )
        self.reason = reason


class DamagedFile(AssemblyFileError):
    """The file is an assembly file but its content is damaged or truncated."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "AssemblyFile",
                    "{path} is damaged and cannot be opened safely ({detail}). The file was "
                    "not changed. Open a backup copy, or run 'pareconapp check' on it for "
                    "details.",
                ),
                {"path": str(path), "detail": detail},
            ),
            path,
        )


class NewerVersionFile(AssemblyFileError):
    """The file was written by a newer version of the app; it is left untouched."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "AssemblyFile",
                    "{path} was written by a newer version of Parecon Assembly (schema "
                    "{revision}). Update the app to open it; the file was not changed.",
                ),
                {"path": str(path), "revision": revision},
            ),
            path,
        )
        self.revision = revision


class FileInUse(AssemblyFileError):
    """Another window or another running copy of the app has the file open."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "AssemblyFile",
                    "{path} is already open in another window or another running copy of "
                    "Parecon Assembly. Close it there first.",
                ),
                {"path": str(path)},
            ),
            path,
        )


class EnvironmentProblem(UserError):
    """The operating system refused what the app needed (disk full, read-only, locked, I/O)."""


_ENVIRONMENT_MESSAGES = (
    (
        ("database or disk is full", "disk is full", "no space left"),
        QT_TRANSLATE_NOOP(
            "AssemblyFile",
            "The disk is full. Nothing was saved from the last "
            "action; free some space and try again.",
        ),
    ),
    (
        ("readonly database", "read-only", "attempt to write a readonly"),
        QT_TRANSLATE_NOOP(
            "AssemblyFile",
            "The assembly file or its folder is read-only. "
            "Nothing was saved from the last action; save a copy elsewhere.",
        ),
    ),
    (
        ("database is locked", "database table is locked"),
        QT_TRANSLATE_NOOP(
            "AssemblyFile",
            "The assembly file is locked by another program. "
            "Nothing was saved from the last action; try again in a moment.",
        ),
    ),
    (
        ("disk i/o error", "unable to open database file"),
        QT_TRANSLATE_NOOP(
            "AssemblyFile",
            "The assembly file could not be read or written (a "
            "disk or network-drive error). Nothing was saved from the last action.",
        ),
    ),
)


def environment_problem(error: BaseException) -> EnvironmentProblem | None:
    """Recognise a known environment error; return ``None`` for anything else (a bug)."""
    original = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    if isinstance(original, OSError | sqlite3.OperationalError | sqlite3.DatabaseError):
        text = str(original).lower()
        for needles, message in _ENVIRONMENT_MESSAGES:
            if any(needle in text for needle in needles):
                return EnvironmentProblem(UserMessage(message))
        if isinstance(original, OSError) and original.errno is not None:
            return EnvironmentProblem(
                UserMessage(
                    QT_TRANSLATE_NOOP("AssemblyFile", "The system refused the operation: {error}"),
                    {"error": original.strerror or str(original)},
                )
            )
    return None
