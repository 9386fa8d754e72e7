"""Meetings and their agendas: preparing them, and running them item by item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.meetings import (
    ACTION_REVIEW_TITLE,
    ActionStatus,
    AgendaKind,
    MeetingStatus,
    TimeboxState,
    timebox_state,
)
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    ItemState,
    Meeting,
    MeetingFacilitator,
    Member,
    PresenceInterval,
    SpeakerEntry,
    SpeakerState,
)

MAX_TIMEBOX_MINUTES = 1440


@dataclass(frozen=True)
class MeetingFields:
    """What the meeting form sets."""

    title: str
    starts_at: datetime
    place: str = ""
    facilitator_ids: tuple[int, ...] = ()
    minute_taker_id: int | None = None


@dataclass(frozen=True)
class ItemFields:
    """What the agenda-item form sets."""

    title: str
    kind: AgendaKind = AgendaKind.DISCUSSION
    timebox_minutes: int = 10
    presenter_id: int | None = None
    notes: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as lists and headers show it."""

    id: int
    title: str
    starts_at: datetime
    place: str
    status: MeetingStatus
    facilitator_ids: tuple[int, ...]
    facilitators: tuple[str, ...]
    minute_taker_id: int | None
    minute_taker: str
    item_count: int
    started_at: datetime | None
    ended_at: datetime | None
    progressive_stack: bool
    speaker_limit_seconds: int | None

    @property
    def fields(self) -> MeetingFields:
        """The editable fields."""
        return MeetingFields(
            self.title, self.starts_at, self.place, self.facilitator_ids, self.minute_taker_id
        )


@dataclass(frozen=True)
class AgendaItemRow:
    """An agenda item with its timer."""

    id: int
    meeting_id: int
    position: int
    title: str
    kind: AgendaKind
    timebox_minutes: int
    presenter_id: int | None
    presenter: str
    notes: str
    outcome: str
    state: ItemState
    elapsed_seconds: float
    running_since: datetime | None

    @property
    def fields(self) -> ItemFields:
        """The editable fields."""
        return ItemFields(
            self.title, self.kind, self.timebox_minutes, self.presenter_id, self.notes, self.outcome
        )

    def timer(self, now: datetime) -> TimeboxState:
        """The item's timebox at ``now``."""
        return timebox_state(
            timedelta(minutes=self.timebox_minutes),
            timedelta(seconds=self.elapsed_seconds),
            self.running_since,
            now,
        )


@dataclass(frozen=True)
class MeetingDetail:
    """A meeting with its agenda in order."""

    meeting: MeetingRow
    items: tuple[AgendaItemRow, ...]

    @property
    def current_item(self) -> AgendaItemRow | None:
        """The item being discussed while the meeting runs."""
        return next((i for i in self.items if i.state is ItemState.CURRENT), None)


