"""The Schulze method with weighted ranked ballots.

Method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
Condorcet-consistent single-winner election method", Social Choice and Welfare 36, 2011):
d[X][Y] is the weight of ballots ranking X above Y. A link X -> Y has strength d[X][Y] when
d[X][Y] > d[Y][X] (winning votes) and does not exist otherwise; p[X][Y] is the strength of the
strongest path from X to Y, the strength of a path being that of its weakest link. X is a
potential winner when p[X][Y] >= p[Y][X] for every other Y. One potential winner wins; several
go to the tie rule. With equal weights this is the ordinary Schulze method, and a Condorcet
winner (preferred to every other option by more weight than the reverse) always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pareconapp.core.decisions.counting import check_kind, check_quorum, unless_no_quorum
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.ranked import Ranking, rank_ballots
from pareconapp.core.decisions.results import DecisionResult, Outcome, PairwiseTable
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
)
from pareconapp.core.decisions.ties import TieBreaker

Matrix = list[list[int]]


def tally_schulze(
    rule: DecisionRule,
    options: Sequence[str],
    ballots: Iterable[tuple[Number, Sequence[str]]],
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count weighted ranked ballots by the Schulze method.

    Args:
        rule: a ``SCHULZE`` rule with its settings.
        options: the alternatives.
        ballots: ``(weight, ranking)`` pairs, the ranking best first; partial rankings are
            allowed (see :mod:`~pareconapp.core.decisions.ranked`), an empty one abstains.
        attendance: the weight present when the ballot opened (needed for a quorum).
        tie_break: the casting choice or lot seed, used when several options are potential
            winners.

    Returns:
        The result, with the pairwise matrix and strongest paths in ``pairwise`` and the
        first preferences in ``counts``.
    """
    check_kind(rule, RuleKind.SCHULZE)
    ranked = rank_ballots(options, ballots)
    names = ranked.options
    preferences = pairwise_preferences(names, ranked.groups)
    paths = strongest_paths(preferences)
    breaker = TieBreaker(rule.ties, tie_break)
    winner: str | None = None
    if ranked.ranked_units == 0:
        outcome = Outcome.FAILED
    else:
        winners = [names[i] for i in potential_winners(paths)]
        winner = winners[0] if len(winners) == 1 else breaker.choose_winner(winners)
        if breaker.pending:
            outcome = Outcome.PENDING
        else:
            outcome = Outcome.PASSED if winner is not None else Outcome.FAILED
    quorum = check_quorum(rule, attendance)
    outcome = unless_no_quorum(outcome, quorum)
    return DecisionResult(
        rule=rule,
        tie_break=tie_break,
        options=names,
        outcome=outcome,
        winner=winner if outcome is Outcome.PASSED else None,
        counts=ranked.first_preferences(),
        ballots=ranked.ballots,
        abstentions=ranked.blank,
        quorum=quorum,
        pairwise=PairwiseTable(
            options=names,
            preferences=tuple(tuple(map(ranked.weight, row)) for row in preferences),
            strongest_paths=tuple(tuple(map(ranked.weight, row)) for row in paths),
        ),
        ties=tuple(breaker.records),
        classes=ranked.classes(),
    )


def pairwise_preferences(
    options: Sequence[str], groups: Mapping[Ranking, tuple[int, int]]
) -> Matrix:
    """d[i][j]: the weight (in units) of ballots ranking option i above option j.

    A ranked option is above every option the ballot leaves unranked.
    """
    index = {option: i for i, option in enumerate(options)}
    size = len(options)
    preferences = [[0] * size for _ in range(size)]
    for ranking, (units, _) in groups.items():
        ranked = [index[option] for option in ranking]
        unranked = sorted(set(range(size)) - set(ranked))
        for position, above in enumerate(ranked):
            row = preferences[above]
            for below in ranked[position + 1 :]:
                row[below] += units
            for below in unranked:
                row[below] += units
    return preferences


def strongest_paths(preferences: Sequence[Sequence[int]]) -> Matrix:
    """p[i][j]: the strength of the strongest path from i to j (Floyd-Warshall, widest path)."""
    size = len(preferences)
    paths = [
        [
            preferences[i][j] if i != j and preferences[i][j] > preferences[j][i] else 0
            for j in range(size)
        ]
        for i in range(size)
    ]
    for k in range(size):
        row_k = paths[k]
        for i in range(size):
            if i == k or paths[i][k] == 0:
                continue
            row_i, via_k = paths[i], paths[i][k]
            for j in range(size):
                if j not in (i, k):
                    row_i[j] = max(row_i[j], min(via_k, row_k[j]))
    return paths


def potential_winners(paths: Sequence[Sequence[int]]) -> list[int]:
    """The indices i with p[i][j] >= p[j][i] for every other j (never empty)."""
    size = len(paths)
    return [
        i for i in range(size) if all(paths[i][j] >= paths[j][i] for j in range(size) if j != i)
    ]
