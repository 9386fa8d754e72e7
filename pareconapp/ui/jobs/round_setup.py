"""A rating round's setup, editable while the round is a draft.

Title, agenda item, scale and anchors, anonymity, aggregation, which tasks, which raters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pareconapp.services.ratings import Anchors, RatingRoundRow, RoundFields
from pareconapp.store.models_jobs import RoundStatus
from pareconapp.ui.guard import guarded
from pareconapp.ui.jobs.labels import aggregate_method, spread_measure

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService

ID_ROLE = Qt.ItemDataRole.UserRole


def _checklist(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setUniformItemSizes(True)
    return widget


class RoundSetup(QWidget):
    """The setup form of one rating round (or of a new one)."""

    saved = Signal(int)
    """The round's id, after it was created or changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.round: RatingRoundRow | None = None
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("e.g. Spring ratings"))
        self.agenda_item = QComboBox()
        self.agenda_item.setToolTip(self.tr("The agenda item (of kind rating round) it belongs to"))
        self.low = QSpinBox()
        self.low.setRange(-1000, 999)
        self.high = QSpinBox()
        self.high.setRange(-999, 1000)
        self.anchors = [QLineEdit() for _ in range(4)]
        for anchor in self.anchors:
            anchor.setMaxLength(300)
        self.anonymous = QCheckBox(
            self.tr("Anonymous: store no link between a rating and its rater")
        )
        self.method = QComboBox()
        for method in ("mean", "median", "trimmed_mean"):
            self.method.addItem(aggregate_method(method), method)
        self.trim = QSpinBox()
        self.trim.setRange(0, 49)
        self.trim.setSuffix(self.tr(" % from each end"))
        self.spread = QComboBox()
        for measure in ("sd", "iqr"):
            self.spread.addItem(spread_measure(measure), measure)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 1000)
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(0.5)
        self.threshold.setSpecialValueText(self.tr("a fifth of the range"))
        self.threshold.setSuffix(self.tr(" points"))
        self.tasks = _checklist(self.tr("Tasks rated"))
        self.raters = _checklist(self.tr("Raters"))
        self.task_count = QLabel()
        self.rater_count = QLabel()
        self.save_button = QPushButton(self.tr("&Save the setup"))
        self.save_button.setObjectName("primaryButton")
        self.note = QLabel()
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Agenda item:"), self.agenda_item)
        scale = QHBoxLayout()
        scale.addWidget(self.low)
        scale.addWidget(QLabel(self.tr("to")))
        scale.addWidget(self.high)
        scale.addStretch(1)
        scale_label = QLabel(self.tr("S&cale:"))
        scale_label.setBuddy(self.low)
        form.addRow(scale_label, scale)
        anchors = QGridLayout()
        anchors.addWidget(QLabel(self.tr("Empowerment, lowest:")), 0, 0)
        anchors.addWidget(self.anchors[0], 0, 1)
        anchors.addWidget(QLabel(self.tr("highest:")), 1, 0, Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.anchors[1], 1, 1)
        anchors.addWidget(QLabel(self.tr("Desirability, lowest:")), 2, 0)
        anchors.addWidget(self.anchors[2], 2, 1)
        anchors.addWidget(QLabel(self.tr("highest:")), 3, 0, Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.anchors[3], 3, 1)
        anchor_box = QGroupBox(self.tr("What the ends of the scale mean (shown to raters)"))
        anchor_box.setLayout(anchors)
        aggregation = QFormLayout()
        aggregation.addRow(self.tr("A task's rating is the:"), self.method)
        aggregation.addRow(self.tr("Trimmed mean drops:"), self.trim)
        aggregation.addRow(self.tr("Contested when the:"), self.spread)
        aggregation.addRow(self.tr("exceeds:"), self.threshold)
        aggregation_box = QGroupBox(self.tr("Aggregation"))
        aggregation_box.setLayout(aggregation)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(anchor_box)
        left.addWidget(self.anonymous)
        left.addWidget(aggregation_box)
        left.addWidget(self.note)
        left.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        left.addLayout(save_row)
        lists = QHBoxLayout()
        for heading, widget, count in (
            (self.tr("Tasks"), self.tasks, self.task_count),
            (self.tr("Raters"), self.raters, self.rater_count),
        ):
            column = QVBoxLayout()
            title = QHBoxLayout()
            label = QLabel(heading)
            label.setObjectName("sectionHeading")
            title.addWidget(label)
            title.addStretch(1)
            title.addWidget(count)
            column.addLayout(title)
            column.addWidget(widget, 1)
            buttons = QHBoxLayout()
            every = QPushButton(self.tr("All"))
            every.clicked.connect(lambda _=False, w=widget: self._tick_all(w, True))
            nobody = QPushButton(self.tr("None"))
            nobody.clicked.connect(lambda _=False, w=widget: self._tick_all(w, False))
            buttons.addWidget(every)
            buttons.addWidget(nobody)
            buttons.addStretch(1)
            column.addLayout(buttons)
            lists.addLayout(column, 1)
            widget.itemChanged.connect(lambda _item: self._count())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 7)
        layout.addLayout(lists, 6)
        self.save_button.clicked.connect(self.save)
        self.method.currentIndexChanged.connect(lambda _: self._method_changed())

    # -- showing ----------------------------------------------------------------------------

    def show_round(self, assembly: AssemblyService, row: RatingRoundRow | None) -> None:
        """Show ``row``'s setup (``None``: a new round with every active task and member)."""
        self.assembly, self.round = assembly, row
        tasks = assembly.tasks.list_tasks()
        members = assembly.members.list_members()
        if row is None:
            fields = RoundFields(
                "",
                tuple(t.id for t in tasks if t.active),
                frozenset(m.id for m in members if m.active),
            )
        else:
            fields = row.fields()
        self.title.setText(fields.title)
        self.agenda_item.clear()
        self.agenda_item.addItem(self.tr("(none)"), None)
        for agenda_item in assembly.ratings.rating_agenda_items():
            self.agenda_item.addItem(
                f"{agenda_item.meeting_title} – {agenda_item.title}", agenda_item.id
            )
        self.agenda_item.setCurrentIndex(max(0, self.agenda_item.findData(fields.agenda_item_id)))
        self.low.setValue(fields.scale_low)
        self.high.setValue(fields.scale_high)
        texts = (
            fields.anchors.empowerment_low,
            fields.anchors.empowerment_high,
            fields.anchors.desirability_low,
            fields.anchors.desirability_high,
        )
        for edit, text in zip(self.anchors, texts, strict=True):
            edit.setText(text)
            edit.setCursorPosition(0)
            edit.setToolTip(text)
        self.anonymous.setChecked(fields.anonymous)
        settings = fields.aggregation
        self.method.setCurrentIndex(max(0, self.method.findData(settings.method.value)))
        self.trim.setValue(round(settings.trim_share * 100))
        self.spread.setCurrentIndex(max(0, self.spread.findData(settings.spread.value)))
        self.threshold.setValue(settings.contested_threshold or 0.0)
        chosen_tasks = set(fields.task_ids)
        self._fill(
            self.tasks,
            [(t.id, t.name) for t in tasks if t.active or t.id in chosen_tasks],
            chosen_tasks,
            order=list(fields.task_ids),
        )
        self._fill(
            self.raters,
            [(m.id, m.display_name) for m in members if m.active or m.id in fields.rater_ids],
            set(fields.rater_ids),
        )
        editable = row is None or row.status is RoundStatus.DRAFT
        for widget in (
            self.title,
            self.agenda_item,
            self.low,
            self.high,
            *self.anchors,
            self.anonymous,
            self.method,
            self.trim,
            self.spread,
            self.threshold,
            self.save_button,
        ):
            widget.setEnabled(editable)
        for widget in (self.tasks, self.raters):
            for index in range(widget.count()):
                item = widget.item(index)
                flags = Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if editable else flags)
        self.save_button.setText(
            self.tr("&Create the round") if row is None else self.tr("&Save the setup")
        )
        self.note.setText(
            "" if editable else self.tr("The round has been opened: its setup is fixed.")
        )
        self._method_changed()
        self._count()

    def _fill(
        self,
        widget: QListWidget,
        entries: list[tuple[int, str]],
        ticked: set[int],
        order: list[int] | None = None,
    ) -> None:
        widget.blockSignals(True)
        widget.clear()
        if order:  # the round's order first, then the rest
            position = {item: index for index, item in enumerate(order)}
            entries = sorted(entries, key=lambda e: position.get(e[0], len(position)))
        for item_id, name in entries:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, item_id)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(
                Qt.CheckState.Checked if item_id in ticked else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        widget.blockSignals(False)

    def _tick_all(self, widget: QListWidget, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        widget.blockSignals(True)
        for index in range(widget.count()):
            item = widget.item(index)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                item.setCheckState(state)
        widget.blockSignals(False)
        self._count()

    def _ticked(self, widget: QListWidget) -> list[int]:
        return [
            int(widget.item(i).data(ID_ROLE))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        self.task_count.setText(self.tr("%n chosen", "", len(self._ticked(self.tasks))))
        self.rater_count.setText(self.tr("%n chosen", "", len(self._ticked(self.raters))))

    def _method_changed(self) -> None:
        self.trim.setEnabled(
            self.save_button.isEnabled() and self.method.currentData() == "trimmed_mean"
        )

    # -- saving -----------------------------------------------------------------------------

    def fields(self) -> RoundFields:
        """What the form says."""
        from pareconapp.core.jobs import AggregateMethod, AggregationSettings, SpreadMeasure

        threshold = self.threshold.value()
        return RoundFields(
            title=self.title.text(),
            task_ids=tuple(self._ticked(self.tasks)),
            rater_ids=frozenset(self._ticked(self.raters)),
            scale_low=self.low.value(),
            scale_high=self.high.value(),
            anchors=Anchors(*(edit.text() for edit in self.anchors)),
            anonymous=self.anonymous.isChecked(),
            aggregation=AggregationSettings(
                AggregateMethod(self.method.currentData()),
                self.trim.value() / 100,
                SpreadMeasure(self.spread.currentData()),
                threshold if threshold > 0 else None,
            ),
            agenda_item_id=self.agenda_item.currentData(),
        )

    def save(self) -> None:
        """Create the round, or store the changed setup of the draft."""
        if self.assembly is None:
            return
        assembly, row = self.assembly, self.round

        def store() -> int:
            fields = self.fields()
            if row is None:
                return assembly.ratings.create_round(fields)
            return assembly.ratings.update_round(row.id, fields).id

        round_id = guarded(self, store)
        if round_id is not None:
            self.saved.emit(round_id)
