"""Members and councils of the open assembly: reading, editing, importing, PINs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pareconapp.core.csv_import import decode_csv
from pareconapp.core.i18n import (
    QT_TRANSLATE_N_NOOP,
    QT_TRANSLATE_NOOP,
    SourceText,
    UserError,
    UserMessage,
    user_error,
)
from pareconapp.core.member_import import (
    MAX_WEEKLY_HOURS,
    ImportPreview,
    MemberRecord,
    export_rows,
    preview_import,
)
from pareconapp.core.secrets import check_pin, hash_secret, verify_secret
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Council, CouncilKind, Member


@dataclass(frozen=True)
class MemberRow:
    """A member as the screens show it."""

    id: int
    name: str
    display_name: str
    contact: str
    weekly_hours: float
    team_id: int | None
    team: str
    consumer_council_id: int | None
    consumer_council: str
    active: bool
    skills: tuple[str, ...] = ()
    left_on: date | None = None
    has_pin: bool = False


@dataclass(frozen=True)
class MemberFields:
    """What a form or a table edit may set on a member (all fields at once)."""

    name: str
    display_name: str
    contact: str = ""
    weekly_hours: float = 0.0
    team_id: int | None = None
    consumer_council_id: int | None = None
    skills: tuple[str, ...] = ()
    active: bool = True
    left_on: date | None = None

    @classmethod
    def of(cls, row: MemberRow) -> MemberFields:
        """The editable fields of ``row``."""
        return cls(
            row.name,
            row.display_name,
            row.contact,
            row.weekly_hours,
            row.team_id,
            row.consumer_council_id,
            row.skills,
            row.active,
            row.left_on,
        )


@dataclass(frozen=True)
class CouncilNode:
    """A council with its nested councils (teams) and its member count."""

    id: int
    name: str
    kind: CouncilKind
    member_count: int
    children: tuple[CouncilNode, ...]


@dataclass(frozen=True)
class CouncilRow:
    """A council by name and kind (for pickers)."""

    id: int
    name: str
    kind: CouncilKind
    parent_id: int | None


class MemberService:
    """Reads and edits the assembly's members and councils."""

    def __init__(self, file: AssemblyFile) -> None:
        self._file = file
        self._deleted_pins: dict[int, str] = {}
        """PIN hashes of members deleted in this session, kept (in memory only) so that
        undoing the deletion gives the member their PIN back; the hash never leaves here."""

    # -- reading --------------------------------------------------------------------------

    def list_members(self, *, active_only: bool = False) -> list[MemberRow]:
        """Every member (or only active ones), active first, by display name."""
        with self._file.transaction() as session:
            names = {c.id: c.name for c in session.scalars(select(Council))}
            query = select(Member).order_by(Member.active.desc(), Member.display_name)
            if active_only:
                query = query.where(Member.active)
            return [_row(m, names) for m in session.scalars(query)]

    def member(self, member_id: int) -> MemberRow:
        """One member."""
        with self._file.transaction() as session:
            member = _get_member(session, member_id)
            names = {c.id: c.name for c in session.scalars(select(Council))}
            return _row(member, names)

    def councils(self, kind: CouncilKind | None = None) -> list[CouncilRow]:
        """Councils (of one kind), in their display order."""
        with self._file.transaction() as session:
            query = select(Council).order_by(Council.position, Council.name)
            if kind is not None:
                query = query.where(Council.kind == kind)
            return [CouncilRow(c.id, c.name, c.kind, c.parent_id) for c in session.scalars(query)]

    def council_tree(self) -> list[CouncilNode]:
        """Top-level councils (worker councils, then consumer councils) with their teams."""
        with self._file.transaction() as session:
            councils = session.scalars(
                select(Council).order_by(Council.position, Council.name)
            ).all()
            counts: dict[int, int] = {}
            for member in session.scalars(select(Member).where(Member.active)):
                for council_id in (member.team_id, member.consumer_council_id):
                    if council_id is not None:
                        counts[council_id] = counts.get(council_id, 0) + 1
            children: dict[int | None, list[Council]] = {}
            for council in councils:
                children.setdefault(council.parent_id, []).append(council)

            def build(council: Council) -> CouncilNode:
                kids = tuple(build(child) for child in children.get(council.id, []))
                own = counts.get(council.id, 0)
                return CouncilNode(
                    council.id,
                    council.name,
                    council.kind,
                    own + sum(k.member_count for k in kids),
                    kids,
                )

            order = {CouncilKind.WORKER: 0, CouncilKind.TEAM: 1, CouncilKind.CONSUMER: 2}
            roots = sorted(children.get(None, []), key=lambda c: (order[c.kind], c.position))
            return [build(root) for root in roots]

    # -- editing --------------------------------------------------------------------------

    def add_member(self, fields: MemberFields) -> MemberRow:
        """Add a member; raise a clear error for bad fields."""
        with self._file.transaction() as session:
            fields = _validated(session, fields, None)
            member = Member()
            _apply(member, fields)
            session.add(member)
            session.flush()
            return _row(member, _council_names(session))

    def update_member(self, member_id: int, fields: MemberFields) -> MemberRow:
        """Replace a member's editable fields; raise a clear error for bad fields."""
        with self._file.transaction() as session:
            member = _get_member(session, member_id)
            fields = _validated(session, fields, member_id)
            _apply(member, fields)
            session.flush()
            return _row(member, _council_names(session))

    def delete_member(self, member_id: int) -> MemberFields:
        """Delete a member who is referenced nowhere; return their fields (for undo).

        A member referenced by meetings, votes or ratings is kept for the record: the error
        says to mark them as having left instead.
        """
        with self._file.transaction() as session:
            member = _get_member(session, member_id)
            fields = MemberFields.of(_row(member, _council_names(session)))
            name = member.display_name
            pin_hash = member.pin_hash
            session.delete(member)
            try:
                session.flush()
            except sa_exc.IntegrityError:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Members",
                        "{name} appears in meetings or other records, which must be "
                        "kept. Mark them as having left instead.",
                    ),
                    name=name,
                ) from None
            if pin_hash is not None:
                self._deleted_pins[member_id] = pin_hash
            return fields

    def restore_member(self, fields: MemberFields, member_id: int) -> MemberRow:
        """Re-create a deleted member with its former id (undo of a deletion), PIN included."""
        with self._file.transaction() as session:
            fields = _validated(session, fields, None)
            member = Member(id=member_id)
            _apply(member, fields)
            member.pin_hash = self._deleted_pins.get(member_id)
            session.add(member)
            session.flush()
            self._deleted_pins.pop(member_id, None)
            return _row(member, _council_names(session))

    # -- PINs -----------------------------------------------------------------------------

    def set_pin(self, member_id: int, pin: str | None) -> None:
        """Set (or with ``None`` clear) a member's PIN; only its scrypt hash is stored."""
        stored = None if pin is None else hash_secret(check_pin(pin))
        with self._file.transaction() as session:
            _get_member(session, member_id).pin_hash = stored

    def verify_pin(self, member_id: int, pin: str) -> bool:
        """Whether ``pin`` is the member's PIN (``False`` if they have none)."""
        with self._file.transaction() as session:
            stored = _get_member(session, member_id).pin_hash
        return stored is not None and verify_secret(pin, stored)

    # -- councils -------------------------------------------------------------------------

    def add_council(self, name: str, kind: CouncilKind, parent_id: int | None = None) -> int:
        """Add a worker council, a team (under a worker council) or a consumer council."""
        name = name.strip()
        if not name:
            raise user_error(QT_TRANSLATE_NOOP("Members", "A council needs a name."))
        with self._file.transaction() as session:
            if kind is CouncilKind.TEAM:
                parent = session.get(Council, parent_id) if parent_id is not None else None
                if parent is None or parent.kind not in (CouncilKind.WORKER, CouncilKind.TEAM):
                    raise user_error(
                        QT_TRANSLATE_NOOP(
                            "Members", "A team belongs to a worker council or to another team."
                        )
                    )
            elif parent_id is not None:
                raise user_error(
                    QT_TRANSLATE_NOOP("Members", "Only teams are nested inside another council.")
                )
            _check_council_name(session, name, None)
            position = session.scalar(select(func.coalesce(func.max(Council.position), 0))) or 0
            council = Council(name=name, kind=kind, parent_id=parent_id, position=position + 1)
            session.add(council)
            session.flush()
            return council.id

    def rename_council(self, council_id: int, name: str) -> None:
        """Rename a council."""
        name = name.strip()
        if not name:
            raise user_error(QT_TRANSLATE_NOOP("Members", "A council needs a name."))
        with self._file.transaction() as session:
            council = session.get(Council, council_id)
            if council is None:
                raise user_error(QT_TRANSLATE_NOOP("Members", "That council no longer exists."))
            _check_council_name(session, name, council_id)
            council.name = name

    def delete_council(self, council_id: int) -> None:
        """Delete a council with no members and no teams."""
        with self._file.transaction() as session:
            council = session.get(Council, council_id)
            if council is None:
                return
            used = session.scalar(
                select(func.count())
                .select_from(Member)
                .where((Member.team_id == council_id) | (Member.consumer_council_id == council_id))
            )
            if used or council.children:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Members", "{name} still has members or teams; move them first."
                    ),
                    name=council.name,
                )
            session.delete(council)

    # -- CSV ------------------------------------------------------------------------------

    def preview_csv(self, data: bytes) -> ImportPreview:
        """Check a member CSV file against the assembly; store nothing."""
        with self._file.transaction() as session:
            displays = session.scalars(select(Member.display_name)).all()
            councils = session.scalars(select(Council)).all()
        return preview_import(
            decode_csv(data),
            displays,
            [c.name for c in councils if c.kind is CouncilKind.TEAM],
            [c.name for c in councils if c.kind is CouncilKind.CONSUMER],
        )

    def import_csv(self, data: bytes) -> int:
        """Import every member of a CSV file, or none if any row has a problem."""
        preview = self.preview_csv(data)
        if not preview.ok:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_N_NOOP(
                        "Members", "The file has %n problem(s); nothing was imported."
                    ),
                    count=preview.problem_count,
                )
            )
        with self._file.transaction() as session:
            ids = {(c.kind, c.name): c.id for c in session.scalars(select(Council))}
            for record in preview.records():
                member = Member()
                _apply(member, _fields_of_record(record, ids))
                session.add(member)
        return len(preview.records())

    def export_csv(self) -> str:
        """Every member as CSV text, in the format the import reads."""
        return export_rows(
            MemberRecord(
                m.name,
                m.display_name,
                m.contact,
                m.weekly_hours,
                m.team,
                m.consumer_council,
                m.skills,
                m.active,
            )
            for m in self.list_members()
        )


