"""Minutes through the services: the document model of the demo meeting, approval, errata."""

from __future__ import annotations

import json
import sqlite3

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.meetings import ActionStatus, AgendaKind, MeetingStatus
from pareconapp.exports.document import (
    Callout,
    Chart,
    Document,
    Facts,
    Table,
    document_sha256,
    inline_text,
)
from pareconapp.exports.sections import register_section, registered_sections
from pareconapp.services.minutes import ApprovalState
from pareconapp.store.models import DecisionStatus


def _meeting(assembly, title):
    return next(m for m in assembly.meetings.list_meetings() if m.title == title)


@pytest.fixture
def jig(assembly):
    """The demo's last meeting held: a consensus and a Schulze decision, both roll calls."""
    return _meeting(assembly, "General assembly - jig quotes")


@pytest.fixture
def spring(assembly):
    """The demo's first meeting: a secret weighted yes/no ballot."""
    return _meeting(assembly, "General assembly - spring")


def _table(section, key):
    return next(b for b in section.blocks if isinstance(b, Table) and b.key == key)


def _facts(section):
    return dict(next(b for b in section.blocks if isinstance(b, Facts)).pairs)


def test_last_meeting_is_the_latest_held_one(assembly, jig) -> None:
    assert assembly.minutes.last_meeting_id() == jig.id
    assert [m.title for m in assembly.minutes.held_meetings()] == [
        "General assembly - jig quotes",
        "General assembly - spring",
    ]


def test_every_section_of_the_demo_meeting_with_its_numbers(assembly, jig) -> None:
    document = assembly.minutes.document(jig.id)
    keys = [section.key for _level, section in document.walk()]
    assert keys[:2] == ["attendance", "agenda"]
    assert keys[-2:] == ["actions", "carried"]
    header = dict(document.facts)
    assert header["Place"] == "Workshop floor"
    assert header["Facilitated by"] == "Bilal, Farid"
    assert header["Minutes taken by"] == "Ana"
    assert "not yet approved" in document.status
    assert document.draft and document.mark == "DRAFT"

    roll = assembly.attendance.roll(jig.id)
    present = sorted(r.display_name for r in roll if r.status and r.status.value == "present")
    attendance = document.section("attendance")
    facts = _facts(attendance)
    assert facts[f"Present ({len(present)})"] == ", ".join(sorted(present, key=str.lower))
    assert "Absent (3)" in facts
    votes = _table(attendance, "vote-attendance")
    assert votes.rows[0][2:] == ("20 of 23", "87.0 %")

    items = document.section("agenda").children
    assert [s.title for s in items] == [
        "1. Review action items",
        "2. Frame jig quotes",
        "3. Safety walk-through",
        "4. Adopt the safety checklist",
        "5. Colour of the workshop door",
    ]
    safety = document.section(items[2].key)
    outcome = next(b for b in safety.blocks if isinstance(b, Callout))
    assert inline_text(outcome.spans) == "Outcome: Book an inspector."
    assert "Book the safety inspector" in json.dumps(safety.blocks[-1].__dict__, default=str)

    checklist, door = items[3].children[0], items[4].children[0]
    assert checklist.title == "Decision: Adopt the workshop safety checklist"
    verdict = next(b for b in checklist.blocks if isinstance(b, Callout))
    assert inline_text(verdict.spans) == "PASSED"
    tally = _table(checklist, f"tally-{checklist.key.split('-')[1]}")
    assert tally.rows[0] == ("Agree", "60.87 % (14/23)", "93.3 %", "14")
    assert tally.rows[1][0] == "Stand aside" and tally.rows[1][3] == "1"
    weights = _table(checklist, f"weights-{checklist.key.split('-')[1]}")
    assert weights.rows[0][0] == "4.35 % (1/23)"
    assert weights.rows[0][2].startswith("23: Ana, Bilal")
    roll_call = _table(checklist, f"roll-call-{checklist.key.split('-')[1]}")
    assert roll_call.rows[1] == ("Stand aside", "1", "Lena")
    assert "Five points are too many" in json.dumps(
        [b.__dict__ for b in checklist.blocks], default=str
    )
    assert inline_text(next(b for b in door.blocks if isinstance(b, Callout)).spans) == (
        "CHOSEN: Teal"
    )
    door_id = door.key.split("-")[1]
    assert _table(door, f"pairwise-{door_id}").rows[0][0] == "Teal over…"
    assert sum(isinstance(b, Chart) for b in door.blocks) == 2  # weights by team, result

    actions = _table(document.section("actions"), "actions")
    assert actions.rows == (
        ("Book the safety inspector", "Carmen", actions.rows[0][2], "open", "Safety walk-through"),
    )
    carried = _table(document.section("carried"), "carried")
    assert carried.rows[0][0] == "Draft the summer rota"
    assert carried.rows[0][3].startswith("open")

    assert [d.name for d in document.datasets] == ["decisions", "votes", "actions"]
    assert len(document.dataset("decisions").rows) == 2


