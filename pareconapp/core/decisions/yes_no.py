"""Weighted simple majority and weighted super-majority on yes / no / abstain ballots.

With weights w_i and threshold tau (product.md): a super-majority passes when
``sum(w_i over yes) >= tau * sum(w_i over counted votes)``. A simple majority is the
ordinary "more yes than no": it passes when the yes weight is *more* than half the counted
weight, and a yes weight of exactly half is a tie, settled by the tie rule (the status quo
fails it). Which votes are counted depends on the abstention rule. A count with no counted
weight at all fails. All arithmetic is exact, so 2 of 3 equal voters reach 2/3.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from pareconapp.core.decisions.ballots import YesNo, counted_ballots
from pareconapp.core.decisions.counting import (
    check_kind,
    check_quorum,
    count_choices,
    count_classes,
    count_of,
    total,
    unless_no_quorum,
)
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.results import DecisionResult, Outcome
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    AbstentionRule,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
)
from pareconapp.core.decisions.ties import TieBreaker

YES_NO_CHOICES = tuple(choice.value for choice in YesNo)


def tally_yes_no(
    rule: DecisionRule,
    ballots: Iterable[tuple[Number, YesNo]],
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count a weighted simple-majority or super-majority vote.

    Args:
        rule: a ``SIMPLE_MAJORITY`` or ``SUPER_MAJORITY`` rule with its settings.
        ballots: ``(weight, YesNo)`` pairs; weight-0 ballots are dropped.
        attendance: the weight present when the ballot opened (needed for a quorum).
        tie_break: the chair's casting choice (``("yes",)`` or ``("no",)``) or the lot seed,
            used only for a tied simple majority under those tie rules.

    Returns:
        The result; ``counted`` holds the denominator and ``required_weight`` the yes
        weight needed (more than it for a simple majority, at least it otherwise).
    """
    check_kind(rule, RuleKind.SIMPLE_MAJORITY, RuleKind.SUPER_MAJORITY)
    counted_votes = [(w, YesNo(choice)) for w, choice in counted_ballots(ballots)]
    counts = count_choices(counted_votes, _label, YES_NO_CHOICES)
    yes, no, abstain = (count_of(counts, choice) for choice in YES_NO_CHOICES)
    counted = yes + no + abstain if rule.abstentions is AbstentionRule.COUNT_AS_NO else yes + no
    breaker = TieBreaker(rule.ties, tie_break)
    if rule.kind is RuleKind.SIMPLE_MAJORITY:
        required = counted.weight / 2
        outcome = _simple_majority(yes.weight, counted.weight, breaker)
    else:
        required = (rule.threshold or Fraction(1)) * counted.weight
        passed = counted.weight > 0 and yes.weight >= required
        outcome = Outcome.PASSED if passed else Outcome.FAILED
    quorum = check_quorum(rule, attendance)
    return DecisionResult(
        rule=rule,
        tie_break=tie_break,
        options=(YesNo.YES.value, YesNo.NO.value),
        outcome=unless_no_quorum(outcome, quorum),
        winner=None,
        counts=counts,
        ballots=total(counted_votes),
        abstentions=abstain,
        counted=counted,
        required_weight=required,
        quorum=quorum,
        ties=tuple(breaker.records),
        classes=count_classes(counted_votes, _label, YES_NO_CHOICES),
    )


def _simple_majority(yes: Fraction, counted: Fraction, breaker: TieBreaker) -> Outcome:
    against = counted - yes
    if counted == 0 or yes < against:
        return Outcome.FAILED
    if yes > against:
        return Outcome.PASSED
    winner = breaker.choose_winner((YesNo.YES.value, YesNo.NO.value))
    if breaker.pending:
        return Outcome.PENDING
    return Outcome.PASSED if winner == YesNo.YES.value else Outcome.FAILED


def _label(choice: YesNo) -> tuple[str]:
    return (choice.value,)
