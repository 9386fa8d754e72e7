"""Exchange files: round trips, every kind of bad file refused, random byte flips detected."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pareconapp.core.i18n import UserError
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory
from pareconapp.core.planning_exchange.files import (
    Comparison,
    CouncilEntry,
    CouncilKind,
    DecisionNote,
    Header,
    LastTotals,
    ProposalContext,
    ProposalFile,
    Question,
    QuestionReason,
    RoundFile,
    RoundGood,
    RoundStatus,
    Sender,
    check_proposal_context,
    check_round_context,
    document_hash,
    file_text,
    proposal_file_bytes,
    read_exchange_file,
    read_proposal_file,
    read_round_file,
    round_file_bytes,
)
from pareconapp.core.planning_exchange.schema import load_schema, validate

ROUND = RoundFile(
    header=Header(
        "2027", 3, Sender("river-ifb", "Riverside IFB"), "0.1.0", "2027-02-01T18:00:00+00:00"
    ),
    status=RoundStatus.OPEN,
    rule="dep",
    needs_responses=False,
    threshold=0.05,
    max_rounds=20,
    consumer_councils=2,
    goods=(
        RoundGood(
            Good("bicycles", "Bicycles", GoodCategory.PRIVATE, "bike"),
            712.5,
            LastTotals(700.0, 120.0, 131.5),
        ),
        RoundGood(
            Good("labour", "Labour – skilled", GoodCategory.LABOUR, "h"),
            20.25,
            LastTotals(20.0, 1000.0, 950.0),
        ),
    ),
    councils=(
        CouncilEntry("wheelwright", "Wheelwright Workers' Council", CouncilKind.WORKER),
        CouncilEntry("riverside", "Riverside", CouncilKind.CONSUMER),
    ),
    comparisons=(Comparison("bicycles", 3, 120.0, 1.1, 0.9, 1.3),),
    questions=(Question("wheelwright", QuestionReason.RATIO, 0.8, 1.0),),
    note="Mind the labour shortage.",
)

PROPOSAL = ProposalFile(
    header=Header(
        "2027", 3, Sender("wheelwright", "Wheelwright"), "0.1.0", "2027-02-03T09:00:00+00:00"
    ),
    kind=CouncilKind.WORKER,
    lines=(Line("bicycles", 120.0, 0.0), Line("labour", 0.0, 900.5)),
    responses=(((1.5, -0.5), (0.0, 0.0)), ((0.0, 0.0), (2.0, -3.0))),
    decision=DecisionNote("Plan 2027, round 3", "passed", "2027-02-02T20:00:00+00:00", 12),
    note="Two new frame jigs.",
)
PROPOSAL_BYTES = proposal_file_bytes(PROPOSAL)
CONTEXT = ProposalContext(
    "2027",
    3,
    {"wheelwright": CouncilKind.WORKER, "riverside": CouncilKind.CONSUMER},
    frozenset(),
    frozenset({"bicycles", "labour"}),
)


def rewrite(data: bytes, change, rehash: bool = True) -> bytes:
    document = json.loads(data)
    change(document)
    if rehash:
        document["sha256"] = document_hash(document)
    return file_text(document).encode()


def test_round_file_round_trip() -> None:
    data = round_file_bytes(ROUND)
    assert read_round_file(data, "r.json") == ROUND
    assert read_exchange_file(data, "r.json") == ROUND
    assert data.isascii()
    assert round_file_bytes(read_round_file(data, "r.json")) == data


def test_proposal_file_round_trip() -> None:
    assert read_proposal_file(PROPOSAL_BYTES, "p.json") == PROPOSAL
    check_proposal_context(PROPOSAL, CONTEXT, "p.json")


def test_files_follow_the_shipped_schemas() -> None:
    validate(json.loads(round_file_bytes(ROUND)), load_schema("round-file.schema.json"), "r")
    validate(json.loads(PROPOSAL_BYTES), load_schema("proposal-file.schema.json"), "p")


def test_the_schema_checker_refuses_keywords_it_does_not_know(tmp_path) -> None:
    from pareconapp.core.planning_exchange import schema

    with pytest.raises(ValueError, match="unsupported"):
        schema._check_keywords({"type": "object", "oneOf": []}, "x")


def test_a_newer_format_version_is_refused() -> None:
    data = rewrite(PROPOSAL_BYTES, lambda d: d.update(version=2))
    with pytest.raises(UserError, match="newer version of the app"):
        read_proposal_file(data, "p.json")


def test_a_tampered_file_is_refused() -> None:
    text = PROPOSAL_BYTES.decode().replace('"supplied": 120.0', '"supplied": 220.0')
    with pytest.raises(UserError, match="SHA-256"):
        read_proposal_file(text.encode(), "p.json")


def test_a_changed_layout_is_refused_even_with_the_same_content() -> None:
    text = PROPOSAL_BYTES.decode().replace('{\n  "app_version"', '{\n   "app_version"')
    assert json.loads(text) == json.loads(PROPOSAL_BYTES)
    with pytest.raises(UserError, match="not exactly as the app wrote it"):
        read_proposal_file(text.encode(), "p.json")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a readable exchange file"),
        (b"\xff\xfe{}", "not a readable exchange file"),
        (b"[1, 2]", "not an exchange file"),
        (b'{"format": "something else"}', "not an exchange file"),
        (b'{"format": "parecon-planning-proposal", "version": "1"}', "no valid format version"),
        (PROPOSAL_BYTES.replace(b'"round": 3', b'"round": 3, "round": 4'), "appears twice"),
        (PROPOSAL_BYTES.replace(b"900.5", b"NaN"), "not a readable exchange file"),
        (rewrite(PROPOSAL_BYTES, lambda d: d.pop("sender")), "sender is missing"),
        (rewrite(PROPOSAL_BYTES, lambda d: d.update(extra=1)), "extra is not a field"),
        (rewrite(PROPOSAL_BYTES, lambda d: d.update(round="3")), "round must be a whole number"),
        (
            rewrite(PROPOSAL_BYTES, lambda d: d["content"]["lines"][0].update(supplied=-1)),
            r"content.lines\[0\].supplied is -1",
        ),
        (rewrite(PROPOSAL_BYTES, lambda d: d["content"].update(kind="bank")), "must be one of"),
        (
            rewrite(PROPOSAL_BYTES, lambda d: d["sender"].update(id="Wheel Wright")),
            "does not have the form",
        ),
        (
            rewrite(
                PROPOSAL_BYTES,
                lambda d: d["content"]["lines"].append(
                    {"good": "bicycles", "supplied": 1, "demanded": 0}
                ),
            ),
            "appears in two lines",
        ),
        (
            rewrite(PROPOSAL_BYTES, lambda d: d["content"]["responses"]["supply"].pop()),
            "responses must be two 2 x 2 tables",
        ),
        (round_file_bytes(ROUND), "is a round file, not a proposal file"),
    ],
)
def test_malformed_proposal_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(UserError, match=message):
        read_proposal_file(data, "p.json")


def test_a_proposal_file_is_no_round_file() -> None:
    with pytest.raises(UserError, match="is a proposal file, not a round file"):
        read_round_file(PROPOSAL_BYTES, "p.json")


@pytest.mark.parametrize(
    ("proposal", "context", "message"),
    [
        (PROPOSAL, replace(CONTEXT, planning_year="2028"), 'planning year "2027", not "2028"'),
        (PROPOSAL, replace(CONTEXT, round=4), "proposal for round 3; the open round is 4"),
        (PROPOSAL, replace(CONTEXT, councils={}), "does not know"),
        (PROPOSAL, replace(CONTEXT, received=frozenset({"wheelwright"})), "already imported"),
        (PROPOSAL, replace(CONTEXT, goods=frozenset({"bicycles"})), "not in the catalogue: labour"),
        (
            replace(
                PROPOSAL, kind=CouncilKind.CONSUMER, lines=(Line("bicycles", 0, 1),), responses=None
            ),
            CONTEXT,
            "registered as a worker council",
        ),
    ],
)
def test_proposals_that_do_not_fit_are_refused(proposal, context, message) -> None:
    with pytest.raises(UserError, match=message):
        check_proposal_context(proposal, context, "p.json")


def test_round_files_that_do_not_fit_are_refused() -> None:
    check_round_context(ROUND, "2027", 2, "river-ifb", "r.json")
    check_round_context(ROUND, "2027", None, None, "r.json")
    with pytest.raises(UserError, match='belongs to the planning year "2027", not "2028"'):
        check_round_context(ROUND, "2028", 2, None, "r.json")
    with pytest.raises(UserError, match="round 3 is already imported"):
        check_round_context(ROUND, "2027", 3, None, "r.json")
    with pytest.raises(UserError, match="IFB is"):
        check_round_context(ROUND, "2027", 2, "other-ifb", "r.json")


def test_a_round_file_with_inconsistent_content_is_refused() -> None:
    data = rewrite(round_file_bytes(ROUND), lambda d: d["content"].update(consumer_councils=0))
    with pytest.raises(UserError, match="fewer than the 1 consumer"):
        read_round_file(data, "r.json")
    data = rewrite(
        round_file_bytes(ROUND), lambda d: d["content"]["comparisons"][0].update(good="cars")
    )
    with pytest.raises(UserError, match='names the good "cars"'):
        read_round_file(data, "r.json")


ROUND_BYTES = round_file_bytes(ROUND)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_random_byte_flip_is_detected(data: st.DataObject) -> None:
    for original, read in ((PROPOSAL_BYTES, read_proposal_file), (ROUND_BYTES, read_round_file)):
        position = data.draw(st.integers(0, len(original) - 1))
        new = data.draw(st.integers(0, 255).filter(lambda b, o=original[position]: b != o))
        changed = original[:position] + bytes([new]) + original[position + 1 :]
        with pytest.raises(UserError):
            read(changed, "flipped.json")


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_every_single_bit_flip_is_detected(data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(PROPOSAL_BYTES) - 1))
    bit = data.draw(st.integers(0, 7))
    changed = bytearray(PROPOSAL_BYTES)
    changed[position] ^= 1 << bit
    with pytest.raises(UserError):
        read_proposal_file(bytes(changed), "flipped.json")


def test_the_documentation_names_every_field_of_the_schemas() -> None:
    from tests.conftest import REPO_ROOT

    text = (REPO_ROOT / "docs" / "exchange-files.md").read_text(encoding="utf-8")

    def names(schema) -> set[str]:
        found = set()
        if isinstance(schema, dict):
            found |= set(schema.get("properties", {}))
            for value in schema.values():
                found |= names(value)
        elif isinstance(schema, list):
            for value in schema:
                found |= names(value)
        return found

    for schema in ("round-file.schema.json", "proposal-file.schema.json"):
        missing = sorted(n for n in names(load_schema(schema)) if f"`{n}`" not in text)
        assert missing == [], f"{schema}: {missing}"
