"""Projector mode: follows the meeting, pin/follow/blank by keyboard, the countdown's warning
and overtime on a controllable clock, the stack, privacy of secret ballots (checked on the
view models), the window and its screen, paging, the preview and the cheat sheet."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from fractions import Fraction

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QMouseEvent, QPainter, QShortcut
from PySide6.QtWidgets import QApplication, QDialog

from pareconapp.core.decisions import DecisionResult, DecisionRule, RuleKind
from pareconapp.core.decisions.results import Count, OptionCount
from pareconapp.core.meetings import TimerPhase
from pareconapp.core.stack import TurnKind
from pareconapp.services import decisions as decision_service
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.cheat_sheet import ShortcutsDialog
from pareconapp.ui.projector.follow import Reason
from pareconapp.ui.projector.models import ProjectorSource, ResultModel
from pareconapp.ui.projector.paint import Canvas, Colours, fit_lines, visible_rows
from pareconapp.ui.projector.screens import ScreenChoice, ScreenChooser
from pareconapp.ui.projector.surface import paint_shown
from pareconapp.ui.projector.views import all_views, view_classes
from pareconapp.ui.projector.views.meeting import clock_note, clock_text, phase_colour
from pareconapp.ui.settings import Settings

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
PLANNED = "General assembly - early summer"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def main(qtbot, make_window, demo_file, clock, monkeypatch):
    """The main window with the demo open on a manual clock."""
    original = AssemblyService.open.__func__

    def open_with_clock(cls, path, _clock=None):
        return original(cls, path, clock)

    monkeypatch.setattr(AssemblyService, "open", classmethod(open_with_clock))
    window = make_window()
    with qtbot.waitSignal(window.assembly_opened, timeout=10_000):
        window.open_file(demo_file)
    return window


@pytest.fixture
def controller(main):
    return main.projector.controller


def _meeting(main) -> int:
    return next(m.id for m in main.assembly.meetings.list_meetings() if m.title == PLANNED)


def _decision(main, title_start: str):
    return next(
        d for d in main.assembly.decisions.list_decisions() if d.title.startswith(title_start)
    )


def _start(main, items_forward: int = 0) -> int:
    meeting_id = _meeting(main)
    main.assembly.meetings.start_meeting(meeting_id)
    for _ in range(items_forward):
        main.assembly.meetings.step(meeting_id, +1)
    main.projector.controller.refresh(discover=True)
    return meeting_id


def _paint(controller) -> QImage:
    """What the room would see now, painted at the projector's size; never blank."""
    rect = controller.canvas_rect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    colours = controller.surface.colours()
    paint_shown(painter, rect, controller.shown, controller.views, colours, main_font())
    painter.end()
    background = colours.background.rgb()
    assert any(
        image.pixel(x, y) != background
        for x in range(0, image.width(), 9)
        for y in range(0, image.height(), 9)
    ), "nothing painted"
    return image


def main_font():
    return QApplication.font()


def _show_area(main, area_id: str) -> None:
    main.show_area(next(i for i, p in enumerate(main.pages) if p.area_id == area_id))


# -- following the meeting -----------------------------------------------------------------


def test_follows_the_meeting_item_by_item_and_its_decision(main, controller) -> None:
    controller.refresh(discover=True)
    assert controller.shown.view_id == follow.AGENDA  # the next planned meeting
    assert controller.shown.model.meeting.title == PLANNED
    assert controller.shown.model.current_index is None

    meeting_id = _start(main)
    assert controller.shown.view_id == follow.ITEM
    assert controller.shown.reason is Reason.FOLLOW
    assert controller.shown.model.item.title == "Review action items"
    assert (controller.shown.model.position, controller.shown.model.count) == (1, 5)

    main.assembly.meetings.step(meeting_id, +1)
    controller.refresh()
    assert controller.shown.model.item.title == "Reports from the teams"

    # the next item has a decision: the room sees its proposal, then the ballot, the result
    main.assembly.meetings.step(meeting_id, +1)
    controller.refresh()
    jig = _decision(main, "Buy the frame jig")
    assert controller.shown.view_id == follow.PROPOSAL
    assert controller.shown.model.decision_id == jig.id
    main.assembly.decisions.open_ballot(jig.id, accept_small_classes=True)
    controller.refresh()
    assert controller.shown.view_id == follow.PROGRESS
    main.assembly.decisions.close_ballot(jig.id)
    controller.refresh()
    assert controller.shown.view_id == follow.RESULT
    assert controller.shown.model.result is not None

    # the agenda view highlights the current item
    controller.pin(follow.AGENDA)
    agenda = controller.shown.model
    assert agenda.items[agenda.current_index].title == "Buy the frame jig?"


