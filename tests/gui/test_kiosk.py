"""The shared-laptop kiosk with a secret ballot: whole votes by keyboard, the passphrase
gates, no way back to an earlier voter, who may be picked, PINs, each kind of ballot."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from pareconapp.core.decisions import (
    ConsensusStance,
    DecisionRule,
    Outcome,
    RuleKind,
)
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.ui import passphrase
from pareconapp.ui.decisions.ballot_forms import ConsensusForm, RankedForm
from pareconapp.ui.decisions.kiosk_session import DecisionKioskSession
from pareconapp.ui.kiosk.window import KioskOutcome, KioskWindow, Screen, search_key

pytestmark = pytest.mark.gui

KEY = Qt.Key
ENTER = Qt.Key.Key_Return


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def assembly(demo_file, clock):
    from pareconapp.ui.app import create_application

    create_application()
    service = AssemblyService.open(demo_file, clock)
    yield service
    service.close()


@pytest.fixture
def meeting(assembly, clock) -> int:
    meeting_id = assembly.meetings.create_meeting(MeetingFields("Assembly", clock()))
    assembly.meetings.add_item(meeting_id, ItemFields("Vote"))
    return meeting_id


@pytest.fixture
def ids(assembly) -> dict[str, int]:
    return {m.display_name: m.id for m in assembly.members.list_members(active_only=True)}


def open_ballot(
    assembly,
    meeting,
    ids,
    *,
    present,
    eligible,
    rule=RuleKind.SIMPLE_MAJORITY,
    options=(),
    receipts=False,
) -> int:
    for name in present:
        assembly.attendance.check_in(meeting, ids[name])
    item = assembly.meetings.meeting(meeting).items[-1].id
    decision = assembly.decisions.create(
        DecisionFields(
            "Buy a cargo bike",
            "<p>We buy <b>one</b> cargo bike for deliveries.</p>",
            options,
            DecisionRule(rule),
            BallotMode.SECRET,
            receipts,
            meeting,
            item,
        )
    )
    impacts = {ids[name]: Fraction(1) for name in eligible}
    assembly.decisions.assess(
        decision, ImpactInput("numbers", impacts, "Everyone rides the bikes.")
    )
    assembly.decisions.open_ballot(decision)
    return decision


@pytest.fixture
def make_kiosk(qtbot, assembly, message_boxes):
    windows: list[KioskWindow] = []

    def make(decision_id: int) -> KioskWindow:
        window = KioskWindow(DecisionKioskSession(assembly, decision_id))
        qtbot.addWidget(window)
        window.confirm_guard_ms = 0
        window.resize(1280, 800)
        window.start(full_screen=False)
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if shiboken6.isValid(window) and window.outcome is None:
            window.dismiss()


def press(qtbot, window: KioskWindow, *keys, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press keys where the keyboard focus is (as a person at the laptop would)."""
    for key in keys:
        qtbot.keyClick(window.focusWidget() or window, key, modifier)


def pick(qtbot, window: KioskWindow, name: str) -> None:
    """From the hand-over screen: Enter, type the name, Enter."""
    assert window.screen_shown is Screen.HANDOVER
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.PICK
    qtbot.keyClicks(window.filter, name)
    qtbot.keyClick(window.filter, ENTER)


def review_and_confirm(qtbot, window: KioskWindow) -> None:
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.REVIEW
    press(qtbot, window, ENTER)


