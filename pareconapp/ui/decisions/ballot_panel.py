"""Running a decision's ballot: open it, collect votes by its mode, close it, resolve ties."""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.decisions import (
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    RuleKind,
    TieBreak,
    YesNo,
    choice_from_json,
    choice_to_json,
    new_lot_seed,
)
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.ui import passphrase
from pareconapp.ui.decisions.labels import ballot_mode, choice_name, percent, status
from pareconapp.ui.guard import attempt

if TYPE_CHECKING:
    from pareconapp.core.decisions.ballots import Choice
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.decisions import DecisionRow


def simple_choices(decision: DecisionRow) -> list[tuple[str, Choice]]:
    """The choices a roll call or a show of hands offers, as (label, choice)."""
    kind = decision.rule.kind
    if kind.is_yes_no:
        return [(choice_name(c.value), c) for c in YesNo]
    if kind is RuleKind.CONSENSUS:
        return [
            (choice_name(s.value), ConsensusVote(s, ""))
            for s in ConsensusStance
            if s is not ConsensusStance.BLOCK
        ]
    if kind is RuleKind.CONSENT:
        return [
            (choice_name(s.value), ConsentVote(s, ""))
            for s in ConsentStance
            if s is not ConsentStance.OBJECT
        ]
    if kind is RuleKind.PLURALITY:
        return [*((o, o) for o in decision.options), (choice_name("abstain"), None)]
    return []


