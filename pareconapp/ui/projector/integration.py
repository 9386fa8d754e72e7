"""The projector in the main window: menu, keys, preview dock, meeting controls, cheat sheet.

The main window creates one :class:`ProjectorIntegration` and calls :meth:`install_menus`;
everything else (following the open assembly, the Decisions page's selection, the
facilitation view's keys, the meeting controls that work from any page, Help > Keyboard
Shortcuts) is wired here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QDockWidget, QMenu, QMenuBar

from pareconapp.i18n import translate
from pareconapp.ui.guard import guarded
from pareconapp.ui.projector.cheat_sheet import (
    KeySection,
    ShortcutsDialog,
    action_entries,
    widget_keys,
)
from pareconapp.ui.projector.controller import ProjectorController
from pareconapp.ui.projector.preview import ProjectorPanel
from pareconapp.ui.projector.screens import ScreenChooser
from pareconapp.ui.projector.surface import THEMES
from pareconapp.ui.projector.views import view_classes

if TYPE_CHECKING:
    from collections.abc import Callable

    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.meetings import MeetingDetail
    from pareconapp.ui.main_window import MainWindow
    from pareconapp.ui.meetings.facilitation import FacilitationView
    from pareconapp.ui.pages.base import Page


def _t(text: str) -> str:
    return translate("Projector", text)


class ProjectorIntegration(QObject):
    """The projector's menu, keys, preview dock and cheat sheet in ``main``."""

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.controller = ProjectorController(main.settings, self)
        self.controller.message.connect(lambda text: main.statusBar().showMessage(text, 8000))
        self.controller.visibility_changed.connect(self._visibility_changed)
        self.controller.changed.connect(self._sync_checks)
        self._create_actions()
        self.menu = self._create_menu()
        self.dock = self._create_dock()
        main.assembly_opened.connect(self._opened)
        main.assembly_closed.connect(self._closed)
        self._watch_pages()
        self._update_enabled()

    # -- actions --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: str | list[str] | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.main)
        if keys:
            action.setShortcuts(
                [QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)]
            )
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _create_actions(self) -> None:
        self.show_action = self._action(
            _t("&Show Projector"),
            self.toggle_projector,
            "F5",
            _t("Show or hide the presentation window on the projector"),
            checkable=True,
        )
        self.screen_action = self._action(
            _t("Choose &Screen…"),
            self.choose_screen,
            "Shift+F5",
            _t("Choose the projector's screen, full screen or in a window"),
        )
        self.view_group = QActionGroup(self)
        self.follow_action = self._action(
            _t("&Follow the Meeting"),
            self.controller.follow,
            "Alt+0",
            _t("Show the current agenda item, or its decision, as the meeting moves on"),
            checkable=True,
        )
        self.view_group.addAction(self.follow_action)
        self.view_actions: dict[str, QAction] = {}
        for number, cls in enumerate(view_classes(), start=1):
            action = self._action(
                cls.title(),
                partial(self.controller.pin, cls.view_id),
                f"Alt+{number}" if number <= 9 else None,
                _t("Pin this view on the projector"),
                checkable=True,
            )
            self.view_group.addAction(action)
            self.view_actions[cls.view_id] = action
        self.blank_action = self._action(
            _t("&Blank Screen"),
            self.controller.toggle_blank,
            "F7",
            _t("Blank the projector; press again to show it again"),
            checkable=True,
        )
        self.next_page_action = self._action(
            _t("Next &Page"), lambda: self.controller.turn_page(+1), "Alt+PgDown"
        )
        self.previous_page_action = self._action(
            _t("Previous Pa&ge"), lambda: self.controller.turn_page(-1), "Alt+PgUp"
        )
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        names = {"light": _t("&Light Theme (lit room)"), "dark": _t("&Dark Theme (dark room)")}
        for theme in THEMES:
            action = self._action(
                names[theme], partial(self.controller.set_theme, theme), checkable=True
            )
            action.setChecked(self.controller.theme == theme)
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action
        self.clock_action = self._action(
            _t("Start or Pause the &Clock"),
            self.toggle_clock,
            "Ctrl+Space",
            _t("Start or pause the current agenda item's clock"),
        )
        self.minute_action = self._action(
            _t("&Add a Minute"),
            self.add_minute,
            ["Ctrl+=", "Ctrl++"],
            _t("Add a minute to the current item's timebox"),
        )
        self.speaker_action = self._action(
            _t("&Next Speaker"),
            self.next_speaker,
            "F8",
            _t("Give the floor to the first in the speakers' queue"),
        )
        self.previous_item_action = self._action(
            _t("P&revious Agenda Item"), lambda: self.step_item(-1), "Alt+Left"
        )
        self.next_item_action = self._action(
            _t("Ne&xt Agenda Item"), lambda: self.step_item(+1), "Alt+Right"
        )
        self.meeting_actions = [
            self.clock_action,
            self.minute_action,
            self.speaker_action,
            self.previous_item_action,
            self.next_item_action,
        ]
        self.shortcuts_action = self._action(
            _t("&Keyboard Shortcuts…"),
            self.show_cheat_sheet,
            "F1",
            _t("Every key of the main window, the projector and the meeting"),
        )

    def _create_menu(self) -> QMenu:
        menu = QMenu(_t("&Projector"), self.main)
        menu.addAction(self.show_action)
        menu.addAction(self.screen_action)
        menu.addSeparator()
        menu.addAction(self.follow_action)
        for action in self.view_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.blank_action)
        menu.addAction(self.next_page_action)
        menu.addAction(self.previous_page_action)
        menu.addSeparator()
        for action in self.meeting_actions:
            menu.addAction(action)
        menu.addSeparator()
        for action in self.theme_actions.values():
            menu.addAction(action)
        return menu

    def _create_dock(self) -> QDockWidget:
        dock = QDockWidget(_t("Projector preview"), self.main)
        dock.setObjectName("projectorPreviewDock")
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.panel = ProjectorPanel(
            self.controller, [self.show_action, self.follow_action, self.blank_action]
        )
        dock.setWidget(self.panel)
        self.main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.preview_action = dock.toggleViewAction()
        self.preview_action.setText(_t("Preview in the &Main Window"))
        self.menu.addSeparator()
        self.menu.addAction(self.preview_action)
        return dock

    def install_menus(self, menu_bar: QMenuBar, help_menu: QMenu) -> None:
        """Put the Projector menu before Help, and the cheat sheet first in Help."""
        menu_bar.insertMenu(help_menu.menuAction(), self.menu)
        first = help_menu.actions()[0]
        help_menu.insertAction(first, self.shortcuts_action)
        help_menu.insertSeparator(first)

    # -- following the main window --------------------------------------------------------

    def _opened(self, assembly: AssemblyService) -> None:
        self.controller.set_assembly(assembly)
        self._update_enabled()

    def _closed(self) -> None:
        self.controller.set_assembly(None)
        self._update_enabled()

    def _update_enabled(self) -> None:
        is_open = self.main.assembly is not None
        for action in [
            self.follow_action,
            *self.view_actions.values(),
            self.next_page_action,
            self.previous_page_action,
            *self.meeting_actions,
        ]:
            action.setEnabled(is_open)

    def _page(self, area_id: str) -> Page | None:
        """A page if it has been built (pages are built when first shown)."""
        return next((p for p in self.main.loaded_pages() if p.area_id == area_id), None)

    def _watch_pages(self) -> None:
        for page in self.main.loaded_pages():
            self._watch_page(page)
        self.main.page_loaded.connect(self._watch_page)
        self._sync_meeting_shortcuts()

    def _watch_page(self, page: Page) -> None:
        """Follow the decision shown and the facilitation view of pages as they are built."""
        if page.area_id == "decisions" and hasattr(page, "decision_shown"):
            page.decision_shown.connect(self._decision_shown)
        if page.area_id == "planning" and hasattr(page, "year_shown"):
            page.year_shown.connect(self.controller.set_focus_planning_year)
        facilitation = getattr(page, "facilitation", None)
        if facilitation is not None:
            facilitation.installEventFilter(self)
        self._sync_meeting_shortcuts()

    def _decision_shown(self, decision_id: int | None) -> None:
        """The facilitator selected a decision on the Decisions page: the room follows."""
        page = self._page("decisions")
        if page is not None and page.isVisible() and decision_id is not None:
            self.controller.set_focus_decision(decision_id)

    def _facilitation_view(self) -> FacilitationView | None:
        page = self._page("meetings")
        return getattr(page, "facilitation", None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While the facilitation view is on screen its own keys do the meeting's work."""
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._sync_meeting_shortcuts()
        return False

    def _sync_meeting_shortcuts(self) -> None:
        """Let either the meeting actions or the facilitation view listen to the keys.

        The facilitation view has the same keys as the meeting actions; only one may listen
        at a time, or Qt finds them ambiguous and neither works. While the view is visible
        the actions keep their keys in the menu but listen only to the main window itself
        (which never has the focus).
        """
        view = self._facilitation_view()
        visible = view is not None and view.isVisible()
        context = (
            Qt.ShortcutContext.WidgetShortcut if visible else Qt.ShortcutContext.WindowShortcut
        )
        for action in self.meeting_actions:
            action.setShortcutContext(context)

    def _sync_checks(self) -> None:
        controller = self.controller
        self.show_action.setChecked(controller.is_open)
        self.blank_action.setChecked(controller.blank)
        if controller.pinned is None:
            self.follow_action.setChecked(True)
        elif controller.pinned in self.view_actions:
            self.view_actions[controller.pinned].setChecked(True)
        pages = controller.page_count()
        self.next_page_action.setEnabled(
            self.main.assembly is not None and controller.shown.page < pages - 1
        )
        self.previous_page_action.setEnabled(
            self.main.assembly is not None and controller.shown.page > 0
        )

    def _visibility_changed(self, visible: bool) -> None:
        self._sync_checks()
        if visible:
            self.dock.show()

    # -- the projector window ---------------------------------------------------------------

    def toggle_projector(self) -> None:
        """Show the projector (on the remembered screen, else ask which) or hide it."""
        if self.controller.is_open:
            self.controller.close_window()
            return
        choice = self.controller.remembered_choice()
        if choice is None:
            self.choose_screen()
            return
        self.controller.open_window(choice, self.main.screen())

    def choose_screen(self) -> None:
        """Ask for the projector's screen, then show the projector there."""
        laptop = self.main.screen()
        dialog = ScreenChooser(self.controller.suggested_choice(laptop), laptop, self.main)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.controller.open_window(dialog.choice(), laptop)
        self._sync_checks()

    # -- running the meeting from any page -----------------------------------------------

    def _run_meeting(
        self,
        on_view: Callable[[FacilitationView], object],
        on_service: Callable[[AssemblyService, MeetingDetail], object],
    ) -> None:
        """Act on the meeting in session, through the facilitation view or the services.

        When the facilitation view shows the meeting it does the work (its notes are saved
        and it redraws); otherwise the services do.
        """
        assembly = self.main.assembly
        if assembly is None:
            return
        meeting_id = self.controller.meeting_in_session()
        if meeting_id is None:
            self.main.statusBar().showMessage(
                _t("No meeting is in session: start one on the Meetings page."), 6000
            )
            return
        view = self._facilitation_view()
        if (
            view is not None
            and view.assembly is assembly
            and view.detail is not None
            and view.detail.meeting.id == meeting_id
        ):
            on_view(view)
        else:
            guarded(self.main, lambda: on_service(assembly, assembly.meetings.meeting(meeting_id)))
            page = self._page("meetings")
            if page is not None and not page.isVisible():
                page.stale = True
        self.controller.refresh()

    def toggle_clock(self) -> None:
        """Start (resume) or pause the current item's clock."""

        def service(assembly: AssemblyService, detail: MeetingDetail) -> None:
            current = detail.current_item
            if current is None:
                return
            if current.running_since is None:
                assembly.meetings.resume_timer(current.id)
            else:
                assembly.meetings.pause_timer(current.id)

        self._run_meeting(lambda view: view.toggle_pause(), service)

    def add_minute(self) -> None:
        """Add a minute to the current item's timebox."""

        def service(assembly: AssemblyService, detail: MeetingDetail) -> None:
            if detail.current_item is not None:
                assembly.meetings.extend_timebox(detail.current_item.id, 1)

        self._run_meeting(lambda view: view.extend(), service)

    def next_speaker(self) -> None:
        """Give the floor to the next speaker."""
        self._run_meeting(
            lambda view: view.stack.next_speaker(),
            lambda assembly, detail: assembly.speakers.next_speaker(detail.meeting.id),
        )

    def step_item(self, offset: int) -> None:
        """Go to the previous or next agenda item."""
        self._run_meeting(
            lambda view: view.step(offset),
            lambda assembly, detail: assembly.meetings.step(detail.meeting.id, offset),
        )

    # -- help -----------------------------------------------------------------------------

    def key_sections(self) -> list[KeySection]:
        """Every section of the cheat sheet."""
        own = {
            self.show_action,
            self.screen_action,
            self.follow_action,
            *self.view_actions.values(),
            self.blank_action,
            self.next_page_action,
            self.previous_page_action,
            *self.meeting_actions,
        }
        window_actions = [
            action
            for menu_action in self.main.menuBar().actions()
            if isinstance(menu := menu_action.menu(), QMenu) and menu is not self.menu
            for action in menu.actions()
            if action not in own
        ]
        sections = [
            KeySection(
                _t("Projector"),
                action_entries(
                    [
                        self.show_action,
                        self.screen_action,
                        self.follow_action,
                        *self.view_actions.values(),
                        self.blank_action,
                        self.next_page_action,
                        self.previous_page_action,
                    ]
                ),
            ),
            KeySection(
                _t("Running the meeting (from any page)"), action_entries(self.meeting_actions)
            ),
            KeySection(_t("Main window"), action_entries(window_actions)),
        ]
        for page in self.main.loaded_pages():
            actions = [a for a in page.findChildren(QAction) if a.parent() is page]
            entries = action_entries(actions)
            if entries:
                sections.append(KeySection(page.title(), entries))
        sections.extend(widget_keys())
        return sections

    def show_cheat_sheet(self) -> ShortcutsDialog:
        """Show the keyboard cheat sheet (not modal: it can stay open beside the window)."""
        dialog = ShortcutsDialog(self.key_sections(), self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def shutdown(self) -> None:
        """The main window is closing: close the projector too."""
        self.controller.shutdown()