class MeetingService:
    """Prepare meetings and run them."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    # -- reading --------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingRow]:
        """Every meeting, newest first."""
        with self._file.transaction() as session:
            meetings = session.scalars(
                select(Meeting)
                .options(selectinload(Meeting.facilitators), selectinload(Meeting.items))
                .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            ).all()
            names = _member_names(session)
            return [_meeting_row(m, names) for m in meetings]

    def meeting(self, meeting_id: int) -> MeetingDetail:
        """A meeting with its agenda."""
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            names = _member_names(session)
            return MeetingDetail(
                _meeting_row(meeting, names), tuple(_item_row(i, names) for i in meeting.items)
            )

    def previous_meeting(self, before: datetime) -> MeetingRow | None:
        """The latest meeting that starts before ``before``."""
        return next((m for m in self.list_meetings() if m.starts_at < before), None)

    # -- preparing ------------------------------------------------------------------------

    def create_meeting(self, fields: MeetingFields, copy_agenda_from: int | None = None) -> int:
        """Create a planned meeting, optionally with another meeting's agenda.

        Unfinished action items of earlier meetings add a "Review action items" item first.
        """
        with self._file.transaction() as session:
            meeting = Meeting(status=MeetingStatus.PLANNED)
            _apply_meeting(session, meeting, _checked_meeting(fields))
            session.add(meeting)
            session.flush()
            if copy_agenda_from is not None:
                source = _get_meeting(session, copy_agenda_from)
                for item in source.items:
                    if item.kind is AgendaKind.ACTION_REVIEW:
                        continue
                    meeting.items.append(
                        AgendaItem(
                            position=len(meeting.items),
                            title=item.title,
                            kind=item.kind,
                            timebox_minutes=item.timebox_minutes,
                            presenter_id=item.presenter_id,
                        )
                    )
            session.flush()
            ensure_action_review(session, meeting)
            return meeting.id

    def update_meeting(self, meeting_id: int, fields: MeetingFields) -> None:
        """Change a meeting's details."""
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            _apply_meeting(session, meeting, _checked_meeting(fields))

    def delete_meeting(self, meeting_id: int) -> None:
        """Delete a planned meeting that has no records yet."""
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            has_records = any(
                session.scalar(
                    select(func.count()).select_from(model).where(model.meeting_id == meeting_id)
                )
                for model in (Attendance, ActionItem, SpeakerEntry, Decision)
            )
            if meeting.status is not MeetingStatus.PLANNED or has_records:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Meetings",
                        '"{title}" has already been held or has records; it is kept '
                        "for the minutes.",
                    ),
                    title=meeting.title,
                )
            session.delete(meeting)

    def add_item(self, meeting_id: int, fields: ItemFields, index: int | None = None) -> int:
        """Add an agenda item (at the end, or at ``index``)."""
        fields = _checked_item(fields)
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            _check_editable(meeting)
            item = AgendaItem(position=0, state=ItemState.PENDING)
            _apply_item(item, fields)
            items = list(meeting.items)
            items.insert(len(items) if index is None else max(0, min(index, len(items))), item)
            meeting.items.append(item)
            _renumber(items)
            session.flush()
            return item.id

    def update_item(self, item_id: int, fields: ItemFields) -> None:
        """Change an agenda item (refused once the meeting's minutes are being approved)."""
        fields = _checked_item(fields)
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            _check_prose_editable(session, item)
            _apply_item(item, fields)

    def delete_item(self, item_id: int) -> tuple[int, ItemFields]:
        """Delete an agenda item not yet discussed; return its position and fields (undo)."""
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            if item.state is not ItemState.PENDING or item.elapsed_seconds > 0:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Meetings", '"{title}" has been discussed; it stays in the record.'
                    ),
                    title=item.title,
                )
            meeting = item.meeting
            position = meeting.items.index(item)
            fields = ItemFields(
                item.title,
                item.kind,
                item.timebox_minutes,
                item.presenter_id,
                item.notes,
                item.outcome,
            )
            meeting.items.remove(item)
            session.delete(item)
            _renumber(meeting.items)
            return position, fields

    def move_item(self, item_id: int, new_index: int) -> None:
        """Move an agenda item to ``new_index``."""
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            items = [i for i in item.meeting.items if i.id != item_id]
            items.insert(max(0, min(new_index, len(items))), item)
            _renumber(items)

    def set_notes(self, item_id: int, notes: str) -> None:
        """Save an item's notes for the minutes (typed live while it runs)."""
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            _check_prose_editable(session, item)
            item.notes = notes

    def set_outcome(self, item_id: int, outcome: str) -> None:
        """Save an item's outcome."""
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            _check_prose_editable(session, item)
            item.outcome = outcome

    # -- running --------------------------------------------------------------------------

    def start_meeting(self, meeting_id: int) -> None:
        """Open the meeting and start its first item's timer."""
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            if meeting.status is not MeetingStatus.PLANNED:
                raise user_error(
                    QT_TRANSLATE_NOOP("Meetings", '"{title}" has already been started.'),
                    title=meeting.title,
                )
            if not meeting.items:
                raise user_error(
                    QT_TRANSLATE_NOOP("Meetings", "Add at least one agenda item before starting.")
                )
            meeting.status = MeetingStatus.IN_SESSION
            meeting.started_at = now
            _make_current(meeting.items[0], now)

    def go_to_item(self, meeting_id: int, item_id: int) -> None:
        """Make ``item_id`` the current item; the item left keeps its elapsed time."""
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _running_meeting(session, meeting_id)
            target = next((i for i in meeting.items if i.id == item_id), None)
            if target is None:
                raise user_error(QT_TRANSLATE_NOOP("Meetings", "That item is not on this agenda."))
            for item in meeting.items:
                if item.state is ItemState.CURRENT and item is not target:
                    _stop(item, now)
                    item.state = ItemState.DONE
            _make_current(target, now)

    def step(self, meeting_id: int, offset: int) -> bool:
        """Go to the next (``+1``) or previous (``-1``) item; ``False`` if there is none."""
        detail = self.meeting(meeting_id)
        current = detail.current_item
        index = detail.items.index(current) if current is not None else -1
        target = index + offset
        if not 0 <= target < len(detail.items):
            return False
        self.go_to_item(meeting_id, detail.items[target].id)
        return True

    def pause_timer(self, item_id: int) -> None:
        """Pause an item's timer."""
        now = self._clock()
        with self._file.transaction() as session:
            _stop(_get_item(session, item_id), now)

    def resume_timer(self, item_id: int) -> None:
        """Resume an item's timer."""
        now = self._clock()
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            if item.running_since is None:
                item.running_since = now

    def extend_timebox(self, item_id: int, minutes: int = 1) -> None:
        """Give an item more time."""
        with self._file.transaction() as session:
            item = _get_item(session, item_id)
            item.timebox_minutes = max(0, min(MAX_TIMEBOX_MINUTES, item.timebox_minutes + minutes))

    def end_meeting(self, meeting_id: int) -> None:
        """Close the meeting: stop the clock, close attendance and the speakers' stack."""
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _running_meeting(session, meeting_id)
            for item in meeting.items:
                if item.state is ItemState.CURRENT:
                    _stop(item, now)
                    item.state = ItemState.DONE
            for interval in session.scalars(
                select(PresenceInterval).where(
                    PresenceInterval.meeting_id == meeting_id, PresenceInterval.left_at.is_(None)
                )
            ):
                interval.left_at = now
            for entry in session.scalars(
                select(SpeakerEntry).where(
                    SpeakerEntry.meeting_id == meeting_id,
                    SpeakerEntry.state.in_([SpeakerState.SPEAKING, SpeakerState.WAITING]),
                )
            ):
                if entry.state is SpeakerState.SPEAKING:
                    entry.state, entry.ended_at = SpeakerState.DONE, now
                else:
                    entry.state = SpeakerState.WITHDRAWN
            meeting.status = MeetingStatus.CLOSED
            meeting.ended_at = now


