"""The demo's participatory planning: a planning year in progress and a walk-through.

* Next year's plan, with the cooperative as a **worker council** of the Riverside
  federation: the IFB's round files 1-3 imported (prices, totals, comparison data, "who says
  no"), the proposals of rounds 1 and 2 adopted by the assembly and exported, the proposal of
  round 3 being drafted and put on the agenda of the planned meeting.
* A **walk-through** with a simulated rest-of-economy (a small generated economy) stepped
  through six rounds, for learning the procedure.

Everything goes through the real services (the round files are written and read as files
are), so the demo shows exactly what a real year looks like.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import numpy as np

from pareconapp import __version__
from pareconapp.core.decisions import ImpactLevel, YesNo, impacts_from_levels
from pareconapp.core.planning import RoundTotals, price_rule
from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory
from pareconapp.core.planning_exchange.files import (
    Comparison,
    CouncilEntry,
    CouncilKind,
    Header,
    LastTotals,
    Question,
    QuestionReason,
    RoundFile,
    RoundGood,
    RoundStatus,
    Sender,
    round_file_bytes,
)
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.decisions import ImpactInput
from pareconapp.services.planning import YearFields
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import BallotMode
from pareconapp.store.models import CouncilKind as LocalCouncilKind
from pareconapp.store.models_planning import PlanningRole

IFB = Sender("riverside-ifb", "Riverside Federation IFB")
OWN_CODE = "wheelwright"

# code, name, category, unit, starting price, the federation's total in round 1 (supply,
# demand) - the rest of the federation, to which this cooperative's proposal is added
GOODS = (
    ("bicycles", "Bicycles", GoodCategory.PRIVATE, "bicycle", 700.0, (5200, 5900)),
    ("cargo-bikes", "Cargo bikes", GoodCategory.PRIVATE, "bike", 2600.0, (610, 540)),
    ("repairs", "Bicycle repairs", GoodCategory.PRIVATE, "repair", 45.0, (21000, 23500)),
    ("cycle-paths", "Cycle paths", GoodCategory.PUBLIC, "km", 250000.0, (14, 17)),
    ("steel-tubing", "Steel tubing", GoodCategory.INTERMEDIATE, "m", 18.0, (60000, 52000)),
    ("aluminium", "Aluminium tubing", GoodCategory.INTERMEDIATE, "m", 32.0, (15500, 17800)),
    ("tyres", "Tyres", GoodCategory.INTERMEDIATE, "tyre", 21.0, (31000, 29500)),
    ("paint", "Frame paint", GoodCategory.INTERMEDIATE, "l", 14.0, (9800, 8700)),
    ("labour-skilled", "Labour: skilled trades", GoodCategory.LABOUR, "h", 25.0, (250000, 268000)),
    ("labour-general", "Labour: general", GoodCategory.LABOUR, "h", 20.0, (310000, 287000)),
    ("solvents", "Solvent emissions", GoodCategory.POLLUTANT, "kg", 40.0, (3500, 3900)),
)

COUNCILS = (
    CouncilEntry(OWN_CODE, "Wheelwright Workers' Council", CouncilKind.WORKER),
    CouncilEntry("northside-foundry", "Northside Tube Foundry", CouncilKind.WORKER),
    CouncilEntry("harbour-tyres", "Harbour Tyre Works", CouncilKind.WORKER),
    CouncilEntry("green-paints", "Green Paints Collective", CouncilKind.WORKER),
    CouncilEntry("path-builders", "Cycle Path Builders", CouncilKind.WORKER),
    CouncilEntry("riverside", "Riverside Neighbourhood Council", CouncilKind.CONSUMER),
    CouncilEntry("old-town", "Old Town Neighbourhood Council", CouncilKind.CONSUMER),
    CouncilEntry("hillside", "Hillside Neighbourhood Council", CouncilKind.CONSUMER),
)

# the cooperative's proposals, round by round: outputs, then inputs
PROPOSALS = (
    {
        "bicycles": (1100, 0),
        "cargo-bikes": (120, 0),
        "repairs": (2400, 0),
        "steel-tubing": (0, 5200),
        "aluminium": (0, 1500),
        "tyres": (0, 2700),
        "paint": (0, 900),
        "labour-skilled": (0, 21000),
        "labour-general": (0, 18000),
        "solvents": (0, 300),
    },
    {
        "bicycles": (1150, 0),
        "cargo-bikes": (110, 0),
        "repairs": (2500, 0),
        "steel-tubing": (0, 5300),
        "aluminium": (0, 1350),
        "tyres": (0, 2820),
        "paint": (0, 880),
        "labour-skilled": (0, 21200),
        "labour-general": (0, 17600),
        "solvents": (0, 260),
    },
    {
        "bicycles": (1180, 0),
        "cargo-bikes": (105, 0),
        "repairs": (2600, 0),
        "steel-tubing": (0, 5400),
        "aluminium": (0, 1300),
        "tyres": (0, 2900),
        "paint": (0, 860),
        "labour-skilled": (0, 21400),
        "labour-general": (0, 17400),
        "solvents": (0, 220),
    },
)
ROUNDS_IMPORTED = 3
NOTES = (
    "",
    "Fewer cargo bikes: aluminium is short across the federation.",
    "Water-based paint in the spray booth from May: less solvent.",
)


def write_demo_planning(file: AssemblyFile, today: date, seed: int) -> None:
    """Next year's plan in round 3 and a six-round walk-through (see the module docstring)."""
    rng = random.Random(seed)
    clock = ManualClock(datetime.combine(today, time(9), tzinfo=UTC) - timedelta(days=40))
    assembly = AssemblyService(file, clock)
    _planning_year(assembly, clock, today, rng)
    _walk_through(assembly, clock)


