"""A QGuiApplication for writers that draw text (PDF, ODT, charts) outside the desktop app.

Qt needs a GUI application object for fonts. The desktop app has one; the command line may
have created a plain ``QCoreApplication`` only to translate its messages, which this replaces
(keeping the translations) with an offscreen ``QGuiApplication``.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_protected: list[bool] = []


def protect_none() -> None:
    """Keep ``None`` from being "deallocated" by PySide6 6.12 on Python 3.11.

    That combination drops one reference to ``None`` on every call of a C++ method returning
    ``void`` (``painter.save()``, ``setObjectName()``...), so a process that paints a long
    document ends with "Fatal Python error: none_dealloc". ``None`` is never really freed;
    raising its count far beyond reach is what Python 3.12 does by making it immortal.
    """
    if _protected or sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _protected.append(True)


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, created (offscreen if there is no display) if needed."""
    protect_none()
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        existing.shutdown()  # a bare core application: replaced, translations reinstalled
    headless = sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication(sys.argv[:1])
    from pareconapp.i18n import install_translators

    install_translators(app)
    return app
