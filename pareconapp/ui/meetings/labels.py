"""Translated names of meeting enums and formatting of times, in one place."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from pareconapp.core import wording
from pareconapp.core.i18n import UserMessage
from pareconapp.core.meetings import (
    ACTION_REVIEW_TITLE,
    ActionStatus,
    AgendaKind,
    AttendanceStatus,
    ItemState,
    MeetingStatus,
    format_clock,
)
from pareconapp.core.stack import TurnKind
from pareconapp.i18n import render

if TYPE_CHECKING:
    from pareconapp.services.meetings import AgendaItemRow

_tr = QCoreApplication.translate


def meeting_status(status: MeetingStatus) -> str:
    """A meeting's status in words."""
    return {
        MeetingStatus.PLANNED: _tr("Meetings", "planned"),
        MeetingStatus.IN_SESSION: _tr("Meetings", "in session"),
        MeetingStatus.CLOSED: _tr("Meetings", "closed"),
        MeetingStatus.MINUTES_APPROVED: _tr("Meetings", "minutes approved"),
    }[status]


def agenda_kind(kind: AgendaKind) -> str:
    """An agenda item's kind in words."""
    return render(UserMessage(wording.AGENDA_KINDS[kind]))


def item_state(state: ItemState) -> str:
    """Where an agenda item stands, in words."""
    return {
        ItemState.PENDING: _tr("Meetings", "to do"),
        ItemState.CURRENT: _tr("Meetings", "now"),
        ItemState.DONE: _tr("Meetings", "done"),
    }[state]


def item_title(item: AgendaItemRow) -> str:
    """An item's title; the automatic review item is shown in the user's language."""
    if item.kind is AgendaKind.ACTION_REVIEW and item.title == ACTION_REVIEW_TITLE.text:
        return _tr(ACTION_REVIEW_TITLE.context, ACTION_REVIEW_TITLE.text)
    return item.title


def attendance_status(status: AttendanceStatus | None) -> str:
    """An attendance status in words (``None``: not recorded)."""
    if status is None:
        return _tr("Meetings", "not recorded")
    return {
        AttendanceStatus.PRESENT: _tr("Meetings", "present"),
        AttendanceStatus.ABSENT: _tr("Meetings", "absent"),
        AttendanceStatus.EXCUSED: _tr("Meetings", "excused"),
    }[status]


def action_status(status: ActionStatus) -> str:
    """An action item's status in words."""
    return render(UserMessage(wording.ACTION_STATUSES[status]))


def turn_kind(kind: TurnKind) -> str:
    """Why someone is on the stack, in words ("" for an ordinary turn)."""
    return {
        TurnKind.NORMAL: "",
        TurnKind.DIRECT_RESPONSE: _tr("Meetings", "direct response"),
        TurnKind.POINT_OF_ORDER: _tr("Meetings", "point of order"),
    }[kind]


def local(moment: datetime) -> QDateTime:
    """A UTC moment as a local QDateTime."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()


def date_time(moment: datetime | None) -> str:
    """A moment in the user's short date and time format."""
    if moment is None:
        return ""
    return QLocale().toString(local(moment), QLocale.FormatType.ShortFormat)


def clock_time(moment: datetime | None) -> str:
    """A moment's local time of day (hours and minutes)."""
    if moment is None:
        return ""
    return QLocale().toString(local(moment).time(), QLocale.FormatType.ShortFormat)


def duration(seconds: float) -> str:
    """A duration as ``m:ss`` or ``h:mm:ss``."""
    return format_clock(timedelta(seconds=seconds))


def minutes_text(minutes: int) -> str:
    """A number of minutes in words ("1 h 25 min")."""
    hours, rest = divmod(minutes, 60)
    if hours:
        return _tr("Meetings", "{h} h {m} min").format(h=hours, m=rest)
    return _tr("Meetings", "{m} min").format(m=rest)
