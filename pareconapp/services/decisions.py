"""Self-management decisions: drafting, impact assessment, ballots, results.

Life of a decision: ``draft`` -> ``assessed`` (weights computed from the impact assessment)
-> ``open`` (text, rule and weights locked; attendance at this moment decides the quorum)
-> ``closed`` (the result is computed once and stored) - or ``withdrawn`` at any point
before it closes, with the reason recorded.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pareconapp.core.decisions import (
    NO_TIE_BREAK,
    Attendance,
    ConsensusVote,
    ConsentVote,
    DecisionResult,
    DecisionRule,
    ImpactWeights,
    RuleKind,
    SmallClassWarning,
    TieBreak,
    WeightClass,
    YesNo,
    assess_impact,
    canonical_json,
    choice_from_json,
    choice_to_json,
    new_receipt_code,
    propose_class_merges,
    small_class_warnings,
    tally,
    weight_classes,
)
from pareconapp.core.decisions.ballots import Choice, check_options
from pareconapp.core.decisions.exact import fraction_from_json, fraction_to_json
from pareconapp.core.i18n import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, user_error
from pareconapp.services import audit
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile, checkpoint
from pareconapp.store.models import (
    AgendaItem,
    BallotCast,
    BallotMode,
    BallotSlot,
    Decision,
    DecisionStatus,
    HandCount,
    Meeting,
    Member,
    PresenceInterval,
    RollCallVote,
)

MAX_REASON_LENGTH = 500
EDITABLE = (DecisionStatus.DRAFT, DecisionStatus.ASSESSED)


@dataclass(frozen=True)
class DecisionFields:
    """What the proposal form sets (everything that is locked when the ballot opens)."""

    title: str
    text: str = ""
    options: tuple[str, ...] = ()
    """The alternatives for plurality, approval and ranked rules; empty otherwise."""
    rule: DecisionRule = field(default_factory=lambda: DecisionRule(RuleKind.SIMPLE_MAJORITY))
    ballot_mode: BallotMode = BallotMode.SECRET
    receipts: bool = False
    meeting_id: int | None = None
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class ImpactInput:
    """An impact assessment as the facilitator entered it.

    ``impacts`` maps every member considered to their impact (0: not affected, not
    eligible); ``entered`` keeps the raw input (levels, groups, ...) to edit it again.
    """

    method: str
    impacts: Mapping[int, Fraction]
    rationale: str
    floor: Fraction | None = None
    cap: Fraction | None = None
    entered: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SecrecyReport:
    """Weight classes of a secret ballot and what to do about small ones."""

    classes: tuple[WeightClass[int], ...]
    small: tuple[SmallClassWarning, ...]
    merged_weights: Mapping[int, Fraction] | None
    """Weights with small classes merged (``None`` when no class is small)."""


@dataclass(frozen=True)
class DecisionRow:
    """A decision as screens, projector and minutes show it."""

    id: int
    title: str
    text: str
    options: tuple[str, ...]
    rule: DecisionRule
    ballot_mode: BallotMode
    receipts: bool
    status: DecisionStatus
    meeting_id: int | None
    agenda_item_id: int | None
    withdrawn_reason: str
    impact_method: str
    impact_input: Mapping[str, Any] | None
    rationale: str
    weights: ImpactWeights[int] | None
    secrecy: Mapping[str, Any] | None
    attendance: Attendance | None
    present_at_open: tuple[int, ...]
    result: DecisionResult | None
    created_at: datetime
    opened_at: datetime | None
    closed_at: datetime | None

    @property
    def fields(self) -> DecisionFields:
        """The editable fields."""
        return DecisionFields(
            self.title,
            self.text,
            self.options,
            self.rule,
            self.ballot_mode,
            self.receipts,
            self.meeting_id,
            self.agenda_item_id,
        )

    @property
    def ballot_options(self) -> tuple[str, ...]:
        """What a ballot offers: the alternatives, or the yes/no/abstain choices."""
        return self.options if self.rule.kind.chooses_alternative else ()


@dataclass(frozen=True)
class Voter:
    """A member as the kiosk lists them."""

    member_id: int
    display_name: str
    weight: Fraction
    eligible: bool
    present: bool
    voted: bool
    has_pin: bool

    @property
    def may_vote(self) -> bool:
        """Eligible, present and not voted yet."""
        return self.eligible and self.present and not self.voted


@dataclass(frozen=True)
class BallotProgress:
    """How far a ballot is - never what anyone chose."""

    cast: int
    eligible: int
    present: int
    weight_cast: Fraction


class DecisionService:
    """Draft, assess, open, vote on and close decisions."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    # -- reading --------------------------------------------------------------------------

    def list_decisions(self, meeting_id: int | None = None) -> list[DecisionRow]:
        """Decisions (of one meeting), newest first."""
        with self._file.transaction() as session:
            query = select(Decision).order_by(Decision.created_at.desc(), Decision.id.desc())
            if meeting_id is not None:
                query = query.where(Decision.meeting_id == meeting_id)
            return [_row(d) for d in session.scalars(query)]

    def decision(self, decision_id: int) -> DecisionRow:
        """One decision."""
        with self._file.transaction() as session:
            return _row(_get(session, decision_id))

    # -- drafting -------------------------------------------------------------------------

    def create(self, fields: DecisionFields) -> int:
        """Create a draft decision."""
        with self._file.transaction() as session:
            decision = Decision(status=DecisionStatus.DRAFT, created_at=self._clock())
            _apply(session, decision, _checked(fields))
            session.add(decision)
            session.flush()
            return decision.id

    def update(self, decision_id: int, fields: DecisionFields) -> None:
        """Change a decision that is not open yet (a changed rule keeps the assessment)."""
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            _require_editable(decision)
            _apply(session, decision, _checked(fields))

    def withdraw(self, decision_id: int, reason: str) -> None:
        """Withdraw a decision before it closes; the reason is recorded."""
        if not reason.strip():
            raise user_error(QT_TRANSLATE_NOOP("Decisions", "Say why the proposal is withdrawn."))
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            if decision.status in (DecisionStatus.CLOSED, DecisionStatus.WITHDRAWN):
                raise user_error(
                    QT_TRANSLATE_NOOP("Decisions", '"{title}" is already closed or withdrawn.'),
                    title=decision.title,
                )
            was_open = decision.status is DecisionStatus.OPEN
            decision.status = DecisionStatus.WITHDRAWN
            decision.withdrawn_reason = reason.strip()
            if was_open:
                audit.append(
                    session,
                    {
                        "event": "withdraw",
                        "decision": decision.id,
                        "reason": decision.withdrawn_reason,
                        "at": self._clock().isoformat(),
                    },
                )

    # -- impact ---------------------------------------------------------------------------

    def assess(self, decision_id: int, impact: ImpactInput) -> DecisionRow:
        """Compute normalised weights from the impact assessment (not locked yet)."""
        if len(impact.rationale.strip()) < 10:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Rationale: explain in a sentence why these members are affected "
                    "this much (at least 10 characters).",
                )
            )
        weights = assess_impact(dict(impact.impacts), impact.floor, impact.cap)
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            _require_editable(decision)
            known = set(session.scalars(select(Member.id)))
            if not set(impact.impacts) <= known:
                raise user_error(QT_TRANSLATE_NOOP("Decisions", "That member no longer exists."))
            decision.impact_method = impact.method
            decision.impact_input = dict(impact.entered)
            decision.rationale = impact.rationale.strip()
            decision.weights = weights.to_dict()
            decision.secrecy = None
            decision.status = DecisionStatus.ASSESSED
            return _row(decision)

    def secrecy_report(self, decision_id: int) -> SecrecyReport:
        """The weight classes of the assessed weights, small ones, and a merge proposal."""
        row = self.decision(decision_id)
        if row.weights is None:
            raise user_error(QT_TRANSLATE_NOOP("Decisions", "Assess the impact first."))
        classes = weight_classes(row.weights.weights)
        small = tuple(small_class_warnings(classes))
        merged = propose_class_merges(row.weights.weights).weights if small else None
        return SecrecyReport(classes, small, merged)

    def merge_small_classes(self, decision_id: int) -> DecisionRow:
        """Replace the weights by the merge proposal so every class keeps the secret."""
        report = self.secrecy_report(decision_id)
        if report.merged_weights is None:
            return self.decision(decision_id)
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            _require_editable(decision)
            current = _weights(decision)
            assert current is not None
            merged = ImpactWeights(
                current.impacts,
                dict(report.merged_weights),
                current.floor,
                current.cap,
                current.raised_to_floor,
                current.lowered_to_cap,
            )
            decision.weights = merged.to_dict()
            decision.secrecy = {"merged": True, "accepted_small_classes": False}
            return _row(decision)

    # -- the ballot -----------------------------------------------------------------------

    def open_ballot(self, decision_id: int, *, accept_small_classes: bool = False) -> DecisionRow:
        """Open the ballot: lock everything, record who is present, prepare secret slots."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            if decision.status is not DecisionStatus.ASSESSED:
                raise user_error(
                    QT_TRANSLATE_NOOP("Decisions", "Assess the impact before opening the ballot.")
                )
            weights = _weights(decision)
            assert weights is not None
            eligible = {m: w for m, w in weights.weights.items() if w > 0}
            present = _present(session, decision.meeting_id, now, eligible)
            attendance = Attendance.of_members(eligible, present)
            if decision.ballot_mode is BallotMode.SECRET:
                _prepare_slots(session, decision, eligible, accept_small_classes)
            decision.attendance = {**attendance.to_dict(), "present": sorted(present)}
            decision.status = DecisionStatus.OPEN
            decision.opened_at = now
            audit.append(
                session,
                {
                    "event": "open",
                    "decision": decision.id,
                    "title": decision.title,
                    "mode": decision.ballot_mode.value,
                    "rule": _json(decision.rule),
                    "weights_sha256": _digest(decision.weights),
                    "text_sha256": _digest(
                        {"text": decision.text, "options": list(decision.options)}
                    ),
                    "at": now.isoformat(),
                },
            )
            return _row(decision)

    def voters(self, decision_id: int) -> list[Voter]:
        """Every active member with eligibility, presence and whether they voted."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            weights = _weights(decision)
            eligible = {m: w for m, w in (weights.weights if weights else {}).items() if w > 0}
            present = _present(session, decision.meeting_id, now, eligible)
            voted = _voted(session, decision)
            members = session.scalars(
                select(Member).where(Member.active).order_by(Member.display_name)
            )
            return [
                Voter(
                    m.id,
                    m.display_name,
                    eligible.get(m.id, Fraction(0)),
                    m.id in eligible,
                    m.id in present,
                    m.id in voted,
                    m.pin_hash is not None,
                )
                for m in members
            ]

    def progress(self, decision_id: int) -> BallotProgress:
        """Ballots cast of eligible members and the share of weight voted."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            weights = _weights(decision)
            eligible = {m: w for m, w in (weights.weights if weights else {}).items() if w > 0}
            voted = _voted(session, decision)
            present = _present(session, decision.meeting_id, now, eligible)
            if decision.ballot_mode is BallotMode.SHOW_OF_HANDS:
                counted = sum(
                    c.count
                    for c in session.scalars(
                        select(HandCount).where(HandCount.decision_id == decision_id)
                    )
                )
                return BallotProgress(counted, len(eligible), len(present), Fraction(0))
            return BallotProgress(
                len(voted),
                len(eligible),
                len(present),
                sum((eligible.get(m, Fraction(0)) for m in voted), Fraction(0)),
            )

    def cast_secret(self, decision_id: int, member_id: int, choice: Choice) -> str | None:
        """Record a secret ballot; return the receipt code when the decision uses them.

        One transaction fills a random blank slot of the voter's weight class and marks the
        voter as having voted; the journal is then checkpointed, so the file keeps no trace
        of the order of the writes.
        """
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            weight = _check_voter(session, decision, member_id, BallotMode.SECRET, now)
            text = _encode(decision, choice)
            class_index = _class_of(decision, member_id)
            blank = list(
                session.scalars(
                    select(BallotSlot.id).where(
                        BallotSlot.decision_id == decision_id,
                        BallotSlot.weight_class == class_index,
                        BallotSlot.cast.is_(False),
                    )
                )
            )
            if not blank:
                raise RuntimeError(f"no blank ballot left in class {class_index}")
            slot = session.get(BallotSlot, secrets.choice(blank))
            assert slot is not None
            assert fraction_from_json(slot.weight) == weight
            slot.cast = True
            slot.choice = text
            receipt = slot.receipt
            session.add(BallotCast(decision_id=decision_id, member_id=member_id))
        checkpoint(self._file)
        return receipt

    def cast_roll_call(self, decision_id: int, member_id: int, choice: Choice) -> None:
        """Record an open (roll-call) vote with the voter's name."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            weight = _check_voter(session, decision, member_id, BallotMode.ROLL_CALL, now)
            session.add(
                RollCallVote(
                    decision_id=decision_id,
                    member_id=member_id,
                    weight=fraction_to_json(weight),
                    choice=_encode(decision, choice).rstrip(),
                    cast_at=now,
                )
            )
            session.add(BallotCast(decision_id=decision_id, member_id=member_id))

    def hand_classes(self, decision_id: int) -> tuple[WeightClass[int], ...]:
        """The weight classes the facilitator counts hands in."""
        row = self.decision(decision_id)
        return weight_classes(row.weights.weights) if row.weights else ()

    def set_hand_counts(self, decision_id: int, counts: Mapping[tuple[int, str], int]) -> None:
        """Store a show of hands: ``counts[(class index, choice JSON)]`` hands per class."""
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            if decision.status is not DecisionStatus.OPEN or (
                decision.ballot_mode is not BallotMode.SHOW_OF_HANDS
            ):
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Decisions", "Counts of hands go into an open show-of-hands ballot."
                    )
                )
            classes = weight_classes(_weights_of(decision))
            for (index, _choice), count in counts.items():
                if not 0 <= index < len(classes):
                    raise ValueError(f"no weight class {index}")
                if count < 0:
                    raise user_error(
                        QT_TRANSLATE_NOOP("Decisions", "A count of hands cannot be negative.")
                    )
            for index, group in enumerate(classes):
                total = sum(c for (i, _), c in counts.items() if i == index)
                if total > group.size:
                    raise user_error(
                        QT_TRANSLATE_NOOP(
                            "Decisions",
                            "Class {n} has {size} members but {total} hands were counted.",
                        ),
                        n=index + 1,
                        size=group.size,
                        total=total,
                    )
            session.execute(delete(HandCount).where(HandCount.decision_id == decision_id))
            for (index, choice), count in counts.items():
                if count:
                    _encode(decision, choice_from_json(_rule(decision).kind, json.loads(choice)))
                    session.add(
                        HandCount(
                            decision_id=decision_id,
                            weight_class=index,
                            weight=fraction_to_json(classes[index].weight),
                            choice=choice,
                            count=count,
                        )
                    )

    def close_ballot(self, decision_id: int, tie_break: TieBreak = NO_TIE_BREAK) -> DecisionRow:
        """Close the ballot and count it once; the result is stored with everything used."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            if decision.status is not DecisionStatus.OPEN:
                raise user_error(QT_TRANSLATE_NOOP("Decisions", "The ballot is not open."))
            ballots = _ballots(session, decision)
            decision.status = DecisionStatus.CLOSED
            decision.closed_at = now
            audit.append(
                session,
                {
                    "event": "close",
                    "decision": decision.id,
                    "ballots": len(ballots),
                    "at": now.isoformat(),
                },
            )
            _count(session, decision, ballots, tie_break, now)
            return _row(decision)

    def receipts(self, decision_id: int) -> list[tuple[str, str]]:
        """Receipt codes with the choice each recorded, once the ballot has closed."""
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            if decision.status is not DecisionStatus.CLOSED or not decision.receipts:
                return []
            slots = session.scalars(
                select(BallotSlot)
                .where(
                    BallotSlot.decision_id == decision_id,
                    BallotSlot.cast.is_(True),
                    BallotSlot.receipt.is_not(None),
                )
                .order_by(BallotSlot.receipt)
            )
            ranked = _rule(decision).kind.is_ranked
            return [(s.receipt or "", _choice_text(json.loads(s.choice), ranked)) for s in slots]

    def resolve(self, decision_id: int, tie_break: TieBreak) -> DecisionRow:
        """Count a closed ballot again with the chair's casting choice or a drawn lot."""
        now = self._clock()
        with self._file.transaction() as session:
            decision = _get(session, decision_id)
            result = _result(decision)
            if (
                decision.status is not DecisionStatus.CLOSED
                or result is None
                or (result.pending_tie is None)
            ):
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Decisions", "Only a closed ballot with an unresolved tie needs this."
                    )
                )
            _count(session, decision, _ballots(session, decision), tie_break, now)
            return _row(decision)


