"""Minutes: built once from the record, approved by the next meeting, then frozen.

Draft minutes are generated from the record every time they are exported; their prose
(agenda notes and outcomes, the preface) stays editable. The next meeting approves them with
an ordinary yes/no decision (:meth:`MinutesService.propose_approval`). From the moment that
ballot opens the prose is locked (:func:`check_prose_editable`, called by the meeting
service), so what is approved is what was voted on; once the decision has passed, the
document is frozen - stored as JSON with its SHA-256, logged in the audit log, printed by
every later export with the hash in its footer. A later correction is an erratum, printed
after the approved text, never an edit.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from pareconapp.core.decisions import (
    Choice,
    DecisionResult,
    DecisionRule,
    Outcome,
    RuleKind,
    choice_from_json,
)
from pareconapp.core.decisions.exact import fraction_from_json
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.meetings import AgendaKind, MeetingStatus
from pareconapp.core.progress import Progress
from pareconapp.exports.compose import ErratumText, compose, seal
from pareconapp.exports.document import Document, document_sha256
from pareconapp.exports.localize import Localizer, PlainLocalizer, local, tr
from pareconapp.exports.record import (
    Approval,
    DecisionRecord,
    MeetingRecord,
    MemberInfo,
    RollCallEntry,
)
from pareconapp.services import audit
from pareconapp.services.clock import Clock
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.meetings import ItemFields, MeetingRow
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import (
    BallotMode,
    Decision,
    DecisionStatus,
    Meeting,
    Member,
    RollCallVote,
)
from pareconapp.store.models_minutes import Erratum, MinutesRecord, MinutesStatus

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService

MAX_ERRATUM_LENGTH = 4000
PLAIN = PlainLocalizer()


class ApprovalState(enum.StrEnum):
    """Where the approval of a meeting's minutes stands."""

    NONE = "none"
    """Not put to the vote (or the vote failed or was withdrawn: propose again)."""
    PROPOSED = "proposed"
    """An approval decision is drafted in a later meeting; its ballot has not opened."""
    VOTING = "voting"
    """The approval ballot is open (or waits for a casting choice): the prose is locked."""
    PASSED = "passed"
    """The approval passed; the minutes are frozen at the next read."""
    FAILED = "failed"
    """The last approval vote failed; the minutes stay a draft."""
    APPROVED = "approved"
    """Frozen: stored with their SHA-256."""

    @property
    def locked(self) -> bool:
        """Whether the prose of the minutes can no longer change."""
        return self in (ApprovalState.VOTING, ApprovalState.PASSED, ApprovalState.APPROVED)


@dataclass(frozen=True)
class ErratumRow:
    """A correction recorded after approval."""

    id: int
    meeting_id: int
    text: str
    decision_id: int | None
    decision_title: str
    created_at: datetime


@dataclass(frozen=True)
class MinutesState:
    """The minutes of one meeting: status, approval, hash, errata."""

    meeting_id: int
    meeting_title: str
    meeting_status: MeetingStatus
    approval: ApprovalState
    approval_decision_id: int | None
    approval_decision_title: str
    approved_at: datetime | None
    sha256: str | None
    preface: str
    errata: tuple[ErratumRow, ...]

    @property
    def locked(self) -> bool:
        """Whether notes, outcomes and the preface can no longer change."""
        return self.approval.locked


@dataclass(frozen=True)
class RollCallVoteRow:
    """A member's open vote on a roll-call decision."""

    member_id: int
    display_name: str
    weight: Fraction
    choice: Choice
    cast_at: datetime


