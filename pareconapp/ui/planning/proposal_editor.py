"""A council's proposal, with live SB, SC and SB/SC or the budget checks.

A worker council enters its outputs and inputs; a consumer council its members' requests and
its collective ones, checked against the members' allowances and the council's budget.

Every edited cell is saved at once through the planning service (undoable with Ctrl+Z), and
the figures are recomputed by the service - the rules live in ``core.planning_exchange``.
The assembly decides the proposal with a vote (a decision linked to it; impact, ballot and
result on the Decisions page) and then exports it as a proposal file for the IFB.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, user_error
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import Catalogue, GoodCategory
from pareconapp.files import write_bytes_atomically
from pareconapp.services.planning import BudgetSource, ProposalRow, RoundView, YearRow
from pareconapp.store.errors import environment_problem
from pareconapp.store.models_planning import PlanningRole
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt
from pareconapp.ui.planning import labels
from pareconapp.ui.planning.round_panel import read_only, right_aligned

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from pareconapp.services.assembly import AssemblyService

GOOD = QColor("#1d6f5f")
POOR = QColor("#b00020")
EDITABLE_BACKGROUND = QColor("#fff8e1")


def parse_quantity(text: str, field: str) -> float:
    """A quantity typed in a cell (``1 150``, ``1150,5`` or ``1150.5``); 0 when empty."""
    cleaned = text.strip().replace("\u202f", "").replace(" ", "")
    if not cleaned:
        return 0.0
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned.replace(",", ""))
    except ValueError:
        value = float("nan")
    if not value >= 0 or value == float("inf"):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", '{field}: "{value}" is not a quantity (a number of at least 0).'
            ),
            field=field,
            value=text,
        )
    return value


def _plain(value: float) -> str:
    return "" if value == 0 else f"{value:g}" if abs(value) < 1e15 else str(value)


class LinesCommand(QUndoCommand):
    """An edit of a proposal's lines (undo puts the old lines back)."""

    def __init__(
        self,
        text: str,
        apply: Callable[[Sequence[Line]], bool],
        before: Sequence[Line],
        after: Sequence[Line],
    ) -> None:
        super().__init__(text)
        self._apply, self._before, self._after = apply, tuple(before), tuple(after)
        self._first = True

    def redo(self) -> None:
        """Apply the new lines (already applied the first time)."""
        if self._first:
            self._first = False
            return
        if not self._apply(self._after):
            self.setObsolete(True)

    def undo(self) -> None:
        """Put the old lines back."""
        if not self._apply(self._before):
            self.setObsolete(True)


