"""The names of settings, statuses and choices, for the screens and the minutes alike.

Each is a translatable source text in one place: the screens' label modules
(``ui/decisions/labels.py``, ``ui/meetings/labels.py``) render them, and so do the minutes,
so one translation serves both.
"""

from __future__ import annotations

from pareconapp.core.decision_states import BallotMode
from pareconapp.core.decisions import Outcome, RuleKind
from pareconapp.core.decisions.impact import IMPACT_METHODS as IMPACT_METHODS
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText
from pareconapp.core.meetings import ActionStatus, AgendaKind

RULE_KINDS: dict[RuleKind, SourceText] = {
    RuleKind.SIMPLE_MAJORITY: QT_TRANSLATE_NOOP("Decisions", "Weighted simple majority"),
    RuleKind.SUPER_MAJORITY: QT_TRANSLATE_NOOP("Decisions", "Weighted super-majority"),
    RuleKind.CONSENSUS: QT_TRANSLATE_NOOP("Decisions", "Consensus (passes unless blocked)"),
    RuleKind.CONSENT: QT_TRANSLATE_NOOP("Decisions", "Consent (no paramount objection)"),
    RuleKind.PLURALITY: QT_TRANSLATE_NOOP("Decisions", "Weighted plurality (alternatives)"),
    RuleKind.APPROVAL: QT_TRANSLATE_NOOP("Decisions", "Weighted approval (alternatives)"),
    RuleKind.SCHULZE: QT_TRANSLATE_NOOP("Decisions", "Weighted Schulze (ranked alternatives)"),
    RuleKind.INSTANT_RUNOFF: QT_TRANSLATE_NOOP("Decisions", "Weighted instant-runoff (ranked)"),
}

BALLOT_MODES: dict[BallotMode, SourceText] = {
    BallotMode.SECRET: QT_TRANSLATE_NOOP("Minutes", "Secret ballot"),
    BallotMode.ROLL_CALL: QT_TRANSLATE_NOOP("Decisions", "Roll call (open vote)"),
    BallotMode.SHOW_OF_HANDS: QT_TRANSLATE_NOOP("Decisions", "Show of hands / paper count"),
}

OUTCOMES: dict[Outcome, SourceText] = {
    Outcome.PASSED: QT_TRANSLATE_NOOP("Decisions", "PASSED"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Decisions", "NOT PASSED"),
    Outcome.NO_QUORUM: QT_TRANSLATE_NOOP("Decisions", "NO QUORUM - nothing decided"),
    Outcome.PENDING: QT_TRANSLATE_NOOP(
        "Decisions", "WAITING for the chair's casting choice or a ruling"
    ),
}
CHOSEN = QT_TRANSLATE_NOOP("Decisions", "CHOSEN: {winner}")

CHOICES: dict[str, SourceText] = {
    "yes": QT_TRANSLATE_NOOP("Decisions", "Yes"),
    "no": QT_TRANSLATE_NOOP("Decisions", "No"),
    "abstain": QT_TRANSLATE_NOOP("Decisions", "Abstain"),
    "agree": QT_TRANSLATE_NOOP("Decisions", "Agree"),
    "stand_aside": QT_TRANSLATE_NOOP("Decisions", "Stand aside"),
    "block": QT_TRANSLATE_NOOP("Decisions", "Block"),
    "consent": QT_TRANSLATE_NOOP("Decisions", "Consent"),
    "object": QT_TRANSLATE_NOOP("Decisions", "Object"),
}

ACTION_STATUSES: dict[ActionStatus, SourceText] = {
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("Meetings", "open"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("Meetings", "done"),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP("Meetings", "dropped"),
}

AGENDA_KINDS: dict[AgendaKind, SourceText] = {
    AgendaKind.REPORT: QT_TRANSLATE_NOOP("Meetings", "Report"),
    AgendaKind.DISCUSSION: QT_TRANSLATE_NOOP("Meetings", "Discussion"),
    AgendaKind.DECISION: QT_TRANSLATE_NOOP("Meetings", "Decision"),
    AgendaKind.RATING_ROUND: QT_TRANSLATE_NOOP("Meetings", "Rating round"),
    AgendaKind.PLANNING_ROUND: QT_TRANSLATE_NOOP("Meetings", "Planning round"),
    AgendaKind.REMUNERATION_REVIEW: QT_TRANSLATE_NOOP("Meetings", "Remuneration review"),
    AgendaKind.ACTION_REVIEW: QT_TRANSLATE_NOOP("Meetings", "Action item review"),
}
