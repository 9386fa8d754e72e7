"""Decides what the room sees and keeps the projector window and the preview up to date.

The controller follows the meeting by default (see :mod:`pareconapp.ui.projector.follow`);
the facilitator can pin a view, go back to following, blank the screen, and turn the pages of
a long proposal. While the ballot kiosk is on the laptop's screen the projector shows that
ballot's progress and nothing else, whatever was pinned.

Twice a second it rebuilds the view model of what is shown from the services (so a ballot cast
in the kiosk, a speaker called in the facilitation view, or the clock ticking reach the room
without any signal) - but only while the window or the preview is visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from pareconapp.core.i18n import UserError
from pareconapp.i18n import translate
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.follow import Reason, follow_views, followed_meeting, item_decision
from pareconapp.ui.projector.models import ProjectorSource, build_idle
from pareconapp.ui.projector.paint import Canvas
from pareconapp.ui.projector.screens import ScreenChoice, default_choice, find_screen
from pareconapp.ui.projector.surface import (
    DEFAULT_THEME,
    THEMES,
    ProjectorSurface,
    Shown,
)
from pareconapp.ui.projector.views import all_views, view_classes
from pareconapp.ui.projector.window import ProjectorWindow

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from pareconapp.services.assembly import AssemblyService
    from pareconapp.ui.settings import Settings

TICK_MS = 500
DISCOVER_EVERY = 4
"""Every this many ticks the controller looks again for the meeting in session."""
DEFAULT_SIZE = QSize(1920, 1080)
_UNSEEN = -1
"""An item id no item has: the next refresh takes the focus from the current item."""


def running_kiosk_decision() -> int | None:
    """The decision whose ballot kiosk is on screen, if one is."""
    from pareconapp.ui.kiosk.window import KioskWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, KioskWindow) and widget.isVisible():
            decision_id = getattr(widget.session, "decision_id", None)
            if isinstance(decision_id, int):
                return decision_id
    return None


class ProjectorController(QObject):
    """What the projector shows (:attr:`shown`), and its window."""

    changed = Signal()
    """Emitted after every refresh."""
    visibility_changed = Signal(bool)
    """The projector window was shown or hidden."""
    message = Signal(str)
    """Something the main window's status bar should say."""

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.views = all_views()
        self.pinnable = [cls.view_id for cls in view_classes()]
        self.surface = ProjectorSurface(self.views)
        self.surface.set_theme(self.theme)
        self.window = ProjectorWindow(self.surface)
        self.window.closed.connect(self._window_closed)
        self.assembly: AssemblyService | None = None
        self.pinned: str | None = None
        self.blank = False
        self.focus_decision_id: int | None = None
        self.focus_planning_year_id: int | None = None
        self.page = 0
        self.meeting_id: int | None = None
        self.shown = Shown(follow.BLANK, None, Reason.BLANK)
        self.preview_active = False
        """Set while the preview in the main window is visible (it needs fresh models)."""
        self.kiosk_probe: Callable[[], int | None] = running_kiosk_decision
        self.clock: Callable[[], datetime] | None = None
        """Overrides the assembly's clock (rehearsals, screenshots); ``None``: the assembly's."""
        self._item_id: int | None = None
        self._ticks = 0
        self._open = False
        self._size = QSize(DEFAULT_SIZE)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)

    # -- the assembly ---------------------------------------------------------------------

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Follow ``assembly`` (``None``: nothing open, the projector shows nothing)."""
        self.assembly = assembly
        self.meeting_id = None
        self.focus_decision_id = None
        self.focus_planning_year_id = None
        self.pinned = None
        self.page = 0
        self._item_id = None
        if assembly is None:
            self.timer.stop()
            self._show(Shown(follow.BLANK, None, Reason.BLANK))
            return
        self.timer.start()
        self.refresh(discover=True)

    def now(self) -> datetime:
        """The time the countdowns use (the assembly's clock unless overridden)."""
        if self.clock is not None:
            return self.clock()
        assert self.assembly is not None
        return self.assembly.clock()

    # -- what is shown --------------------------------------------------------------------

    def tick(self) -> None:
        """Refresh, if anyone can see the result."""
        if not (self._open or self.preview_active):
            return
        self._ticks += 1
        self.refresh(discover=self._ticks % DISCOVER_EVERY == 0)

    def refresh(self, discover: bool = False) -> None:
        """Rebuild what is shown from the services (``discover``: look for the meeting too)."""
        assembly = self.assembly
        if assembly is None or not assembly.is_open:
            return
        try:
            self._show(self._resolve(assembly, discover))
        except UserError as error:  # the file went away under us; keep what is shown
            self.message.emit(str(error))

    def _resolve(self, assembly: AssemblyService, discover: bool) -> Shown:
        if discover:
            meeting = followed_meeting(assembly.meetings.list_meetings())
            self.meeting_id = meeting.id if meeting is not None else None
        now = self.now()
        source = ProjectorSource(
            assembly,
            meeting_id=self.meeting_id,
            decision_id=self.focus_decision_id,
            planning_year_id=self.focus_planning_year_id,
            now=now,
        )
        current = source.meeting.current_item if source.in_session and source.meeting else None
        item_id = current.id if current is not None else None
        if item_id != self._item_id:
            self._item_id = item_id
            if item_id is not None:
                self.page = 0
                decisions = assembly.decisions.list_decisions(self.meeting_id)
                linked = item_decision(decisions, item_id)
                self.focus_decision_id = linked.id if linked is not None else None
                source = ProjectorSource(
                    assembly,
                    meeting_id=self.meeting_id,
                    decision_id=self.focus_decision_id,
                    planning_year_id=self.focus_planning_year_id,
                    now=now,
                )
        kiosk = self.kiosk_probe()
        if self.blank:
            return Shown(follow.BLANK, None, Reason.BLANK)
        if kiosk is not None:
            candidates, reason = [follow.PROGRESS], Reason.KIOSK
            source = ProjectorSource(
                assembly, meeting_id=self.meeting_id, decision_id=kiosk, now=now
            )
        elif self.pinned is not None:
            candidates, reason = [self.pinned], Reason.PINNED
        else:
            candidates, reason = follow_views(source.meeting, source.decision), Reason.FOLLOW
        for view_id in candidates:
            view = self.views[view_id]
            model = view.build(source)
            if model is not None:
                break
        else:
            view_id, model = follow.IDLE, build_idle(source)
            view = self.views[view_id]
        pages = view.pages(self.canvas(), model)
        self.page = max(0, min(self.page, pages - 1))
        return Shown(view_id, model, reason, self.page)

    def _show(self, shown: Shown) -> None:
        self.shown = shown
        self.surface.set_shown(shown)
        self.changed.emit()

    def canvas_rect(self) -> QRectF:
        """The room's screen: the open window's size, else the size it had (or 1920x1080)."""
        size = self.surface.size()
        if self._open and not size.isEmpty():
            self._size = QSize(size)
        return QRectF(0, 0, self._size.width(), self._size.height())

    def canvas(self) -> Canvas:
        """The canvas the room's screen paints on (its size even while hidden)."""
        return Canvas(self.canvas_rect(), self.surface.colours(), self.surface.font())

    def page_count(self) -> int:
        """How many pages the shown view has."""
        view = self.views.get(self.shown.view_id)
        if view is None or self.shown.model is None:
            return 1
        return view.pages(self.canvas(), self.shown.model)

    # -- the facilitator's commands -------------------------------------------------------

    def pin(self, view_id: str) -> None:
        """Show ``view_id`` until the facilitator follows the meeting again."""
        if view_id not in self.pinnable:
            raise ValueError(f"no projector view {view_id!r}")
        self.pinned = view_id
        self.page = 0
        self.refresh()

    def follow(self) -> None:
        """Follow the meeting again (the focus returns to the current item's decision)."""
        self.pinned = None
        self.page = 0
        self._item_id = _UNSEEN
        self.refresh()

    def set_blank(self, blank: bool) -> None:
        """Blank the screen, or show again what was there."""
        self.blank = blank
        self.refresh()
        if self.assembly is None:
            self._show(Shown(follow.BLANK, None, Reason.BLANK))

    def toggle_blank(self) -> None:
        """Blank or unblank."""
        self.set_blank(not self.blank)

    def set_focus_decision(self, decision_id: int | None) -> None:
        """The facilitator turned to ``decision_id`` (on the Decisions page)."""
        if decision_id == self.focus_decision_id:
            return
        self.refresh()  # take in a change of agenda item first, or it would undo this focus
        self.focus_decision_id = decision_id
        self.page = 0
        self.refresh()

    def set_focus_planning_year(self, year_id: int | None) -> None:
        """The facilitator turned to planning year ``year_id`` (on the Planning page)."""
        if year_id == self.focus_planning_year_id:
            return
        self.focus_planning_year_id = year_id
        self.refresh()

    def turn_page(self, step: int) -> None:
        """Show the next (``+1``) or previous (``-1``) page of a long view."""
        self.page = max(0, min(self.page + step, self.page_count() - 1))
        self.refresh()

    def meeting_in_session(self) -> int | None:
        """The id of the meeting in session the projector follows."""
        if self.assembly is None:
            return None
        self.refresh(discover=True)
        source = ProjectorSource(self.assembly, meeting_id=self.meeting_id, now=self.now())
        return self.meeting_id if source.in_session else None

    # -- theme ----------------------------------------------------------------------------

    @property
    def theme(self) -> str:
        """The projector's theme ("light" or "dark")."""
        theme = self.settings.projector_theme
        return theme if theme in THEMES else DEFAULT_THEME

    def set_theme(self, theme: str) -> None:
        """Switch the theme (remembered for next time)."""
        self.settings.projector_theme = theme if theme in THEMES else DEFAULT_THEME
        self.surface.set_theme(self.theme)
        self.changed.emit()

    # -- the window -----------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Whether the projector window is on screen."""
        return self._open

    def remembered_choice(self) -> ScreenChoice | None:
        """The screen chosen last time, if it is still connected."""
        name = self.settings.projector_screen
        if name is not None and find_screen(name) is not None:
            return ScreenChoice(name, self.settings.projector_full_screen)
        return None

    def suggested_choice(self, laptop: QScreen | None) -> ScreenChoice:
        """The remembered screen, else another display (full screen), else a window."""
        return self.remembered_choice() or default_choice(laptop)

    def open_window(self, choice: ScreenChoice, laptop: QScreen | None = None) -> None:
        """Show the projector as ``choice`` says, and remember the choice."""
        screen = find_screen(choice.name) or laptop or QGuiApplication.primaryScreen()
        full_screen = choice.full_screen and screen.name() == choice.name
        self.settings.projector_screen = screen.name()
        self.settings.projector_full_screen = full_screen
        self.window.place(screen, full_screen)
        self._open = True
        self.refresh(discover=True)
        self.visibility_changed.emit(True)

    def close_window(self) -> None:
        """Hide the projector window (the app goes on)."""
        if self._open:
            self.window.close()

    def _window_closed(self) -> None:
        self.canvas_rect()  # remember its size for the preview
        self._open = False
        self.visibility_changed.emit(False)

    def _screen_removed(self, screen: QScreen) -> None:
        if self._open and screen.name() == self.settings.projector_screen:
            self.close_window()
            self.message.emit(
                translate(
                    "Projector",
                    "The projector's screen was disconnected; the projector window is closed.",
                )
            )

    def shutdown(self) -> None:
        """Stop ticking and get rid of the window (the main window is closing)."""
        self.timer.stop()
        self.close_window()
        self.window.deleteLater()
