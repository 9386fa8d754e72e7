"""The Planning page: this assembly's planning years, each in one role.

A **worker council** or **consumer council** year shows the IFB's round (prices, last round's
totals, comparison data, "who says no"), the proposal editor (live SB, SC and SB/SC, or the
requests against the budget and allowances), the vote and the export, and charts. An **IFB**
year shows the round (importing proposal files, missing councils, closing the round in the
background, the round file), the goods and councils, the plan with its variants, and charts.
A walk-through adds a simulated rest-of-economy: the next round comes from a button, and a
tab shows how this assembly's proposal moved the totals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pareconapp.store.models_planning import PlanningRole
from pareconapp.ui import passphrase
from pareconapp.ui.guard import attempt
from pareconapp.ui.pages.base import Page
from pareconapp.ui.planning import labels
from pareconapp.ui.planning.dialogs import YearDialog
from pareconapp.ui.planning.ifb_view import IfbView
from pareconapp.ui.planning.panels import ChartsPanel, ContributionPanel, CouncilRoundPanel
from pareconapp.ui.planning.proposal_editor import ConsumerRequestsEditor, WorkerProposalEditor

if TYPE_CHECKING:
    from pareconapp.services.planning import YearRow


class CouncilView(QTabWidget):
    """A worker or consumer council's tabs."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.round = CouncilRoundPanel()
        self.worker = WorkerProposalEditor(page.undo_stack)
        self.consumer = ConsumerRequestsEditor(page.undo_stack)
        self.editors = QStackedWidget()
        self.editors.addWidget(self.worker)
        self.editors.addWidget(self.consumer)
        self.charts = ChartsPanel()
        self.contribution = ContributionPanel()
        self.addTab(self.round, self.tr("&Round"))
        self.addTab(self.editors, self.tr("&Proposal"))
        self.addTab(self.charts, self.tr("C&harts"))
        self.addTab(self.contribution, self.tr("Our &part"))


