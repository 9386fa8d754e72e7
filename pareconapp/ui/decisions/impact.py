"""Impact assessment: who is affected how much, normalised to voting weights.

The facilitator sets impact per member or per group (levels or numbers), or records what
members declared and what the assembly reviewed; a floor and a cap are options; a rationale
is required. The weights are computed by the core (``assess_impact``) through the service
and shown as a table and a bar chart; for a secret ballot the weight classes are shown with
a warning for classes too small to keep the secret.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.decision_states import BallotMode, DecisionStatus
from pareconapp.core.decisions import (
    GroupOverlap,
    ImpactLevel,
    impacts_from_declarations,
    impacts_from_groups,
    impacts_from_levels,
    impacts_from_quantities,
)
from pareconapp.core.decisions.impact import IMPACT_METHODS
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage, user_error
from pareconapp.i18n import render
from pareconapp.services.decisions import DecisionRow, ImpactInput
from pareconapp.store.models import CouncilKind
from pareconapp.ui.charts import BarChart, BarChartData
from pareconapp.ui.decisions.labels import level_name, percent
from pareconapp.ui.errors import show_user_error

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.members import MemberRow
    from pareconapp.services.planning_rows import ConsumptionSource

MAX_CHART_ROWS = 24


class LevelBox(QComboBox):
    """A combo box of impact levels."""

    def __init__(self, value: str = ImpactLevel.MEDIUM.value, allow_blank: bool = False) -> None:
        super().__init__()
        if allow_blank:
            self.addItem("—", None)
        for level in ImpactLevel:
            self.addItem(level_name(level), level.value)
        self.set_value(value)

    def set_value(self, value: str | None) -> None:
        """Select ``value`` (a level's value, or ``None`` for blank)."""
        self.setCurrentIndex(max(0, self.findData(value)))

    def value(self) -> str | None:
        """The selected level's value."""
        data = self.currentData()
        return None if data is None else str(data)


class ImpactEditor(QWidget):
    """Enter an impact assessment and compute the weights."""

    assessed = Signal(int)  # decision id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.decision: DecisionRow | None = None
        self.members: list[MemberRow] = []
        self.method = QComboBox()
        for key, name in IMPACT_METHODS.items():
            self.method.addItem(render(UserMessage(name)), key)
        self.member_table = QTableWidget(0, 5)
        self.member_table.setHorizontalHeaderLabels(
            [
                self.tr("Member"),
                self.tr("Team"),
                self.tr("Impact"),
                self.tr("Reviewed"),
                self.tr("Weight"),
            ]
        )
        self.member_table.verticalHeader().hide()
        self.member_table.horizontalHeader().setStretchLastSection(True)
        self.member_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        _size_columns(self.member_table, stretch=0, fixed={2: 170, 3: 170})
        self.member_table.setAccessibleName(self.tr("Impact per member"))
        self.group_table = QTableWidget(0, 3)
        self.group_table.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Members"), self.tr("Impact")]
        )
        self.group_table.verticalHeader().hide()
        self.group_table.horizontalHeader().setStretchLastSection(True)
        self.group_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        _size_columns(self.group_table, stretch=0, fixed={2: 170})
        self.overlap = QComboBox()
        self.overlap.addItem(
            self.tr("A member in several groups takes the highest impact"), GroupOverlap.HIGHEST
        )
        self.overlap.addItem(self.tr("A member in several groups adds them up"), GroupOverlap.SUM)
        groups_box = QWidget()
        groups_layout = QVBoxLayout(groups_box)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        groups_layout.addWidget(self.group_table, 1)
        groups_layout.addWidget(self.overlap)
        self._sources: dict[int, ConsumptionSource] | None = None
        self._entered_consumption: dict[str, Any] = {}
        self.task_list = QListWidget()
        self.task_list.setAccessibleName(self.tr("Tasks the decision touches"))
        tasks_box = QWidget()
        tasks_layout = QVBoxLayout(tasks_box)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_note = QLabel(
            self.tr(
                "Tick the tasks the decision touches: each member's impact is the hours a week "
                "they work on them in the current job complexes."
            )
        )
        tasks_note.setWordWrap(True)
        tasks_layout.addWidget(tasks_note)
        tasks_layout.addWidget(self.task_list, 1)
        self.consumption_year = QComboBox()
        self.consumption_year.setAccessibleName(self.tr("Planning year"))
        self.goods_list = QListWidget()
        self.goods_list.setAccessibleName(self.tr("Goods the decision touches"))
        goods_box = QWidget()
        goods_layout = QVBoxLayout(goods_box)
        goods_layout.setContentsMargins(0, 0, 0, 0)
        goods_note = QLabel(
            self.tr(
                "Tick the goods the decision touches: each member's impact is what they asked "
                "for of them in the consumer council's plan, valued at this round's prices."
            )
        )
        goods_note.setWordWrap(True)
        year_row = QFormLayout()
        year_row.addRow(self.tr("Planning &year:"), self.consumption_year)
        goods_layout.addWidget(goods_note)
        goods_layout.addLayout(year_row)
        goods_layout.addWidget(self.goods_list, 1)
        self.inputs = QStackedWidget()
        self.inputs.addWidget(self.member_table)
        self.inputs.addWidget(groups_box)
        self.inputs.addWidget(tasks_box)
        self.inputs.addWidget(goods_box)

        self.floor = QDoubleSpinBox()
        self.floor.setRange(0, 50)
        self.floor.setDecimals(1)
        self.floor.setSuffix(" %")
        self.floor.setSpecialValueText(self.tr("none"))
        self.floor.setToolTip(self.tr("Everyone affected gets at least this share of the say"))
        self.cap = QDoubleSpinBox()
        self.cap.setRange(0, 100)
        self.cap.setDecimals(1)
        self.cap.setSuffix(" %")
        self.cap.setSpecialValueText(self.tr("none"))
        self.cap.setToolTip(self.tr("Nobody gets more than this share of the say"))
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(
            self.tr("Why are these members affected this much? (required; the minutes print it)")
        )
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(90)
        self.compute_button = QPushButton(self.tr("&Compute weights"))
        self.compute_button.setObjectName("primaryButton")
        self.chart = BarChart()
        self.secrecy = QLabel()
        self.secrecy.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("&Merge small classes"))
        self.accept_small = QCheckBox(
            self.tr("Accept the risk for small classes (the minutes record it)")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&How:"), self.method)
        bounds = QHBoxLayout()
        bounds.addWidget(QLabel(self.tr("Floor:")))
        bounds.addWidget(self.floor)
        bounds.addSpacing(16)
        bounds.addWidget(QLabel(self.tr("Cap:")))
        bounds.addWidget(self.cap)
        bounds.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.inputs, 1)
        left_layout.addLayout(bounds)
        rationale_label = QLabel(self.tr("&Rationale:"))
        rationale_label.setBuddy(self.rationale)
        left_layout.addWidget(rationale_label)
        left_layout.addWidget(self.rationale)
        compute_row = QHBoxLayout()
        compute_row.addStretch(1)
        compute_row.addWidget(self.compute_button)
        left_layout.addLayout(compute_row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Voting weights"))
        heading.setObjectName("sectionHeading")
        right_layout.addWidget(heading)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.secrecy)
        secrecy_row = QHBoxLayout()
        secrecy_row.addWidget(self.merge_button)
        secrecy_row.addWidget(self.accept_small, 1)
        right_layout.addLayout(secrecy_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.method.currentIndexChanged.connect(lambda _: self._method_changed())
        self.consumption_year.currentIndexChanged.connect(lambda _: self._fill_goods(set()))
        self.compute_button.clicked.connect(self.compute)
        self.merge_button.clicked.connect(self.merge_small_classes)

    # -- showing --------------------------------------------------------------------------

    def show_decision(self, assembly: AssemblyService, decision: DecisionRow | None) -> None:
        """Edit ``decision``'s assessment."""
        self.assembly, self.decision = assembly, decision
        self.members = assembly.members.list_members(active_only=True)
        entered: dict[str, Any] = dict(decision.impact_input or {}) if decision else {}
        self.method.blockSignals(True)
        self.method.setCurrentIndex(
            max(
                0,
                self.method.findData(
                    decision.impact_method if decision and decision.impact_method else "levels"
                ),
            )
        )
        self.method.blockSignals(False)
        self._fill_members(entered)
        self._fill_groups(entered)
        self._fill_tasks(entered)
        self._fill_consumption(entered)
        self.overlap.setCurrentIndex(
            max(
                0,
                self.overlap.findData(
                    GroupOverlap(entered.get("overlap", GroupOverlap.HIGHEST.value))
                ),
            )
        )
        weights = decision.weights if decision else None
        self.floor.setValue(float(weights.floor * 100) if weights and weights.floor else 0)
        self.cap.setValue(float(weights.cap * 100) if weights and weights.cap else 0)
        self.rationale.setPlainText(decision.rationale if decision else "")
        editable = decision is not None and decision.status in (
            DecisionStatus.DRAFT,
            DecisionStatus.ASSESSED,
        )
        for widget in (
            self.method,
            self.inputs,
            self.floor,
            self.cap,
            self.rationale,
            self.compute_button,
            self.merge_button,
            self.accept_small,
        ):
            widget.setEnabled(editable)
        self._method_changed()
        self._show_weights()

    def _fill_members(self, entered: dict[str, Any]) -> None:
        values = entered.get("members", {})
        reviewed = entered.get("reviewed", {})
        table = self.member_table
        table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            name = QTableWidgetItem(member.display_name)
            name.setData(Qt.ItemDataRole.UserRole, member.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, name)
            team = QTableWidgetItem(member.team)
            team.setFlags(team.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 1, team)
            value = values.get(str(member.id))
            table.setCellWidget(row, 2, LevelBox(value or ImpactLevel.MEDIUM.value))
            table.setItem(row, 2, QTableWidgetItem(value or "1"))
            table.setCellWidget(row, 3, LevelBox(reviewed.get(str(member.id)), allow_blank=True))
            weight = QTableWidgetItem("")
            weight.setFlags(weight.flags() & ~Qt.ItemFlag.ItemIsEditable)
            weight.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 4, weight)

    def _groups(self) -> list[tuple[str, str, list[int]]]:
        """(key, name, member ids) of every team and consumer council."""
        groups: list[tuple[str, str, list[int]]] = []
        assert self.assembly is not None
        for council in self.assembly.members.councils():
            if council.kind is CouncilKind.WORKER:
                continue
            ids = [m.id for m in self.members if council.id in (m.team_id, m.consumer_council_id)]
            groups.append((f"council:{council.id}", council.name, ids))
        return groups

    def _fill_groups(self, entered: dict[str, Any]) -> None:
        values = entered.get("groups", {})
        groups = self._groups()
        self.group_table.setRowCount(len(groups))
        for row, (key, name, ids) in enumerate(groups):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.group_table.setItem(row, 0, item)
            count = QTableWidgetItem(str(len(ids)))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.group_table.setItem(row, 1, count)
            self.group_table.setCellWidget(
                row, 2, LevelBox(values.get(key, ImpactLevel.NONE.value))
            )

    def _fill_tasks(self, entered: dict[str, Any]) -> None:
        assert self.assembly is not None
        chosen = set(entered.get("tasks", []))
        self.task_list.clear()
        for task in self.assembly.tasks.list_tasks(active_only=True):
            item = QListWidgetItem(task.name)
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = task.id in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.task_list.addItem(item)

    def _fill_consumption(self, entered: dict[str, Any]) -> None:
        """The consumer-council years members asked for goods in (read when first chosen)."""
        self._sources = None
        self.consumption_year.blockSignals(True)
        self.consumption_year.clear()
        self.consumption_year.blockSignals(False)
        self.goods_list.clear()
        self._entered_consumption = entered if entered.get("method") == "consumption" else {}
        if self.method.currentData() == "consumption":
            self._load_consumption()

    def _load_consumption(self) -> None:
        if self._sources is not None or self.assembly is None:
            return
        self._sources = {s.year_id: s for s in self.assembly.planning.consumption_sources()}
        entered = self._entered_consumption
        self.consumption_year.blockSignals(True)
        for source in self._sources.values():
            self.consumption_year.addItem(source.name, source.year_id)
        index = self.consumption_year.findData(entered.get("year"))
        self.consumption_year.setCurrentIndex(max(0, index))
        self.consumption_year.blockSignals(False)
        self._fill_goods(set(entered.get("goods", [])))

    def _fill_goods(self, chosen: set[str]) -> None:
        self.goods_list.clear()
        source = (self._sources or {}).get(self.consumption_year.currentData())
        if source is None:
            return
        for code, name in source.goods:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = code in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.goods_list.addItem(item)

    def _method_changed(self) -> None:
        method = self.method.currentData()
        if method == "consumption":
            self._load_consumption()
        self.inputs.setCurrentIndex({"groups": 1, "hours": 2, "consumption": 3}.get(method, 0))
        numbers = method == "numbers"
        for row in range(self.member_table.rowCount()):
            box = self.member_table.cellWidget(row, 2)
            if box is not None:
                box.setVisible(not numbers)
        self.member_table.setColumnHidden(3, method != "declared")
        header = self.member_table.horizontalHeaderItem(2)
        if header is not None:
            header.setText(self.tr("Declared") if method == "declared" else self.tr("Impact"))
        secret = self.decision is not None and self.decision.ballot_mode is BallotMode.SECRET
        for widget in (self.secrecy, self.merge_button, self.accept_small):
            widget.setVisible(secret)

    # -- reading the input ----------------------------------------------------------------

    def _member_values(self, column: int) -> dict[int, str | None]:
        values: dict[int, str | None] = {}
        for row in range(self.member_table.rowCount()):
            member_id = _cell(self.member_table, row, 0).data(Qt.ItemDataRole.UserRole)
            box = self.member_table.cellWidget(row, column)
            if self.method.currentData() == "numbers" and column == 2:
                values[member_id] = _cell(self.member_table, row, 2).text().strip()
            else:
                values[member_id] = box.value() if isinstance(box, LevelBox) else None
        return values

    def impact_input(self) -> ImpactInput:
        """The assessment as entered (raises ``UserError`` for bad numbers)."""
        method = self.method.currentData()
        entered: dict[str, Any] = {"method": method}
        if method == "hours":
            impacts = self._hours_impacts(entered)
        elif method == "consumption":
            impacts = self._consumption_impacts(entered)
        elif method == "groups":
            impacts = self._group_impacts(entered)
        else:
            impacts = self._member_impacts(method, entered)
        floor = Fraction(round(self.floor.value() * 10), 1000) or None
        cap = Fraction(round(self.cap.value() * 10), 1000) or None
        return ImpactInput(method, impacts, self.rationale.toPlainText(), floor, cap, entered)

    def _everyone(self, impacts: dict[int, Fraction]) -> dict[int, Fraction]:
        """``impacts`` with every active member (0 for those not named)."""
        return {m.id: impacts.get(m.id, Fraction(0)) for m in self.members}

    @staticmethod
    def _ticked(items: QListWidget) -> list[Any]:
        return [
            items.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(items.count())
            if items.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _hours_impacts(self, entered: dict[str, Any]) -> dict[int, Fraction]:
        assert self.assembly is not None
        tasks = [int(task) for task in self._ticked(self.task_list)]
        if not tasks:
            raise user_error(
                QT_TRANSLATE_NOOP("Decisions", "Tasks: tick the tasks the decision touches.")
            )
        entered["tasks"] = tasks
        hours = self.assembly.job_complexes.hours_on_tasks(tasks)
        return self._everyone(impacts_from_quantities(hours))

    def _consumption_impacts(self, entered: dict[str, Any]) -> dict[int, Fraction]:
        assert self.assembly is not None
        year = self.consumption_year.currentData()
        if year is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Goods: no consumer council's plan has members' requests yet (Planning).",
                )
            )
        goods = [str(good) for good in self._ticked(self.goods_list)]
        if not goods:
            raise user_error(
                QT_TRANSLATE_NOOP("Decisions", "Goods: tick the goods the decision touches.")
            )
        entered.update(year=year, goods=goods)
        values = self.assembly.planning.consumption_of_goods(year, goods)
        return impacts_from_quantities(self._everyone(values))

    def _group_impacts(self, entered: dict[str, Any]) -> dict[int, Fraction]:
        chosen = {}
        for row in range(self.group_table.rowCount()):
            key = _cell(self.group_table, row, 0).data(Qt.ItemDataRole.UserRole)
            box = self.group_table.cellWidget(row, 2)
            assert isinstance(box, LevelBox)
            chosen[key] = box.value() or ImpactLevel.NONE.value
        members = {key: ids for key, _, ids in self._groups()}
        overlap = GroupOverlap(self.overlap.currentData())
        entered.update(groups=chosen, overlap=overlap.value)
        levels = {k: ImpactLevel(v) for k, v in chosen.items()}
        impacts = impacts_from_groups(members, levels, overlap)
        for member in self.members:
            impacts.setdefault(member.id, Fraction(0))
        return impacts

    def _member_impacts(self, method: str, entered: dict[str, Any]) -> dict[int, Fraction]:
        values = self._member_values(2)
        entered["members"] = {str(k): v for k, v in values.items()}
        if method == "numbers":
            return impacts_from_levels({m: _number(v) for m, v in values.items()})
        levels = {m: ImpactLevel(v or ImpactLevel.NONE.value) for m, v in values.items()}
        if method == "declared":
            reviewed = {m: ImpactLevel(v) for m, v in self._member_values(3).items() if v}
            entered["reviewed"] = {str(k): v.value for k, v in reviewed.items()}
            return impacts_from_declarations(levels, reviewed)
        return impacts_from_levels(levels)

    # -- actions --------------------------------------------------------------------------

    def compute(self) -> None:
        """Assess the impact through the service and show the weights."""
        if self.assembly is None or self.decision is None:
            return
        try:
            self.decision = self.assembly.decisions.assess(self.decision.id, self.impact_input())
        except UserError as error:
            show_user_error(self, error)
            return
        self._show_weights()
        self.assessed.emit(self.decision.id)

    def merge_small_classes(self) -> None:
        """Merge weight classes too small to keep the secret."""
        if self.assembly is None or self.decision is None:
            return
        try:
            self.decision = self.assembly.decisions.merge_small_classes(self.decision.id)
        except UserError as error:
            show_user_error(self, error)
            return
        self._show_weights()
        self.assessed.emit(self.decision.id)

    def _show_weights(self) -> None:
        decision = self.decision
        weights = decision.weights if decision else None
        names = {m.id: m.display_name for m in self.members}
        for row in range(self.member_table.rowCount()):
            member_id = _cell(self.member_table, row, 0).data(Qt.ItemDataRole.UserRole)
            text = percent(weights.weight(member_id)) if weights else ""
            _cell(self.member_table, row, 4).setText(text)
        if weights is None or decision is None:
            self.chart.set_data(None)
            self.summary.setText(self.tr("Compute the weights to see them here."))
            self.secrecy.clear()
            self.merge_button.setEnabled(False)
            return
        ranked = sorted(weights.weights.items(), key=lambda kv: (-kv[1], names.get(kv[0], "")))
        shown = ranked[:MAX_CHART_ROWS]
        top = max((w for _, w in shown), default=Fraction(1))
        self.chart.set_data(
            BarChartData(
                categories=tuple(names.get(m, str(m)) for m, _ in shown),
                series=(self.tr("weight"),),
                values=tuple((float(w),) for _, w in shown),
                labels=tuple((percent(w),) for _, w in shown),
                maximum=float(top),
            )
        )
        text = self.tr("%n member(s) vote", "", len(weights.weights))
        if weights.excluded:
            text += " · " + self.tr("%n not affected", "", len(weights.excluded))
        if len(ranked) > MAX_CHART_ROWS:
            text += " · " + self.tr("the chart shows the {n} largest").format(n=MAX_CHART_ROWS)
        self.summary.setText(text)
        if decision.ballot_mode is BallotMode.SECRET and self.assembly is not None:
            report = self.assembly.decisions.secrecy_report(decision.id)
            lines = [
                self.tr("Weight {weight}: {n} voters").format(weight=percent(c.weight), n=c.size)
                for c in report.classes
            ]
            lines += [
                f"<span style='color:#b00020'>{render(w.message)}</span>" for w in report.small
            ]
            self.secrecy.setText(
                self.tr("Secret ballot weight classes:") + "<br>" + "<br>".join(lines)
            )
            self.merge_button.setEnabled(
                bool(report.small)
                and decision.status in (DecisionStatus.DRAFT, DecisionStatus.ASSESSED)
            )


def _size_columns(table: QTableWidget, stretch: int, fixed: dict[int, int]) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in fixed.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"no item at {row}, {column}"
    return item


def _number(text: str | None) -> Fraction:
    try:
        return Fraction((text or "0").replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise user_error(
            QT_TRANSLATE_NOOP("Decisions", 'Impact: "{value}" is not a number.'), value=text
        ) from None
