"""Meetings: agenda, running items with the clock, attendance, the stack, action items."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.meetings import (
    ActionStatus,
    AgendaKind,
    AttendanceStatus,
    MeetingStatus,
    TimerPhase,
)
from pareconapp.core.stack import TurnKind
from pareconapp.services.actions import ActionFields
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.store.models import ItemState


def _meeting(assembly, clock, title="General assembly", days=0, items=("Welcome", "Budget")):
    meeting_id = assembly.meetings.create_meeting(
        MeetingFields(title, clock() + timedelta(days=days), "Workshop")
    )
    for title_ in items:
        assembly.meetings.add_item(meeting_id, ItemFields(title_, timebox_minutes=10))
    return meeting_id


def _ids(assembly, n=3):
    return [m.id for m in assembly.members.list_members()[:n]]


def test_agenda_editing_and_order(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock, items=("A", "B", "C"))
    detail = assembly.meetings.meeting(meeting_id)
    a, b, c = detail.items
    assembly.meetings.move_item(c.id, 0)
    assert [i.title for i in assembly.meetings.meeting(meeting_id).items] == ["C", "A", "B"]
    assembly.meetings.add_item(meeting_id, ItemFields("Inserted", AgendaKind.DECISION, 15), index=1)
    titles = [i.title for i in assembly.meetings.meeting(meeting_id).items]
    assert titles == ["C", "Inserted", "A", "B"]
    position, fields = assembly.meetings.delete_item(a.id)
    assert (position, fields.title) == (2, "A")
    with pytest.raises(UserError, match="Timebox"):
        assembly.meetings.update_item(b.id, ItemFields("B", timebox_minutes=-1))
    with pytest.raises(UserError, match="Title"):
        assembly.meetings.update_item(b.id, ItemFields(" "))


def test_copy_previous_agenda(assembly, clock) -> None:
    first = _meeting(assembly, clock, items=("Reports", "Budget"))
    second = assembly.meetings.create_meeting(
        MeetingFields("Next", clock() + timedelta(days=7)), copy_agenda_from=first
    )
    assert [i.title for i in assembly.meetings.meeting(second).items] == ["Reports", "Budget"]


def test_running_items_with_the_timer(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock)
    assembly.meetings.start_meeting(meeting_id)
    detail = assembly.meetings.meeting(meeting_id)
    assert detail.meeting.status is MeetingStatus.IN_SESSION
    first = detail.current_item
    assert first.title == "Welcome"
    clock.advance(minutes=8, seconds=30)
    assert (
        assembly.meetings.meeting(meeting_id).current_item.timer(clock()).phase
        is TimerPhase.WARNING
    )
    clock.advance(minutes=2)
    assert (
        assembly.meetings.meeting(meeting_id).current_item.timer(clock()).phase
        is TimerPhase.OVERTIME
    )
    assert assembly.meetings.step(meeting_id, +1)
    detail = assembly.meetings.meeting(meeting_id)
    done = detail.items[0]
    assert done.state is ItemState.DONE
    assert done.elapsed_seconds == pytest.approx(630)
    assert detail.current_item.title == "Budget"
    assert not assembly.meetings.step(meeting_id, +1)  # no item after the last
    clock.advance(minutes=1)
    assembly.meetings.pause_timer(detail.current_item.id)
    clock.advance(minutes=5)  # paused: does not count
    assembly.meetings.extend_timebox(detail.current_item.id, 1)
    current = assembly.meetings.meeting(meeting_id).current_item
    assert current.timer(clock()).elapsed == timedelta(minutes=1)
    assert current.timebox_minutes == 11
    assembly.meetings.step(meeting_id, -1)  # back to the first: its time continues
    clock.advance(seconds=30)
    back = assembly.meetings.meeting(meeting_id).current_item
    assert back.title == "Welcome"
    assert back.timer(clock()).elapsed == timedelta(seconds=660)
    assembly.meetings.end_meeting(meeting_id)
    ended = assembly.meetings.meeting(meeting_id)
    assert ended.meeting.status is MeetingStatus.CLOSED
    assert ended.current_item is None
    with pytest.raises(UserError, match="closed"):
        assembly.meetings.add_item(meeting_id, ItemFields("Late"))


def test_live_notes_are_saved(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock)
    item = assembly.meetings.meeting(meeting_id).items[0]
    assembly.meetings.set_notes(item.id, "<p>We agreed to <b>buy</b> a lathe.</p>")
    assembly.meetings.set_outcome(item.id, "Lathe bought")
    item = assembly.meetings.meeting(meeting_id).items[0]
    assert "lathe" in item.notes
    assert item.outcome == "Lathe bought"


def test_cannot_start_empty_or_twice(assembly, clock) -> None:
    empty = _meeting(assembly, clock, items=())
    with pytest.raises(UserError, match="at least one"):
        assembly.meetings.start_meeting(empty)
    meeting_id = _meeting(assembly, clock)
    assembly.meetings.start_meeting(meeting_id)
    with pytest.raises(UserError, match="already been started"):
        assembly.meetings.start_meeting(meeting_id)


def test_attendance_intervals_and_present_at(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock)
    a, b, c = _ids(assembly)
    start = clock()
    assembly.attendance.check_in(meeting_id, a)
    clock.advance(minutes=5)
    assembly.attendance.check_in(meeting_id, b)
    assembly.attendance.set_status(meeting_id, c, AttendanceStatus.EXCUSED)
    clock.advance(minutes=10)
    assembly.attendance.check_out(meeting_id, a)
    clock.advance(minutes=10)
    assembly.attendance.check_in(meeting_id, a)  # back again
    assert assembly.attendance.present_at(meeting_id, start) == {a}
    assert assembly.attendance.present_at(meeting_id, start + timedelta(minutes=6)) == {a, b}
    assert assembly.attendance.present_at(meeting_id, start + timedelta(minutes=20)) == {b}
    assert assembly.attendance.present_at(meeting_id, clock()) == {a, b}
    summary = assembly.attendance.summary(meeting_id)
    assert (summary.in_room, summary.attended, summary.excused) == (2, 2, 1)
    roll = {r.member_id: r for r in assembly.attendance.roll(meeting_id)}
    assert len(roll[a].intervals) == 2
    assert roll[c].status is AttendanceStatus.EXCUSED and not roll[c].in_room
    # ending the meeting closes the open intervals at the end time
    assembly.meetings.start_meeting(meeting_id)
    clock.advance(minutes=30)
    assembly.meetings.end_meeting(meeting_id)
    assert assembly.attendance.present_at(meeting_id, clock()) == set()
    with pytest.raises(UserError, match="closed"):
        assembly.attendance.check_in(meeting_id, c)


def test_speakers_stack(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock)
    a, b, c = _ids(assembly)
    with pytest.raises(UserError, match="in session"):
        assembly.speakers.add(meeting_id, a)
    assembly.meetings.start_meeting(meeting_id)
    speakers = assembly.speakers
    speakers.add(meeting_id, a)
    speakers.add(meeting_id, b)
    with pytest.raises(UserError, match="already on the stack"):
        speakers.add(meeting_id, a)
    assert speakers.next_speaker(meeting_id).member_id == a
    clock.advance(seconds=90)
    speakers.add(meeting_id, a)  # a has spoken once
    speakers.add(meeting_id, c)  # c never
    assert [w.member_id for w in speakers.state(meeting_id).waiting] == [b, a, c]
    speakers.set_progressive(meeting_id, True)
    state = speakers.state(meeting_id)
    assert [w.member_id for w in state.waiting] == [b, c, a]  # c (0 turns) before a (1)
    assert state.turns_taken == {a: 1}
    assert state.speaking_seconds(clock()) == 90
    poo = speakers.add(meeting_id, c, TurnKind.POINT_OF_ORDER)
    assert speakers.state(meeting_id).waiting[0].entry_id == poo
    speakers.move(speakers.state(meeting_id).waiting[-1].entry_id, 1)  # a moved up by hand
    assert [w.member_id for w in speakers.state(meeting_id).waiting] == [c, a, b, c]
    assert speakers.next_speaker(meeting_id).kind is TurnKind.POINT_OF_ORDER
    clock.advance(seconds=20)
    state = speakers.state(meeting_id)
    assert state.seconds_spoken[a] == 90
    assert state.turns_taken == {a: 1, c: 1}
    speakers.withdraw(state.waiting[0].entry_id)
    assert [w.member_id for w in speakers.state(meeting_id).waiting] == [b, c]
    speakers.set_limit(meeting_id, 60)
    clock.advance(seconds=50)
    assert speakers.state(meeting_id).over_limit(clock())
    with pytest.raises(UserError, match="limit"):
        speakers.set_limit(meeting_id, 5)


def test_action_items_reach_the_next_meeting(assembly, clock) -> None:
    first = _meeting(assembly, clock, "March assembly")
    owner = _ids(assembly, 1)[0]
    item = assembly.meetings.meeting(first).items[1]
    action = assembly.actions.add(
        first, ActionFields(owner, "Order tyres", date(2026, 5, 1), item.id)
    )
    # a meeting planned later gets a "Review action items" item automatically
    second = _meeting(assembly, clock, "April assembly", days=14, items=("Reports",))
    items = assembly.meetings.meeting(second).items
    assert items[0].kind is AgendaKind.ACTION_REVIEW
    assert items[0].title == "Review action items"
    assert [a.id for a in assembly.actions.open_from_earlier(second)] == [action]
    rows = assembly.actions.list_actions(owner_id=owner)
    assert rows[0].agenda_item_title == "Budget"
    assert rows[0].overdue  # due 1 May, the clock says 4 May
    assert [r.id for r in assembly.actions.list_actions(overdue_only=True)] == [action]
    assembly.actions.set_status(action, ActionStatus.DONE)
    assert assembly.actions.list_actions(overdue_only=True) == []
    assert assembly.actions.open_from_earlier(second) == []
    with pytest.raises(UserError, match="Description"):
        assembly.actions.add(first, ActionFields(owner, "  "))


def test_an_action_added_later_updates_planned_meetings(assembly, clock) -> None:
    first = _meeting(assembly, clock, "March")
    second = _meeting(assembly, clock, "April", days=14, items=("Reports",))
    assert assembly.meetings.meeting(second).items[0].kind is AgendaKind.DISCUSSION
    assembly.actions.add(first, ActionFields(_ids(assembly, 1)[0], "Fix the door"))
    assert assembly.meetings.meeting(second).items[0].kind is AgendaKind.ACTION_REVIEW


def test_delete_meeting_only_without_records(assembly, clock) -> None:
    meeting_id = _meeting(assembly, clock)
    assembly.attendance.check_in(meeting_id, _ids(assembly, 1)[0])
    with pytest.raises(UserError, match="kept"):
        assembly.meetings.delete_meeting(meeting_id)
    other = _meeting(assembly, clock, "Spare")
    assembly.meetings.delete_meeting(other)
    assert other not in [m.id for m in assembly.meetings.list_meetings()]


def test_a_planned_meeting_with_a_decision_is_kept(assembly, clock) -> None:
    from pareconapp.services.decisions import DecisionFields

    meeting_id = _meeting(assembly, clock, "With a proposal")
    assembly.decisions.create(DecisionFields("Paint the door", meeting_id=meeting_id))
    with pytest.raises(UserError, match="kept"):
        assembly.meetings.delete_meeting(meeting_id)
