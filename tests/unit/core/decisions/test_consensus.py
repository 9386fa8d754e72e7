"""Consensus and consent on hand-computed cases."""

from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    Attendance,
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    DecisionRule,
    Outcome,
    RuleKind,
    tally_consensus,
    tally_consent,
)
from pareconapp.core.i18n import UserError

CONSENSUS = DecisionRule(RuleKind.CONSENSUS)
CONSENT = DecisionRule(RuleKind.CONSENT)
AGREE = ConsensusVote(ConsensusStance.AGREE)
ASIDE = ConsensusVote(ConsensusStance.STAND_ASIDE, "I would rather wait a year")
YES = ConsentVote(ConsentStance.CONSENT)


def test_consensus_passes_without_blocks_and_records_stand_asides() -> None:
    result = tally_consensus(
        CONSENSUS, [(Fraction(1, 2), AGREE), (Fraction(1, 4), AGREE), (Fraction(1, 4), ASIDE)]
    )
    assert result.outcome is Outcome.PASSED
    assert result.abstentions.weight == Fraction(1, 4)
    assert result.count_of("agree").head_count == 2
    assert result.count_of("agree").weight == Fraction(3, 4)
    assert result.blocks == ()


def test_a_single_light_block_stops_consensus_and_keeps_its_reason() -> None:
    block = ConsensusVote(ConsensusStance.BLOCK, "  It breaks our safety rules  ")
    result = tally_consensus(CONSENSUS, [(Fraction(9, 10), AGREE), (Fraction(1, 10), block)])
    assert result.outcome is Outcome.FAILED
    (only,) = result.blocks
    assert only.reason == "It breaks our safety rules"
    assert only.weight == Fraction(1, 10)


def test_blocks_are_listed_by_reason_not_by_casting_order() -> None:
    late = ConsensusVote(ConsensusStance.BLOCK, "b reason")
    early = ConsensusVote(ConsensusStance.BLOCK, "a reason")
    result = tally_consensus(CONSENSUS, [(1, late), (1, early)])
    assert [b.reason for b in result.blocks] == ["a reason", "b reason"]


def test_a_block_needs_a_reason() -> None:
    with pytest.raises(UserError, match="reason"):
        ConsensusVote(ConsensusStance.BLOCK, "   ")


def test_a_zero_weight_block_is_not_counted() -> None:
    block = ConsensusVote(ConsensusStance.BLOCK, "not affected but objecting")
    assert tally_consensus(CONSENSUS, [(1, AGREE), (0, block)]).outcome is Outcome.PASSED


def test_consensus_without_quorum_decides_nothing() -> None:
    rule = DecisionRule(RuleKind.CONSENSUS, quorum=Fraction(2, 3))
    attendance = Attendance(Fraction(1, 2), Fraction(1), 2, 5)
    assert tally_consensus(rule, [(Fraction(1, 4), AGREE)], attendance).outcome is Outcome.NO_QUORUM


def test_consent_passes_when_every_objection_is_ruled_not_paramount() -> None:
    overruled = ConsentVote(ConsentStance.OBJECT, "Too expensive", upheld=False)
    result = tally_consent(CONSENT, [(Fraction(2, 3), YES), (Fraction(1, 3), overruled)])
    assert result.outcome is Outcome.PASSED
    (objection,) = result.objections
    assert objection.upheld is False
    assert objection.weight == Fraction(1, 3)


def test_consent_fails_on_an_upheld_objection() -> None:
    upheld = ConsentVote(ConsentStance.OBJECT, "Unsafe for the night shift", upheld=True)
    pending = ConsentVote(ConsentStance.OBJECT, "Not discussed with the team")
    result = tally_consent(CONSENT, [(1, YES), (1, upheld), (1, pending)])
    assert result.outcome is Outcome.FAILED


def test_consent_waits_for_the_ruling_on_a_raised_objection() -> None:
    raised = ConsentVote(ConsentStance.OBJECT, "Not discussed with the team")
    abstain = ConsentVote(ConsentStance.ABSTAIN)
    result = tally_consent(CONSENT, [(1, YES), (1, raised), (1, abstain)])
    assert result.outcome is Outcome.PENDING
    assert result.objections[0].upheld is None
    assert result.abstentions.head_count == 1


def test_an_objection_needs_a_reason_and_only_objections_are_ruled_on() -> None:
    with pytest.raises(UserError, match="reason"):
        ConsentVote(ConsentStance.OBJECT)
    with pytest.raises(ValueError, match="objection"):
        ConsentVote(ConsentStance.CONSENT, upheld=True)
