"""The hash-chained decision log: building entries and finding the first broken link."""

import hashlib
import itertools
from dataclasses import replace

import pytest

from pareconapp.core.decisions import (
    GENESIS_HASH,
    AuditEntry,
    BreakKind,
    append_entry,
    canonical_json,
    entry_hash,
    verify_chain,
)
from pareconapp.core.decisions.exact import JsonObject


def chain(length: int = 5) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for i in range(length):
        payload: JsonObject = {
            "event": ["open", "close", "result"][i % 3],
            "decision": i // 3,
            "note": "é",
        }
        entries.append(append_entry(entries[-1] if entries else None, payload))
    return entries


def test_entry_hash_is_sha256_of_previous_hash_and_canonical_json() -> None:
    payload: JsonObject = {"b": 1, "a": ["x", None]}
    assert canonical_json(payload) == '{"a":["x",null],"b":1}'
    expected = hashlib.sha256((GENESIS_HASH + '{"a":["x",null],"b":1}').encode()).hexdigest()
    assert entry_hash(GENESIS_HASH, payload) == expected
    assert entry_hash(GENESIS_HASH, {"a": ["x", None], "b": 1}) == expected  # key order


def test_an_intact_chain_verifies() -> None:
    entries = chain()
    assert entries[0].previous_hash == GENESIS_HASH
    assert all(b.previous_hash == a.hash for a, b in itertools.pairwise(entries))
    assert verify_chain(entries) is None
    assert verify_chain([]) is None


def test_a_changed_entry_is_the_first_broken_link() -> None:
    entries = chain()
    entries[2] = replace(entries[2], payload={**entries[2].payload, "decision": 9})
    broken = verify_chain(entries)
    assert broken is not None
    assert (broken.index, broken.kind) == (2, BreakKind.WRONG_HASH)
    assert "entry 3" in str(broken.message)


def test_a_removed_or_reordered_entry_breaks_the_next_link() -> None:
    entries = chain()
    removed = entries[:1] + entries[2:]
    broken = verify_chain(removed)
    assert broken is not None
    assert (broken.index, broken.kind) == (1, BreakKind.WRONG_PREVIOUS)
    swapped = [entries[0], entries[2], entries[1], *entries[3:]]
    broken = verify_chain(swapped)
    assert broken is not None
    assert broken.index == 1


def test_a_rehashed_entry_still_breaks_the_link_after_it() -> None:
    entries = chain()
    forged_payload = {**entries[1].payload, "event": "forged"}
    entries[1] = AuditEntry(
        forged_payload,
        entries[1].previous_hash,
        entry_hash(entries[1].previous_hash, forged_payload),
    )
    broken = verify_chain(entries)
    assert broken is not None
    assert (broken.index, broken.kind) == (2, BreakKind.WRONG_PREVIOUS)


def test_floats_that_are_not_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="JSON"):
        canonical_json({"x": float("nan")})
    with pytest.raises(ValueError, match="SHA-256"):
        entry_hash("abc", {})