class DecisionBar(QWidget):
    """The vote on the proposal and its export."""

    changed = Signal()
    """The proposal's decision or export changed."""
    show_decision = Signal(int)
    """Open a decision on the Decisions page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.proposal: ProposalRow | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.vote_button = QPushButton(self.tr("Put to a &vote"))
        self.vote_button.setToolTip(
            self.tr("The assembly decides its proposal (impact, ballot and result on Decisions)")
        )
        self.open_button = QPushButton(self.tr("Open the &decision"))
        self.draft_button = QPushButton(self.tr("New &draft"))
        self.draft_button.setToolTip(
            self.tr("Change a proposal the assembly voted on (the vote stays on record)")
        )
        self.export_button = QPushButton(self.tr("&Export proposal file…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        for button in (self.vote_button, self.open_button, self.draft_button, self.export_button):
            layout.addWidget(button)
        self.vote_button.clicked.connect(self.put_to_vote)
        self.open_button.clicked.connect(self._open_decision)
        self.draft_button.clicked.connect(self.new_draft)
        self.export_button.clicked.connect(self.export)

    def show_proposal(
        self,
        assembly: AssemblyService,
        year: YearRow,
        proposal: ProposalRow | None,
        editable: bool,
    ) -> None:
        """Show the decision of ``proposal``."""
        self.assembly, self.year, self.proposal = assembly, year, proposal
        decision = proposal.decision if proposal else None
        if proposal is None:
            text = ""
        elif decision is None:
            text = self.tr("Not yet decided by the assembly.")
        elif decision.passed:
            text = self.tr("Adopted by the assembly (decision #{id}).").format(id=decision.id)
        elif decision.voting:
            text = self.tr("The assembly is voting (decision #{id}).").format(id=decision.id)
        elif decision.rejected:
            text = self.tr("Not adopted (decision #{id}): change it and vote again.").format(
                id=decision.id
            )
        else:
            text = self.tr("Decision #{id} is being prepared; the vote has not started.").format(
                id=decision.id
            )
        if proposal is not None and proposal.exported_at is not None:
            text += " " + self.tr("Exported {when}.").format(
                when=proposal.exported_at.astimezone().strftime("%Y-%m-%d %H:%M")
            )
        self.status.setText(text)
        locked = decision is not None and (decision.passed or decision.voting)
        practice = year.practice
        self.vote_button.setEnabled(editable and not locked and proposal is not None)
        self.open_button.setEnabled(decision is not None)
        self.draft_button.setEnabled(editable and decision is not None and not decision.voting)
        self.export_button.setEnabled(editable and proposal is not None and not practice)
        self.export_button.setVisible(not practice)

    def put_to_vote(self) -> None:
        """Create the decision on the proposal."""
        if self.assembly is None or self.year is None:
            return
        created: list[int] = []
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: created.append(assembly.planning.put_to_vote(year_id))):
            QMessageBox.information(
                self,
                self.tr("Put to a vote"),
                self.tr(
                    "Decision #{id} is on the agenda of the next meeting. Assess its impact, "
                    "open the ballot and close it on the Decisions page; then export the "
                    "proposal."
                ).format(id=created[0]),
            )
            self.changed.emit()

    def _open_decision(self) -> None:
        if self.proposal is not None and self.proposal.decision is not None:
            self.show_decision.emit(self.proposal.decision.id)

    def new_draft(self) -> None:
        """Unlink the decided proposal so it can change."""
        if self.assembly is None or self.year is None:
            return
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.new_draft(year_id)):
            self.changed.emit()

    def export(self) -> None:
        """Write the proposal file where the user chooses."""
        if self.assembly is None or self.year is None or self.proposal is None:
            return
        decision = self.proposal.decision
        if decision is None or not decision.passed:
            answer = QMessageBox.question(
                self,
                self.tr("Export proposal"),
                self.tr(
                    "The assembly has not adopted this proposal by a vote; the IFB will see "
                    "that. Export it anyway?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            exported = self.assembly.planning.export_proposal(self.year.id)
        except UserError as error:
            show_user_error(self, error)
            return
        path = self.choose_path(exported.name)
        if path is None:
            return
        if write_file(self, path, exported.data):
            self.changed.emit()

    def choose_path(self, suggestion: str) -> Path | None:
        """Ask where to write the proposal file (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the proposal file"),
            str(Path.home() / suggestion),
            self.tr("Planning files (*.json)"),
        )
        return Path(name) if name else None


def write_file(parent: QWidget, path: Path, data: bytes) -> bool:
    """Write an exchange file atomically; a message box if the disk refuses."""
    try:
        write_bytes_atomically(path, data)
    except OSError as error:
        problem = environment_problem(error)
        if problem is None:
            raise
        show_user_error(parent, problem)
        return False
    return True