# -- helpers (one place for each rule) -----------------------------------------------------


def _choice_text(data: Any, ranked: bool) -> str:
    """A stored choice as plain text (for published receipt lists)."""
    if data is None:
        return "abstain"
    if isinstance(data, list):
        return (" > " if ranked else ", ").join(str(item) for item in data)
    if isinstance(data, dict):
        return str(data.get("stance", ""))
    return str(data)


def _json(value: object) -> Any:
    return json.loads(json.dumps(value))


def _digest(value: object) -> str:
    return hashlib.sha256(canonical_json(_json({"v": value})).encode()).hexdigest()


def _get(session: Session, decision_id: int) -> Decision:
    decision = session.get(Decision, decision_id)
    if decision is None:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "That decision no longer exists."))
    return decision


def _rule(decision: Decision) -> DecisionRule:
    return DecisionRule.from_dict(decision.rule)


def _weights(decision: Decision) -> ImpactWeights[int] | None:
    if decision.weights is None:
        return None
    return ImpactWeights.from_dict(decision.weights, int)


def _weights_of(decision: Decision) -> dict[int, Fraction]:
    weights = _weights(decision)
    return dict(weights.weights) if weights else {}


def _result(decision: Decision) -> DecisionResult | None:
    if decision.result is None:
        return None
    return DecisionResult.from_dict(decision.result)


