"""The task catalogue: a filterable table of tasks, the task form, CSV import and export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.csv_import import decode_csv
from pareconapp.files import write_text_atomically
from pareconapp.services.tasks import TaskFields, TaskRow
from pareconapp.ui.guard import guarded
from pareconapp.ui.jobs.labels import hours, rating
from pareconapp.ui.jobs.task_dialog import TaskDialog
from pareconapp.ui.jobs.task_import import TaskImportDialog
from pareconapp.ui.table_model import Column, RowRole, RowTableModel, SortRole

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.ratings import CurrentRating


class TasksPanel(QWidget):
    """Every task with its hours, block, who may do it and its latest ratings."""

    changed = Signal()
    """Tasks were added, edited, deleted or imported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self._names: dict[int, str] = {}
        self._ratings: dict[int, CurrentRating] = {}
        self.model: RowTableModel[TaskRow] = RowTableModel(
            [
                Column(
                    self.tr("Task"),
                    lambda t: t.name,
                    lambda t: t.name.casefold(),
                    tooltip=lambda t: t.description,
                ),
                Column(self.tr("Category"), lambda t: t.category, lambda t: t.category.casefold()),
                Column(
                    self.tr("Hours/week"),
                    lambda t: hours(t.weekly_hours),
                    lambda t: t.weekly_hours,
                    align_right=True,
                ),
                Column(
                    self.tr("Min. block"),
                    lambda t: hours(t.block_hours),
                    lambda t: t.block_hours,
                    align_right=True,
                ),
                Column(
                    self.tr("Who may do it"),
                    self._who,
                    lambda t: len(t.may_do or ()),
                    tooltip=self._who_names,
                ),
                Column(
                    self.tr("Empowerment"),
                    lambda t: self._rating(t, 0),
                    lambda t: self._rating_value(t, 0),
                    align_right=True,
                ),
                Column(
                    self.tr("Desirability"),
                    lambda t: self._rating(t, 1),
                    lambda t: self._rating_value(t, 1),
                    align_right=True,
                ),
                Column(self.tr("Status"), self._status, lambda t: t.active),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setObjectName("taskTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by category, then name
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Tasks"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search tasks…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.show_inactive = QCheckBox(self.tr("Show inactive tasks"))
        self.summary = QLabel()
        self.new_button = QPushButton(self.tr("&New task"))
        self.new_button.setToolTip(self.tr("Add a task (Insert)"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(
            self.tr("Delete a task never rated or assigned (mark others inactive)")
        )
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        bottom = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            bottom.addWidget(button)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_inactive.toggled.connect(lambda _: self.refresh())
        self.new_button.clicked.connect(self.new_task)
        self.edit_button.clicked.connect(self.edit_task)
        self.delete_button.clicked.connect(self.delete_task)
        self.import_button.clicked.connect(self.import_csv)
        self.export_button.clicked.connect(self.export_csv)
        self.table.doubleClicked.connect(lambda _: self.edit_task())
        for keys, slot in (
            ("Insert", self.new_task),
            ("Return", self.edit_task),
            ("Delete", self.delete_task),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- columns ----------------------------------------------------------------------------

    def _who(self, task: TaskRow) -> str:
        training = self.tr(", %n in training", "", len(task.training)) if task.training else ""
        if not task.restricted:
            return self.tr("everyone") + training
        return self.tr("%n qualified", "", len(task.qualified)) + training

    def _who_names(self, task: TaskRow) -> str:
        qualified = ", ".join(sorted(self._names.get(m, "?") for m in task.qualified))
        training = ", ".join(sorted(self._names.get(m, "?") for m in task.training))
        lines = [self.tr("Qualified: {names}").format(names=qualified or self.tr("everyone"))]
        if training:
            lines.append(self.tr("In training: {names}").format(names=training))
        return "\n".join(lines)

    def _rating_value(self, task: TaskRow, dimension: int) -> float:
        current = self._ratings.get(task.id)
        if current is None:
            return -1.0
        return current.empowerment if dimension == 0 else current.desirability

    def _rating(self, task: TaskRow, dimension: int) -> str:
        value = self._rating_value(task, dimension)
        return rating(value) if value >= 0 else self.tr("not rated")

    def _status(self, task: TaskRow) -> str:
        return self.tr("active") if task.active else self.tr("inactive")

    # -- reading ----------------------------------------------------------------------------

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Show ``assembly``'s tasks."""
        self.assembly = assembly
        self.refresh()

    def refresh(self) -> None:
        """Reload the tasks (keeping the selection)."""
        if self.assembly is None:
            self.model.set_rows([])
            return
        keep = self.selected()
        self._names = {m.id: m.display_name for m in self.assembly.members.list_members()}
        self._ratings = self.assembly.ratings.current_ratings()
        tasks = self.assembly.tasks.list_tasks(active_only=not self.show_inactive.isChecked())
        self.model.set_rows(tasks)
        active = [t for t in tasks if t.active]
        self.summary.setText(
            self.tr("%n active task(s)", "", len(active))
            + " · "
            + self.tr("{hours} h a week").format(hours=hours(sum(t.weekly_hours for t in active)))
        )
        if keep is not None:
            self.select(keep.id)

    def selected(self) -> TaskRow | None:
        """The task selected."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = index.data(RowRole)
        return row if isinstance(row, TaskRow) else None

    def select(self, task_id: int) -> None:
        """Select a task by id."""
        for row in range(self.proxy.rowCount()):
            task = self.proxy.index(row, 0).data(RowRole)
            if task.id == task_id:
                self.table.selectRow(row)
                return

    # -- editing ----------------------------------------------------------------------------

    def _dialog(self, task: TaskRow | None) -> TaskDialog | None:
        if self.assembly is None:
            return None
        assembly = self.assembly

        def store(fields: TaskFields) -> TaskRow:
            if task is None:
                return assembly.tasks.add_task(fields)
            return assembly.tasks.update_task(task.id, fields)

        return TaskDialog(
            assembly.members.list_members(active_only=True),
            assembly.tasks.categories(),
            store,
            task,
            self,
        )

    def new_task(self) -> None:
        """Add a task through the task form."""
        dialog = self._dialog(None)
        if dialog is not None and dialog.exec():
            self.refresh()
            self.changed.emit()

    def edit_task(self) -> None:
        """Edit the selected task."""
        task = self.selected()
        dialog = self._dialog(task) if task else None
        if dialog is not None and dialog.exec():
            self.refresh()
            self.changed.emit()

    def delete_task(self) -> None:
        """Delete the selected task (only one never rated or assigned)."""
        task = self.selected()
        if task is None or self.assembly is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete task"),
            self.tr("Delete the task “{name}”?").format(name=task.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        assembly = self.assembly
        if guarded(self, lambda: assembly.tasks.delete_task(task.id)) is not None:
            self.refresh()
            self.changed.emit()

    # -- CSV --------------------------------------------------------------------------------

    def choose_csv_to_import(self) -> Path | None:
        """Ask for a CSV file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import tasks"),
            str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        return Path(name) if name else None

    def choose_csv_export_path(self) -> Path | None:
        """Ask where to save the tasks (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export tasks"),
            str(Path.home() / self.tr("tasks.csv")),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".csv")

    def confirm_import(self, dialog: TaskImportDialog) -> bool:
        """Show the preview; whether the user pressed Import (tests replace this)."""
        return bool(dialog.exec())

    def import_csv(self) -> None:
        """Preview a CSV file and import all of its tasks, or none."""
        if self.assembly is None:
            return
        path = self.choose_csv_to_import()
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Import tasks"),
                self.tr("Could not read {path}: {error}").format(path=path, error=error.strerror),
            )
            return
        assembly = self.assembly
        preview = guarded(self, lambda: assembly.tasks.preview_csv(data))
        if preview is None:
            return
        dialog = TaskImportDialog(preview, path.name, decode_csv(data), self)
        if not self.confirm_import(dialog):
            return
        if guarded(self, lambda: assembly.tasks.import_csv(data)) is not None:
            self.refresh()
            self.changed.emit()

    def export_csv(self) -> None:
        """Save every task to a CSV file in the format the import reads."""
        if self.assembly is None:
            return
        path = self.choose_csv_export_path()
        if path is None:
            return
        text = guarded(self, self.assembly.tasks.export_csv)
        if text is None:
            return
        try:
            write_text_atomically(path, "\ufeff" + text)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Export tasks"),
                self.tr("Could not write {path}: {error}").format(path=path, error=error.strerror),
            )
