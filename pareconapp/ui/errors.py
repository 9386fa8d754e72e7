"""What the user sees when something goes wrong.

A :class:`~pareconapp.core.i18n.UserError` (bad input, a full disk, a file in use) becomes a
message box with its translated text. Anything else is a bug: the crash dialog shows the
traceback, writes it to a log file in the user's data directory, and offers to quit. The
assembly file stays consistent because every write is a transaction that rolls back on error.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pareconapp import APP_NAME, __version__
from pareconapp.core.i18n import UserError
from pareconapp.i18n import render
from pareconapp.paths import log_dir

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError, title: str | None = None) -> None:
    """Show an expected problem as a warning box."""
    QMessageBox.warning(
        parent,
        title or QCoreApplication.translate("errors", "{app}").format(app=APP_NAME),
        render(error.message),
    )


def write_crash_log(text: str) -> Path:
    """Write a crash report to the log folder; return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_dir() / f"crash-{stamp}.log"
    path.write_text(f"{APP_NAME} {__version__}\nPython {sys.version}\n\n{text}", encoding="utf-8")
    return path


class CrashDialog(QDialog):
    """Shows a bug's traceback and where it was logged."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumSize(640, 420)
        self.log_path = log_path
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Parecon Assembly hit an error it did not expect. Everything confirmed before "
                "this moment is safely stored; the action that failed was not saved.\n\n"
                "The details below were written to {path}. Please send them to the developers."
            ).format(path=log_path)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button = buttons.addButton(
            self.tr("Open &log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.continue_button = buttons.addButton(
            self.tr("C&ontinue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setDefault(True)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.details.toPlainText())
        )
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
        )
        self.quit_button.clicked.connect(lambda: self.done(2))
        self.continue_button.clicked.connect(self.accept)
        layout.addWidget(buttons)


class ErrorReporter(QObject):
    """Routes uncaught exceptions (any thread) to a message box or the crash dialog."""

    _report = Signal(object, object, object)

    def __init__(
        self, window: Callable[[], QWidget | None], on_quit: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self._window = window
        self._on_quit = on_quit
        self._showing = False
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Become ``sys.excepthook`` and ``threading.excepthook``."""
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def excepthook(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """Handle an uncaught exception (may be called on any thread)."""
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self._report.emit(exc_type, error, tb)

    def report(self, error: BaseException) -> None:
        """Show ``error`` now (on the GUI thread)."""
        self._show(type(error), error, error.__traceback__)

    @Slot(object, object, object)
    def _show(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(error, UserError):
            show_user_error(self._window(), error)
            return
        details = "".join(traceback.format_exception(exc_type, error, tb))
        log.error("uncaught exception\n%s", details)
        path = write_crash_log(details)
        if self._showing:  # a crash while the dialog is up: log it only
            return
        self._showing = True
        try:
            dialog = CrashDialog(details, path, self._window())
            if dialog.exec() == 2 and self._on_quit is not None:
                self._on_quit()
        finally:
            self._showing = False