def ensure_action_review(session: Session, meeting: Meeting) -> None:
    """Give a planned meeting a "Review action items" item if earlier ones left work open."""
    if meeting.status is not MeetingStatus.PLANNED:
        return
    if any(item.kind is AgendaKind.ACTION_REVIEW for item in meeting.items):
        return
    open_earlier = session.scalar(
        select(func.count())
        .select_from(ActionItem)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(
            ActionItem.status == ActionStatus.OPEN,
            Meeting.starts_at < meeting.starts_at,
            Meeting.id != meeting.id,
        )
    )
    if not open_earlier:
        return
    review = AgendaItem(
        position=0,
        title=ACTION_REVIEW_TITLE.text,
        kind=AgendaKind.ACTION_REVIEW,
        timebox_minutes=10,
        state=ItemState.PENDING,
    )
    items = [review, *meeting.items]
    meeting.items.append(review)
    _renumber(items)


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        item.position = position


def _make_current(item: AgendaItem, now: datetime) -> None:
    item.state = ItemState.CURRENT
    if item.running_since is None:
        item.running_since = now


def _stop(item: AgendaItem, now: datetime) -> None:
    if item.running_since is not None:
        item.elapsed_seconds += max(0.0, (now - item.running_since).total_seconds())
        item.running_since = None


def _check_editable(meeting: Meeting) -> None:
    if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.MINUTES_APPROVED):
        raise user_error(
            QT_TRANSLATE_NOOP("Meetings", '"{title}" is closed; its agenda can no longer change.'),
            title=meeting.title,
        )


