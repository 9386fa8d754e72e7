"""Fixtures for driving the main window offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


class ScriptedDialogs:
    """Answers the main window's questions without showing dialogs."""

    def __init__(self) -> None:
        self.open_answers: list[Path | None] = []
        self.save_answers: list[Path | None] = []
        self.name_answers: list[str | None] = []

    def open_path(self, parent, directory):
        return self.open_answers.pop(0)

    def save_path(self, parent, title, suggestion):
        return self.save_answers.pop(0)

    def assembly_name(self, parent):
        return self.name_answers.pop(0)


class MessageBoxes:
    """Records message boxes instead of showing them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.shown: list[tuple[str, str, str]] = []
        for kind in ("warning", "information", "critical"):
            monkeypatch.setattr(
                QMessageBox,
                kind,
                lambda parent, title, text, *args, k=kind, **kwargs: self._record(k, title, text),
            )
        monkeypatch.setattr(
            QMessageBox, "about", lambda parent, title, text: self._record("about", title, text)
        )
        self.answer = QMessageBox.StandardButton.Yes
        """What every question box answers."""
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _question(self, parent, title, text, *args, **kwargs):
        self.shown.append(("question", title, text))
        return self.answer

    def _record(self, kind: str, title: str, text: str):
        from PySide6.QtWidgets import QMessageBox

        self.shown.append((kind, title, text))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    return MessageBoxes(monkeypatch)


@pytest.fixture
def make_window(qtbot, dialogs, message_boxes):
    """Build a main window (closed after the test)."""
    from pareconapp.ui.app import create_application
    from pareconapp.ui.main_window import MainWindow

    create_application()
    windows = []

    def make() -> MainWindow:
        window = MainWindow(dialogs=dialogs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


def open_and_wait(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        window.open_file(path)


@pytest.fixture
def open_window(qtbot, window, demo_file):
    """A main window with a fresh demo assembly open."""
    open_and_wait(qtbot, window, demo_file)
    return window


@pytest.fixture
def open_page(qtbot, demo_file, message_boxes, monkeypatch):
    """Build a page on the demo (manual clock, passphrase granted); closed after the test.

    Use it in a module's ``page`` fixture: ``return open_page(DecisionsPage)``.
    """
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.clock import ManualClock
    from pareconapp.ui import passphrase
    from pareconapp.ui.app import create_application

    create_application()
    assemblies = []

    def make(page_class):
        assembly = AssemblyService.open(demo_file, ManualClock())
        assemblies.append(assembly)
        widget = page_class()
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.set_assembly(assembly)
        widget.show()
        monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
        return widget

    yield make
    for assembly in assemblies:
        assembly.close()
