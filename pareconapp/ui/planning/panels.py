"""The parts of a council's Planning screens: the round, the charts, our part.

"Our part" is the walk-through's view of how this assembly's proposal moved the totals.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.ui.background import BackgroundTask
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt
from pareconapp.ui.planning import labels
from pareconapp.ui.planning.charts import (
    ChartView,
    convergence_data,
    paint_convergence,
    paint_price_paths,
    paint_supply_demand,
    price_path_data,
    supply_demand_data,
)
from pareconapp.ui.planning.round_panel import RoundPanel, read_only, right_aligned

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.planning import YearRow


class ChartsPanel(QWidget):
    """Convergence by round, price paths, and supply vs demand of the latest round."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox()
        self.choice.addItem(self.tr("Convergence: imbalance of each good by round"))
        self.choice.addItem(self.tr("Price paths: each good's price by round"))
        self.choice.addItem(self.tr("Supply and demand in the latest round"))
        self.choice.setAccessibleName(self.tr("Chart"))
        self.convergence = ChartView(paint_convergence)
        self.prices = ChartView(paint_price_paths)
        self.supply_demand = ChartView(paint_supply_demand)
        self.stack = QStackedWidget()
        for chart in (self.convergence, self.prices, self.supply_demand):
            self.stack.addWidget(chart)
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.choice)
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.choice.currentIndexChanged.connect(self.stack.setCurrentIndex)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Draw the charts of ``year``."""
        history = assembly.planning.history(year.id)
        known = [r for r in history.rounds if r.supply is not None]
        empty = self.tr("The charts fill in once a round's totals are known.")
        self.convergence.set_data(convergence_data(history) if known else None, empty)
        self.prices.set_data(price_path_data(history) if history.rounds else None, empty)
        self.supply_demand.set_data(supply_demand_data(history), empty)


class CouncilRoundPanel(QWidget):
    """A council's round: the IFB's prices and reports, and how the next round comes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.task: BackgroundTask | None = None
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import the IFB's round file…"))
        self.next_button = QPushButton(self.tr("&Next round (simulated IFB)"))
        self.next_button.setToolTip(
            self.tr("The simulated councils answer, the round closes and the next one opens")
        )
        self.progress = QProgressBar()
        self.progress.hide()
        self.round = RoundPanel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.round, 1)
        self.import_button.clicked.connect(self.import_round_file)
        self.next_button.clicked.connect(self.next_round)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Show the current round of ``year``."""
        self.assembly, self.year = assembly, year
        planning = assembly.planning
        view = planning.round_view(year.id)
        catalogue = planning.catalogue(year.id)
        self.round.show_round(
            view,
            catalogue,
            self.tr("No round yet: import the first round file the IFB sent."),
        )
        final = view is not None and view.final
        running = self.task is not None and not self.task.is_finished
        self.import_button.setVisible(not year.practice)
        self.next_button.setVisible(year.practice)
        self.import_button.setEnabled(not final)
        self.next_button.setEnabled(not final and not running)
        if year.practice:
            self.info.setText(
                self.tr("Walk-through: {economy}. Answer each round on the Proposal tab.").format(
                    economy=planning.practice.description(year.id)
                )
            )
        elif year.ifb_code:
            self.info.setText(self.tr("IFB: {ifb}").format(ifb=view.sender if view else ""))
        else:
            self.info.setText("")

    def import_round_file(self) -> None:
        """Import a round file chosen by the user."""
        if self.assembly is None or self.year is None:
            return
        path = self.choose_file()
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            from pareconapp.store.errors import environment_problem

            problem = environment_problem(error)
            if problem is None:
                raise
            show_user_error(self, problem)
            return
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.import_round_file(year_id, data, path.name)):
            self.changed.emit()

    def choose_file(self) -> Path | None:
        """Ask for the round file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the round file"),
            str(Path.home()),
            self.tr("Planning files (*.json);;All files (*)"),
        )
        return Path(name) if name else None

    def next_round(self) -> None:
        """Step the walk-through: simulated councils answer, the round closes (background)."""
        if self.assembly is None or self.year is None:
            return
        if self.task is not None and not self.task.is_finished:
            return
        from pareconapp.services.planning_ifb import compute_close

        practice = self.assembly.planning.practice
        try:
            job = practice.prepare_step(self.year.id)
        except UserError as error:
            show_user_error(self, error)
            return
        task = BackgroundTask(lambda progress: compute_close(job, progress), self)
        self.task = task
        task.progressed.connect(lambda done, total, _m: self._progressed(done, total))
        task.succeeded.connect(
            lambda result: attempt(self, lambda: practice.store_step(job, result))
        )
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.progress.show()
        self.next_button.setEnabled(False)
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def _finished(self) -> None:
        self.progress.hide()
        self.changed.emit()


class ContributionPanel(QWidget):
    """Walk-throughs: each good's totals in the last round and this assembly's part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Good"),
                self.tr("Supply"),
                self.tr("Demand"),
                self.tr("We offered"),
                self.tr("We asked for"),
                self.tr("Imbalance"),
                self.tr("Without us"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("How our proposal moved the totals"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Show the last closed round of a walk-through."""
        parts = assembly.planning.practice.contribution(year.id)
        names = {g.code: g.name for g in assembly.planning.catalogue(year.id).goods}
        mine = [p for p in parts if p.own_supply or p.own_demand]
        closed = [r.number for r in assembly.planning.history(year.id).rounds if r.supply]
        self.summary.setText(
            self.tr(
                "Round {number} with and without this assembly's proposal (the goods it "
                "offers or asks for first): the last column is the imbalance there would "
                "have been without it."
            ).format(number=max(closed, default=0))
            if parts
            else self.tr("Step to the next round to see how the proposal moved the totals.")
        )
        ordered = mine + [p for p in parts if p not in mine]
        self.table.setRowCount(len(ordered))
        for row, part in enumerate(ordered):
            cells = [
                read_only(names.get(part.good, part.good)),
                right_aligned(labels.quantity(round(part.supply, 2))),
                right_aligned(labels.quantity(round(part.demand, 2))),
                right_aligned(labels.quantity(part.own_supply) if part.own_supply else ""),
                right_aligned(
                    labels.quantity(round(part.own_demand, 2)) if part.own_demand else ""
                ),
                right_aligned(labels.share(part.imbalance)),
                right_aligned(labels.share(part.imbalance_without)),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
