"""The members x tasks hours matrix of the job-complex editor.

One model (:class:`ComplexMatrixModel`) serves two views side by side that scroll together:
the left one shows each member's balance (hours filled, empowerment and desirability
deviation from the workplace averages, coloured against the goal), the right one the hours
of every task, with the task names written upwards in the header. The last row says how
many hours of each task are still to cover. The model never changes the draft itself: an
edit goes to the ``commit`` callback, which records it as an undo step.

Cells: pinned cells are yellow and bold; a member who may not do a task has a grey cell
(not editable); a member in training for a task has a blue one.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pareconapp.core.csv_import import parse_hours
from pareconapp.services.job_complexes import Cell, ComplexMember, ComplexTask, JobComplexInputs
from pareconapp.ui.jobs.labels import POOR, balance_colour, deviation, hours, rating

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from pareconapp.core.jobs import Balance, JobComplex

Index = QModelIndex | QPersistentModelIndex
PINNED_BACKGROUND = QColor("#fff0a8")
BARRED_BACKGROUND = QColor("#e3e6e8")
TRAINING_BACKGROUND = QColor("#e3eefa")
TOTALS_BACKGROUND = QColor("#f1f3f4")
CELL_ROLE = Qt.ItemDataRole.UserRole + 10
"""``(task_id, member_id)`` of a task cell (``None`` elsewhere)."""
HEADER_HEIGHT = 170
TASK_COLUMN_WIDTH = 40


class Column(enum.IntEnum):
    """The summary columns before the tasks."""

    MEMBER = 0
    HOURS = 1
    EMPOWERMENT = 2
    DESIRABILITY = 3


FIRST_TASK = len(Column)


class ComplexMatrixModel(QAbstractTableModel):
    """Members (rows) x tasks (columns) with each complex's balance in front."""

    def __init__(self, commit: Callable[[Cell, float], None], parent: Any = None) -> None:
        super().__init__(parent)
        self.commit = commit
        self.inputs = JobComplexInputs((), (), 1, 20)
        self.cells: Mapping[Cell, float] = {}
        self.pinned: frozenset[Cell] = frozenset()
        self.complexes: dict[int, JobComplex] = {}
        self.scale_span = 19.0

    # -- state ------------------------------------------------------------------------------

    def set_inputs(self, inputs: JobComplexInputs) -> None:
        """New tasks and members (the columns and rows)."""
        self.beginResetModel()
        self.inputs = inputs
        self.scale_span = float(inputs.scale_high - inputs.scale_low)
        self.endResetModel()

    def set_draft(
        self, cells: Mapping[Cell, float], pinned: frozenset[Cell], balance: Balance | None
    ) -> None:
        """Show a draft and its balance (``None``: not computable, e.g. unrated tasks)."""
        self.cells, self.pinned = cells, pinned
        self.complexes = {c.member_id: c for c in balance.complexes} if balance else {}
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def member_at(self, row: int) -> ComplexMember | None:
        """The member of a row (``None`` for the totals row)."""
        members = self.inputs.members
        return members[row] if 0 <= row < len(members) else None

    def task_at(self, column: int) -> ComplexTask | None:
        """The task of a column (``None`` for the summary columns)."""
        tasks = self.inputs.tasks
        index = column - FIRST_TASK
        return tasks[index] if 0 <= index < len(tasks) else None

    def cell_at(self, index: Index) -> Cell | None:
        """``(task_id, member_id)`` of a task cell."""
        member, task = self.member_at(index.row()), self.task_at(index.column())
        return (task.id, member.id) if member and task else None

    def index_of(self, cell: Cell) -> QModelIndex:
        """The index of a task cell."""
        task_id, member_id = cell
        row = next(i for i, m in enumerate(self.inputs.members) if m.id == member_id)
        column = next(i for i, t in enumerate(self.inputs.tasks) if t.id == task_id)
        return self.index(row, FIRST_TASK + column)

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Members, then the totals row."""
        return 0 if parent.isValid() else len(self.inputs.members) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The summary columns, then one per task."""
        return 0 if parent.isValid() else FIRST_TASK + len(self.inputs.tasks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Summary headers and task names (with hours and ratings in the tooltip)."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        task = self.task_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if task is not None:
                return task.name
            return (
                self.tr("Member"),
                self.tr("Hours"),
                self.tr("Emp. ±"),
                self.tr("Des. ±"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if task is None:
                return (
                    None,
                    self.tr("Hours in the complex of the hours the member works"),
                    self.tr("The complex's empowerment minus the workplace average"),
                    self.tr("The complex's desirability minus the workplace average"),
                )[section]
            return self.tr(
                "{task}\n{hours} h a week, blocks of at least {block} h\n"
                "empowerment {e}, desirability {d}"
            ).format(
                task=task.name,
                hours=hours(task.hours),
                block=hours(task.block_hours),
                e=rating(task.empowerment),
                d=rating(task.desirability),
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Task cells a member may do are editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        member, task = self.member_at(index.row()), self.task_at(index.column())
        if member and task and task.allows(member.id):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, colours and tooltips of summary, task and totals cells."""
        if not index.isValid():
            return None
        member, task = self.member_at(index.row()), self.task_at(index.column())
        if member is None:
            return self._totals(index.column(), task, role)
        if task is None:
            return self._summary(Column(index.column()), member, role)
        return self._task_cell((task.id, member.id), task, member, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edited number of hours goes to ``commit`` (which records an undo step)."""
        cell = self.cell_at(index)
        if role != Qt.ItemDataRole.EditRole or cell is None:
            return False
        text = str(value).strip()
        number = 0.0 if not text else parse_hours(text)
        if number is None or number < 0 or number > 168:
            return False
        if abs(number - self.cells.get(cell, 0.0)) < 1e-9:
            return False
        self.commit(cell, round(number * 60) / 60)
        return True

    # -- cells ------------------------------------------------------------------------------

    def _summary(self, column: Column, member: ComplexMember, role: int) -> Any:
        complex_ = self.complexes.get(member.id)
        filled = sum(h for (_, m), h in self.cells.items() if m == member.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.MEMBER:
                return member.name
            if column is Column.HOURS:
                return f"{hours(filled)}/{hours(member.hours)}"
            if complex_ is None:
                return "–"
            value = (
                complex_.empowerment_deviation
                if column is Column.EMPOWERMENT
                else complex_.desirability_deviation
            )
            return deviation(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.HOURS and abs(filled - member.hours) > 1e-9:
                return POOR
            if complex_ is not None and column in (Column.EMPOWERMENT, Column.DESIRABILITY):
                value = (
                    complex_.empowerment_deviation
                    if column is Column.EMPOWERMENT
                    else complex_.desirability_deviation
                )
                return balance_colour(value, self.scale_span)
        if role == Qt.ItemDataRole.FontRole and column is not Column.MEMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not Column.MEMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and complex_ is not None:
            return self.tr("{name}: {count} tasks, empowerment {e}, desirability {d}").format(
                name=member.name,
                count=len(complex_.hours),
                e=rating(complex_.empowerment),
                d=rating(complex_.desirability),
            )
        return None

    def _task_cell(self, cell: Cell, task: ComplexTask, member: ComplexMember, role: int) -> Any:
        value = self.cells.get(cell, 0.0)
        pinned = cell in self.pinned
        if role == Qt.ItemDataRole.DisplayRole:
            return hours(value) if value > 0 or pinned else ""
        if role == Qt.ItemDataRole.EditRole:
            return hours(value)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.BackgroundRole:
            return _background(pinned, task, member)
        if role == Qt.ItemDataRole.FontRole and pinned:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and value > 0 and not task.allows(member.id):
            return POOR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [f"{member.name} · {task.name}: {hours(value)} h"]
            if pinned:
                notes.append(self.tr("pinned: the optimiser keeps it"))
            if not task.allows(member.id):
                notes.append(self.tr("not qualified for this task"))
            elif member.id in task.training:
                notes.append(self.tr("in training for this task"))
            return "\n".join(notes)
        return None

    def _totals(self, column: int, task: ComplexTask | None, role: int) -> Any:
        if task is None:
            if role == Qt.ItemDataRole.DisplayRole and column == Column.MEMBER:
                return self.tr("Still to cover")
            if role == Qt.ItemDataRole.DisplayRole and column == Column.HOURS:
                left = sum(t.hours for t in self.inputs.tasks) - sum(self.cells.values())
                return hours(left) if abs(left) > 1e-9 else ""
            if role == Qt.ItemDataRole.BackgroundRole:
                return TOTALS_BACKGROUND
            return None
        covered = sum(h for (t, _), h in self.cells.items() if t == task.id)
        left = task.hours - covered
        if role == Qt.ItemDataRole.DisplayRole:
            return hours(left) if abs(left) > 1e-9 else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            return POOR
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTALS_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{task}: {covered} h of {needed} h covered").format(
                task=task.name, covered=hours(covered), needed=hours(task.hours)
            )
        return None


def _background(pinned: bool, task: ComplexTask, member: ComplexMember) -> QColor | None:
    if pinned:
        return PINNED_BACKGROUND
    if not task.allows(member.id):
        return BARRED_BACKGROUND
    if member.id in task.training:
        return TRAINING_BACKGROUND
    return None


class UpwardHeader(QHeaderView):
    """A horizontal header writing its section titles upwards (long task names, narrow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setFixedHeight(HEADER_HEIGHT)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def sizeHint(self) -> QSize:
        """As tall as the names need."""
        hint = super().sizeHint()
        return QSize(hint.width(), HEADER_HEIGHT)

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        """Background, grid line and the title written bottom to top."""
        if not rect.isValid():
            return
        painter.save()
        painter.fillRect(rect, self.palette().button())
        painter.setPen(self.palette().mid().color())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        model = self.model()
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "")
        metrics = self.fontMetrics()
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 12)
        painter.setPen(self.palette().buttonText().color())
        painter.translate(rect.center().x() + metrics.ascent() / 2 - 2, rect.bottom() - 6)
        painter.rotate(-90)
        painter.drawText(0, 0, text)
        painter.restore()


class MatrixViews(QWidget):
    """The summary view and the task view of one model, scrolling together."""

    def __init__(self, model: ComplexMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QHBoxLayout

        self.model = model
        self.summary = QTableView()
        self.summary.setObjectName("complexSummary")
        self.summary.setAccessibleName(self.tr("Each member's balance"))
        self.tasks = QTableView()
        self.tasks.setObjectName("complexMatrix")
        self.tasks.setAccessibleName(self.tr("Hours of each task per member"))
        self.tasks.setHorizontalHeader(UpwardHeader(self.tasks))
        for view in (self.summary, self.tasks):
            view.setModel(model)
            view.verticalHeader().hide()
            view.verticalHeader().setDefaultSectionSize(26)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.summary.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
        self.summary.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter
        )
        self.summary.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tasks.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tasks.verticalScrollBar().valueChanged.connect(
            self.summary.verticalScrollBar().setValue
        )
        self.summary.verticalScrollBar().valueChanged.connect(
            self.tasks.verticalScrollBar().setValue
        )
        model.modelReset.connect(self._columns)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tasks, 1)
        self._columns()

    def _columns(self) -> None:
        columns = self.model.columnCount()
        for column in range(columns):
            summary = column < FIRST_TASK
            self.summary.setColumnHidden(column, not summary)
            self.tasks.setColumnHidden(column, summary)
            if not summary:
                self.tasks.setColumnWidth(column, TASK_COLUMN_WIDTH)
        self.summary.setColumnWidth(Column.MEMBER, 118)
        self.summary.setColumnWidth(Column.HOURS, 62)
        self.summary.setColumnWidth(Column.EMPOWERMENT, 62)
        self.summary.setColumnWidth(Column.DESIRABILITY, 62)
        self.summary.setFixedWidth(118 + 62 * 3 + 2 * self.summary.frameWidth())

    def selected_cells(self) -> list[Cell]:
        """The task cells selected."""
        cells = []
        for index in self.tasks.selectionModel().selectedIndexes():
            cell = self.model.cell_at(index)
            if cell is not None:
                cells.append(cell)
        return cells

    def selected_member(self) -> int | None:
        """The member of the current row in either view."""
        for view in (self.summary, self.tasks):
            if view.hasFocus() or view.currentIndex().isValid():
                member = self.model.member_at(view.currentIndex().row())
                if member is not None:
                    return member.id
        return None