class BallotPanel(QWidget):
    """The facilitator's controls for one decision's ballot."""

    changed = Signal(int)  # decision id
    kiosk_requested = Signal(int)  # decision id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.decision: DecisionRow | None = None
        self.state = QLabel()
        self.state.setObjectName("sectionHeading")
        self.progress = QLabel()
        self.progress.setObjectName("ballotProgress")
        self.open_button = QPushButton(self.tr("&Open the ballot…"))
        self.open_button.setObjectName("primaryButton")
        self.kiosk_button = QPushButton(self.tr("Start the &voting screen (shared laptop)"))
        self.kiosk_button.setObjectName("primaryButton")
        self.close_button = QPushButton(self.tr("&Close the ballot and count…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.tie_button = QPushButton(self.tr("&Break the tie…"))
        self.roll_call = QTableWidget(0, 3)
        self.roll_call.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Weight"), self.tr("Choice")]
        )
        self.roll_call.verticalHeader().hide()
        self.roll_call.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.roll_call.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton(self.tr("&Record the votes entered"))
        self.hands = QTableWidget()
        self.hands.verticalHeader().hide()
        self.save_hands_button = QPushButton(self.tr("&Save the counts"))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.kiosk_button, self.close_button, self.tie_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.roll_call, 1)
        layout.addWidget(self.record_button)
        layout.addWidget(self.hands, 1)
        layout.addWidget(self.save_hands_button)
        layout.addStretch(0)
        self.progress.setWordWrap(True)
        self.cast_bar = QProgressBar()
        self.cast_bar.setFormat(self.tr("%v of %m voted"))
        layout.insertWidget(2, self.cast_bar)

        self.open_button.clicked.connect(self.open_ballot)
        self.kiosk_button.clicked.connect(
            lambda: self.decision and self.kiosk_requested.emit(self.decision.id)
        )
        self.close_button.clicked.connect(self.close_ballot)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.tie_button.clicked.connect(self.break_tie)
        self.record_button.clicked.connect(self.record_roll_call)
        self.save_hands_button.clicked.connect(self.save_hands)

    def show_decision(self, assembly: AssemblyService, decision: DecisionRow | None) -> None:
        """Show ``decision``'s ballot."""
        self.assembly, self.decision = assembly, decision
        self.refresh()

    def refresh(self) -> None:
        """Redraw for the decision's current status."""
        decision = self.decision
        is_open = decision is not None and decision.status is DecisionStatus.OPEN
        mode = decision.ballot_mode if decision else None
        self.open_button.setVisible(
            decision is not None
            and decision.status in (DecisionStatus.DRAFT, DecisionStatus.ASSESSED)
        )
        self.open_button.setEnabled(
            decision is not None and decision.status is DecisionStatus.ASSESSED
        )
        self.kiosk_button.setVisible(is_open and mode is BallotMode.SECRET)
        self.close_button.setVisible(is_open)
        self.withdraw_button.setVisible(
            decision is not None
            and decision.status not in (DecisionStatus.CLOSED, DecisionStatus.WITHDRAWN)
        )
        pending = (
            decision is not None
            and decision.result is not None
            and (decision.result.pending_tie is not None)
        )
        self.tie_button.setVisible(pending)
        for widget in (self.roll_call, self.record_button):
            widget.setVisible(is_open and mode is BallotMode.ROLL_CALL)
        for widget in (self.hands, self.save_hands_button):
            widget.setVisible(is_open and mode is BallotMode.SHOW_OF_HANDS)
        self.cast_bar.setVisible(
            decision is not None and decision.status in (DecisionStatus.OPEN, DecisionStatus.CLOSED)
        )
        if decision is None or self.assembly is None:
            self.state.setText(self.tr("No decision selected"))
            self.progress.clear()
            return
        self.state.setText(f"{status(decision.status)} · {ballot_mode(decision.ballot_mode)}")
        if decision.status is DecisionStatus.ASSESSED:
            self.progress.setText(
                self.tr(
                    "Weights computed. Opening the ballot locks the text, "
                    "rule and weights and records who is present."
                )
            )
        elif decision.status is DecisionStatus.DRAFT:
            self.progress.setText(self.tr("Assess the impact first (the Impact tab)."))
        elif decision.status is DecisionStatus.WITHDRAWN:
            self.progress.setText(
                self.tr("Withdrawn: {reason}").format(reason=decision.withdrawn_reason)
            )
        else:
            progress = self.assembly.decisions.progress(decision.id)
            self.cast_bar.setRange(0, max(1, progress.eligible))
            self.cast_bar.setValue(progress.cast)
            self.progress.setText(
                self.tr(
                    "{cast} of {eligible} eligible members have voted ({share} of the weight); "
                    "{present} eligible members are present."
                ).format(
                    cast=progress.cast,
                    eligible=progress.eligible,
                    share=percent(progress.weight_cast),
                    present=progress.present,
                )
            )
        if is_open and mode is BallotMode.ROLL_CALL:
            self._fill_roll_call()
        if is_open and mode is BallotMode.SHOW_OF_HANDS:
            self._fill_hands()

    # -- opening and closing (facilitator passphrase) ---------------------------------------

    def open_ballot(self) -> None:
        """Open the ballot after the passphrase (and, if needed, accepting small classes)."""
        if self.assembly is None or self.decision is None:
            return
        assembly, decision = self.assembly, self.decision
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr('Enter the facilitator passphrase to open the ballot on "{title}".').format(
                title=decision.title
            ),
            self,
        ):
            return
        accept = False
        if decision.ballot_mode is BallotMode.SECRET:
            report = assembly.decisions.secrecy_report(decision.id)
            if report.small:
                answer = QMessageBox.question(
                    self,
                    self.tr("Small weight classes"),
                    self.tr(
                        "%n weight class(es) have fewer than three voters, so their secret "
                        "ballots could be traced. Open anyway and record that the assembly "
                        "accepted this? (Choose No to merge classes on the Impact tab.)",
                        "",
                        len(report.small),
                    ),
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                accept = True
        if attempt(
            self, lambda: assembly.decisions.open_ballot(decision.id, accept_small_classes=accept)
        ):
            self._reload()

    def close_ballot(self) -> None:
        """Close the ballot after the passphrase and count it."""
        if self.assembly is None or self.decision is None:
            return
        assembly, decision = self.assembly, self.decision
        progress = assembly.decisions.progress(decision.id)
        if not passphrase.confirm_facilitator(
            assembly.security,
            self.tr(
                "Enter the facilitator passphrase to close the ballot and count it "
                "({cast} of {eligible} have voted; nobody can vote after this)."
            ).format(cast=progress.cast, eligible=progress.eligible),
            self,
        ):
            return
        if attempt(self, lambda: assembly.decisions.close_ballot(decision.id)):
            self._freeze_approved_minutes(assembly)
            self._reload()

    def _freeze_approved_minutes(self, assembly: AssemblyService) -> None:
        """If the ballot approved a meeting's minutes, freeze them now (not on next export).

        The meeting then reads "minutes approved" at once, and the approved text is the
        one as it stood when the assembly approved it.
        """
        from pareconapp.exports.qt_locale import QtLocalizer

        attempt(self, lambda: assembly.minutes.sync_approvals(QtLocalizer()))

    def withdraw(self) -> None:
        """Withdraw the proposal with a reason."""
        if self.assembly is None or self.decision is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Withdraw the proposal"),
            self.tr('Why is "{title}" withdrawn? (recorded in the minutes)').format(
                title=self.decision.title
            ),
        )
        if ok:
            assembly, decision_id = self.assembly, self.decision.id
            if attempt(self, lambda: assembly.decisions.withdraw(decision_id, reason)):
                self._reload()

    def break_tie(self) -> None:
        """Give the chair's casting choice, or draw a lot, for a pending tie."""
        if self.assembly is None or self.decision is None or self.decision.result is None:
            return
        tie = self.decision.result.pending_tie
        if tie is None:
            return
        lot = self.tr("Draw a lot")
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Break the tie"),
            self.tr("The count is tied between {options}. The chair's casting choice:").format(
                options=", ".join(tie.tied)
            ),
            [*tie.tied, lot],
            0,
            False,
        )
        if not ok:
            return
        if choice == lot:
            tie_break = TieBreak(lot_seed=new_lot_seed())
        else:
            tie_break = TieBreak(casting_order=(choice, *[t for t in tie.tied if t != choice]))
        assembly, decision_id = self.assembly, self.decision.id
        if attempt(self, lambda: assembly.decisions.resolve(decision_id, tie_break)):
            self._reload()

    def _reload(self) -> None:
        assert self.assembly is not None
        assert self.decision is not None
        self.decision = self.assembly.decisions.decision(self.decision.id)
        self.refresh()
        self.changed.emit(self.decision.id)

    # -- roll call and show of hands ----------------------------------------------------------

    def _fill_roll_call(self) -> None:
        assert self.assembly is not None
        assert self.decision is not None
        voters = [v for v in self.assembly.decisions.voters(self.decision.id) if v.eligible]
        choices = simple_choices(self.decision)
        self.roll_call.setRowCount(len(voters))
        for row, voter in enumerate(voters):
            name = QTableWidgetItem(voter.display_name)
            self.roll_call.setItem(row, 0, name)
            self.roll_call.setItem(row, 1, QTableWidgetItem(percent(voter.weight)))
            if voter.voted:
                self.roll_call.setCellWidget(row, 2, QLabel(self.tr("voted")))
            elif not voter.present:
                self.roll_call.setCellWidget(row, 2, QLabel(self.tr("not present")))
            else:
                box = QComboBox()
                box.addItem("—", None)
                for label, choice in choices:
                    box.addItem(label, json.dumps(choice_to_json(self.decision.rule.kind, choice)))
                box.setProperty("member_id", voter.member_id)
                self.roll_call.setCellWidget(row, 2, box)

    def record_roll_call(self) -> None:
        """Store every vote chosen in the roll-call table."""
        if self.assembly is None or self.decision is None:
            return
        kind = self.decision.rule.kind
        decisions, decision_id = self.assembly.decisions, self.decision.id
        votes = []
        for row in range(self.roll_call.rowCount()):
            box = self.roll_call.cellWidget(row, 2)
            if isinstance(box, QComboBox) and box.currentData() is not None:
                choice = choice_from_json(kind, json.loads(box.currentData()))
                votes.append((int(box.property("member_id")), choice))
        for member_id, choice in votes:
            if not attempt(self, partial(decisions.cast_roll_call, decision_id, member_id, choice)):
                break
        self._reload()

    def _fill_hands(self) -> None:
        assert self.assembly is not None
        assert self.decision is not None
        classes = self.assembly.decisions.hand_classes(self.decision.id)
        choices = simple_choices(self.decision)
        self.hands.clear()
        self.hands.setRowCount(len(classes))
        self.hands.setColumnCount(len(choices) + 1)
        self.hands.setHorizontalHeaderLabels(
            [self.tr("Weight class"), *(label for label, _ in choices)]
        )
        for row, group in enumerate(classes):
            self.hands.setItem(
                row,
                0,
                QTableWidgetItem(
                    self.tr("{weight} each, {n} members").format(
                        weight=percent(group.weight), n=group.size
                    )
                ),
            )
            for column, (_, choice) in enumerate(choices, start=1):
                spin = QSpinBox()
                spin.setRange(0, group.size)
                spin.setProperty(
                    "cell",
                    json.dumps([row, json.dumps(choice_to_json(self.decision.rule.kind, choice))]),
                )
                self.hands.setCellWidget(row, column, spin)
        self.hands.resizeColumnsToContents()

    def save_hands(self) -> None:
        """Store the counts of hands per weight class."""
        if self.assembly is None or self.decision is None:
            return
        counts: dict[tuple[int, str], int] = {}
        for row in range(self.hands.rowCount()):
            for column in range(1, self.hands.columnCount()):
                spin = self.hands.cellWidget(row, column)
                if isinstance(spin, QSpinBox):
                    index, choice = json.loads(spin.property("cell"))
                    counts[(int(index), str(choice))] = spin.value()
        assembly, decision_id = self.assembly, self.decision.id
        if attempt(self, lambda: assembly.decisions.set_hand_counts(decision_id, counts)):
            self._reload()
