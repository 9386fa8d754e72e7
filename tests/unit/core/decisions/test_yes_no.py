"""Weighted simple and super-majority on hand-computed cases."""

from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    AbstentionRule,
    Attendance,
    DecisionRule,
    Outcome,
    RuleKind,
    TieBreak,
    TieRule,
    TieStage,
    YesNo,
    tally_yes_no,
)
from pareconapp.core.i18n import UserError

Y, N, A = YesNo.YES, YesNo.NO, YesNo.ABSTAIN
SIMPLE = DecisionRule(RuleKind.SIMPLE_MAJORITY)


def super_majority(threshold: Fraction, **settings: object) -> DecisionRule:
    return DecisionRule(RuleKind.SUPER_MAJORITY, threshold=threshold, **settings)  # type: ignore[arg-type]


def test_weight_outvotes_heads_in_a_simple_majority() -> None:
    # One member carrying half the weight against two lighter ones: 1/2 yes vs 1/4 + 1/4 no
    # is a tie; with 3/5 yes the weight wins although the heads are 1 to 2.
    result = tally_yes_no(SIMPLE, [(Fraction(3, 5), Y), (Fraction(1, 5), N), (Fraction(1, 5), N)])
    assert result.outcome is Outcome.PASSED
    assert result.count_of("yes").weight == Fraction(3, 5)
    assert result.count_of("yes").head_count == 1
    assert result.count_of("no").weight == Fraction(2, 5)
    assert result.count_of("no").head_count == 2
    assert result.required_weight == Fraction(1, 2)


def test_simple_majority_fails_when_no_outweighs_yes() -> None:
    # Heads 3 to 2 for yes, weight 2/5 to 3/5 against.
    ballots = [
        (Fraction(1, 5), Y),
        (Fraction(1, 10), Y),
        (Fraction(1, 10), Y),
        (Fraction(1, 5), N),
        (Fraction(2, 5), N),
    ]
    result = tally_yes_no(SIMPLE, ballots)
    assert result.outcome is Outcome.FAILED
    assert result.ties == ()
    assert result.count_of("yes").head_count == 3


def test_tie_under_status_quo_fails_and_is_recorded() -> None:
    result = tally_yes_no(SIMPLE, [(Fraction(1, 2), Y), (Fraction(1, 4), N), (Fraction(1, 4), N)])
    assert result.outcome is Outcome.FAILED
    (tie,) = result.ties
    assert tie.stage is TieStage.RESULT
    assert tie.rule is TieRule.STATUS_QUO
    assert tie.chosen == ()
    assert tie.resolved


@pytest.mark.parametrize(
    ("casting", "outcome"), [(("yes",), Outcome.PASSED), (("no",), Outcome.FAILED)]
)
def test_chair_casting_choice_settles_a_tie(casting: tuple[str, ...], outcome: Outcome) -> None:
    rule = DecisionRule(RuleKind.SIMPLE_MAJORITY, ties=TieRule.CASTING_CHOICE)
    ballots = [(1, Y), (1, N)]
    result = tally_yes_no(rule, ballots, tie_break=TieBreak(casting_order=casting))
    assert result.outcome is outcome
    assert result.ties[0].chosen == casting


def test_tie_waits_for_the_chair_when_no_casting_choice_is_given() -> None:
    rule = DecisionRule(RuleKind.SIMPLE_MAJORITY, ties=TieRule.CASTING_CHOICE)
    result = tally_yes_no(rule, [(1, Y), (1, N)])
    assert result.outcome is Outcome.PENDING
    assert result.pending_tie is not None
    assert result.pending_tie.tied == ("yes", "no")


def test_lot_is_reproducible_from_its_seed_and_both_sides_can_win() -> None:
    rule = DecisionRule(RuleKind.SIMPLE_MAJORITY, ties=TieRule.LOT)
    outcomes = set()
    for seed in range(20):
        first = tally_yes_no(rule, [(1, Y), (1, N)], tie_break=TieBreak(lot_seed=seed))
        again = tally_yes_no(rule, [(1, Y), (1, N)], tie_break=TieBreak(lot_seed=seed))
        assert first == again
        assert first.ties[0].lot_draw == 0
        outcomes.add(first.outcome)
    assert outcomes == {Outcome.PASSED, Outcome.FAILED}


