"""Minutes of a full-day meeting: 40 agenda items, 20 decisions, 200 voters, charts.

The meeting is built through the services in a temporary assembly file (every ballot cast
as the kiosk casts it), then the minutes are built once and written in every format. The
goal (product card): the PDF in under 2 s, document model included.

    python bench/minutes.py [--members 200] [--items 40] [--decisions 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pareconapp.core.decisions import (
    ConsensusStance,
    ConsensusVote,
    DecisionRule,
    RuleKind,
    YesNo,
    impacts_from_levels,
)
from pareconapp.core.decisions.ballots import Choice
from pareconapp.core.meetings import AgendaKind
from pareconapp.exports.formats import ExportFormat, export_minutes
from pareconapp.exports.qt_app import gui_application
from pareconapp.exports.qt_locale import QtLocalizer
from pareconapp.services.actions import ActionFields
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.services.members import MemberFields
from pareconapp.store.models import BallotMode, CouncilKind

GOAL_SECONDS = 2.0
TEAMS = ("Repair shop", "Frame building", "Shop & logistics", "Wheels", "Office")
LEVELS = ("low", "medium", "high")
OPTIONS = ("North site", "River site", "Old depot", "Stay where we are")
RULES = (
    (RuleKind.SIMPLE_MAJORITY, BallotMode.SECRET),
    (RuleKind.SUPER_MAJORITY, BallotMode.SHOW_OF_HANDS),
    (RuleKind.CONSENSUS, BallotMode.ROLL_CALL),
    (RuleKind.SCHULZE, BallotMode.ROLL_CALL),
    (RuleKind.INSTANT_RUNOFF, BallotMode.SECRET),
    (RuleKind.PLURALITY, BallotMode.ROLL_CALL),
    (RuleKind.APPROVAL, BallotMode.SHOW_OF_HANDS),
)
NOTES = (
    "<p>The team reported on the quarter: <b>repairs up 12 %</b>, waiting list down to "
    "nine days. Two members asked how the new intake rota shares the early shifts.</p>"
    "<ul><li>Tyre stock is reordered weekly.</li><li>The van needs new brakes.</li></ul>"
)


def build_meeting(path: Path, members: int, items: int, decisions: int, seed: int) -> int:
    """Write a full-day meeting into a new assembly at ``path``; return its id."""
    rng = random.Random(seed)
    clock = ManualClock(datetime(2026, 6, 6, 8, 0, tzinfo=UTC))
    assembly = AssemblyService.create(path, "Bench Cooperative", clock=clock)
    try:
        worker = assembly.members.add_council("Workers' council", CouncilKind.WORKER)
        teams = [assembly.members.add_council(t, CouncilKind.TEAM, worker) for t in TEAMS]
        ids = [
            assembly.members.add_member(
                MemberFields(f"Member {n:03d}", f"Member {n:03d}", team_id=teams[n % len(teams)])
            ).id
            for n in range(members)
        ]
        team_of = {member: n % len(teams) for n, member in enumerate(ids)}
        meeting = assembly.meetings.create_meeting(
            MeetingFields("Annual general assembly", clock(), "Main hall", (ids[0], ids[1]), ids[2])
        )
        item_ids = [
            assembly.meetings.add_item(
                meeting,
                ItemFields(
                    f"Item {n + 1}: " + ("decision" if n % 2 else "report and discussion"),
                    AgendaKind.DECISION if n % 2 else AgendaKind.DISCUSSION,
                    10,
                    ids[n % members],
                    NOTES,
                    "Agreed to come back to it next month." if n % 3 == 0 else "",
                ),
            )
            for n in range(items)
        ]
        assembly.meetings.start_meeting(meeting)
        for member in ids:
            if rng.random() < 0.93:
                assembly.attendance.check_in(meeting, member)
        for n in range(decisions):
            clock.advance(minutes=15)
            _decide(assembly, meeting, item_ids[(2 * n + 1) % items], n, ids, team_of, rng)
        for n in range(items):
            assembly.actions.add(
                meeting,
                ActionFields(
                    ids[(7 * n) % members], f"Follow up on item {n + 1}", None, item_ids[n]
                ),
            )
        clock.advance(minutes=30)
        assembly.meetings.end_meeting(meeting)
        return meeting
    finally:
        assembly.close()


def _decide(
    assembly: AssemblyService,
    meeting: int,
    item: int,
    n: int,
    ids: list[int],
    team_of: dict[int, int],
    rng: random.Random,
) -> None:
    kind, mode = RULES[n % len(RULES)]
    rule = DecisionRule(kind, threshold=Fraction(2, 3) if kind is RuleKind.SUPER_MAJORITY else None)
    options = OPTIONS if kind.chooses_alternative else ()
    decision = assembly.decisions.create(
        DecisionFields(
            f"Decision {n + 1}: {kind.value.replace('_', ' ')}",
            "<p>The assembly decides the matter as proposed by the working group, "
            "with the costs shared as set out in the annex.</p>",
            options,
            rule,
            mode,
            mode is BallotMode.SECRET and n % 3 == 0,
            meeting,
            item,
        )
    )
    levels = {m: LEVELS[(team_of[m] + n) % len(LEVELS)] for m in ids}
    assembly.decisions.assess(
        decision,
        ImpactInput(
            "levels",
            impacts_from_levels({m: _level(v) for m, v in levels.items()}),
            "Teams are affected as the working group assessed; see the annex.",
            entered={"method": "levels", "members": {str(m): v for m, v in levels.items()}},
        ),
    )
    if mode is BallotMode.SECRET and assembly.decisions.secrecy_report(decision).small:
        assembly.decisions.merge_small_classes(decision)
    assembly.decisions.open_ballot(decision)
    if mode is BallotMode.SHOW_OF_HANDS:
        counts: dict[tuple[int, str], int] = {}
        for index, group in enumerate(assembly.decisions.hand_classes(decision)):
            yes = int(group.size * rng.uniform(0.5, 0.8))
            if kind is RuleKind.APPROVAL:
                counts[(index, '["North site", "Old depot"]')] = yes
                counts[(index, '["River site"]')] = group.size - yes
            else:
                counts[(index, '"yes"')] = yes
                counts[(index, '"no"')] = group.size - yes
        assembly.decisions.set_hand_counts(decision, counts)
    else:
        for voter in assembly.decisions.voters(decision):
            if voter.may_vote:
                choice = _choice(kind, rng)
                if mode is BallotMode.SECRET:
                    assembly.decisions.cast_secret(decision, voter.member_id, choice)
                else:
                    assembly.decisions.cast_roll_call(decision, voter.member_id, choice)
    assembly.decisions.close_ballot(decision)


def _level(value: str) -> object:
    from pareconapp.core.decisions import ImpactLevel

    return ImpactLevel(value)


def _choice(kind: RuleKind, rng: random.Random) -> Choice:
    if kind.is_yes_no:
        return rng.choices((YesNo.YES, YesNo.NO, YesNo.ABSTAIN), (6, 3, 1))[0]
    if kind is RuleKind.CONSENSUS:
        if rng.random() < 0.05:
            return ConsensusVote(ConsensusStance.STAND_ASIDE, "Not convinced by the costs.")
        return ConsensusVote(ConsensusStance.AGREE)
    if kind is RuleKind.PLURALITY:
        return rng.choice(OPTIONS)
    if kind is RuleKind.APPROVAL:
        return frozenset(rng.sample(OPTIONS, rng.randint(1, 2)))
    ranking = list(OPTIONS)
    rng.shuffle(ranking)
    return tuple(ranking[: rng.randint(1, len(OPTIONS))])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--decisions", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    gui_application()
    with tempfile.TemporaryDirectory(prefix="pareconapp-minutes-bench-") as folder:
        path = Path(folder) / "bench.parecon"
        started = time.perf_counter()
        meeting = build_meeting(path, args.members, args.items, args.decisions, args.seed)
        print(
            f"built the meeting ({args.items} items, {args.decisions} decisions, "
            f"{args.members} members) in {time.perf_counter() - started:.1f} s"
        )
        assembly = AssemblyService.open(path)
        loc = QtLocalizer()
        try:
            times: dict[str, list[float]] = {"document": []}
            pages = 0
            for _ in range(args.runs):
                started = time.perf_counter()
                document = assembly.minutes.document(meeting, loc)
                built = time.perf_counter() - started
                times["document"].append(built)
                for fmt in ExportFormat:
                    target = Path(folder) / f"minutes{fmt.suffix}"
                    started = time.perf_counter()
                    export_minutes(document, fmt, target)
                    elapsed = time.perf_counter() - started
                    times.setdefault(fmt.value, []).append(elapsed)
                    if fmt is ExportFormat.PDF:
                        times.setdefault("pdf incl. document", []).append(elapsed + built)
            from pareconapp.exports.pdf import write_pdf

            pages = write_pdf(document, Path(folder) / "count.pdf")
        finally:
            assembly.close()
    print(f"PDF: {pages} pages")
    for name, values in times.items():
        print(f"{name:>20}: median {statistics.median(values):.3f} s (of {len(values)} runs)")
    pdf = statistics.median(times["pdf incl. document"])
    verdict = "met" if pdf < GOAL_SECONDS else "NOT met"
    print(f"goal: PDF including the document model under {GOAL_SECONDS:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
