"""A QGuiApplication for writers that draw text (PDF, ODT, charts) outside the desktop app.

Qt needs a GUI application object for fonts. The desktop app and the command line (see
``pareconapp.cli``) both create one; this creates an offscreen one for other callers.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, created (offscreen if there is no display) if needed."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a QCoreApplication exists: writers that draw need a QGuiApplication")
    headless = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication(sys.argv[:1])
    from pareconapp.i18n import install_translators

    install_translators(app)
    return app
