"""``pareconapp check``: verify an assembly file without changing it."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from pareconapp.core.decisions import verify_chain
from pareconapp.core.i18n import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.services.audit import entries_of_rows
from pareconapp.store import migrate
from pareconapp.store.assembly_file import inspect_revision, read_header, read_only_connection


@dataclass
class CheckReport:
    """What a check found; ``ok`` when nothing."""

    path: Path
    revision: str | None = None
    problems: list[UserMessage] = field(default_factory=list)
    passed: list[UserMessage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file passed every check."""
        return not self.problems


def check_file(path: Path) -> CheckReport:
    """Run every check on ``path`` through a read-only connection."""
    report = CheckReport(Path(path))
    try:
        read_header(report.path)
        report.revision = inspect_revision(report.path)
    except UserError as error:
        report.problems.append(error.message)
        return report
    report.passed.append(UserMessage(QT_TRANSLATE_NOOP("check", "header and quick check: ok")))
    _check_revision(report)
    _check_database(report)
    return report


def _check_revision(report: CheckReport) -> None:
    revision = report.revision or ""
    if revision == migrate.SCHEMA_REVISION:
        report.passed.append(
            UserMessage(
                QT_TRANSLATE_NOOP("check", "schema revision {revision} is current"),
                {"revision": revision},
            )
        )
    elif revision in migrate.known_revisions():
        report.problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "check",
                    "schema revision {revision} is older than {head}; "
                    "opening the file in the app upgrades it (after a backup)",
                ),
                {"revision": revision, "head": migrate.SCHEMA_REVISION},
            )
        )
    else:
        report.problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "check", "schema revision {revision} is from a newer version of the app"
                ),
                {"revision": revision},
            )
        )


def _check_database(report: CheckReport) -> None:
    connection = read_only_connection(report.path)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity == ["ok"]:
            report.passed.append(UserMessage(QT_TRANSLATE_NOOP("check", "integrity check: ok")))
        else:
            report.problems.extend(
                UserMessage(QT_TRANSLATE_NOOP("check", "integrity: {detail}"), {"detail": d})
                for d in integrity[:20]
            )
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            report.problems.extend(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "check", "table {table} row {row} points to a missing {parent} row"
                    ),
                    {"table": table, "row": rowid, "parent": parent},
                )
                for table, rowid, parent, _ in violations[:20]
            )
        else:
            report.passed.append(UserMessage(QT_TRANSLATE_NOOP("check", "foreign keys: ok")))
        _check_audit_log(report, connection)
        _check_approved_minutes(report, connection)
    finally:
        connection.close()


def _check_audit_log(report: CheckReport, connection: sqlite3.Connection) -> None:
    """Verify the hash chain of the decision log (files from before it have none)."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
    ).fetchone()
    if not exists:
        return
    rows = connection.execute(
        "SELECT payload, previous_hash, hash FROM audit_log ORDER BY id"
    ).fetchall()
    try:
        broken = verify_chain(entries_of_rows(rows))
    except ValueError as error:
        report.problems.append(
            UserMessage(
                QT_TRANSLATE_NOOP("check", "decision log: an entry is unreadable ({detail})"),
                {"detail": str(error)},
            )
        )
        return
    if broken is not None:
        report.problems.append(broken.message)
    else:
        report.passed.append(
            UserMessage(
                QT_TRANSLATE_N_NOOP("check", "decision log: %n entry(ies), chain intact"),
                count=len(rows),
            )
        )


def _check_approved_minutes(report: CheckReport, connection: sqlite3.Connection) -> None:
    """Each approved minutes' stored document still has the SHA-256 recorded at approval."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'minutes'"
    ).fetchone()
    if not exists:
        return
    from pareconapp.exports.document import Document, document_sha256

    rows = connection.execute(
        "SELECT m.meeting_id, g.title, m.document, m.sha256 FROM minutes AS m "
        "JOIN meeting AS g ON g.id = m.meeting_id WHERE m.status = 'approved' "
        "ORDER BY m.meeting_id"
    ).fetchall()
    broken = 0
    for _meeting_id, title, stored, sha256 in rows:
        try:
            document = Document.from_dict(json.loads(stored or "{}"))
            intact = document_sha256(document) == sha256
        except (ValueError, KeyError, TypeError):
            intact = False
        if not intact:
            broken += 1
            report.problems.append(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "check",
                        'approved minutes of "{title}": the document no longer matches the '
                        "SHA-256 recorded when they were approved",
                    ),
                    {"title": title},
                )
            )
    if rows and not broken:
        report.passed.append(
            UserMessage(
                QT_TRANSLATE_N_NOOP("check", "approved minutes: %n meeting(s), SHA-256 intact"),
                count=len(rows),
            )
        )
