"""Start the desktop app: QApplication, translations, error handling, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from pareconapp import APP_ID, APP_NAME, __version__
from pareconapp.i18n import install_translators
from pareconapp.paths import icon_path, resources_dir
from pareconapp.ui.errors import ErrorReporter
from pareconapp.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names, icon, style and translations (reused if it exists)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setApplicationName("pareconapp")
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setOrganizationName("pareconapp")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(icon_path("pareconapp"))))
    app.setStyleSheet((resources_dir() / "themes" / "app.qss").read_text(encoding="utf-8"))
    install_translators(app)
    return app


def create_main_window(file: str | None = None, demo: bool = False) -> MainWindow:
    """The main window, shown, with ``file`` (or the demo assembly) opening."""
    window = MainWindow()
    window.projector_after_open = bool(demo or file)
    window.show()
    # Open once the window is on screen: the first paint does not wait for the file.
    if demo:
        QTimer.singleShot(0, window.open_demo)
    elif file:
        QTimer.singleShot(0, lambda: window.open_file(Path(file)))
    return window


def run(file: str | None = None, demo: bool = False) -> int:
    """Run the desktop app until the main window closes; return the exit code."""
    app = create_application()
    window: MainWindow | None = None

    def quit_app() -> None:
        if window is not None:
            window.close()

    reporter = ErrorReporter(lambda: window, on_quit=quit_app)
    reporter.install()
    window = create_main_window(file, demo)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(10_000)
    return code