class _LinesTable(QTableWidget):
    """Goods with editable quantity columns; rows and columns that do not apply are grey."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def quantity_cell(self, row: int, column: int, value: float, editable: bool) -> None:
        item = QTableWidgetItem(_plain(value) if editable else "")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if editable:
            item.setBackground(EDITABLE_BACKGROUND)
        else:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.setItem(row, column, item)


class WorkerProposalEditor(QWidget):
    """Outputs and inputs of a worker council's proposal with live SB, SC and SB/SC."""

    changed = Signal()

    OFFER, ASK = 4, 5

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.catalogue = Catalogue(())
        self.proposal: ProposalRow | None = None
        self._filling = False
        self.account = QLabel()
        self.account.setObjectName("planningAccount")
        big = QFont(self.account.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.account.setFont(big)
        self.account.setAccessibleName(self.tr("Social benefit and social cost"))
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {POOR.name()}; font-weight: 600;")
        self.table = _LinesTable(
            [
                self.tr("Good"),
                self.tr("Kind"),
                self.tr("Unit"),
                self.tr("Price"),
                self.tr("We offer"),
                self.tr("We ask for"),
                self.tr("We proposed\nlast round"),
                self.tr("Value at\nthis price"),
            ]
        )
        self.table.setAccessibleName(self.tr("Outputs and inputs"))
        self.table.setToolTip(
            self.tr("Type a quantity: outputs in 'We offer', inputs in 'We ask for'")
        )
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note for the IFB and the other councils"))
        self.decision = DecisionBar()
        top = QVBoxLayout()
        top.addWidget(self.account)
        top.addWidget(self.warning)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.decision)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.comparison)
        layout.addWidget(self.changes)
        form = QFormLayout()
        form.addRow(self.tr("&Note:"), self.note)
        layout.addLayout(form)
        self.table.itemChanged.connect(self._cell_changed)
        self.note.editingFinished.connect(self._note_changed)
        self.decision.changed.connect(self.reload)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Edit this year's current proposal."""
        self.assembly, self.year = assembly, year
        self.reload()

    def reload(self) -> None:
        """Fetch the proposal, the prices and the figures again."""
        if self.assembly is None or self.year is None:
            return
        planning = self.assembly.planning
        year_id = self.year.id
        self.year = planning.year(year_id)
        view = planning.round_view(year_id)
        self.catalogue = planning.catalogue(year_id)
        self.proposal = planning.own_proposal(year_id)
        previous = planning.previous_proposal(year_id)
        editable = view is not None and not view.final and self._unlocked()
        self._fill(view, previous, editable)
        self._show_account(view)
        self.decision.show_proposal(self.assembly, self.year, self.proposal, view is not None)
        self.changed.emit()

    def _unlocked(self) -> bool:
        decision = self.proposal.decision if self.proposal else None
        return decision is None or not (decision.passed or decision.voting)

    def _fill(self, view: RoundView | None, previous: ProposalRow | None, editable: bool) -> None:
        self._filling = True
        lines = {line.good: line for line in (self.proposal.lines if self.proposal else ())}
        before = {line.good: line for line in (previous.lines if previous else ())}
        prices = view.prices if view else {}
        self.table.setRowCount(len(self.catalogue))
        for row, good in enumerate(self.catalogue.goods):
            line = lines.get(good.code, Line(good.code))
            price = prices.get(good.code, 0.0)
            old = before.get(good.code)
            self.table.setItem(row, 0, read_only(good.name))
            self.table.setItem(row, 1, read_only(labels.category(good.category)))
            self.table.setItem(row, 2, read_only(good.unit))
            self.table.setItem(row, 3, right_aligned(labels.price(price)))
            self.table.quantity_cell(
                row, self.OFFER, line.supplied, editable and good.category.produced
            )
            self.table.quantity_cell(
                row, self.ASK, line.demanded, editable and good.category.used_in_production
            )
            last = ""
            if old is not None and (old.supplied or old.demanded):
                last = labels.quantity(old.supplied or old.demanded)
            self.table.setItem(row, 6, right_aligned(last))
            value = price * (line.supplied - line.demanded)
            self.table.setItem(row, 7, right_aligned(labels.money(value) if value else ""))
        self.note.setText(self.proposal.note if self.proposal else "")
        self.note.setEnabled(editable)
        self._filling = False

    def _show_account(self, view: RoundView | None) -> None:
        assert self.assembly is not None
        assert self.year is not None
        account = self.assembly.planning.worker_account(self.year.id)
        ratio = account.ratio
        colour = POOR if account.below_one else GOOD
        self.account.setText(
            self.tr(
                "SB {benefit} · SC {cost} · SB/SC <span style='color:{colour}'>{ratio}</span>"
            ).format(
                benefit=labels.money(account.benefit),
                cost=labels.money(account.cost),
                ratio="–" if ratio is None else f"{ratio:.3f}",
                colour=colour.name(),
            )
        )
        self.warning.setText(
            self.tr(
                "SB/SC is below 1: the proposal uses more than it gives at these prices. "
                "Other councils will likely reject it."
            )
            if account.below_one
            else ""
        )
        self.warning.setVisible(account.below_one)
        changes = [c for c in self.assembly.planning.changes(self.year.id) if c.changed]
        if changes:
            parts = []
            for change in changes:
                name = self.catalogue.good(change.good).name
                if change.supplied_before != change.supplied_now:
                    parts.append(
                        self.tr("{good} offered {before} → {now}").format(
                            good=name,
                            before=labels.quantity(change.supplied_before),
                            now=labels.quantity(change.supplied_now),
                        )
                    )
                if change.demanded_before != change.demanded_now:
                    parts.append(
                        self.tr("{good} asked {before} → {now}").format(
                            good=name,
                            before=labels.quantity(change.demanded_before),
                            now=labels.quantity(change.demanded_now),
                        )
                    )
            self.changes.setText(self.tr("Since last round: ") + "; ".join(parts))
        else:
            self.changes.setText("")
        self.comparison.setText(self._comparison_text(view))

    def _comparison_text(self, view: RoundView | None) -> str:
        if view is None or self.proposal is None:
            return ""
        made = [line.good for line in self.proposal.lines if line.supplied > 0]
        parts = []
        for comparison in view.comparisons:
            if comparison.good in made:
                name = self.catalogue.good(comparison.good).name
                text = self.tr(
                    "Last round %n council(s) made {good}: median output {output}",
                    "",
                    comparison.councils,
                ).format(good=name, output=labels.quantity(comparison.median_output))
                if comparison.median_ratio is not None:
                    text += self.tr(", SB/SC median {ratio}").format(
                        ratio=f"{comparison.median_ratio:.2f}"
                    )
                parts.append(text)
        return "<br>".join(html.escape(p) for p in parts)

    def lines(self) -> list[Line]:
        """The quantities in the table."""
        lines = []
        for row, good in enumerate(self.catalogue.goods):
            supplied = parse_quantity(self._text(row, self.OFFER), good.name)
            demanded = parse_quantity(self._text(row, self.ASK), good.name)
            if supplied or demanded:
                lines.append(Line(good.code, supplied, demanded))
        return lines

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.assembly is None or self.year is None:
            return
        before = list(self.proposal.lines if self.proposal else ())
        try:
            after = self.lines()
        except UserError as error:
            show_user_error(self, error)
            self.reload()
            return
        if self.apply(after):
            self.undo_stack.push(
                LinesCommand(self.tr("Edit the proposal"), self.apply, before, after)
            )
        del item

    def apply(self, lines: Sequence[Line]) -> bool:
        """Save ``lines`` as the proposal (a message if refused); reload either way."""
        if self.assembly is None or self.year is None:
            return False
        assembly, year_id = self.assembly, self.year.id
        done = attempt(self, lambda: assembly.planning.set_lines(year_id, list(lines)))
        self.reload()
        return done

    def _note_changed(self) -> None:
        if self._filling or self.assembly is None or self.year is None or self.proposal is None:
            return
        if self.note.text().strip() == self.proposal.note:
            return
        assembly, year_id = self.assembly, self.year.id
        lines = list(self.proposal.lines)
        note = self.note.text()
        attempt(self, lambda: assembly.planning.set_lines(year_id, lines, note))


