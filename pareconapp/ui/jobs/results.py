"""A closed round's results: dot plots, summaries and each task's history.

A dot plot per task (sortable by spread), the table of summaries, and the history of the
selected task's aggregate across rounds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.ui.jobs.charts import CONTESTED_COLOUR, DotPlotData, DotPlotRow, DotPlotView
from pareconapp.ui.jobs.labels import aggregate_method, rating, spread_measure

if TYPE_CHECKING:
    from pareconapp.core.jobs import RatingSummary
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.ratings import RoundResults, TaskResult

SORTS = ("spread", "name", "empowerment", "desirability", "round")


def dot_plot_data(results: RoundResults, sort: str = "spread") -> DotPlotData:
    """The dot plots of a round's results, in the order ``sort`` names."""
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    settings = results.round.aggregation
    method = aggregate_method(settings.method.value)
    measure = spread_measure(settings.spread.value)

    def note(summary: RatingSummary | None) -> str:
        if summary is None:
            return tr("Jobs", "no ratings")
        return tr("Jobs", "{aggregate} · {measure} {spread} · n {count}").format(
            aggregate=rating(summary.aggregate),
            measure=measure,
            spread=rating(summary.spread),
            count=summary.count,
        )

    def quartiles(summary: RatingSummary | None) -> tuple[float, float] | None:
        if summary is None:
            return None
        return (summary.lower_quartile, summary.upper_quartile)

    rows = []
    for task in sort_results(results, sort):
        e, d = task.summary.empowerment, task.summary.desirability
        rows.append(
            DotPlotRow(
                task.name,
                (task.empowerment, task.desirability),
                (e.aggregate if e else None, d.aggregate if d else None),
                (quartiles(e), quartiles(d)),
                (note(e), note(d)),
                task.summary.contested,
            )
        )
    return DotPlotData(
        tuple(rows),
        results.round.scale_low,
        results.round.scale_high,
        (tr("Jobs", "Empowerment"), tr("Jobs", "Desirability")),
        tr(
            "Jobs",
            "E: empowerment, D: desirability.  ● one rating   ┃ the {method}   "
            "shaded: the middle half (Q1–Q3)   red: contested",
        ).format(method=method),
    )


def sort_results(results: RoundResults, sort: str) -> list[TaskResult]:
    """The round's tasks in the order ``sort`` names (``"round"``: as raters saw them)."""
    tasks = list(results.tasks)
    if sort == "spread":
        tasks.sort(key=lambda t: (-t.summary.largest_spread, t.name.casefold()))
    elif sort == "name":
        tasks.sort(key=lambda t: t.name.casefold())
    elif sort in ("empowerment", "desirability"):

        def key(t: TaskResult) -> float:
            summary = getattr(t.summary, sort)
            return -summary.aggregate if summary else 0.0

        tasks.sort(key=key)
    return tasks


class RoundResultsView(QWidget):
    """Dot plots of every task, and the history of one task's aggregate across rounds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.results: RoundResults | None = None
        self.order: list[TaskResult] = []
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Order of the tasks"))
        for key, text in zip(
            SORTS,
            (
                self.tr("Widest spread first"),
                self.tr("Task name"),
                self.tr("Most empowering first"),
                self.tr("Most desirable first"),
                self.tr("As in the round"),
            ),
            strict=True,
        ):
            self.sort.addItem(text, key)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.plots = DotPlotView()
        self.plots.setObjectName("dotPlots")
        self.plots.setToolTip(self.tr("Click a task to see its history below"))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.plots)
        self.task = QComboBox()
        self.task.setAccessibleName(self.tr("Task whose history is shown"))
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("ratingHistory")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Round"),
                self.tr("Closed"),
                self.tr("Empowerment (spread)"),
                self.tr("Desirability (spread)"),
                self.tr("Ratings"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.history.setMaximumHeight(120)
        top = QHBoxLayout()
        order = QLabel(self.tr("&Order:"))
        order.setBuddy(self.sort)
        top.addWidget(order)
        top.addWidget(self.sort)
        top.addWidget(self.summary, 1)
        history_top = QHBoxLayout()
        heading = QLabel(self.tr("&History of:"))
        heading.setBuddy(self.task)
        history_top.addWidget(heading)
        history_top.addWidget(self.task, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(history_top)
        layout.addWidget(self.history)
        self.sort.currentIndexChanged.connect(lambda _: self._show())
        self.task.currentIndexChanged.connect(lambda _: self._show_history())
        self.plots.row_clicked.connect(self._row_clicked)

    def show_results(self, assembly: AssemblyService, results: RoundResults | None) -> None:
        """Show a closed round's results (``None`` clears)."""
        self.assembly, self.results = assembly, results
        self._show()

    def _show(self) -> None:
        results = self.results
        if results is None:
            self.order = []
            self.plots.set_data(None)
            self.task.clear()
            self.history.setRowCount(0)
            self.summary.setText(self.tr("Results are shown once the round is closed."))
            return
        sort = str(self.sort.currentData())
        self.order = sort_results(results, sort)
        self.plots.set_data(dot_plot_data(results, sort))
        settings = results.round.aggregation
        self.summary.setText(
            self.tr("%n contested task(s)", "", len(results.contested))
            + " · "
            + self.tr(
                "contested: {measure} above {threshold} points · a task's rating is its {method}"
            ).format(
                measure=spread_measure(settings.spread.value),
                threshold=rating(results.threshold),
                method=aggregate_method(settings.method.value),
            )
        )
        keep = self.task.currentData()
        self.task.blockSignals(True)
        self.task.clear()
        for task in sorted(results.tasks, key=lambda t: t.name.casefold()):
            self.task.addItem(task.name, task.task_id)
        first = keep if keep is not None else (self.order[0].task_id if self.order else None)
        self.task.setCurrentIndex(max(0, self.task.findData(first)))
        self.task.blockSignals(False)
        self._show_history()

    def _row_clicked(self, row: int) -> None:
        if 0 <= row < len(self.order):
            self.task.setCurrentIndex(self.task.findData(self.order[row].task_id))

    def _show_history(self) -> None:
        task_id = self.task.currentData()
        if task_id is None or self.assembly is None:
            self.history.setRowCount(0)
            return
        history = self.assembly.ratings.task_history(int(task_id))
        self.history.setRowCount(len(history))
        for row, entry in enumerate(history):
            e, d = entry.summary.empowerment, entry.summary.desirability
            closed = entry.closed_at.strftime("%Y-%m-%d") if entry.closed_at else ""
            counts = sorted({s.count for s in (e, d) if s is not None})
            cells = (
                entry.round_title,
                closed,
                self._with_spread(e),
                self._with_spread(d),
                "/".join(str(c) for c in counts) or "0",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if self.results is not None and entry.round_id == self.results.round.id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if entry.summary.contested:
                    item.setForeground(CONTESTED_COLOUR)
                self.history.setItem(row, column, item)

    def _with_spread(self, summary: RatingSummary | None) -> str:
        if summary is None:
            return "–"
        return self.tr("{value} ({spread})").format(
            value=rating(summary.aggregate), spread=rating(summary.spread)
        )
