"""The main window: opening files, pages by keyboard, recent files, geometry."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence

pytestmark = pytest.mark.gui


def test_window_opens_on_the_demo_file(qtbot, open_window, demo_file: Path) -> None:
    window = open_window
    assert window.assembly is not None
    assert "Wheelwright Bicycle Cooperative" in window.windowTitle()
    assert window.file_label.text() == demo_file.name
    members_page = window.pages[0]
    assert members_page.model.rowCount() == 24
    assert members_page.council_model.rowCount() == 3  # worker council + 2 consumer councils
    assert window.central.currentWidget() is window.workspace


def test_every_page_is_reachable_by_keyboard(qtbot, open_window) -> None:
    window = open_window
    for number, page in enumerate(window.pages, start=1):
        qtbot.keyClick(window, Qt.Key.Key_0 + number, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is page
    # F6 puts focus in the area list; arrow keys move between areas
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.sidebar.hasFocus()
    window.sidebar.setCurrentRow(0)
    for index in range(1, len(window.pages)):
        qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
        assert window.current_page() is window.pages[index]


def test_every_page_action_has_a_shortcut(open_window) -> None:
    for number, action in enumerate(open_window.page_actions[:9], start=1):
        assert action.shortcut() == QKeySequence(f"Ctrl+{number}")


def test_new_creates_and_opens_an_assembly(qtbot, window, dialogs, tmp_path: Path) -> None:
    target = tmp_path / "Our coop.parecon"
    dialogs.name_answers.append("Our coop")
    dialogs.save_answers.append(target)
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        window.new_action.trigger()
    assert target.exists()
    assert window.assembly.name() == "Our coop"
    assert window.pages[0].model.rowCount() == 0


def test_cancelling_new_changes_nothing(qtbot, open_window, dialogs) -> None:
    dialogs.name_answers.append(None)
    before = open_window.assembly
    open_window.new_action.trigger()
    assert open_window.assembly is before


def test_open_and_recent_files(qtbot, window, dialogs, demo_file: Path, tmp_path: Path) -> None:
    dialogs.open_answers.append(demo_file)
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        window.open_action.trigger()
    assert window.settings.recent_files[0] == str(demo_file.resolve())
    window.close_action.trigger()
    assert window.assembly is None
    assert window.central.currentWidget() is window.welcome
    # the welcome screen lists it; activating it opens it again
    assert window.welcome.recent.count() == 1
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        item = window.welcome.recent.item(0)
        window.welcome.recent.itemActivated.emit(item)
    # the File > Open Recent menu offers it too
    window.close_action.trigger()
    window._fill_recent_menu()
    recent_actions = [
        a for a in window.recent_menu.actions() if a.toolTip() == str(demo_file.resolve())
    ]
    assert len(recent_actions) == 1
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        recent_actions[0].trigger()
    assert window.assembly.path == demo_file.resolve()


def test_opening_a_bad_file_shows_a_message_and_keeps_the_open_one(
    qtbot, open_window, message_boxes, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.parecon"
    bad.write_bytes(os.urandom(500))
    current = open_window.assembly
    with qtbot.waitSignal(open_window.open_failed, timeout=10_000):
        open_window.open_file(bad)
    assert open_window.assembly is current and current.is_open
    kind, title, text = message_boxes.shown[-1]
    assert kind == "warning"
    assert "bad.parecon" in title and "not a Parecon Assembly file" in text


def test_opening_the_open_file_again_is_harmless(qtbot, open_window, demo_file) -> None:
    current = open_window.assembly
    open_window.open_file(demo_file)
    assert open_window.assembly is current and current.is_open


def test_save_a_copy(qtbot, open_window, dialogs, tmp_path: Path) -> None:
    target = tmp_path / "copy.parecon"
    dialogs.save_answers.append(target)
    open_window.save_copy_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    from pareconapp.services.assembly import AssemblyService

    copy = AssemblyService.open(target)
    try:
        assert copy.name() == open_window.assembly.name()
        assert len(copy.members.list_members()) == 24
    finally:
        copy.close()


def test_geometry_is_restored(qtbot, make_window) -> None:
    first = make_window()
    # the offscreen screen is 800x600; restoreGeometry keeps windows on screen
    first.setGeometry(QRect(20, 30, 740, 500))
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (740, 500)


def test_demo_assembly_is_created_in_the_user_data_dir(qtbot, window, isolated_user_dirs) -> None:
    with qtbot.waitSignal(window.assembly_opened, timeout=15_000):
        window.demo_action.trigger()
    assert window.assembly.path == (isolated_user_dirs / "data" / "demo.parecon").resolve()


def test_about_names_the_version(open_window, message_boxes) -> None:
    from pareconapp import __version__

    open_window.about_action.trigger()
    assert __version__ in message_boxes.shown[-1][2]


def test_actions_needing_an_assembly_are_disabled_without_one(window) -> None:
    assert not window.save_copy_action.isEnabled()
    assert not window.close_action.isEnabled()
    assert all(not action.isEnabled() for action in window.page_actions)


def test_search_filters_members(qtbot, open_window) -> None:
    page = open_window.pages[0]
    qtbot.keyClicks(page.search, "lindqvist")
    rows = [
        page.proxy.mapToSource(page.proxy.index(r, 0)).row() for r in range(page.proxy.rowCount())
    ]
    assert rows, "someone in the demo is called Lindqvist"
    assert all("Lindqvist" in page.model.row_at(r).name for r in rows)
    assert len(rows) < page.model.rowCount()
    page.search.clear()
    assert page.proxy.rowCount() == page.model.rowCount()
