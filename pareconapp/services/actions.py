"""Action items: who agreed to do what, by when, from which meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.meetings import ActionStatus, MeetingStatus, is_overdue
from pareconapp.services.clock import Clock, system_clock
from pareconapp.services.meetings import ensure_action_review
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import ActionItem, AgendaItem, Meeting, Member


@dataclass(frozen=True)
class ActionFields:
    """What the action-item form sets."""

    owner_id: int
    description: str
    due_on: date | None = None
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class ActionRow:
    """An action item as the lists show it."""

    id: int
    meeting_id: int
    meeting_title: str
    agenda_item_id: int | None
    agenda_item_title: str
    owner_id: int
    owner: str
    description: str
    due_on: date | None
    status: ActionStatus
    overdue: bool

    @property
    def fields(self) -> ActionFields:
        """The editable fields."""
        return ActionFields(self.owner_id, self.description, self.due_on, self.agenda_item_id)


class ActionService:
    """Create, update and list action items across meetings."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    def list_actions(
        self,
        *,
        owner_id: int | None = None,
        overdue_only: bool = False,
        status: ActionStatus | None = None,
        meeting_id: int | None = None,
    ) -> list[ActionRow]:
        """Action items, open ones first, by due date."""
        today = self._clock().date()
        with self._file.transaction() as session:
            query = select(ActionItem)
            if owner_id is not None:
                query = query.where(ActionItem.owner_id == owner_id)
            if status is not None:
                query = query.where(ActionItem.status == status)
            if meeting_id is not None:
                query = query.where(ActionItem.meeting_id == meeting_id)
            rows = [_row(session, a, today) for a in session.scalars(query)]
        if overdue_only:
            rows = [r for r in rows if r.overdue]
        rows.sort(key=lambda r: (r.status is not ActionStatus.OPEN, r.due_on or date.max, r.id))
        return rows

    def open_from_earlier(self, meeting_id: int) -> list[ActionRow]:
        """Open action items of meetings that started before this one."""
        with self._file.transaction() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                return []
            starts = meeting.starts_at
            earlier = set(
                session.scalars(
                    select(Meeting.id).where(Meeting.starts_at < starts, Meeting.id != meeting_id)
                )
            )
        return [r for r in self.list_actions(status=ActionStatus.OPEN) if r.meeting_id in earlier]

    def add(self, meeting_id: int, fields: ActionFields) -> int:
        """Record an action item agreed in a meeting."""
        with self._file.transaction() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None:
                raise user_error(QT_TRANSLATE_NOOP("Actions", "That meeting no longer exists."))
            _check(session, fields, meeting_id)
            action = ActionItem(
                meeting_id=meeting_id, status=ActionStatus.OPEN, created_at=self._clock()
            )
            _apply(action, fields)
            session.add(action)
            session.flush()
            for later in session.scalars(
                select(Meeting).where(
                    Meeting.starts_at > meeting.starts_at, Meeting.status == MeetingStatus.PLANNED
                )
            ):
                ensure_action_review(session, later)
            return action.id

    def update(self, action_id: int, fields: ActionFields) -> None:
        """Change an action item's owner, description, due date or agenda item."""
        with self._file.transaction() as session:
            action = _get(session, action_id)
            _check(session, fields, action.meeting_id)
            _apply(action, fields)

    def set_status(self, action_id: int, status: ActionStatus) -> None:
        """Mark an action item open, done or dropped."""
        now = self._clock()
        with self._file.transaction() as session:
            action = _get(session, action_id)
            action.status = status
            action.closed_at = None if status is ActionStatus.OPEN else now


def _check(session: Session, fields: ActionFields, meeting_id: int) -> None:
    if not fields.description.strip():
        raise user_error(QT_TRANSLATE_NOOP("Actions", "Description: say what is to be done."))
    if session.get(Member, fields.owner_id) is None:
        raise user_error(QT_TRANSLATE_NOOP("Actions", "Owner: choose a member."))
    if fields.agenda_item_id is not None:
        item = session.get(AgendaItem, fields.agenda_item_id)
        if item is None or item.meeting_id != meeting_id:
            raise user_error(
                QT_TRANSLATE_NOOP("Actions", "Agenda item: choose an item of the same meeting.")
            )


def _apply(action: ActionItem, fields: ActionFields) -> None:
    action.owner_id = fields.owner_id
    action.description = fields.description.strip()
    action.due_on = fields.due_on
    action.agenda_item_id = fields.agenda_item_id


def _get(session: Session, action_id: int) -> ActionItem:
    action = session.get(ActionItem, action_id)
    if action is None:
        raise user_error(QT_TRANSLATE_NOOP("Actions", "That action item no longer exists."))
    return action


def _row(session: Session, action: ActionItem, today: date) -> ActionRow:
    meeting = session.get(Meeting, action.meeting_id)
    item = session.get(AgendaItem, action.agenda_item_id) if action.agenda_item_id else None
    owner = session.get(Member, action.owner_id)
    return ActionRow(
        id=action.id,
        meeting_id=action.meeting_id,
        meeting_title=meeting.title if meeting else "",
        agenda_item_id=action.agenda_item_id,
        agenda_item_title=item.title if item else "",
        owner_id=action.owner_id,
        owner=owner.display_name if owner else "",
        description=action.description,
        due_on=action.due_on,
        status=action.status,
        overdue=is_overdue(action.due_on, action.status, today),
    )
