"""Translated names of decision settings and outcomes, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pareconapp.core import wording
from pareconapp.core.decision_states import BallotMode, DecisionStatus
from pareconapp.core.decisions import (
    AbstentionRule,
    DecisionRule,
    ImpactLevel,
    Outcome,
    RuleKind,
    TieRule,
    describe_rule,
)
from pareconapp.core.i18n import SourceText, UserMessage
from pareconapp.i18n import render

if TYPE_CHECKING:
    from fractions import Fraction

_tr = QCoreApplication.translate


def _say(source: SourceText) -> str:
    return render(UserMessage(source))


def rule_kind(kind: RuleKind) -> str:
    """A decision rule's name."""
    return _say(wording.RULE_KINDS[kind])


def ballot_mode(mode: BallotMode) -> str:
    """How members vote."""
    return {
        BallotMode.SECRET: _tr("Decisions", "Secret ballot on the shared laptop"),
        BallotMode.ROLL_CALL: _tr("Decisions", "Roll call (open vote)"),
        BallotMode.SHOW_OF_HANDS: _tr("Decisions", "Show of hands / paper count"),
    }[mode]


def status(value: DecisionStatus) -> str:
    """Where a decision is."""
    return {
        DecisionStatus.DRAFT: _tr("Decisions", "draft"),
        DecisionStatus.ASSESSED: _tr("Decisions", "impact assessed"),
        DecisionStatus.OPEN: _tr("Decisions", "ballot open"),
        DecisionStatus.CLOSED: _tr("Decisions", "closed"),
        DecisionStatus.WITHDRAWN: _tr("Decisions", "withdrawn"),
    }[value]


def outcome(value: Outcome, winner: str | None = None) -> str:
    """The result in words."""
    if value is Outcome.PASSED and winner:
        return render(UserMessage(wording.CHOSEN, {"winner": winner}))
    return _say(wording.OUTCOMES[value])


def abstentions(value: AbstentionRule) -> str:
    """How abstentions count."""
    return {
        AbstentionRule.NOT_COUNTED: _tr("Decisions", "Abstentions are not counted"),
        AbstentionRule.COUNT_AS_NO: _tr("Decisions", "Abstentions count as no"),
    }[value]


def tie_rule(value: TieRule) -> str:
    """How ties are decided."""
    return {
        TieRule.STATUS_QUO: _tr("Decisions", "A tie keeps the status quo"),
        TieRule.CASTING_CHOICE: _tr("Decisions", "The chair's casting choice decides a tie"),
        TieRule.LOT: _tr("Decisions", "A tie is decided by lot (seed recorded)"),
    }[value]


def rule_sentences(rule: DecisionRule) -> list[str]:
    """The rule and its settings, one sentence each (as the minutes print them)."""
    return [render(message) for message in describe_rule(rule)]


def choice_name(option: str) -> str:
    """A yes/no/abstain or stance name in words; alternatives are shown as they are."""
    source = wording.CHOICES.get(option)
    return _say(source) if source is not None else option


def percent(share: Fraction | float) -> str:
    """A share in percent, one decimal."""
    return f"{float(share) * 100:.1f} %"


def level_name(level: ImpactLevel) -> str:
    """An impact level in words."""
    return {
        ImpactLevel.NONE: QCoreApplication.translate("Decisions", "not affected"),
        ImpactLevel.LOW: QCoreApplication.translate("Decisions", "low"),
        ImpactLevel.MEDIUM: QCoreApplication.translate("Decisions", "medium"),
        ImpactLevel.HIGH: QCoreApplication.translate("Decisions", "high"),
    }[level]
