"""The main window: File menu, a sidebar with one page per area, status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from pareconapp import APP_NAME, FILE_SUFFIX, __version__
from pareconapp.core.i18n import UserError
from pareconapp.paths import demo_assembly_path, icon_path
from pareconapp.ui.background import BackgroundTask
from pareconapp.ui.dialogs import FileDialogs
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.minutes.actions import install_minutes_actions
from pareconapp.ui.pages import PAGES
from pareconapp.ui.settings import Settings
from pareconapp.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.ui.pages.base import Page
    from pareconapp.ui.projector.integration import ProjectorIntegration


PROJECTOR_AFTER_OPEN_MS = 150
"""How long after the first file opens the projector's menu and keys are built."""


class MainWindow(QMainWindow):
    """One window per running app; it holds at most one open assembly."""

    assembly_opened = Signal(object)  # the AssemblyService
    assembly_closed = Signal()
    open_failed = Signal(object)  # the exception
    page_loaded = Signal(object)  # a page, the first time it is built

    def __init__(
        self,
        settings: Settings | None = None,
        dialogs: FileDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.dialogs = dialogs or FileDialogs()
        self.assembly: AssemblyService | None = None
        self._opening: BackgroundTask | None = None
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon(str(icon_path("pareconapp"))))
        self.setMinimumSize(QSize(720, 480))

        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_assembly)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(lambda text: self.open_file(Path(text)))

        self._create_workspace()

        self.file_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.file_label)

        self._create_actions()
        self._create_menus()
        self.minutes_action = install_minutes_actions(self)
        self._projector: ProjectorIntegration | None = None
        self.projector_after_open = False
        """Build the projector's menu and keys only once the first file has opened (set when
        the window opens a file at start, so the file's first page is not kept waiting)."""
        # The projector's menu and keys arrive just after the window is first painted.
        QTimer.singleShot(0, self._install_projector)
        self._update_state()
        self.restore_geometry()

    def _create_workspace(self) -> None:
        """The sidebar of areas and the stack of their pages."""
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setAccessibleName(self.tr("Areas"))
        self.sidebar.setFixedWidth(210)
        self.pages_stack = QStackedWidget()
        self.undo_group = QUndoGroup(self)
        self._loaded: list[Page | None] = [None] * len(PAGES)
        for info in PAGES:
            # A page is built the first time it is shown (see page_at): start-up stays fast.
            self.pages_stack.addWidget(QWidget())
            item = QListWidgetItem(QIcon(str(icon_path(info.icon))), info.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, info.area_id)
            item.setSizeHint(QSize(200, 44))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._show_page)

        self.workspace = QWidget()
        workspace_layout = QHBoxLayout(self.workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.setSpacing(0)
        workspace_layout.addWidget(self.sidebar)
        workspace_layout.addWidget(self.pages_stack, 1)

        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)

    # -- actions and menus ----------------------------------------------------------------

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(
            self.tr("&New Assembly…"),
            self.new_assembly,
            QKeySequence(keys.New),
            self.tr("Create a new assembly file"),
        )
        self.open_action = self._action(
            self.tr("&Open…"),
            self.open_dialog,
            QKeySequence(keys.Open),
            self.tr("Open an assembly file"),
        )
        self.demo_action = self._action(self.tr("Open the &Demo Assembly"), self.open_demo)
        self.save_copy_action = self._action(
            self.tr("Save a &Copy As…"),
            self.save_copy,
            "Ctrl+Shift+S",
            self.tr("Write a copy of the open assembly to another file"),
        )
        self.close_action = self._action(
            self.tr("&Close"),
            self.close_assembly,
            QKeySequence(keys.Close),
            self.tr("Close the assembly"),
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action(self.tr("&About Parecon Assembly"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(self.tr("About &Qt"), QApplication.aboutQt)
        self.sidebar_action = self._action(self.tr("Go to &Areas List"), self.focus_sidebar, "F6")
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        # Both common redo keys, once each (the platform's own Redo may already be one).
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.page_actions: list[QAction] = []
        for number, info in enumerate(PAGES, start=1):
            action = self._action(
                info.translated_title(),
                lambda _=False, n=number - 1: self.show_area(n),
                f"Ctrl+{number}" if number <= 9 else None,
            )
            action.setIcon(QIcon(str(icon_path(info.icon))))
            self.page_actions.append(action)

    def _create_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addAction(self.quit_action)
        self.edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.sidebar_action)
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.about_qt_action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for number, text in enumerate(recent, start=1):
            label = f"&{number % 10} {Path(text).name}" if number <= 10 else Path(text).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(text)
            action.setStatusTip(text)
            action.setEnabled(Path(text).exists())
            action.triggered.connect(lambda _=False, t=text: self.open_file(Path(t)))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent assemblies"))
            empty.setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear &List"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self.welcome.set_recent_files([])

    # -- pages ------------------------------------------------------------------------------

    def _install_projector(self) -> None:
        if not self.projector_after_open:
            self.projector  # noqa: B018 - builds it
            return

        timer = QTimer(self)  # a child: gone with the window if it closes first
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self.projector)

        def later(*_: object) -> None:
            if self._projector is None:
                timer.start(PROJECTOR_AFTER_OPEN_MS)

        self.assembly_opened.connect(later)
        self.open_failed.connect(later)

    @property
    def projector(self) -> ProjectorIntegration:
        """The projector's integration (menu, keys, preview), built on first use."""
        if self._projector is None:
            from pareconapp.ui.projector.integration import ProjectorIntegration

            self._projector = ProjectorIntegration(self)
            self._projector.install_menus(self.menuBar(), self.help_menu)
        return self._projector

    @property
    def pages(self) -> list[Page]:
        """Every page, in sidebar order (builds the ones not built yet)."""
        return [self.page_at(index) for index in range(len(PAGES))]

    def loaded_pages(self) -> list[Page]:
        """The pages built so far."""
        return [page for page in self._loaded if page is not None]

    def page_at(self, index: int) -> Page:
        """The page at ``index`` of the sidebar, built on first use."""
        page = self._loaded[index]
        if page is None:
            page = PAGES[index].page_class()()
            self._loaded[index] = page
            placeholder = self.pages_stack.widget(index)
            self.pages_stack.insertWidget(index, page)
            if placeholder is not None:
                self.pages_stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.undo_group.addStack(page.undo_stack)
            page.data_changed.connect(lambda p=page: self._others_stale(p))
            page.attach(self.assembly)
            self.page_loaded.emit(page)
        return page

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            page = self.page_at(row)
            if page.stale and self.assembly is not None:
                page.stale = False
                page.refresh()
            self.pages_stack.setCurrentIndex(row)
            self.undo_group.setActiveStack(page.undo_stack)
            self.settings.last_page = page.area_id

    def _others_stale(self, changed: Page) -> None:
        for page in self.loaded_pages():
            if page is not changed:
                page.stale = True

    def show_area(self, index: int) -> None:
        """Show the page at ``index`` and give it keyboard focus."""
        if self.assembly is None or not 0 <= index < len(PAGES):
            return
        self.sidebar.setCurrentRow(index)
        page = self.page_at(index)
        page.setFocus(Qt.FocusReason.ShortcutFocusReason)
        page.focusNextChild()

    def current_page(self) -> Page | None:
        """The page on screen, if an assembly is open."""
        if self.assembly is None:
            return None
        return self.page_at(self.pages_stack.currentIndex())

    def focus_sidebar(self) -> None:
        """Move keyboard focus to the list of areas."""
        if self.assembly is not None:
            self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- files ------------------------------------------------------------------------------

    def _directory(self) -> str:
        return self.settings.last_directory or str(Path.home())

    def new_assembly(self) -> None:
        """Ask for a name and a file, then create and open a new assembly."""
        name = self.dialogs.assembly_name(self)
        if name is None:
            return
        suggestion = str(Path(self._directory()) / f"{name}{FILE_SUFFIX}")
        path = self.dialogs.save_path(self, self.tr("Create assembly file"), suggestion)
        if path is None:
            return
        self._start_opening(path, lambda: _service().create(path, name))

    def open_dialog(self) -> None:
        """Ask for an assembly file and open it."""
        path = self.dialogs.open_path(self, self._directory())
        if path is not None:
            self.open_file(path)

    def open_demo(self) -> None:
        """Open the demo assembly, creating it first if needed."""
        path = demo_assembly_path()

        def work() -> AssemblyService:
            from pareconapp.services.assembly import AssemblyService
            from pareconapp.services.demo import ensure_demo_file  # only for the demo

            ensure_demo_file(path)
            return AssemblyService.open(path)

        self._start_opening(path, work)

    def open_file(self, path: Path) -> None:
        """Open the assembly at ``path`` in the background; the current one stays until then."""
        path = Path(path)
        if self.assembly is not None and self.assembly.path == path.resolve():
            self.statusBar().showMessage(
                self.tr("{name} is already open").format(name=path.name), 4000
            )
            return
        self._start_opening(path, lambda: _service().open(path))

    def _start_opening(self, path: Path, work: object) -> None:
        if self._opening is not None:
            return
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        self.busy.show()
        self._set_file_actions_enabled(False)
        task = BackgroundTask(lambda _progress: work())  # type: ignore[operator]
        task.succeeded.connect(self._opened)
        task.failed.connect(lambda error: self._open_failed(path, error))
        task.finished.connect(self._opening_finished)
        self._opening = task
        task.start()

    def _opening_finished(self) -> None:
        self._opening = None
        self.busy.hide()
        self._set_file_actions_enabled(True)
        self._update_state()

    def _opened(self, assembly: AssemblyService) -> None:
        self.close_assembly()
        self.assembly = assembly
        self.settings.add_recent_file(assembly.path)
        self.settings.last_directory = str(assembly.path.parent)
        for page in self.loaded_pages():
            page.attach(assembly)  # each page loads when it is next shown
        area = self.settings.last_page
        index = next((i for i, info in enumerate(PAGES) if info.area_id == area), 0)
        self.sidebar.setCurrentRow(index)
        self._show_page(index)
        self.statusBar().clearMessage()
        if assembly.migration_backup is not None:
            self.statusBar().showMessage(
                self.tr(
                    "The file was upgraded from an older version; a backup was saved as {backup}"
                ).format(backup=assembly.migration_backup.name),
                15000,
            )
        self._update_state()
        self.assembly_opened.emit(assembly)

    def _open_failed(self, path: Path, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self.open_failed.emit(error)
        if isinstance(error, UserError):
            if not path.exists():
                self.settings.remove_recent_file(path)
            show_user_error(self, error, self.tr("Could not open {name}").format(name=path.name))
            self._update_state()
            return
        raise error

    def save_copy(self) -> None:
        """Write a copy of the open assembly to a file the user chooses."""
        if self.assembly is None:
            return
        source = self.assembly.path
        suggestion = str(source.with_name(f"{source.stem} copy{source.suffix}"))
        target = self.dialogs.save_path(self, self.tr("Save a copy as"), suggestion)
        if target is None:
            return
        if target.resolve() == source:
            QMessageBox.information(
                self,
                self.tr("Save a copy"),
                self.tr("Choose another file: the copy cannot replace the open assembly itself."),
            )
            return
        assembly = self.assembly
        task = BackgroundTask(lambda _progress: assembly.save_copy(target))
        task.succeeded.connect(
            lambda _: self.statusBar().showMessage(
                self.tr("Saved a copy as {path}").format(path=target), 8000
            )
        )
        task.failed.connect(self._report_failure)
        task.start()

    def _report_failure(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def close_assembly(self) -> None:
        """Close the open assembly and show the start screen."""
        if self.assembly is None:
            return
        assembly, self.assembly = self.assembly, None
        for page in self.loaded_pages():
            page.set_assembly(None)
        assembly.close()
        self._update_state()
        self.assembly_closed.emit()

    def _set_file_actions_enabled(self, enabled: bool) -> None:
        for action in (self.new_action, self.open_action, self.demo_action):
            action.setEnabled(enabled)
        self.recent_menu.setEnabled(enabled)
        self.welcome.setEnabled(enabled)

    def _update_state(self) -> None:
        is_open = self.assembly is not None
        for action in (
            self.save_copy_action,
            self.close_action,
            self.sidebar_action,
            *self.page_actions,
        ):
            action.setEnabled(is_open)
        if self.assembly is not None:
            name = self.assembly.name()
            self.central.setCurrentWidget(self.workspace)
            self.setWindowTitle(f"{name} — {APP_NAME}")
            self.setWindowFilePath(str(self.assembly.path))
            self.file_label.setText(self.assembly.path.name)
            self.file_label.setToolTip(str(self.assembly.path))
        else:
            self.welcome.set_recent_files(self.settings.recent_files)
            self.central.setCurrentWidget(self.welcome)
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            self.file_label.setText(self.tr("No assembly open"))
            self.file_label.setToolTip("")

    # -- window -----------------------------------------------------------------------------

    def about(self) -> None:
        """The About box."""
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "<h2>{app} {version}</h2>"
                "<p>Run a workplace assembly on the principles of participatory economics: "
                "balanced job complexes, decisions with self-management weights in "
                "proportion to impact, remuneration for effort and sacrifice, and "
                "participatory-planning rounds, all offline.</p>"
                "<p>Free software under the GNU General Public License, version 3 or later.</p>"
            ).format(app=APP_NAME, version=__version__),
        )

    def restore_geometry(self) -> None:
        """Restore size, position and layout from the last session."""
        geometry = self.settings.window_geometry
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window and close the assembly cleanly."""
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        if self._projector is not None:
            self._projector.shutdown()
        if self._opening is not None:
            self._opening.cancel()
        self.close_assembly()
        event.accept()


def _service() -> type[AssemblyService]:
    """The services class, imported where first needed.

    That is on the opening thread, after the window is on screen: the services bring
    SQLAlchemy and every area's models.
    """
    from pareconapp.services.assembly import AssemblyService

    return AssemblyService
