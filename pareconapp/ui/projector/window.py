"""The presentation window: the painted surface and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pareconapp.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QScreen

    from pareconapp.ui.projector.surface import ProjectorSurface

CURSOR_HIDE_MS = 3000
"""The mouse pointer disappears after this long without moving over the projector."""
WINDOW_SHARE = 0.7
"""In window mode the projector takes this share of the screen's width and height."""


class ProjectorWindow(QWidget):
    """The top-level window showing the :class:`ProjectorSurface` and nothing else.

    No frame when full screen, no toolbar, no focus (keys stay with the main window), no
    pointer after a few seconds.

    Closing it hides it and emits :attr:`closed`; it never quits the app.
    """

    closed = Signal()

    def __init__(self, surface: ProjectorSurface) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("projectorWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(translate("Projector", "Projector — Parecon Assembly"))
        self.surface = surface
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(surface)
        self.full_screen = False
        surface.setMouseTracking(True)
        surface.installEventFilter(self)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(CURSOR_HIDE_MS)
        self._cursor_timer.timeout.connect(self.hide_cursor)

    def place(self, screen: QScreen, full_screen: bool) -> None:
        """Show the window on ``screen``, filling it or as a window in its middle."""
        self.full_screen = full_screen
        if self.isVisible():
            self.showNormal()
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            area = screen.availableGeometry()
            width, height = int(area.width() * WINDOW_SHARE), int(area.height() * WINDOW_SHARE)
            self.setGeometry(
                QRect(
                    area.left() + (area.width() - width) // 2,
                    area.top() + (area.height() - height) // 2,
                    width,
                    height,
                )
            )
            self.showNormal()
        self.show_cursor()

    def hide_cursor(self) -> None:
        """Hide the pointer over the projector."""
        self.surface.setCursor(Qt.CursorShape.BlankCursor)

    def show_cursor(self) -> None:
        """Show the pointer again, and hide it after a few seconds without movement."""
        self.surface.unsetCursor()
        self._cursor_timer.start()

    def cursor_hidden(self) -> bool:
        """Whether the pointer is hidden."""
        return self.surface.cursor().shape() == Qt.CursorShape.BlankCursor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A moving pointer shows again (and hides after a pause)."""
        if watched is self.surface and event.type() in (
            QEvent.Type.MouseMove,
            QEvent.Type.Enter,
        ):
            self.show_cursor()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Hide (never quit the app) and tell the controller."""
        self._cursor_timer.stop()
        event.accept()
        self.closed.emit()