def _fields_of_record(
    record: MemberRecord, ids: dict[tuple[CouncilKind, str], int]
) -> MemberFields:
    return MemberFields(
        name=record.name,
        display_name=record.display_name,
        contact=record.contact,
        weekly_hours=record.weekly_hours,
        team_id=ids.get((CouncilKind.TEAM, record.team)),
        consumer_council_id=ids.get((CouncilKind.CONSUMER, record.consumer_council)),
        skills=record.skills,
        active=record.active,
    )


def _council_names(session: Session) -> dict[int, str]:
    return {c.id: c.name for c in session.scalars(select(Council))}


def _row(member: Member, names: dict[int, str]) -> MemberRow:
    return MemberRow(
        id=member.id,
        name=member.name,
        display_name=member.display_name,
        contact=member.contact,
        weekly_hours=member.weekly_hours,
        team_id=member.team_id,
        team=names.get(member.team_id, "") if member.team_id is not None else "",
        consumer_council_id=member.consumer_council_id,
        consumer_council=(
            names.get(member.consumer_council_id, "")
            if member.consumer_council_id is not None
            else ""
        ),
        active=member.active,
        skills=tuple(member.skills or ()),
        left_on=member.left_on,
        has_pin=member.pin_hash is not None,
    )


def _get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise user_error(QT_TRANSLATE_NOOP("Members", "That member no longer exists."))
    return member


