"""The preview of a spreadsheet import: every row and every problem, before anything is stored.

One dialog for every CSV import (members, tasks): the caller names the columns to show and
how a row's record reads in them; rows with problems are red and, when the import kept no
cells for them, show their line of the file. Import stays disabled until there is no problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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

from pareconapp.core.csv_import import ImportPreview, ImportRow
from pareconapp.i18n import render
from pareconapp.ui.forms import error_label, show_error

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fde3e3")
PROBLEM_TEXT = QColor("#7a0013")


@dataclass(frozen=True)
class ImportColumn:
    """A column of the preview: the import's column key, its (translated) heading."""

    key: str
    heading: str
    numeric: bool = False
    """Right-aligned (hours and other numbers)."""


class ImportRowModel(QAbstractTableModel):
    """The rows of a preview: line, the chosen columns, and the row's problems.

    ``cells_of`` gives what a row with a record says, by column key; a row without one shows
    its ``cells`` as written, or (if it has none) its whole line of ``text``.
    """

    def __init__(
        self,
        preview: ImportPreview[Any],
        columns: Sequence[ImportColumn],
        cells_of: Callable[[Any], Mapping[str, str]],
        text: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows = preview.rows
        self._cells = [self._row_cells(row, cells_of) for row in preview.rows]
        self._problems = ["\n".join(render(p) for p in row.problems) for row in preview.rows]
        self._lines = text.splitlines()

    @staticmethod
    def _row_cells(
        row: ImportRow[Any], cells_of: Callable[[Any], Mapping[str, str]]
    ) -> Mapping[str, str] | None:
        if row.record is not None:
            return cells_of(row.record)
        return row.cells or None

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
        """Line, the chosen columns, problems."""
        return 0 if parent.isValid() else len(self._columns) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Line")
        if section <= len(self._columns):
            return self._columns[section - 1].heading
        return self.tr("Problems") if section == len(self._columns) + 1 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; rows with problems in red."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        has_problems = bool(self._rows[row].problems)
        field_column = 0 < column <= len(self._columns)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(self._rows[row].line)
            if field_column:
                cells = self._cells[row]
                if cells is None:
                    return self._raw_line(row) if column == 1 else ""
                return cells.get(self._columns[column - 1].key, "")
            return self._problems[row] or (
                self.tr("OK") if role == Qt.ItemDataRole.DisplayRole else None
            )
        if role == Qt.ItemDataRole.BackgroundRole and has_problems:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and has_problems:
            return PROBLEM_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column == 0 or (field_column and self._columns[column - 1].numeric)
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        return None


@dataclass(frozen=True)
class ImportTexts:
    """What a preview dialog says, already translated and with the counts filled in."""

    title: str
    summary: str
    import_label: str
    file_advice: str
    """What to do when the file as a whole cannot be read."""
    fix_advice: str = ""
    """What to do when some row has a problem (empty: correct the red rows and import again)."""


class ImportPreviewDialog(QDialog):
    """Shows a file's rows and problems; imports (all or nothing) only when there are none."""

    def __init__(
        self,
        preview: ImportPreview[Any],
        columns: Sequence[ImportColumn],
        cells_of: Callable[[Any], Mapping[str, str]],
        texts: ImportTexts,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(texts.title)
        self.resize(1100, 620)
        self.preview = preview

        self.summary = QLabel(texts.summary)
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
        else:
            self.advice.setText(
                texts.file_advice
                if preview.file_problems
                else texts.fix_advice
                or self.tr(
                    "Nothing can be imported until every problem is fixed: correct the rows "
                    "marked in red in your spreadsheet and import the file again."
                )
            )

        self.model = ImportRowModel(preview, columns, cells_of, text, self)
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
        header.setSectionResizeMode(len(columns) + 1, QHeaderView.ResizeMode.Stretch)
        for row in self.model.raw_rows():  # the file's line, across the field columns
            self.table.setSpan(row, 1, 1, len(columns))
        # Wrapped problems need row heights fitted to the final column widths.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setVisible(bool(preview.rows))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            texts.import_label, QDialogButtonBox.ButtonRole.AcceptRole
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
