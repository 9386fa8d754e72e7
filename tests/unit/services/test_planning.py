"""Planning years through the services: catalogue, a council's round files, proposals, votes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from pareconapp.core.decisions import ImpactLevel, YesNo, impacts_from_levels
from pareconapp.core.i18n import UserError
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory
from pareconapp.core.planning_exchange.files import (
    CouncilEntry,
    CouncilKind,
    Header,
    LastTotals,
    RoundFile,
    RoundGood,
    RoundStatus,
    Sender,
    read_proposal_file,
    round_file_bytes,
)
from pareconapp.core.remuneration import PeriodKind, WorkplaceBudget
from pareconapp.services.decisions import ImpactInput
from pareconapp.services.planning import BudgetSource, GoodFields, YearFields
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.store.models import CouncilKind as LocalKind
from pareconapp.store.models_planning import PlanningProposal, PlanningRole, PlanningRound

G = GoodCategory
GOODS = (
    Good("bicycles", "Bicycles", G.PRIVATE, "bike"),
    Good("park", "Park", G.PUBLIC, "ha"),
    Good("steel", "Steel", G.INTERMEDIATE, "m"),
    Good("labour", "Labour", G.LABOUR, "h"),
)
IFB = Sender("river-ifb", "Riverside IFB")


def round_file(
    number: int,
    prices=(700.0, 1000.0, 20.0, 25.0),
    year="2030",
    sender=IFB,
    last=None,
    status=RoundStatus.OPEN,
    goods=GOODS,
) -> RoundFile:
    return RoundFile(
        header=Header(year, number, sender, "0.1.0", "2027-01-01T10:00:00+00:00"),
        status=status,
        rule="dep",
        needs_responses=False,
        threshold=0.05,
        max_rounds=20,
        consumer_councils=4,
        goods=tuple(
            RoundGood(g, p, None if last is None else last[i])
            for i, (g, p) in enumerate(zip(goods, prices, strict=True))
        ),
        councils=(
            CouncilEntry("wheelwright", "Wheelwright", CouncilKind.WORKER),
            CouncilEntry("riverside", "Riverside", CouncilKind.CONSUMER),
        ),
    )


@pytest.fixture
def worker_year(assembly) -> int:
    council = assembly.members.councils(LocalKind.WORKER)[0].id
    return assembly.planning.create_year(
        YearFields("2031", PlanningRole.WORKER, "wheelwright", "Wheelwright", council)
    )


@pytest.fixture
def consumer_year(assembly) -> int:
    council = assembly.members.councils(LocalKind.CONSUMER)[0].id
    return assembly.planning.create_year(
        YearFields("2032", PlanningRole.CONSUMER, "riverside", "Riverside", council)
    )


def import_round(assembly, year_id, number, **kwargs):
    kwargs.setdefault("year", assembly.planning.year(year_id).name)
    rf = round_file(number, **kwargs)
    return assembly.planning.import_round_file(year_id, round_file_bytes(rf), f"r{number}.json")


def adopt(assembly, decision_id: int) -> None:
    """The assembly votes yes by roll call (outside a meeting: everyone counts as present)."""
    decisions = assembly.decisions
    row = decisions.decision(decision_id)
    decisions.update(
        decision_id,
        replace(row.fields, ballot_mode=BallotMode.ROLL_CALL, meeting_id=None, agenda_item_id=None),
    )
    members = assembly.members.list_members(active_only=True)
    decisions.assess(
        decision_id,
        ImpactInput(
            "levels",
            impacts_from_levels({m.id: ImpactLevel.HIGH for m in members}),
            "Everyone works to this plan.",
        ),
    )
    decisions.open_ballot(decision_id)
    for voter in decisions.voters(decision_id):
        if voter.may_vote:
            decisions.cast_roll_call(decision_id, voter.member_id, YesNo.YES)
    decisions.close_ballot(decision_id)


# -- years and the catalogue ---------------------------------------------------------------


def test_years_are_checked(assembly) -> None:
    planning = assembly.planning
    with pytest.raises(UserError, match="not a valid code"):
        planning.create_year(YearFields("2030", PlanningRole.IFB, "River IFB", "River"))
    with pytest.raises(UserError, match="Unknown price rule"):
        planning.create_year(YearFields("2030", PlanningRole.IFB, "ifb", "River", rule="magic"))
    with pytest.raises(UserError, match="Threshold"):
        planning.create_year(YearFields("2030", PlanningRole.IFB, "ifb", "River", threshold=0))
    year = planning.create_year(YearFields(" 2030 ", PlanningRole.IFB, "ifb", "River"))
    assert planning.year(year).name == "2030"
    with pytest.raises(UserError, match="already a planning year"):
        planning.create_year(YearFields("2030", PlanningRole.WORKER, "w", "W"))
    assert planning.find_year(None).id == year
    with pytest.raises(UserError, match='no planning year "2099"'):
        planning.find_year("2099")


def test_an_ifb_catalogue_and_councils_from_csv(assembly) -> None:
    planning = assembly.planning
    year = planning.create_year(YearFields("2030", PlanningRole.IFB, "ifb", "River IFB"))
    count = planning.import_goods_csv(
        year,
        (
            "code,name,category,unit,start_price,fixed_supply\n"
            "bicycles,Bicycles,private,bike,700,\n"
            "labour,Labour,labour,h,20,5000\n"
            'co2,CO2,pollutant,t,"40,5",100\n'
        ),
    )
    assert count == 3
    goods = planning.goods(year)
    assert [g.code for g in goods] == ["bicycles", "labour", "co2"]
    assert goods[1].fixed_supply == 5000 and goods[0].fixed_supply is None
    assert goods[2].start_price == 40.5
    assert planning.round_view(year).prices == {"bicycles": 700, "labour": 20, "co2": 40.5}
    with pytest.raises(UserError, match="Line 2: category"):
        planning.import_goods_csv(year, "code,name,category\nx,X,gadget\n")
    with pytest.raises(UserError, match="columns"):
        planning.import_goods_csv(year, "id,label\n")
    with pytest.raises(UserError, match="starting price"):
        planning.set_goods(year, [GoodFields("x", "X", G.PRIVATE, start_price=0)])
    planning.import_councils_csv(year, "code,name,kind\nwheelwright,Wheelwright,worker\n")
    assert planning.councils(year) == [
        CouncilEntry("wheelwright", "Wheelwright", CouncilKind.WORKER)
    ]
    with pytest.raises(UserError, match="used twice"):
        planning.set_councils(year, [CouncilEntry("a", "A", CouncilKind.WORKER)] * 2)
    file = planning.ifb.round_file(year)
    assert file.name == "plan-2030-round-01.round.json"


# -- a council imports round files -------------------------------------------------------------


def test_round_files_come_in_order_from_one_ifb(assembly, worker_year) -> None:
    view = import_round(assembly, worker_year, 1)
    assert view.number == 1 and view.last == {}
    assert assembly.planning.catalogue(worker_year).codes == ["bicycles", "park", "steel", "labour"]
    assert assembly.planning.year(worker_year).ifb_code == "river-ifb"
    with pytest.raises(UserError, match="round 1 is already imported"):
        import_round(assembly, worker_year, 1)
    with pytest.raises(UserError, match='planning year "2028", not "2031"'):
        import_round(assembly, worker_year, 2, year="2028")
    with pytest.raises(UserError, match="this planning year's IFB"):
        import_round(assembly, worker_year, 2, sender=Sender("other", "Other IFB"))
    changed = (replace(GOODS[0], category=G.PUBLIC), *GOODS[1:])
    with pytest.raises(UserError, match="was a private"):
        import_round(assembly, worker_year, 2, goods=changed)
    last = tuple(LastTotals(p, 100.0, 120.0) for p in (700.0, 1000.0, 20.0, 25.0))
    view = import_round(assembly, worker_year, 2, prices=(735.0, 1000, 20, 24), last=last)
    assert view.number == 2
    assert view.last["bicycles"].imbalance == pytest.approx(40 / 220)
    history = assembly.planning.history(worker_year)
    assert [r.number for r in history.rounds] == [1, 2]
    assert history.rounds[0].demand["bicycles"] == 120
    assert history.rounds[1].supply is None


def test_a_damaged_round_file_stores_nothing(assembly, worker_year) -> None:
    data = round_file_bytes(round_file(1)).replace(b"700.0", b"701.0")
    with pytest.raises(UserError, match="SHA-256"):
        assembly.planning.import_round_file(worker_year, data, "r1.json")
    assert assembly.planning.round_view(worker_year) is None
    assert assembly.planning.catalogue(worker_year).codes == []


# -- a worker council's proposal -------------------------------------------------------------------


def test_sb_sc_changes_and_the_proposal_file(assembly, worker_year) -> None:
    planning = assembly.planning
    import_round(assembly, worker_year, 1)
    with pytest.raises(UserError, match="cannot offer"):
        planning.set_lines(worker_year, [Line("labour", 10)])
    planning.set_lines(
        worker_year, [Line("bicycles", 100), Line("steel", 0, 2000), Line("labour", 0, 1000)]
    )
    account = planning.worker_account(worker_year)
    assert (account.benefit, account.cost) == (70000, 65000)
    assert account.ratio == pytest.approx(70 / 65)
    exported = planning.export_proposal(worker_year)
    proposal = read_proposal_file(exported.data, exported.name)
    assert proposal.council == "wheelwright" and proposal.header.round == 1
    assert proposal.decision is None
    assert proposal.lines == (
        Line("bicycles", 100),
        Line("steel", 0, 2000),
        Line("labour", 0, 1000),
    )

    import_round(assembly, worker_year, 2, prices=(650.0, 1000, 22, 27))
    # round 2 starts from round 1's proposal; at the new prices SB/SC < 1
    assert planning.own_proposal(worker_year).lines == proposal.lines
    assert planning.worker_account(worker_year).below_one
    planning.set_lines(
        worker_year, [Line("bicycles", 110), Line("steel", 0, 2000), Line("labour", 0, 900)]
    )
    changes = {c.good: c for c in planning.changes(worker_year)}
    assert changes["bicycles"].supplied_before == 100 and changes["bicycles"].supplied_now == 110
    assert not changes["steel"].changed


def test_the_assembly_votes_on_its_proposal(assembly, worker_year) -> None:
    planning = assembly.planning
    import_round(assembly, worker_year, 1)
    planning.set_lines(worker_year, [Line("bicycles", 100), Line("labour", 0, 1000)])
    decision_id = planning.put_to_vote(worker_year)
    decision = assembly.decisions.decision(decision_id)
    assert "round 1" in decision.title and "SB/SC" in decision.text
    assert decision.meeting_id is not None  # the next planned meeting
    with assembly._file.transaction() as session:  # a real relation: the proposal's FK
        row = session.scalars(
            select(PlanningProposal).join(PlanningRound).where(PlanningRound.year_id == worker_year)
        ).one()
        assert row.decision_id == decision_id
    # a draft decision follows the proposal's changes
    planning.set_lines(worker_year, [Line("bicycles", 120), Line("labour", 0, 1000)])
    assert "120.00" in assembly.decisions.decision(decision_id).text
    assert planning.put_to_vote(worker_year) == decision_id
    adopt(assembly, decision_id)
    link = planning.own_proposal(worker_year).decision
    assert link.passed and link.status is DecisionStatus.CLOSED
    with pytest.raises(UserError, match="has voted"):
        planning.set_lines(worker_year, [Line("bicycles", 1)])
    exported = planning.export_proposal(worker_year)
    note = read_proposal_file(exported.data, "p.json").decision
    assert note.reference == decision_id and note.outcome == "passed"
    planning.new_draft(worker_year)
    planning.set_lines(worker_year, [Line("bicycles", 1)])
    assert planning.own_proposal(worker_year).decision is None


def test_an_open_vote_blocks_the_export(assembly, worker_year) -> None:
    planning = assembly.planning
    import_round(assembly, worker_year, 1)
    planning.set_lines(worker_year, [Line("bicycles", 100)])
    decision_id = planning.put_to_vote(worker_year)
    decisions = assembly.decisions
    row = decisions.decision(decision_id)
    decisions.update(
        decision_id,
        replace(row.fields, ballot_mode=BallotMode.ROLL_CALL, meeting_id=None, agenda_item_id=None),
    )
    members = assembly.members.list_members(active_only=True)
    decisions.assess(
        decision_id,
        ImpactInput(
            "levels",
            impacts_from_levels({m.id: ImpactLevel.LOW for m in members}),
            "Everyone works to this plan.",
        ),
    )
    decisions.open_ballot(decision_id)
    with pytest.raises(UserError, match="still open"):
        planning.export_proposal(worker_year)
    for voter in decisions.voters(decision_id):
        decisions.cast_roll_call(decision_id, voter.member_id, YesNo.NO)
    decisions.close_ballot(decision_id)
    with pytest.raises(UserError, match="did not adopt"):
        planning.export_proposal(worker_year)
    planning.set_lines(worker_year, [Line("bicycles", 90)])  # a rejected vote lets it change
    assert planning.own_proposal(worker_year).decision is None


def test_the_final_plan_takes_no_proposals(assembly, worker_year) -> None:
    import_round(assembly, worker_year, 1)
    import_round(assembly, worker_year, 2, status=RoundStatus.FINAL)
    assert assembly.planning.year(worker_year).status.value == "final"
    with pytest.raises(UserError, match="final"):
        assembly.planning.set_lines(worker_year, [Line("bicycles", 1)])


# -- a consumer council ---------------------------------------------------------------------------


def test_members_requests_stay_private_and_fit_allowances(assembly, consumer_year) -> None:
    planning = assembly.planning
    period = assembly.remuneration.create_period(
        PeriodKind.QUARTER, date(2027, 1, 1), WorkplaceBudget(Decimal(60000))
    )
    planning.set_budget_source(consumer_year, BudgetSource(period_id=period, factor=4))
    import_round(assembly, consumer_year, 1)
    budget = planning.consumer_budget(consumer_year)
    council = assembly.members.councils(LocalKind.CONSUMER)[0].id
    expected = float(assembly.remuneration.council_budgets(period)[council]) * 4
    assert budget.budget == pytest.approx(expected)
    first, second = budget.members[0][0], budget.members[1][0]
    allowance = budget.allowances[first]
    # a member asks for more than their allowance
    bikes = allowance / 700 + 1
    planning.set_member_requests(consumer_year, first, [Line("bicycles", 0, bikes)])
    planning.set_member_requests(consumer_year, second, [Line("bicycles", 0, 2)])
    planning.set_lines(consumer_year, [Line("park", 0, 3)])
    with pytest.raises(UserError, match="members individually only for private goods"):
        planning.set_member_requests(consumer_year, first, [Line("park", 0, 1)])
    account = planning.consumer_account(consumer_year)
    assert [m.member_id for m in account.members_over] == [first]
    assert account.collective_cost == pytest.approx(3 * 1000 / 4)  # a quarter of the price
    assert account.total_cost == pytest.approx(bikes * 700 + 2 * 700 + 750)
    assert not account.over_budget
    planning.set_allowance(consumer_year, first, 100.0)
    assert planning.consumer_budget(consumer_year).budget == pytest.approx(
        expected - allowance + 100
    )
    exported = planning.export_proposal(consumer_year)
    proposal = read_proposal_file(exported.data, "p.json")
    assert proposal.lines == (Line("bicycles", 0, bikes + 2), Line("park", 0, 3))
    assert proposal.budget == pytest.approx(expected - allowance + 100)
    text = exported.data.decode()
    for name in (n for _, n in budget.members):
        assert name not in text  # only the council's total leaves the assembly
    assert proposal.members == len(budget.members)


def test_a_member_of_another_council_cannot_request(assembly, consumer_year) -> None:
    import_round(assembly, consumer_year, 1)
    other = assembly.members.councils(LocalKind.CONSUMER)[1].id
    outsider = next(m for m in assembly.members.list_members() if m.consumer_council_id == other)
    with pytest.raises(UserError, match="not in this consumer council"):
        assembly.planning.set_member_requests(consumer_year, outsider.id, [Line("bicycles", 0, 1)])


def test_deleting_a_year_keeps_its_decisions(assembly, worker_year) -> None:
    import_round(assembly, worker_year, 1)
    assembly.planning.set_lines(worker_year, [Line("bicycles", 100)])
    decision_id = assembly.planning.put_to_vote(worker_year)
    assembly.planning.delete_year(worker_year)
    assert assembly.decisions.decision(decision_id).title
    assert all(y.id != worker_year for y in assembly.planning.years())


def test_allowances_entered_without_remuneration(assembly, consumer_year) -> None:
    planning = assembly.planning
    members = planning.consumer_budget(consumer_year).members
    assert planning.consumer_budget(consumer_year).budget is None
    planning.set_allowance(consumer_year, members[0][0], 500.0)
    planning.set_allowance(consumer_year, members[1][0], 700.0)
    budget = planning.consumer_budget(consumer_year)
    assert budget.allowances == {members[0][0]: 500.0, members[1][0]: 700.0}
    assert budget.budget == 1200.0
    planning.set_allowance(consumer_year, members[1][0], None)
    assert planning.consumer_budget(consumer_year).budget == 500.0
    with pytest.raises(UserError, match="at least 0"):
        planning.set_allowance(consumer_year, members[0][0], -1.0)


def test_the_demo_consumer_year(demo_assembly) -> None:
    from pareconapp.services.demo_planning import add_demo_consumer_year

    planning = demo_assembly.planning
    assert planning.consumption_sources() == []  # the demo plans as a worker council
    year = add_demo_consumer_year(demo_assembly)
    [source] = planning.consumption_sources()
    assert source.year_id == year
    assert [code for code, _ in source.goods] == ["repairs", "bicycles", "cargo-bikes"]
    repairs = planning.consumption_of_goods(year, ["repairs"])
    price = planning.round_view(year).prices["repairs"]
    member = next(iter(repairs))
    [asked] = [line for line in planning.member_requests(year, member) if line.good == "repairs"]
    assert float(repairs[member]) == pytest.approx(asked.demanded * price, rel=1e-12)
    assert planning.year(year).role is PlanningRole.CONSUMER
    assert planning.round_view(year).number == 3
    budget = planning.consumer_budget(year)
    assert budget.budget is not None and budget.budget > 0
    account = planning.consumer_account(year)
    assert len(account.members) == len(budget.members) > 0
    assert account.members_cost > 0 and account.collective_cost > 0
    assert not account.over_budget
