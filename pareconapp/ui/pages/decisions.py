"""The Decisions page: proposals, impact assessment, ballots and results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pareconapp.store.models import DecisionStatus
from pareconapp.ui.decisions.ballot_panel import BallotPanel
from pareconapp.ui.decisions.impact import ImpactEditor
from pareconapp.ui.decisions.labels import status
from pareconapp.ui.decisions.proposal import ProposalEditor
from pareconapp.ui.decisions.results import ResultView
from pareconapp.ui.pages.base import Page
from pareconapp.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from pareconapp.services.decisions import DecisionRow


class DecisionsPage(Page):
    """Self-management decisions with impact-weighted ballots."""

    decision_shown = Signal(object)
    """The decision shown on the page changed (its id, or ``None``); the projector follows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decision: DecisionRow | None = None
        self._meeting_titles: dict[int, str] = {}
        heading = QLabel(self.tr("Decisions"))
        heading.setObjectName("pageHeading")
        self.meeting_filter = QComboBox()
        self.meeting_filter.setAccessibleName(self.tr("Show the decisions of"))
        self.new_button = QPushButton(self.tr("&New proposal"))
        self.new_button.setToolTip(self.tr("Draft a new proposal (Ctrl+Shift+N)"))
        self.model: RowTableModel[DecisionRow] = RowTableModel(
            [
                Column(self.tr("Proposal"), lambda d: d.title, lambda d: d.title.lower()),
                Column(self.tr("Status"), lambda d: status(d.status), lambda d: d.status.value),
            ],
            self,
        )
        self.list = QTableView()
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.setAccessibleName(self.tr("Decisions"))

        self.title_label = QLabel()
        self.title_label.setObjectName("sectionHeading")
        self.title_label.setWordWrap(True)
        self.proposal = ProposalEditor()
        self.impact = ImpactEditor()
        self.ballot = BallotPanel()
        self.result = ResultView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.proposal, self.tr("1 &Proposal"))
        self.tabs.addTab(self.impact, self.tr("2 &Impact"))
        self.tabs.addTab(self.ballot, self.tr("3 &Ballot"))
        self.tabs.addTab(self.result, self.tr("4 &Result"))

        left = QWidget()
        left.setMinimumWidth(340)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.meeting_filter)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([440, 840])
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.meeting_filter.activated.connect(lambda _: self.refresh())
        self.new_button.clicked.connect(self.new_proposal)
        self.proposal.saved.connect(self._saved)
        self.impact.assessed.connect(self._saved)
        self.ballot.changed.connect(self._saved)
        self.ballot.kiosk_requested.connect(self.start_kiosk)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_proposal)

    def refresh(self) -> None:
        """Reload the decisions (keeping the selection)."""
        keep = self.decision.id if self.decision else None
        if self.assembly is None:
            self.model.set_rows([])
            self._show(None)
            return
        meetings = self.assembly.meetings.list_meetings()
        self._meeting_titles = {m.id: m.title for m in meetings}
        chosen = self.meeting_filter.currentData()
        self.meeting_filter.blockSignals(True)
        self.meeting_filter.clear()
        self.meeting_filter.addItem(self.tr("All meetings"), None)
        for meeting in meetings:
            self.meeting_filter.addItem(meeting.title, meeting.id)
        self.meeting_filter.setCurrentIndex(max(0, self.meeting_filter.findData(chosen)))
        self.meeting_filter.blockSignals(False)
        rows = self.assembly.decisions.list_decisions(self.meeting_filter.currentData())
        self.model.set_rows(rows)
        self.select(keep if keep is not None else (rows[0].id if rows else None))

    def select(self, decision_id: int | None) -> None:
        """Select a decision in the list (or nothing)."""
        for row, decision in enumerate(self.model.rows()):
            if decision.id == decision_id:
                self.list.selectRow(row)
                self._show_selected()
                return
        self._show(None)

    def _show_selected(self) -> None:
        index = self.list.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        fresh = self.assembly.decisions.decision(row.id) if (row and self.assembly) else None
        self._show(fresh)

    def _show(self, decision: DecisionRow | None) -> None:
        self.decision = decision
        if self.assembly is None:
            return
        self.tabs.setEnabled(True)
        self.title_label.setText(
            decision.title
            if decision
            else self.tr("No proposal selected: draft one with New proposal")
        )
        self.proposal.show_decision(self.assembly, decision)
        self.impact.show_decision(self.assembly, decision)
        self.ballot.show_decision(self.assembly, decision)
        receipts = None
        if decision is not None and decision.receipts and decision.result is not None:
            receipts = self.assembly.decisions.receipts(decision.id)
        if decision is not None:
            self.result.show_decision(decision, receipts)
        for index, enabled in enumerate(
            (True, decision is not None, decision is not None, decision is not None)
        ):
            self.tabs.setTabEnabled(index, enabled)
        self.decision_shown.emit(decision.id if decision is not None else None)

    def new_proposal(self) -> None:
        """Start a new proposal in the meeting shown (if one is chosen)."""
        if self.assembly is None:
            return
        self.list.clearSelection()
        self.decision = None
        self.title_label.setText(self.tr("New proposal"))
        self.proposal.show_decision(self.assembly, None, self.meeting_filter.currentData())
        for index in (1, 2, 3):
            self.tabs.setTabEnabled(index, False)
        self.tabs.setCurrentWidget(self.proposal)
        self.proposal.title.setFocus()

    def _saved(self, decision_id: int) -> None:
        was_new = self.decision is None
        self.decision = None
        self.refresh()
        self.select(decision_id)
        if was_new:
            self.tabs.setCurrentWidget(self.impact)
        elif self.decision is not None and self.decision.status is DecisionStatus.CLOSED:
            self.tabs.setCurrentWidget(self.result)

    def start_kiosk(self, decision_id: int) -> None:
        """Hand the laptop round: the full-screen secret-ballot kiosk for ``decision_id``."""
        if self.assembly is None:
            return
        from pareconapp.ui.decisions.kiosk_session import DecisionKioskSession
        from pareconapp.ui.kiosk.window import KioskWindow

        kiosk = KioskWindow(DecisionKioskSession(self.assembly, decision_id), self)
        kiosk.run()
        self._saved(decision_id)
