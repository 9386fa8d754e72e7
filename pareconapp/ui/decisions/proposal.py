"""The proposal form: title, text, meeting, rule and its settings, options, ballot mode."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.decisions import (
    RECEIPT_SETTING_WARNING,
    AbstentionRule,
    DecisionRule,
    RuleKind,
    TieRule,
)
from pareconapp.core.i18n import UserError
from pareconapp.core.meetings import AgendaKind
from pareconapp.i18n import translate
from pareconapp.services.decisions import DecisionFields, DecisionRow
from pareconapp.store.models import BallotMode
from pareconapp.ui.decisions.labels import abstentions, ballot_mode, rule_kind, tie_rule
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.meetings.labels import item_title
from pareconapp.ui.rich_text import RichTextEditor

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService

THRESHOLDS = (Fraction(2, 3), Fraction(3, 4), Fraction(3, 5), Fraction(4, 5))


class ProposalEditor(QWidget):
    """Edit a decision's proposal until its ballot opens (then it is read-only)."""

    saved = Signal(int)  # decision id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.decision: DecisionRow | None = None
        self.title = QLineEdit()
        self.meeting = QComboBox()
        self.item = QComboBox()
        self.text = RichTextEditor()
        self.rule = QComboBox()
        for kind in RuleKind:
            self.rule.addItem(rule_kind(kind), kind)
        self.threshold = QComboBox()
        for share in THRESHOLDS:
            self.threshold.addItem(f"{share.numerator}/{share.denominator}", share)
        self.abstentions = QComboBox()
        for abstention in AbstentionRule:
            self.abstentions.addItem(abstentions(abstention), abstention)
        self.ties = QComboBox()
        for tie in TieRule:
            self.ties.addItem(tie_rule(tie), tie)
        self.quorum = QDoubleSpinBox()
        self.quorum.setRange(0, 100)
        self.quorum.setDecimals(0)
        self.quorum.setSuffix(" %")
        self.quorum.setSpecialValueText(self.tr("no quorum"))
        self.quorum.setToolTip(
            self.tr("Share of the total impact weight that must be present when the ballot opens")
        )
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(self.tr("One alternative per line"))
        self.options.setTabChangesFocus(True)
        self.options.setMaximumHeight(110)
        self.mode = QComboBox()
        for mode in BallotMode:
            self.mode.addItem(ballot_mode(mode), mode)
        self.receipts = QCheckBox(self.tr("Give voters &receipt codes"))
        warning = RECEIPT_SETTING_WARNING
        self.receipts.setToolTip(translate(warning.source.context, warning.source.text))
        self.save_button = QPushButton(self.tr("&Save proposal"))
        self.save_button.setObjectName("primaryButton")
        self.locked_note = QLabel()
        self.locked_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        where = QHBoxLayout()
        where.addWidget(self.meeting, 1)
        where.addWidget(self.item, 1)
        form.addRow(self.tr("&Meeting and item:"), where)
        form.addRow(self.tr("Te&xt:"), self.text)
        form.addRow(self.tr("&Rule:"), self.rule)
        self.threshold_label = QLabel(self.tr("T&hreshold:"))
        self.threshold_label.setBuddy(self.threshold)
        form.addRow(self.threshold_label, self.threshold)
        self.abstentions_label = QLabel(self.tr("&Abstentions:"))
        self.abstentions_label.setBuddy(self.abstentions)
        form.addRow(self.abstentions_label, self.abstentions)
        form.addRow(self.tr("Ti&es:"), self.ties)
        form.addRow(self.tr("&Quorum:"), self.quorum)
        self.options_label = QLabel(self.tr("Alter&natives:"))
        self.options_label.setBuddy(self.options)
        form.addRow(self.options_label, self.options)
        form.addRow(self.tr("&Ballot:"), self.mode)
        form.addRow("", self.receipts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.locked_note)
        layout.addLayout(form, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.rule.currentIndexChanged.connect(lambda _: self._rule_changed())
        self.mode.currentIndexChanged.connect(lambda _: self._mode_changed())
        self.meeting.currentIndexChanged.connect(lambda _: self._fill_items(None))
        self.save_button.clicked.connect(self.save)
        self._rule_changed()

    def _rule_changed(self) -> None:
        kind = RuleKind(self.rule.currentData())
        shown: list[tuple[tuple[QWidget, ...], bool]] = [
            ((self.threshold, self.threshold_label), kind is RuleKind.SUPER_MAJORITY),
            ((self.abstentions, self.abstentions_label), kind.is_yes_no),
            ((self.options, self.options_label), kind.chooses_alternative),
        ]
        for widgets, visible in shown:
            for widget in widgets:
                widget.setVisible(visible)

    def _mode_changed(self) -> None:
        secret = BallotMode(self.mode.currentData()) is BallotMode.SECRET
        self.receipts.setEnabled(secret and self.isEnabled())
        if not secret:
            self.receipts.setChecked(False)

    def show_decision(
        self, assembly: AssemblyService, decision: DecisionRow | None, meeting_id: int | None = None
    ) -> None:
        """Edit ``decision`` (or a new one, in ``meeting_id``)."""
        self.assembly, self.decision = assembly, decision
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem(self.tr("(no meeting)"), None)
        for meeting in assembly.meetings.list_meetings():
            self.meeting.addItem(meeting.title, meeting.id)
        self.meeting.blockSignals(False)
        fields = decision.fields if decision else DecisionFields("", meeting_id=meeting_id)
        self.title.setText(fields.title)
        self.meeting.setCurrentIndex(max(0, self.meeting.findData(fields.meeting_id)))
        self._fill_items(fields.agenda_item_id)
        self.text.set_html(fields.text)
        rule = fields.rule
        self.rule.setCurrentIndex(self.rule.findData(rule.kind))
        if rule.threshold is not None:
            index = self.threshold.findData(rule.threshold)
            if index < 0:
                self.threshold.addItem(str(rule.threshold), rule.threshold)
                index = self.threshold.count() - 1
            self.threshold.setCurrentIndex(index)
        self.abstentions.setCurrentIndex(self.abstentions.findData(rule.abstentions))
        self.ties.setCurrentIndex(self.ties.findData(rule.ties))
        self.quorum.setValue(float(rule.quorum * 100))
        self.options.setPlainText("\n".join(fields.options))
        self.mode.setCurrentIndex(self.mode.findData(fields.ballot_mode))
        self.receipts.setChecked(fields.receipts)
        editable = decision is None or decision.status.value in ("draft", "assessed")
        for widget in (
            self.title,
            self.meeting,
            self.item,
            self.text,
            self.rule,
            self.threshold,
            self.abstentions,
            self.ties,
            self.quorum,
            self.options,
            self.mode,
            self.receipts,
            self.save_button,
        ):
            widget.setEnabled(editable)
        self.locked_note.setVisible(not editable)
        self.locked_note.setText(
            self.tr(
                "The ballot has opened: the text, options, rule and weights are locked as voted."
            )
        )
        self._mode_changed()

    def _fill_items(self, selected: int | None) -> None:
        self.item.clear()
        self.item.addItem(self.tr("(no agenda item)"), None)
        meeting_id = self.meeting.currentData()
        if self.assembly is None or meeting_id is None:
            return
        for item in self.assembly.meetings.meeting(meeting_id).items:
            if item.kind is AgendaKind.DECISION or item.id == selected:
                self.item.addItem(item_title(item), item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(selected)))

    def fields(self) -> DecisionFields:
        """What the form says (may raise ``UserError`` for bad rule settings)."""
        kind = RuleKind(self.rule.currentData())
        rule = DecisionRule(
            kind,
            threshold=self.threshold.currentData() if kind is RuleKind.SUPER_MAJORITY else None,
            abstentions=self.abstentions.currentData(),
            ties=self.ties.currentData(),
            quorum=Fraction(round(self.quorum.value()), 100),
        )
        options = tuple(
            line.strip() for line in self.options.toPlainText().splitlines() if line.strip()
        )
        return DecisionFields(
            self.title.text(),
            self.text.html(),
            options,
            rule,
            BallotMode(self.mode.currentData()),
            self.receipts.isChecked(),
            self.meeting.currentData(),
            self.item.currentData(),
        )

    def save(self) -> int | None:
        """Create or update the decision; return its id (``None`` if refused)."""
        if self.assembly is None:
            return None
        try:
            fields = self.fields()
            if self.decision is None:
                decision_id = self.assembly.decisions.create(fields)
            else:
                decision_id = self.decision.id
                self.assembly.decisions.update(decision_id, fields)
        except UserError as error:
            show_user_error(self, error)
            return None
        self.saved.emit(decision_id)
        return decision_id
