"""Decisions through the services: impact, ballot modes, secrecy in the file, results, log."""

from __future__ import annotations

import sqlite3
from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    ConsensusStance,
    ConsensusVote,
    DecisionRule,
    Outcome,
    RuleKind,
    TieBreak,
    TieRule,
    YesNo,
)
from pareconapp.core.i18n import UserError
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.store.models import BallotMode, DecisionStatus

YES, NO, ABSTAIN = YesNo.YES, YesNo.NO, YesNo.ABSTAIN


@pytest.fixture
def meeting(assembly, clock):
    meeting_id = assembly.meetings.create_meeting(MeetingFields("Assembly", clock()))
    assembly.meetings.add_item(meeting_id, ItemFields("Buy a jig"))
    return meeting_id


def _members(assembly, n):
    return [m.id for m in assembly.members.list_members(active_only=True)[:n]]


def _check_in(assembly, meeting, members):
    for member in members:
        assembly.attendance.check_in(meeting, member)


def _decision(assembly, meeting, rule=None, mode=BallotMode.SECRET, options=(), receipts=False):
    item = assembly.meetings.meeting(meeting).items[-1].id
    return assembly.decisions.create(
        DecisionFields(
            "Buy the frame jig",
            "<p>Buy the middle quote.</p>",
            options,
            rule or DecisionRule(RuleKind.SIMPLE_MAJORITY),
            mode,
            receipts,
            meeting,
            item,
        )
    )


def _assess(assembly, decision_id, impacts, rationale="The frame team uses the jig daily."):
    return assembly.decisions.assess(
        decision_id, ImpactInput("numbers", {m: Fraction(v) for m, v in impacts.items()}, rationale)
    )


def test_full_secret_vote_with_weights(assembly, meeting, demo_file, clock) -> None:
    members = _members(assembly, 8)
    _check_in(assembly, meeting, members[:7])  # the 8th is not here
    decision = _decision(assembly, meeting)
    # four heavily affected (impact 3), four lightly (impact 1)
    row = _assess(assembly, decision, {m: 3 if i < 4 else 1 for i, m in enumerate(members)})
    assert row.status is DecisionStatus.ASSESSED
    assert sum(row.weights.weights.values()) == 1
    assert row.weights.weight(members[0]) == Fraction(3, 16)
    report = assembly.decisions.secrecy_report(decision)
    assert [c.size for c in report.classes] == [4, 4]
    assert report.small == ()
    opened = assembly.decisions.open_ballot(decision)
    assert opened.attendance.present_count == 7
    assert opened.attendance.present_weight == Fraction(15, 16)
    with pytest.raises(UserError, match="can no longer change"):
        assembly.decisions.update(decision, opened.fields)
    choices = [YES, YES, NO, YES, NO, NO, ABSTAIN]
    for member, choice in zip(members[:7], choices, strict=True):
        assert assembly.decisions.cast_secret(decision, member, choice) is None
        wal = demo_file.with_name(demo_file.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0, "the journal keeps no cast order"
    with pytest.raises(UserError, match="already voted"):
        assembly.decisions.cast_secret(decision, members[0], NO)
    with pytest.raises(UserError, match="not checked in"):
        assembly.decisions.cast_secret(decision, members[7], YES)
    progress = assembly.decisions.progress(decision)
    assert (progress.cast, progress.eligible, progress.present) == (7, 8, 7)
    assert assembly.decisions.decision(decision).result is None  # hidden until closed
    closed = assembly.decisions.close_ballot(decision)
    result = closed.result
    # yes: 3+3+3 = 9/16; no: 3+1+1 = 5/16 -> passes by weight, although the head count is 3:3
    assert result.outcome is Outcome.PASSED
    counts = {c.option: c for c in result.counts}
    assert counts["yes"].weight == Fraction(9, 16)
    assert counts["no"].weight == Fraction(5, 16)
    assert (counts["yes"].head_count, counts["no"].head_count) == (3, 3)
    assert assembly.audit.verify() is None
    events = [
        e.payload["event"] for e in assembly.audit.entries() if e.payload["decision"] == decision
    ]
    assert events == ["open", "close", "result"]


def test_the_file_links_no_voter_to_a_ballot(assembly, meeting, demo_file) -> None:
    members = _members(assembly, 12)
    _check_in(assembly, meeting, members)
    decision = _decision(assembly, meeting, receipts=True)
    _assess(assembly, decision, dict.fromkeys(members, 1))
    assembly.decisions.open_ballot(decision)
    cast_order_receipts = []
    for i, member in enumerate(members):
        receipt = assembly.decisions.cast_secret(decision, member, YES if i % 3 else NO)
        cast_order_receipts.append(receipt)
    connection = sqlite3.connect(demo_file)
    try:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(ballot)")}
        assert columns == {
            "id",
            "decision_id",
            "weight_class",
            "weight",
            "cast",
            "choice",
            "receipt",
        }
        for table in ("ballot", "ballot_cast"):
            sql = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
            ).fetchone()[0]
            assert "WITHOUT ROWID" in sql.upper(), f"{table} has a rowid in casting order"
        marker_columns = {row[1] for row in connection.execute("PRAGMA table_info(ballot_cast)")}
        assert marker_columns == {"decision_id", "member_id"}
        rows = connection.execute(
            "SELECT id, choice, receipt, length(CAST(choice AS BLOB)) FROM ballot "
            "WHERE decision_id = ?",
            (decision,),
        ).fetchall()
        assert len({length for *_, length in rows}) == 1, "every slot has the same size"
        stored_order = [receipt for _, _, receipt, _ in rows]
        assert stored_order == sorted(
            stored_order, key=lambda r: {row[2]: row[0] for row in rows}[r]
        )  # rows come back in key order...
        assert stored_order != cast_order_receipts  # ...which is not the casting order
        voters = [
            m
            for (m,) in connection.execute(
                "SELECT member_id FROM ballot_cast WHERE decision_id = ?", (decision,)
            )
        ]
        assert voters == sorted(voters)  # markers sit in member order, not casting order
    finally:
        connection.close()
    result = assembly.decisions.close_ballot(decision).result
    assert {c.option: c.head_count for c in result.counts}["no"] == 4


