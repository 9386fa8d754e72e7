"""Schulze and instant-runoff: published tabulations and hand-computed weighted cases."""

from collections.abc import Mapping
from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    DecisionRule,
    Outcome,
    RuleKind,
    TieBreak,
    TieRule,
    TieStage,
    draw_lot,
    tally_instant_runoff,
    tally_schulze,
)
from pareconapp.core.i18n import UserError

SCHULZE = DecisionRule(RuleKind.SCHULZE)
IRV = DecisionRule(RuleKind.INSTANT_RUNOFF)

Profile = Mapping[tuple[str, ...], int]


def one_vote_each(profile: Profile) -> list[tuple[int, tuple[str, ...]]]:
    return [(1, ranking) for ranking, voters in profile.items() for _ in range(voters)]


# The Schulze method's worked example: 45 voters, 5 candidates, as given in the Wikipedia
# article "Schulze method" (section "Example"), which takes it from Schulze's papers.
SCHULZE_45: Profile = {
    tuple("ACBED"): 5,
    tuple("ADECB"): 5,
    tuple("BEDAC"): 8,
    tuple("CABED"): 3,
    tuple("CAEBD"): 7,
    tuple("CBADE"): 2,
    tuple("DCEBA"): 7,
    tuple("EBADC"): 8,
}


def test_schulze_45_voter_example_matches_the_published_matrices() -> None:
    result = tally_schulze(SCHULZE, "ABCDE", one_vote_each(SCHULZE_45))
    table = result.pairwise
    assert table is not None
    # d[X, Y] and p[X, Y] as published (rows X = A..E, columns Y = A..E).
    assert [[int(v) for v in row] for row in table.preferences] == [
        [0, 20, 26, 30, 22],
        [25, 0, 16, 33, 18],
        [19, 29, 0, 17, 24],
        [15, 12, 28, 0, 14],
        [23, 27, 21, 31, 0],
    ]
    assert [[int(v) for v in row] for row in table.strongest_paths] == [
        [0, 28, 28, 30, 24],
        [25, 0, 28, 33, 24],
        [25, 29, 0, 29, 24],
        [25, 28, 28, 0, 24],
        [25, 28, 28, 31, 0],
    ]
    assert result.winner == "E"
    assert table.condorcet_winner is None  # the example has a cycle


# Burlington, Vermont, mayoral election of 3 March 2009 (IRV). Ballots reduced to the three
# finalists, as summarised by Gierzynski, Hamilton and Smith, "Burlington Vermont 2009 IRV
# mayoral election" (rangevoting.org/Burlington.html), from the city's ballot files. The
# city's official count gave Kiss 2981, Wright 3294, Montroll 2554 after the first
# eliminations and Kiss 4313 to Wright 4061 in the last round; the public ballot file, which
# this summary counts, gives a few ballots more, as the pairwise table on electowiki
# ("2009 Burlington mayoral election": Montroll beats Kiss 4067-3477 and Wright 4597-3668,
# Kiss beats Wright 4314-4064) also shows.
BURLINGTON_2009: Profile = {
    ("Montroll", "Kiss", "Wright"): 1332,
    ("Montroll", "Wright", "Kiss"): 767,
    ("Montroll",): 455,
    ("Kiss", "Montroll", "Wright"): 2043,
    ("Kiss", "Wright", "Montroll"): 371,
    ("Kiss",): 568,
    ("Wright", "Montroll", "Kiss"): 1513,
    ("Wright", "Kiss", "Montroll"): 495,
    ("Wright",): 1289,
}
CANDIDATES = ("Kiss", "Montroll", "Wright")


def totals(round_: object) -> dict[str, int]:
    return {t.option: int(t.weight) for t in round_.totals}  # type: ignore[attr-defined]


def test_burlington_2009_instant_runoff_rounds() -> None:
    result = tally_instant_runoff(IRV, CANDIDATES, one_vote_each(BURLINGTON_2009))
    first, last = result.rounds
    assert totals(first) == {"Kiss": 2982, "Montroll": 2554, "Wright": 3297}
    assert first.eliminated == ("Montroll",)
    assert totals(last) == {"Kiss": 4314, "Wright": 4064}
    assert last.exhausted.head_count == 455  # Montroll-only ballots
    assert result.winner == "Kiss"


