"""Consensus (passes unless blocked) and consent (passes unless an objection is upheld).

Weights do not change whether a block stops a consensus decision: any eligible member's
block does. They are counted all the same, so the room sees how much of the affected weight
agreed, stood aside or blocked. Blocks and objections are listed sorted by their reason, so
their order tells nothing about the order ballots were cast in.
"""

from __future__ import annotations

from collections.abc import Iterable

from pareconapp.core.decisions.ballots import (
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    counted_ballots,
)
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
from pareconapp.core.decisions.results import Block, DecisionResult, Objection, Outcome
from pareconapp.core.decisions.rules import NO_TIE_BREAK, Attendance, DecisionRule, RuleKind

CONSENSUS_STANCES = tuple(stance.value for stance in ConsensusStance)
CONSENT_STANCES = tuple(stance.value for stance in ConsentStance)


def tally_consensus(
    rule: DecisionRule,
    ballots: Iterable[tuple[Number, ConsensusVote]],
    attendance: Attendance | None = None,
) -> DecisionResult:
    """Count a consensus decision: it passes unless someone blocks.

    Stand-asides are consensus's abstentions: recorded (with any reason given), they let the
    decision pass.
    """
    check_kind(rule, RuleKind.CONSENSUS)
    votes = counted_ballots(ballots)
    counts = count_choices(votes, _consensus_label, CONSENSUS_STANCES)
    blocks = sorted(
        (
            Block(vote.reason, weight)
            for weight, vote in votes
            if vote.stance is ConsensusStance.BLOCK
        ),
        key=lambda block: (block.reason, block.weight),
    )
    quorum = check_quorum(rule, attendance)
    return DecisionResult(
        rule=rule,
        tie_break=NO_TIE_BREAK,
        options=CONSENSUS_STANCES,
        outcome=unless_no_quorum(Outcome.FAILED if blocks else Outcome.PASSED, quorum),
        winner=None,
        counts=counts,
        ballots=total(votes),
        abstentions=count_of(counts, ConsensusStance.STAND_ASIDE.value),
        quorum=quorum,
        blocks=tuple(blocks),
        classes=count_classes(votes, _consensus_label, CONSENSUS_STANCES),
    )


def tally_consent(
    rule: DecisionRule,
    ballots: Iterable[tuple[Number, ConsentVote]],
    attendance: Attendance | None = None,
) -> DecisionResult:
    """Count a consent decision: it passes unless a paramount objection is upheld.

    An upheld objection fails it; while an objection awaits the assembly's ruling (and none
    is upheld) the outcome is ``PENDING``; objections all ruled not paramount let it pass.
    """
    check_kind(rule, RuleKind.CONSENT)
    votes = counted_ballots(ballots)
    counts = count_choices(votes, _consent_label, CONSENT_STANCES)
    objections = sorted(
        (
            Objection(vote.reason, weight, vote.upheld)
            for weight, vote in votes
            if vote.stance is ConsentStance.OBJECT
        ),
        key=lambda objection: (objection.reason, objection.weight, str(objection.upheld)),
    )
    if any(objection.upheld is True for objection in objections):
        outcome = Outcome.FAILED
    elif any(objection.upheld is None for objection in objections):
        outcome = Outcome.PENDING
    else:
        outcome = Outcome.PASSED
    quorum = check_quorum(rule, attendance)
    return DecisionResult(
        rule=rule,
        tie_break=NO_TIE_BREAK,
        options=CONSENT_STANCES,
        outcome=unless_no_quorum(outcome, quorum),
        winner=None,
        counts=counts,
        ballots=total(votes),
        abstentions=count_of(counts, ConsentStance.ABSTAIN.value),
        quorum=quorum,
        objections=tuple(objections),
        classes=count_classes(votes, _consent_label, CONSENT_STANCES),
    )


def _consensus_label(vote: ConsensusVote) -> tuple[str]:
    return (vote.stance.value,)


def _consent_label(vote: ConsentVote) -> tuple[str]:
    return (vote.stance.value,)