def test_the_open_projector_follows_by_itself(qtbot, main, controller) -> None:
    """With the window open the projector refreshes on its own (no signal needed)."""
    meeting_id = _start(main)
    screen = QGuiApplication.primaryScreen()
    controller.open_window(ScreenChoice(screen.name(), False))
    assert controller.is_open
    main.assembly.meetings.step(meeting_id, +1)
    qtbot.waitUntil(
        lambda: controller.shown.model.item.title == "Reports from the teams", timeout=3000
    )
    main.assembly.speakers.add(meeting_id, main.assembly.members.list_members()[0].id)
    qtbot.waitUntil(lambda: controller.shown.model.stack is not None, timeout=3000)


def test_a_decision_chosen_on_the_decisions_page_takes_the_focus(main, controller) -> None:
    _start(main, items_forward=1)
    assert controller.shown.view_id == follow.ITEM
    _show_area(main, "decisions")
    page = next(p for p in main.pages if p.area_id == "decisions")
    page.select(_decision(main, "Open on Saturdays").id)
    assert controller.shown.view_id == follow.RESULT
    assert controller.shown.model.title.startswith("Open on Saturdays")
    # following again returns to the current item
    controller.follow()
    assert controller.shown.view_id == follow.ITEM


# -- pin, follow, blank --------------------------------------------------------------------


def test_pin_follow_and_blank_by_keyboard(qtbot, main, controller) -> None:
    meeting_id = _start(main)
    projector = main.projector
    qtbot.keyClick(main, Qt.Key.Key_3, ALT)
    assert controller.pinned == follow.STACK
    assert (controller.shown.view_id, controller.shown.reason) == (follow.STACK, Reason.PINNED)
    assert projector.view_actions[follow.STACK].isChecked()

    main.assembly.meetings.step(meeting_id, +1)
    controller.refresh()
    assert controller.shown.view_id == follow.STACK  # a pinned view stays

    qtbot.keyClick(main, Qt.Key.Key_F7)
    assert controller.shown.view_id == follow.BLANK
    assert projector.blank_action.isChecked()
    qtbot.keyClick(main, Qt.Key.Key_F7)
    assert controller.shown.view_id == follow.STACK

    qtbot.keyClick(main, Qt.Key.Key_0, ALT)
    assert controller.pinned is None
    assert controller.shown.view_id == follow.ITEM
    assert controller.shown.model.item.title == "Reports from the teams"
    assert projector.follow_action.isChecked()

    for number, cls in enumerate(view_classes(), start=1):
        expected = QKeySequence(f"Alt+{number}") if number <= 9 else QKeySequence()
        assert projector.view_actions[cls.view_id].shortcut() == expected  # later: the menu


def test_every_view_paints_at_every_size_without_choices(main, controller) -> None:
    """Smoke: each view paints its model at 1024x768, 1920x1080 and 4K, in both themes."""
    _start(main, items_forward=1)
    views = all_views()
    for cls in view_classes():
        for title in ("Buy the frame jig", "Tyre supplier", "Open on Saturdays"):
            controller.set_focus_decision(_decision(main, title).id)
            controller.pin(cls.view_id)
            assert controller.shown.view_id in (cls.view_id, follow.IDLE)
            for width, height in ((1024, 768), (1920, 1080), (3840, 2160)):
                image = QImage(width, height, QImage.Format.Format_RGB32)
                painter = QPainter(image)
                paint_shown(
                    painter,
                    QRectF(0, 0, width, height),
                    controller.shown,
                    views,
                    Colours.default(),
                    main.font(),
                )
                painter.end()


