"""Typing in paper rating forms: one rater's form at a time, tasks down, two numbers across.

The facilitator picks whose form it is, types the empowerment and desirability numbers of
each task (an empty pair: skipped), and records it; the form is stored exactly as a member's
ratings on the shared laptop would be (in an anonymous round, without the link to the rater)
and the next rater's form comes up. Keys: type the number, Tab or Enter to the next cell,
Ctrl+Enter records the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, user_error
from pareconapp.i18n import render

if TYPE_CHECKING:
    from pareconapp.core.jobs import TaskRating
    from pareconapp.services.assembly import AssemblyService

ID_ROLE = Qt.ItemDataRole.UserRole


class PaperFormsDialog(QDialog):
    """Type in the paper forms of a round's raters, one form at a time."""

    def __init__(
        self, assembly: AssemblyService, round_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperForms")
        self.assembly = assembly
        self.round = assembly.ratings.round(round_id)
        self.recorded = 0
        self.setWindowTitle(self.tr("Paper forms: {title}").format(title=self.round.title))
        self.resize(1000, 680)
        names = {t.id: t.name for t in assembly.tasks.list_tasks()}
        self.task_ids = list(self.round.task_ids)
        self.raters = QListWidget()
        self.raters.setAccessibleName(self.tr("Whose form"))
        self.raters.setMaximumWidth(260)
        self.grid = QTableWidget(len(self.task_ids), 2)
        self.grid.setObjectName("paperGrid")
        self.grid.setAccessibleName(self.tr("Ratings on the form"))
        self.grid.setHorizontalHeaderLabels([self.tr("Empowerment"), self.tr("Desirability")])
        self.grid.setVerticalHeaderLabels([names.get(t, "?") for t in self.task_ids])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.scale = QLabel(
            self.tr(
                "Whole numbers from {low} to {high}; leave both empty where the rater skipped "
                "a task."
            ).format(low=self.round.scale_low, high=self.round.scale_high)
        )
        self.scale.setWordWrap(True)
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.record_button = QPushButton(self.tr("&Record this form"))
        self.record_button.setObjectName("primaryButton")
        self.record_button.setToolTip(self.tr("Store these ratings (Ctrl+Enter)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.scale)
        right.addWidget(self.grid, 1)
        right.addWidget(self.error)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        right.addLayout(record_row)
        body = QHBoxLayout()
        body.addWidget(self.raters)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.record_button.clicked.connect(self.record)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.record)
        self.raters.currentRowChanged.connect(lambda _: self._rater_changed())
        self._load_raters()

    def _load_raters(self, keep: int | None = None) -> None:
        self.raters.blockSignals(True)
        self.raters.clear()
        first = None
        for rater in self.assembly.ratings.raters(self.round.id):
            if not rater.chosen:
                continue
            mark = "✓ " if rater.done else ""
            item = QListWidgetItem(mark + rater.display_name)
            item.setData(ID_ROLE, rater.member_id)
            if rater.done:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("Recorded"))
            elif first is None or rater.member_id == keep:
                first = self.raters.count()
            self.raters.addItem(item)
        self.raters.blockSignals(False)
        if first is not None:
            self.raters.setCurrentRow(first)
        self._rater_changed()

    def member_id(self) -> int | None:
        """Whose form is being typed (``None``: every form is recorded)."""
        item = self.raters.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return int(item.data(ID_ROLE))

    def select_rater(self, member_id: int) -> None:
        """Show the form of ``member_id``."""
        for row in range(self.raters.count()):
            if self.raters.item(row).data(ID_ROLE) == member_id:
                self.raters.setCurrentRow(row)

    def set_cell(self, task_id: int, dimension: int, text: str) -> None:
        """Type ``text`` into one cell (as the facilitator would)."""
        self.grid.setItem(self.task_ids.index(task_id), dimension, QTableWidgetItem(text))

    def _rater_changed(self) -> None:
        self.grid.clearContents()
        self.error.clear()
        member = self.member_id()
        item = self.raters.currentItem()
        enabled = member is not None
        self.grid.setEnabled(enabled)
        self.record_button.setEnabled(enabled)
        if enabled and item is not None:
            self.heading.setText(self.tr("The form of {name}").format(name=item.text()))
            self.grid.setCurrentCell(0, 0)
            self.grid.setFocus()
        else:
            self.heading.setText(self.tr("Every form has been recorded."))

    def ratings(self) -> list[TaskRating]:
        """The form's ratings; raise ``UserError`` for a number off the scale or half a pair."""
        from pareconapp.core.jobs import TaskRating

        ratings = []
        for row, task_id in enumerate(self.task_ids):
            values: list[int | None] = []
            for column in range(2):
                item = self.grid.item(row, column)
                text = item.text().strip() if item is not None else ""
                values.append(self._number(text, row))
            if (values[0] is None) != (values[1] is None):
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Jobs",
                        "{task}: give both ratings, or leave both empty if the rater skipped it.",
                    ),
                    task=self._task_name(row),
                )
            if values[0] is not None:
                ratings.append(TaskRating(task_id, values[0], values[1]))
        return ratings

    def _task_name(self, row: int) -> str:
        header = self.grid.verticalHeaderItem(row)
        return header.text() if header is not None else "?"

    def _number(self, text: str, row: int) -> int | None:
        if not text:
            return None
        try:
            value = int(text)
        except ValueError:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Jobs", '{task}: "{value}" is not a whole number from {low} to {high}.'
                ),
                task=self._task_name(row),
                value=text,
                low=self.round.scale_low,
                high=self.round.scale_high,
            ) from None
        return value

    def record(self) -> None:
        """Store the form shown and go on to the next rater's."""
        member = self.member_id()
        if member is None:
            return
        try:
            self.assembly.ratings.submit(self.round.id, member, self.ratings())
        except UserError as error:
            self.error.setText(render(error.message))
            return
        self.recorded += 1
        self._load_raters()