def test_secret_ballot_gives_totals_and_no_names_with_choices(assembly, spring) -> None:
    document = assembly.minutes.document(spring.id)
    decision = next(s for _level, s in document.walk() if s.key.startswith("decision-"))
    keys = {b.key for b in decision.blocks if isinstance(b, Table)}
    decision_id = decision.key.split("-")[1]
    assert f"tally-{decision_id}" in keys
    assert f"classes-{decision_id}" in keys
    assert f"roll-call-{decision_id}" not in keys
    votes = document.dataset("votes")
    assert {row[2] for row in votes.rows} == {"total"}
    assert all(row[3] == "" for row in votes.rows)  # no member column filled in


def test_document_json_round_trip_and_stable_hash(assembly, jig) -> None:
    document = assembly.minutes.document(jig.id)
    again = Document.from_dict(json.loads(json.dumps(document.to_dict())))
    assert again == document
    assert document_sha256(again) == document_sha256(document)


def test_a_registered_section_prints_in_its_place(assembly, jig) -> None:
    from pareconapp.exports.document import Paragraph, Section, plain

    calls = []

    def build(ctx):
        calls.append(ctx.record.meeting.id)
        return Section("extra", "Extra", (Paragraph(plain(ctx.percent(0.125))),))

    register_section("test-extra", 25, build)
    try:
        keys = [s.key for s in assembly.minutes.document(jig.id).sections]
        assert keys.index("attendance") < keys.index("extra") < keys.index("agenda")
        assert calls == [jig.id]
    finally:
        from pareconapp.exports import sections

        del sections._REGISTRY["test-extra"]
    assert "test-extra" not in [s.key for s in registered_sections()]


def _approve(assembly, clock, jig, votes_yes=True):
    """Propose approval of the jig meeting in the next meeting and vote it by hands."""
    decision_id = assembly.minutes.propose_approval(jig.id)
    decision = assembly.decisions.decision(decision_id)
    upcoming = assembly.meetings.meeting(decision.meeting_id)
    assert upcoming.items[0].title == decision.title
    assert upcoming.items[0].kind is AgendaKind.DECISION
    clock.now = upcoming.meeting.starts_at
    members = [m.id for m in assembly.members.list_members(active_only=True)]
    for member in members:
        assembly.attendance.check_in(upcoming.meeting.id, member)
    clock.advance(minutes=5)
    assembly.decisions.open_ballot(decision_id)
    assert assembly.minutes.state(jig.id).approval is ApprovalState.VOTING
    choice = '"yes"' if votes_yes else '"no"'
    assembly.decisions.set_hand_counts(decision_id, {(0, choice): len(members)})
    clock.advance(minutes=1)
    assembly.decisions.close_ballot(decision_id)
    return decision_id