class ConsumerRequestsEditor(QWidget):
    """A consumer council's requests: its members' (private) and its collective ones."""

    changed = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.assembly: AssemblyService | None = None
        self.year: YearRow | None = None
        self.catalogue = Catalogue(())
        self.view: RoundView | None = None
        self._filling = False
        self._editable = False
        self.summary = QLabel()
        big = QFont(self.summary.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.summary.setFont(big)
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {POOR.name()}; font-weight: 600;")
        self.period = QComboBox()
        self.factor = QDoubleSpinBox()
        self.factor.setRange(0, 100)
        self.factor.setDecimals(2)
        self.factor.setToolTip(self.tr("e.g. 4 when a quarter's allowances pay for a year"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("or a budget entered by hand"))
        self.apply_budget = QPushButton(self.tr("&Set budget"))
        budget = QGroupBox(self.tr("Budget"))
        budget_form = QFormLayout(budget)
        budget_form.addRow(self.tr("Allowances of the &period:"), self.period)
        budget_form.addRow(self.tr("Times:"), self.factor)
        budget_form.addRow(self.tr("Budget &amount:"), self.amount)
        budget_form.addRow(self.apply_budget)
        self.collective = _LinesTable(
            [
                self.tr("Good"),
                self.tr("Unit"),
                self.tr("Our price"),
                self.tr("The council asks for"),
            ]
        )
        self.collective.setAccessibleName(self.tr("The council's collective requests"))
        self.member = QComboBox()
        self.member.setAccessibleName(self.tr("Member"))
        self.member_info = QLabel()
        self.member_info.setWordWrap(True)
        self.allowance = QLineEdit()
        self.allowance.setPlaceholderText(self.tr("from remuneration"))
        self.allowance.setAccessibleName(self.tr("The member's allowance"))
        self.allowance_button = QPushButton(self.tr("Set a&llowance"))
        self.allowance_button.setToolTip(
            self.tr("Enter the member's allowance by hand (empty: from remuneration again)")
        )
        self.requests = _LinesTable(
            [self.tr("Good"), self.tr("Unit"), self.tr("Price"), self.tr("Requested")]
        )
        self.requests.setAccessibleName(self.tr("The member's own requests (private)"))
        self.decision = DecisionBar()
        members = QGroupBox(self.tr("Members' own requests (stay in this assembly)"))
        members_layout = QVBoxLayout(members)
        members_layout.addWidget(self.member)
        members_layout.addWidget(self.member_info)
        allowance_row = QHBoxLayout()
        allowance_row.addWidget(QLabel(self.tr("Allowance:")))
        allowance_row.addWidget(self.allowance, 1)
        allowance_row.addWidget(self.allowance_button)
        members_layout.addLayout(allowance_row)
        members_layout.addWidget(self.requests, 1)
        collective = QGroupBox(self.tr("Collective requests (public goods and shared things)"))
        collective_layout = QVBoxLayout(collective)
        collective_layout.addWidget(self.collective)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(collective, 1)
        left_layout.addWidget(budget)
        splitter.addWidget(left)
        splitter.addWidget(members)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.decision)
        layout.addWidget(splitter, 1)
        self.collective.itemChanged.connect(lambda _: self._collective_changed())
        self.requests.itemChanged.connect(lambda _: self._requests_changed())
        self.member.currentIndexChanged.connect(lambda _: self._fill_member())
        self.apply_budget.clicked.connect(self._set_budget)
        self.allowance_button.clicked.connect(self._set_allowance)
        self.decision.changed.connect(self.reload)

    def show_year(self, assembly: AssemblyService, year: YearRow) -> None:
        """Edit this year's current requests."""
        self.assembly, self.year = assembly, year
        self._fill_periods()
        self.reload()

    def _fill_periods(self) -> None:
        assert self.assembly is not None
        assert self.year is not None
        self.period.clear()
        self.period.addItem(self.tr("(none)"), None)
        for period in self.assembly.remuneration.list_periods():
            self.period.addItem(period.name, period.id)
        source = self.year.budget
        self.period.setCurrentIndex(max(0, self.period.findData(source.period_id)))
        self.factor.setValue(source.factor)
        self.amount.setText("" if source.amount is None else f"{source.amount:g}")

    def reload(self) -> None:
        """Fetch the requests, prices and checks again."""
        if self.assembly is None or self.year is None:
            return
        planning = self.assembly.planning
        year_id = self.year.id
        self.year = planning.year(year_id)
        self.view = planning.round_view(year_id)
        self.catalogue = planning.catalogue(year_id)
        proposal = planning.own_proposal(year_id)
        decision = proposal.decision if proposal else None
        editable = (
            self.view is not None
            and not self.view.final
            and (decision is None or not (decision.passed or decision.voting))
        )
        self._editable = editable
        self._fill_collective(proposal, editable)
        keep = self.member.currentData()
        budget = planning.consumer_budget(year_id)
        self._filling = True
        self.member.clear()
        for member_id, name in budget.members:
            self.member.addItem(name, member_id)
        self.member.setCurrentIndex(max(0, self.member.findData(keep)))
        self._filling = False
        self._fill_member()
        self._show_checks()
        self.decision.show_proposal(self.assembly, self.year, proposal, self.view is not None)
        self.changed.emit()

    def _price(self, code: str) -> float:
        """What the council pays per unit (a public good's price is shared by N councils)."""
        price = self.view.prices.get(code, 0.0) if self.view else 0.0
        if self.catalogue.good(code).category is GoodCategory.PUBLIC and self.view:
            price /= max(1, self.view.consumer_councils)
        return price

    def _final_goods(self, *categories: GoodCategory) -> list[tuple[int, str]]:
        return [
            (row, good.code) for row, good in enumerate(self.catalogue.of_category(*categories))
        ]

    def _fill_collective(self, proposal: ProposalRow | None, editable: bool) -> None:
        self._filling = True
        lines = {line.good: line for line in (proposal.lines if proposal else ())}
        goods = self.catalogue.of_category(GoodCategory.PUBLIC, GoodCategory.PRIVATE)
        self.collective.setRowCount(len(goods))
        for row, good in enumerate(goods):
            self.collective.setItem(row, 0, read_only(good.name))
            self.collective.setItem(row, 1, read_only(good.unit))
            self.collective.setItem(row, 2, right_aligned(labels.price(self._price(good.code))))
            line = lines.get(good.code, Line(good.code))
            self.collective.quantity_cell(row, 3, line.demanded, editable)
        self._filling = False

    def _fill_member(self) -> None:
        if self._filling or self.assembly is None or self.year is None:
            return
        member_id = self.member.currentData()
        self._filling = True
        goods = self.catalogue.of_category(GoodCategory.PRIVATE)
        requests = (
            {
                line.good: line
                for line in self.assembly.planning.member_requests(self.year.id, member_id)
            }
            if member_id is not None
            else {}
        )
        self.requests.setRowCount(len(goods))
        for row, good in enumerate(goods):
            self.requests.setItem(row, 0, read_only(good.name))
            self.requests.setItem(row, 1, read_only(good.unit))
            self.requests.setItem(row, 2, right_aligned(labels.price(self._price(good.code))))
            line = requests.get(good.code, Line(good.code))
            self.requests.quantity_cell(
                row, 3, line.demanded, self._editable and member_id is not None
            )
        self._filling = False
        self._show_checks()

    def _show_checks(self) -> None:
        assert self.assembly is not None
        assert self.year is not None
        account = self.assembly.planning.consumer_account(self.year.id)
        budget = "–" if account.budget is None else labels.money(account.budget)
        self.summary.setText(
            self.tr("Requests {cost} of the budget {budget}").format(
                cost=labels.money(account.total_cost), budget=budget
            )
        )
        problems = []
        if account.over_budget:
            problems.append(self.tr("The requests cost more than the council's budget."))
        over = account.members_over
        if over:
            problems.append(
                self.tr("Over their allowance: {names}.").format(
                    names=", ".join(m.name for m in over)
                )
            )
        self.warning.setText(" ".join(problems))
        self.warning.setVisible(bool(problems))
        member_id = self.member.currentData()
        check = next((m for m in account.members if m.member_id == member_id), None)
        allowance = self.assembly.planning.consumer_budget(self.year.id).allowances.get(member_id)
        self.member_info.setText(
            self.tr("Allowance {allowance} · requests {cost}").format(
                allowance="–" if allowance is None else labels.money(allowance),
                cost=labels.money(check.cost if check else 0.0),
            )
        )

    def _read(self, table: QTableWidget, goods: Sequence[str]) -> list[Line]:
        lines = []
        for row, code in enumerate(goods):
            item = table.item(row, 3)
            quantity = parse_quantity(item.text() if item else "", self.catalogue.good(code).name)
            if quantity:
                lines.append(Line(code, 0.0, quantity))
        return lines

    def _collective_changed(self) -> None:
        if self._filling or self.assembly is None or self.year is None:
            return
        goods = [
            g.code for g in self.catalogue.of_category(GoodCategory.PUBLIC, GoodCategory.PRIVATE)
        ]
        assembly, year_id = self.assembly, self.year.id
        proposal = assembly.planning.own_proposal(year_id)
        before = list(proposal.lines if proposal else ())
        try:
            after = self._read(self.collective, goods)
        except UserError as error:
            show_user_error(self, error)
            self.reload()
            return

        def apply(lines: Sequence[Line]) -> bool:
            done = attempt(self, lambda: assembly.planning.set_lines(year_id, list(lines)))
            self.reload()
            return done

        if apply(after):
            self.undo_stack.push(LinesCommand(self.tr("Edit the requests"), apply, before, after))

    def _requests_changed(self) -> None:
        if self._filling or self.assembly is None or self.year is None:
            return
        member_id = self.member.currentData()
        goods = [g.code for g in self.catalogue.of_category(GoodCategory.PRIVATE)]
        assembly, year_id = self.assembly, self.year.id
        before = assembly.planning.member_requests(year_id, member_id)
        try:
            after = self._read(self.requests, goods)
        except UserError as error:
            show_user_error(self, error)
            self.reload()
            return

        def apply(lines: Sequence[Line]) -> bool:
            done = attempt(
                self,
                lambda: assembly.planning.set_member_requests(year_id, member_id, list(lines)),
            )
            self.reload()
            return done

        if apply(after):
            self.undo_stack.push(
                LinesCommand(self.tr("Edit a member's requests"), apply, before, after)
            )

    def _set_allowance(self) -> None:
        if self.assembly is None or self.year is None or self.member.currentData() is None:
            return
        text = self.allowance.text().strip()
        try:
            amount = parse_quantity(text, self.tr("Allowance")) if text else None
        except UserError as error:
            show_user_error(self, error)
            return
        assembly, year_id, member_id = self.assembly, self.year.id, self.member.currentData()
        if attempt(self, lambda: assembly.planning.set_allowance(year_id, member_id, amount)):
            self.allowance.clear()
            self.reload()

    def _set_budget(self) -> None:
        if self.assembly is None or self.year is None:
            return
        text = self.amount.text().strip()
        try:
            amount = parse_quantity(text, self.tr("Budget amount")) if text else None
        except UserError as error:
            show_user_error(self, error)
            return
        source = BudgetSource(self.period.currentData(), self.factor.value(), amount)
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.set_budget_source(year_id, source)):
            self.reload()


def proposal_editor(
    role: PlanningRole, undo_stack: QUndoStack
) -> WorkerProposalEditor | ConsumerRequestsEditor:
    """The editor for a council of ``role``."""
    if role is PlanningRole.CONSUMER:
        return ConsumerRequestsEditor(undo_stack)
    return WorkerProposalEditor(undo_stack)
