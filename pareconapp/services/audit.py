"""The hash-chained audit log: append an entry in the caller's transaction, verify the chain."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from pareconapp.core.decisions import (
    AuditEntry,
    ChainBreak,
    append_entry,
    canonical_json,
    verify_chain,
)
from pareconapp.core.decisions.exact import JsonValue
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import AuditLogEntry


def append(session: Session, payload: Mapping[str, JsonValue]) -> AuditEntry:
    """Append ``payload`` to the log inside ``session``'s transaction."""
    last = session.scalar(select(AuditLogEntry).order_by(AuditLogEntry.id.desc()).limit(1))
    previous = None if last is None else _entry(last)
    entry = append_entry(previous, payload)
    session.add(
        AuditLogEntry(
            payload=canonical_json(entry.payload),
            previous_hash=entry.previous_hash,
            hash=entry.hash,
        )
    )
    return entry


def _entry(row: AuditLogEntry) -> AuditEntry:
    payload = json.loads(row.payload)
    if not isinstance(payload, dict):
        raise ValueError(f"audit entry {row.id} is not an object")
    return AuditEntry(payload, row.previous_hash, row.hash)


def entries_of_rows(rows: list[tuple[str, str, str]]) -> list[AuditEntry]:
    """Audit entries from ``(payload, previous_hash, hash)`` rows in log order."""
    entries = []
    for payload, previous, digest in rows:
        data = json.loads(payload)
        if not isinstance(data, dict):
            raise ValueError("an audit entry is not a JSON object")
        entries.append(AuditEntry(data, previous, digest))
    return entries


class AuditLog:
    """Reads and checks the assembly's audit log."""

    def __init__(self, file: AssemblyFile) -> None:
        self._file = file

    def entries(self) -> list[AuditEntry]:
        """Every entry, oldest first."""
        with self._file.transaction() as session:
            return [
                _entry(row)
                for row in session.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id))
            ]

    def verify(self) -> ChainBreak | None:
        """The first broken link, or ``None`` when the chain holds."""
        return verify_chain(self.entries())