def test_approval_freezes_the_minutes_with_their_hash(assembly, clock, jig) -> None:
    item = assembly.meetings.meeting(jig.id).items[1]
    assembly.meetings.set_notes(item.id, "<p>Three quotes; the middle one is best.</p>")
    decision_id = _approve(assembly, clock, jig)
    assert assembly.minutes.state(jig.id).approval is ApprovalState.PASSED

    first = assembly.minutes.document(jig.id)  # the first read after the vote freezes them
    state = assembly.minutes.state(jig.id)
    assert state.approval is ApprovalState.APPROVED
    assert state.sha256 == document_sha256(
        Document.from_dict({**first.to_dict(), "footer": "Approved minutes"})
    )
    assert first.footer == f"Approved minutes · SHA-256 {state.sha256}"
    assert not first.draft and first.mark == ""
    assert "Approved on" in first.status and assembly.decisions.decision(decision_id).title in (
        first.status
    )
    assert assembly.meetings.meeting(jig.id).meeting.status is MeetingStatus.MINUTES_APPROVED
    events = [
        e.payload for e in assembly.audit.entries() if e.payload["event"] == "minutes_approved"
    ]
    assert events == [
        {
            "event": "minutes_approved",
            "meeting": jig.id,
            "decision": decision_id,
            "sha256": state.sha256,
            "at": events[0]["at"],
        }
    ]
    assert assembly.audit.verify() is None

    # Later changes to the record do not reach the approved text; the hash stays.
    action = assembly.actions.list_actions(meeting_id=jig.id)[0]
    assembly.actions.set_status(action.id, ActionStatus.DONE)
    second = assembly.minutes.document(jig.id)
    assert second == first
    assert assembly.minutes.state(jig.id).sha256 == state.sha256

    with pytest.raises(UserError, match="approved and frozen"):
        assembly.meetings.set_notes(item.id, "<p>Changed afterwards.</p>")
    with pytest.raises(UserError, match="approved and frozen"):
        assembly.meetings.set_outcome(item.id, "Something else.")
    with pytest.raises(UserError, match="approved and frozen"):
        assembly.meetings.update_item(item.id, item.fields)
    with pytest.raises(UserError, match="approved and frozen"):
        assembly.minutes.set_preface(jig.id, "<p>Hello</p>")
    with pytest.raises(UserError, match="already approved"):
        assembly.minutes.propose_approval(jig.id)


def test_an_erratum_is_printed_after_the_approved_text(assembly, clock, jig) -> None:
    with pytest.raises(UserError, match="not approved yet"):
        assembly.minutes.add_erratum(jig.id, "Dmitri left at 18:15, not 18:11.")
    _approve(assembly, clock, jig)
    assembly.minutes.add_erratum(jig.id, "Greta arrived at 17:45.")  # freezes them first
    assert assembly.minutes.state(jig.id).approval is ApprovalState.APPROVED
    approved = assembly.minutes.document(jig.id)
    sha = assembly.minutes.state(jig.id).sha256
    with pytest.raises(UserError, match="Erratum"):
        assembly.minutes.add_erratum(jig.id, "   ")
    clock.advance(minutes=30)
    assembly.minutes.add_erratum(jig.id, "Dmitri left at 18:15, not 18:11.")
    corrected = assembly.minutes.document(jig.id)
    assert corrected.sections[:-1] == approved.sections[:-1]
    errata = corrected.sections[-1]
    assert errata.key == "errata"
    assert "Dmitri left at 18:15, not 18:11." in json.dumps(
        [b.__dict__ for b in errata.blocks], default=str
    )
    assert assembly.minutes.state(jig.id).sha256 == sha
    assert [e.text for e in assembly.minutes.errata(jig.id)] == [
        "Greta arrived at 17:45.",
        "Dmitri left at 18:15, not 18:11.",
    ]
    assert any(e.payload["event"] == "erratum" for e in assembly.audit.entries())


