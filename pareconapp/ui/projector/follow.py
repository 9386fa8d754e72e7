"""What "follow the meeting" shows, as plain functions (no Qt).

The projector follows one meeting: the one in session, else the next planned one. Within it,
the view follows the *focus*: the decision of the current agenda item (if the item has one)
until the facilitator selects another decision on the Decisions page. A decision in focus is
shown by its stage - the proposal while it is drafted and assessed, the ballot progress while
the ballot is open, the result once it has closed. Without a decision in focus the room sees
the current item and its clock (a rating-round item: the round's progress, then its spreads;
a planning-round item: the planning year's convergence),
or the agenda when no item is running. When a view has nothing to show (a rating item with
no round yet) the next one in :func:`follow_views` is shown.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from pareconapp.core.decision_states import DecisionStatus
from pareconapp.core.meetings import AgendaKind, MeetingStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pareconapp.services.decisions import DecisionRow
    from pareconapp.services.meetings import MeetingDetail, MeetingRow

IDLE = "idle"
BLANK = "blank"
AGENDA = "agenda"
ITEM = "item"
STACK = "stack"
PROPOSAL = "proposal"
WEIGHTS = "weights"
PROGRESS = "progress"
RESULT = "result"
RATINGS = "ratings"
JOBS = "jobs"
PLANNING = "planning"

DECISION_STAGES = {
    DecisionStatus.DRAFT: PROPOSAL,
    DecisionStatus.ASSESSED: PROPOSAL,
    DecisionStatus.OPEN: PROGRESS,
    DecisionStatus.CLOSED: RESULT,
}
"""The view that shows a decision at each stage (a withdrawn one is not followed)."""


class Reason(enum.StrEnum):
    """Why the projector shows what it shows."""

    FOLLOW = "follow"
    PINNED = "pinned"
    KIOSK = "kiosk"
    """The ballot kiosk is on the laptop: ballot progress only, whatever else was chosen."""
    BLANK = "blank"


def followed_meeting(meetings: Sequence[MeetingRow]) -> MeetingRow | None:
    """The meeting in session (the latest started), else the next planned one."""
    running = [m for m in meetings if m.status is MeetingStatus.IN_SESSION]
    if running:
        return max(running, key=lambda m: (m.started_at or m.starts_at, m.id))
    planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
    if planned:
        return min(planned, key=lambda m: (m.starts_at, m.id))
    return None


def item_decision(decisions: Sequence[DecisionRow], item_id: int | None) -> DecisionRow | None:
    """The decision taken under agenda item ``item_id`` (the newest not withdrawn)."""
    if item_id is None:
        return None
    linked = [
        d
        for d in decisions
        if d.agenda_item_id == item_id and d.status is not DecisionStatus.WITHDRAWN
    ]
    return max(linked, key=lambda d: (d.created_at, d.id), default=None)


def follow_views(meeting: MeetingDetail | None, decision: DecisionRow | None) -> list[str]:
    """The views "follow the meeting" may show, best first (the first with a model wins)."""
    views = []
    if decision is not None and decision.status in DECISION_STAGES:
        views.append(DECISION_STAGES[decision.status])
    if meeting is not None:
        current = meeting.current_item
        if meeting.meeting.status is MeetingStatus.IN_SESSION and current is not None:
            if current.kind is AgendaKind.RATING_ROUND:
                views.append(RATINGS)
            elif current.kind is AgendaKind.PLANNING_ROUND:
                views.append(PLANNING)
            views.append(ITEM)
        views.append(AGENDA)
    views.append(IDLE)
    return views
