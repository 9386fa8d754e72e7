"""Balancing across workplaces: hours each member should work on outside tasks.

Where this workplace's average empowerment or desirability differs from the society's (or
the federation's), members spend some hours on other workplaces' tasks. The facilitator
enters the society's averages and the ratings of the outside tasks (kept in the assembly);
the table shows, for the complexes in the editor, the suggested hours outside and each
member's averages afterwards (:func:`~pareconapp.core.jobs.outside_hours`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.i18n import UserError
from pareconapp.i18n import render
from pareconapp.ui.guard import attempt
from pareconapp.ui.jobs.labels import rating

if TYPE_CHECKING:
    from pareconapp.core.jobs import Balance
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.job_complexes import JobSettings

NOT_SET = -1.0


class OutsidePanel(QWidget):
    """Society averages in, hours outside per member out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.balance: Balance | None = None
        self.names: dict[int, str] = {}
        self.figures = [self._figure() for _ in range(4)]
        self.mode = QComboBox()
        self.mode.addItem(self.tr("replace part of the week"), "replace")
        self.mode.addItem(self.tr("come on top of the week"), "add")
        self.save_button = QPushButton(self.tr("&Keep these figures"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("outsideHours")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Member"),
                self.tr("Empowerment now"),
                self.tr("Desirability now"),
                self.tr("Hours outside"),
                self.tr("Empowerment after"),
                self.tr("Desirability after"),
                self.tr("Hours for empowerment / desirability alone"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Society (or federation) average:")), 0, 0)
        grid.addWidget(QLabel(self.tr("Outside tasks' ratings:")), 1, 0)
        for row in range(2):
            grid.addWidget(QLabel(self.tr("empowerment")), row, 1)
            grid.addWidget(self.figures[2 * row], row, 2)
            grid.addWidget(QLabel(self.tr("desirability")), row, 3)
            grid.addWidget(self.figures[2 * row + 1], row, 4)
        grid.addWidget(QLabel(self.tr("Outside hours:")), 2, 0)
        grid.addWidget(self.mode, 2, 1, 1, 4)
        grid.addWidget(self.save_button, 2, 5)
        grid.setColumnStretch(6, 1)
        intro = QLabel(
            self.tr(
                "Where the workplace's average differs from the society's, members balance it "
                "with hours on other workplaces' tasks. For the complexes in the editor:"
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        for figure in self.figures:
            figure.valueChanged.connect(lambda _: self._show())
        self.mode.currentIndexChanged.connect(lambda _: self._show())
        self.save_button.clicked.connect(self.save)

    def _figure(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(NOT_SET, 1000)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setSpecialValueText(self.tr("not set"))
        spin.setValue(NOT_SET)
        return spin

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Show ``assembly``'s stored figures."""
        self.assembly = assembly
        if assembly is None:
            return
        settings = assembly.job_complexes.settings()
        values = (
            settings.society_empowerment,
            settings.society_desirability,
            settings.outside_empowerment,
            settings.outside_desirability,
        )
        for figure, value in zip(self.figures, values, strict=True):
            figure.blockSignals(True)
            figure.setValue(NOT_SET if value is None else value)
            figure.blockSignals(False)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.outside_mode)))
        self.names = {m.id: m.display_name for m in assembly.members.list_members()}
        self._show()

    def show_balance(self, balance: Balance | None) -> None:
        """The complexes to balance (the editor's draft)."""
        self.balance = balance
        self._show()

    def settings(self) -> JobSettings:
        """The stored settings with the figures as entered."""
        assert self.assembly is not None
        values = [None if f.value() <= NOT_SET else f.value() for f in self.figures]
        return replace(
            self.assembly.job_complexes.settings(),
            society_empowerment=values[0],
            society_desirability=values[1],
            outside_empowerment=values[2],
            outside_desirability=values[3],
            outside_mode=str(self.mode.currentData()),
        )

    def save(self) -> None:
        """Keep the figures in the assembly."""
        if self.assembly is not None:
            assembly, settings = self.assembly, self.settings()
            attempt(self, lambda: assembly.job_complexes.save_settings(settings))

    def _show(self) -> None:
        self.table.setRowCount(0)
        if self.assembly is None or self.balance is None:
            self.summary.setText(self.tr("The complexes in the editor cannot be measured yet."))
            return
        from pareconapp.services.job_complexes import JobComplexService

        try:
            rows = JobComplexService.outside_hours(self.balance.complexes, self.settings())
        except UserError as error:
            self.summary.setText(render(error.message))
            return
        balance = self.balance
        society_e, society_d = self.figures[0].value(), self.figures[1].value()
        self.summary.setText(
            self.tr(
                "Workplace average: empowerment {e}, desirability {d}; society: {se}, {sd}. "
                "In all {total} h a week outside."
            ).format(
                e=rating(balance.workplace_empowerment),
                d=rating(balance.workplace_desirability),
                se=rating(society_e),
                sd=rating(society_d),
                total=f"{sum(r.hours for r in rows):.1f}",
            )
        )
        complexes = {c.member_id: c for c in balance.complexes}
        self.table.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            complex_ = complexes[entry.member_id]
            alone = " / ".join(
                "–" if h is None else f"{h:.1f}"
                for h in (entry.empowerment_hours, entry.desirability_hours)
            )
            cells = (
                self.names.get(entry.member_id, "?"),
                rating(complex_.empowerment),
                rating(complex_.desirability),
                f"{entry.hours:.1f}",
                rating(entry.empowerment_after),
                rating(entry.desirability_after),
                alone,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
