"""The Members page: filters, editing in place, undo, add, leave, delete, PINs, councils, CSV."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
)

from pareconapp.services.members import MemberRow
from pareconapp.store.models import CouncilKind
from pareconapp.ui import passphrase
from pareconapp.ui.members.councils import CouncilIdRole
from pareconapp.ui.members.dialogs import LeaveDialog, MemberDialog, PinDialog
from pareconapp.ui.members.import_preview import ImportPreviewDialog
from pareconapp.ui.members.table import MemberColumn, Status
from pareconapp.ui.pages.members import MembersPage

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def page(qtbot, open_window) -> MembersPage:
    index = next(i for i, p in enumerate(open_window.pages) if p.area_id == "members")
    open_window.show_area(index)
    members = open_window.pages[index]
    assert isinstance(members, MembersPage)
    return members


def shown(page: MembersPage) -> list[MemberRow]:
    """The members the table shows, top to bottom."""
    return [
        page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row())
        for r in range(page.proxy.rowCount())
    ]


def member(page: MembersPage, display_name: str) -> MemberRow:
    return next(m for m in page.assembly.members.list_members() if m.display_name == display_name)


def cell(page: MembersPage, display_name: str, column: MemberColumn) -> QModelIndex:
    row = page.model.row_of(member(page, display_name).id)
    return page.proxy.mapFromSource(page.model.index(row, column))


def focus_cell(page: MembersPage, display_name: str, column: MemberColumn) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(cell(page, display_name, column))


def edit_by_keyboard(qtbot, page: MembersPage, display_name: str, column, text: str) -> None:
    """F2 on a cell, type ``text`` over its value, Enter."""
    focus_cell(page, display_name, column)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit | QDoubleSpinBox), "F2 opens an editor"
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, text)
    commit(qtbot, page, editor)


def commit(qtbot, page: MembersPage, editor) -> None:
    """Enter in an editor (the view commits on the next turn of the event loop)."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def tree_index(page: MembersPage, name: str) -> QModelIndex:
    hits = page.council_model.match(
        page.council_model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        name,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert hits, name
    return hits[0]


def tree_count(page: MembersPage, name: str) -> int:
    index = tree_index(page, name)
    return int(index.siblingAtColumn(1).data())


def click_council(qtbot, page: MembersPage, name: str) -> None:
    index = tree_index(page, name)
    page.councils.scrollTo(index)
    rect = page.councils.visualRect(index)
    qtbot.mouseClick(page.councils.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose(combo: QComboBox, label: str) -> None:
    index = next(i for i in range(combo.count()) if combo.itemText(i).strip() == label)
    combo.setCurrentIndex(index)


# -- finding members ------------------------------------------------------------------------


def test_search_sort_and_filters(qtbot, page) -> None:
    assert len(shown(page)) == 24
    ana = member(page, "Ana")
    assert cell(page, "Ana", MemberColumn.TEAM).data() == ana.team
    assert cell(page, "Ana", MemberColumn.CONSUMER_COUNCIL).data() == ana.consumer_council
    assert cell(page, "Ana", MemberColumn.STATUS).data() == "active"
    names = [m.display_name.casefold() for m in shown(page)]
    assert names == sorted(names)  # sorted by display name
    page.table.sortByColumn(MemberColumn.HOURS, Qt.SortOrder.DescendingOrder)
    hours = [m.weekly_hours for m in shown(page)]
    assert hours == sorted(hours, reverse=True)

    # Ctrl+F puts the cursor in the search box; words match names, teams, skills, contact
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "frame")
    assert shown(page) and all(m.team == "Frame building" for m in shown(page))
    assert "shown" in page.count_label.text()
    page.search.clear()

    # team filter (nested teams included), and the tree follows it
    choose(page.team_filter, "Repair shop")
    assert shown(page) and all(m.team == "Repair shop" for m in shown(page))
    assert page.councils.currentIndex().data() == "Repair shop"

    # clicking a consumer council in the tree filters by it and resets the team filter
    click_council(qtbot, page, "Old Town Neighbourhood Council")
    old_town = shown(page)
    assert old_town
    assert all(m.consumer_council == "Old Town Neighbourhood Council" for m in old_town)
    assert page.team_filter.currentIndex() == 0
    assert page.consumer_filter.currentText() == "Old Town Neighbourhood Council"
    active_there = sum(1 for m in old_town if m.active)
    assert tree_count(page, "Old Town Neighbourhood Council") == active_there

    # the worker council shows every member of its teams
    click_council(qtbot, page, "Wheelwright Workers' Council")
    assert len(shown(page)) == 24

    # status
    page.clear_filters()
    choose(page.status_filter, "Left")
    assert [m.display_name for m in shown(page)] == ["Ximena"]
    choose(page.status_filter, "Active")
    assert len(shown(page)) == 23 and all(m.active for m in shown(page))
    assert page.proxy.status is Status.ACTIVE

    # "Show All Members" clears everything
    qtbot.keyClicks(page.search, "zzz-nobody")
    assert shown(page) == []
    qtbot.mouseClick(page.clear_filters_button, Qt.MouseButton.LeftButton)
    assert len(shown(page)) == 24
    assert page.search.text() == ""
    assert not page.councils.currentIndex().isValid()


def test_model_is_well_behaved(qtmodeltester, page) -> None:
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.council_model)


