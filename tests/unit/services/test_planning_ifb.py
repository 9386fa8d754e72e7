"""The IFB's side and the walk-through: imports, closing rounds, reports, variants, practice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import (
    CouncilEntry,
    CouncilKind,
    Header,
    ProposalFile,
    QuestionReason,
    Sender,
    proposal_file_bytes,
    read_round_file,
)
from pareconapp.services.planning import GoodFields, YearFields
from pareconapp.store.models_planning import PlanningRole

G = GoodCategory
GOODS = [
    GoodFields("bicycles", "Bicycles", G.PRIVATE, "bike", 10.0),
    GoodFields("park", "Park", G.PUBLIC, "ha", 10.0),
    GoodFields("steel", "Steel", G.INTERMEDIATE, "m", 10.0),
    GoodFields("ore", "Ore", G.NATURE, "t", 10.0, 100.0),
    GoodFields("labour", "Labour", G.LABOUR, "h", 10.0, 200.0),
]
COUNCILS = [
    CouncilEntry("wheelwright", "Wheelwright", CouncilKind.WORKER),
    CouncilEntry("foundry", "Foundry", CouncilKind.WORKER),
    CouncilEntry("riverside", "Riverside", CouncilKind.CONSUMER),
    CouncilEntry("old-town", "Old Town", CouncilKind.CONSUMER),
]
LINES = {
    "wheelwright": (Line("bicycles", 50), Line("steel", 0, 40), Line("labour", 0, 60)),
    "foundry": (Line("steel", 45), Line("ore", 0, 80), Line("labour", 0, 100)),
    "riverside": (Line("bicycles", 0, 30), Line("park", 0, 4)),
    "old-town": (Line("bicycles", 0, 25), Line("park", 0, 2)),
}


@pytest.fixture
def ifb(assembly) -> int:
    year = assembly.planning.create_year(
        YearFields("2030", PlanningRole.IFB, "river-ifb", "Riverside IFB", rule="dep-book")
    )
    assembly.planning.set_goods(year, GOODS)
    assembly.planning.set_councils(year, COUNCILS)
    return year


def proposal(council: str, round_number: int = 1, year: str = "2030", **changes) -> bytes:
    kind = (
        next(c.kind for c in COUNCILS if c.id == council)
        if council in LINES
        else (CouncilKind.WORKER)
    )
    fields = {
        "header": Header(
            year,
            round_number,
            Sender(council, council.title()),
            "0.1.0",
            "2030-01-05T10:00:00+00:00",
        ),
        "kind": kind,
        "lines": LINES.get(council, (Line("bicycles", 1),)),
        "budget": 400.0 if kind is CouncilKind.CONSUMER else None,
    }
    fields.update(changes)
    return proposal_file_bytes(ProposalFile(**fields))


def import_all(assembly, year, round_number=1) -> None:
    for council in LINES:
        assembly.planning.ifb.import_proposal_file(
            year, proposal(council, round_number), f"{council}.json"
        )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (proposal("wheelwright").replace(b"50.0", b"60.0"), "SHA-256"),
        (proposal("wheelwright", 2), "the open round is 1"),
        (proposal("wheelwright", year="2029"), 'planning year "2029", not "2030"'),
        (proposal("stranger"), "does not know"),
        (
            proposal(
                "riverside", kind=CouncilKind.WORKER, budget=None, lines=(Line("bicycles", 1),)
            ),
            "registered as a consumer",
        ),
        (proposal("wheelwright", lines=(Line("cars", 1),)), "not in the catalogue: cars"),
        (b"garbage", "not a readable exchange file"),
    ],
)
def test_bad_proposal_files_store_nothing(assembly, ifb, data, message) -> None:
    with pytest.raises(UserError, match=message):
        assembly.planning.ifb.import_proposal_file(ifb, data, "bad.json")
    assert assembly.planning.ifb.received(ifb) == []


def test_imports_report_each_file_and_the_missing_councils(assembly, ifb, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.json").write_bytes(proposal("wheelwright"))
    (folder / "b.json").write_bytes(proposal("wheelwright"))  # the same council again
    (folder / "c.json").write_bytes(proposal("riverside"))
    (folder / "notes.txt").write_text("not imported")
    report = assembly.planning.ifb.import_paths(ifb, [folder])
    assert [council for _, council in report.imported] == ["wheelwright", "riverside"]
    assert len(report.refused) == 1 and "already imported" in str(report.refused[0][1])
    assert [c.id for c in assembly.planning.ifb.missing(ifb)] == ["foundry", "old-town"]
    received = {r.council.id: r for r in assembly.planning.ifb.received(ifb)}
    assert received["wheelwright"].ratio == pytest.approx(500 / 1000)
    assert received["riverside"].cost == pytest.approx(300 + 4 * 10 / 2)
    assert not received["riverside"].over_budget
    assembly.planning.ifb.remove_proposal(ifb, "wheelwright")
    assert [r.council.id for r in assembly.planning.ifb.received(ifb)] == ["riverside"]
    with pytest.raises(UserError, match="can no longer change"):
        assembly.planning.set_goods(ifb, GOODS[:2])
    with pytest.raises(UserError, match="must stay on the list"):
        assembly.planning.set_councils(ifb, COUNCILS[:2])


def test_closing_a_round_by_hand(assembly, ifb) -> None:
    import_all(assembly, ifb)
    report = assembly.planning.ifb.close_round(ifb)
    # bicycles 50 vs 30 + 25; park 0 vs (4 + 2) / 2; steel 45 vs 40; ore 100 vs 80;
    # labour 200 vs 160
    assert report.supply == {"bicycles": 50, "park": 0, "steel": 45, "ore": 100, "labour": 200}
    assert report.demand == pytest.approx(
        {"bicycles": 55, "park": 3, "steel": 40, "ore": 80, "labour": 160}
    )
    assert report.largest_imbalance == pytest.approx(2.0)  # park: nobody makes it
    assert next(row.good for row in report.out_of_balance) == "park"
    reasons = {(q.council, q.reason) for q in report.questions}
    assert ("wheelwright", QuestionReason.RATIO) in reasons  # SB 500, SC 1000
    assert ("foundry", QuestionReason.RATIO) in reasons
    assert ("riverside", QuestionReason.UNDECIDED) in reasons
    view = assembly.planning.round_view(ifb)
    assert view.number == 2
    # the book's rule: bicycles v = 10/105 -> w = v (1.05 - 0.5^v); park capped at 0.25
    v = 10 / 105
    assert view.prices["bicycles"] == pytest.approx(10 * (1 + v * (1.05 - 0.5**v)))
    assert view.prices["park"] == pytest.approx(10 * (1 + 0.25 * (1.05 - 0.5**0.25)))
    assert view.prices["ore"] < 10 and view.prices["labour"] < 10
    assert view.last["bicycles"].demand == 55
    file = assembly.planning.ifb.round_file(ifb)
    sent = read_round_file(file.data, file.name)
    assert sent.header.round == 2 and sent.consumer_councils == 2
    assert {q.council for q in sent.questions} >= {"wheelwright", "foundry"}
    assert any(c.good == "bicycles" and c.councils == 1 for c in sent.comparisons)
    with pytest.raises(UserError, match="the open round is 2"):
        assembly.planning.ifb.import_proposal_file(ifb, proposal("wheelwright"), "old.json")
    history = assembly.planning.history(ifb)
    assert [r.number for r in history.rounds] == [1, 2]


def test_planning_stops_at_the_threshold_with_variants(assembly, ifb) -> None:
    assembly.planning.update_settings(ifb, "dep", 1.5, 20)
    for council in ("wheelwright", "foundry"):
        assembly.planning.ifb.import_proposal_file(ifb, proposal(council), f"{council}.json")
    for council in ("riverside", "old-town"):  # nobody makes a park: no park this year
        data = proposal(council, lines=(Line("bicycles", 0, 27),))
        assembly.planning.ifb.import_proposal_file(ifb, data, f"{council}.json")
    report = assembly.planning.ifb.close_round(ifb)
    assert report.final and report.within_threshold
    assert assembly.planning.year(ifb).status.value == "final"
    variants = assembly.planning.ifb.build_variants(ifb)
    assert 2 <= len(variants) <= 5
    file = assembly.planning.ifb.round_file(ifb)
    assert file.name.endswith("-final.round.json")
    final = read_round_file(file.data, file.name)
    assert final.status.value == "final" and len(final.variants) == len(variants)
    assert "feasible" in final.note
    assert set(final.variants[0].scales) == set(LINES)
    with pytest.raises(UserError, match="has stopped"):
        assembly.planning.ifb.import_proposal_file(ifb, proposal("wheelwright", 2), "x.json")


def test_the_round_limit_stops_planning(assembly, ifb) -> None:
    assembly.planning.update_settings(ifb, "dep", 0.05, 1)
    import_all(assembly, ifb)
    report = assembly.planning.ifb.close_round(ifb)
    assert report.final and not report.within_threshold
    assert (
        "round limit" in read_round_file(assembly.planning.ifb.round_file(ifb).data, "f.json").note
    )


def test_the_newton_rule_needs_price_responses(assembly, ifb) -> None:
    import_all(assembly, ifb)
    with pytest.raises(UserError, match="price responses"):
        assembly.planning.ifb.close_round(ifb, rule="newton")
    assert assembly.planning.round_view(ifb).number == 1  # nothing was closed


def test_newton_with_reported_responses(assembly, ifb) -> None:
    for council, lines in LINES.items():
        size = len(lines)
        supply = np.diag([line.supplied for line in lines]) * 2.0
        demand = -np.diag([line.demanded for line in lines])
        data = proposal(council, responses=(tuple(map(tuple, supply)), tuple(map(tuple, demand))))
        assembly.planning.ifb.import_proposal_file(ifb, data, f"{council}.json")
        assert size
    report = assembly.planning.ifb.close_round(ifb, rule="newton")
    assert report.number == 1
    assert assembly.planning.year(ifb).fields.rule == "newton"


# -- walking through with simulated councils ------------------------------------------------


def test_a_worker_council_walks_through_rounds(assembly) -> None:
    practice = assembly.planning.practice
    year = practice.generate(
        YearFields("Practice", PlanningRole.WORKER, "us", "Our council", rule="dep"),
        seed=3,
        consumer_councils=30,
        worker_councils=30,
        goods_per_kind=2,
    )
    assert "30 consumer" in practice.description(year)
    view = assembly.planning.round_view(year)
    assert view.number == 1 and set(view.prices.values()) == {700.0}
    assert assembly.planning.catalogue(year).codes[:2] == ["private-1", "private-2"]
    lines = [Line("private-1", 40), Line("intermediate-1", 0, 5), Line("labour-1", 0, 20)]
    assembly.planning.set_lines(year, lines)
    with pytest.raises(UserError, match="simulated IFB"):
        assembly.planning.import_round_file(year, b"{}", "x.json")
    view = practice.step(year)
    assert view.number == 2
    assert view.last["private-1"].price == 700
    assert any(c.good == "private-1" and c.councils >= 2 for c in view.comparisons)
    parts = {c.good: c for c in practice.contribution(year)}
    assert parts["private-1"].own_supply == 40
    assert parts["labour-1"].own_demand == 20
    assert parts["private-1"].imbalance != pytest.approx(parts["private-1"].imbalance_without)
    # the proposal carries over; the next step uses the new prices
    assert assembly.planning.own_proposal(year).lines == tuple(lines)
    view = practice.step(year)
    assert view.number == 3
    assert len(assembly.planning.history(year).rounds) == 3


def test_a_consumer_council_shares_public_goods_with_the_simulated_ones(assembly) -> None:
    practice = assembly.planning.practice
    year = practice.generate(
        YearFields("Practice", PlanningRole.CONSUMER, "us", "Our council"),
        seed=3,
        consumer_councils=9,
        worker_councils=20,
        goods_per_kind=2,
    )
    assert assembly.planning.round_view(year).consumer_councils == 10
    assembly.planning.set_lines(year, [Line("public-1", 0, 50)])
    practice.step(year)
    parts = {c.good: c for c in practice.contribution(year)}
    assert parts["public-1"].own_demand == pytest.approx(5.0)  # 50 / 10 councils


def test_an_ifb_practices_with_simulated_councils(assembly) -> None:
    planning = assembly.planning
    year = planning.practice.generate(
        YearFields(
            "IFB practice",
            PlanningRole.IFB,
            "practice-ifb",
            "Practice IFB",
            rule="newton",
            threshold=0.03,
        ),
        seed=4,
        consumer_councils=40,
        worker_councils=40,
        goods_per_kind=2,
    )
    imbalances = []
    for _ in range(6):
        if planning.year(year).status.value == "final":
            break
        report = planning.practice.step(year)
        imbalances.append(planning.ifb.report(year).largest_imbalance)
        assert report.number >= 2
    assert planning.year(year).status.value == "final"
    assert imbalances[-1] <= 0.03 < imbalances[0]
    variants = planning.ifb.build_variants(year)
    assert variants and all(v.scales == {} for v in variants)
