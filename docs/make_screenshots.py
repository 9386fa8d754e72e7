"""Render every screen of the demo assembly offscreen into docs/screenshots/*.png (1280x800).

Run with ``make screenshots``; name screens to render only those (``python
docs/make_screenshots.py members jobs-tasks``; ``minutes-pdf`` for the PDF pages), and set
``SCREENSHOTS_DIR`` to write elsewhere. Each screen is a function registered with
:func:`screens.common.shot`: the main window's areas below, every other area in its module of
``docs/screens/``. The user's real settings and data are never touched: the demo assembly and
the settings live in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = Path(tempfile.mkdtemp(prefix="pareconapp-shots-"))
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_home / _name.lower())
os.environ["PARECONAPP_DATA_DIR"] = str(_home / "data")

from PySide6.QtCore import QEventLoop, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(_home / "settings"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screens.common import (  # noqa: E402
    SHOTS,
    SIZE,
    dismiss_extra_windows,
    keep,
    page,
    press,
    settle,
    shot,
    show_area,
)

from pareconapp.core.stack import TurnKind  # noqa: E402
from pareconapp.services.demo import create_demo_file  # noqa: E402
from pareconapp.ui.app import create_application  # noqa: E402
from pareconapp.ui.main_window import MainWindow  # noqa: E402

OUT = Path(os.environ.get("SCREENSHOTS_DIR") or Path(__file__).resolve().parent / "screenshots")


@shot("welcome")
def welcome(window: MainWindow) -> QWidget:
    window.close_assembly()
    return window


@shot("members")
def members(window: MainWindow) -> QWidget:
    return show_area(window, "members")


@shot("meetings-agenda")
def meetings_agenda(window: MainWindow) -> QWidget:
    show_area(window, "meetings")
    meetings = page(window, "meetings")
    meetings.tabs.setCurrentIndex(0)
    meetings.detail_tabs.setCurrentIndex(0)
    meetings.agenda.table.selectRow(2)
    return window


@shot("meetings-attendance")
def meetings_attendance(window: MainWindow) -> QWidget:
    show_area(window, "meetings")
    meetings = page(window, "meetings")
    held = [m for m in meetings.list_model.rows() if m.status.value == "closed"]
    meetings.select_meeting(held[-1].id)
    meetings.detail_tabs.setCurrentIndex(1)
    return window


@shot("action-items")
def action_items(window: MainWindow) -> QWidget:
    show_area(window, "meetings")
    meetings = page(window, "meetings")
    meetings.tabs.setCurrentWidget(meetings.all_actions)
    meetings.all_actions.status.setCurrentIndex(3)
    meetings.all_actions.reload()
    return window


@shot("facilitation")
def facilitation(window: MainWindow) -> QWidget:
    show_area(window, "meetings")
    meetings = page(window, "meetings")
    meetings.tabs.setCurrentIndex(0)
    planned = next(m for m in meetings.list_model.rows() if m.status.value == "planned")
    meetings.select_meeting(planned.id)
    assembly = window.assembly
    assert assembly is not None
    members = [m.id for m in assembly.members.list_members(active_only=True)]
    for member in members[:17]:
        assembly.attendance.check_in(planned.id, member)
    meetings.start_or_continue()
    assembly.meetings.step(planned.id, +1)
    for member in members[3:6]:
        assembly.speakers.add(planned.id, member)
    assembly.speakers.next_speaker(planned.id)
    assembly.speakers.add(planned.id, members[8], TurnKind.DIRECT_RESPONSE)
    assembly.speakers.add(planned.id, members[9])
    meetings.facilitation.reload()
    meetings.facilitation.stack.refresh()
    meetings.facilitation.notes.set_html(
        "<p>Team reports: the repair shop is two weeks behind; <b>tyre stock</b> is fine "
        "again.</p><ul><li>Frame team: first aluminium frame welded.</li></ul>"
    )
    return window


@shot("decisions-impact")
def decisions_impact(window: MainWindow) -> QWidget:
    show_area(window, "decisions")
    decisions = page(window, "decisions")
    assessed = next(d for d in decisions.model.rows() if d.status.value == "assessed")
    decisions.select(assessed.id)
    decisions.tabs.setCurrentWidget(decisions.impact)
    return window


@shot("decisions-proposal")
def decisions_proposal(window: MainWindow) -> QWidget:
    show_area(window, "decisions")
    decisions = page(window, "decisions")
    assessed = next(d for d in decisions.model.rows() if d.status.value == "assessed")
    decisions.select(assessed.id)
    decisions.tabs.setCurrentWidget(decisions.proposal)
    return window


@shot("decisions-ballot")
def decisions_ballot(window: MainWindow) -> QWidget:
    show_area(window, "decisions")
    decisions = page(window, "decisions")
    opened = next(d for d in decisions.model.rows() if d.status.value == "open")
    decisions.select(opened.id)
    decisions.tabs.setCurrentWidget(decisions.ballot)
    return window


@shot("decisions-result")
def decisions_result(window: MainWindow) -> QWidget:
    show_area(window, "decisions")
    decisions = page(window, "decisions")
    closed = next(d for d in decisions.model.rows() if d.title.startswith("Open on Saturdays"))
    decisions.select(closed.id)
    decisions.tabs.setCurrentWidget(decisions.result)
    return window


@shot("decisions-result-ranked")
def decisions_result_ranked(window: MainWindow) -> QWidget:
    show_area(window, "decisions")
    decisions = page(window, "decisions")
    closed = next(d for d in decisions.model.rows() if d.title.startswith("Colour"))
    decisions.select(closed.id)
    decisions.tabs.setCurrentWidget(decisions.result)
    return window


@shot("remuneration")
def remuneration(window: MainWindow) -> QWidget:
    show_area(window, "remuneration")
    remuneration_page = page(window, "remuneration")
    remuneration_page.table.selectRow(2)
    return window


def kiosk_on(window: MainWindow, title_start: str) -> Any:
    """The voting screen of the demo decision whose title starts with ``title_start``."""
    from pareconapp.ui.decisions.kiosk_session import DecisionKioskSession
    from pareconapp.ui.kiosk.window import KioskWindow

    dismiss_extra_windows()
    assembly = window.assembly
    assert assembly is not None
    decision = next(
        d for d in assembly.decisions.list_decisions() if d.title.startswith(title_start)
    )
    kiosk = KioskWindow(DecisionKioskSession(assembly, decision.id))
    kiosk.confirm_guard_ms = 0
    kiosk.resize(*SIZE)
    kiosk.start(full_screen=False)
    kiosk.resize(*SIZE)
    keep(kiosk)
    settle()
    return kiosk


@shot("kiosk-handover")
def kiosk_handover(window: MainWindow) -> QWidget:
    return kiosk_on(window, "Tyre supplier")


@shot("kiosk-names")
def kiosk_names(window: MainWindow) -> QWidget:
    kiosk = kiosk_on(window, "Tyre supplier")
    press(kiosk, Qt.Key.Key_Return)
    return kiosk


@shot("kiosk-ballot")
def kiosk_ballot(window: MainWindow) -> QWidget:
    kiosk = kiosk_on(window, "Tyre supplier")
    press(kiosk, Qt.Key.Key_Return)
    person = next(p for p in kiosk.session.people() if p.can_take_part)
    QTest.keyClicks(kiosk.filter, person.display_name)
    press(kiosk, Qt.Key.Key_Return, Qt.Key.Key_2)
    return kiosk


@shot("kiosk-review")
def kiosk_review(window: MainWindow) -> QWidget:
    kiosk = kiosk_on(window, "Tyre supplier")
    press(kiosk, Qt.Key.Key_Return)
    person = next(p for p in kiosk.session.people() if p.can_take_part)
    QTest.keyClicks(kiosk.filter, person.display_name)
    press(kiosk, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return)
    return kiosk


# -- projector (pareconapp.ui.projector): every view, 1920x1080 and 1024x768, light and dark --

PROJECTOR_VIEWS = (
    "agenda",
    "item",
    "stack",
    "proposal",
    "weights",
    "progress",
    "result",
    "ratings",
    "jobs",
    "planning",
)
PROJECTOR_SIZES = ((1920, 1080), (1024, 768))
PROJECTOR_THEMES = ("light", "dark")
PROJECTOR_DECISIONS = {
    "proposal": "Buy the frame jig",
    "weights": "Buy the frame jig",
    "progress": "Tyre supplier",
    "result": "Open on Saturdays",
}
PROJECTOR_CLOCK_OFFSET = {"item": (13, 30), "stack": (1, 40)}
"""Minutes and seconds the projector's clock runs ahead: the item near the end of its
timebox (the warning shows), the speaker a little while into their turn."""


def projector_meeting(window: MainWindow) -> int:
    """The demo's planned meeting in session on its reports, with a speaker and a queue."""
    assembly = window.assembly
    assert assembly is not None
    meetings = assembly.meetings.list_meetings()
    running = next((m for m in meetings if m.status.value == "in_session"), None)
    members = [m.id for m in assembly.members.list_members(active_only=True)]
    if running is None:
        planned = next(m for m in meetings if m.status.value == "planned")
        for member in members[:17]:
            assembly.attendance.check_in(planned.id, member)
        assembly.meetings.start_meeting(planned.id)
        assembly.meetings.step(planned.id, +1)
        meeting_id = planned.id
    else:
        meeting_id = running.id
    state = assembly.speakers.state(meeting_id)
    if state.current is None and not state.waiting:
        for member in members[3:6]:
            assembly.speakers.add(meeting_id, member)
        assembly.speakers.next_speaker(meeting_id)
        assembly.speakers.add(meeting_id, members[8], TurnKind.DIRECT_RESPONSE)
        assembly.speakers.add(meeting_id, members[9])
        assembly.speakers.add(meeting_id, members[11], TurnKind.POINT_OF_ORDER)
    return meeting_id


