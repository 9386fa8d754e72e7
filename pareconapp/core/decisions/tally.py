"""One entry point that counts any decision by its rule.

Services that load ballots from the store call :func:`tally` with the decision's rule; it
checks each choice is of the kind the rule takes and hands over to the rule's own function
(:func:`~pareconapp.core.decisions.yes_no.tally_yes_no` and the others), which can also be
called directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pareconapp.core.decisions.alternatives import tally_approval, tally_plurality
from pareconapp.core.decisions.ballots import Choice, ConsensusVote, ConsentVote, YesNo
from pareconapp.core.decisions.consensus import tally_consensus, tally_consent
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.instant_runoff import tally_instant_runoff
from pareconapp.core.decisions.results import DecisionResult
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
)
from pareconapp.core.decisions.schulze import tally_schulze
from pareconapp.core.decisions.yes_no import YES_NO_CHOICES, tally_yes_no


def tally(
    rule: DecisionRule,
    ballots: Iterable[tuple[Number, Choice]],
    options: Sequence[str] = (),
    attendance: Attendance | None = None,
    tie_break: TieBreak = NO_TIE_BREAK,
) -> DecisionResult:
    """Count ``ballots`` by ``rule``.

    Args:
        rule: the decision's rule and settings.
        ballots: ``(weight, choice)`` pairs; the kind of choice each rule takes is listed in
            :mod:`~pareconapp.core.decisions.ballots`.
        options: the alternatives (only for rules that choose between alternatives).
        attendance: the weight present when the ballot opened (needed for a quorum).
        tie_break: the chair's casting choice or the lot seed, when ties need them.

    Raises:
        TypeError: a choice is not of the kind the rule takes (a programming error).
        UserError: a weight is negative, or a ballot names an unknown option.
    """
    pairs = list(ballots)
    kind = rule.kind
    if kind.is_yes_no:
        return tally_yes_no(rule, [(w, _yes_no(c)) for w, c in pairs], attendance, tie_break)
    if kind is RuleKind.CONSENSUS:
        return tally_consensus(rule, [(w, _consensus(c)) for w, c in pairs], attendance)
    if kind is RuleKind.CONSENT:
        return tally_consent(rule, [(w, _consent(c)) for w, c in pairs], attendance)
    if kind is RuleKind.PLURALITY:
        picks = [(w, _plurality(c)) for w, c in pairs]
        return tally_plurality(rule, options, picks, attendance, tie_break)
    if kind is RuleKind.APPROVAL:
        approved = [(w, _approval(c)) for w, c in pairs]
        return tally_approval(rule, options, approved, attendance, tie_break)
    rankings = [(w, _ranking(c)) for w, c in pairs]
    if kind is RuleKind.SCHULZE:
        return tally_schulze(rule, options, rankings, attendance, tie_break)
    return tally_instant_runoff(rule, options, rankings, attendance, tie_break)


def _yes_no(choice: Choice) -> YesNo:
    if isinstance(choice, str) and choice in YES_NO_CHOICES:
        return YesNo(choice)
    raise _not_for(choice, RuleKind.SIMPLE_MAJORITY)


def _consensus(choice: Choice) -> ConsensusVote:
    if isinstance(choice, ConsensusVote):
        return choice
    raise _not_for(choice, RuleKind.CONSENSUS)


def _consent(choice: Choice) -> ConsentVote:
    if isinstance(choice, ConsentVote):
        return choice
    raise _not_for(choice, RuleKind.CONSENT)


def _plurality(choice: Choice) -> str | None:
    if choice is None or isinstance(choice, str):
        return choice
    raise _not_for(choice, RuleKind.PLURALITY)


def _approval(choice: Choice) -> frozenset[str]:
    if isinstance(choice, frozenset):
        return choice
    raise _not_for(choice, RuleKind.APPROVAL)


def _ranking(choice: Choice) -> tuple[str, ...]:
    if isinstance(choice, tuple):
        return choice
    raise _not_for(choice, RuleKind.SCHULZE)


def _not_for(choice: Choice, kind: RuleKind) -> TypeError:
    return TypeError(f"{choice!r} is not a ballot choice for a {kind} decision")
