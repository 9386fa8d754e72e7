"""The Meetings page: plan a meeting, build its agenda by keyboard, run it, check in,
keep the speakers' stack, record an action item that reaches the next meeting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pareconapp.core.meetings import AgendaKind, MeetingStatus
from pareconapp.core.stack import TurnKind
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.store.models import ItemState
from pareconapp.ui import passphrase
from pareconapp.ui.meetings.check_in import CheckInScreen
from pareconapp.ui.meetings.dialogs import ActionDialog, MeetingDialog
from pareconapp.ui.pages.meetings import MeetingsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def page(qtbot, demo_file, clock, message_boxes):
    from pareconapp.ui.app import create_application

    create_application()
    assembly = AssemblyService.open(demo_file, clock)
    widget = MeetingsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_assembly(assembly)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.facilitation.stop()
    assembly.close()


def _accept_meeting_dialog(monkeypatch, title: str, copy_from_index: int = 0) -> None:
    def exec_(dialog: MeetingDialog) -> int:
        dialog.title.setText(title)
        dialog.copy_from.setCurrentIndex(copy_from_index)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MeetingDialog, "exec", exec_)


def test_plan_a_meeting_and_build_its_agenda_by_keyboard(qtbot, page, monkeypatch) -> None:
    _accept_meeting_dialog(monkeypatch, "Extra assembly")
    before = len(page.list_model.rows())
    qtbot.keyClick(
        page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(page.list_model.rows()) == before + 1
    assert page.detail.meeting.title == "Extra assembly"
    agenda = page.agenda
    agenda.table.setFocus()
    for title in ("Welcome", "Budget", "Any other business"):
        qtbot.keyClick(agenda.table, Qt.Key.Key_Insert)
        assert agenda.title.hasFocus()
        agenda.title.selectAll()
        qtbot.keyClicks(agenda.title, title)
        qtbot.keyClick(agenda.title, Qt.Key.Key_Return)
        agenda.table.setFocus()
    titles = [i.title for i in page.assembly.meetings.meeting(page.detail.meeting.id).items]
    # the demo has an open action item, so the review item comes first
    assert titles == ["Review action items", "Welcome", "Budget", "Any other business"]
    # Alt+Up moves the selected (last) item up; undo and redo it
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    moved = [i.title for i in page.assembly.meetings.meeting(page.detail.meeting.id).items]
    assert moved == ["Review action items", "Welcome", "Any other business", "Budget"]
    page.undo_stack.undo()
    assert [i.title for i in agenda.detail.items] == titles
    page.undo_stack.redo()
    assert [i.title for i in agenda.detail.items] == moved
    # a bad timebox is refused with a message, nothing changes
    agenda.table.selectRow(0)
    agenda.timebox.setValue(30)
    agenda.timebox.editingFinished.emit()
    assert agenda.detail.items[0].timebox_minutes == 30
    # deleting is undoable too
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    assert len(agenda.detail.items) == 3
    page.undo_stack.undo()
    assert [i.title for i in agenda.detail.items] == moved


def test_run_the_meeting_with_the_timer(qtbot, page, clock) -> None:
    planned = next(m for m in page.list_model.rows() if m.status is MeetingStatus.PLANNED)
    page.select_meeting(planned.id)
    page.start_or_continue()
    view = page.facilitation
    assert page.mode.currentWidget() is view
    first = view.detail.current_item
    assert view.item_title.text() == "Review action items"
    clock.advance(minutes=8, seconds=30)
    view.tick()
    assert view.clock.text() == "8:30 / 10:00"
    assert view.clock.property("phase") == "warning"
    assert "wrap up" in view.clock_note.text()
    clock.advance(minutes=2)
    view.tick()
    assert view.clock.property("phase") == "overtime"
    assert view.clock_note.text().startswith("0:30 over time")
    view.notes.editor.setFocus()
    qtbot.keyClicks(view.notes.editor, "Quotes are in.")
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    detail = page.assembly.meetings.meeting(planned.id)
    assert detail.items[0].state is ItemState.DONE
    assert detail.items[0].elapsed_seconds == pytest.approx(630)
    assert "Quotes are in." in detail.items[0].notes
    assert detail.current_item.title == "Reports from the teams"
    assert view.position.text() == "Item 2 of 5"
    # pause: the clock stops
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    clock.advance(minutes=3)
    view.tick()
    assert view.clock.text() == "0:00 / 15:00"
    assert "paused" in view.clock_note.text()
    view.extend()
    assert view.detail.current_item.timebox_minutes == 16
    assert first.id != view.detail.current_item.id


def test_check_in_on_the_shared_laptop(qtbot, page, monkeypatch) -> None:
    meeting_id = page.detail.meeting.id
    screen = CheckInScreen(page.assembly, meeting_id, page)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.filter, "Dmi")
    qtbot.keyClick(screen.filter, Qt.Key.Key_Return)
    present = page.assembly.attendance.summary(meeting_id)
    assert present.in_room == 1
    assert "Welcome, Dmitri" in screen.message.text()
    assert screen.filter.text() == ""
    # leaving needs the facilitator passphrase
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: False)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.isVisible()
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


def test_speakers_stack_by_keyboard(qtbot, page, clock) -> None:
    page.start_or_continue()
    stack = page.facilitation.stack
    for name in ("Ana", "Bilal"):
        qtbot.keyClicks(stack.name_field, name)
        qtbot.keyClick(stack.name_field, Qt.Key.Key_Return)
    qtbot.keyClicks(stack.name_field, "carmen")
    qtbot.keyClick(stack.name_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    waiting = stack.state.waiting
    assert [(w.display_name, w.kind) for w in waiting] == [
        ("Carmen", TurnKind.POINT_OF_ORDER),
        ("Ana", TurnKind.NORMAL),
        ("Bilal", TurnKind.NORMAL),
    ]
    qtbot.keyClick(page.facilitation, Qt.Key.Key_F8)
    assert stack.state.current.display_name == "Carmen"
    clock.advance(seconds=75)
    stack.tick()
    assert stack.current_time.text() == "1:15"
    stack.queue.setFocus()
    stack.queue.setCurrentIndex(stack.model.index(1))  # Bilal
    qtbot.keyClick(stack.queue, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [w.display_name for w in stack.state.waiting] == ["Bilal", "Ana"]
    qtbot.keyClick(stack.queue, Qt.Key.Key_Delete)
    assert [w.display_name for w in stack.state.waiting] == ["Ana"]
    qtbot.keyClicks(stack.name_field, "Nobody by that name")
    qtbot.keyClick(stack.name_field, Qt.Key.Key_Return)
    assert [w.display_name for w in stack.state.waiting] == ["Ana"]
    assert "Nobody by that name" in stack.name_field.toolTip()


def test_action_item_reaches_the_next_meeting(qtbot, page, monkeypatch, clock) -> None:
    assembly = page.assembly
    meeting_id = assembly.meetings.create_meeting(MeetingFields("Tonight", clock()))
    assembly.meetings.add_item(meeting_id, ItemFields("Tyres", AgendaKind.DISCUSSION, 10))
    page.refresh()
    page.select_meeting(meeting_id)
    page.start_or_continue()

    def exec_(dialog: ActionDialog) -> int:
        dialog.owner.setCurrentText("Greta")
        dialog.description.setPlainText("Order winter tyres")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", exec_)
    qtbot.keyClick(
        page.facilitation,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    actions = assembly.actions.list_actions(meeting_id=meeting_id)
    assert [(a.owner, a.description, a.agenda_item_title) for a in actions] == [
        ("Greta", "Order winter tyres", "Tyres")
    ]
    # the next meeting, planned afterwards, reviews it
    page.facilitation.end_meeting()  # the confirmation is answered "Yes"
    assert assembly.meetings.meeting(meeting_id).meeting.status is MeetingStatus.CLOSED
    later = assembly.meetings.create_meeting(
        MeetingFields("Next week", clock() + timedelta(days=7))
    )
    items = assembly.meetings.meeting(later).items
    assert items[0].kind is AgendaKind.ACTION_REVIEW
    assert "Order winter tyres" in [
        a.description for a in assembly.actions.open_from_earlier(later)
    ]
    page.refresh()
    page.tabs.setCurrentWidget(page.all_actions)
    page.all_actions.overdue.setChecked(False)
    assert any(r.description == "Order winter tyres" for r in page.all_actions.model.rows())
