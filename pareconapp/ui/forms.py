"""What every form dialog shares: the problem line under the fields and OK/Cancel.

A form checks its fields when OK is pressed (through the service); a problem is shown in red
under the fields and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_COLOUR = QColor("#b00020")
"""The red of problems: readable on a white form and on a projector."""


def error_label() -> QLabel:
    """A hidden label for a form's problem, in a red readable on projectors."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
    label.setPalette(palette)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show a problem in a form's error label."""
    label.setText(text)
    label.show()


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None] | None = None) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``: OK runs ``on_ok`` (which accepts if the form is good)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