# -- editing in place -----------------------------------------------------------------------


def test_edit_hours_by_keyboard_then_undo_and_redo(qtbot, open_window, page) -> None:
    before = member(page, "Ana").weekly_hours
    with qtbot.waitSignal(page.members_changed, timeout=1000):
        edit_by_keyboard(qtbot, page, "Ana", MemberColumn.HOURS, "12.5")
    assert member(page, "Ana").weekly_hours == 12.5
    assert cell(page, "Ana", MemberColumn.HOURS).data() == "12.5"
    assert page.undo_stack.undoText() == "Change the hours of Ana"

    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)  # the main window's Edit > Undo
    assert member(page, "Ana").weekly_hours == before
    assert cell(page, "Ana", MemberColumn.HOURS).data() == f"{before:g}"
    # Edit > Redo (its keys depend on the desktop's key scheme; offscreen it has none free)
    open_window.redo_action.trigger()
    assert member(page, "Ana").weekly_hours == 12.5
    assert open_window.undo_action.isEnabled()


def test_edit_text_and_council_cells(qtbot, page) -> None:
    edit_by_keyboard(qtbot, page, "Ana", MemberColumn.SKILLS, "welding,  wheel truing ,")
    assert member(page, "Ana").skills == ("welding", "wheel truing")
    edit_by_keyboard(qtbot, page, "Ana", MemberColumn.DISPLAY_NAME, "Ana A.")
    assert member(page, "Ana A.").name.startswith("Ana ")

    ana = member(page, "Ana A.")
    target = "Shop & logistics" if ana.team != "Shop & logistics" else "Repair shop"
    counts = tree_count(page, ana.team), tree_count(page, target)
    focus_cell(page, "Ana A.", MemberColumn.TEAM)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.currentText().strip() == ana.team
    choose(combo, target)
    commit(qtbot, page, combo)
    assert member(page, "Ana A.").team == target
    assert (tree_count(page, ana.team), tree_count(page, target)) == (counts[0] - 1, counts[1] + 1)

    # "No consumer council" is a choice too
    row = page.model.row_of(ana.id)
    assert page.model.setData(page.model.index(row, MemberColumn.CONSUMER_COUNCIL), 0)
    assert member(page, "Ana A.").consumer_council_id is None
    page.undo_stack.undo()
    assert member(page, "Ana A.").consumer_council_id == ana.consumer_council_id


