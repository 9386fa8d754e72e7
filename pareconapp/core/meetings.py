"""Meeting rules as plain functions: timeboxes, attendance at a moment, agenda kinds."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from pareconapp.core.i18n import QT_TRANSLATE_NOOP

ACTION_REVIEW_TITLE = QT_TRANSLATE_NOOP("Meetings", "Review action items")
"""Stored in its source language; screens and minutes show it translated."""


class MeetingStatus(enum.StrEnum):
    """Where a meeting is in its life."""

    PLANNED = "planned"
    IN_SESSION = "in_session"
    CLOSED = "closed"
    MINUTES_APPROVED = "minutes_approved"


class AgendaKind(enum.StrEnum):
    """What an agenda item is for; some kinds produce a record of their area."""

    REPORT = "report"
    DISCUSSION = "discussion"
    DECISION = "decision"
    RATING_ROUND = "rating_round"
    PLANNING_ROUND = "planning_round"
    REMUNERATION_REVIEW = "remuneration_review"
    ACTION_REVIEW = "action_review"


class ItemState(enum.StrEnum):
    """Where an agenda item stands while the meeting runs."""

    PENDING = "pending"
    CURRENT = "current"
    DONE = "done"


class AttendanceStatus(enum.StrEnum):
    """A member's attendance at a meeting."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class ActionStatus(enum.StrEnum):
    """Where an action item stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


WARNING_SHARE = 0.2
"""The warning shows in the last fifth of a timebox ..."""
WARNING_MAX = timedelta(minutes=2)
"""... but never earlier than two minutes before its end."""


class TimerPhase(enum.StrEnum):
    """How a timebox looks to the room."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    WARNING = "warning"
    OVERTIME = "overtime"


@dataclass(frozen=True)
class TimeboxState:
    """Elapsed and remaining time of an agenda item at one moment."""

    elapsed: timedelta
    timebox: timedelta
    running: bool
    phase: TimerPhase

    @property
    def remaining(self) -> timedelta:
        """Time left (negative in overtime)."""
        return self.timebox - self.elapsed


def warning_threshold(timebox: timedelta) -> timedelta:
    """How long before the end of ``timebox`` the warning starts."""
    return min(timebox * WARNING_SHARE, WARNING_MAX)


def timebox_state(
    timebox: timedelta,
    accumulated: timedelta,
    running_since: datetime | None,
    now: datetime,
) -> TimeboxState:
    """The state of a timebox that has run ``accumulated`` plus since ``running_since``."""
    elapsed = accumulated + (now - running_since if running_since is not None else timedelta())
    elapsed = max(elapsed, timedelta())
    if elapsed == timedelta() and running_since is None:
        phase = TimerPhase.NOT_STARTED
    elif timebox > timedelta() and elapsed > timebox:
        phase = TimerPhase.OVERTIME
    elif timebox > timedelta() and timebox - elapsed <= warning_threshold(timebox):
        phase = TimerPhase.WARNING
    else:
        phase = TimerPhase.RUNNING
    return TimeboxState(elapsed, timebox, running_since is not None, phase)


def format_clock(duration: timedelta) -> str:
    """``m:ss`` (or ``h:mm:ss``), with a minus sign for negative durations."""
    seconds = int(duration.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


@dataclass(frozen=True)
class Presence:
    """One interval a member was in the room (``left`` is ``None`` while still there)."""

    member_id: int
    arrived: datetime
    left: datetime | None = None

    def covers(self, moment: datetime) -> bool:
        """Whether the member was in the room at ``moment`` (arrival counts, leaving not)."""
        return self.arrived <= moment and (self.left is None or moment < self.left)


def present_at(intervals: Iterable[Presence], moment: datetime) -> set[int]:
    """The members in the room at ``moment``."""
    return {interval.member_id for interval in intervals if interval.covers(moment)}


def check_interval_order(intervals: Sequence[Presence]) -> None:
    """Raise ``ValueError`` if one member's intervals overlap or end before they start."""
    by_member: dict[int, list[Presence]] = {}
    for interval in intervals:
        if interval.left is not None and interval.left < interval.arrived:
            raise ValueError(f"member {interval.member_id} leaves before arriving")
        by_member.setdefault(interval.member_id, []).append(interval)
    for member, own in by_member.items():
        own.sort(key=lambda i: i.arrived)
        for earlier, later in pairwise(own):
            if earlier.left is None or earlier.left > later.arrived:
                raise ValueError(f"member {member} has overlapping presence intervals")


def is_overdue(due: date | None, status: ActionStatus, today: date) -> bool:
    """Whether an action item is past its due date and still open."""
    return status is ActionStatus.OPEN and due is not None and due < today