def test_small_weight_classes_must_be_merged_or_accepted(assembly, meeting) -> None:
    members = _members(assembly, 6)
    _check_in(assembly, meeting, members)
    decision = _decision(assembly, meeting)
    _assess(assembly, decision, {members[0]: 5, **dict.fromkeys(members[1:], 1)})
    report = assembly.decisions.secrecy_report(decision)
    assert [w.size for w in report.small] == [1]
    with pytest.raises(UserError, match="fewer than 3"):
        assembly.decisions.open_ballot(decision)
    merged = assembly.decisions.merge_small_classes(decision)
    assert sum(merged.weights.weights.values()) == 1
    assert assembly.decisions.secrecy_report(decision).small == ()
    opened = assembly.decisions.open_ballot(decision)
    assert opened.secrecy["merged"] is True


def test_accepting_small_classes_is_recorded(assembly, meeting) -> None:
    members = _members(assembly, 4)
    _check_in(assembly, meeting, members)
    decision = _decision(assembly, meeting)
    _assess(assembly, decision, {members[0]: 2, **dict.fromkeys(members[1:], 1)})
    opened = assembly.decisions.open_ballot(decision, accept_small_classes=True)
    assert opened.secrecy["accepted_small_classes"] is True


def test_roll_call_records_names(assembly, meeting) -> None:
    members = _members(assembly, 3)
    _check_in(assembly, meeting, members)
    decision = _decision(assembly, meeting, mode=BallotMode.ROLL_CALL)
    _assess(assembly, decision, dict.fromkeys(members, 1))
    assembly.decisions.open_ballot(decision)
    for member, choice in zip(members, (YES, YES, NO), strict=True):
        assembly.decisions.cast_roll_call(decision, member, choice)
    result = assembly.decisions.close_ballot(decision).result
    assert result.outcome is Outcome.PASSED
    assert [v.voted for v in assembly.decisions.voters(decision) if v.member_id in members] == [
        True,
        True,
        True,
    ]


def test_show_of_hands_per_weight_class(assembly, meeting) -> None:
    members = _members(assembly, 9)
    _check_in(assembly, meeting, members)
    decision = _decision(
        assembly,
        meeting,
        mode=BallotMode.SHOW_OF_HANDS,
        rule=DecisionRule(RuleKind.SUPER_MAJORITY, Fraction(2, 3)),
    )
    _assess(assembly, decision, {m: 2 if i < 3 else 1 for i, m in enumerate(members)})
    assembly.decisions.open_ballot(decision)
    heavy, light = assembly.decisions.hand_classes(decision)
    assert (heavy.size, light.size) == (3, 6)
    with pytest.raises(UserError, match="has 3 members but 4"):
        assembly.decisions.set_hand_counts(decision, {(0, '"yes"'): 4})
    assembly.decisions.set_hand_counts(decision, {(0, '"yes"'): 3, (1, '"yes"'): 2, (1, '"no"'): 4})
    result = assembly.decisions.close_ballot(decision).result
    # weights: heavy 2/12 each, light 1/12 each; yes = 6/12 + 2/12 = 8/12 = exactly 2/3
    assert result.outcome is Outcome.PASSED
    assert {c.option: c.head_count for c in result.counts} == {"yes": 5, "no": 4, "abstain": 0}