def projector_view(view: str, width: int, height: int, theme: str, window: MainWindow) -> QWidget:
    """The projector window itself at ``width`` x ``height`` showing ``view``."""
    from datetime import timedelta

    dismiss_extra_windows()  # a kiosk on screen would keep the projector on ballot progress
    assembly = window.assembly
    assert assembly is not None
    projector_meeting(window)
    controller = window.projector.controller
    minutes, seconds = PROJECTOR_CLOCK_OFFSET.get(view, (0, 0))
    controller.clock = lambda: assembly.clock() + timedelta(minutes=minutes, seconds=seconds)
    controller.set_theme(theme)
    title = PROJECTOR_DECISIONS.get(view)
    if title is not None:
        decision = next(d for d in assembly.decisions.list_decisions() if d.title.startswith(title))
        controller.set_focus_decision(decision.id)
    controller.pin(view)
    projector = controller.window
    projector.resize(width, height)
    projector.show()
    projector.resize(width, height)
    settle(50)
    controller.refresh()
    return projector


for _view in PROJECTOR_VIEWS:
    for _width, _height in PROJECTOR_SIZES:
        for _theme in PROJECTOR_THEMES:
            shot(f"projector-{_view}-{_width}x{_height}-{_theme}")(
                partial(projector_view, _view, _width, _height, _theme)
            )


# every other area registers its screens on import, after the ones above
from screens import jobs, minutes, planning  # noqa: E402, F401


def open_demo(window: MainWindow, path: Path) -> None:
    loop = QEventLoop()
    window.assembly_opened.connect(loop.quit)
    window.open_failed.connect(lambda error: (print(error, file=sys.stderr), loop.quit()))
    window.open_file(path)
    loop.exec()
    if window.assembly is None:
        raise SystemExit("could not open the demo assembly")


def main() -> None:
    app = create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    demo = _home / "Wheelwright.parecon"
    create_demo_file(demo)
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    only = set(sys.argv[1:])
    for name, prepare in SHOTS:
        if only and name not in only:
            continue
        if window.assembly is None and name != "welcome":
            open_demo(window, demo)
        widget = prepare(window)
        settle()
        target = OUT / f"{name}.png"
        widget.grab().save(str(target))
        print(f"wrote {target}")
    if not only or "minutes-pdf" in only:
        if window.assembly is None:
            open_demo(window, demo)
        pages = minutes.minutes_pdf_pages(window, OUT)
        for target in pages:
            print(f"wrote {target}")
        if not pages:
            print("minutes-page-*.png left out: pdftoppm (poppler-utils) is not installed")
    dismiss_extra_windows()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
