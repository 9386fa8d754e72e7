"""The main window's "File > Export Minutes…" action."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence


def install_minutes_actions(window: Any) -> QAction:
    """Add "Export Minutes…" (Ctrl+Shift+M) to ``window``'s File menu and return it.

    ``window`` is the :class:`~pareconapp.ui.main_window.MainWindow`: the action goes just
    above "Save a Copy As…", is enabled while an assembly is open, and opens the minutes of
    the meeting selected on the Meetings page (else the last one held).
    """
    action = QAction(QCoreApplication.translate("Minutes", "Export &Minutes…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    action.setStatusTip(
        QCoreApplication.translate(
            "Minutes", "Preview the minutes of a meeting and export them (PDF, ODT, HTML...)"
        )
    )

    def open_dialog() -> None:
        from pareconapp.ui.minutes.dialog import open_minutes_dialog  # built on first use

        assembly = window.assembly
        if assembly is None:
            return
        if open_minutes_dialog(window, assembly, _selected_meeting(window)):
            for page in window.loaded_pages():
                page.stale = True
            current = window.current_page()
            if current is not None:
                current.stale = False
                current.refresh()

    action.triggered.connect(open_dialog)
    menu = next(
        (
            m.menu()
            for m in window.menuBar().actions()
            if m.menu() is not None and window.save_copy_action in m.menu().actions()
        ),
        None,
    )
    if menu is not None:
        menu.insertAction(window.save_copy_action, action)
    else:
        window.menuBar().addAction(action)
    action.setEnabled(window.assembly is not None)
    window.assembly_opened.connect(lambda _assembly: action.setEnabled(True))
    window.assembly_closed.connect(lambda: action.setEnabled(False))
    window.minutes_action = action
    return action


def _selected_meeting(window: Any) -> int | None:
    loaded = getattr(window, "loaded_pages", None)  # pages not shown yet select nothing
    for page in loaded() if callable(loaded) else getattr(window, "pages", []):
        detail = getattr(page, "detail", None)
        if getattr(page, "area_id", "") == "meetings" and detail is not None:
            return int(detail.meeting.id)
    return None