def _row(decision: Decision) -> DecisionRow:
    attendance = decision.attendance
    return DecisionRow(
        id=decision.id,
        title=decision.title,
        text=decision.text,
        options=tuple(decision.options),
        rule=_rule(decision),
        ballot_mode=decision.ballot_mode,
        receipts=decision.receipts,
        status=decision.status,
        meeting_id=decision.meeting_id,
        agenda_item_id=decision.agenda_item_id,
        withdrawn_reason=decision.withdrawn_reason,
        impact_method=decision.impact_method,
        impact_input=decision.impact_input,
        rationale=decision.rationale,
        weights=_weights(decision),
        secrecy=decision.secrecy,
        attendance=Attendance.from_dict(attendance) if attendance else None,
        present_at_open=tuple(attendance.get("present", ())) if attendance else (),
        result=_result(decision),
        created_at=decision.created_at,
        opened_at=decision.opened_at,
        closed_at=decision.closed_at,
    )


def _checked(fields: DecisionFields) -> DecisionFields:
    if not fields.title.strip():
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "Title: a proposal needs a title."))
    if fields.rule.kind.chooses_alternative:
        options = check_options(tuple(o.strip() for o in fields.options))
        if len(options) < 2:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Decisions", "Options: this rule chooses between at least two alternatives."
                )
            )
    else:
        options = ()
    if fields.receipts and fields.ballot_mode is not BallotMode.SECRET:
        raise user_error(
            QT_TRANSLATE_NOOP("Decisions", "Receipt codes are only for secret ballots.")
        )
    return DecisionFields(
        fields.title.strip(),
        fields.text,
        options,
        fields.rule,
        fields.ballot_mode,
        fields.receipts,
        fields.meeting_id,
        fields.agenda_item_id,
    )


