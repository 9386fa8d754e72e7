"""The demo generator and the file check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pareconapp.core.demo import demo_assembly
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.checks import check_file
from pareconapp.services.demo import create_demo_file


def test_demo_is_deterministic() -> None:
    assert demo_assembly(members=60, seed=3) == demo_assembly(members=60, seed=3)
    assert demo_assembly(members=60, seed=3) != demo_assembly(members=60, seed=4)


def test_demo_has_three_teams_two_consumer_councils_and_unique_names() -> None:
    demo = demo_assembly(members=500)
    kinds = [c.kind for c in demo.councils]
    assert kinds.count("worker") == 1
    assert kinds.count("team") == 3
    assert kinds.count("consumer") == 2
    names = [m.display_name for m in demo.members]
    assert len(set(names)) == len(names) == 500
    assert all(0 < m.weekly_hours <= 40 for m in demo.members)


def test_demo_file_holds_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "coop.parecon"
    create_demo_file(path, members=30, seed=5)
    assembly = AssemblyService.open(path)
    try:
        assert assembly.name() == "Wheelwright Bicycle Cooperative"
        members = assembly.members.list_members()
        assert [m.display_name for m in members if m.active] == sorted(
            m.display_name for m in members if m.active
        )
        expected = demo_assembly(members=30, seed=5)
        assert {m.display_name for m in members} == {m.display_name for m in expected.members}
        tree = assembly.members.council_tree()
        worker = tree[0]
        assert [c.name for c in worker.children] == [
            "Repair shop",
            "Frame building",
            "Shop & logistics",
        ]
        active = sum(1 for m in members if m.active)
        assert worker.member_count == active
        assert sum(node.member_count for node in tree[1:]) == active
    finally:
        assembly.close()


def test_check_passes_on_a_good_file(demo_file: Path) -> None:
    report = check_file(demo_file)
    assert report.ok
    assert report.revision is not None


def test_check_finds_broken_foreign_keys(demo_file: Path) -> None:
    connection = sqlite3.connect(demo_file)
    connection.execute("UPDATE member SET team_id = 999 WHERE id = 1")
    connection.commit()
    connection.close()
    report = check_file(demo_file)
    assert not report.ok
    assert any("member" in str(p) and "council" in str(p) for p in report.problems)


def test_check_reports_a_newer_schema(demo_file: Path) -> None:
    connection = sqlite3.connect(demo_file)
    connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    connection.commit()
    connection.close()
    report = check_file(demo_file)
    assert not report.ok
    assert "newer version" in str(report.problems[0])


def test_check_reports_a_non_assembly(tmp_path: Path) -> None:
    path = tmp_path / "x.parecon"
    path.write_text("hello")
    report = check_file(path)
    assert not report.ok
    assert "not a Parecon Assembly file" in str(report.problems[0])


def test_demo_meetings(demo_assembly) -> None:
    from pareconapp.core.meetings import AgendaKind, MeetingStatus

    meetings = demo_assembly.meetings.list_meetings()
    assert [m.status for m in meetings] == [
        MeetingStatus.PLANNED,
        MeetingStatus.CLOSED,
        MeetingStatus.CLOSED,
    ]
    planned, _recent, older = meetings
    assert demo_assembly.meetings.meeting(planned.id).items[0].kind is AgendaKind.ACTION_REVIEW
    overdue = demo_assembly.actions.list_actions(overdue_only=True)
    assert len(overdue) == 1
    assert overdue[0].meeting_id == older.id
    summary = demo_assembly.attendance.summary(older.id)
    assert summary.attended >= 15
    assert summary.absent == 2
    assert summary.excused == 1
    notes = [i.notes for i in demo_assembly.meetings.meeting(older.id).items if i.notes]
    assert notes and all(n.startswith("<p>") for n in notes)


def test_check_verifies_approved_minutes(demo_file: Path) -> None:
    from pareconapp.core.meetings import MeetingStatus

    assembly = AssemblyService.open(demo_file)
    held = next(m for m in assembly.minutes.held_meetings() if m.status is MeetingStatus.CLOSED)
    decision_id = assembly.minutes.propose_approval(held.id)
    members = assembly.members.list_members(active_only=True)
    assembly.decisions.open_ballot(decision_id)
    assembly.decisions.set_hand_counts(decision_id, {(0, '"yes"'): len(members)})
    assembly.decisions.close_ballot(decision_id)
    assert assembly.minutes.sync_approvals() == [held.id]
    assembly.close()
    report = check_file(demo_file)
    assert report.ok, report.problems
    assert any("approved minutes: 1" in str(p) for p in report.passed)

    # a changed approved document is found, whatever else still looks right
    connection = sqlite3.connect(demo_file)
    connection.execute(
        "UPDATE minutes SET document = replace(document, 'Workshop floor', 'Warehouse') "
        "WHERE meeting_id = ?",
        (held.id,),
    )
    connection.commit()
    connection.close()
    report = check_file(demo_file)
    assert not report.ok
    assert any(held.title in str(p) and "SHA-256" in str(p) for p in report.problems)
