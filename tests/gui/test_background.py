"""The background helper delivers results, errors, progress and cancellation on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from pareconapp.core.progress import Cancelled, Progress
from pareconapp.ui.background import BackgroundTask, run_in_background

pytestmark = pytest.mark.gui


def _gui_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    worker_threads: list[int] = []
    seen: list[tuple[object, bool]] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    task = BackgroundTask(work)
    task.succeeded.connect(
        lambda value: seen.append((value, QThread.currentThread() is _gui_thread()))
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen == [(42, True)]
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert task.is_finished


def test_error_arrives_on_the_gui_thread(qtbot) -> None:
    errors: list[tuple[BaseException, bool]] = []

    def work(progress: Progress) -> None:
        raise ValueError("bad input")

    task = run_in_background(
        work, on_error=lambda e: errors.append((e, QThread.currentThread() is _gui_thread()))
    )
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert len(errors) == 1
    error, on_gui = errors[0]
    assert isinstance(error, ValueError) and str(error) == "bad input" and on_gui


def test_progress_and_cancel(qtbot) -> None:
    started = threading.Event()
    reports: list[tuple[int, int, str, bool]] = []
    outcomes: list[str] = []

    def work(progress: Progress) -> str:
        progress.report(0, 100, "starting")
        started.set()
        for step in range(1, 10_000_000):
            progress.report(min(step, 99), 100, "working")  # raises Cancelled once asked
        return "never"

    task = BackgroundTask(work)
    task.progressed.connect(
        lambda d, t, m: reports.append((d, t, m, QThread.currentThread() is _gui_thread()))
    )
    task.succeeded.connect(lambda _: outcomes.append("succeeded"))
    task.failed.connect(lambda _: outcomes.append("failed"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    task.start()
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(reports) >= 1, timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert outcomes == ["cancelled"]
    assert reports[0][:3] == (0, 100, "starting")
    assert all(on_gui for *_, on_gui in reports)


def test_progress_reports_are_throttled_but_the_last_arrives(qtbot) -> None:
    reports: list[int] = []

    def work(progress: Progress) -> None:
        for step in range(1, 20_001):
            progress.report(step, 20_000)

    task = BackgroundTask(work)
    task.progressed.connect(lambda done, total, message: reports.append(done))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        task.start()
    qtbot.wait(50)
    assert reports[-1] == 20_000
    assert len(reports) < 2_000


def test_a_task_runs_once(qtbot) -> None:
    task = BackgroundTask(lambda progress: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    with pytest.raises(RuntimeError):
        task.start()


def test_cancelled_is_reported_even_without_progress_reports(qtbot) -> None:
    def work(progress: Progress) -> None:
        raise Cancelled

    outcomes: list[str] = []
    task = BackgroundTask(work)
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert outcomes == ["cancelled"]