def test_lot_without_a_seed_is_pending() -> None:
    rule = DecisionRule(RuleKind.SIMPLE_MAJORITY, ties=TieRule.LOT)
    assert tally_yes_no(rule, [(1, Y), (1, N)]).outcome is Outcome.PENDING


def test_abstentions_not_counted_versus_counted_as_no() -> None:
    ballots = [(Fraction(3, 10), Y), (Fraction(2, 10), N), (Fraction(5, 10), A)]
    not_counted = tally_yes_no(SIMPLE, ballots)
    assert not_counted.outcome is Outcome.PASSED
    assert not_counted.counted is not None
    assert not_counted.counted.weight == Fraction(1, 2)
    assert not_counted.abstentions.weight == Fraction(1, 2)
    assert not_counted.abstentions.head_count == 1
    as_no = DecisionRule(RuleKind.SIMPLE_MAJORITY, abstentions=AbstentionRule.COUNT_AS_NO)
    counted = tally_yes_no(as_no, ballots)
    assert counted.outcome is Outcome.FAILED
    assert counted.counted is not None
    assert counted.counted.weight == 1
    assert counted.counted.head_count == 3


def test_two_thirds_of_three_equal_voters_is_exact() -> None:
    third = Fraction(1, 3)
    result = tally_yes_no(super_majority(Fraction(2, 3)), [(third, Y), (third, Y), (third, N)])
    assert result.outcome is Outcome.PASSED
    assert result.required_weight == Fraction(2, 3)


def test_thresholds_are_exact_where_floats_would_fail() -> None:
    # Nine equal voters, a one-third threshold, three yes: exactly one third passes.
    ninth = Fraction(1, 9)
    ballots = [(ninth, Y)] * 3 + [(ninth, N)] * 6
    assert tally_yes_no(super_majority(Fraction(1, 3)), ballots).outcome is Outcome.PASSED
    # The same sum in floats falls short, which is why the tally uses fractions.
    assert sum([1 / 9] * 3) < 1 / 3 * sum([1 / 9] * 9)
    # Weights typed as decimals are read as the decimals, not their binary neighbours.
    tenths = [(0.1, Y)] * 7 + [(0.1, N)] * 3
    result = tally_yes_no(super_majority(Fraction(7, 10)), tenths)
    assert result.outcome is Outcome.PASSED
    assert result.count_of("yes").weight == Fraction(7, 10)


def test_three_quarters_needs_the_weight_not_the_heads() -> None:
    rule = super_majority(Fraction(3, 4))
    # Heads: 3 of 4 say yes, but the no voter carries 3/10 of the weight: 7/10 < 3/4.
    ballots = [
        (Fraction(7, 30), Y),
        (Fraction(7, 30), Y),
        (Fraction(7, 30), Y),
        (Fraction(3, 10), N),
    ]
    result = tally_yes_no(rule, ballots)
    assert result.outcome is Outcome.FAILED
    assert result.count_of("yes").head_count == 3
    assert result.required_weight == Fraction(3, 4)
    heavier_yes = [
        (Fraction(1, 4), Y),
        (Fraction(1, 4), Y),
        (Fraction(1, 4), Y),
        (Fraction(1, 4), N),
    ]
    assert tally_yes_no(rule, heavier_yes).outcome is Outcome.PASSED  # exactly 3/4


def test_super_majority_with_abstentions_counted_as_no() -> None:
    rule = super_majority(Fraction(2, 3), abstentions=AbstentionRule.COUNT_AS_NO)
    ballots = [(Fraction(2, 6), Y), (Fraction(2, 6), Y), (Fraction(1, 6), N), (Fraction(1, 6), A)]
    assert tally_yes_no(rule, ballots).outcome is Outcome.PASSED  # 4/6 >= 2/3
    ballots = [(Fraction(2, 6), Y), (Fraction(1, 6), Y), (Fraction(2, 6), N), (Fraction(1, 6), A)]
    assert tally_yes_no(rule, ballots).outcome is Outcome.FAILED