# -- the countdown -------------------------------------------------------------------------


def test_countdown_warns_then_counts_up_over_time(qtbot, main, controller, clock) -> None:
    _start(main, items_forward=1)  # "Reports from the teams": 15 minutes
    controller.pin(follow.ITEM)
    colours = controller.surface.colours()

    def timer():
        controller.refresh()
        return controller.shown.model.timer

    clock.advance(minutes=12)
    assert timer().phase is TimerPhase.RUNNING
    assert clock_text(timer()) == "3:00"
    assert phase_colour(timer().phase, colours) == colours.foreground

    clock.advance(minutes=1, seconds=30)
    assert timer().phase is TimerPhase.WARNING
    assert clock_text(timer()) == "1:30"
    assert clock_note(timer()) == "Time to wrap up"
    assert phase_colour(timer().phase, colours) == colours.warning

    clock.advance(minutes=2)
    assert timer().phase is TimerPhase.OVERTIME
    assert clock_text(timer()) == "+0:30"
    assert phase_colour(timer().phase, colours) == colours.overtime
    clock.advance(seconds=45)
    assert clock_text(timer()) == "+1:15"  # counting up

    # the clock keys work from any page: pause, add a minute
    _show_area(main, "decisions")
    qtbot.keyClick(main, Qt.Key.Key_Space, CTRL)
    assert not timer().running
    clock.advance(minutes=5)
    assert clock_text(timer()) == "+1:15"
    assert "paused" in clock_note(timer())
    qtbot.keyClick(main, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(main, Qt.Key.Key_Equal, CTRL)
    assert timer().phase is TimerPhase.WARNING
    assert clock_text(timer()) == "0:45"
    qtbot.keyClick(main, Qt.Key.Key_Space, CTRL)
    assert timer().running


# -- the stack -----------------------------------------------------------------------------


def test_stack_changes_reach_the_projector(qtbot, main, controller, clock) -> None:
    meeting_id = _start(main, items_forward=1)
    controller.pin(follow.STACK)
    assert controller.shown.model.current is None
    members = main.assembly.members.list_members(active_only=True)
    for member in members[:3]:
        main.assembly.speakers.add(meeting_id, member.id)
    main.assembly.speakers.add(meeting_id, members[5].id, TurnKind.POINT_OF_ORDER)
    controller.refresh()
    waiting = [row.display_name for row in controller.shown.model.waiting]
    assert waiting == [members[5].display_name] + [m.display_name for m in members[:3]]

    # F8 from another page gives the floor to the first in line
    _show_area(main, "members")
    qtbot.keyClick(main, Qt.Key.Key_F8)
    assert controller.shown.model.current.display_name == members[5].display_name
    clock.advance(seconds=95)
    controller.refresh()
    assert controller.shown.model.speaking_seconds == 95

    # in the facilitation view F8 is the view's own key: it acts once, no ambiguity
    _show_area(main, "meetings")
    meetings = next(p for p in main.pages if p.area_id == "meetings")
    meetings.select_meeting(meeting_id)
    meetings.start_or_continue()
    assert meetings.facilitation.isVisible()
    qtbot.keyClick(meetings.facilitation.stack.queue, Qt.Key.Key_F8)
    controller.refresh()
    assert controller.shown.model.current.display_name == members[0].display_name
    assert [r.display_name for r in controller.shown.model.waiting] == [
        m.display_name for m in members[1:3]
    ]


# -- privacy -------------------------------------------------------------------------------


def _values(value, seen=None) -> Iterator[object]:
    """Every value reachable from a view model (dataclass fields, mappings, sequences)."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _values(getattr(value, item.name), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _values(key, seen)
            yield from _values(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _values(item, seen)


def test_a_secret_ballot_never_reaches_the_projector_before_it_closes(
    qtbot, main, controller, monkeypatch
) -> None:
    tyre = _decision(main, "Tyre supplier")
    assert tyre.status is DecisionStatus.OPEN and tyre.ballot_mode is BallotMode.SECRET
    assert main.assembly.decisions.progress(tyre.id).cast == 7

    # anything that reads ballots is out of bounds while the projector works
    def forbidden(*args, **kwargs):
        raise AssertionError("the projector read ballots")

    monkeypatch.setattr(decision_service, "_ballots", forbidden)
    monkeypatch.setattr(decision_service, "tally", forbidden)
    monkeypatch.setattr(decision_service.DecisionService, "receipts", forbidden)
    monkeypatch.setattr(decision_service.DecisionService, "voters", forbidden)

    source = ProjectorSource(main.assembly, decision_id=tyre.id)
    for cls in view_classes():
        model = cls.build(source)
        for value in _values(model):
            assert not isinstance(value, DecisionResult | OptionCount | Count), cls.view_id
        if isinstance(model, ResultModel):
            assert model.result is None
    progress = next(cls for cls in view_classes() if cls.view_id == follow.PROGRESS)
    model = progress.build(source)
    assert (model.cast, model.eligible) == (7, 15)
    assert model.weight_cast > 0

    # and through the controller, every view pinned, painted on the surface
    controller.set_focus_decision(tyre.id)
    controller.open_window(ScreenChoice(QGuiApplication.primaryScreen().name(), False))
    for cls in view_classes():
        controller.pin(cls.view_id)
        assert controller.surface.grab().size() == controller.surface.size()
        _paint(controller)
        if cls.view_id == follow.RESULT:
            assert controller.shown.model.result is None
    monkeypatch.undo()

    # once closed, the result is there
    main.assembly.decisions.close_ballot(tyre.id)
    controller.pin(follow.RESULT)
    assert controller.shown.model.result is not None
    assert controller.shown.model.result.winner == "Ciclo cooperative"


def test_while_the_kiosk_is_on_the_laptop_the_projector_shows_progress_only(
    qtbot, main, controller
) -> None:
    from pareconapp.ui.decisions.kiosk_session import DecisionKioskSession
    from pareconapp.ui.kiosk.window import KioskWindow

    tyre = _decision(main, "Tyre supplier")
    controller.set_focus_decision(_decision(main, "Open on Saturdays").id)
    controller.pin(follow.RESULT)
    assert controller.shown.view_id == follow.RESULT
    kiosk = KioskWindow(DecisionKioskSession(main.assembly, tyre.id))
    qtbot.addWidget(kiosk)
    kiosk.start(full_screen=False)
    controller.refresh()
    assert (controller.shown.view_id, controller.shown.reason) == (follow.PROGRESS, Reason.KIOSK)
    assert controller.shown.model.decision_id == tyre.id
    controller.pin(follow.WEIGHTS)  # nothing else, whatever is asked
    assert controller.shown.view_id == follow.PROGRESS
    kiosk.dismiss()
    controller.refresh()
    assert controller.shown.view_id == follow.WEIGHTS


# -- the window ----------------------------------------------------------------------------


def test_projector_window_opens_on_the_chosen_screen_and_closes_alone(
    qtbot, main, controller, monkeypatch
) -> None:
    screen = QGuiApplication.primaryScreen()
    asked = []

    def choose(dialog: ScreenChooser) -> int:
        asked.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.windowed.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ScreenChooser, "exec", choose)
    qtbot.keyClick(main, Qt.Key.Key_F5)  # nothing remembered: the chooser asks
    assert len(asked) == 1 and any(f"{screen.size().width()} × " in t for t in asked[0])
    assert controller.is_open and not controller.window.full_screen
    assert main.projector.show_action.isChecked()
    assert main.projector.dock.isVisible()  # the preview appears with the projector
    assert Settings().projector_screen == screen.name()
    assert Settings().projector_full_screen is False
    assert controller.window.screen() is screen

    controller.window.close()  # the window's own close button
    assert not controller.is_open
    assert not main.projector.show_action.isChecked()
    assert main.isVisible()
    assert not controller.window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)

    qtbot.keyClick(main, Qt.Key.Key_F5)  # remembered: no question
    assert len(asked) == 1 and controller.is_open
    qtbot.keyClick(main, Qt.Key.Key_F5)
    assert not controller.is_open


def test_the_pointer_hides_over_the_projector(qtbot, main, controller) -> None:
    window = controller.window
    controller.open_window(ScreenChoice(QGuiApplication.primaryScreen().name(), False))
    window._cursor_timer.setInterval(20)
    window.show_cursor()
    qtbot.waitUntil(window.cursor_hidden, timeout=2000)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(10, 10),
        QPointF(10, 10),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(controller.surface, move)
    assert not window.cursor_hidden()


def test_text_is_large_enough_and_scales_with_the_screen() -> None:
    colours = Colours.default()
    from PySide6.QtGui import QFont

    full_hd = Canvas(QRectF(0, 0, 1920, 1080), colours, QFont())
    assert full_hd.unit >= 28
    assert full_hd.font(1.8, bold=True).pixelSize() > full_hd.unit
    assert Canvas(QRectF(0, 0, 3840, 2160), colours, QFont()).unit == 2 * full_hd.unit
    small = Canvas(QRectF(0, 0, 1024, 768), colours, QFont())
    assert 16 <= small.unit < full_hd.unit
    # a title too long for its two lines shrinks, then is elided - never cut off
    font, lines = fit_lines("Word " * 200, full_hd.font(1.8, bold=True), 1700, 300, 2, 0.75)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert font.pixelSize() < full_hd.font(1.8).pixelSize()
    # long lists keep the current row in view, with a summary line above and below
    assert visible_rows(40, 10, 20) == (17, 25)
    assert visible_rows(40, 10, 0) == (0, 9)
    assert visible_rows(40, 10, 39) == (31, 40)
    assert visible_rows(5, 10, 3) == (0, 5)


def test_a_long_proposal_is_paged_by_the_facilitator(qtbot, main, controller) -> None:
    text = "".join(
        f"<p>Paragraph {n}: the workshop keeps a log of every frame, the jig and its "
        "calibration, so that the federation can compare our frames with theirs.</p>"
        for n in range(1, 41)
    )
    decision_id = main.assembly.decisions.create(
        DecisionFields(
            "A long proposal",
            text,
            rule=DecisionRule(RuleKind.SIMPLE_MAJORITY),
            ballot_mode=BallotMode.ROLL_CALL,
        )
    )
    controller.set_focus_decision(decision_id)
    controller.pin(follow.PROPOSAL)
    pages = controller.page_count()
    assert pages > 2
    qtbot.keyClick(main, Qt.Key.Key_PageDown, ALT)
    assert controller.shown.page == 1
    for _ in range(pages + 2):
        qtbot.keyClick(main, Qt.Key.Key_PageDown, ALT)
    assert controller.shown.page == pages - 1  # not past the end
    assert not main.projector.next_page_action.isEnabled()
    qtbot.keyClick(main, Qt.Key.Key_PageUp, ALT)
    assert controller.shown.page == pages - 2
    controller.follow()
    assert controller.shown.page == 0


def test_weights_are_shown_by_team_with_the_rationale(main, controller) -> None:
    jig = _decision(main, "Buy the frame jig")
    controller.set_focus_decision(jig.id)
    controller.pin(follow.WEIGHTS)
    model = controller.shown.model
    assert model.assessed and "frame team" in model.rationale
    assert sum((g.weight for g in model.groups), Fraction(0)) == 1
    assert model.groups[0].name == "Frame building" and model.groups[0].level == "high"
    assert sum(g.voters for g in model.groups) == model.voters

    # a fresh draft has nothing to show yet
    draft = main.assembly.decisions.create(DecisionFields("Draft"))
    controller.set_focus_decision(draft)
    assert not controller.shown.model.assessed
    main.assembly.decisions.assess(
        draft,
        ImpactInput(
            "levels",
            {m.id: Fraction(1) for m in main.assembly.members.list_members(active_only=True)},
            "Everybody is affected equally here.",
        ),
    )
    controller.refresh()
    assert controller.shown.model.assessed


# -- preview and cheat sheet ---------------------------------------------------------------


def test_preview_shows_what_the_room_sees(qtbot, main, controller) -> None:
    _start(main)
    main.projector.dock.show()
    panel = main.projector.panel
    qtbot.waitUntil(panel.preview.isVisible)
    assert controller.preview_active
    qtbot.keyClick(main, Qt.Key.Key_3, ALT)
    assert "Pinned: Speakers' stack" in panel.status.text()
    assert "projector off" in panel.status.text()
    image = panel.preview.grab().toImage()
    target = panel.preview.target()
    inside = image.pixelColor(int(target.left()) + 3, int(target.top()) + 3)
    assert inside == controller.surface.colours().background
    main.projector.dock.hide()
    assert not controller.preview_active


def test_theme_is_remembered_and_colours_the_surface(main, controller) -> None:
    controller.set_theme("dark")
    assert Settings().projector_theme == "dark"
    dark = controller.surface.colours()
    assert dark.background.lightness() < 50 < dark.foreground.lightness()
    main.projector.theme_actions["light"].trigger()
    light = controller.surface.colours()
    assert light.background.lightness() > 200 > light.foreground.lightness()


def test_cheat_sheet_lists_the_keys_that_work(qtbot, main) -> None:
    qtbot.keyClick(main, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    qtbot.addWidget(dialog)
    entries = {(e.keys, e.what) for s in dialog.sections for e in s.entries}
    native = QKeySequence.SequenceFormat.NativeText
    for keys, what in (
        ("F5", "Show Projector"),
        ("Alt+3", "Speakers' stack"),
        ("F7", "Blank Screen"),
        ("Ctrl+Space", "Start or Pause the Clock"),
        ("F8", "Next Speaker"),
        ("Ctrl+1", "Members"),
    ):
        assert (QKeySequence(keys).toString(native), what) in entries
    text = dialog.text.toPlainText()
    assert "Ctrl+Shift+I" in text and "Keyboard Shortcuts" in text

    # the meeting keys are exactly the facilitation view's own keys
    meetings = next(p for p in main.pages if p.area_id == "meetings")
    view_keys = {s.key().toString() for s in meetings.facilitation.findChildren(QShortcut)}
    for action in main.projector.meeting_actions:
        for sequence in action.shortcuts():
            assert sequence.toString() in view_keys
    for keys in ("Ctrl+Shift+I", "Ctrl+Shift+A"):
        assert keys in view_keys


# -- rating rounds -------------------------------------------------------------------------


def test_rating_round_follows_the_item_and_hides_ratings_until_closed(
    qtbot, main, controller
) -> None:
    from pareconapp.core.jobs import TaskRating
    from pareconapp.services.ratings import RoundFields
    from pareconapp.services.ratings import RoundResults as Results

    assembly = main.assembly
    closed = next(r for r in assembly.ratings.list_rounds() if r.status.value == "closed")
    controller.pin(follow.RATINGS)
    assert controller.shown.model.results is not None  # the newest closed round's spreads

    # the planned meeting's rating item gets a round; the room follows it there
    meeting_id = _meeting(main)
    item = next(
        i for i in assembly.meetings.meeting(meeting_id).items if i.kind.value == "rating_round"
    )
    raters = [m.id for m in assembly.members.list_members(active_only=True)][:5]
    round_id = assembly.ratings.create_round(
        RoundFields("New tasks", closed.task_ids[:2], frozenset(raters), agenda_item_id=item.id)
    )
    assembly.ratings.open_round(round_id)
    assembly.ratings.submit(
        round_id, raters[0], [TaskRating(t, 3, 17) for t in closed.task_ids[:2]]
    )
    assembly.meetings.start_meeting(meeting_id)
    while assembly.meetings.meeting(meeting_id).current_item.id != item.id:
        assembly.meetings.step(meeting_id, +1)
    controller.follow()
    assert (controller.shown.view_id, controller.shown.reason) == (follow.RATINGS, Reason.FOLLOW)
    model = controller.shown.model
    assert model.round.id == round_id
    assert (model.done, model.raters, model.results) == (1, 5, None)  # no rating shown
    for value in _values(model):
        assert not isinstance(value, Results | TaskRating)
    _paint(controller)

    assembly.ratings.close_round(round_id)
    controller.refresh()
    assert controller.shown.model.results is not None
    assert len(controller.shown.model.results.tasks) == 2


def test_job_complex_balance_shows_every_complex_around_the_average(main, controller) -> None:
    saved = main.assembly.job_complexes.current()
    assert saved is not None
    controller.pin(follow.JOBS)
    assert controller.shown.view_id == follow.JOBS
    model = controller.shown.model
    assert model.title == saved.title
    assert len(model.points) == len({member for _task, member in saved.cells})
    average_e, average_d = model.average
    assert model.largest_deviations[0] == pytest.approx(
        max(abs(p.empowerment - average_e) for p in model.points)
    )
    assert model.largest_deviations[1] == pytest.approx(
        max(abs(p.desirability - average_d) for p in model.points)
    )
    controller.set_theme("dark")
    _paint(controller)


def test_a_decision_chosen_right_after_the_item_changed_keeps_the_focus(main, controller) -> None:
    """The item change is seen first, so it cannot undo the facilitator's later choice."""
    controller.refresh(discover=True)
    meeting_id = _meeting(main)
    main.assembly.meetings.start_meeting(meeting_id)  # not refreshed yet
    jig = _decision(main, "Buy the frame jig")
    controller.set_focus_decision(jig.id)
    controller.pin(follow.WEIGHTS)
    assert controller.shown.view_id == follow.WEIGHTS
    assert controller.shown.model.decision_id == jig.id


def test_planning_rounds_follow_the_planning_item_and_the_year_on_the_page(
    main, controller
) -> None:
    from pareconapp.core.meetings import AgendaKind
    from pareconapp.services.meetings import ItemFields

    assembly = main.assembly
    years = {y.name: y for y in assembly.planning.years()}
    walk, real = years["Walk-through"], next(y for y in years.values() if not y.practice)

    # a planning-round item in session: the room sees the newest year's convergence
    meeting_id = _meeting(main)
    item = assembly.meetings.add_item(
        meeting_id, ItemFields("Planning: round 3", AgendaKind.PLANNING_ROUND), index=0
    )
    assembly.meetings.start_meeting(meeting_id)
    assert assembly.meetings.meeting(meeting_id).current_item.id == item
    controller.refresh(discover=True)
    assert (controller.shown.view_id, controller.shown.reason) == (follow.PLANNING, Reason.FOLLOW)
    model = controller.shown.model
    assert (model.year_name, model.practice) == (walk.name, True)
    history = assembly.planning.history(walk.id)
    known = [r for r in history.rounds if r.supply is not None]
    assert model.round_number == known[-1].number
    assert model.largest == pytest.approx(max(known[-1].imbalances().values()))
    # the walk-through shows what the assembly's own proposal did to the totals
    parts = assembly.planning.practice.contribution(walk.id)
    moved = max(parts, key=lambda p: abs(p.imbalance_without - p.imbalance))
    assert model.rows[0].imbalance == pytest.approx(moved.imbalance)
    assert model.rows[0].without == pytest.approx(moved.imbalance_without)
    _paint(controller)

    # the facilitator turns to the real year on the Planning page: the room follows
    _show_area(main, "planning")
    page = next(p for p in main.pages if p.area_id == "planning")
    page.select_year(real.id)
    model = controller.shown.model
    assert (model.year_name, model.practice) == (real.name, False)
    real_rounds = [r for r in assembly.planning.history(real.id).rounds if r.supply is not None]
    out = {g for g, v in real_rounds[-1].imbalances().items() if v > model.threshold}
    assert len(model.rows) == min(len(out), 8)
    assert all(r.without is None and r.imbalance > model.threshold for r in model.rows)
    controller.set_theme("dark")
    _paint(controller)
