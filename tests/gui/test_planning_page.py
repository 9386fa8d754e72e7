"""The Planning page: draft a proposal with live SB/SC and export it; an IFB imports two
proposal files and closes a round; a walk-through steps to the next round."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import (
    CouncilEntry,
    CouncilKind,
    Header,
    ProposalFile,
    Sender,
    proposal_file_bytes,
    read_proposal_file,
    read_round_file,
)
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.planning import GoodFields, YearFields
from pareconapp.store.models_planning import PlanningRole
from pareconapp.ui.pages.planning import PlanningPage
from pareconapp.ui.planning.ifb_view import IfbRoundPanel
from pareconapp.ui.planning.proposal_editor import DecisionBar

pytestmark = pytest.mark.gui


@pytest.fixture
def page(open_page):
    return open_page(PlanningPage)


def select(page: PlanningPage, predicate) -> int:
    year = next(y for y in page.assembly.planning.years() if predicate(y))
    page.select_year(year.id)
    return year.id


def test_draft_see_sb_sc_update_and_export(page, tmp_path, message_boxes, monkeypatch) -> None:
    select(page, lambda y: y.role is PlanningRole.WORKER and not y.practice)
    page.council.setCurrentIndex(1)
    editor = page.council.worker
    assert page.stack.currentWidget() is page.council
    before = editor.account.text()
    assert "SB/SC" in before
    row = next(i for i, g in enumerate(editor.catalogue.goods) if g.code == "bicycles")
    editor.table.item(row, editor.OFFER).setText("1500")  # more bicycles: more benefit
    account = page.assembly.planning.worker_account(page.year.id)
    assert editor.account.text() != before
    assert f"{account.benefit:,.2f}" in editor.account.text()
    assert page.assembly.planning.own_proposal(page.year.id).lines[0] == Line("bicycles", 1500)
    # refused input: nothing changes
    editor.table.item(row, editor.OFFER).setText("lots")
    assert message_boxes.shown[-1][0] == "warning"
    assert page.assembly.planning.own_proposal(page.year.id).lines[0].supplied == 1500
    # undo brings the last round's quantity back
    page.undo_stack.undo()
    assert page.assembly.planning.own_proposal(page.year.id).lines[0].supplied == 1180
    # a lot of labour pushes SB/SC under 1: the warning shows
    labour = next(i for i, g in enumerate(editor.catalogue.goods) if g.code == "labour-skilled")
    editor.table.item(labour, editor.ASK).setText("90000")
    assert editor.warning.isVisible()
    assert "reject" in editor.warning.text()
    # export the draft (not voted: the page asks first)
    target = tmp_path / "proposal.json"
    monkeypatch.setattr(DecisionBar, "choose_path", lambda self, suggestion: target)
    editor.decision.export_button.click()
    assert message_boxes.shown[-1][0] == "question"
    proposal = read_proposal_file(target.read_bytes(), "proposal.json")
    assert proposal.council == "wheelwright"
    assert Line("labour-skilled", 0, 90000) in proposal.lines


def test_put_to_a_vote_links_a_decision(page, message_boxes) -> None:
    select(page, lambda y: y.role is PlanningRole.WORKER and not y.practice)
    editor = page.council.worker
    decision = page.assembly.planning.own_proposal(page.year.id).decision
    assert decision is not None and not decision.passed  # the demo's draft for round 3
    assert f"#{decision.id}" in editor.decision.status.text()
    editor.decision.vote_button.click()  # the same draft decision, not a second one
    assert page.assembly.planning.own_proposal(page.year.id).decision.id == decision.id


def ifb_year(assembly: AssemblyService) -> int:
    planning = assembly.planning
    year = planning.create_year(
        YearFields("Trial 2030", PlanningRole.IFB, "trial-ifb", "Trial IFB", rule="dep")
    )
    planning.set_goods(
        year,
        [
            GoodFields("bread", "Bread", GoodCategory.PRIVATE, "loaf", 10.0),
            GoodFields("labour", "Labour", GoodCategory.LABOUR, "h", 10.0, 100.0),
        ],
    )
    planning.set_councils(
        year,
        [
            CouncilEntry("bakery", "Bakery", CouncilKind.WORKER),
            CouncilEntry("north", "North", CouncilKind.CONSUMER),
            CouncilEntry("south", "South", CouncilKind.CONSUMER),
        ],
    )
    return year


def proposal_file(folder: Path, council: str, kind: CouncilKind, lines) -> Path:
    path = folder / f"{council}.json"
    path.write_bytes(
        proposal_file_bytes(
            ProposalFile(
                Header(
                    "Trial 2030",
                    1,
                    Sender(council, council.title()),
                    "0.1.0",
                    "2030-01-01T10:00:00+00:00",
                ),
                kind,
                tuple(lines),
            )
        )
    )
    return path


def test_the_ifb_imports_two_files_and_closes_the_round(
    qtbot, page, tmp_path, monkeypatch, message_boxes
) -> None:
    year = ifb_year(page.assembly)
    page.refresh()
    page.select_year(year)
    assert page.stack.currentWidget() is page.ifb
    panel = page.ifb.round
    files = [
        proposal_file(
            tmp_path, "bakery", CouncilKind.WORKER, [Line("bread", 50), Line("labour", 0, 80)]
        ),
        proposal_file(tmp_path, "north", CouncilKind.CONSUMER, [Line("bread", 0, 60)]),
    ]
    bad = tmp_path / "broken.json"
    bad.write_text("{}")
    monkeypatch.setattr(IfbRoundPanel, "choose_files", lambda self: [*files, bad])
    panel.import_button.click()
    assert panel.received.rowCount() == 2
    assert panel.missing.count() == 1 and "south" in panel.missing.item(0).text()
    assert panel.problems.isVisible()
    assert "broken.json" in panel.problems.toPlainText()
    assert panel.received.item(0, 1).text() == "0.625"  # SB 500 / SC 800
    panel.close_button.click()  # one council missing: the page asks, the answer is yes
    assert message_boxes.shown[-1][0] == "question"
    qtbot.waitUntil(lambda: page.assembly.planning.round_view(year).number == 2, timeout=10000)
    qtbot.waitUntil(lambda: not panel.progress.isVisible(), timeout=10000)
    view = page.assembly.planning.round_view(year)
    assert view.prices["bread"] > 10 and view.prices["labour"] < 10  # 60 > 50; 80 < 100
    assert panel.received.rowCount() == 0
    assert panel.missing.count() == 3
    assert "Round 2" in panel.status.text()
    target = tmp_path / "round.json"
    monkeypatch.setattr(IfbRoundPanel, "choose_path", lambda self, suggestion: target)
    panel.file_button.click()
    sent = read_round_file(target.read_bytes(), "round.json")
    assert sent.header.round == 2
    assert sent.goods[0].last.supply == 50


def test_a_walk_through_steps_to_the_next_round(qtbot, page) -> None:
    year = select(page, lambda y: y.practice)
    page.council.setCurrentIndex(0)
    before = page.assembly.planning.round_view(year).number
    panel = page.council.round
    assert panel.next_button.isVisible() and not panel.import_button.isVisible()
    panel.next_button.click()
    qtbot.waitUntil(
        lambda: page.assembly.planning.round_view(year).number == before + 1, timeout=10000
    )
    qtbot.waitUntil(lambda: not panel.progress.isVisible(), timeout=10000)
    page.council.setCurrentIndex(3)
    assert page.council.contribution.table.rowCount() > 0
    page.council.setCurrentIndex(2)
    assert page.council.charts.convergence.data is not None
    QApplication.processEvents()


def test_a_new_year_through_the_dialog(page, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from pareconapp.ui.planning.dialogs import YearDialog

    def accept(dialog: YearDialog) -> int:
        dialog.name.setText("2031")
        dialog.role.setCurrentIndex(dialog.role.findData(PlanningRole.CONSUMER.value))
        dialog.code.setText("riverside")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(YearDialog, "exec", accept)
    page.new_button.click()
    assert page.year.name == "2031"
    assert page.year.role is PlanningRole.CONSUMER
    assert page.council.editors.currentWidget() is page.council.consumer
    assert "import the first round file" in page.council.round.round.summary.text()


def test_consumer_requests_against_allowances(page) -> None:
    from pareconapp.core.planning_exchange.catalogue import Good
    from pareconapp.core.planning_exchange.files import (
        RoundFile,
        RoundGood,
        RoundStatus,
        round_file_bytes,
    )
    from pareconapp.store.models import CouncilKind as LocalKind

    assembly = page.assembly
    council = assembly.members.councils(LocalKind.CONSUMER)[0].id
    year = assembly.planning.create_year(
        YearFields("2031", PlanningRole.CONSUMER, "riverside", "Riverside", council)
    )
    round_file = RoundFile(
        Header("2031", 1, Sender("ifb", "IFB"), "0.1.0", "2031-01-01T10:00:00+00:00"),
        RoundStatus.OPEN,
        "dep",
        False,
        0.05,
        20,
        2,
        (
            RoundGood(Good("bikes", "Bicycles", GoodCategory.PRIVATE, "bike"), 700.0),
            RoundGood(Good("park", "Park", GoodCategory.PUBLIC, "ha"), 1000.0),
        ),
    )
    assembly.planning.import_round_file(year, round_file_bytes(round_file), "r.json")
    page.refresh()
    page.select_year(year)
    page.council.setCurrentIndex(1)
    editor = page.council.consumer
    period = assembly.remuneration.list_periods()[0]
    editor.period.setCurrentIndex(editor.period.findData(period.id))
    editor.factor.setValue(4)
    editor.apply_budget.click()
    budget = assembly.planning.consumer_budget(year)
    assert budget.budget is not None and budget.budget > 0
    allowance = budget.allowances[editor.member.currentData()]
    editor.requests.item(0, 3).setText(str(int(allowance / 700) + 5))
    assert editor.warning.isVisible()
    assert editor.member.currentText() in editor.warning.text()
    editor.collective.item(1, 3).setText("2")  # the park row: shared by 2 councils
    account = assembly.planning.consumer_account(year)
    assert account.collective_cost == pytest.approx(1000.0)
    assert "Requests" in editor.summary.text()


def test_an_allowance_entered_by_hand(page) -> None:
    from pareconapp.store.models import CouncilKind as LocalKind

    assembly = page.assembly
    council = assembly.members.councils(LocalKind.CONSUMER)[0].id
    year = assembly.planning.create_year(
        YearFields("2032", PlanningRole.CONSUMER, "riverside", "Riverside", council)
    )
    page.refresh()
    page.select_year(year)
    editor = page.council.consumer
    editor.allowance.setText("1234,5")
    editor.allowance_button.click()
    member = editor.member.currentData()
    assert assembly.planning.consumer_budget(year).allowances[member] == 1234.5
    assert "1,234.50" in editor.member_info.text()
