"""Progress reporting and cancellation for long work, usable from any thread.

Long operations (solvers, planning rounds, exports, imports) take a :class:`Progress` and
call :meth:`Progress.report` now and then; the GUI runs them through its background helper,
which turns the reports into signals on the GUI thread and can request cancellation.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside long work when its caller asked it to stop."""


class Progress:
    """A thread-safe progress sink with a cancellation flag."""

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Report ``done`` of ``total`` steps; raise :class:`Cancelled` if asked to stop."""
        self.check_cancelled()
        if self._callback is not None:
            self._callback(done, total, message)

    def cancel(self) -> None:
        """Ask the work to stop at its next report or check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancellation has been requested."""
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise :class:`Cancelled` if cancellation has been requested."""
        if self._cancel.is_set():
            raise Cancelled