def test_burlington_2009_schulze_elects_the_condorcet_winner_irv_missed() -> None:
    result = tally_schulze(SCHULZE, CANDIDATES, one_vote_each(BURLINGTON_2009))
    table = result.pairwise
    assert table is not None
    assert table.preference("Montroll", "Kiss") == 4067
    assert table.preference("Kiss", "Montroll") == 3477
    assert table.preference("Montroll", "Wright") == 4597
    assert table.preference("Wright", "Montroll") == 3668
    assert table.preference("Kiss", "Wright") == 4314
    assert table.condorcet_winner == "Montroll"
    assert result.winner == "Montroll"


# Wikipedia's Tennessee capital example ("Instant-runoff voting", "Condorcet method"): voters
# near each city, in per cent, rank the cities by distance.
TENNESSEE: Profile = {
    ("Memphis", "Nashville", "Chattanooga", "Knoxville"): 42,
    ("Nashville", "Chattanooga", "Knoxville", "Memphis"): 26,
    ("Chattanooga", "Knoxville", "Nashville", "Memphis"): 15,
    ("Knoxville", "Chattanooga", "Nashville", "Memphis"): 17,
}
CITIES = ("Memphis", "Nashville", "Chattanooga", "Knoxville")


def test_tennessee_instant_runoff_elects_knoxville_in_three_rounds() -> None:
    result = tally_instant_runoff(IRV, CITIES, one_vote_each(TENNESSEE))
    assert [totals(r) for r in result.rounds] == [
        {"Memphis": 42, "Nashville": 26, "Chattanooga": 15, "Knoxville": 17},
        {"Memphis": 42, "Nashville": 26, "Knoxville": 32},
        {"Memphis": 42, "Knoxville": 58},
    ]
    assert [r.eliminated for r in result.rounds] == [("Chattanooga",), ("Nashville",), ()]
    assert result.winner == "Knoxville"


def test_tennessee_schulze_elects_nashville_the_condorcet_winner() -> None:
    result = tally_schulze(SCHULZE, CITIES, one_vote_each(TENNESSEE))
    assert result.pairwise is not None
    assert result.pairwise.condorcet_winner == "Nashville"
    assert result.winner == "Nashville"


def test_weighted_instant_runoff_by_hand() -> None:
    # Weights 3/10 A>B, 1/5 B>A, 1/4 C>B, 1/4 C alone. Round 1: A 3/10, B 1/5, C 1/2: nobody
    # over half of 1. B goes; its 1/5 moves to A: A 1/2, C 1/2 -> a tie for the result.
    ballots = [
        (Fraction(3, 10), ("A", "B")),
        (Fraction(1, 5), ("B", "A")),
        (Fraction(1, 4), ("C", "B")),
        (Fraction(1, 4), ("C",)),
    ]
    result = tally_instant_runoff(IRV, "ABC", ballots)
    assert [r.eliminated for r in result.rounds] == [("B",), ()]
    assert result.rounds[1].totals[0].weight == Fraction(1, 2)
    assert result.outcome is Outcome.FAILED  # status quo: a tie chooses nothing
    assert result.ties[0].stage is TieStage.RESULT
    # A heavier A>B ballot breaks the tie.
    ballots[0] = (Fraction(31, 100), ("A", "B"))
    assert tally_instant_runoff(IRV, "ABC", ballots).winner == "A"


def test_partial_rankings_exhaust_in_instant_runoff() -> None:
    ballots = [
        (Fraction(2, 5), ("A",)),
        (Fraction(1, 5), ("B", "C")),
        (Fraction(1, 5), ("C", "B")),
        (Fraction(1, 5), ("B",)),
    ]
    result = tally_instant_runoff(IRV, "ABC", ballots)
    # Round 1: A 2/5, B 2/5, C 1/5 -> C goes to B: A 2/5, B 3/5.
    assert result.winner == "B"
    assert result.rounds[1].exhausted.weight == 0
    ballots = [
        (Fraction(2, 5), ("A",)),
        (Fraction(1, 5), ("B",)),
        (Fraction(1, 5), ("C",)),
        (Fraction(1, 5), ("B",)),
    ]
    result = tally_instant_runoff(IRV, "ABC", ballots)
    assert result.rounds[1].exhausted.weight == Fraction(1, 5)
    assert result.winner is None  # 2/5 each: tied, status quo


def test_partial_rankings_in_schulze_prefer_ranked_over_unranked() -> None:
    result = tally_schulze(SCHULZE, "ABC", [(Fraction(1, 2), ("A",)), (Fraction(1, 3), ("B", "C"))])
    table = result.pairwise
    assert table is not None
    assert table.preference("A", "B") == Fraction(1, 2)
    assert table.preference("B", "A") == Fraction(1, 3)
    assert table.preference("B", "C") == Fraction(1, 3)
    assert table.preference("C", "B") == 0  # unranked C is not above ranked B
    assert table.preference("A", "C") == Fraction(1, 2)
    assert result.winner == "A"


