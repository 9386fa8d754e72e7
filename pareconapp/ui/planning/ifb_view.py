"""The IFB's screens: goods and councils, the round (imports, closing), and the plan.

Closing a round over thousands of simulated councils runs in the background
(:class:`~pareconapp.ui.background.BackgroundTask`) with progress and cancel: the service
takes a snapshot (:meth:`IfbService.prepare_close`), the computation runs off the GUI thread
(:func:`compute_close`) and the result is stored on the GUI thread.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, user_error
from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import CouncilEntry, CouncilKind
from pareconapp.i18n import render
from pareconapp.services.planning import (
    PRICE_RULE_NAMES,
    GoodFields,
    YearRow,
)
from pareconapp.ui import passphrase
from pareconapp.ui.background import BackgroundTask
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt
from pareconapp.ui.planning import labels
from pareconapp.ui.planning.proposal_editor import parse_quantity, write_file
from pareconapp.ui.planning.round_panel import RoundPanel, read_only, right_aligned

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService

POOR = QColor("#b00020")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class SetupPanel(QWidget):
    """The catalogue and the councils, editable until the first proposal arrives."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.goods = _table(
            [
                self.tr("Id"),
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Unit"),
                self.tr("Starting price"),
                self.tr("Fixed supply"),
            ]
        )
        self.goods.setAccessibleName(self.tr("Goods catalogue"))
        self.councils = _table([self.tr("Id"), self.tr("Name"), self.tr("Kind")])
        self.councils.setAccessibleName(self.tr("Councils of the federation"))
        self.add_good = QPushButton(self.tr("Add &good"))
        self.remove_good = QPushButton(self.tr("Remove good"))
        self.import_goods = QPushButton(self.tr("Import goods CSV…"))
        self.add_council = QPushButton(self.tr("Add &council"))
        self.remove_council = QPushButton(self.tr("Remove council"))
        self.import_councils = QPushButton(self.tr("Import councils CSV…"))
        self.save_button = QPushButton(self.tr("&Save goods and councils"))
        self.hint = QLabel(
            self.tr(
                "Ids stay the same in every file of the year. Natural resources, labour and "
                "pollutants need a fixed supply (how much there is, or how much may be "
                "emitted). The catalogue is fixed once councils answer its prices."
            )
        )
        self.hint.setWordWrap(True)
        goods_buttons = QHBoxLayout()
        for button in (self.add_good, self.remove_good, self.import_goods):
            goods_buttons.addWidget(button)
        goods_buttons.addStretch(1)
        council_buttons = QHBoxLayout()
        for button in (self.add_council, self.remove_council, self.import_councils):
            council_buttons.addWidget(button)
        council_buttons.addStretch(1)
        council_buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.goods, 3)
        layout.addLayout(goods_buttons)
        layout.addWidget(self.councils, 2)
        layout.addLayout(council_buttons)
        self.add_good.clicked.connect(
            lambda: self._add_good(GoodFields("", "", GoodCategory.PRIVATE))
        )
        self.remove_good.clicked.connect(lambda: self.goods.removeRow(self.goods.currentRow()))
        self.add_council.clicked.connect(
            lambda: self._add_council(CouncilEntry("", "", CouncilKind.WORKER))
        )
        self.remove_council.clicked.connect(
            lambda: self.councils.removeRow(self.councils.currentRow())
        )
        self.import_goods.clicked.connect(self._import_goods)
        self.import_councils.clicked.connect(self._import_councils)
        self.save_button.clicked.connect(self.save)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Show the year's catalogue and councils."""
        self.assembly, self.year = assembly, year
        self.goods.setRowCount(0)
        for good in assembly.planning.goods(year.id):
            self._add_good(good)
        self.councils.setRowCount(0)
        for council in assembly.planning.councils(year.id):
            self._add_council(council)
        editable = not year.practice
        for widget in (
            self.add_good,
            self.remove_good,
            self.import_goods,
            self.add_council,
            self.remove_council,
            self.import_councils,
            self.save_button,
        ):
            widget.setEnabled(editable)

    def _add_good(self, good: GoodFields) -> None:
        row = self.goods.rowCount()
        self.goods.insertRow(row)
        self.goods.setItem(row, 0, QTableWidgetItem(good.code))
        self.goods.setItem(row, 1, QTableWidgetItem(good.name))
        kind = QComboBox()
        for category in GoodCategory:
            kind.addItem(labels.category(category), category.value)
        kind.setCurrentIndex(kind.findData(good.category.value))
        self.goods.setCellWidget(row, 2, kind)
        self.goods.setItem(row, 3, QTableWidgetItem(good.unit))
        self.goods.setItem(row, 4, QTableWidgetItem(f"{good.start_price:g}"))
        supply = "" if good.fixed_supply is None else f"{good.fixed_supply:g}"
        self.goods.setItem(row, 5, QTableWidgetItem(supply))

    def _add_council(self, council: CouncilEntry) -> None:
        row = self.councils.rowCount()
        self.councils.insertRow(row)
        self.councils.setItem(row, 0, QTableWidgetItem(council.id))
        self.councils.setItem(row, 1, QTableWidgetItem(council.name))
        kind = QComboBox()
        kind.addItem(labels.role_of_council(CouncilKind.WORKER), CouncilKind.WORKER.value)
        kind.addItem(labels.role_of_council(CouncilKind.CONSUMER), CouncilKind.CONSUMER.value)
        kind.setCurrentIndex(kind.findData(council.kind.value))
        self.councils.setCellWidget(row, 2, kind)

    def _text(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _combo(self, table: QTableWidget, row: int, column: int) -> str:
        widget = table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return str(widget.currentData())

    def entered_goods(self) -> list[GoodFields]:
        """The goods as entered (a ``UserError`` for a number that is not one)."""
        goods = []
        for row in range(self.goods.rowCount()):
            code = self._text(self.goods, row, 0)
            price = self._text(self.goods, row, 4) or "100"
            supply = self._text(self.goods, row, 5)
            goods.append(
                GoodFields(
                    code,
                    self._text(self.goods, row, 1),
                    GoodCategory(self._combo(self.goods, row, 2)),
                    self._text(self.goods, row, 3),
                    parse_quantity(price, code or self.tr("Starting price")),
                    parse_quantity(supply, code or self.tr("Fixed supply")) if supply else None,
                )
            )
        return goods

    def entered_councils(self) -> list[CouncilEntry]:
        """The councils as entered."""
        return [
            CouncilEntry(
                self._text(self.councils, row, 0),
                self._text(self.councils, row, 1),
                CouncilKind(self._combo(self.councils, row, 2)),
            )
            for row in range(self.councils.rowCount())
        ]

    def save(self) -> None:
        """Save both tables (nothing is saved if either is refused)."""
        if self.assembly is None or self.year is None:
            return
        assembly, year_id = self.assembly, self.year.id

        def save_both() -> None:
            goods, councils = self.entered_goods(), self.entered_councils()
            missing = [g.code for g in goods if g.category.fixed_supply and g.fixed_supply is None]
            if missing:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "Enter the fixed supply of {goods}."),
                    goods=", ".join(missing),
                )
            assembly.planning.set_goods(year_id, goods)
            assembly.planning.set_councils(year_id, councils)

        if attempt(self, save_both):
            self.saved.emit()

    def _import_goods(self) -> None:
        self._import_csv(goods=True)

    def _import_councils(self) -> None:
        self._import_csv(goods=False)

    def _import_csv(self, goods: bool) -> None:
        if self.assembly is None or self.year is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import CSV"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            QMessageBox.warning(self, self.tr("Import CSV"), str(error))
            return
        planning, year_id = self.assembly.planning, self.year.id
        load = planning.import_goods_csv if goods else planning.import_councils_csv
        if attempt(self, lambda: load(year_id, text)):
            self.show_year(self.assembly, self.year)
            self.saved.emit()