def _apply(member: Member, fields: MemberFields) -> None:
    member.name = fields.name
    member.display_name = fields.display_name
    member.contact = fields.contact
    member.weekly_hours = fields.weekly_hours
    member.team_id = fields.team_id
    member.consumer_council_id = fields.consumer_council_id
    member.skills = list(fields.skills)
    member.active = fields.active
    member.left_on = fields.left_on


def _validated(session: Session, fields: MemberFields, member_id: int | None) -> MemberFields:
    """The fields cleaned up, or a clear error naming the field and what is allowed."""
    name = fields.name.strip()
    display = fields.display_name.strip() or name
    if not name:
        raise user_error(QT_TRANSLATE_NOOP("Members", "Name: a member needs a name."))
    if len(display) > 100:
        raise user_error(QT_TRANSLATE_NOOP("Members", "Display name: at most 100 characters."))
    if not 0 <= fields.weekly_hours <= MAX_WEEKLY_HOURS:
        raise user_error(
            QT_TRANSLATE_NOOP("Members", "Hours/week: must be from 0 to 168, not {value:g}."),
            value=fields.weekly_hours,
        )
    clash = session.scalar(
        select(Member).where(
            func.lower(Member.display_name) == display.lower(), Member.id != (member_id or -1)
        )
    )
    if clash is not None:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Members", 'Display name: "{name}" is already used by another member.'
            ),
            name=display,
        )
    _check_council(
        session,
        fields.team_id,
        (CouncilKind.TEAM, CouncilKind.WORKER),
        QT_TRANSLATE_NOOP("Members", "Team: choose a team of the worker council."),
    )
    _check_council(
        session,
        fields.consumer_council_id,
        (CouncilKind.CONSUMER,),
        QT_TRANSLATE_NOOP("Members", "Consumer council: choose a consumer council."),
    )
    skills = tuple(dict.fromkeys(s.strip() for s in fields.skills if s.strip()))
    left_on = None if fields.active else fields.left_on
    return replace(
        fields,
        name=name,
        display_name=display,
        contact=fields.contact.strip(),
        skills=skills,
        left_on=left_on,
    )


def _check_council(
    session: Session, council_id: int | None, kinds: tuple[CouncilKind, ...], message: SourceText
) -> None:
    if council_id is None:
        return
    council = session.get(Council, council_id)
    if council is None or council.kind not in kinds:
        raise user_error(message)


def _check_council_name(session: Session, name: str, council_id: int | None) -> None:
    clash = session.scalar(
        select(Council).where(
            func.lower(Council.name) == name.lower(), Council.id != (council_id or -1)
        )
    )
    if clash is not None:
        raise user_error(
            QT_TRANSLATE_NOOP("Members", 'There is already a council called "{name}".'), name=name
        )
