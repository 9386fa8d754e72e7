"""The names of settings, statuses and choices as the minutes print them (no Qt).

The strings and their contexts are those of the screens (``ui/decisions/labels.py``,
``ui/meetings/labels.py``), so one translation serves the screen and the minutes. The UI's
label modules can call these (``render`` them) instead of keeping their own copies.
"""

from __future__ import annotations

from pareconapp.core.decisions import Outcome, RuleKind
from pareconapp.core.decisions import impact as impact_methods
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText
from pareconapp.core.meetings import ActionStatus, AgendaKind
from pareconapp.store.models import BallotMode

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

IMPACT_METHODS = impact_methods.IMPACT_METHODS