class IfbRoundPanel(QWidget):
    """The open round: proposals received and missing, closing, the round file."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.task: BackgroundTask | None = None
        self.status = QLabel()
        self.status.setObjectName("sectionHeading")
        self.status.setWordWrap(True)
        self.received = _table(
            [self.tr("Council"), self.tr("SB/SC or cost"), self.tr("Budget"), self.tr("Vote")]
        )
        self.received.setToolTip(self.tr("Worker councils: SB/SC; consumer councils: cost"))
        self.received.horizontalHeader().setStretchLastSection(False)
        self.received.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.received.setAccessibleName(self.tr("Proposals received"))
        self.received.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missing = QListWidget()
        self.missing.setAccessibleName(self.tr("Councils whose proposal is missing"))
        self.missing.setMaximumHeight(120)
        self.problems = QTextBrowser()
        self.problems.setAccessibleName(self.tr("Files refused"))
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        self.rule = QComboBox()
        for name in PRICE_RULE_NAMES:
            self.rule.addItem(labels.rule(name), name)
        self.rule.setAccessibleName(self.tr("Price rule"))
        self.import_button = QPushButton(self.tr("&Import proposal files…"))
        self.remove_button = QPushButton(self.tr("Take back"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected proposal (e.g. to import a corrected file)")
        )
        self.close_button = QPushButton(self.tr("&Close the round…"))
        self.file_button = QPushButton(self.tr("&Write round file…"))
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.round = RoundPanel(compact=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Rule:")))
        buttons.addWidget(self.rule)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.file_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Proposals received")))
        left_layout.addWidget(self.received, 1)
        left_layout.addWidget(QLabel(self.tr("Missing")))
        left_layout.addWidget(self.missing)
        left_layout.addWidget(self.problems)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.round)
        splitter.setSizes([440, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(progress)
        layout.addWidget(splitter, 1)
        self.import_button.clicked.connect(self.import_files)
        self.remove_button.clicked.connect(self.take_back)
        self.close_button.clicked.connect(self.close_round)
        self.file_button.clicked.connect(self.write_round_file)
        self.cancel_button.clicked.connect(self._cancel)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Show the year's open round."""
        self.assembly, self.year = assembly, year
        self.reload()

    def reload(self) -> None:
        """Fetch the round, the proposals and the missing councils again."""
        if self.assembly is None or self.year is None:
            return
        planning = self.assembly.planning
        self.year = planning.year(self.year.id)
        year = self.year
        view = planning.round_view(year.id)
        catalogue = planning.catalogue(year.id)
        self.round.show_round(view, catalogue, self.tr("Set up the goods first."))
        self.rule.setCurrentIndex(max(0, self.rule.findData(year.fields.rule)))
        received = planning.ifb.received(year.id) if view is not None else []
        missing = planning.ifb.missing(year.id) if view is not None and not view.final else []
        self._fill_received(received)
        self.missing.clear()
        for council in missing:
            self.missing.addItem(f"{council.name} ({council.id})")
        final = view is not None and view.final
        if view is None:
            text = ""
        elif final:
            text = self.tr("Planning has stopped after round {number}: see the Plan tab.").format(
                number=view.number - 1
            )
        else:
            known = len(received) + len(missing)
            text = self.tr("Round {number}: %n of {known} proposal(s) received", "", len(received))
            text = text.format(number=view.number, known=known)
            if year.practice:
                text += self.tr(" · the simulated councils answer when the round closes")
        self.status.setText(text)
        running = self.task is not None and not self.task.is_finished
        for button in (self.import_button, self.remove_button, self.close_button, self.rule):
            button.setEnabled(view is not None and not final and not running)
        self.file_button.setEnabled(view is not None and bool(view.prices) and not running)

    def _fill_received(self, received: list) -> None:  # type: ignore[type-arg]
        self.received.setRowCount(len(received))
        bold = QFont(self.received.font())
        bold.setBold(True)
        for row, item in enumerate(received):
            council = item.council
            if council.kind is CouncilKind.WORKER:
                value = "–" if item.ratio is None else f"{item.ratio:.3f}"
                flagged = item.ratio is not None and item.ratio < 1
                budget = ""
            else:
                value = labels.money(item.cost)
                budget = "" if item.proposal.budget is None else labels.money(item.proposal.budget)
                flagged = item.over_budget
            cells = [
                read_only(council.name),
                right_aligned(value),
                right_aligned(budget),
                read_only(self.tr("adopted") if item.decided else self.tr("not voted")),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, council.id)
            cells[0].setToolTip(
                self.tr("{kind} · file {file}").format(
                    kind=labels.role_of_council(council.kind), file=item.proposal.file_name
                )
            )
            if flagged:
                cells[1].setForeground(POOR)
                cells[1].setFont(bold)
            if not item.decided:
                cells[3].setForeground(POOR)
            for column, cell in enumerate(cells):
                self.received.setItem(row, column, cell)

    def import_files(self) -> None:
        """Import proposal files chosen by the user; list the refused ones with reasons."""
        if self.assembly is None or self.year is None:
            return
        paths = self.choose_files()
        if not paths:
            return
        report = self.assembly.planning.ifb.import_paths(self.year.id, paths)
        if report.refused:
            self.problems.setHtml(
                "<b>"
                + html.escape(self.tr("Not imported:"))
                + "</b><ul>"
                + "".join(f"<li>{html.escape(render(m))}</li>" for _, m in report.refused)
                + "</ul>"
            )
            self.problems.show()
        else:
            self.problems.hide()
        self.reload()
        self.changed.emit()

    def choose_files(self) -> list[Path]:
        """Ask for proposal files (tests replace this)."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import proposal files"),
            str(Path.home()),
            self.tr("Planning files (*.json);;All files (*)"),
        )
        return [Path(name) for name in names]

    def take_back(self) -> None:
        """Remove the selected imported proposal."""
        item = self.received.item(self.received.currentRow(), 0)
        if self.assembly is None or self.year is None or item is None:
            return
        council = item.data(Qt.ItemDataRole.UserRole)
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.ifb.remove_proposal(year_id, council)):
            self.reload()
            self.changed.emit()

    def close_round(self) -> None:
        """Close the round in the background (facilitator passphrase)."""
        if self.assembly is None or self.year is None:
            return
        if self.task is not None and not self.task.is_finished:
            return
        missing = self.missing.count()
        if missing and (
            QMessageBox.question(
                self,
                self.tr("Close the round"),
                self.tr(
                    "%n council(s) have not sent a proposal; their goods will be missing "
                    "from the totals. Close the round anyway?",
                    "",
                    missing,
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        if not passphrase.confirm_facilitator(
            self.assembly.security,
            self.tr("Enter the facilitator passphrase to close round {number}.").format(
                number=self.assembly.planning.year(self.year.id).current_round
            ),
            self,
        ):
            return
        from pareconapp.services.planning_ifb import compute_close

        planning = self.assembly.planning
        try:
            job = planning.ifb.prepare_close(self.year.id, self.rule.currentData())
        except UserError as error:
            show_user_error(self, error)
            return
        task = BackgroundTask(lambda progress: compute_close(job, progress), self)
        self.task = task
        task.progressed.connect(self._progressed)
        task.succeeded.connect(lambda result: self._closed(task, job, result))
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Closing the round… %p%"))
        self.progress.show()
        self.cancel_button.show()
        self.reload()
        task.start()

    def _progressed(self, done: int, total: int, message: str) -> None:
        del message
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _closed(self, task: BackgroundTask, job: object, result: object) -> None:
        if task is not self.task or self.assembly is None:
            return
        planning = self.assembly.planning
        if attempt(self, lambda: planning.ifb.store_close(job, result)):  # type: ignore[arg-type]
            self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            show_user_error(self, error)
            return
        raise error

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.reload()

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def write_round_file(self) -> None:
        """Write the current round file (next prices, or the final plan)."""
        if self.assembly is None or self.year is None:
            return
        try:
            exported = self.assembly.planning.ifb.round_file(self.year.id)
        except UserError as error:
            show_user_error(self, error)
            return
        path = self.choose_path(exported.name)
        if path is not None:
            write_file(self, path, exported.data)

    def choose_path(self, suggestion: str) -> Path | None:
        """Ask where to write the round file (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write the round file"),
            str(Path.home() / suggestion),
            self.tr("Planning files (*.json)"),
        )
        return Path(name) if name else None