class PlanningPage(Page):
    """Participatory planning: rounds, proposals, the IFB, exchange files, walk-throughs."""

    year_shown = Signal(object)
    """The year shown (its id, or ``None``): the projector's planning view follows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year: YearRow | None = None
        heading = QLabel(self.tr("Planning"))
        heading.setObjectName("pageHeading")
        self.years = QComboBox()
        self.years.setAccessibleName(self.tr("Planning year"))
        self.years.setMinimumWidth(320)
        self.new_button = QPushButton(self.tr("&New planning year…"))
        self.practice_button = QPushButton(self.tr("New &walk-through…"))
        self.practice_button.setToolTip(
            self.tr("Learn the procedure: this assembly with a simulated rest-of-economy")
        )
        self.delete_button = QPushButton(self.tr("Delete year…"))
        self.role = QLabel()
        self.role.setWordWrap(True)
        self.empty = QLabel(
            self.tr(
                "No planning year yet. A council joins the federation's year with New planning "
                "year and then imports the IFB's first round file; an IFB sets up its goods "
                "and councils. A walk-through simulates the rest of the federation, to learn "
                "the procedure offline."
            )
        )
        self.empty.setWordWrap(True)
        self.council = CouncilView(self)
        self.ifb = IfbView(self)
        self.ifb_charts = ChartsPanel()
        self.ifb.insertTab(2, self.ifb_charts, self.tr("C&harts"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.council)
        self.stack.addWidget(self.ifb)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.years)
        top.addWidget(self.new_button)
        top.addWidget(self.practice_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.role)
        layout.addWidget(self.stack, 1)

        self.years.activated.connect(lambda _: self._show_selected())
        self.new_button.clicked.connect(lambda: self.new_year(practice=False))
        self.practice_button.clicked.connect(lambda: self.new_year(practice=True))
        self.delete_button.clicked.connect(self.delete_year)
        for signal in (
            self.council.round.changed,
            self.ifb.round.changed,
            self.ifb.setup.saved,
            self.ifb.plan.changed,
        ):
            signal.connect(self._show_selected)
        for editor in (self.council.worker, self.council.consumer):
            editor.decision.changed.connect(self.data_changed.emit)
            editor.decision.show_decision.connect(self._open_decision)
        self.council.currentChanged.connect(lambda _: self._show_tab())
        self.ifb.currentChanged.connect(lambda _: self._show_tab())

    def refresh(self) -> None:
        """Reload the years, keeping the one shown."""
        keep = self.year.id if self.year else None
        rows = self.assembly.planning.years() if self.assembly else []
        self.years.clear()
        for row in rows:
            text = self.tr("{name} · {role}").format(
                name=row.name, role=labels.role_short(row.role)
            )
            if row.practice and "walk" not in row.name.casefold():
                text = self.tr("{name} · walk-through").format(name=text)
            self.years.addItem(text, row.id)
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        self.years.setCurrentIndex(index)
        self._show_selected()

    def select_year(self, year_id: int) -> None:
        """Show the year ``year_id``."""
        index = self.years.findData(year_id)
        if index >= 0:
            self.years.setCurrentIndex(index)
            self._show_selected()

    def _show_selected(self) -> None:
        year_id = self.years.currentData()
        self.delete_button.setEnabled(year_id is not None)
        if self.assembly is None or year_id is None:
            self.year = None
            self.role.setText("")
            self.stack.setCurrentWidget(self.empty)
            self.year_shown.emit(None)
            return
        self.year = self.assembly.planning.year(year_id)
        year = self.year
        text = self.tr("This assembly is the {role} as “{name}” (id {code}).").format(
            role=labels.role(year.role), name=year.fields.display_name, code=year.fields.code
        )
        if year.council_name:
            text += " " + self.tr("Local council: {council}.").format(council=year.council_name)
        self.role.setText(text)
        if year.role is PlanningRole.IFB:
            self.stack.setCurrentWidget(self.ifb)
        else:
            self.stack.setCurrentWidget(self.council)
            self.council.setTabVisible(3, year.practice)
            editor = (
                self.council.consumer if year.role is PlanningRole.CONSUMER else self.council.worker
            )
            self.council.editors.setCurrentWidget(editor)
        self._show_tab(everything=True)
        self.year_shown.emit(year.id)

    def _show_tab(self, everything: bool = False) -> None:
        """Load the visible tab (and the others when the year changes)."""
        if self.assembly is None or self.year is None:
            return
        year = self.assembly.planning.year(self.year.id)
        self.year = year
        if year.role is PlanningRole.IFB:
            panels: list[Any] = [self.ifb.round, self.ifb.setup, self.ifb_charts, self.ifb.plan]
            current = self.ifb.currentWidget()
        else:
            editor = (
                self.council.consumer if year.role is PlanningRole.CONSUMER else self.council.worker
            )
            panels = [self.council.round, editor, self.council.charts]
            if year.practice:
                panels.append(self.council.contribution)
            current = self.council.currentWidget()
        for panel in panels:
            if (
                everything
                or panel is current
                or (
                    panel in (self.council.worker, self.council.consumer)
                    and current is self.council.editors
                )
            ):
                panel.show_year(self.assembly, year)

    def new_year(self, practice: bool) -> None:
        """Create a planning year (or a walk-through)."""
        if self.assembly is None:
            return
        assembly = self.assembly
        dialog = YearDialog(
            assembly.members.councils(),
            assembly.name(),
            assembly.clock().year + 1,
            practice,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        created: list[int] = []
        fields = dialog.fields()
        path = dialog.economy_file()

        def create() -> None:
            planning = assembly.planning
            if not dialog.practice.isChecked():
                created.append(planning.create_year(fields))
            elif path is not None:
                created.append(planning.practice.load(fields, path))
            else:
                count = dialog.councils_per_kind.value()
                created.append(
                    planning.practice.generate(
                        fields,
                        seed=dialog.seed.value(),
                        consumer_councils=count,
                        worker_councils=count,
                        goods_per_kind=dialog.goods_per_kind.value(),
                    )
                )

        if attempt(self, create):
            self.year = assembly.planning.year(created[0])
            self.refresh()

    def delete_year(self) -> None:
        """Delete the planning year shown (facilitator passphrase; decisions stay)."""
        if self.assembly is None or self.year is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Delete the planning year"),
                self.tr(
                    "Delete “{name}” with its rounds and proposals? The assembly's decisions "
                    "stay on record."
                ).format(name=self.year.name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        if not passphrase.confirm_facilitator(
            self.assembly.security,
            self.tr("Enter the facilitator passphrase to delete “{name}”.").format(
                name=self.year.name
            ),
            self,
        ):
            return
        assembly, year_id = self.assembly, self.year.id
        if attempt(self, lambda: assembly.planning.delete_year(year_id)):
            self.year = None
            self.refresh()

    def _open_decision(self, decision_id: int) -> None:
        """Show a decision on the Decisions page."""
        from pareconapp.ui.pages import PAGES

        window = self.window()
        index = next((i for i, info in enumerate(PAGES) if info.area_id == "decisions"), None)
        page_at = getattr(window, "page_at", None)
        if index is None or page_at is None:
            return
        window.show_area(index)  # type: ignore[attr-defined]
        page_at(index).select(decision_id)