def test_refused_edits_show_the_reason_and_change_nothing(qtbot, page, message_boxes) -> None:
    steps = page.undo_stack.count()
    before = member(page, "Bilal")
    # 200 hours (as pasted; the spin box itself stops at 168)
    assert not page.proxy.setData(cell(page, "Bilal", MemberColumn.HOURS), 200.0)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    assert "Hours/week" in message_boxes.shown[0][2]
    assert "200" in message_boxes.shown[0][2]
    assert member(page, "Bilal").weekly_hours == before.weekly_hours
    assert cell(page, "Bilal", MemberColumn.HOURS).data() == f"{before.weekly_hours:g}"

    # a display name another member has (case does not matter)
    edit_by_keyboard(qtbot, page, "Bilal", MemberColumn.DISPLAY_NAME, "carmen")
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 2)
    assert "already used" in message_boxes.shown[1][2]
    assert member(page, "Bilal") == before
    assert cell(page, "Bilal", MemberColumn.DISPLAY_NAME).data() == "Bilal"
    assert page.undo_stack.count() == steps


# -- adding, leaving, deleting --------------------------------------------------------------


def test_add_member_with_the_dialog(qtbot, page, monkeypatch) -> None:
    seen: list[str] = []

    def fill_in(dialog: MemberDialog) -> int:
        dialog.add_button.click()  # no name yet: the dialog says so and stays open
        seen.append(dialog.error.text())
        assert not dialog.error.isHidden()
        qtbot.keyClicks(dialog.name, "Zed Zimmer")
        qtbot.keyClicks(dialog.display_name, "Zed")
        choose(dialog.team, "Frame building")
        choose(dialog.consumer_council, "Riverside Neighbourhood Council")
        dialog.hours.setValue(30)
        qtbot.keyClicks(dialog.skills, "brazing, wheels")
        dialog.add_button.click()
        return dialog.result()

    monkeypatch.setattr(MemberDialog, "exec", fill_in)
    count = tree_count(page, "Frame building")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert seen and seen[0].startswith("Name:")
    zed = member(page, "Zed")
    assert (zed.team, zed.consumer_council, zed.weekly_hours, zed.skills) == (
        "Frame building",
        "Riverside Neighbourhood Council",
        30,
        ("brazing", "wheels"),
    )
    assert page.current_member() == zed
    assert tree_count(page, "Frame building") == count + 1

    page.undo_stack.undo()
    assert "Zed" not in {m.display_name for m in page.assembly.members.list_members()}
    assert page.model.row_of(zed.id) is None
    page.undo_stack.redo()
    assert member(page, "Zed").id == zed.id
    assert page.model.row_of(zed.id) is not None


def test_mark_as_left_with_a_date_then_undo(qtbot, page, monkeypatch) -> None:
    def pick_date(dialog: LeaveDialog) -> int:
        dialog.date.setDate(dialog.date.date().addDays(-3))
        dialog.confirm_button.click()
        return dialog.result()

    monkeypatch.setattr(LeaveDialog, "exec", pick_date)
    today = page.assembly.clock().astimezone().date()
    focus_cell(page, "Carmen", MemberColumn.DISPLAY_NAME)
    assert page.leave_action.text() == "Mark as &Left…"
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)
    carmen = member(page, "Carmen")
    assert not carmen.active
    assert (today - carmen.left_on).days == 3
    assert cell(page, "Carmen", MemberColumn.STATUS).data().startswith("left ")
    assert page.leave_action.text() == "Mark as &Returned"
    page.undo_stack.undo()
    assert member(page, "Carmen").active and member(page, "Carmen").left_on is None

    # a member who left comes back without a dialog
    focus_cell(page, "Ximena", MemberColumn.DISPLAY_NAME)
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)
    assert member(page, "Ximena").active
    assert page.undo_stack.undoText() == "Mark Ximena as returned"