class MinutesService:
    """Build, approve, freeze and correct the minutes of meetings."""

    def __init__(self, file: AssemblyFile, clock: Clock, areas: AssemblyService) -> None:
        self._file = file
        self._clock = clock
        self._areas = areas

    # -- reading --------------------------------------------------------------------------

    def held_meetings(self) -> list[MeetingRow]:
        """Meetings that have minutes to export (started or held), newest first."""
        return [
            m for m in self._areas.meetings.list_meetings() if m.status is not MeetingStatus.PLANNED
        ]

    def last_meeting_id(self) -> int:
        """The most recent meeting that has been held (or is in session)."""
        held = self.held_meetings()
        if not held:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Minutes", "No meeting has been held yet, so there are no minutes."
                )
            )
        return held[0].id

    def state(self, meeting_id: int) -> MinutesState:
        """Status, approval and errata of a meeting's minutes."""
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            record = session.get(MinutesRecord, meeting_id)
            approval, decision = _approval(session, meeting)
            return MinutesState(
                meeting_id=meeting_id,
                meeting_title=meeting.title,
                meeting_status=meeting.status,
                approval=approval,
                approval_decision_id=decision.id if decision is not None else None,
                approval_decision_title=decision.title if decision is not None else "",
                approved_at=record.approved_at if record is not None else None,
                sha256=record.sha256 if record is not None else None,
                preface=record.preface if record is not None else "",
                errata=tuple(_errata(session, meeting_id)),
            )

    def roll_call_votes(self, decision_id: int) -> list[RollCallVoteRow]:
        """The open votes of a closed roll-call decision, by member name."""
        with self._file.transaction() as session:
            decision = session.get(Decision, decision_id)
            if decision is None:
                raise user_error(QT_TRANSLATE_NOOP("Minutes", "That decision no longer exists."))
            if (
                decision.ballot_mode is not BallotMode.ROLL_CALL
                or decision.status is not DecisionStatus.CLOSED
            ):
                return []
            kind = RuleKind(str(decision.rule["kind"]))
            rows = session.execute(
                select(RollCallVote, Member.display_name)
                .join(Member, Member.id == RollCallVote.member_id)
                .where(RollCallVote.decision_id == decision_id)
                .order_by(Member.display_name)
            ).all()
            weights: dict[str, Fraction] = {}  # few distinct weights, many votes
            return [
                RollCallVoteRow(
                    vote.member_id,
                    name,
                    weights.get(vote.weight)
                    or weights.setdefault(vote.weight, fraction_from_json(vote.weight)),
                    choice_from_json(kind, json.loads(vote.choice)),
                    vote.cast_at,
                )
                for vote, name in rows
            ]

    def record(
        self,
        meeting_id: int,
        approval: Approval | None = None,
        progress: Progress | None = None,
    ) -> MeetingRecord:
        """Everything the minutes of a meeting show, read once through the services."""
        areas = self._areas
        detail = areas.meetings.meeting(meeting_id)
        decisions = sorted(
            areas.decisions.list_decisions(meeting_id), key=lambda d: (d.created_at, d.id)
        )
        steps = len(decisions) + 3
        _report(progress, 0, steps)
        roll = areas.attendance.roll(meeting_id)
        members = {m.id: MemberInfo(m.display_name, m.team) for m in areas.members.list_members()}
        councils = {c.id: c.name for c in areas.members.councils()}
        _report(progress, 1, steps)
        records = []
        for done, decision in enumerate(decisions, start=2):
            roll_call = tuple(
                RollCallEntry(v.member_id, v.display_name, v.weight, v.choice)
                for v in self.roll_call_votes(decision.id)
            )
            receipts = tuple(areas.decisions.receipts(decision.id)) if decision.receipts else ()
            records.append(DecisionRecord(decision, roll_call, receipts))
            _report(progress, done, steps)
        actions = areas.actions.list_actions(meeting_id=meeting_id)
        open_earlier = areas.actions.open_from_earlier(meeting_id)
        with self._file.transaction() as session:
            minutes = session.get(MinutesRecord, meeting_id)
            preface = minutes.preface if minutes is not None else ""
        _report(progress, steps, steps)
        return MeetingRecord(
            assembly_name=areas.name(),
            meeting=detail.meeting,
            items=detail.items,
            roll=tuple(roll),
            decisions=tuple(records),
            actions=tuple(actions),
            open_earlier=tuple(open_earlier),
            members=members,
            preface=preface,
            generated_at=self._clock(),
            approval=approval,
            councils=councils,
        )

    def document(
        self,
        meeting_id: int,
        loc: Localizer = PLAIN,
        progress: Progress | None = None,
    ) -> Document:
        """The minutes as every export writes them.

        Draft minutes are built from the record now; approved minutes are the frozen
        document (checked against its SHA-256) with the errata recorded since. Minutes whose
        approval has just passed are frozen first.
        """
        self.complete_approval(meeting_id, loc)
        with self._file.transaction() as session:
            _get_meeting(session, meeting_id)
            record = session.get(MinutesRecord, meeting_id)
            frozen = (
                (record.document, record.sha256)
                if record is not None and record.status is MinutesStatus.APPROVED
                else None
            )
            errata = [
                ErratumText(e.created_at, e.text, e.decision_title)
                for e in _errata(session, meeting_id)
            ]
        if frozen is None:
            body = compose(self.record(meeting_id, progress=progress), loc, self._areas)
            return seal(body, loc, None, errata)
        stored, sha256 = frozen
        body = Document.from_dict(stored or {})
        if document_sha256(body) != sha256:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Minutes",
                    "The approved minutes no longer match their SHA-256: the assembly file "
                    "was changed outside the app. Check it with 'pareconapp check'.",
                )
            )
        return seal(body, loc, sha256, errata)

    # -- prose ----------------------------------------------------------------------------

    def set_preface(self, meeting_id: int, html: str) -> None:
        """Set the minute-taker's preface (rich text) of draft minutes."""
        with self._file.transaction() as session:
            _get_meeting(session, meeting_id)
            check_prose_editable(session, meeting_id)
            _minutes_record(session, meeting_id).preface = html

    # -- approval -------------------------------------------------------------------------

    def propose_approval(
        self,
        meeting_id: int,
        loc: Localizer = PLAIN,
        in_meeting_id: int | None = None,
        ballot_mode: BallotMode = BallotMode.SHOW_OF_HANDS,
    ) -> int:
        """Put the approval of the minutes on the next meeting's agenda as a yes/no decision.

        The decision ("Approve the minutes of ...") is filed under a new first agenda item
        of ``in_meeting_id`` (default: the next planned or running meeting), its impact
        assessed as equal for every active member; the facilitator opens the ballot there.
        Returns the decision's id.
        """
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            _check_can_propose(session, meeting)
            target = _target_meeting(session, meeting, in_meeting_id)
            title, starts_at = meeting.title, meeting.starts_at
            minute_taker = meeting.minute_taker.display_name if meeting.minute_taker else ""
        members = self._areas.members.list_members(active_only=True)
        if not members:
            raise user_error(
                QT_TRANSLATE_NOOP("Minutes", "The assembly has no active members to vote.")
            )
        date = loc.date(local(starts_at).date())
        decision_title = tr(
            loc,
            QT_TRANSLATE_NOOP("Minutes", "Approve the minutes of {title} ({date})"),
            title=title,
            date=date,
        )
        text = tr(
            loc,
            QT_TRANSLATE_NOOP(
                "Minutes",
                "<p>The assembly approves the minutes of {title}, held on {date}, as drafted"
                "{by}. Approved minutes are frozen with their SHA-256; later corrections are "
                "recorded as errata.</p>",
            ),
            title=title,
            date=date,
            by=tr(loc, QT_TRANSLATE_NOOP("Minutes", " by {name}"), name=minute_taker)
            if minute_taker
            else "",
        )
        item_id = self._areas.meetings.add_item(
            target, ItemFields(decision_title, AgendaKind.DECISION, 5), index=0
        )
        decision_id = self._areas.decisions.create(
            DecisionFields(
                decision_title,
                text,
                (),
                DecisionRule(RuleKind.SIMPLE_MAJORITY),
                ballot_mode,
                False,
                target,
                item_id,
            )
        )
        self._areas.decisions.assess(
            decision_id,
            ImpactInput(
                "levels",
                {m.id: Fraction(2) for m in members},
                tr(
                    loc,
                    QT_TRANSLATE_NOOP(
                        "Minutes",
                        "The minutes are the whole assembly's record: every member is "
                        "affected equally.",
                    ),
                ),
                entered={"method": "levels", "members": {str(m.id): "medium" for m in members}},
            ),
        )
        with self._file.transaction() as session:
            _minutes_record(session, meeting_id).approval_decision_id = decision_id
        return decision_id

    def complete_approval(self, meeting_id: int, loc: Localizer = PLAIN) -> bool:
        """Freeze the minutes if their approval has passed; ``True`` if it froze them now."""
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            state, decision = _approval(session, meeting)
            if state is not ApprovalState.PASSED or decision is None:
                return False
            decision_meeting = (
                session.get(Meeting, decision.meeting_id) if decision.meeting_id else None
            )
            approval = Approval(
                approved_at=decision.closed_at or self._clock(),
                decision_id=decision.id,
                decision_title=decision.title,
                meeting_title=decision_meeting.title if decision_meeting else "",
            )
        body = compose(self.record(meeting_id, approval), loc, self._areas)
        sha256 = document_sha256(body)
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            state, decision = _approval(session, meeting)
            if state is not ApprovalState.PASSED or decision is None:
                return False
            record = _minutes_record(session, meeting_id)
            record.document = body.to_dict()
            record.sha256 = sha256
            record.status = MinutesStatus.APPROVED
            record.approved_at = approval.approved_at
            meeting.status = MeetingStatus.MINUTES_APPROVED
            audit.append(
                session,
                {
                    "event": "minutes_approved",
                    "meeting": meeting_id,
                    "decision": decision.id,
                    "sha256": sha256,
                    "at": self._clock().isoformat(),
                },
            )
        return True

    def sync_approvals(self, loc: Localizer = PLAIN) -> list[int]:
        """Freeze every meeting's minutes whose approval has passed; return their meetings."""
        with self._file.transaction() as session:
            pending = list(
                session.scalars(
                    select(MinutesRecord.meeting_id).where(
                        MinutesRecord.status == MinutesStatus.DRAFT,
                        MinutesRecord.approval_decision_id.is_not(None),
                    )
                )
            )
        return [m for m in pending if self.complete_approval(m, loc)]

    # -- errata ---------------------------------------------------------------------------

    def add_erratum(
        self,
        meeting_id: int,
        text: str,
        decision_id: int | None = None,
        loc: Localizer = PLAIN,
    ) -> int:
        """Record a correction to approved minutes (printed by every later export).

        Minutes whose approval has passed are frozen first (in ``loc``'s language).
        """
        text = text.strip()
        if not text:
            raise user_error(QT_TRANSLATE_NOOP("Minutes", "Erratum: say what is corrected."))
        if len(text) > MAX_ERRATUM_LENGTH:
            raise user_error(
                QT_TRANSLATE_NOOP("Minutes", "Erratum: at most {n} characters."),
                n=MAX_ERRATUM_LENGTH,
            )
        self.complete_approval(meeting_id, loc)
        now = self._clock()
        with self._file.transaction() as session:
            meeting = _get_meeting(session, meeting_id)
            record = session.get(MinutesRecord, meeting_id)
            if record is None or record.status is not MinutesStatus.APPROVED:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Minutes",
                        'The minutes of "{title}" are not approved yet: correct the notes '
                        "and outcomes themselves instead of adding an erratum.",
                    ),
                    title=meeting.title,
                )
            if decision_id is not None and session.get(Decision, decision_id) is None:
                raise user_error(QT_TRANSLATE_NOOP("Minutes", "That decision no longer exists."))
            erratum = Erratum(
                meeting_id=meeting_id, text=text, decision_id=decision_id, created_at=now
            )
            session.add(erratum)
            session.flush()
            audit.append(
                session,
                {
                    "event": "erratum",
                    "meeting": meeting_id,
                    "decision": decision_id,
                    "erratum": erratum.id,
                    "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    "at": now.isoformat(),
                },
            )
            return erratum.id

    def errata(self, meeting_id: int) -> list[ErratumRow]:
        """The corrections to a meeting's approved minutes, oldest first."""
        with self._file.transaction() as session:
            return _errata(session, meeting_id)


