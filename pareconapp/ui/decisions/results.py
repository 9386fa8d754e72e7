"""A decision's result: weighted tally and head count side by side, rule, quorum, details."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.decisions import DecisionResult, RuleKind
from pareconapp.ui.charts import BarChart, BarChartData
from pareconapp.ui.decisions.labels import choice_name, outcome, percent, rule_sentences

if TYPE_CHECKING:
    from pareconapp.services.decisions import DecisionRow


def result_chart(result: DecisionResult, weighted: str, heads: str) -> BarChartData:
    """Each choice's share of the weight and of the heads, as grouped bars."""
    counts = [c for c in result.counts if c.option != "abstain" or c.head_count]
    total_weight = sum((c.weight for c in counts), Fraction(0)) or Fraction(1)
    total_heads = sum(c.head_count for c in counts) or 1
    winner = {i for i, c in enumerate(counts) if c.option == result.winner}
    marker = None
    if result.required_weight is not None:
        marker = float(result.required_weight / total_weight)
    return BarChartData(
        categories=tuple(choice_name(c.option) for c in counts),
        series=(weighted, heads),
        values=tuple((float(c.weight / total_weight), c.head_count / total_heads) for c in counts),
        labels=tuple((percent(c.weight / total_weight), str(c.head_count)) for c in counts),
        highlight=frozenset(winner),
        marker=marker,
    )