def test_prose_locked_while_voting_and_free_again_when_the_vote_fails(assembly, clock, jig) -> None:
    item = assembly.meetings.meeting(jig.id).items[2]
    decision_id = assembly.minutes.propose_approval(jig.id)
    assert assembly.minutes.state(jig.id).approval is ApprovalState.PROPOSED
    assembly.meetings.set_outcome(item.id, "Inspector booked for Monday.")  # still a draft
    with pytest.raises(UserError, match="already proposed"):
        assembly.minutes.propose_approval(jig.id)
    assembly.decisions.withdraw(decision_id, "Wrong meeting")
    assert assembly.minutes.state(jig.id).approval is ApprovalState.NONE
    _approve(assembly, clock, jig, votes_yes=False)
    state = assembly.minutes.state(jig.id)
    assert state.approval is ApprovalState.FAILED and state.sha256 is None
    assembly.meetings.set_outcome(item.id, "Inspector booked for Tuesday.")
    document = assembly.minutes.document(jig.id)
    assert document.draft
    assert "Inspector booked for Tuesday." in json.dumps(
        [b.__dict__ for b in document.section(f"item-{item.id}").blocks], default=str
    )


def test_locked_from_the_moment_the_approval_ballot_opens(assembly, clock, jig) -> None:
    decision_id = assembly.minutes.propose_approval(jig.id)
    decision = assembly.decisions.decision(decision_id)
    clock.now = assembly.meetings.meeting(decision.meeting_id).meeting.starts_at
    for member in assembly.members.list_members(active_only=True)[:5]:
        assembly.attendance.check_in(decision.meeting_id, member.id)
    assembly.decisions.open_ballot(decision_id)
    item = assembly.meetings.meeting(jig.id).items[0]
    with pytest.raises(UserError, match="being approved"):
        assembly.meetings.set_notes(item.id, "<p>Too late.</p>")
    assert assembly.decisions.decision(decision_id).status is DecisionStatus.OPEN


def test_approval_needs_a_later_meeting_and_a_closed_one(assembly, jig) -> None:
    planned = _meeting(assembly, "General assembly - early summer")
    with pytest.raises(UserError, match="has not ended yet"):
        assembly.minutes.propose_approval(planned.id)
    spring = _meeting(assembly, "General assembly - spring")
    with pytest.raises(UserError, match="later meeting"):
        assembly.minutes.propose_approval(jig.id, in_meeting_id=spring.id)
    assembly.meetings.start_meeting(planned.id)
    assembly.meetings.end_meeting(planned.id)
    with pytest.raises(UserError, match="Plan the next meeting first"):
        assembly.minutes.propose_approval(jig.id)


def test_tampered_approved_minutes_are_refused(assembly, clock, jig, demo_file) -> None:
    _approve(assembly, clock, jig)
    assembly.minutes.document(jig.id)
    connection = sqlite3.connect(demo_file)
    stored = json.loads(
        connection.execute(
            "SELECT document FROM minutes WHERE meeting_id = ?", (jig.id,)
        ).fetchone()[0]
    )
    stored["title"] = "Minutes of something else"
    connection.execute(
        "UPDATE minutes SET document = ? WHERE meeting_id = ?", (json.dumps(stored), jig.id)
    )
    connection.commit()
    connection.close()
    with pytest.raises(UserError, match="no longer match their SHA-256"):
        assembly.minutes.document(jig.id)


def test_preface_of_draft_minutes(assembly, jig) -> None:
    assembly.minutes.set_preface(jig.id, "<p>Chaired by <b>Bilal</b> until 18:00.</p>")
    document = assembly.minutes.document(jig.id)
    assert document.sections[0].key == "preface"
    assert inline_text(document.sections[0].blocks[0].spans) == "Chaired by Bilal until 18:00."


def test_approval_decision_is_assessed_equal_for_every_member(assembly, jig) -> None:
    decision = assembly.decisions.decision(assembly.minutes.propose_approval(jig.id))
    assert decision.status is DecisionStatus.ASSESSED
    weights = set(decision.weights.weights.values())
    assert len(weights) == 1
    assert len(decision.weights.weights) == len(assembly.members.list_members(active_only=True))
    assert decision.title.startswith("Approve the minutes of General assembly - jig quotes (")
    assert decision.opened_at is None