def _planning_year(
    assembly: AssemblyService, clock: ManualClock, today: date, rng: random.Random
) -> None:
    planning = assembly.planning
    council = next((c.id for c in assembly.members.councils(LocalCouncilKind.WORKER)), None)
    name = str(today.year + 1)
    year_id = planning.create_year(
        YearFields(name, PlanningRole.WORKER, OWN_CODE, "Wheelwright Workers' Council", council)
    )
    for number, round_file in enumerate(_round_files(name, rng), 1):
        planning.import_round_file(
            year_id, round_file_bytes(round_file), f"plan-{name}-round-{number:02d}.round.json"
        )
        lines = [Line(g, s, d) for g, (s, d) in PROPOSALS[number - 1].items()]
        planning.set_lines(year_id, lines, NOTES[number - 1])
        decision = planning.put_to_vote(year_id)
        _outside_meetings(assembly, decision)
        if number == ROUNDS_IMPORTED:
            return
        clock.advance(minutes=60 * 24)
        _vote(assembly, decision, rng)
        clock.advance(minutes=30)
        planning.export_proposal(year_id)
        clock.advance(minutes=6 * 24 * 60)


def _outside_meetings(assembly: AssemblyService, decision_id: int) -> None:
    """The demo's planning votes are roll calls of their own (the meetings keep theirs)."""
    decisions = assembly.decisions
    row = decisions.decision(decision_id)
    decisions.update(
        decision_id,
        replace(row.fields, ballot_mode=BallotMode.ROLL_CALL, meeting_id=None, agenda_item_id=None),
    )


def _vote(assembly: AssemblyService, decision_id: int, rng: random.Random) -> None:
    """The assembly adopts its proposal by a roll call (everyone equally affected)."""
    decisions = assembly.decisions
    members = assembly.members.list_members(active_only=True)
    decisions.assess(
        decision_id,
        ImpactInput(
            "levels",
            impacts_from_levels({m.id: ImpactLevel.HIGH for m in members}),
            "The plan sets everyone's work for the year.",
            entered={"members": {str(m.id): ImpactLevel.HIGH.value for m in members}},
        ),
    )
    decisions.open_ballot(decision_id)
    for voter in decisions.voters(decision_id):
        if voter.may_vote:
            choice = "no" if rng.random() < 0.15 else "yes"
            decisions.cast_roll_call(decision_id, voter.member_id, YesNo(choice))
    decisions.close_ballot(decision_id)


