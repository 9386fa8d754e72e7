"""The speakers' stack of a meeting, stored so a crash loses no one's place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.meetings import MeetingStatus
from pareconapp.core.stack import (
    QueuedSpeaker,
    TurnKind,
    insertion_index,
    is_already_waiting,
    progressive_order,
)
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import (
    AgendaItem,
    ItemState,
    Meeting,
    Member,
    SpeakerEntry,
    SpeakerState,
)


@dataclass(frozen=True)
class SpeakerRow:
    """One request to speak."""

    entry_id: int
    member_id: int
    display_name: str
    kind: TurnKind
    queued_at: datetime
    started_at: datetime | None


@dataclass(frozen=True)
class StackState:
    """Everything a stack view (main window or projector) shows; no widgets involved."""

    meeting_id: int
    current: SpeakerRow | None
    waiting: tuple[SpeakerRow, ...]
    turns_taken: dict[int, int]
    seconds_spoken: dict[int, float]
    progressive: bool
    limit_seconds: int | None

    def speaking_seconds(self, now: datetime) -> float:
        """How long the current speaker has spoken so far."""
        if self.current is None or self.current.started_at is None:
            return 0.0
        return max(0.0, (now - self.current.started_at).total_seconds())

    def over_limit(self, now: datetime) -> bool:
        """Whether the current speaker is past the per-speaker limit."""
        return self.limit_seconds is not None and self.speaking_seconds(now) > self.limit_seconds


class SpeakerService:
    """Add, remove, reorder and call speakers."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    def state(self, meeting_id: int) -> StackState:
        """The stack as it stands."""
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _meeting(session, meeting_id)
            entries = _entries(session, meeting_id)
            names = dict(session.execute(select(Member.id, Member.display_name)).all())
            turns: dict[int, int] = {}
            seconds: dict[int, float] = {}
            current = None
            for entry in entries:
                if entry.state in (SpeakerState.SPEAKING, SpeakerState.DONE):
                    turns[entry.member_id] = turns.get(entry.member_id, 0) + 1
                    end = entry.ended_at or now
                    if entry.started_at is not None:
                        seconds[entry.member_id] = seconds.get(entry.member_id, 0.0) + max(
                            0.0, (end - entry.started_at).total_seconds()
                        )
                if entry.state is SpeakerState.SPEAKING:
                    current = _row(entry, names)
            waiting = tuple(_row(e, names) for e in _waiting(entries))
            return StackState(
                meeting_id,
                current,
                waiting,
                turns,
                seconds,
                meeting.progressive_stack,
                meeting.speaker_limit_seconds,
            )

    def add(self, meeting_id: int, member_id: int, kind: TurnKind = TurnKind.NORMAL) -> int:
        """Put a member on the stack where the rules place them; return the entry id."""
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _meeting(session, meeting_id, running=True)
            member = session.get(Member, member_id)
            if member is None:
                raise UserError(
                    UserMessage(QT_TRANSLATE_NOOP("Speakers", "That member no longer exists."))
                )
            entries = _entries(session, meeting_id)
            queue = _waiting(entries)
            queued = [QueuedSpeaker(e.id, e.member_id, e.kind) for e in queue]
            if is_already_waiting(queued, member_id, kind):
                raise UserError(
                    UserMessage(
                        QT_TRANSLATE_NOOP("Speakers", "{name} is already on the stack."),
                        {"name": member.display_name},
                    )
                )
            index = insertion_index(
                queued, member_id, kind, _turns(entries), progressive=meeting.progressive_stack
            )
            entry = SpeakerEntry(
                meeting_id=meeting_id,
                member_id=member_id,
                kind=kind,
                state=SpeakerState.WAITING,
                queued_at=now,
                agenda_item_id=_current_item_id(session, meeting_id),
            )
            session.add(entry)
            queue.insert(index, entry)
            _renumber(queue)
            session.flush()
            return entry.id

    def withdraw(self, entry_id: int) -> None:
        """Take a waiting entry off the stack."""
        with self._file.transaction() as session:
            entry = session.get(SpeakerEntry, entry_id)
            if entry is None or entry.state is not SpeakerState.WAITING:
                return
            entry.state = SpeakerState.WITHDRAWN
            _renumber(_waiting(_entries(session, entry.meeting_id)))

    def move(self, entry_id: int, new_index: int) -> None:
        """Move a waiting entry to ``new_index`` of the queue (the facilitator's call)."""
        with self._file.transaction() as session:
            entry = session.get(SpeakerEntry, entry_id)
            if entry is None or entry.state is not SpeakerState.WAITING:
                return
            queue = [e for e in _waiting(_entries(session, entry.meeting_id)) if e.id != entry_id]
            queue.insert(max(0, min(new_index, len(queue))), entry)
            _renumber(queue)

    def next_speaker(self, meeting_id: int) -> SpeakerRow | None:
        """End the current turn and give the floor to the first in the queue."""
        now = self._clock()
        with self._file.transaction() as session:
            _meeting(session, meeting_id, running=True)
            entries = _entries(session, meeting_id)
            _finish(entries, now)
            queue = _waiting(entries)
            if not queue:
                return None
            first = queue[0]
            first.state, first.started_at = SpeakerState.SPEAKING, now
            _renumber(queue[1:])
            names = dict(session.execute(select(Member.id, Member.display_name)).all())
            return _row(first, names)

    def finish_current(self, meeting_id: int) -> None:
        """End the current turn without calling the next speaker."""
        now = self._clock()
        with self._file.transaction() as session:
            _finish(_entries(session, meeting_id), now)

    def set_progressive(self, meeting_id: int, progressive: bool) -> None:
        """Switch the progressive stack on (re-sorting the queue) or off."""
        with self._file.transaction() as session:
            meeting = _meeting(session, meeting_id)
            meeting.progressive_stack = progressive
            if progressive:
                entries = _entries(session, meeting_id)
                queue = _waiting(entries)
                by_id = {e.id: e for e in queue}
                order = progressive_order(
                    [QueuedSpeaker(e.id, e.member_id, e.kind) for e in queue], _turns(entries)
                )
                _renumber([by_id[q.entry_id] for q in order])

    def set_limit(self, meeting_id: int, seconds: int | None) -> None:
        """Set (or clear) the per-speaker time limit."""
        if seconds is not None and not 10 <= seconds <= 3600:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "Speakers", "Speaking time limit: from 10 seconds to 60 minutes."
                    )
                )
            )
        with self._file.transaction() as session:
            _meeting(session, meeting_id).speaker_limit_seconds = seconds


