"""Run work off the GUI thread; get result, error and progress back on the GUI thread.

Usage (the pattern of Anki's ``CollectionOp`` and Picard's ``run_task``)::

    task = BackgroundTask(lambda progress: solve(problem, progress), parent=self)
    task.progressed.connect(bar.update)
    task.succeeded.connect(self.show_solution)
    task.failed.connect(self.show_error)
    task.start()
    ...
    task.cancel()   # the work sees it at its next progress report

The callable receives a :class:`~pareconapp.core.progress.Progress`; when it raises
:class:`~pareconapp.core.progress.Cancelled` the task emits ``cancelled``. Exactly one of
``succeeded``, ``failed`` and ``cancelled`` is emitted, then ``finished``, all on the thread
that owns the task (the GUI thread).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from pareconapp.core.progress import Cancelled, Progress

if TYPE_CHECKING:
    from collections.abc import Callable

PROGRESS_INTERVAL = 0.05  # seconds between forwarded progress reports (the last one always)

_running: set[BackgroundTask] = set()


class _WorkerSignals(QObject):
    """Signals the worker thread emits; queued to the task on the GUI thread."""

    progress = Signal(int, int, str)
    done = Signal(str, object)  # outcome ("result" | "error" | "cancelled"), payload


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work

    def run(self) -> None:
        self._work()


class BackgroundTask(QObject):
    """One piece of work on the thread pool, observed from the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._signals = _WorkerSignals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._progress = Progress(self._forward_progress)
        self._last_report = 0.0
        self._runnable = _Runnable(self._run)
        self._started = False
        self._finished = False

    def start(self, pool: QThreadPool | None = None) -> BackgroundTask:
        """Start the work on ``pool`` (the global pool by default); return ``self``."""
        if self._started:
            raise RuntimeError("a BackgroundTask runs once")
        self._started = True
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._progress.cancel()

    @property
    def is_finished(self) -> bool:
        """Whether the outcome has been delivered."""
        return self._finished

    # -- worker thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._signals.done.emit("cancelled", None)
        except BaseException as error:
            self._signals.done.emit("error", error)
        else:
            self._signals.done.emit("result", result)

    def _forward_progress(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_INTERVAL:
            return
        self._last_report = now
        self._signals.progress.emit(done, total, message)

    # -- GUI thread -----------------------------------------------------------------------

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if not self._finished:
            self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _on_done(self, outcome: str, payload: object) -> None:
        self._finished = True
        _running.discard(self)
        if outcome == "result":
            self.succeeded.emit(payload)
        elif outcome == "error":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.finished.emit()


def run_in_background(
    work: Callable[[Progress], Any],
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    parent: QObject | None = None,
) -> BackgroundTask:
    """Start ``work`` in the background with the given callbacks; return the task."""
    task = BackgroundTask(work, parent)
    if on_result is not None:
        task.succeeded.connect(on_result)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    return task.start()