# -- the lock on a meeting's prose ---------------------------------------------------------


def check_prose_editable(session: Session, meeting_id: int) -> None:
    """Refuse to change a meeting's notes, outcomes or preface once its minutes are locked.

    Locked from the moment the approval ballot opens (so the assembly approves what it
    read) and for good once approved; a failed or withdrawn approval unlocks them.

    Raises:
        UserError: the minutes are being approved or are approved.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return
    state, decision = _approval(session, meeting)
    if state is ApprovalState.APPROVED:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Minutes",
                'The minutes of "{title}" are approved and frozen: record a correction as '
                "an erratum instead.",
            ),
            title=meeting.title,
        )
    if state.locked:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Minutes",
                'The minutes of "{title}" are being approved (decision "{decision}"): they '
                "cannot change while the vote is open or once it has passed.",
            ),
            title=meeting.title,
            decision=decision.title if decision is not None else "",
        )


def _approval(session: Session, meeting: Meeting) -> tuple[ApprovalState, Decision | None]:
    record = session.get(MinutesRecord, meeting.id)
    decision = (
        session.get(Decision, record.approval_decision_id)
        if record is not None and record.approval_decision_id is not None
        else None
    )
    if (
        record is not None and record.status is MinutesStatus.APPROVED
    ) or meeting.status is MeetingStatus.MINUTES_APPROVED:
        return ApprovalState.APPROVED, decision
    if decision is None:
        return ApprovalState.NONE, None
    if decision.status in (DecisionStatus.DRAFT, DecisionStatus.ASSESSED):
        return ApprovalState.PROPOSED, decision
    if decision.status is DecisionStatus.OPEN:
        return ApprovalState.VOTING, decision
    if decision.status is DecisionStatus.WITHDRAWN or decision.result is None:
        return ApprovalState.NONE, decision
    outcome = DecisionResult.from_dict(decision.result).outcome
    if outcome is Outcome.PASSED:
        return ApprovalState.PASSED, decision
    if outcome is Outcome.PENDING:
        return ApprovalState.VOTING, decision
    return ApprovalState.FAILED, decision


def _check_can_propose(session: Session, meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.MINUTES_APPROVED:
        raise user_error(
            QT_TRANSLATE_NOOP("Minutes", 'The minutes of "{title}" are already approved.'),
            title=meeting.title,
        )
    if meeting.status is not MeetingStatus.CLOSED:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Minutes", '"{title}" has not ended yet: its minutes are approved after it closes.'
            ),
            title=meeting.title,
        )
    state, decision = _approval(session, meeting)
    if state in (ApprovalState.PROPOSED, ApprovalState.VOTING, ApprovalState.PASSED):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Minutes", 'The approval of these minutes is already proposed: "{decision}".'
            ),
            decision=decision.title if decision is not None else "",
        )


def _target_meeting(session: Session, meeting: Meeting, in_meeting_id: int | None) -> int:
    if in_meeting_id is not None:
        target = _get_meeting(session, in_meeting_id)
        if target.starts_at <= meeting.starts_at or target.id == meeting.id:
            raise user_error(
                QT_TRANSLATE_NOOP("Minutes", "Minutes are approved by a later meeting.")
            )
        if target.status not in (MeetingStatus.PLANNED, MeetingStatus.IN_SESSION):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Minutes", '"{title}" is closed; choose a planned or running meeting.'
                ),
                title=target.title,
            )
        return target.id
    target_id = session.scalar(
        select(Meeting.id)
        .where(
            Meeting.starts_at > meeting.starts_at,
            Meeting.status.in_([MeetingStatus.PLANNED, MeetingStatus.IN_SESSION]),
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(1)
    )
    if target_id is None:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Minutes",
                'Plan the next meeting first: the minutes of "{title}" are approved there.',
            ),
            title=meeting.title,
        )
    return int(target_id)


def _minutes_record(session: Session, meeting_id: int) -> MinutesRecord:
    record = session.get(MinutesRecord, meeting_id)
    if record is None:
        record = MinutesRecord(meeting_id=meeting_id, status=MinutesStatus.DRAFT, preface="")
        session.add(record)
    return record


def _errata(session: Session, meeting_id: int) -> list[ErratumRow]:
    rows = session.execute(
        select(Erratum, Decision.title)
        .outerjoin(Decision, Decision.id == Erratum.decision_id)
        .where(Erratum.meeting_id == meeting_id)
        .order_by(Erratum.created_at, Erratum.id)
    ).all()
    return [
        ErratumRow(e.id, e.meeting_id, e.text, e.decision_id, title or "", e.created_at)
        for e, title in rows
    ]


def _get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise user_error(QT_TRANSLATE_NOOP("Minutes", "That meeting no longer exists."))
    return meeting


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress.report(done, total, "")
