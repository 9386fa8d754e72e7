"""Results are plain data: JSON round trip, and the settings described for the minutes."""

import json
from fractions import Fraction

import pytest

from pareconapp.core.decisions import (
    AbstentionRule,
    Attendance,
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    DecisionResult,
    DecisionRule,
    RuleKind,
    TieBreak,
    TieRule,
    YesNo,
    describe_rule,
    tally,
)

ATTENDANCE = Attendance(Fraction(3, 4), Fraction(1), 7, 9)
RANKED = [
    (Fraction(1, 6), ("A", "B")),
    (Fraction(1, 3), ("B",)),
    (Fraction(1, 6), ("C", "A", "B")),
    (Fraction(1, 3), ()),
]


def results() -> list[DecisionResult]:
    casting = TieBreak(("B", "A"), lot_seed=2**70)
    return [
        tally(
            DecisionRule(RuleKind.SIMPLE_MAJORITY, ties=TieRule.LOT, quorum=Fraction(1, 2)),
            [
                (Fraction(1, 4), YesNo.YES),
                (Fraction(1, 4), YesNo.NO),
                (Fraction(1, 8), YesNo.ABSTAIN),
            ],
            attendance=ATTENDANCE,
            tie_break=TieBreak(lot_seed=7),
        ),
        tally(
            DecisionRule(
                RuleKind.SUPER_MAJORITY,
                threshold=Fraction(2, 3),
                abstentions=AbstentionRule.COUNT_AS_NO,
            ),
            [
                (Fraction(1, 3), YesNo.YES),
                (Fraction(1, 3), YesNo.YES),
                (Fraction(1, 3), YesNo.ABSTAIN),
            ],
        ),
        tally(
            DecisionRule(RuleKind.CONSENSUS),
            [
                (1, ConsensusVote(ConsensusStance.BLOCK, "Safety — «unsafe»")),
                (1, ConsensusVote(ConsensusStance.AGREE)),
            ],
        ),
        tally(
            DecisionRule(RuleKind.CONSENT),
            [(1, ConsentVote(ConsentStance.OBJECT, "cost", upheld=False))],
        ),
        tally(DecisionRule(RuleKind.PLURALITY), [(1, "A"), (1, "B")], "ABC"),
        tally(DecisionRule(RuleKind.APPROVAL), [(1, frozenset("AB"))], "ABC"),
        tally(
            DecisionRule(RuleKind.SCHULZE, ties=TieRule.CASTING_CHOICE),
            RANKED,
            "ABC",
            tie_break=casting,
        ),
        tally(DecisionRule(RuleKind.INSTANT_RUNOFF, ties=TieRule.CASTING_CHOICE), RANKED, "ABC"),
        tally(DecisionRule(RuleKind.INSTANT_RUNOFF), RANKED, "ABC", ATTENDANCE),
    ]


@pytest.mark.parametrize("result", results(), ids=lambda r: r.rule.kind.value)
def test_results_survive_a_json_round_trip(result: DecisionResult) -> None:
    stored = json.dumps(result.to_dict(), allow_nan=False)
    assert DecisionResult.from_dict(json.loads(stored)) == result


def test_stored_results_show_the_settings_and_quorum() -> None:
    data = results()[0].to_dict()
    assert data["rule"] == {
        "kind": "simple_majority",
        "threshold": None,
        "abstentions": "not_counted",
        "ties": "lot",
        "quorum": "1/2",
    }
    quorum, counts = data["quorum"], data["counts"]
    assert isinstance(quorum, dict)
    assert quorum["met"] is True
    assert isinstance(counts, list)
    assert counts[0] == {"option": "yes", "weight": "1/4", "head_count": 1}


def test_a_result_of_another_format_is_refused() -> None:
    data = results()[1].to_dict()
    data["format"] = 99
    with pytest.raises(ValueError, match="format"):
        DecisionResult.from_dict(data)
    data["format"] = 1
    data["counts"] = "yes"
    with pytest.raises(ValueError, match="counts"):
        DecisionResult.from_dict(data)


def test_rules_are_described_setting_by_setting() -> None:
    rule = DecisionRule(
        RuleKind.SUPER_MAJORITY,
        threshold=Fraction(2, 3),
        abstentions=AbstentionRule.COUNT_AS_NO,
        quorum=Fraction(1, 2),
    )
    sentences = [str(message) for message in describe_rule(rule)]
    assert sentences[0].startswith("Weighted super-majority")
    assert "2/3 (66.7 %)" in sentences[0]
    assert sentences[1] == "Abstentions count as no."
    assert "50.0 %" in sentences[2]
    ranked = [str(m) for m in describe_rule(DecisionRule(RuleKind.INSTANT_RUNOFF))]
    assert "exhausted" in ranked[0]
    assert any("status quo" in sentence for sentence in ranked)
    assert ranked[-1] == "No quorum is required."


def test_rule_and_tie_break_round_trip() -> None:
    rule = DecisionRule(RuleKind.SUPER_MAJORITY, threshold=Fraction(3, 4), quorum=Fraction(2, 5))
    assert DecisionRule.from_dict(json.loads(json.dumps(rule.to_dict()))) == rule
    tie_break = TieBreak(("B", "A"), lot_seed=2**64 - 1)
    assert TieBreak.from_dict(json.loads(json.dumps(tie_break.to_dict()))) == tie_break
