"""Weighted plurality and weighted approval between alternatives.

Plurality: each ballot names one alternative (or abstains) and carries its weight to it.
Approval: each ballot approves any number of alternatives and carries its full weight to
each. The alternative with the most weight wins; a tie for the most goes to the tie rule.
A count in which no alternative received any weight chooses none.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.ballots import check_options, counted_ballots, unknown_option
from pareconapp.core.decisions.counting import (
    Labels,
    check_kind,
    check_quorum,
    count_choices,
    count_classes,
    total,
    unless_no_quorum,
)
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.results import Count, DecisionResult, OptionCount, Outcome
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
)
from pareconapp.core.decisions.ties import TieBreaker

C = TypeVar("C", bound=Hashable)


def tally_plurality(
    rule: DecisionRule,
    options: Sequence[str],
    ballots: Iterable[tuple[Number, str | None]],
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count a weighted plurality vote; a ballot of ``None`` abstains.

    Raises:
        UserError: a ballot names an option the decision does not have.
    """
    check_kind(rule, RuleKind.PLURALITY)
    names = check_options(options)
    votes = counted_ballots(ballots)
    for _, choice in votes:
        if choice is not None and choice not in names:
            raise unknown_option(choice)
    blank = total((w, c) for w, c in votes if c is None)
    return _most_weight(
        rule=rule,
        names=names,
        votes=votes,
        labels=_plurality_label,
        blank=blank,
        attendance=attendance,
        tie_break=tie_break,
    )


def tally_approval(
    rule: DecisionRule,
    options: Sequence[str],
    ballots: Iterable[tuple[Number, Collection[str]]],
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count a weighted approval vote; a ballot approving nothing abstains.

    Raises:
        UserError: a ballot approves an option the decision does not have.
    """
    check_kind(rule, RuleKind.APPROVAL)
    names = check_options(options)
    votes = [(w, frozenset(approved)) for w, approved in counted_ballots(ballots)]
    for _, approved in votes:
        for choice in approved - set(names):
            raise unknown_option(choice)
    blank = total((w, c) for w, c in votes if not c)
    return _most_weight(
        rule=rule,
        names=names,
        votes=votes,
        labels=sorted,
        blank=blank,
        attendance=attendance,
        tie_break=tie_break,
    )


def _most_weight(
    *,
    rule: DecisionRule,
    names: tuple[str, ...],
    votes: Sequence[tuple[Fraction, C]],
    labels: Labels[C],
    blank: Count,
    attendance: Attendance | None,
    tie_break: TieBreak,
) -> DecisionResult:
    counts = count_choices(votes, labels, names)
    breaker = TieBreaker(rule.ties, tie_break)
    winner, outcome = choose_most_weight(counts, breaker)
    quorum = check_quorum(rule, attendance)
    outcome = unless_no_quorum(outcome, quorum)
    return DecisionResult(
        rule=rule,
        tie_break=tie_break,
        options=names,
        outcome=outcome,
        winner=winner if outcome is Outcome.PASSED else None,
        counts=counts,
        ballots=total(votes),
        abstentions=blank,
        quorum=quorum,
        ties=tuple(breaker.records),
        classes=count_classes(votes, labels, names),
    )


def _plurality_label(choice: str | None) -> tuple[str, ...]:
    return () if choice is None else (choice,)


def choose_most_weight(
    counts: Sequence[OptionCount], breaker: TieBreaker
) -> tuple[str | None, Outcome]:
    """The option with the most weight, and the outcome; ties go to the tie rule."""
    top = max(count.weight for count in counts)
    if top == 0:
        return None, Outcome.FAILED
    leaders = [count.option for count in counts if count.weight == top]
    winner = leaders[0] if len(leaders) == 1 else breaker.choose_winner(leaders)
    if breaker.pending:
        return None, Outcome.PENDING
    return winner, Outcome.PASSED if winner is not None else Outcome.FAILED