def test_quorum_judged_on_weight_present_when_opened(assembly, meeting) -> None:
    members = _members(assembly, 4)
    _check_in(assembly, meeting, members[:1])  # only the lightest quarter is here
    decision = _decision(
        assembly, meeting, rule=DecisionRule(RuleKind.SIMPLE_MAJORITY, quorum=Fraction(1, 2))
    )
    _assess(assembly, decision, {members[0]: 1, **dict.fromkeys(members[1:], 3)})
    assembly.decisions.open_ballot(decision, accept_small_classes=True)
    assembly.decisions.cast_secret(decision, members[0], YES)
    result = assembly.decisions.close_ballot(decision).result
    assert result.outcome is Outcome.NO_QUORUM


def test_consensus_block_with_reason(assembly, meeting) -> None:
    members = _members(assembly, 3)
    _check_in(assembly, meeting, members)
    decision = _decision(
        assembly, meeting, rule=DecisionRule(RuleKind.CONSENSUS), mode=BallotMode.ROLL_CALL
    )
    _assess(assembly, decision, dict.fromkeys(members, 1))
    assembly.decisions.open_ballot(decision)
    assembly.decisions.cast_roll_call(
        decision, members[0], ConsensusVote(ConsensusStance.AGREE, "")
    )
    assembly.decisions.cast_roll_call(
        decision, members[1], ConsensusVote(ConsensusStance.BLOCK, "Too loud for neighbours")
    )
    result = assembly.decisions.close_ballot(decision).result
    assert result.outcome is Outcome.FAILED
    assert [b.reason for b in result.blocks] == ["Too loud for neighbours"]


def test_ranked_alternatives_and_tie_resolution(assembly, meeting) -> None:
    members = _members(assembly, 4)
    _check_in(assembly, meeting, members)
    options = ("Red", "Blue")
    decision = _decision(
        assembly,
        meeting,
        options=options,
        mode=BallotMode.ROLL_CALL,
        rule=DecisionRule(RuleKind.PLURALITY, ties=TieRule.CASTING_CHOICE),
    )
    _assess(assembly, decision, dict.fromkeys(members, 1))
    assembly.decisions.open_ballot(decision)
    with pytest.raises(UserError, match="not a valid choice"):
        assembly.decisions.cast_roll_call(decision, members[0], "Green")
    for member, choice in zip(members, ("Red", "Blue", "Red", "Blue"), strict=True):
        assembly.decisions.cast_roll_call(decision, member, choice)
    closed = assembly.decisions.close_ballot(decision)
    assert closed.result.outcome is Outcome.PENDING
    resolved = assembly.decisions.resolve(decision, TieBreak(casting_order=("Blue", "Red")))
    assert resolved.result.winner == "Blue"
    assert assembly.audit.verify() is None


def test_draft_validation_and_withdrawal(assembly, meeting) -> None:
    with pytest.raises(UserError, match="at least two alternatives"):
        _decision(assembly, meeting, rule=DecisionRule(RuleKind.SCHULZE), options=("Only",))
    with pytest.raises(UserError, match="only for secret"):
        _decision(assembly, meeting, mode=BallotMode.ROLL_CALL, receipts=True)
    decision = _decision(assembly, meeting)
    with pytest.raises(UserError, match="Rationale"):
        _assess(assembly, decision, {_members(assembly, 1)[0]: 1}, rationale="because")
    with pytest.raises(UserError, match="Assess the impact"):
        assembly.decisions.open_ballot(decision)
    assembly.decisions.withdraw(decision, "Quotes expired")
    row = assembly.decisions.decision(decision)
    assert (row.status, row.withdrawn_reason) == (DecisionStatus.WITHDRAWN, "Quotes expired")


def test_a_tampered_log_is_detected(assembly, meeting, demo_file) -> None:
    members = _members(assembly, 3)
    _check_in(assembly, meeting, members)
    decision = _decision(assembly, meeting, mode=BallotMode.ROLL_CALL)
    _assess(assembly, decision, dict.fromkeys(members, 1))
    assembly.decisions.open_ballot(decision)
    assembly.decisions.close_ballot(decision)
    assembly.close()
    from pareconapp.services.checks import check_file

    assert check_file(demo_file).ok
    connection = sqlite3.connect(demo_file)
    connection.execute(
        "UPDATE audit_log SET payload = replace(payload, 'open', 'OPEN') WHERE id = 1"
    )
    connection.commit()
    connection.close()
    report = check_file(demo_file)
    assert not report.ok
    assert any("decision log is broken at entry" in str(p) for p in report.problems)
