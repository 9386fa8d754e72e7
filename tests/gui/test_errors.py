"""Known problems become messages; bugs reach the crash dialog and the log."""

from __future__ import annotations

import pytest

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.ui.errors import CrashDialog, ErrorReporter

pytestmark = pytest.mark.gui


def test_user_error_becomes_a_warning(qtbot, message_boxes) -> None:
    reporter = ErrorReporter(lambda: None)
    error = UserError(
        UserMessage(QT_TRANSLATE_NOOP("test", "Hours must be 0-168, not {v}"), {"v": 200})
    )
    reporter.report(error)
    assert message_boxes.shown[-1][0] == "warning"
    assert message_boxes.shown[-1][2] == "Hours must be 0-168, not 200"


def test_bug_goes_to_crash_dialog_and_log(qtbot, monkeypatch, isolated_user_dirs) -> None:
    shown: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    reporter = ErrorReporter(lambda: None)
    try:
        raise KeyError("a bug")
    except KeyError as error:
        reporter.report(error)
    assert len(shown) == 1
    assert "KeyError: 'a bug'" in shown[0].details.toPlainText()
    logs = list((isolated_user_dirs / "data" / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "KeyError" in logs[0].read_text()
    assert shown[0].log_path == logs[0]


def test_quit_from_the_crash_dialog(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: 2)
    quits: list[bool] = []
    reporter = ErrorReporter(lambda: None, on_quit=lambda: quits.append(True))
    reporter.report(RuntimeError("bug"))
    assert quits == [True]


def test_exceptions_from_other_threads_are_routed_to_the_gui_thread(qtbot, monkeypatch) -> None:
    import threading

    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    seen: list[bool] = []
    monkeypatch.setattr(
        CrashDialog,
        "exec",
        lambda dialog: (
            seen.append(QThread.currentThread() is QApplication.instance().thread()) or 0
        ),
    )
    reporter = ErrorReporter(lambda: None)
    thread = threading.Thread(
        target=lambda: reporter.excepthook(RuntimeError, RuntimeError("x"), None)
    )
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [True]