def _round_files(name: str, rng: random.Random) -> list[RoundFile]:
    """The IFB's first three round files: the federation converging round by round."""
    rule = price_rule("dep")
    goods = [Good(code, label, category, unit) for code, label, category, unit, _, _ in GOODS]
    prices = np.array([start for *_, start, _ in GOODS])
    base = np.array([totals for *_, totals in GOODS], dtype=float)
    state = rule.initial_state(len(goods))
    files = [_round_file(name, 1, goods, prices, None, (), ())]
    for number in (1, 2):
        shrink = 0.45 ** (number - 1)
        jitter = np.array([1 + rng.uniform(-0.01, 0.01) for _ in goods])
        supply = base[:, 0] * jitter
        demand = supply + (base[:, 1] - base[:, 0]) * shrink
        totals = RoundTotals(supply, demand)
        next_prices, state = rule.next_prices(prices, totals, state)
        last = tuple(
            LastTotals(float(p), float(s), float(d))
            for p, s, d in zip(prices, supply, demand, strict=True)
        )
        questions: tuple[Question, ...] = (
            Question("green-paints", QuestionReason.RATIO, 0.92 + 0.02 * number, 1.0),
            Question("old-town", QuestionReason.BUDGET, 2_330_000.0 - 30_000 * number, 2_250_000.0),
        )
        if number == 1:
            questions += (Question("path-builders", QuestionReason.UNDECIDED),)
        comparisons = (
            Comparison("bicycles", 4, 1240.0, 1.07 + 0.01 * number, 0.96, 1.22),
            Comparison("cargo-bikes", 2, 300.0, 1.02, 0.97, 1.07),
            Comparison("steel-tubing", 1, 60000.0, 1.11, 1.11, 1.11),
            Comparison("tyres", 1, 31000.0, 1.04, 1.04, 1.04),
        )
        prices = next_prices
        files.append(_round_file(name, number + 1, goods, prices, last, comparisons, questions))
    return files


def _round_file(
    name: str,
    number: int,
    goods: list[Good],
    prices: np.ndarray,
    last: tuple[LastTotals, ...] | None,
    comparisons: tuple[Comparison, ...],
    questions: tuple[Question, ...],
) -> RoundFile:
    written = datetime(2026, 1, 1, 18, tzinfo=UTC) + timedelta(days=7 * number)
    return RoundFile(
        header=Header(name, number, IFB, __version__, written.isoformat()),
        status=RoundStatus.OPEN,
        rule="dep",
        needs_responses=False,
        threshold=0.05,
        max_rounds=20,
        consumer_councils=sum(1 for c in COUNCILS if c.kind is CouncilKind.CONSUMER),
        goods=tuple(
            RoundGood(good, float(price), None if last is None else last[i])
            for i, (good, price) in enumerate(zip(goods, prices, strict=True))
        ),
        councils=COUNCILS,
        comparisons=comparisons,
        questions=questions,
    )


def _walk_through(assembly: AssemblyService, clock: ManualClock) -> None:
    planning = assembly.planning
    year_id = planning.practice.generate(
        YearFields(
            "Walk-through",
            PlanningRole.WORKER,
            OWN_CODE,
            "Wheelwright Workers' Council",
            rule="secant",
        ),
        seed=7,
        consumer_councils=40,
        worker_councils=40,
        goods_per_kind=3,
    )
    # the cooperative makes private good 1 from intermediate good 1, a resource and labour
    answers = (
        (6.0, 1.5, 1.0, 1.5),
        (6.5, 1.5, 1.0, 1.6),
        (7.0, 1.6, 1.0, 1.7),
        (7.0, 1.6, 0.9, 1.7),
        (7.2, 1.6, 0.9, 1.7),
        (7.2, 1.6, 0.9, 1.7),
    )
    for output, intermediate, resource, hours in answers:
        planning.set_lines(
            year_id,
            [
                Line("private-1", output),
                Line("intermediate-1", 0.0, intermediate),
                Line("nature-1", 0.0, resource),
                Line("labour-1", 0.0, hours),
            ],
        )
        planning.practice.step(year_id)
        clock.advance(minutes=24 * 60)


# -- an IFB year, for screenshots, tests and trying the IFB's screens ------------------------------

FIXED_SUPPLY = {"labour-skilled": 105000.0, "labour-general": 120000.0, "solvents": 2500.0}
COUNCIL_PROPOSALS = {
    "northside-foundry": {
        "steel-tubing": (62000, 0),
        "aluminium": (15000, 0),
        "labour-skilled": (0, 28000),
        "labour-general": (0, 32000),
        "solvents": (0, 2000),
    },
    "harbour-tyres": {
        "tyres": (3000, 0),
        "labour-skilled": (0, 900),
        "labour-general": (0, 1600),
        "solvents": (0, 30),
    },
    "green-paints": {
        "paint": (7000, 0),
        "labour-skilled": (0, 1500),
        "labour-general": (0, 2500),
        "solvents": (0, 300),
    },
    "path-builders": {
        "cycle-paths": (15, 0),
        "steel-tubing": (0, 48000),
        "aluminium": (0, 9000),
        "paint": (0, 6000),
        "labour-skilled": (0, 60000),
        "labour-general": (0, 60000),
    },
    "riverside": {
        "bicycles": (0, 450),
        "cargo-bikes": (0, 50),
        "repairs": (0, 900),
        "cycle-paths": (0, 18),
    },
    "old-town": {
        "bicycles": (0, 380),
        "cargo-bikes": (0, 35),
        "repairs": (0, 820),
        "cycle-paths": (0, 12),
    },
    "hillside": {
        "bicycles": (0, 330),
        "cargo-bikes": (0, 40),
        "repairs": (0, 700),
        "cycle-paths": (0, 16),
    },
}
BUDGETS = {"riverside": 2_000_000.0, "old-town": 1_350_000.0, "hillside": 1_750_000.0}
UNDECIDED = frozenset({"path-builders"})
"""Councils whose proposal was not put to a vote (the IFB reports them)."""


