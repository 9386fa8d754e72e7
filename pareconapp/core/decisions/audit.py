"""The hash-chained audit log of decisions: each entry holds the SHA-256 of the previous.

The store appends an entry when a ballot opens, when it closes and when its result is
computed; it never updates or deletes one. Each entry's hash is
``SHA-256(previous hash as 64 hex digits + canonical JSON of the entry)``, the first entry's
previous hash being :data:`GENESIS_HASH`. Changing, removing or reordering any entry breaks
every hash from there on, and :func:`verify_chain` (behind ``pareconapp check``) reports the
first broken link.

Canonical JSON is :func:`pareconapp.core.canonical.canonical_json`; results store fractions
as strings (their ``to_dict``), never floats, so a hash never depends on rounding.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from pareconapp.core.canonical import canonical_json
from pareconapp.core.decisions.exact import JsonValue
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserMessage

GENESIS_HASH = "0" * 64
"""The "previous hash" of the first entry of a chain."""


@dataclass(frozen=True)
class AuditEntry:
    """One link of the chain as the store keeps it.

    Attributes:
        payload: what happened (JSON data: e.g. ``{"event": "close", "decision": 7, ...}``).
        previous_hash: the hash of the entry before (:data:`GENESIS_HASH` for the first).
        hash: this entry's hash, over ``previous_hash`` and ``payload``.
    """

    payload: Mapping[str, JsonValue]
    previous_hash: str
    hash: str


class BreakKind(StrEnum):
    """How a link is broken."""

    WRONG_PREVIOUS = "wrong_previous"
    """The entry does not point at the hash of the entry before it (one removed, inserted
    or moved)."""
    WRONG_HASH = "wrong_hash"
    """The entry's hash does not match its content (the entry was changed)."""


@dataclass(frozen=True)
class ChainBreak:
    """The first broken link of a chain.

    Attributes:
        index: the position of the broken entry (from 0).
        kind: what is wrong with it.
        expected: the hash that should be there.
        found: the hash that is there.
    """

    index: int
    kind: BreakKind
    expected: str
    found: str

    @property
    def message(self) -> UserMessage:
        """The finding, for ``pareconapp check`` and the GUI."""
        if self.kind is BreakKind.WRONG_PREVIOUS:
            text = QT_TRANSLATE_NOOP(
                "Decisions",
                "The decision log is broken at entry {index}: it does not follow the entry "
                "before it (an entry was removed, inserted or moved).",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Decisions",
                "The decision log is broken at entry {index}: its content does not match its "
                "hash (the entry was changed).",
            )
        return UserMessage(text, {"index": self.index + 1})


def entry_hash(previous_hash: str, payload: Mapping[str, JsonValue]) -> str:
    """SHA-256 (hex) of the previous hash followed by the canonical JSON of ``payload``."""
    if len(previous_hash) != 64 or any(c not in "0123456789abcdef" for c in previous_hash):
        raise ValueError(f"not a SHA-256 hex digest: {previous_hash!r}")
    data = previous_hash.encode("ascii") + canonical_json(payload).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def append_entry(previous: AuditEntry | None, payload: Mapping[str, JsonValue]) -> AuditEntry:
    """The entry that follows ``previous`` (``None`` for the first entry of the chain)."""
    previous_hash = GENESIS_HASH if previous is None else previous.hash
    return AuditEntry(dict(payload), previous_hash, entry_hash(previous_hash, payload))


def verify_chain(entries: Iterable[AuditEntry]) -> ChainBreak | None:
    """Check every link in order; return the first broken one, or ``None`` if all hold."""
    expected_previous = GENESIS_HASH
    for index, entry in enumerate(entries):
        if entry.previous_hash != expected_previous:
            return ChainBreak(
                index, BreakKind.WRONG_PREVIOUS, expected_previous, entry.previous_hash
            )
        expected = entry_hash(entry.previous_hash, entry.payload)
        if entry.hash != expected:
            return ChainBreak(index, BreakKind.WRONG_HASH, expected, entry.hash)
        expected_previous = entry.hash
    return None