def test_delete_a_fresh_member_with_the_passphrase(qtbot, page, monkeypatch) -> None:
    from pareconapp.services.members import MemberFields

    fresh = page.assembly.members.add_member(MemberFields("New Person", "Newbie"))
    page.refresh()
    answers = [False, True]
    purposes: list[str] = []

    def confirm(security, purpose, parent) -> bool:
        purposes.append(purpose)
        return answers.pop(0)

    monkeypatch.setattr(passphrase, "confirm_facilitator", confirm)
    focus_cell(page, "Newbie", MemberColumn.NAME)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # passphrase refused: nothing happens
    assert page.model.row_of(fresh.id) is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Newbie" in purposes[0]
    assert fresh.id not in {m.id for m in page.assembly.members.list_members()}
    assert page.model.row_of(fresh.id) is None
    page.undo_stack.undo()
    assert page.assembly.members.member(fresh.id).display_name == "Newbie"


def test_a_member_with_records_cannot_be_deleted(qtbot, page, monkeypatch, message_boxes) -> None:
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    steps = page.undo_stack.count()
    focus_cell(page, "Ana", MemberColumn.NAME)
    page.delete_action.trigger()
    assert message_boxes.shown and "Mark them as having left" in message_boxes.shown[-1][2]
    assert member(page, "Ana")
    assert page.undo_stack.count() == steps


# -- PINs ------------------------------------------------------------------------------------


def test_set_and_clear_a_pin(qtbot, page, monkeypatch) -> None:
    asked: list[str] = []

    def confirm(security, purpose: str, parent) -> bool:
        asked.append(purpose)
        return True

    monkeypatch.setattr(passphrase, "confirm_facilitator", confirm)
    problems: list[str] = []

    def type_pin(dialog: PinDialog) -> int:
        assert dialog.pin.echoMode() == QLineEdit.EchoMode.Password
        assert dialog.repeat.echoMode() == QLineEdit.EchoMode.Password
        qtbot.keyClicks(dialog.pin, "4711")
        qtbot.keyClicks(dialog.repeat, "4712")
        dialog.set_button.click()
        problems.append(dialog.error.text())
        qtbot.keyClicks(dialog.pin, "12")
        qtbot.keyClicks(dialog.repeat, "12")
        dialog.set_button.click()  # too short: the service's rule
        problems.append(dialog.error.text())
        qtbot.keyClicks(dialog.pin, "4711")
        qtbot.keyClicks(dialog.repeat, "4711")
        dialog.set_button.click()
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", type_pin)
    focus_cell(page, "Efua", MemberColumn.PIN)
    assert cell(page, "Efua", MemberColumn.PIN).data() == "–"
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL | SHIFT)
    assert asked and "Efua" in asked[0]
    assert "differ" in problems[0]
    assert "4 to 12 digits" in problems[1]
    efua = member(page, "Efua")
    assert page.assembly.members.verify_pin(efua.id, "4711")
    assert cell(page, "Efua", MemberColumn.PIN).data() == "✓ set"
    assert "4711" not in str([cell(page, "Efua", c).data() for c in MemberColumn])

    def clear(dialog: PinDialog) -> int:
        assert dialog.clear_button.isEnabled()
        dialog.clear_button.click()
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", clear)
    page.pin_action.trigger()
    assert not member(page, "Efua").has_pin


def test_no_pin_dialog_without_the_passphrase(page, monkeypatch) -> None:
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: False)
    monkeypatch.setattr(PinDialog, "exec", lambda dialog: pytest.fail("PIN dialog shown"))
    focus_cell(page, "Efua", MemberColumn.PIN)
    page.pin_action.trigger()


# -- councils --------------------------------------------------------------------------------