def add_demo_ifb_year(assembly: AssemblyService, name: str = "Federation 2027") -> int:
    """An IFB year of the demo federation: round 1 closed, round 2 with five of eight answers.

    The proposals come as real proposal files (written and imported), so the IFB's screens
    show exactly what a real round looks like: received and missing councils, last round's
    totals, "who says no".
    """
    from pareconapp.core.planning_exchange.files import (
        DecisionNote,
        ProposalFile,
        proposal_file_bytes,
    )
    from pareconapp.services.planning import GoodFields

    planning = assembly.planning
    year_id = planning.create_year(YearFields(name, PlanningRole.IFB, IFB.id, IFB.name, rule="dep"))
    planning.set_goods(
        year_id,
        [
            GoodFields(code, label, category, unit, start, FIXED_SUPPLY.get(code))
            for code, label, category, unit, start, _ in GOODS
        ],
    )
    planning.set_councils(year_id, list(COUNCILS))
    proposals = {OWN_CODE: PROPOSALS[0], **COUNCIL_PROPOSALS}
    for number, answering in ((1, list(proposals)), (2, [OWN_CODE, *list(proposals)[1:5]])):
        for code in answering:
            council = next(c for c in COUNCILS if c.id == code)
            lines = tuple(Line(g, float(s), float(d)) for g, (s, d) in proposals[code].items())
            decision = (
                None
                if code in UNDECIDED
                else DecisionNote(
                    f"Our proposal for round {number}", "passed", assembly.clock().isoformat(), 1
                )
            )
            data = proposal_file_bytes(
                ProposalFile(
                    Header(
                        name,
                        number,
                        Sender(code, council.name),
                        __version__,
                        assembly.clock().isoformat(),
                    ),
                    council.kind,
                    lines,
                    budget=BUDGETS.get(code),
                    members=120 if code in BUDGETS else None,
                    decision=decision,
                )
            )
            planning.ifb.import_proposal_file(year_id, data, f"{code}-round-{number}.json")
        if number == 1:
            planning.ifb.close_round(year_id)
    return year_id


def add_demo_consumer_year(assembly: AssemblyService, name: str = "2027 (Riverside)") -> int:
    """The year seen from the demo's consumer council: three round files, members' requests.

    Budgets come from the last remuneration period (four times each member's allowance), so
    the consumer screen shows members within and over their allowance, and the council's own
    public requests on top.
    """
    from pareconapp.services.planning import BudgetSource

    planning = assembly.planning
    council = assembly.members.councils(LocalCouncilKind.CONSUMER)[0]
    year_id = planning.create_year(
        YearFields(name, PlanningRole.CONSUMER, "riverside", council.name, council.id)
    )
    for number, round_file in enumerate(_round_files(name, random.Random(1)), 1):
        planning.import_round_file(
            year_id, round_file_bytes(round_file), f"plan-{name}-round-{number:02d}.round.json"
        )
    periods = assembly.remuneration.list_periods()
    if periods:
        planning.set_budget_source(year_id, BudgetSource(periods[-1].id, 4.0))
    for i, (member, _name) in enumerate(planning.consumer_budget(year_id).members):
        requests = [Line("bicycles", 0, 1 + (i % 3 == 0)), Line("repairs", 0, 4 + i % 5)]
        if i % 4 == 1:
            requests.append(Line("cargo-bikes", 0, 1))
        planning.set_member_requests(year_id, member, requests)
    planning.set_lines(year_id, [Line("cycle-paths", 0, 0.6), Line("cargo-bikes", 0, 2)])
    return year_id