def test_weighted_schulze_by_hand() -> None:
    # A cycle: A>B>C weighs 2/5, B>C>A 7/20, C>A>B 1/4.
    # d(A,B) = 2/5 + 1/4 = 13/20, d(B,C) = 2/5 + 7/20 = 3/4, d(C,A) = 7/20 + 1/4 = 3/5.
    # Weakest link of the cycle is C>A (3/5): A wins (p(A,C) = 13/20 > p(C,A) = 3/5).
    ballots = [
        (Fraction(2, 5), tuple("ABC")),
        (Fraction(7, 20), tuple("BCA")),
        (Fraction(1, 4), tuple("CAB")),
    ]
    result = tally_schulze(SCHULZE, "ABC", ballots)
    table = result.pairwise
    assert table is not None
    assert table.strongest_path("A", "C") == Fraction(13, 20)
    assert table.strongest_path("C", "A") == Fraction(3, 5)
    assert result.winner == "A"
    # The same rankings with head counts only: one voter each, a perfect three-way tie.
    heads = tally_schulze(SCHULZE, "ABC", [(1, r) for _, r in ballots])
    assert heads.outcome is Outcome.FAILED
    assert heads.ties[0].tied == ("A", "B", "C")


def test_schulze_tie_goes_to_the_lot_with_a_recorded_seed() -> None:
    rule = DecisionRule(RuleKind.SCHULZE, ties=TieRule.LOT)
    ballots = [(1, ("A", "B")), (1, ("B", "A"))]
    result = tally_schulze(rule, "AB", ballots, tie_break=TieBreak(lot_seed=2009))
    assert result.winner == draw_lot(2009, 0, ["A", "B"])
    assert result.ties[0].lot_draw == 0


def test_instant_runoff_elimination_ties() -> None:
    # A 3, B 1, C 1, D 2 (one vote each, rankings below): B and C tie for last place.
    ballots = [
        (1, ("A",)),
        (1, ("A",)),
        (1, ("A",)),
        (1, ("B", "D")),
        (1, ("C", "D")),
        (1, ("D",)),
        (1, ("D",)),
    ]
    status_quo = tally_instant_runoff(IRV, "ABCD", ballots)
    assert status_quo.rounds[0].eliminated == ("B", "C")  # both go, favouring neither
    assert status_quo.rounds[0].tie is not None
    assert status_quo.winner == "D"  # D 4 of 7
    casting = DecisionRule(RuleKind.INSTANT_RUNOFF, ties=TieRule.CASTING_CHOICE)
    pending = tally_instant_runoff(casting, "ABCD", ballots)
    assert pending.outcome is Outcome.PENDING
    assert len(pending.rounds) == 1
    assert pending.pending_tie is not None
    assert pending.pending_tie.tied == ("B", "C")
    # The chair prefers B to C, so C is eliminated; then B (1) goes, D reaches 4 of 7.
    decided = tally_instant_runoff(casting, "ABCD", ballots, tie_break=TieBreak(("B",)))
    assert [r.eliminated for r in decided.rounds] == [("C",), ("B",), ()]
    assert decided.winner == "D"


def test_options_nobody_ranked_are_eliminated_first() -> None:
    result = tally_instant_runoff(IRV, "ABCD", [(2, ("A",)), (1, ("B",))])
    assert result.winner == "A"
    assert result.rounds[0].totals[2].weight == 0


def test_no_ranked_ballots_choose_nothing() -> None:
    for tally in (tally_instant_runoff, tally_schulze):
        rule = IRV if tally is tally_instant_runoff else SCHULZE
        result = tally(rule, "AB", [(1, ())])
        assert result.outcome is Outcome.FAILED
        assert result.abstentions.head_count == 1


def test_bad_rankings_are_refused() -> None:
    with pytest.raises(UserError, match="twice"):
        tally_schulze(SCHULZE, "AB", [(1, ("A", "A"))])
    with pytest.raises(UserError, match="'Z'"):
        tally_instant_runoff(IRV, "AB", [(1, ("A", "Z"))])


def test_ranked_counts_per_class_are_first_preferences() -> None:
    ballots = [(Fraction(1, 4), ("A", "B")), (Fraction(1, 4), ("B",)), (Fraction(1, 2), ("A",))]
    result = tally_schulze(SCHULZE, "AB", ballots)
    quarter = next(c for c in result.classes if c.weight == Fraction(1, 4))
    assert [(c.option, c.head_count) for c in quarter.counts] == [("A", 1), ("B", 1)]
