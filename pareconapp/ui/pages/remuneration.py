"""The Remuneration page: periods, every member's allowance and how it was reached."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import MemberAllowance, NeedKind
from pareconapp.files import write_text_atomically
from pareconapp.i18n import render
from pareconapp.services.remuneration import PeriodRow, PeriodTable, decimal_of
from pareconapp.store.errors import environment_problem
from pareconapp.store.models_remuneration import PeriodStatus
from pareconapp.ui import passphrase
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.guard import attempt
from pareconapp.ui.kiosk.window import KioskWindow
from pareconapp.ui.pages.base import Page
from pareconapp.ui.remuneration.dialogs import EntryDialog, NeedDialog, PeriodDialog
from pareconapp.ui.remuneration.effort_kiosk import EffortKioskSession

COLUMNS = 11


def _num(value: object, places: int = 2) -> str:
    return f"{float(value):,.{places}f}"  # type: ignore[arg-type]


class RemunerationPage(Page):
    """Remuneration for effort and sacrifice, period by period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: PeriodRow | None = None
        self.table_data: PeriodTable | None = None
        heading = QLabel(self.tr("Remuneration"))
        heading.setObjectName("pageHeading")
        self.periods = QListWidget()
        self.periods.setAccessibleName(self.tr("Periods"))
        self.new_button = QPushButton(self.tr("&New period…"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("sectionHeading")
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Member"),
                self.tr("Hours"),
                self.tr("Sacrifice\nfactor"),
                self.tr("Effort\n(ratings)"),
                self.tr("Effort\nfactor"),
                self.tr("Score"),
                self.tr("Share of\nscores"),
                self.tr("Share"),
                self.tr("Need\nallowance"),
                self.tr("Total"),
                self.tr("Note"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Remuneration table"))
        self.table.setToolTip(self.tr("Enter or double-click: edit the member's hours"))
        self.breakdown = QTextBrowser()
        self.breakdown.setAccessibleName(self.tr("How the allowance was reached"))
        self.edit_button = QPushButton(self.tr("&Hours…"))
        self.need_button = QPushButton(self.tr("Need &allowance…"))
        self.ratings_button = QPushButton(self.tr("Collect effort &ratings (shared laptop)"))
        self.contest_button = QPushButton(self.tr("C&ontest rating…"))
        self.approve_button = QPushButton(self.tr("A&pprove period…"))
        self.export_button = QPushButton(self.tr("E&xport CSV…"))

        left = QWidget()
        left.setMaximumWidth(220)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.periods, 1)
        left_layout.addWidget(self.new_button)
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.need_button,
            self.ratings_button,
            self.contest_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.approve_button)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.table)
        middle.addWidget(self.breakdown)
        middle.setSizes([420, 200])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.problem)
        right_layout.addLayout(buttons)
        right_layout.addWidget(middle, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

        self.periods.currentRowChanged.connect(lambda _: self._show_selected())
        self.table.currentCellChanged.connect(lambda *_: self._show_breakdown())
        self.table.cellActivated.connect(lambda *_: self.edit_entry())
        self.table.cellDoubleClicked.connect(lambda *_: self.edit_entry())
        self.new_button.clicked.connect(self.new_period)
        self.edit_button.clicked.connect(self.edit_entry)
        self.need_button.clicked.connect(self.grant_need)
        self.ratings_button.clicked.connect(self.collect_ratings)
        self.contest_button.clicked.connect(self.contest)
        self.approve_button.clicked.connect(self.approve)
        self.export_button.clicked.connect(self.export_csv)

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the periods, keeping the one shown."""
        keep = self.current.id if self.current else None
        self.periods.blockSignals(True)
        self.periods.clear()
        rows = self.assembly.remuneration.list_periods() if self.assembly else []
        for row in rows:
            text = (
                row.name
                if row.status is PeriodStatus.OPEN
                else self.tr("{name} (approved)").format(name=row.name)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.periods.addItem(item)
        self.periods.blockSignals(False)
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else -1)
        self.periods.setCurrentRow(index)
        self._show_selected()

    def _show_selected(self) -> None:
        item = self.periods.currentItem()
        if self.assembly is None or item is None:
            self.current, self.table_data = None, None
            self.summary.setText(self.tr("No period yet: open one with New period."))
            self.table.setRowCount(0)
            self.breakdown.clear()
            self._enable()
            return
        self.current = self.assembly.remuneration.period(item.data(Qt.ItemDataRole.UserRole))
        self._fill_table()

    def _enable(self) -> None:
        is_open = self.current is not None and self.current.status is PeriodStatus.OPEN
        for button in (
            self.edit_button,
            self.need_button,
            self.ratings_button,
            self.contest_button,
            self.approve_button,
        ):
            button.setEnabled(is_open)
        self.export_button.setEnabled(self.table_data is not None)

    def _fill_table(self) -> None:
        assert self.assembly is not None
        assert self.current is not None
        period = self.current
        try:
            self.table_data = self.assembly.remuneration.table(period.id)
        except UserError as error:
            self.table_data = None
            self.problem.setText(render(error.message))
            self.problem.show()
            self.table.setRowCount(0)
            self._enable()
            return
        self.problem.hide()
        result = self.table_data.remuneration
        notes = {e.member_id: e for e in self.table_data.entries}
        self.summary.setText(
            self.tr(
                "{name}: {start} – {end} · budget {budget} · {raters} of {members} members have "
                "rated effort"
            ).format(
                name=period.name,
                start=period.period.start.isoformat(),
                end=period.period.end.isoformat(),
                budget=_num(result.budget),
                raters=period.raters,
                members=len(result.members),
            )
        )
        keep = self.table.currentRow()
        self.table.setRowCount(len(result.members))
        for row, member in enumerate(result.members):
            scored = member.scored
            entry = notes.get(member.member_id)
            note = []
            if entry and entry.fields.hours_reason:
                note.append(entry.fields.hours_reason)
            if entry and entry.contest:
                note.append(self.tr("contested: {reason}").format(reason=entry.contest))
            if scored.entry.left_on:
                note.append(self.tr("left {day}").format(day=scored.entry.left_on.isoformat()))
            values = (
                member.name,
                _num(scored.total_hours),
                _num(scored.sacrifice_factor, 3),
                f"{float(scored.effort.value):.2f} ({len(scored.effort.ratings)})",
                _num(scored.effort_factor, 3),
                _num(scored.score),
                f"{float(member.score_share) * 100:.2f} %",
                _num(member.share),
                _num(member.need_total),
                _num(member.total),
                "; ".join(note),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.member_id)
                if 0 < column < COLUMNS - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.selectRow(max(0, min(keep, len(result.members) - 1)))
        self._show_breakdown()
        self._enable()

    def _selected(self) -> MemberAllowance | None:
        if self.table_data is None:
            return None
        row = self.table.currentRow()
        members = self.table_data.remuneration.members
        return members[row] if 0 <= row < len(members) else None

    def _show_breakdown(self) -> None:
        member = self._selected()
        if member is None or self.table_data is None:
            self.breakdown.clear()
            return
        result = self.table_data.remuneration
        s = member.scored
        rules = result.rules
        lines = [
            f"<h3>{html.escape(member.name)}</h3>",
            self.tr(
                "Hours worked {w} + training {t} × {tf} + balancing {b} × {bf} + onerous "
                "extra {o} = weighted hours <b>{wh}</b>"
            ).format(
                w=_num(s.hours_worked),
                t=_num(s.training_hours),
                tf=rules.training_factor,
                b=_num(s.balancing_hours),
                bf=rules.balancing_factor,
                o=_num(s.onerous_extra),
                wh=_num(s.weighted_hours),
            ),
            self.tr(
                "Effort: {n} peer rating(s), {trim} trimmed from each end, mean <b>{e}</b> "
                "→ an hour counts {f}"
            ).format(
                n=len(s.effort.ratings),
                trim=s.effort.trimmed_each_end,
                e=f"{float(s.effort.value):.2f}",
                f=_num(s.effort_factor, 4),
            ),
            self.tr("Score = {wh} × {f} = <b>{score}</b>").format(
                wh=_num(s.weighted_hours), f=_num(s.effort_factor, 4), score=_num(s.score)
            ),
            self.tr("Share = {score} / {total} of {budget} = <b>{share}</b>").format(
                score=_num(s.score),
                total=_num(result.total_score),
                budget=_num(result.shared_budget),
                share=_num(member.share),
            ),
        ]
        for payment in member.needs:
            lines.append(
                self.tr("Need allowance ({kind}, decision #{id}): + {amount}").format(
                    kind=payment.allowance.kind.value,
                    id=payment.allowance.decision_id,
                    amount=_num(payment.amount),
                )
            )
        lines.append(self.tr("Total: <b>{total}</b>").format(total=_num(member.total)))
        self.breakdown.setHtml("<br>".join(lines))

    # -- actions --------------------------------------------------------------------------

    def new_period(self) -> None:
        """Open a new period."""
        if self.assembly is None:
            return
        dialog = PeriodDialog(self.assembly.clock().date(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        assembly = self.assembly
        created: list[int] = []
        if attempt(
            self,
            lambda: created.append(
                assembly.remuneration.create_period(
                    dialog.period_kind(),
                    dialog.day_in_period(),
                    dialog.budget(),
                    dialog.rules(),
                    anonymous_effort=dialog.anonymous.isChecked(),
                )
            ),
        ):
            self.current = assembly.remuneration.period(created[0])
            self.refresh()

    def edit_entry(self) -> None:
        """Edit the selected member's hours and sacrifices."""
        member = self._selected()
        if (
            self.assembly is None
            or self.current is None
            or member is None
            or (self.current.status is not PeriodStatus.OPEN)
            or self.table_data is None
        ):
            return
        entry = next(e for e in self.table_data.entries if e.member_id == member.member_id)
        dialog = EntryDialog(entry, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        assembly, period_id = self.assembly, self.current.id
        if attempt(
            self,
            lambda: assembly.remuneration.update_entry(period_id, entry.member_id, dialog.fields()),
        ):
            self._fill_table()

    def grant_need(self) -> None:
        """Add a need allowance decided by the assembly."""
        member = self._selected()
        if self.assembly is None or self.current is None or member is None:
            return
        dialog = NeedDialog(self.assembly.remuneration.passed_decisions(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        assembly, period_id = self.assembly, self.current.id

        def grant() -> None:
            amount = decimal_of(dialog.amount.text(), self.tr("Amount"))
            assembly.remuneration.grant_need(
                period_id,
                member.member_id,
                NeedKind(dialog.kind.currentData()),
                amount,
                dialog.decision.currentData(),
                dialog.note.text(),
            )

        if attempt(self, grant):
            self._fill_table()

    def collect_ratings(self) -> None:
        """Pass the laptop round for peer effort ratings."""
        if self.assembly is None or self.current is None:
            return
        KioskWindow(EffortKioskSession(self.assembly, self.current.id), self).run()
        self.current = self.assembly.remuneration.period(self.current.id)
        self._fill_table()

    def contest(self) -> None:
        """The selected member contests their effort rating (goes on the next agenda)."""
        member = self._selected()
        if self.assembly is None or self.current is None or member is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Contest the effort rating"),
            self.tr(
                "Why does {name} contest the rating? (goes on the next meeting's agenda)"
            ).format(name=member.name),
        )
        if ok:
            assembly, period_id = self.assembly, self.current.id
            if attempt(
                self, lambda: assembly.remuneration.contest(period_id, member.member_id, reason)
            ):
                self.data_changed.emit()
                self._fill_table()

    def approve(self) -> None:
        """Approve the period's table (facilitator passphrase)."""
        if self.assembly is None or self.current is None:
            return
        if not passphrase.confirm_facilitator(
            self.assembly.security,
            self.tr(
                "Enter the facilitator passphrase to approve {name}; its entries can no "
                "longer change afterwards."
            ).format(name=self.current.name),
            self,
        ):
            return
        assembly, period_id = self.assembly, self.current.id
        if attempt(self, lambda: assembly.remuneration.approve(period_id)):
            self.refresh()

    def export_csv(self) -> None:
        """Write the table as CSV to a chosen file."""
        if self.assembly is None or self.current is None:
            return
        path = self.choose_export_path(f"remuneration-{self.current.name}.csv")
        if path is None:
            return
        try:
            write_text_atomically(path, self.assembly.remuneration.export_csv(self.current.id))
        except UserError as error:
            show_user_error(self, error)
        except OSError as error:
            problem = environment_problem(error)
            if problem is None:
                raise
            show_user_error(self, problem)

    def choose_export_path(self, suggestion: str) -> Path | None:
        """Ask where to write the CSV (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the table"),
            str(Path.home() / suggestion),
            self.tr("CSV files (*.csv)"),
        )
        return Path(name) if name else None
