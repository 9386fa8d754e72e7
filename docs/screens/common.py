"""What every screenshot shares: the registry, waiting for Qt, finding pages, extra windows.

Imported only by ``docs/make_screenshots.py`` after it has pointed the settings and data
folders at a temporary place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from pareconapp.services.assembly import AssemblyService
from pareconapp.ui.main_window import MainWindow

SIZE = (1280, 800)
Shot = Callable[[MainWindow], QWidget]
SHOTS: list[tuple[str, Shot]] = []
EXTRA_WINDOWS: list[Any] = []
"""Kiosks and dialogs opened for a shot, closed before the next one that needs them gone."""


def shot(name: str) -> Callable[[Shot], Shot]:
    """Register a screen: the function prepares it and returns the widget to grab."""

    def register(function: Shot) -> Shot:
        SHOTS.append((name, function))
        return function

    return register


def settle(ms: int = 150) -> None:
    """Let Qt lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def show_area(window: MainWindow, area_id: str) -> QWidget:
    """Show the page of ``area_id`` in the main window; the window is what to grab."""
    index = next(i for i, page in enumerate(window.pages) if page.area_id == area_id)
    window.show_area(index)
    return window


def page(window: MainWindow, area_id: str) -> Any:
    """The page of ``area_id``."""
    return next(p for p in window.pages if p.area_id == area_id)


def assembly_of(window: MainWindow) -> AssemblyService:
    """The open demo assembly."""
    assert window.assembly is not None
    return window.assembly


def keep(widget: Any) -> Any:
    """Keep a kiosk or dialog alive until :func:`dismiss_extra_windows`."""
    EXTRA_WINDOWS.append(widget)
    return widget


def dismiss_extra_windows() -> None:
    """Close every kiosk and dialog a shot opened."""
    while EXTRA_WINDOWS:
        widget = EXTRA_WINDOWS.pop()
        (getattr(widget, "dismiss", None) or widget.close)()


def press(widget: QWidget, *keys: Qt.Key) -> None:
    """Press ``keys`` on the widget that has the focus in ``widget``."""
    for key in keys:
        QTest.keyClick(widget.focusWidget() or widget, key)
    settle(50)
