"""The facilitator passphrase: asked before actions only a facilitator may take."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.secrets import MIN_PASSPHRASE_LENGTH
from pareconapp.ui.forms import error_label, ok_cancel

if TYPE_CHECKING:
    from pareconapp.services.security import FacilitatorSecurity


class PassphraseDialog(QDialog):
    """Asks for the facilitator passphrase (or, if there is none yet, to choose one)."""

    def __init__(
        self, security: FacilitatorSecurity, purpose: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.security = security
        self.creating = not security.has_passphrase()
        self.setWindowTitle(self.tr("Facilitator passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(purpose)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if self.creating:
            note = QLabel(
                self.tr(
                    "This assembly has no facilitator passphrase yet. Choose one (at least {n} "
                    "characters); facilitators will need it to open and close votes, leave the "
                    "shared-laptop screens and change members' PINs."
                ).format(n=MIN_PASSPHRASE_LENGTH)
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            form.addRow(self.tr("New &passphrase:"), self.passphrase)
            form.addRow(self.tr("&Repeat it:"), self.repeat)
        else:
            form.addRow(self.tr("&Passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self._check)
        layout.addWidget(buttons)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _check(self) -> None:
        text = self.passphrase.text()
        if self.creating:
            if len(text) < MIN_PASSPHRASE_LENGTH:
                self._show_error(
                    self.tr("The passphrase needs at least {n} characters.").format(
                        n=MIN_PASSPHRASE_LENGTH
                    )
                )
                return
            if text != self.repeat.text():
                self._show_error(self.tr("The two passphrases differ."))
                return
            self.security.set_passphrase(text)
            self.accept()
        elif self.security.verify(text):
            self.accept()
        else:
            self._show_error(self.tr("That is not the facilitator passphrase."))


def confirm_facilitator(
    security: FacilitatorSecurity, purpose: str, parent: QWidget | None = None
) -> bool:
    """Ask for the passphrase; ``True`` only when it was given correctly."""
    return PassphraseDialog(security, purpose, parent).exec() == QDialog.DialogCode.Accepted