def test_nothing_counted_fails() -> None:
    assert tally_yes_no(SIMPLE, [(1, A), (1, A)]).outcome is Outcome.FAILED
    assert tally_yes_no(super_majority(Fraction(2, 3)), []).outcome is Outcome.FAILED


def test_quorum_is_judged_on_weight_present_when_the_ballot_opened() -> None:
    rule = DecisionRule(RuleKind.SIMPLE_MAJORITY, quorum=Fraction(1, 2))
    weights = {
        "ana": Fraction(1, 2),
        "ben": Fraction(1, 4),
        "cai": Fraction(1, 8),
        "dee": Fraction(1, 8),
    }
    # Three of four members are there, holding exactly the half the quorum asks for.
    present = Attendance.of_members(weights, {"ben", "cai", "dee"})
    assert present.present_weight == Fraction(1, 2)
    assert present.present_count == 3
    met = tally_yes_no(rule, [(Fraction(1, 4), Y), (Fraction(1, 8), N)], present)
    assert met.quorum is not None
    assert met.quorum.met
    assert met.outcome is Outcome.PASSED
    short = Attendance.of_members(weights, {"cai", "dee"})
    missed = tally_yes_no(rule, [(Fraction(1, 8), Y), (Fraction(1, 8), Y)], short)
    assert missed.quorum is not None
    assert not missed.quorum.met
    assert missed.quorum.present_share == Fraction(1, 4)
    assert missed.outcome is Outcome.NO_QUORUM
    assert missed.count_of("yes").head_count == 2  # counts still shown


def test_attendance_leaves_out_members_who_are_not_affected() -> None:
    attendance = Attendance.of_members(
        {"ana": 0, "ben": Fraction(1, 2), "cai": Fraction(1, 2)}, {"ana", "ben"}
    )
    assert attendance.eligible_count == 2
    assert attendance.present_count == 1
    assert attendance.present_weight == Fraction(1, 2)


def test_a_quorum_without_attendance_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="attendance"):
        tally_yes_no(DecisionRule(RuleKind.SIMPLE_MAJORITY, quorum=Fraction(1, 3)), [(1, Y)])


def test_zero_weight_ballots_are_not_counted_and_negative_weights_are_refused() -> None:
    result = tally_yes_no(SIMPLE, [(Fraction(1, 2), Y), (0, N), (0, N)])
    assert result.count_of("no").head_count == 0
    assert result.ballots.head_count == 1
    with pytest.raises(UserError, match="negative"):
        tally_yes_no(SIMPLE, [(Fraction(-1, 2), Y)])


def test_counts_per_weight_class_never_per_voter() -> None:
    ballots = [
        (Fraction(1, 5), Y),
        (Fraction(1, 5), N),
        (Fraction(1, 5), Y),
        (Fraction(1, 10), Y),
        (Fraction(1, 10), A),
    ]
    classes = tally_yes_no(SIMPLE, ballots).classes
    assert [c.weight for c in classes] == [Fraction(1, 5), Fraction(1, 10)]
    heavy, light = classes
    assert heavy.ballots == 3
    assert [(c.option, c.head_count) for c in heavy.counts] == [
        ("yes", 2),
        ("no", 1),
        ("abstain", 0),
    ]
    assert [(c.option, c.head_count) for c in light.counts] == [
        ("yes", 1),
        ("no", 0),
        ("abstain", 1),
    ]
    assert heavy.counts[0].weight == Fraction(2, 5)


@pytest.mark.parametrize("threshold", [Fraction(0), Fraction(3, 2), None])
def test_super_majority_threshold_must_be_a_share_above_zero(threshold: Fraction | None) -> None:
    with pytest.raises(UserError):
        DecisionRule(RuleKind.SUPER_MAJORITY, threshold=threshold)


def test_only_a_super_majority_takes_a_threshold_and_quorum_is_a_share() -> None:
    with pytest.raises(UserError, match="super-majority"):
        DecisionRule(RuleKind.SIMPLE_MAJORITY, threshold=Fraction(2, 3))
    with pytest.raises(UserError, match="Quorum"):
        DecisionRule(RuleKind.SIMPLE_MAJORITY, quorum=Fraction(5, 4))


def test_a_rule_of_another_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be counted"):
        tally_yes_no(DecisionRule(RuleKind.CONSENSUS), [])