class ResultView(QWidget):
    """Everything about a closed decision's count, for the screen and the projector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel()
        self.banner.setObjectName("resultBanner")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = BarChart()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Choice"),
                self.tr("Weight"),
                self.tr("Share of weight"),
                self.tr("Head count"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details_table = QTableWidget()
        self.details_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.details_table.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(self.details)
        layout.addWidget(self.details_table, 1)
        layout.addStretch(0)
        policy = self.banner.sizePolicy()
        policy.setVerticalPolicy(policy.Policy.Fixed)
        self.banner.setSizePolicy(policy)

    def show_decision(
        self, decision: DecisionRow, receipts: list[tuple[str, str]] | None = None
    ) -> None:
        """Show ``decision``'s result (nothing while its ballot is not closed)."""
        result = decision.result
        if result is None:
            self.banner.setText(self.tr("No result yet: the ballot has not closed."))
            self.banner.setProperty("outcome", "none")
            for widget in (self.summary, self.chart, self.table, self.details, self.details_table):
                widget.hide()
            self._repolish()
            return
        for widget in (self.summary, self.chart, self.table, self.details):
            widget.show()
        self.banner.setText(outcome(result.outcome, result.winner))
        self.banner.setProperty("outcome", result.outcome.value)
        self._repolish()
        self.summary.setText(self._summary(decision, result))
        self.chart.set_data(
            result_chart(result, self.tr("share of impact weight"), self.tr("head count"))
        )
        self._fill_counts(result)
        self._fill_details(result, receipts or [])

    def _repolish(self) -> None:
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)

    def _summary(self, decision: DecisionRow, result: DecisionResult) -> str:
        lines = rule_sentences(result.rule)
        lines.append(self.tr("%n ballot(s) counted.", "", result.ballots.head_count))
        quorum = result.quorum
        if quorum is not None:
            present = quorum.attendance.present_weight / (quorum.attendance.eligible_weight or 1)
            line = self.tr(
                "Present when the ballot opened: {share} of the impact weight ({n} of {m} "
                "eligible members)."
            ).format(
                share=percent(present),
                n=quorum.attendance.present_count,
                m=quorum.attendance.eligible_count,
            )
            if quorum.required_share:
                line += " " + self.tr("Quorum {needed}: {verdict}.").format(
                    needed=percent(quorum.required_share),
                    verdict=self.tr("met") if quorum.met else self.tr("NOT met"),
                )
            lines.append(line)
        if result.abstentions.head_count:
            lines.append(
                self.tr("Abstentions: {n} ({share} of the weight cast).").format(
                    n=result.abstentions.head_count,
                    share=percent(result.abstentions.weight / (result.ballots.weight or 1)),
                )
            )
        for tie in result.ties:
            lines.append(
                self.tr("Tie between {options}: {how}.").format(
                    options=", ".join(tie.tied),
                    how=", ".join(tie.chosen) if tie.resolved else self.tr("not yet decided"),
                )
            )
        if decision.secrecy and decision.secrecy.get("accepted_small_classes"):
            lines.append(
                self.tr(
                    "The facilitator accepted weight classes of fewer than three "
                    "voters; their secrecy could not be guaranteed."
                )
            )
        return "<br>".join(lines)

    def _fill_counts(self, result: DecisionResult) -> None:
        counts = result.counts
        total = sum((c.weight for c in counts), Fraction(0)) or Fraction(1)
        self.table.setRowCount(len(counts))
        for row, count in enumerate(counts):
            for column, text in enumerate(
                (
                    choice_name(count.option),
                    str(count.weight),
                    percent(count.weight / total),
                    str(count.head_count),
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setMaximumHeight(self.table.verticalHeader().length() + 40)

    def _fill_details(self, result: DecisionResult, receipts: list[tuple[str, str]]) -> None:
        parts: list[str] = []
        for block in result.blocks:
            parts.append(
                self.tr("Block ({share} of the weight): {reason}").format(
                    share=percent(block.weight), reason=block.reason
                )
            )
        for objection in result.objections:
            ruling = {
                True: self.tr("upheld"),
                False: self.tr("not upheld"),
                None: self.tr("not yet ruled on"),
            }[objection.upheld]
            parts.append(
                self.tr("Objection ({ruling}): {reason}").format(
                    ruling=ruling, reason=objection.reason
                )
            )
        if receipts:
            parts.append(self.tr("Receipt codes, each with the choice it recorded:"))
            parts.extend(f"{code}: {choice}" for code, choice in receipts)
        self.details.setText("<br>".join(parts))
        self.details.setVisible(bool(parts))
        if result.rule.kind is RuleKind.INSTANT_RUNOFF and result.rounds:
            self._fill_rounds(result)
        elif result.rule.kind is RuleKind.SCHULZE and result.pairwise is not None:
            self._fill_pairwise(result)
        else:
            self.details_table.hide()

    def _fill_rounds(self, result: DecisionResult) -> None:
        options = list(result.options)
        table = self.details_table
        table.clear()
        table.setRowCount(len(result.rounds))
        table.setColumnCount(len(options) + 2)
        table.setHorizontalHeaderLabels([*options, self.tr("Exhausted"), self.tr("Eliminated")])
        table.setVerticalHeaderLabels(
            [self.tr("Round {n}").format(n=r.number) for r in result.rounds]
        )
        for row, runoff in enumerate(result.rounds):
            totals = {t.option: t for t in runoff.totals}
            for column, option in enumerate(options):
                total = totals.get(option)
                text = "" if total is None else f"{percent(total.weight)} ({total.head_count})"
                table.setItem(row, column, QTableWidgetItem(text))
            table.setItem(row, len(options), QTableWidgetItem(str(runoff.exhausted.head_count)))
            table.setItem(row, len(options) + 1, QTableWidgetItem(", ".join(runoff.eliminated)))
        table.resizeColumnsToContents()
        table.show()

    def _fill_pairwise(self, result: DecisionResult) -> None:
        pairwise = result.pairwise
        assert pairwise is not None
        table = self.details_table
        table.clear()
        size = len(pairwise.options)
        table.setRowCount(size)
        table.setColumnCount(size)
        table.setHorizontalHeaderLabels(list(pairwise.options))
        table.setVerticalHeaderLabels(
            [self.tr("{option} over…").format(option=o) for o in pairwise.options]
        )
        for row in range(size):
            for column in range(size):
                if row != column:
                    text = (
                        percent(pairwise.preferences[row][column])
                        + " / "
                        + percent(pairwise.strongest_paths[row][column])
                    )
                    table.setItem(row, column, QTableWidgetItem(text))
        table.setToolTip(
            self.tr(
                "Each cell: the weight preferring the row's option to the "
                "column's / the strength of the strongest path"
            )
        )
        table.resizeColumnsToContents()
        table.show()