def _apply(session: Session, decision: Decision, fields: DecisionFields) -> None:
    if fields.meeting_id is not None and session.get(Meeting, fields.meeting_id) is None:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "That meeting no longer exists."))
    if fields.agenda_item_id is not None:
        item = session.get(AgendaItem, fields.agenda_item_id)
        if item is None or item.meeting_id != fields.meeting_id:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Decisions", "Agenda item: choose an item of the decision's meeting."
                )
            )
    decision.title = fields.title
    decision.text = fields.text
    decision.options = list(fields.options)
    decision.rule = fields.rule.to_dict()
    decision.ballot_mode = fields.ballot_mode
    decision.receipts = fields.receipts
    decision.meeting_id = fields.meeting_id
    decision.agenda_item_id = fields.agenda_item_id


def _require_editable(decision: Decision) -> None:
    if decision.status not in EDITABLE:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Decisions",
                '"{title}" can no longer change: its ballot has opened. Withdraw it '
                "and draft a new proposal instead.",
            ),
            title=decision.title,
        )


def _present(
    session: Session, meeting_id: int | None, moment: datetime, eligible: Mapping[int, Fraction]
) -> set[int]:
    """Members in the room at ``moment``; without a meeting, every eligible member."""
    if meeting_id is None:
        return set(eligible)
    rows = session.scalars(
        select(PresenceInterval).where(
            PresenceInterval.meeting_id == meeting_id, PresenceInterval.arrived_at <= moment
        )
    )
    return {r.member_id for r in rows if r.left_at is None or moment < r.left_at}


