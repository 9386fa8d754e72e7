"""A round as the IFB published it: prices, last round's totals and the IFB's reports."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pareconapp.i18n import translate
from pareconapp.ui.planning import labels

if TYPE_CHECKING:
    from pareconapp.core.planning_exchange.catalogue import Catalogue
    from pareconapp.services.planning import RoundView

OUT_OF_BALANCE = QColor("#b5485d")
COLUMNS = 8


def right_aligned(text: str) -> QTableWidgetItem:
    """A read-only number cell."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def read_only(text: str) -> QTableWidgetItem:
    """A read-only text cell."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class RoundPanel(QWidget):
    """The goods with their prices and last round's supply, demand and imbalance."""

    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("sectionHeading")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Good"),
                self.tr("Kind"),
                self.tr("Unit"),
                self.tr("Price"),
                self.tr("Change"),
                self.tr("Supply\nlast round"),
                self.tr("Demand\nlast round"),
                self.tr("Imbalance"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Goods and prices"))
        self.compact = compact
        if compact:  # beside another table: the kind and unit go into the tooltip
            self.table.setColumnHidden(1, True)
            self.table.setColumnHidden(2, True)
        self.reports = QTextBrowser()
        self.reports.setAccessibleName(self.tr("The IFB's reports"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.reports)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def show_round(self, view: RoundView | None, catalogue: Catalogue, empty: str = "") -> None:
        """Show ``view`` (``None``: no round yet, with ``empty`` as the explanation)."""
        if view is None:
            self.summary.setText(empty)
            self.table.setRowCount(0)
            self.reports.clear()
            return
        self.summary.setText(_summary(view, self.compact))
        bold = QFont(self.table.font())
        bold.setBold(True)
        self.table.setRowCount(len(catalogue))
        for row, good in enumerate(catalogue.goods):
            price = view.prices.get(good.code, 0.0)
            last = view.last.get(good.code)
            change = "" if last is None or not last.price else labels.share(price / last.price - 1)
            if last is not None and price > last.price:
                change = "▲ " + change
            elif last is not None and price < last.price:
                change = "▼ " + change
            name = read_only(good.name)
            name.setToolTip(f"{labels.category(good.category)} · {good.unit}")
            cells = [
                name,
                read_only(labels.category(good.category)),
                read_only(good.unit),
                right_aligned(labels.price(price)),
                right_aligned(change),
                right_aligned("" if last is None else labels.quantity(last.supply)),
                right_aligned("" if last is None else labels.quantity(last.demand)),
                right_aligned("" if last is None else labels.share(last.imbalance)),
            ]
            out = last is not None and last.imbalance > view.threshold
            for column, item in enumerate(cells):
                if out and column == COLUMNS - 1:
                    item.setForeground(OUT_OF_BALANCE)
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.reports.setHtml(reports_html(view, catalogue))


def _tr(text: str, count: int = -1) -> str:
    return translate("Planning", text, "", count)


def _summary(view: RoundView, compact: bool) -> str:
    tr = _tr
    if view.final:
        return tr("The plan is final (round {number} of {sender}).").format(
            number=view.number, sender=view.sender
        )
    largest = view.largest_last_imbalance
    if compact and largest is not None:
        return tr("Largest imbalance last round {largest} · goal ≤ {threshold}").format(
            largest=labels.share(largest), threshold=labels.share(view.threshold)
        )
    if largest is None:
        return tr("Round {number} from {sender}: the starting prices.").format(
            number=view.number, sender=view.sender
        )
    return tr(
        "Round {number} · largest imbalance last round {largest} · goal ≤ {threshold}"
    ).format(
        number=view.number,
        largest=labels.share(largest),
        threshold=labels.share(view.threshold),
    )


def reports_html(view: RoundView, catalogue: Catalogue) -> str:
    """The IFB's note, "who says no" and comparison data as rich text."""
    tr = _tr
    parts = []
    if view.note:
        parts.append(f"<p><b>{html.escape(view.note)}</b></p>")
    if view.questions:
        parts.append("<h3>" + html.escape(tr("Proposals to question (who says no)")) + "</h3><ul>")
        parts += [
            f"<li>{html.escape(labels.question(q, view.council_name(q.council)))}</li>"
            for q in view.questions
        ]
        parts.append("</ul>")
    if view.comparisons:
        parts.append("<h3>" + html.escape(tr("Councils making the same good")) + "</h3><ul>")
        for c in view.comparisons:
            name = catalogue.good(c.good).name if c.good in catalogue else c.good
            ratio = (
                ""
                if c.median_ratio is None
                else tr(", SB/SC median {median} ({low} – {high})").format(
                    median=f"{c.median_ratio:.2f}",
                    low=f"{c.lowest_ratio or 0:.2f}",
                    high=f"{c.highest_ratio or 0:.2f}",
                )
            )
            parts.append(
                "<li>"
                + html.escape(
                    tr("{good}: %n council(s), median output {output}", c.councils).format(
                        good=name, output=labels.quantity(c.median_output)
                    )
                    + ratio
                )
                + "</li>"
            )
        parts.append("</ul>")
    if not parts:
        parts.append("<p>" + html.escape(tr("No reports from the IFB for this round.")) + "</p>")
    return "".join(parts)