class PlanPanel(QWidget):
    """When planning stops: the final plan and 2-5 feasible variants to vote on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.summary = QLabel()
        self.summary.setObjectName("sectionHeading")
        self.summary.setWordWrap(True)
        self.variants = _table(
            [
                self.tr("Variant"),
                self.tr("Requests met"),
                self.tr("Least for a council"),
                self.tr("Labour hours"),
                self.tr("Emissions"),
                self.tr("What it aims at"),
            ]
        )
        self.variants.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.variants.setWordWrap(True)
        self.variants.setAccessibleName(self.tr("Plan variants"))
        self.build_button = QPushButton(self.tr("&Build plan variants"))
        self.build_button.setToolTip(
            self.tr("2 to 5 feasible plans from the last round's proposals, for a vote")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.variants, 1)
        self.build_button.clicked.connect(self.build)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Show the plan of ``year`` (or that planning goes on)."""
        self.assembly, self.year = assembly, year
        view = assembly.planning.round_view(year.id)
        final = view is not None and view.final
        if not final:
            self.summary.setText(
                self.tr(
                    "Planning goes on. It stops when every good is within {threshold} or "
                    "after {rounds} rounds; then the final plan and its variants appear here."
                ).format(
                    threshold=labels.share(year.fields.threshold), rounds=year.fields.max_rounds
                )
            )
        else:
            assert view is not None
            self.summary.setText(
                (view.note or self.tr("The plan is final."))
                + " "
                + self.tr("Write the final round file on the Round tab to send the plan.")
            )
        self.build_button.setEnabled(final and year.role.value == "ifb")
        variants = view.variants if view is not None else ()
        self.variants.setRowCount(len(variants))
        for row, variant in enumerate(variants):
            cells = [
                read_only(labels.variant_name(variant)),
                right_aligned(labels.share(variant.consumption)),
                right_aligned(labels.share(variant.lowest_share)),
                right_aligned(labels.quantity(round(variant.labour, 1))),
                right_aligned(labels.quantity(round(variant.emissions, 1))),
                read_only(labels.variant_description(variant)),
            ]
            for column, cell in enumerate(cells):
                self.variants.setItem(row, column, cell)
        self.variants.resizeRowsToContents()

    def build(self) -> None:
        """Build the plan variants."""
        if self.assembly is None or self.year is None:
            return
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.ifb.build_variants(year_id)):
            self.show_year(assembly, assembly.planning.year(year_id))
            self.changed.emit()


class IfbView(QTabWidget):
    """The IFB's tabs (the charts are added by the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = SetupPanel()
        self.round = IfbRoundPanel()
        self.plan = PlanPanel()
        self.addTab(self.round, self.tr("&Round"))
        self.addTab(self.setup, self.tr("&Goods and councils"))
        self.addTab(self.plan, self.tr("&Plan"))
