"""Forms of the Remuneration area: a new period, a member's entries, a need allowance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, user_error
from pareconapp.core.remuneration import (
    Budget,
    NeedKind,
    NeedPolicy,
    OnerousHours,
    PerCapitaBudget,
    PeriodKind,
    RemunerationRules,
    WorkplaceBudget,
)
from pareconapp.core.remuneration.effort import EffortScale
from pareconapp.i18n import render
from pareconapp.services.remuneration import EntryFields, EntryRow, decimal_of
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.forms import error_label, ok_cancel


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodDialog(QDialog):
    """Open a period: its kind, a day in it, the budget and the formula's settings."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New remuneration period"))
        self.kind = QComboBox()
        for kind, label in (
            (PeriodKind.MONTH, self.tr("Month")),
            (PeriodKind.QUARTER, self.tr("Quarter")),
            (PeriodKind.YEAR, self.tr("Year")),
        ):
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(1)
        self.day = QDateEdit(_qdate(today))
        self.day.setCalendarPopup(True)
        self.budget_kind = QComboBox()
        self.budget_kind.addItem(
            self.tr("Consumption budget of the workplace for the period"), "workplace"
        )
        self.budget_kind.addItem(
            self.tr("Society's average per member for the period"), "per_capita"
        )
        self.amount = QLineEdit("150000")
        self.anonymous = QCheckBox(self.tr("Effort ratings are &anonymous"))
        self.anonymous.setChecked(True)
        self.effort_high = QDoubleSpinBox()
        self.effort_high.setRange(1, 100)
        self.effort_high.setValue(10)
        self.effort_high.setDecimals(0)
        self.trim = QDoubleSpinBox()
        self.trim.setRange(0, 45)
        self.trim.setSuffix(" %")
        self.trim.setValue(20)
        self.low_factor = QDoubleSpinBox()
        self.low_factor.setRange(0.1, 1)
        self.low_factor.setSingleStep(0.05)
        self.low_factor.setValue(0.8)
        self.high_factor = QDoubleSpinBox()
        self.high_factor.setRange(1, 3)
        self.high_factor.setSingleStep(0.05)
        self.high_factor.setValue(1.2)
        self.needs = QComboBox()
        self.needs.addItem(
            self.tr("Need allowances come on top of the budget"), NeedPolicy.ON_TOP.value
        )
        self.needs.addItem(
            self.tr("Need allowances are paid out of the budget"), NeedPolicy.FROM_BUDGET.value
        )
        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.kind)
        form.addRow(self.tr("&Containing the day:"), self.day)
        form.addRow(self.tr("&Budget:"), self.budget_kind)
        form.addRow(self.tr("A&mount:"), self.amount)
        form.addRow("", self.anonymous)
        form.addRow(self.tr("Effort scale from 0 to:"), self.effort_high)
        form.addRow(self.tr("&Trim from each end:"), self.trim)
        form.addRow(self.tr("Hour at the lowest effort counts:"), self.low_factor)
        form.addRow(self.tr("Hour at the highest effort counts:"), self.high_factor)
        form.addRow(self.tr("&Needs:"), self.needs)
        self.error = error_label()
        buttons = ok_cancel(self, self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        try:
            self.budget()
            self.rules()
        except UserError as error:
            self.error.setText(render(error.message))
            self.error.show()
            return
        self.accept()

    def period_kind(self) -> PeriodKind:
        """The kind chosen."""
        return PeriodKind(self.kind.currentData())

    def day_in_period(self) -> date:
        """The day chosen."""
        return _pydate(self.day.date())

    def budget(self) -> Budget:
        """The budget entered."""
        amount = decimal_of(self.amount.text(), self.tr("Amount"))
        if amount < 0:
            raise user_error(
                QT_TRANSLATE_NOOP("Remuneration", "Amount: the budget cannot be negative.")
            )
        if self.budget_kind.currentData() == "per_capita":
            return PerCapitaBudget(amount)
        return WorkplaceBudget(amount)

    def rules(self) -> RemunerationRules:
        """The formula's settings."""
        return RemunerationRules(
            effort_scale=EffortScale(0, Decimal(int(self.effort_high.value()))),
            trim_share=Decimal(str(round(self.trim.value() / 100, 4))),
            lowest_effort_factor=Decimal(str(round(self.low_factor.value(), 2))),
            highest_effort_factor=Decimal(str(round(self.high_factor.value(), 2))),
            need_policy=NeedPolicy(self.needs.currentData()),
        )


class EntryDialog(QDialog):
    """A member's hours, training, balancing and onerous work in a period."""

    def __init__(self, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("Hours of {name}").format(name=entry.display_name))
        fields = entry.fields
        self.hours = QLineEdit(str(fields.hours_worked))
        self.reason = QLineEdit(fields.hours_reason)
        self.reason.setPlaceholderText(
            self.tr("Why the hours differ from the {h} h planned").format(h=entry.planned_hours)
        )
        self.training = QLineEdit(str(fields.training_hours))
        self.balancing = QLineEdit(str(fields.balancing_hours))
        self.left = QCheckBox(self.tr("Left during the period on"))
        self.left_on = QDateEdit()
        self.left_on.setCalendarPopup(True)
        self.left.setChecked(fields.left_on is not None)
        if fields.left_on is not None:
            self.left_on.setDate(_qdate(fields.left_on))
        self.left_on.setEnabled(self.left.isChecked())
        self.left.toggled.connect(self.left_on.setEnabled)
        self.onerous = QTableWidget(0, 3)
        self.onerous.setHorizontalHeaderLabels(
            [self.tr("Hours"), self.tr("Factor (1-3)"), self.tr("What")]
        )
        self.onerous.horizontalHeader().setStretchLastSection(True)
        for part in fields.onerous:
            self._add_onerous(str(part.hours), str(part.factor), part.note)
        add = QPushButton(self.tr("Add &onerous or hazardous hours"))
        add.clicked.connect(lambda: self._add_onerous("", "1.5", ""))
        form = QFormLayout()
        form.addRow(self.tr("&Hours worked:"), self.hours)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&Training hours:"), self.training)
        form.addRow(self.tr("&Balancing hours (other workplaces):"), self.balancing)
        left_row = QHBoxLayout()
        left_row.addWidget(self.left)
        left_row.addWidget(self.left_on)
        form.addRow("", left_row)
        self.error = error_label()
        buttons = ok_cancel(self, self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Onerous or hazardous hours count extra: each hour adds its factor minus one."
                )
            )
        )
        layout.addWidget(self.onerous)
        layout.addWidget(add)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _add_onerous(self, hours: str, factor: str, note: str) -> None:
        row = self.onerous.rowCount()
        self.onerous.insertRow(row)
        for column, text in enumerate((hours, factor, note)):
            self.onerous.setItem(row, column, QTableWidgetItem(text))

    def fields(self) -> EntryFields:
        """What the form says (raises ``UserError`` for numbers that are not numbers)."""
        onerous = []
        for row in range(self.onerous.rowCount()):
            cells = [self.onerous.item(row, c) for c in range(3)]
            hours_text = cells[0].text() if cells[0] else ""
            if not hours_text.strip():
                continue
            onerous.append(
                OnerousHours(
                    decimal_of(hours_text, self.tr("Onerous hours")),
                    decimal_of(cells[1].text() if cells[1] else "1", self.tr("Factor")),
                    cells[2].text() if cells[2] else "",
                )
            )
        return EntryFields(
            hours_worked=decimal_of(self.hours.text(), self.tr("Hours worked")),
            hours_reason=self.reason.text(),
            training_hours=decimal_of(self.training.text() or "0", self.tr("Training hours")),
            balancing_hours=decimal_of(self.balancing.text() or "0", self.tr("Balancing hours")),
            onerous=tuple(onerous),
            joined_on=self.entry.fields.joined_on,
            left_on=_pydate(self.left_on.date()) if self.left.isChecked() else None,
        )

    def _check(self) -> None:
        try:
            self.fields()
        except UserError as error:
            show_user_error(self, error)
            return
        self.accept()


class NeedDialog(QDialog):
    """Grant a need allowance the assembly decided."""

    def __init__(self, decisions: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Need allowance"))
        self.kind = QComboBox()
        for kind, label in (
            (NeedKind.CHILDREN, self.tr("Children")),
            (NeedKind.ILLNESS, self.tr("Illness")),
            (NeedKind.DISABILITY, self.tr("Disability")),
            (NeedKind.OTHER, self.tr("Other need")),
        ):
            self.kind.addItem(label, kind.value)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("for the whole period"))
        self.decision = QComboBox()
        for decision_id, title in decisions:
            self.decision.addItem(title, decision_id)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Amount:"), self.amount)
        form.addRow(self.tr("&Decided by:"), self.decision)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = ok_cancel(self, self.accept)
        layout = QVBoxLayout(self)
        if not decisions:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "No decision has passed yet: a need allowance must be decided by the "
                        "assembly first (Decisions)."
                    )
                )
            )
        layout.addLayout(form)
        layout.addWidget(buttons)
