"""The Decisions page: draft, assess impact, open with the passphrase, vote, close, result."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QSpinBox

from pareconapp.core.decisions import Outcome, RuleKind
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.ui import passphrase
from pareconapp.ui.decisions.impact import LevelBox
from pareconapp.ui.pages.decisions import DecisionsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(open_page):
    return open_page(DecisionsPage)


def _draft(qtbot, page, title: str, kind: RuleKind, mode: BallotMode) -> int:
    page.new_proposal()
    form = page.proposal
    qtbot.keyClicks(form.title, title)
    form.meeting.setCurrentIndex(0)  # no meeting: every eligible member counts as present
    form.rule.setCurrentIndex(form.rule.findData(kind))
    form.mode.setCurrentIndex(form.mode.findData(mode))
    form.save_button.click()
    assert page.decision is not None
    assert page.decision.title == title
    assert page.tabs.currentWidget() is page.impact  # the next step
    return page.decision.id


def _assess_first_members_high(page, count: int) -> None:
    impact = page.impact
    impact.method.setCurrentIndex(impact.method.findData("levels"))
    for row in range(impact.member_table.rowCount()):
        box = impact.member_table.cellWidget(row, 2)
        assert isinstance(box, LevelBox)
        box.set_value("high" if row < count else "none")
    impact.rationale.setPlainText("Only the frame team uses the jig.")
    impact.compute_button.click()


def test_roll_call_decision_from_draft_to_result(qtbot, page) -> None:
    decision_id = _draft(
        qtbot, page, "Buy a second jig", RuleKind.SUPER_MAJORITY, BallotMode.ROLL_CALL
    )
    _assess_first_members_high(page, 3)
    decision = page.assembly.decisions.decision(decision_id)
    assert decision.status is DecisionStatus.ASSESSED
    assert len(decision.weights.weights) == 3
    assert page.impact.member_table.item(0, 4).text() == "33.3 %"
    page.tabs.setCurrentWidget(page.ballot)
    page.ballot.open_button.click()
    assert page.decision.status is DecisionStatus.OPEN
    assert not page.proposal.title.isEnabled()  # locked once the ballot opens
    assert page.result.banner.text().startswith("No result yet")
    choices = ["Yes", "Yes", "No"]
    table = page.ballot.roll_call
    assert table.rowCount() == 3
    for row, label in enumerate(choices):
        box = table.cellWidget(row, 2)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findText(label))
    page.ballot.record_button.click()
    assert page.assembly.decisions.progress(decision_id).cast == 3
    page.ballot.close_button.click()
    result = page.assembly.decisions.decision(decision_id).result
    assert result.outcome is Outcome.PASSED  # 2 of 3 equal weights: exactly 2/3
    assert page.tabs.currentWidget() is page.result
    assert page.result.banner.text() == "PASSED"
    assert page.result.table.item(0, 3).text() == "2"


def test_show_of_hands(qtbot, page) -> None:
    decision_id = _draft(
        qtbot, page, "Paint the floor", RuleKind.SIMPLE_MAJORITY, BallotMode.SHOW_OF_HANDS
    )
    _assess_first_members_high(page, 4)
    page.ballot.open_button.click()
    hands = page.ballot.hands
    assert hands.rowCount() == 1  # one weight class of four
    yes, no = hands.cellWidget(0, 1), hands.cellWidget(0, 2)
    assert isinstance(yes, QSpinBox)
    assert isinstance(no, QSpinBox)
    yes.setValue(1)
    no.setValue(3)
    page.ballot.save_hands_button.click()
    page.ballot.close_button.click()
    assert page.assembly.decisions.decision(decision_id).result.outcome is Outcome.FAILED
    assert page.result.banner.text() == "NOT PASSED"


def test_open_needs_the_passphrase(qtbot, page, monkeypatch) -> None:
    decision_id = _draft(
        qtbot, page, "Move the bench", RuleKind.SIMPLE_MAJORITY, BallotMode.ROLL_CALL
    )
    _assess_first_members_high(page, 3)
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: False)
    page.ballot.open_button.click()
    assert page.assembly.decisions.decision(decision_id).status is DecisionStatus.ASSESSED


def test_bad_input_gets_a_message(qtbot, page, message_boxes) -> None:
    page.new_proposal()
    page.proposal.rule.setCurrentIndex(page.proposal.rule.findData(RuleKind.PLURALITY))
    qtbot.keyClicks(page.proposal.title, "Pick a supplier")
    page.proposal.options.setPlainText("Only one")
    page.proposal.save_button.click()
    assert "at least two alternatives" in message_boxes.shown[-1][2]
    page.proposal.options.setPlainText("Ciclo\nVelo")
    page.proposal.save_button.click()
    impact = page.impact
    impact.rationale.setPlainText("short")
    impact.compute_button.click()
    assert "Rationale" in message_boxes.shown[-1][2]


def test_impact_from_consumption_of_chosen_goods(qtbot, page, message_boxes) -> None:
    from PySide6.QtCore import Qt

    from pareconapp.services.demo_planning import add_demo_consumer_year

    assembly = page.assembly
    year = add_demo_consumer_year(assembly)
    _draft(qtbot, page, "Second repair bench", RuleKind.SIMPLE_MAJORITY, BallotMode.ROLL_CALL)
    impact = page.impact
    impact.show_decision(assembly, page.decision)
    impact.method.setCurrentIndex(impact.method.findData("consumption"))
    assert impact.inputs.currentIndex() == 3
    assert impact.consumption_year.currentData() == year
    goods = {
        impact.goods_list.item(i).data(Qt.ItemDataRole.UserRole): impact.goods_list.item(i)
        for i in range(impact.goods_list.count())
    }
    assert {"bicycles", "repairs", "cargo-bikes"} <= set(goods)
    impact.rationale.setPlainText("The bench serves those who bring bikes to repair.")
    impact.compute_button.click()  # nothing ticked: a clear message, nothing stored
    assert "tick the goods" in message_boxes.shown[-1][2]
    assert page.decision.weights is None
    goods["repairs"].setCheckState(Qt.CheckState.Checked)
    impact.compute_button.click()
    weights = page.decision.weights
    assert weights is not None and page.decision.impact_method == "consumption"
    values = assembly.planning.consumption_of_goods(year, ["repairs"])
    requesters = {member for member, value in values.items() if value > 0}
    assert set(weights.weights) == requesters  # everyone else is not affected
    biggest = max(values, key=lambda m: values[m])
    assert weights.weights[biggest] == max(weights.weights.values())
    # the choice is kept with the decision and shown again
    impact.show_decision(assembly, page.decision)
    assert impact.method.currentData() == "consumption"
    ticked = [
        impact.goods_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(impact.goods_list.count())
        if impact.goods_list.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["repairs"]


def test_closing_an_approval_ballot_freezes_the_minutes_at_once(qtbot, page) -> None:
    from pareconapp.core.meetings import MeetingStatus

    assembly = page.assembly
    held = next(m for m in assembly.minutes.held_meetings() if m.status is MeetingStatus.CLOSED)
    decision_id = assembly.minutes.propose_approval(held.id)
    page.refresh()
    page.select(decision_id)
    page.ballot.open_button.click()
    hands = page.ballot.hands
    for row in range(hands.rowCount()):  # every hand up
        yes = hands.cellWidget(row, 1)
        assert isinstance(yes, QSpinBox)
        yes.setValue(yes.maximum())
    page.ballot.save_hands_button.click()
    page.ballot.close_button.click()
    assert assembly.decisions.decision(decision_id).result.outcome is Outcome.PASSED
    # without opening the minutes or exporting them, the meeting's minutes are approved
    meeting = next(m for m in assembly.meetings.list_meetings() if m.id == held.id)
    assert meeting.status is MeetingStatus.MINUTES_APPROVED
    assert assembly.minutes.state(held.id).sha256 is not None
