"""Minutes: the preview and export dialog, and the first pages of the exported PDF."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pareconapp.ui.main_window import MainWindow
from screens.common import SIZE, assembly_of, keep, settle, shot

PDF_PAGES = 3
"""How many pages of the demo minutes ``minutes-page-N.png`` shows."""


def last_closed_meeting(window: MainWindow) -> int:
    """The demo's most recent meeting that has been closed (others may be in session)."""
    held = assembly_of(window).minutes.held_meetings()
    return next(m.id for m in held if m.status.value == "closed")


@shot("minutes-dialog")
def minutes_dialog(window: MainWindow) -> QWidget:
    from pareconapp.ui.minutes.dialog import MinutesDialog

    dialog = keep(MinutesDialog(assembly_of(window), last_closed_meeting(window), window))
    dialog.resize(*SIZE)
    dialog.show()
    for _ in range(100):  # the document is built in the background
        if dialog.document is not None:
            break
        settle(100)
    return dialog


def minutes_pdf_pages(window: MainWindow, out: Path) -> list[Path]:
    """The demo's last minutes as PDF, its first pages as PNGs (needs pdftoppm)."""
    from pareconapp.exports.formats import ExportFormat, export_minutes
    from pareconapp.exports.qt_locale import QtLocalizer

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    minutes = assembly_of(window).minutes
    document = minutes.document(last_closed_meeting(window), QtLocalizer())
    for old in out.glob("minutes-page-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "minutes.pdf"
        export_minutes(document, ExportFormat.PDF, pdf, "a4")
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                "60",
                "-l",
                str(PDF_PAGES),
                str(pdf),
                str(out / "minutes-page"),
            ],
            check=True,
        )
    return sorted(out.glob("minutes-page-*.png"))
