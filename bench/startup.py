"""Start-up time: process start to the main window on a 500-member assembly.

Compared, in the same run, with a bare PySide6 window started the same way (a new Python
process that creates a QApplication and shows a QMainWindow). Two moments are measured:
"shown" - the main window's first paint (menus, sidebar, the file opening in the
background); "ready" - the Members page painted with the 500 members loaded. Goal: at most
3x the bare window.

    python bench/startup.py [--runs 7] [--members 500]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
painted = Painted()
window.installEventFilter(painted)
window.show()
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from pareconapp.ui.app import create_application, create_main_window
from pareconapp.ui.main_window import MainWindow
app = create_application()
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            obj.removeEventFilter(self)
        return False
first_paint = FirstPaint()
show = MainWindow.show
MainWindow.show = lambda self: (self.installEventFilter(first_paint), show(self))
window = create_main_window(sys.argv[1])
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
painted = Painted()
def loaded(assembly):
    # the next paint of the page is the first with the members shown
    page = window.current_page()
    page.table.viewport().installEventFilter(painted)
    page.table.viewport().update()
window.assembly_opened.connect(loaded)
window.open_failed.connect(lambda error: (print("failed", error, flush=True), app.quit()))
app.exec()
"""


def time_start(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start until it prints each of its marks (``shown``, ``ready``)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    marks: dict[str, float] = {}
    for line in process.stdout:
        marks[line.split()[0]] = time.perf_counter() - start
        if line.startswith(("ready", "failed")):
            break
    process.stdout.close()
    process.wait(timeout=60)
    if "ready" not in marks:
        raise SystemExit(f"benchmark child failed: {sorted(marks)!r}")
    marks.setdefault("shown", marks["ready"])
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--members", type=int, default=500)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[name] = str(home / name.lower())
        env["PARECONAPP_DATA_DIR"] = str(home / "data")
        assembly = home / "bench.parecon"
        demo = [sys.executable, "-m", "pareconapp", "demo", str(assembly)]
        subprocess.run(
            [*demo, "--members", str(options.members)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        time_start(BARE, [], env)  # warm the file cache for both
        time_start(APP, [str(assembly)], env)
        bare: list[float] = []
        shown: list[float] = []
        ready: list[float] = []
        for _ in range(options.runs):  # interleaved, so machine noise hits both alike
            bare.append(time_start(BARE, [], env)["ready"])
            marks = time_start(APP, [str(assembly)], env)
            shown.append(marks["shown"])
            ready.append(marks["ready"])
    bare_median = statistics.median(bare)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {options.runs}, members: {options.members}")
    for label, values in (
        ("bare PySide6 window", bare),
        ("Parecon Assembly shown", shown),
        ("Parecon Assembly ready", ready),
    ):
        median = statistics.median(values)
        print(
            f"{label:24} median {median * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, "
            f"max {max(values) * 1000:.0f})  {median / bare_median:.2f}x the bare window"
        )
    for label, values in (("shown", shown), ("ready", ready)):
        ratio = statistics.median(values) / bare_median
        print(f"{label}: {ratio:.2f}x (goal: at most 3x) -> {'OK' if ratio <= 3 else 'OVER GOAL'}")


if __name__ == "__main__":
    main()
