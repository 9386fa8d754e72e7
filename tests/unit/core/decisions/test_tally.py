"""The tally entry point and the stored form of ballot choices."""

from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    Choice,
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    DecisionRule,
    Outcome,
    RuleKind,
    YesNo,
    choice_from_json,
    choice_to_json,
    tally,
)

SAMPLES: list[tuple[RuleKind, Choice]] = [
    (RuleKind.SIMPLE_MAJORITY, YesNo.ABSTAIN),
    (RuleKind.SUPER_MAJORITY, YesNo.YES),
    (RuleKind.CONSENSUS, ConsensusVote(ConsensusStance.BLOCK, "why")),
    (RuleKind.CONSENT, ConsentVote(ConsentStance.OBJECT, "why", upheld=True)),
    (RuleKind.CONSENT, ConsentVote(ConsentStance.CONSENT)),
    (RuleKind.PLURALITY, "A"),
    (RuleKind.PLURALITY, None),
    (RuleKind.APPROVAL, frozenset({"B", "A"})),
    (RuleKind.APPROVAL, frozenset()),
    (RuleKind.SCHULZE, ("B", "A")),
    (RuleKind.INSTANT_RUNOFF, ()),
]


@pytest.mark.parametrize(("kind", "choice"), SAMPLES)
def test_choices_round_trip_through_json(kind: RuleKind, choice: Choice) -> None:
    assert choice_from_json(kind, choice_to_json(kind, choice)) == choice


def test_a_stored_choice_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        choice_from_json(RuleKind.CONSENSUS, "yes")


def test_tally_dispatches_by_rule() -> None:
    yes_no = tally(
        DecisionRule(RuleKind.SIMPLE_MAJORITY),
        [(Fraction(2, 3), "yes"), (Fraction(1, 3), YesNo.NO)],
    )
    assert yes_no.outcome is Outcome.PASSED
    ranked = tally(DecisionRule(RuleKind.INSTANT_RUNOFF), [(1, ("B",))], ("A", "B"))
    assert ranked.winner == "B"
    assert ranked.rounds


def test_tally_refuses_a_choice_of_the_wrong_kind() -> None:
    with pytest.raises(TypeError, match="not a ballot choice"):
        tally(DecisionRule(RuleKind.SCHULZE), [(1, "A")], ("A",))
    with pytest.raises(TypeError, match="not a ballot choice"):
        tally(DecisionRule(RuleKind.SIMPLE_MAJORITY), [(1, "maybe")])
