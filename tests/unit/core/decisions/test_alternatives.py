"""Weighted plurality and approval on hand-computed cases."""

from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    DecisionRule,
    Outcome,
    RuleKind,
    TieBreak,
    TieRule,
    tally_approval,
    tally_plurality,
)
from pareconapp.core.i18n import UserError

PLURALITY = DecisionRule(RuleKind.PLURALITY)
APPROVAL = DecisionRule(RuleKind.APPROVAL)
OPTIONS = ("bikes", "van", "bus pass")


def test_plurality_counts_weight_and_heads_side_by_side() -> None:
    ballots = [
        (Fraction(1, 2), "van"),
        (Fraction(1, 6), "bikes"),
        (Fraction(1, 6), "bikes"),
        (Fraction(1, 6), None),
    ]
    result = tally_plurality(PLURALITY, OPTIONS, ballots)
    assert result.winner == "van"
    assert result.outcome is Outcome.PASSED
    assert [(c.option, c.weight, c.head_count) for c in result.counts] == [
        ("bikes", Fraction(1, 3), 2),
        ("van", Fraction(1, 2), 1),
        ("bus pass", Fraction(0), 0),
    ]
    assert result.abstentions.weight == Fraction(1, 6)
    assert result.ballots.head_count == 4


def test_plurality_tie_keeps_the_status_quo_or_asks_the_chair() -> None:
    ballots: list[tuple[Fraction, str | None]] = [
        (Fraction(1), "van"),
        (Fraction(1), "bikes"),
        (Fraction(1, 2), "bus pass"),
    ]
    result = tally_plurality(PLURALITY, OPTIONS, ballots)
    assert result.outcome is Outcome.FAILED
    assert result.winner is None
    assert result.ties[0].tied == ("bikes", "van")
    casting = DecisionRule(RuleKind.PLURALITY, ties=TieRule.CASTING_CHOICE)
    pending = tally_plurality(casting, OPTIONS, ballots)
    assert pending.outcome is Outcome.PENDING
    chosen = tally_plurality(casting, OPTIONS, ballots, tie_break=TieBreak(("bus pass", "van")))
    assert chosen.winner == "van"  # the chair's order decides among the tied options only


def test_plurality_with_no_votes_chooses_nothing() -> None:
    result = tally_plurality(PLURALITY, OPTIONS, [(1, None)])
    assert result.outcome is Outcome.FAILED
    assert result.winner is None
    assert result.ties == ()


def test_approval_gives_each_approved_option_the_full_weight() -> None:
    ballots = [
        (Fraction(2, 5), frozenset({"van"})),
        (Fraction(1, 5), frozenset({"bikes", "bus pass"})),
        (Fraction(1, 5), frozenset({"bikes", "bus pass"})),
        (Fraction(1, 5), frozenset({"bikes"})),
    ]
    result = tally_approval(APPROVAL, OPTIONS, ballots)
    assert result.winner == "bikes"
    assert result.count_of("bikes").weight == Fraction(3, 5)
    assert result.count_of("bus pass").weight == Fraction(2, 5)
    assert result.count_of("van").head_count == 1


def test_approval_of_nothing_is_an_abstention() -> None:
    result = tally_approval(APPROVAL, OPTIONS, [(1, frozenset()), (2, {"van"})])
    assert result.abstentions.head_count == 1
    assert result.winner == "van"


def test_unknown_options_and_bad_option_lists_are_refused() -> None:
    with pytest.raises(UserError, match="'tram'"):
        tally_plurality(PLURALITY, OPTIONS, [(1, "tram")])
    with pytest.raises(UserError, match="'tram'"):
        tally_approval(APPROVAL, OPTIONS, [(1, {"van", "tram"})])
    with pytest.raises(UserError, match="same name"):
        tally_plurality(PLURALITY, ("van", "van"), [])
    with pytest.raises(UserError, match="name"):
        tally_plurality(PLURALITY, (), [])


def test_approval_counts_per_class() -> None:
    ballots = [
        (Fraction(1, 4), {"van", "bikes"}),
        (Fraction(1, 4), {"van"}),
        (Fraction(1, 2), {"bikes"}),
    ]
    result = tally_approval(APPROVAL, OPTIONS, ballots)
    quarter = next(c for c in result.classes if c.weight == Fraction(1, 4))
    assert quarter.ballots == 2
    assert [(c.option, c.head_count) for c in quarter.counts] == [
        ("bikes", 1),
        ("van", 2),
        ("bus pass", 0),
    ]
