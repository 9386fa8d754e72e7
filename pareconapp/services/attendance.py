"""Roll call: who is present, absent or excused, and who was in the room when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.meetings import AttendanceStatus, MeetingStatus, Presence, present_at
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Attendance, Meeting, Member, PresenceInterval


@dataclass(frozen=True)
class AttendanceRow:
    """One member's attendance at a meeting."""

    member_id: int
    display_name: str
    name: str
    status: AttendanceStatus | None
    intervals: tuple[Presence, ...]
    in_room: bool


@dataclass(frozen=True)
class AttendanceSummary:
    """Head counts for the attendance panel (and the minutes)."""

    in_room: int
    attended: int
    absent: int
    excused: int
    not_recorded: int


class AttendanceService:
    """Check members in and out and answer "who was present at time T"."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    def roll(self, meeting_id: int) -> list[AttendanceRow]:
        """Every active member (and anyone recorded at the meeting), by display name."""
        with self._file.transaction() as session:
            _meeting(session, meeting_id)
            statuses = {
                a.member_id: a.status
                for a in session.scalars(
                    select(Attendance).where(Attendance.meeting_id == meeting_id)
                )
            }
            intervals = _intervals(session, meeting_id)
            members = session.scalars(select(Member).order_by(Member.display_name)).all()
            rows = []
            for member in members:
                if not member.active and member.id not in statuses:
                    continue
                own = tuple(i for i in intervals if i.member_id == member.id)
                rows.append(
                    AttendanceRow(
                        member.id,
                        member.display_name,
                        member.name,
                        statuses.get(member.id),
                        own,
                        any(i.left is None for i in own),
                    )
                )
            return rows

    def check_in(self, meeting_id: int, member_id: int) -> None:
        """Record that the member arrived now (present)."""
        now = self._clock()
        with self._file.transaction() as session:
            _meeting(session, meeting_id, open_only=True)
            _member(session, member_id)
            _set_status(session, meeting_id, member_id, AttendanceStatus.PRESENT)
            if _open_interval(session, meeting_id, member_id) is None:
                session.add(
                    PresenceInterval(meeting_id=meeting_id, member_id=member_id, arrived_at=now)
                )

    def check_out(self, meeting_id: int, member_id: int) -> None:
        """Record that the member left the room now (they still attended)."""
        now = self._clock()
        with self._file.transaction() as session:
            _meeting(session, meeting_id, open_only=True)
            interval = _open_interval(session, meeting_id, member_id)
            if interval is not None:
                interval.left_at = now

    def set_status(self, meeting_id: int, member_id: int, status: AttendanceStatus) -> None:
        """Tick a member present, absent or excused (absent/excused clears their times)."""
        if status is AttendanceStatus.PRESENT:
            self.check_in(meeting_id, member_id)
            return
        with self._file.transaction() as session:
            _meeting(session, meeting_id, open_only=True)
            _member(session, member_id)
            _set_status(session, meeting_id, member_id, status)
            session.execute(
                delete(PresenceInterval).where(
                    PresenceInterval.meeting_id == meeting_id,
                    PresenceInterval.member_id == member_id,
                )
            )

    def present_at(self, meeting_id: int, moment: datetime) -> set[int]:
        """The members in the room at ``moment`` (quorum is judged on this)."""
        with self._file.transaction() as session:
            return present_at(_intervals(session, meeting_id), moment)

    def summary(self, meeting_id: int) -> AttendanceSummary:
        """Counts for the panel: in the room now, attended, absent, excused, not recorded."""
        rows = self.roll(meeting_id)
        count = {status: sum(1 for r in rows if r.status is status) for status in AttendanceStatus}
        return AttendanceSummary(
            in_room=sum(1 for r in rows if r.in_room),
            attended=count[AttendanceStatus.PRESENT],
            absent=count[AttendanceStatus.ABSENT],
            excused=count[AttendanceStatus.EXCUSED],
            not_recorded=sum(1 for r in rows if r.status is None),
        )


def _meeting(session: Session, meeting_id: int, *, open_only: bool = False) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(
            UserMessage(QT_TRANSLATE_NOOP("Attendance", "That meeting no longer exists."))
        )
    if open_only and meeting.status in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_APPROVED):
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "Attendance", '"{title}" is closed; its attendance is part of the record.'
                ),
                {"title": meeting.title},
            )
        )
    return meeting


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError(
            UserMessage(QT_TRANSLATE_NOOP("Attendance", "That member no longer exists."))
        )
    return member


def _set_status(
    session: Session, meeting_id: int, member_id: int, status: AttendanceStatus
) -> None:
    record = session.scalar(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.member_id == member_id
        )
    )
    if record is None:
        session.add(Attendance(meeting_id=meeting_id, member_id=member_id, status=status))
    else:
        record.status = status


def _open_interval(session: Session, meeting_id: int, member_id: int) -> PresenceInterval | None:
    return session.scalar(
        select(PresenceInterval).where(
            PresenceInterval.meeting_id == meeting_id,
            PresenceInterval.member_id == member_id,
            PresenceInterval.left_at.is_(None),
        )
    )


def _intervals(session: Session, meeting_id: int) -> list[Presence]:
    return [
        Presence(i.member_id, i.arrived_at, i.left_at)
        for i in session.scalars(
            select(PresenceInterval)
            .where(PresenceInterval.meeting_id == meeting_id)
            .order_by(PresenceInterval.arrived_at)
        )
    ]
