"""Instant-runoff voting with weighted ranked ballots.

Each round, every ballot counts its full weight for the highest-ranked option still in the
count; a ballot none of whose ranked options remains is exhausted. An option holding more
than half the weight still in play (not exhausted) wins. Otherwise the option with the least
weight is eliminated and the next round begins. A tie for last place goes to the tie rule
(the status quo rule eliminates all tied options together, favouring none); a tie between
all options left is a tie for the result. Every round is kept with its weighted totals and
head counts, what was eliminated, and how a tie was broken.

Instant-runoff does not always elect the Condorcet winner (Burlington, Vermont, 2009 is the
known case); the tests show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pareconapp.core.decisions.counting import check_kind, check_quorum, unless_no_quorum
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.ranked import RankedBallots, rank_ballots
from pareconapp.core.decisions.results import (
    Count,
    DecisionResult,
    OptionCount,
    Outcome,
    RunoffRound,
)
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
)
from pareconapp.core.decisions.ties import TieBreaker


def tally_instant_runoff(
    rule: DecisionRule,
    options: Sequence[str],
    ballots: Iterable[tuple[Number, Sequence[str]]],
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count weighted ranked ballots by instant-runoff.

    Args:
        rule: an ``INSTANT_RUNOFF`` rule with its settings.
        options: the alternatives.
        ballots: ``(weight, ranking)`` pairs, the ranking best first; partial rankings are
            allowed, an empty one abstains.
        attendance: the weight present when the ballot opened (needed for a quorum).
        tie_break: the casting choice or lot seed for ties.

    Returns:
        The result, with every round in ``rounds`` and first preferences in ``counts``.
        When a tie awaits the chair's casting choice the rounds stop there and the outcome
        is ``PENDING``.
    """
    check_kind(rule, RuleKind.INSTANT_RUNOFF)
    ranked = rank_ballots(options, ballots)
    breaker = TieBreaker(rule.ties, tie_break)
    runoff = _Runoff(ranked, breaker)
    outcome, winner = runoff.run()
    quorum = check_quorum(rule, attendance)
    outcome = unless_no_quorum(outcome, quorum)
    return DecisionResult(
        rule=rule,
        tie_break=tie_break,
        options=ranked.options,
        outcome=outcome,
        winner=winner if outcome is Outcome.PASSED else None,
        counts=ranked.first_preferences(),
        ballots=ranked.ballots,
        abstentions=ranked.blank,
        quorum=quorum,
        rounds=tuple(runoff.rounds),
        ties=tuple(breaker.records),
        classes=ranked.classes(),
    )


@dataclass
class _Runoff:
    ranked: RankedBallots
    breaker: TieBreaker

    def __post_init__(self) -> None:
        self.rounds: list[RunoffRound] = []
        self.continuing = list(self.ranked.options)

    def run(self) -> tuple[Outcome, str | None]:
        while True:
            number = len(self.rounds) + 1
            units, heads, exhausted = self._count()
            in_play = sum(units.values())
            leader = max(self.continuing, key=units.__getitem__)
            if in_play == 0:
                self._record(number, units, heads, exhausted, ())
                return Outcome.FAILED, None
            if 2 * units[leader] > in_play:
                self._record(number, units, heads, exhausted, ())
                return Outcome.PASSED, leader
            least = min(units.values())
            last = [option for option in self.continuing if units[option] == least]
            if len(last) == len(self.continuing):
                winner = self.breaker.choose_winner(last, number)
                self._record(number, units, heads, exhausted, ())
                return self._settled(winner)
            out = (last[0],) if len(last) == 1 else self.breaker.choose_eliminated(last, number)
            self._record(number, units, heads, exhausted, out or ())
            if out is None:
                return Outcome.PENDING, None
            self.continuing = [option for option in self.continuing if option not in out]

    def _count(self) -> tuple[dict[str, int], dict[str, int], tuple[int, int]]:
        units = dict.fromkeys(self.continuing, 0)
        heads = dict.fromkeys(self.continuing, 0)
        exhausted_units = exhausted_heads = 0
        for ranking, (group_units, group_heads) in self.ranked.groups.items():
            top = next((option for option in ranking if option in units), None)
            if top is None:
                exhausted_units += group_units
                exhausted_heads += group_heads
            else:
                units[top] += group_units
                heads[top] += group_heads
        return units, heads, (exhausted_units, exhausted_heads)

    def _record(
        self,
        number: int,
        units: dict[str, int],
        heads: dict[str, int],
        exhausted: tuple[int, int],
        eliminated: tuple[str, ...],
    ) -> None:
        weight = self.ranked.weight
        records = self.breaker.records
        tie = records[-1] if records and records[-1].round_number == number else None
        self.rounds.append(
            RunoffRound(
                number=number,
                totals=tuple(
                    OptionCount(option, weight(units[option]), heads[option])
                    for option in self.continuing
                ),
                exhausted=Count(weight(exhausted[0]), exhausted[1]),
                eliminated=eliminated,
                tie=tie,
            )
        )

    def _settled(self, winner: str | None) -> tuple[Outcome, str | None]:
        if self.breaker.pending:
            return Outcome.PENDING, None
        return (Outcome.PASSED, winner) if winner is not None else (Outcome.FAILED, None)