def _meeting(session: Session, meeting_id: int, *, running: bool = False) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise UserError(
            UserMessage(QT_TRANSLATE_NOOP("Speakers", "That meeting no longer exists."))
        )
    if running and meeting.status is not MeetingStatus.IN_SESSION:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "Speakers", "The speakers' stack works while the meeting is in session."
                )
            )
        )
    return meeting


def _entries(session: Session, meeting_id: int) -> list[SpeakerEntry]:
    return list(
        session.scalars(
            select(SpeakerEntry)
            .where(SpeakerEntry.meeting_id == meeting_id)
            .order_by(SpeakerEntry.id)
        )
    )


def _waiting(entries: list[SpeakerEntry]) -> list[SpeakerEntry]:
    return sorted(
        (e for e in entries if e.state is SpeakerState.WAITING), key=lambda e: (e.position, e.id)
    )


def _turns(entries: list[SpeakerEntry]) -> dict[int, int]:
    turns: dict[int, int] = {}
    for entry in entries:
        if entry.state in (SpeakerState.SPEAKING, SpeakerState.DONE):
            turns[entry.member_id] = turns.get(entry.member_id, 0) + 1
    return turns


def _finish(entries: list[SpeakerEntry], now: datetime) -> None:
    for entry in entries:
        if entry.state is SpeakerState.SPEAKING:
            entry.state, entry.ended_at = SpeakerState.DONE, now


def _renumber(queue: list[SpeakerEntry]) -> None:
    for position, entry in enumerate(queue):
        entry.position = position


def _current_item_id(session: Session, meeting_id: int) -> int | None:
    return session.scalar(
        select(AgendaItem.id).where(
            AgendaItem.meeting_id == meeting_id, AgendaItem.state == ItemState.CURRENT
        )
    )


def _row(entry: SpeakerEntry, names: dict[int, str]) -> SpeakerRow:
    return SpeakerRow(
        entry.id,
        entry.member_id,
        names.get(entry.member_id, "?"),
        entry.kind,
        entry.queued_at,
        entry.started_at,
    )