def _check_prose_editable(session: Session, item: AgendaItem) -> None:
    """Approved minutes are frozen: their notes and outcomes never change silently.

    The rule (locked from the opening of the approval ballot) lives with the minutes.
    """
    from pareconapp.services.minutes import check_prose_editable  # minutes import this module

    check_prose_editable(session, item.meeting_id)


def _checked_meeting(fields: MeetingFields) -> MeetingFields:
    if not fields.title.strip():
        raise user_error(QT_TRANSLATE_NOOP("Meetings", "Title: a meeting needs a title."))
    if fields.starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    return fields


def _checked_item(fields: ItemFields) -> ItemFields:
    if not fields.title.strip():
        raise user_error(QT_TRANSLATE_NOOP("Meetings", "Title: an agenda item needs a title."))
    if not 0 <= fields.timebox_minutes <= MAX_TIMEBOX_MINUTES:
        raise user_error(
            QT_TRANSLATE_NOOP("Meetings", "Timebox: from 0 to {max} minutes, not {value}."),
            max=MAX_TIMEBOX_MINUTES,
            value=fields.timebox_minutes,
        )
    return fields


def _apply_meeting(session: Session, meeting: Meeting, fields: MeetingFields) -> None:
    meeting.title = fields.title.strip()
    meeting.starts_at = fields.starts_at
    meeting.place = fields.place.strip()
    for member_id in (*fields.facilitator_ids, fields.minute_taker_id):
        if member_id is not None and session.get(Member, member_id) is None:
            raise user_error(QT_TRANSLATE_NOOP("Meetings", "That member no longer exists."))
    meeting.minute_taker_id = fields.minute_taker_id
    if meeting.id is not None:
        session.execute(
            delete(MeetingFacilitator).where(MeetingFacilitator.meeting_id == meeting.id)
        )
        session.flush()
        session.expire(meeting, ["facilitators"])
    meeting.facilitators = [
        m
        for m in (session.get(Member, i) for i in dict.fromkeys(fields.facilitator_ids))
        if m is not None
    ]


def _apply_item(item: AgendaItem, fields: ItemFields) -> None:
    item.title = fields.title.strip()
    item.kind = fields.kind
    item.timebox_minutes = fields.timebox_minutes
    item.presenter_id = fields.presenter_id
    item.notes = fields.notes
    item.outcome = fields.outcome


def _member_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Member.id, Member.display_name)).all())


def _meeting_row(meeting: Meeting, names: dict[int, str]) -> MeetingRow:
    return MeetingRow(
        id=meeting.id,
        title=meeting.title,
        starts_at=meeting.starts_at,
        place=meeting.place,
        status=meeting.status,
        facilitator_ids=tuple(m.id for m in meeting.facilitators),
        facilitators=tuple(m.display_name for m in meeting.facilitators),
        minute_taker_id=meeting.minute_taker_id,
        minute_taker=names.get(meeting.minute_taker_id, "") if meeting.minute_taker_id else "",
        item_count=len(meeting.items),
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        progressive_stack=meeting.progressive_stack,
        speaker_limit_seconds=meeting.speaker_limit_seconds,
    )


def _item_row(item: AgendaItem, names: dict[int, str]) -> AgendaItemRow:
    return AgendaItemRow(
        id=item.id,
        meeting_id=item.meeting_id,
        position=item.position,
        title=item.title,
        kind=item.kind,
        timebox_minutes=item.timebox_minutes,
        presenter_id=item.presenter_id,
        presenter=names.get(item.presenter_id, "") if item.presenter_id else "",
        notes=item.notes,
        outcome=item.outcome,
        state=item.state,
        elapsed_seconds=item.elapsed_seconds,
        running_since=item.running_since,
    )


def _get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise user_error(QT_TRANSLATE_NOOP("Meetings", "That meeting no longer exists."))
    return meeting


def _running_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = _get_meeting(session, meeting_id)
    if meeting.status is not MeetingStatus.IN_SESSION:
        raise user_error(
            QT_TRANSLATE_NOOP("Meetings", '"{title}" is not in session.'), title=meeting.title
        )
    return meeting


def _get_item(session: Session, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise user_error(QT_TRANSLATE_NOOP("Meetings", "That agenda item no longer exists."))
    return item