def test_add_rename_and_delete_councils_with_undo(qtbot, page, monkeypatch, message_boxes) -> None:
    names = iter(["Paint shop", "Paint & powder"])
    monkeypatch.setattr(page, "ask_name", lambda *args: next(names))
    service = page.assembly.members

    click_council(qtbot, page, "Frame building")
    page.add_team_action.trigger()  # a team inside the selected team
    paint = next(c for c in service.councils(CouncilKind.TEAM) if c.name == "Paint shop")
    assert paint.parent_id == tree_index(page, "Frame building").data(CouncilIdRole)
    assert tree_count(page, "Paint shop") == 0

    click_council(qtbot, page, "Paint shop")
    page.councils.setFocus()
    qtbot.keyClick(page.councils, Qt.Key.Key_F2)
    assert "Paint & powder" in {c.name for c in service.councils()}

    # a council with members is kept, with the service's reason
    click_council(qtbot, page, "Repair shop")
    page.councils.setFocus()
    qtbot.keyClick(page.councils, Qt.Key.Key_Delete)
    assert "still has members" in message_boxes.shown[-1][2]

    click_council(qtbot, page, "Paint & powder")
    page.councils.setFocus()
    qtbot.keyClick(page.councils, Qt.Key.Key_Delete)
    assert "Paint & powder" not in {c.name for c in service.councils()}

    page.undo_stack.undo()  # the deleted team comes back (with a new id)
    assert "Paint & powder" in {c.name for c in service.councils()}
    page.undo_stack.undo()  # its old name
    assert "Paint shop" in {c.name for c in service.councils()}
    page.undo_stack.undo()  # and it was never added
    assert "Paint shop" not in {c.name for c in service.councils()}
    page.undo_stack.redo()
    page.undo_stack.redo()
    assert "Paint & powder" in {c.name for c in service.councils()}


def test_add_a_consumer_council_and_use_it(qtbot, page, monkeypatch) -> None:
    monkeypatch.setattr(page, "ask_name", lambda *args: "Hillside Council")
    page.add_consumer_action.trigger()
    hillside = tree_index(page, "Hillside Council").data(CouncilIdRole)
    assert page.model.setData(
        page.model.index(page.model.row_of(member(page, "Ana").id), MemberColumn.CONSUMER_COUNCIL),
        hillside,
    )
    assert member(page, "Ana").consumer_council == "Hillside Council"
    assert tree_count(page, "Hillside Council") == 1


# -- CSV -------------------------------------------------------------------------------------

HEADER = "name,display_name,weekly_hours,team,consumer_council,skills\n"


