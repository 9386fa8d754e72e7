"""The task form: name, hours, block, category, description, and who may do the task."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.i18n import render
from pareconapp.services.tasks import TaskFields, TaskRow

if TYPE_CHECKING:
    from pareconapp.services.members import MemberRow

Store = Callable[[TaskFields], object]
"""Stores the fields (through the service); raises ``UserError`` when refused."""

MEMBER, QUALIFIED, TRAINING = 0, 1, 2


class TaskDialog(QDialog):
    """Add or edit one task; the dialog stays open with the reason when the service refuses."""

    def __init__(
        self,
        members: list[MemberRow],
        categories: list[str],
        store: Store,
        task: TaskRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setWindowTitle(self.tr("Edit task") if task else self.tr("New task"))
        self.resize(720, 700)
        self.store = store
        self.members = members
        fields = task.fields() if task else TaskFields("", weekly_hours=4.0)
        self.name = QLineEdit(fields.name)
        self.name.setMaxLength(200)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories)
        self.category.setCurrentText(fields.category)
        self.hours = self._spin(0, 10_000, fields.weekly_hours, self.tr(" h/week"))
        self.block = self._spin(0.25, 168, fields.block_hours, self.tr(" h"))
        self.block.setToolTip(
            self.tr("The smallest share of the task one member may take (a minimum, not a unit)")
        )
        self.active = QCheckBox(self.tr("Active (part of new rounds and job complexes)"))
        self.active.setChecked(fields.active)
        self.description = QPlainTextEdit(fields.description)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.everyone = QRadioButton(self.tr("&Everyone may do it"))
        self.listed = QRadioButton(self.tr("&Only the members ticked as qualified or in training"))
        self.everyone.setChecked(not fields.restricted)
        self.listed.setChecked(fields.restricted)
        self.table = QTableWidget(len(members), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Qualified"), self.tr("In training")]
        )
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Who may do the task"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QUALIFIED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TRAINING, QHeaderView.ResizeMode.ResizeToContents)
        for row, member in enumerate(members):
            name = QTableWidgetItem(member.display_name)
            name.setData(Qt.ItemDataRole.UserRole, member.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, MEMBER, name)
            for column, ticked in (
                (QUALIFIED, member.id in fields.qualified),
                (TRAINING, member.id in fields.training),
            ):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.table.setItem(row, column, item)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Category:"), self.category)
        numbers = QHBoxLayout()
        numbers.addWidget(self.hours)
        numbers.addSpacing(16)
        block_label = QLabel(self.tr("Minimum &block:"))
        block_label.setBuddy(self.block)
        numbers.addWidget(block_label)
        numbers.addWidget(self.block)
        numbers.addStretch(1)
        hours_label = QLabel(self.tr("&Hours needed:"))
        hours_label.setBuddy(self.hours)
        form.addRow(hours_label, numbers)
        form.addRow("", self.active)
        form.addRow(self.tr("&Description:"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Who may do it:")))
        layout.addWidget(self.everyone)
        layout.addWidget(self.listed)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.everyone.toggled.connect(lambda _: self._restriction_changed())
        self._restriction_changed()
        self.name.setFocus()

    def _spin(self, low: float, high: float, value: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    def _restriction_changed(self) -> None:
        restricted = self.listed.isChecked()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, QUALIFIED)
            if item is not None:
                flags = Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if restricted else flags)

    def _ticked(self, column: int) -> frozenset[int]:
        ticked = set()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            name = self.table.item(row, MEMBER)
            if item is not None and name is not None and item.checkState() == Qt.CheckState.Checked:
                ticked.add(int(name.data(Qt.ItemDataRole.UserRole)))
        return frozenset(ticked)

    def set_member(self, member_id: int, qualified: bool, training: bool) -> None:
        """Tick (or untick) a member as qualified and in training."""
        for row in range(self.table.rowCount()):
            name = self.table.item(row, MEMBER)
            if name is not None and name.data(Qt.ItemDataRole.UserRole) == member_id:
                for column, ticked in ((QUALIFIED, qualified), (TRAINING, training)):
                    item = self.table.item(row, column)
                    assert item is not None
                    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def fields(self) -> TaskFields:
        """What the form says."""
        restricted = self.listed.isChecked()
        return TaskFields(
            name=self.name.text(),
            description=self.description.toPlainText(),
            weekly_hours=round(self.hours.value() * 60) / 60,
            block_hours=round(self.block.value() * 60) / 60,
            category=self.category.currentText(),
            restricted=restricted,
            qualified=self._ticked(QUALIFIED) if restricted else frozenset(),
            training=self._ticked(TRAINING),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        """Store through the service; close on success, show the reason otherwise."""
        try:
            self.store(self.fields())
        except UserError as error:
            self.error.setText(render(error.message))
            self.error.show()
            return
        self.accept()
