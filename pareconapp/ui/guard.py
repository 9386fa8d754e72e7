"""Run a user action and turn an expected problem into a message box."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pareconapp.core.i18n import UserError
from pareconapp.ui.errors import show_user_error

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from PySide6.QtWidgets import QWidget

T = TypeVar("T")


def guarded(parent: QWidget | None, action: Callable[[], T], title: str | None = None) -> T | None:
    """Run ``action``; on a :class:`UserError` show its message and return ``None``.

    Bugs propagate to the crash handler as usual.
    """
    try:
        return action()
    except UserError as error:
        show_user_error(parent, error, title)
        return None


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """Show a busy cursor for short synchronous work."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def attempt(parent: QWidget | None, action: Callable[[], object], title: str | None = None) -> bool:
    """Run ``action``; ``True`` if it succeeded, ``False`` (after a message) if refused."""
    try:
        action()
    except UserError as error:
        show_user_error(parent, error, title)
        return False
    return True
