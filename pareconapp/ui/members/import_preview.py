"""The preview of a member CSV file: every row and every problem, before anything is stored."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QShowEvent
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
from pareconapp.ui.members.dialogs import error_label, show_error
from pareconapp.ui.members.table import format_hours

if TYPE_CHECKING:
    from pareconapp.core.member_import import ImportPreview, ImportRow

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fde3e3")
PROBLEM_TEXT = QColor("#7a0013")
FIELDS = ("name", "display_name", "weekly_hours", "team", "consumer_council")


def row_cells(row: ImportRow) -> Mapping[str, str] | None:
    """What a row of the file says, by column (``None`` if the preview does not keep it).

    A row without problems has its record. A row with problems has none; its cells are
    known only if the import keeps them as ``ImportRow.cells``.
    """
    if row.record is not None:
        record = row.record
        return {
            "name": record.name,
            "display_name": record.display_name,
            "weekly_hours": format_hours(record.weekly_hours),
            "team": record.team,
            "consumer_council": record.consumer_council,
        }
    cells = getattr(row, "cells", None)
    return cells if isinstance(cells, Mapping) else None


class ImportRowModel(QAbstractTableModel):
    """The rows of a preview: line, the member's main fields, and the row's problems."""

    def __init__(self, preview: ImportPreview, text: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = preview.rows
        self._cells = [row_cells(row) for row in preview.rows]
        self._problems = ["\n".join(render(p) for p in row.problems) for row in preview.rows]
        self._lines = text.splitlines()

    def raw_rows(self) -> list[int]:
        """Rows shown as their line of the file (the preview kept no cells for them)."""
        return [i for i, cells in enumerate(self._cells) if cells is None]

    def _raw_line(self, row: int) -> str:
        number = self._rows[row].line
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of data rows in the file."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Line, five fields, problems."""
        return 0 if parent.isValid() else len(FIELDS) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Line"),
            self.tr("Name"),
            self.tr("Display name"),
            self.tr("Hours/week"),
            self.tr("Team"),
            self.tr("Consumer council"),
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
            cells = self._cells[row]
            if column <= len(FIELDS) and cells is None:
                return self._raw_line(row) if column == 1 else ""
            if column <= len(FIELDS):
                return cells.get(FIELDS[column - 1], "") if cells is not None else ""
            return self._problems[row] or (
                self.tr("OK") if role == Qt.ItemDataRole.DisplayRole else None
            )
        if role == Qt.ItemDataRole.BackgroundRole and has_problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and has_problems:
            return PROBLEM_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class ImportPreviewDialog(QDialog):
    """Shows a file's rows and problems; imports (all or nothing) only when there are none.

    ``text`` is the file's content, for showing the lines of rows with problems.
    """

    def __init__(
        self,
        preview: ImportPreview,
        file_name: str,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import members from {file}").format(file=file_name))
        self.resize(1100, 620)
        self.preview = preview
        count = len(preview.rows)

        self.summary = QLabel(
            self.tr("%n member(s)", "", count)
            + ", "
            + self.tr("%n problem(s)", "", preview.problem_count)
        )
        self.summary.setObjectName("importSummary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)

        self.file_problems = error_label()
        self.file_problems.setObjectName("importFileProblems")
        if preview.file_problems:
            show_error(self.file_problems, "\n".join(render(p) for p in preview.file_problems))

        self.advice = QLabel()
        self.advice.setObjectName("importAdvice")
        self.advice.setWordWrap(True)
        if preview.ok:
            self.advice.setText(
                self.tr("Every row can be imported. Nothing is stored until you press Import.")
            )
        elif preview.file_problems:
            self.advice.setText(
                self.tr(
                    "Nothing can be imported from this file. Correct it in your spreadsheet "
                    "(the first line names the columns) and import it again."
                )
            )
        else:
            self.advice.setText(
                self.tr(
                    "Nothing can be imported until every problem is fixed: correct the rows "
                    "marked in red in your spreadsheet and import the file again."
                )
            )

        self.model = ImportRowModel(preview, text, self)
        self.table = QTableView()
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Rows of the file"))
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(FIELDS) + 1, QHeaderView.ResizeMode.Stretch)
        for row in self.model.raw_rows():  # the file's line, across the field columns
            self.table.setSpan(row, 1, 1, len(FIELDS))
        # Wrapped problems need row heights fitted to the final column widths.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setVisible(bool(preview.rows))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import %n member(s)", "", count), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.ok)
        self.import_button.setDefault(preview.ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.advice)
        layout.addWidget(self.table, 1)
        if not preview.rows:
            layout.addStretch(1)
            self.resize(900, 320)
        layout.addWidget(self.buttons)
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the rows to their wrapped text once the columns have their widths."""
        super().showEvent(event)
        self.table.resizeRowsToContents()
