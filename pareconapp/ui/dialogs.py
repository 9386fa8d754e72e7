"""The questions the main window asks (file names, assembly names), in one replaceable place.

Tests substitute a :class:`FileDialogs` whose answers are scripted; the app uses Qt's dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from pareconapp import FILE_SUFFIX


def _filter() -> str:
    return (
        QCoreApplication.translate("dialogs", "Parecon Assembly files (*{suffix})").format(
            suffix=FILE_SUFFIX
        )
        + ";;"
        + QCoreApplication.translate("dialogs", "All files (*)")
    )


def with_suffix(path: Path) -> Path:
    """``path`` with the assembly suffix added when it has none."""
    return path if path.suffix else path.with_suffix(FILE_SUFFIX)


class FileDialogs:
    """Qt's standard dialogs for choosing files and naming assemblies."""

    def open_path(self, parent: QWidget, directory: str) -> Path | None:
        """Ask for an existing assembly file."""
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("dialogs", "Open assembly"), directory, _filter()
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget, title: str, suggestion: str) -> Path | None:
        """Ask where to write a file (``suggestion`` is a full path)."""
        name, _ = QFileDialog.getSaveFileName(parent, title, suggestion, _filter())
        return with_suffix(Path(name)) if name else None

    def assembly_name(self, parent: QWidget) -> str | None:
        """Ask for the name of a new assembly."""
        while True:
            name, ok = QInputDialog.getText(
                parent,
                QCoreApplication.translate("dialogs", "New assembly"),
                QCoreApplication.translate(
                    "dialogs", "Name of the assembly (e.g. the workplace or council):"
                ),
                QLineEdit.EchoMode.Normal,
                QCoreApplication.translate("dialogs", "Our assembly"),
            )
            if not ok:
                return None
            if name.strip():
                return name.strip()
