"""Dialogs of the Members page: add a member, mark as left, set a PIN.

Each dialog hands what was entered to a ``submit`` callback that calls the service; a
refusal is shown inside the dialog (naming the field), which stays open to fix it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.core.member_import import MAX_WEEKLY_HOURS
from pareconapp.core.secrets import MAX_PIN_DIGITS, MIN_PIN_DIGITS
from pareconapp.i18n import render
from pareconapp.services.members import MemberFields, MemberRow
from pareconapp.ui.forms import error_label, show_error
from pareconapp.ui.members.table import split_skills

if TYPE_CHECKING:
    from collections.abc import Callable


class MemberDialog(QDialog):
    """Every field of a new member; the service checks them when the user confirms."""

    def __init__(
        self,
        teams: list[tuple[str, int]],
        consumer_councils: list[tuple[str, int]],
        submit: Callable[[MemberFields], MemberRow],
        parent: QWidget | None = None,
        team_id: int | None = None,
        consumer_council_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Add member"))
        self.setMinimumWidth(560)
        self._submit = submit
        self.added: MemberRow | None = None

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("As shown on screens (default: the name)"))
        self.team = _council_combo(teams, self.tr("No team"), team_id)
        self.consumer_council = _council_combo(
            consumer_councils, self.tr("No consumer council"), consumer_council_id
        )
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, MAX_WEEKLY_HOURS)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(2)
        self.hours.setToolTip(self.tr("From 0 to 168, in steps of half an hour"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("E-mail or phone"))
        self.skills = QLineEdit()
        self.skills.setPlaceholderText(self.tr("Comma-separated, e.g. welding, wheel truing"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Display name:"), self.display_name)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("&Consumer council:"), self.consumer_council)
        form.addRow(self.tr("&Hours per week:"), self.hours)
        form.addRow(self.tr("C&ontact:"), self.contact)
        form.addRow(self.tr("&Skills:"), self.skills)

        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("&Add member"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def fields(self) -> MemberFields:
        """What the form says."""
        return MemberFields(
            name=self.name.text(),
            display_name=self.display_name.text(),
            contact=self.contact.text(),
            weekly_hours=self.hours.value(),
            team_id=self.team.currentData() or None,
            consumer_council_id=self.consumer_council.currentData() or None,
            skills=split_skills(self.skills.text()),
        )

    def _confirm(self) -> None:
        try:
            self.added = self._submit(self.fields())
        except UserError as error:
            show_error(self.error, render(error.message))
            return
        self.accept()


def _council_combo(choices: list[tuple[str, int]], none: str, current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem(none, 0)
    for label, council_id in choices:
        combo.addItem(label, council_id)
    combo.setCurrentIndex(max(combo.findData(current or 0), 0))
    return combo


class LeaveDialog(QDialog):
    """When a member left (today unless changed)."""

    def __init__(self, member: MemberRow, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        self.setWindowTitle(self.tr("Mark as left"))
        intro = QLabel(
            self.tr(
                "{name} stays in the records of past meetings and decisions but no longer "
                "appears among the active members."
            ).format(name=member.display_name)
        )
        intro.setWordWrap(True)
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Date of leaving"))
        form = QFormLayout()
        form.addRow(self.tr("&Left on:"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(
            self.tr("&Mark as left"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.date.setFocus()

    def left_on(self) -> date:
        """The date chosen."""
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class PinDialog(QDialog):
    """Set, reset or clear a member's PIN: typed twice, never shown."""

    def __init__(
        self,
        member: MemberRow,
        submit: Callable[[str | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("PIN of {name}").format(name=member.display_name))
        self._submit = submit
        self.outcome: str | None = None
        """``"set"`` or ``"cleared"`` once the dialog was accepted."""
        intro = QLabel(
            self.tr(
                "{name} types this PIN on the shared laptop to confirm who they are. It is "
                "{low} to {high} digits and is stored only in scrambled form."
            ).format(name=member.display_name, low=MIN_PIN_DIGITS, high=MAX_PIN_DIGITS)
            + (
                " "
                + self.tr("{name} has a PIN; a new one replaces it.").format(
                    name=member.display_name
                )
                if member.has_pin
                else ""
            )
        )
        intro.setWordWrap(True)
        digits = QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_PIN_DIGITS}}}"))
        self.pin = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.pin, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setValidator(digits)
            edit.setInputMethodHints(
                Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
            )
        form = QFormLayout()
        form.addRow(self.tr("New &PIN:"), self.pin)
        form.addRow(self.tr("&Repeat it:"), self.repeat)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.set_button = self.buttons.addButton(
            self.tr("&Set PIN"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.set_button.setDefault(True)
        self.clear_button: QPushButton = self.buttons.addButton(
            self.tr("C&lear PIN"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.clear_button.setEnabled(member.has_pin)
        self.clear_button.setToolTip(
            self.tr("Remove the PIN: {name} then votes without one").format(
                name=member.display_name
            )
        )
        self.buttons.accepted.connect(self._set)
        self.buttons.rejected.connect(self.reject)
        self.clear_button.clicked.connect(self._clear)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.pin.setFocus()

    def _set(self) -> None:
        if self.pin.text() != self.repeat.text():
            self._problem(self.tr("The two PINs differ; type the same PIN twice."))
            return
        self._finish(self.pin.text(), "set")

    def _clear(self) -> None:
        self._finish(None, "cleared")

    def _finish(self, pin: str | None, outcome: str) -> None:
        try:
            self._submit(pin)
        except UserError as error:
            self._problem(render(error.message))
            return
        self.outcome = outcome
        self.accept()

    def _problem(self, text: str) -> None:
        show_error(self.error, text)
        self.pin.clear()
        self.repeat.clear()
        self.pin.setFocus()