def test_import_a_valid_csv(qtbot, page, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "new members.csv"
    path.write_text(
        HEADER + 'Olu Okafor,Olu,35,Repair shop,Riverside Neighbourhood Council,"welding, paint"\n'
        "Pia Petrov,,20,,,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(page, "choose_csv_to_import", lambda: path)
    seen: dict[str, object] = {}

    def check_and_import(dialog: ImportPreviewDialog) -> int:
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.model.rowCount()
        seen["first"] = [dialog.model.index(0, c).data() for c in range(7)]
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportPreviewDialog, "exec", check_and_import)
    qtbot.keyClick(page.table, Qt.Key.Key_I, CTRL)
    # (English plural forms come from a translation file; without one Qt shows "member(s)")
    assert str(seen["summary"]).startswith("2 member") and "0 problem" in str(seen["summary"])
    assert seen["first"] == [
        "2",
        "Olu Okafor",
        "Olu",
        "35",
        "Repair shop",
        "Riverside Neighbourhood Council",
        "OK",
    ]
    assert member(page, "Olu").skills == ("welding", "paint")
    assert member(page, "Pia Petrov").weekly_hours == 20
    assert page.model.rowCount() == 26
    assert page.undo_stack.undoText().startswith("Import 2 member")
    page.undo_stack.undo()
    assert len(page.assembly.members.list_members()) == 24
    assert page.model.rowCount() == 24


def test_import_with_problems_shows_them_and_stores_nothing(
    qtbot, page, monkeypatch, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "Olu Okafor,Olu,35,Repair shop,,\n"
        "Pia Petrov,Pia,200,Moon base,,\n"
        "Ana Again,ana,10,,,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(page, "choose_csv_to_import", lambda: path)
    dialogs: list[ImportPreviewDialog] = []

    def look(dialog: ImportPreviewDialog) -> int:
        dialogs.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportPreviewDialog, "exec", look)
    page.import_action.trigger()
    dialog = dialogs[0]
    assert dialog.summary.text().startswith("3 member") and "3 problem" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    model = dialog.model
    problems = [model.index(r, 6).data() for r in range(model.rowCount())]
    assert problems[0] == "OK"
    assert "168" in problems[1] and "Moon base" in problems[1]
    assert "already a member" in problems[2]
    assert "Pia Petrov" in model.index(1, 1).data()  # which row it is, as in the file
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert len(page.assembly.members.list_members()) == 24

    # problems of the whole file are shown on top
    path.write_text("nom,courriel\nOlu,olu@example.org\n", encoding="utf-8")
    dialogs.clear()
    page.import_action.trigger()
    assert not dialogs[0].file_problems.isHidden()
    assert 'Unknown column "nom"' in dialogs[0].file_problems.text()
    assert not dialogs[0].import_button.isEnabled()
    path.write_bytes(b"")
    dialogs.clear()
    page.import_action.trigger()
    assert "empty" in dialogs[0].file_problems.text()
    assert len(page.assembly.members.list_members()) == 24


def test_export_and_read_back(qtbot, page, monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "members.csv"
    target.write_text("old content", encoding="utf-8")
    monkeypatch.setattr(page, "choose_csv_export_path", lambda: target)
    qtbot.keyClick(page.table, Qt.Key.Key_E, CTRL)
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    text = data.decode("utf-8-sig")
    assert text == page.assembly.members.export_csv()
    assert len(text.splitlines()) == 25
    assert sorted(p.name for p in folder.iterdir()) == ["members.csv"]  # no temporary left
    # the file reads back: every row is (already) one of our members
    preview = page.assembly.members.preview_csv(data)
    assert len(preview.rows) == 24
    assert all("already a member" in str(row.problems[0]) for row in preview.rows)


def test_export_to_an_unwritable_place_says_so(page, monkeypatch, tmp_path, message_boxes) -> None:
    monkeypatch.setattr(page, "choose_csv_export_path", lambda: tmp_path / "missing" / "m.csv")
    page.export_action.trigger()
    assert message_boxes.shown and "Could not write" in message_boxes.shown[-1][2]


# -- keyboard --------------------------------------------------------------------------------


def test_keyboard_focus_starts_in_the_search_and_tabs_to_the_table(qtbot, page) -> None:
    assert page.search.hasFocus()  # where show_area (Ctrl+1) puts it
    qtbot.keyClicks(page.search, "carmen")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.table.hasFocus()
    assert page.current_member().display_name == "Carmen"
    chain, widget = [], page.search
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain[:6] == [
        page.status_filter,
        page.team_filter,
        page.consumer_filter,
        page.clear_filters_button,
        page.table,
        page.member_buttons[0],
    ]


def test_actions_show_their_shortcuts(page) -> None:
    for action, keys in (
        (page.add_action, "Ins"),
        (page.leave_action, "Ctrl+L"),
        (page.delete_action, "Del"),
        (page.pin_action, "Ctrl+Shift+P"),
        (page.import_action, "Ctrl+I"),
        (page.export_action, "Ctrl+E"),
        (page.find_action, "Ctrl+F"),
        (page.rename_council_action, "F2"),
    ):
        assert f"({keys})" in action.toolTip(), action.text()
    assert page.add_action in page.table.actions()  # context menu (Menu key)
    assert page.rename_council_action in page.councils.actions()


def test_today_is_the_default_leaving_date(page) -> None:
    ana = member(page, "Ana")
    dialog = LeaveDialog(ana, date(2026, 5, 4), page)
    assert dialog.left_on() == date(2026, 5, 4)
    dialog.deleteLater()
