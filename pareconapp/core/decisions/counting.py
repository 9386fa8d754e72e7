"""Counting steps every rule shares: totals, counts per choice and per class, the quorum."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.results import (
    ZERO,
    ClassTally,
    Count,
    OptionCount,
    Outcome,
    QuorumCheck,
)
from pareconapp.core.decisions.rules import Attendance, DecisionRule, RuleKind

C = TypeVar("C", bound=Hashable)

Weight = Fraction | int
"""A ballot weight: a fraction, or a whole number of units."""

ONE = Fraction(1)

Labels = Callable[[C], Iterable[str]]
"""The choices a ballot counts for in the table of counts (e.g. each approved option)."""


def check_kind(rule: DecisionRule, *kinds: RuleKind) -> None:
    """Refuse a rule the tally function was not written for (a programming error)."""
    if rule.kind not in kinds:
        raise ValueError(f"a {rule.kind} decision cannot be counted as {kinds}")


def total(ballots: Iterable[tuple[Weight, Hashable]], unit: Fraction = ONE) -> Count:
    """The weight and head count of ``ballots`` (weights in multiples of ``unit``)."""
    weight: Weight = 0
    heads = 0
    for (ballot_weight, _), times in Counter(ballots).items():
        weight += ballot_weight * times
        heads += times
    return Count(weight * unit, heads)


def count_choices(
    ballots: Iterable[tuple[Weight, C]],
    labels: Labels[C],
    order: Sequence[str],
    unit: Fraction = ONE,
) -> tuple[OptionCount, ...]:
    """Weight and head count per choice, listed in ``order`` (every choice, even at zero).

    Weights may be fractions, or whole multiples of ``unit`` (faster for many ballots).
    """
    # Many ballots share a weight and a choice: count each pair once.
    return _count_pairs(Counter(ballots).items(), labels, order, unit)


def count_classes(
    ballots: Iterable[tuple[Weight, C]],
    labels: Labels[C],
    order: Sequence[str],
    unit: Fraction = ONE,
) -> tuple[ClassTally, ...]:
    """The count per weight class (ballots sharing a weight), heaviest class first."""
    classes: dict[Weight, list[tuple[tuple[Weight, C], int]]] = defaultdict(list)
    for pair, times in Counter(ballots).items():
        classes[pair[0]].append((pair, times))
    return tuple(
        ClassTally(
            weight * unit,
            sum(times for _, times in pairs),
            _count_pairs(pairs, labels, order, unit),
        )
        for weight, pairs in sorted(classes.items(), key=lambda item: item[0], reverse=True)
    )


def _count_pairs(
    pairs: Iterable[tuple[tuple[Weight, C], int]],
    labels: Labels[C],
    order: Sequence[str],
    unit: Fraction,
) -> tuple[OptionCount, ...]:
    weight: dict[str, Weight] = defaultdict(int)
    heads: dict[str, int] = defaultdict(int)
    for (ballot_weight, choice), times in pairs:
        for label in labels(choice):
            weight[label] += ballot_weight * times
            heads[label] += times
    return tuple(OptionCount(label, weight[label] * unit, heads[label]) for label in order)


def count_of(counts: Sequence[OptionCount], option: str) -> Count:
    """The count of ``option`` in ``counts`` (zero when it is not there)."""
    for count in counts:
        if count.option == option:
            return Count(count.weight, count.head_count)
    return ZERO


def check_quorum(rule: DecisionRule, attendance: Attendance | None) -> QuorumCheck | None:
    """The quorum check of a count, or ``None`` when there is neither quorum nor attendance.

    Raises:
        ValueError: the rule requires a quorum but no attendance was given.
    """
    if attendance is None:
        if rule.quorum > 0:
            raise ValueError("a rule with a quorum needs the attendance")
        return None
    return QuorumCheck(rule.quorum, attendance)


def unless_no_quorum(outcome: Outcome, quorum: QuorumCheck | None) -> Outcome:
    """``Outcome.NO_QUORUM`` when the quorum was not met, else ``outcome``."""
    return Outcome.NO_QUORUM if quorum is not None and not quorum.met else outcome
