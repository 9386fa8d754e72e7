"""The preview of a task CSV file: every row and every problem, before anything is stored.

The same dialog as the members' import (:mod:`pareconapp.ui.members.import_preview`), over
the task columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.i18n import render
from pareconapp.ui.members.import_preview import PROBLEM_BACKGROUND, PROBLEM_TEXT

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from pareconapp.services.task_import import TaskImportPreview, TaskImportRow

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("name", "weekly_hours", "block_hours", "category", "qualified", "training")


def row_cells(row: TaskImportRow) -> dict[str, str]:
    """What a row of the file says, by column."""
    record = row.record
    if record is None:
        return dict(row.cells)
    return {
        "name": record.name,
        "weekly_hours": f"{record.weekly_hours:g}",
        "block_hours": f"{record.block_hours:g}",
        "category": record.category,
        "qualified": ", ".join(record.qualified) if record.restricted else "",
        "training": ", ".join(record.training),
    }


class TaskImportModel(QAbstractTableModel):
    """The rows of a preview: line, the task's main fields, and the row's problems."""

    def __init__(self, preview: TaskImportPreview, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = preview.rows
        self._cells = [row_cells(row) for row in preview.rows]
        self._problems = ["\n".join(render(p) for p in row.problems) for row in preview.rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of data rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Line, the fields, problems."""
        return 0 if parent.isValid() else len(FIELDS) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Line"),
            self.tr("Task"),
            self.tr("Hours/week"),
            self.tr("Block"),
            self.tr("Category"),
            self.tr("Qualified (empty: everyone)"),
            self.tr("In training"),
            self.tr("Problems"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; rows with problems in red."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        has_problems = bool(self._rows[row].problems)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(self._rows[row].line)
            if column <= len(FIELDS):
                return self._cells[row].get(FIELDS[column - 1], "")
            return self._problems[row] or (
                self.tr("OK") if role == Qt.ItemDataRole.DisplayRole else None
            )
        if role == Qt.ItemDataRole.BackgroundRole and has_problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and has_problems:
            return PROBLEM_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column in (0, 2, 3) else (Qt.AlignmentFlag.AlignLeft)
            )
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        return None


class TaskImportDialog(QDialog):
    """Shows a file's rows and problems; imports (all or nothing) only when there are none."""

    def __init__(
        self, preview: TaskImportPreview, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import tasks from {file}").format(file=file_name))
        self.resize(1100, 620)
        self.preview = preview
        count = len(preview.rows)
        self.summary = QLabel(
            self.tr("%n task(s)", "", count)
            + ", "
            + self.tr("%n problem(s)", "", preview.problem_count)
        )
        self.summary.setObjectName("importSummary")
        self.file_problems = QLabel("\n".join(render(p) for p in preview.file_problems))
        self.file_problems.setObjectName("importFileProblems")
        self.file_problems.setWordWrap(True)
        self.file_problems.setVisible(bool(preview.file_problems))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        if preview.ok:
            self.advice.setText(
                self.tr("Every row can be imported. Nothing is stored until you press Import.")
            )
        else:
            self.advice.setText(
                self.tr(
                    "Nothing can be imported until every problem is fixed: correct the file in "
                    "your spreadsheet (the first line names the columns: name, description, "
                    "weekly_hours, block_hours, category, qualified, training, active) and "
                    "import it again."
                )
            )
        self.model = TaskImportModel(preview, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Rows of the file"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(FIELDS) + 1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setVisible(bool(preview.rows))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import %n task(s)", "", count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.advice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the rows to their wrapped text once the columns have their widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()