def destroy_deferred() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def texts(window: QWidget, visible_only: bool = False) -> list[str]:
    """Every text a widget of the window holds (labels, buttons, fields, lists)."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if visible_only and not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found.extend(str(model.index(r, 0).data()) for r in range(model.rowCount()))
        found.append(widget.toolTip())
        found.append(widget.windowTitle())
    return found


def name_row(window: KioskWindow, name: str):
    """The index of ``name`` on the name screen (whatever the filter)."""
    model = window.people_model
    for row in range(model.rowCount()):
        if model.person(row).display_name == name:
            return model.index(row, 0)
    raise AssertionError(name)


FIVE = ["Ana", "Bilal", "Carmen", "Dmitri", "Efua"]


def test_a_secret_vote_of_five_members_by_keyboard(qtbot, assembly, meeting, ids, make_kiosk):
    decision = open_ballot(
        assembly, meeting, ids, present=[*FIVE, "Farid"], eligible=[*FIVE, "Farid", "Greta"]
    )
    window = make_kiosk(decision)
    assert window.isVisible()
    assert "0 of 6 present" in window.progress.text()
    votes = {"Ana": KEY.Key_Y, "Bilal": KEY.Key_N, "Carmen": KEY.Key_Y, "Dmitri": KEY.Key_A}
    votes["Efua"] = KEY.Key_1  # number keys work too (1 = yes)
    for number, (name, key) in enumerate(votes.items(), start=1):
        pick(qtbot, window, name[:3].lower())  # type the start of the name, any case
        assert window.screen_shown is Screen.FORM
        assert window.form_person.text() == name
        assert not window.review_button.isEnabled()
        press(qtbot, window, ENTER)  # nothing chosen yet: stays on the ballot
        assert window.screen_shown is Screen.FORM
        press(qtbot, window, key)
        assert window.review_button.isEnabled()
        review_and_confirm(qtbot, window)
        assert window.screen_shown is Screen.HANDOVER
        assert window.form is None
        assert "in the box" in window.banner.text()
        assert f"{number} of 6 present" in window.progress.text()
    progress = assembly.decisions.progress(decision)
    assert (progress.cast, progress.present, progress.eligible) == (5, 6, 7)
    # everyone who voted shows as done and cannot be picked again
    press(qtbot, window, ENTER)
    for name in FIVE:
        index = name_row(window, name)
        assert "voted" in index.data()
        assert not index.flags() & Qt.ItemFlag.ItemIsEnabled
    assert name_row(window, "Farid").flags() & Qt.ItemFlag.ItemIsEnabled
    # the result stays hidden: stored nowhere yet, shown nowhere in the kiosk
    assert assembly.decisions.decision(decision).result is None
    destroy_deferred()  # the ballots' forms, as the event loop does between two voters
    every_text = " ".join(texts(window)).lower()
    for word in ("passed", "failed", "weight", "%", "yes", "abstain"):
        assert word not in every_text


def test_closing_the_ballot_needs_the_passphrase(
    qtbot, assembly, meeting, ids, make_kiosk, monkeypatch, message_boxes
):
    decision = open_ballot(assembly, meeting, ids, present=FIVE, eligible=FIVE)
    window = make_kiosk(decision)
    pick(qtbot, window, "Ana")
    press(qtbot, window, KEY.Key_Y)
    review_and_confirm(qtbot, window)
    asked: list[str] = []

    def refuse(security, purpose, parent):
        asked.append(purpose)
        return False

    monkeypatch.setattr(passphrase, "confirm_facilitator", refuse)
    # Escape during someone's ballot without the passphrase: the ballot stays as it was
    pick(qtbot, window, "Bil")
    press(qtbot, window, KEY.Key_N)
    press(qtbot, window, KEY.Key_Escape)
    assert len(asked) == 1
    assert window.isVisible() and window.screen_shown is Screen.FORM
    assert window.form is not None and window.form.is_complete()
    # closing the window asks too, and is refused
    window.close()
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert window.isVisible() and window.screen_shown is Screen.FORM
    window.facilitator_button.click()
    assert len(asked) == 3 and window.isVisible()
    # with the passphrase: the facilitator screen; the unconfirmed ballot is discarded
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    form = window.form
    press(qtbot, window, KEY.Key_Escape)
    assert window.screen_shown is Screen.FACILITATOR
    destroy_deferred()
    assert not shiboken6.isValid(form)
    assert "1 of 5 present" in window.facilitator_progress.text()
    # back to voting is possible, then close the ballot: results only after this
    window.back_to_kiosk_button.click()
    assert window.screen_shown is Screen.HANDOVER
    press(qtbot, window, KEY.Key_Escape)
    assert window.action_button is not None
    assert window.action_button.text() == "Close the ballot now"
    outcomes = []
    window.finished.connect(outcomes.append)
    assert assembly.decisions.decision(decision).result is None
    window.action_button.click()
    question = message_boxes.shown[-1]
    assert question[0] == "question" and "who have not voted: 4." in question[2]
    assert outcomes == [KioskOutcome.ACTION_DONE]
    assert not window.isVisible()
    closed = assembly.decisions.decision(decision)
    assert closed.status is DecisionStatus.CLOSED
    assert closed.result is not None and closed.result.outcome is Outcome.PASSED


def test_leaving_with_the_passphrase_keeps_the_ballot_open(
    qtbot, assembly, meeting, ids, make_kiosk, monkeypatch
):
    decision = open_ballot(assembly, meeting, ids, present=FIVE, eligible=FIVE)
    window = make_kiosk(decision)
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: False)
    press(qtbot, window, KEY.Key_Escape)
    assert window.isVisible() and window.screen_shown is Screen.HANDOVER
    monkeypatch.setattr(passphrase, "confirm_facilitator", lambda *args: True)
    press(qtbot, window, KEY.Key_Escape)
    assert window.screen_shown is Screen.FACILITATOR
    press(qtbot, window, KEY.Key_Escape)  # Escape on the facilitator screen: back to voting
    assert window.screen_shown is Screen.HANDOVER
    press(qtbot, window, KEY.Key_Escape)
    with qtbot.waitSignal(window.finished) as signal:
        window.leave_button.click()
    assert signal.args == [KioskOutcome.LEFT]
    assert not window.isVisible()
    assert assembly.decisions.decision(decision).status is DecisionStatus.OPEN


def test_run_waits_until_the_facilitator_leaves(qtbot, assembly, meeting, ids, message_boxes):
    decision = open_ballot(assembly, meeting, ids, present=FIVE, eligible=FIVE)
    window = KioskWindow(DecisionKioskSession(assembly, decision))
    qtbot.addWidget(window)
    QTimer.singleShot(50, window.dismiss)
    assert window.run(full_screen=True) is KioskOutcome.LEFT
    assert not window.isVisible()


def test_no_way_back_to_the_previous_voter(qtbot, assembly, meeting, ids, make_kiosk):
    options = ("Longtail cargo bike", "Three-wheeler", "Trailer")
    decision = open_ballot(
        assembly,
        meeting,
        ids,
        present=FIVE,
        eligible=FIVE,
        rule=RuleKind.PLURALITY,
        options=options,
    )
    window = make_kiosk(decision)
    pick(qtbot, window, "Car")
    form = window.form
    press(qtbot, window, KEY.Key_2)
    press(qtbot, window, ENTER)
    assert "Three-wheeler" in window.review.toPlainText()
    press(qtbot, window, KEY.Key_Backspace)  # back to change it is allowed
    assert window.screen_shown is Screen.FORM and window.form is form
    press(qtbot, window, KEY.Key_2)
    review_and_confirm(qtbot, window)
    assert window.screen_shown is Screen.HANDOVER
    destroy_deferred()
    assert not shiboken6.isValid(form)
    assert window.form is None
    # nothing of the choice anywhere in the window, shown or hidden; nothing to undo
    assert not any("Three-wheeler" in text for text in texts(window))
    assert not any("Longtail" in text for text in texts(window))
    assert not window.filter.isUndoAvailable() and not window.pin.isUndoAvailable()
    assert not window.review.document().isUndoAvailable()
    # the review and form screens cannot be reached again
    press(qtbot, window, KEY.Key_Backspace)
    window.back_to_form()
    window.show_review()
    window.confirm()
    assert window.screen_shown is Screen.HANDOVER
    assert assembly.decisions.progress(decision).cast == 1
    # Carmen is done: picking her again is refused with the reason
    pick(qtbot, window, "Carmen")
    assert window.screen_shown is Screen.PICK
    assert window.pick_status.text() == "Carmen: voted"
    assert window.form is None


def test_only_eligible_members_present_can_be_picked(qtbot, assembly, meeting, ids, make_kiosk):
    decision = open_ballot(
        assembly,
        meeting,
        ids,
        present=["Ana", "Bilal", "Carmen", "Hiro"],  # Hiro is present but not affected
        eligible=["Ana", "Bilal", "Carmen", "Greta"],  # Greta is affected but not here
    )
    window = make_kiosk(decision)
    press(qtbot, window, ENTER)
    assert "not checked in" in name_row(window, "Greta").data()
    assert "not affected" in name_row(window, "Hiro").data()
    for name, note in (("Greta", "not checked in"), ("Hiro", "not affected by this decision")):
        assert not name_row(window, name).flags() & Qt.ItemFlag.ItemIsEnabled
        window.filter.setText("")
        qtbot.keyClicks(window.filter, name)
        assert not window.names.currentIndex().isValid()  # never highlighted
        qtbot.keyClick(window.filter, ENTER)
        assert window.screen_shown is Screen.PICK
        assert window.pick_status.text() == f"{name}: {note}"
        # clicking the greyed name does nothing either
        rect = window.names.visualRect(window.people_proxy.index(0, 0))
        qtbot.mouseClick(window.names.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.screen_shown is Screen.PICK
    # arrows skip the people who cannot be picked
    window.filter.setText("")
    picked = []
    for _ in range(8):
        picked.append(window.names.currentIndex().data())
        qtbot.keyClick(window.filter, KEY.Key_Down)
    assert set(picked) == {"Ana", "Bilal", "Carmen"}
    assert assembly.decisions.progress(decision).cast == 0


def test_pins_are_checked_and_three_wrong_tries_hand_over(
    qtbot, assembly, meeting, ids, make_kiosk
):
    assembly.security.set_uses_pins(True)
    assembly.members.set_pin(ids["Ana"], "4321")
    decision = open_ballot(assembly, meeting, ids, present=FIVE, eligible=FIVE)
    window = make_kiosk(decision)
    pick(qtbot, window, "Ana")
    assert window.screen_shown is Screen.PIN
    assert window.pin.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(window.pin, "1111")
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.PIN
    assert "Tries left: 2." in window.pin_status.text()
    assert window.pin.text() == ""
    qtbot.keyClicks(window.pin, "4321")
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.FORM
    window.cancel_person()
    # three wrong PINs: back to the hand-over screen, with a word for the facilitator
    pick(qtbot, window, "Ana")
    for _ in range(3):
        qtbot.keyClicks(window.pin, "0000")
        press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.HANDOVER
    assert "Too many wrong PINs" in window.banner.text()
    # a member without a PIN votes without one (as the members page says)
    pick(qtbot, window, "Bilal")
    assert window.screen_shown is Screen.FORM


def test_ranked_ballot_by_keyboard(qtbot, assembly, meeting, ids, make_kiosk):
    options = ("Alder", "Birch", "Cedar", "Douglas fir")
    decision = open_ballot(
        assembly,
        meeting,
        ids,
        present=FIVE,
        eligible=FIVE,
        rule=RuleKind.INSTANT_RUNOFF,
        options=options,
    )
    window = make_kiosk(decision)
    pick(qtbot, window, "Ana")
    form = window.form
    assert isinstance(form, RankedForm)
    assert window.focusWidget() is form.unranked
    press(qtbot, window, KEY.Key_Down, KEY.Key_Down, KEY.Key_Space)  # rank Cedar
    press(qtbot, window, KEY.Key_Up, KEY.Key_Space)  # rank Birch
    press(qtbot, window, KEY.Key_Space)  # rank Douglas fir (the highlight moved on)
    assert form.choice() == ("Cedar", "Birch", "Douglas fir")
    qtbot.keyClick(form.unranked, KEY.Key_Tab)
    assert window.focusWidget() is form.ranked
    form.ranked.setCurrentRow(2)
    press(qtbot, window, KEY.Key_Up, modifier=Qt.KeyboardModifier.AltModifier)
    press(qtbot, window, KEY.Key_Up, modifier=Qt.KeyboardModifier.AltModifier)
    assert form.choice() == ("Douglas fir", "Cedar", "Birch")
    assert form.ranked.item(0).text() == "1.  Douglas fir"
    press(qtbot, window, KEY.Key_Down, KEY.Key_Space)  # Cedar back to not ranked
    assert form.choice() == ("Douglas fir", "Birch")
    assert [form.unranked.item(i).text() for i in range(2)] == ["Alder", "Cedar"]
    press(qtbot, window, ENTER)
    review = window.review.toPlainText()
    assert "Douglas fir" in review and "Not ranked (below all you ranked): Alder, Cedar" in review
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.HANDOVER
    result = assembly.decisions.close_ballot(decision).result
    assert result.winner == "Douglas fir"


def test_approval_ballot_by_number_keys(qtbot, assembly, meeting, ids, make_kiosk):
    options = ("Monday", "Tuesday", "Wednesday")
    decision = open_ballot(
        assembly,
        meeting,
        ids,
        present=FIVE,
        eligible=FIVE,
        rule=RuleKind.APPROVAL,
        options=options,
    )
    window = make_kiosk(decision)
    pick(qtbot, window, "Ana")
    press(qtbot, window, KEY.Key_1, KEY.Key_3, KEY.Key_2, KEY.Key_2)
    assert window.form.choice() == frozenset({"Monday", "Wednesday"})
    press(qtbot, window, ENTER)
    assert "You approve:" in window.review.toPlainText()
    review = window.review.toPlainText()
    assert "✓  Monday\n✓  Wednesday" in review and "Not approved: Tuesday" in review
    press(qtbot, window, ENTER)
    pick(qtbot, window, "Bil")
    review_and_confirm(qtbot, window)  # approving none abstains, and the review said so
    result = assembly.decisions.close_ballot(decision).result
    counts = {c.option: c.head_count for c in result.counts}
    assert counts == {"Monday": 1, "Tuesday": 0, "Wednesday": 1}


def test_a_consensus_block_needs_its_reason(qtbot, assembly, meeting, ids, make_kiosk):
    decision = open_ballot(
        assembly, meeting, ids, present=FIVE, eligible=FIVE, rule=RuleKind.CONSENSUS
    )
    window = make_kiosk(decision)
    pick(qtbot, window, "Dmi")
    form = window.form
    assert isinstance(form, ConsensusForm)
    press(qtbot, window, KEY.Key_3)
    assert form.chosen() is ConsensusStance.BLOCK
    assert window.focusWidget() is form.reason  # a block asks for its reason at once
    assert not window.review_button.isEnabled()
    assert window.form_hint.text() == "A block needs its reason."
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.FORM
    qtbot.keyClicks(form.reason, "Too loud for the neighbours")
    assert window.review_button.isEnabled()
    press(qtbot, window, ENTER)  # Enter in the reason goes on to the review
    assert window.screen_shown is Screen.REVIEW
    assert "Too loud for the neighbours" in window.review.toPlainText()
    press(qtbot, window, ENTER)
    result = assembly.decisions.close_ballot(decision).result
    assert result.outcome is Outcome.FAILED
    assert [b.reason for b in result.blocks] == ["Too loud for the neighbours"]


def test_receipt_codes_wait_for_done(qtbot, assembly, meeting, ids, make_kiosk):
    decision = open_ballot(assembly, meeting, ids, present=FIVE, eligible=FIVE, receipts=True)
    window = make_kiosk(decision)
    window.confirm_guard_ms = 60_000
    pick(qtbot, window, "Ana")
    press(qtbot, window, KEY.Key_N)
    press(qtbot, window, ENTER)
    press(qtbot, window, ENTER)  # too soon after the review appeared: not confirmed
    assert window.screen_shown is Screen.REVIEW
    window.confirm_guard_ms = 0
    press(qtbot, window, ENTER)
    assert window.screen_shown is Screen.RECORDED
    code = window.receipt.text()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code)
    qtbot.wait(50)
    assert window.screen_shown is Screen.RECORDED  # no timeout: it waits for Done
    window.done_button.click()
    assert window.screen_shown is Screen.HANDOVER
    assert not any(code in text for text in texts(window))


def test_typing_ignores_case_and_accents():
    assert search_key("Zoë Ébré") == search_key("zoe EBRE") == "zoe ebre"