def _voted(session: Session, decision: Decision) -> set[int]:
    return set(
        session.scalars(select(BallotCast.member_id).where(BallotCast.decision_id == decision.id))
    )


def _check_voter(
    session: Session, decision: Decision, member_id: int, mode: BallotMode, now: datetime
) -> Fraction:
    if decision.status is not DecisionStatus.OPEN:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "The ballot is not open."))
    if decision.ballot_mode is not mode:
        raise ValueError(f"decision {decision.id} is not a {mode} ballot")
    weight = _weights_of(decision).get(member_id, Fraction(0))
    member = session.get(Member, member_id)
    name = member.display_name if member else "?"
    if weight <= 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Decisions", "{name} is not affected by this decision and does not vote on it."
            ),
            name=name,
        )
    if member_id not in _present(session, decision.meeting_id, now, {member_id: weight}):
        raise user_error(
            QT_TRANSLATE_NOOP("Decisions", "{name} is not checked in as present."), name=name
        )
    if session.get(BallotCast, (decision.id, member_id)) is not None:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "{name} has already voted."), name=name)
    return weight


def _slot_width(rule: DecisionRule, options: Sequence[str]) -> int:
    if rule.kind in (RuleKind.CONSENSUS, RuleKind.CONSENT):
        longest = MAX_REASON_LENGTH * 6 + 80  # \uXXXX escapes for any reason text
    elif rule.kind.is_yes_no:
        longest = 16
    else:
        longest = len(json.dumps(list(options))) + 8
    return (longest // 64 + 1) * 64


def _encode(decision: Decision, choice: Choice) -> str:
    """The choice as ASCII JSON padded to the decision's fixed slot width."""
    rule = _rule(decision)
    _check_choice(rule.kind, tuple(decision.options), choice)
    text = json.dumps(choice_to_json(rule.kind, choice), ensure_ascii=True)
    width = decision.slot_width or len(text)
    if len(text) > width:
        raise user_error(QT_TRANSLATE_NOOP("Decisions", "The reason is too long."))
    return text.ljust(width)


def _check_choice(kind: RuleKind, options: tuple[str, ...], choice: Choice) -> None:
    """Refuse a choice the ballot does not offer, or a reason that is too long."""
    if not _fits(kind, options, choice):
        raise user_error(
            QT_TRANSLATE_NOOP("Decisions", "That is not a valid choice for this ballot.")
        )
    reason = getattr(choice, "reason", "")
    if len(reason) > MAX_REASON_LENGTH:
        raise user_error(
            QT_TRANSLATE_NOOP("Decisions", "A reason has at most {n} characters."),
            n=MAX_REASON_LENGTH,
        )


def _fits(kind: RuleKind, options: tuple[str, ...], choice: Choice) -> bool:
    if kind.is_yes_no:
        return isinstance(choice, YesNo)
    if kind is RuleKind.CONSENSUS:
        return isinstance(choice, ConsensusVote)
    if kind is RuleKind.CONSENT:
        return isinstance(choice, ConsentVote) and choice.upheld is None
    if kind is RuleKind.PLURALITY:
        return choice is None or choice in options
    if kind is RuleKind.APPROVAL:
        return isinstance(choice, frozenset) and choice <= set(options)
    return (
        isinstance(choice, tuple)
        and len(set(choice)) == len(choice)
        and set(choice) <= set(options)
    )


def _class_of(decision: Decision, member_id: int) -> int:
    for index, group in enumerate(weight_classes(_weights_of(decision))):
        if member_id in group.members:
            return index
    raise ValueError(f"member {member_id} is in no weight class")


def _prepare_slots(
    session: Session,
    decision: Decision,
    eligible: Mapping[int, Fraction],
    accept_small_classes: bool,
) -> None:
    """Create every blank slot of a secret ballot at once, in random key order."""
    classes = weight_classes(eligible)
    small = small_class_warnings(classes)
    if small and not accept_small_classes:
        raise user_error(
            QT_TRANSLATE_N_NOOP(
                "Decisions",
                "%n weight class(es) have fewer than 3 voters, so their ballots could "
                "be traced. Merge the small classes, or accept the risk (the minutes record it).",
            ),
            count=len(small),
        )
    rule = _rule(decision)
    decision.slot_width = _slot_width(rule, decision.options)
    blank = " " * decision.slot_width
    taken: set[str] = set()
    for index, group in enumerate(classes):
        for _ in range(group.size):
            receipt = new_receipt_code(taken) if decision.receipts else None
            if receipt is not None:
                taken.add(receipt)
            session.add(
                BallotSlot(
                    id=secrets.token_hex(16),
                    decision_id=decision.id,
                    weight_class=index,
                    weight=fraction_to_json(group.weight),
                    cast=False,
                    choice=blank,
                    receipt=receipt,
                )
            )
    decision.secrecy = {
        **(decision.secrecy or {}),
        "classes": [{"weight": fraction_to_json(g.weight), "size": g.size} for g in classes],
        "accepted_small_classes": bool(small),
    }


def _ballots(session: Session, decision: Decision) -> list[tuple[Fraction, Choice]]:
    kind = _rule(decision).kind
    if decision.ballot_mode is BallotMode.SECRET:
        return [
            (fraction_from_json(s.weight), choice_from_json(kind, json.loads(s.choice)))
            for s in session.scalars(
                select(BallotSlot)
                .where(BallotSlot.decision_id == decision.id, BallotSlot.cast.is_(True))
                .order_by(BallotSlot.id)
            )
        ]
    if decision.ballot_mode is BallotMode.ROLL_CALL:
        return [
            (fraction_from_json(v.weight), choice_from_json(kind, json.loads(v.choice)))
            for v in session.scalars(
                select(RollCallVote)
                .where(RollCallVote.decision_id == decision.id)
                .order_by(RollCallVote.id)
            )
        ]
    ballots: list[tuple[Fraction, Choice]] = []
    for count in session.scalars(
        select(HandCount)
        .where(HandCount.decision_id == decision.id)
        .order_by(HandCount.weight_class, HandCount.choice)
    ):
        choice = choice_from_json(kind, json.loads(count.choice))
        ballots.extend((fraction_from_json(count.weight), choice) for _ in range(count.count))
    return ballots


def _count(
    session: Session,
    decision: Decision,
    ballots: list[tuple[Fraction, Choice]],
    tie_break: TieBreak,
    now: datetime,
) -> None:
    attendance = Attendance.from_dict(decision.attendance) if decision.attendance else None
    result = tally(_rule(decision), ballots, tuple(decision.options), attendance, tie_break)
    decision.result = result.to_dict()
    decision.tie_break = tie_break.to_dict()
    audit.append(
        session,
        {
            "event": "result",
            "decision": decision.id,
            "outcome": result.outcome.value,
            "result_sha256": _digest(decision.result),
            "at": now.isoformat(),
        },
    )


def voter_count(session: Session, decision_id: int) -> int:
    """How many members have voted on a decision (for checks and the minutes)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(BallotCast)
            .where(BallotCast.decision_id == decision_id)
        )
        or 0
    )
