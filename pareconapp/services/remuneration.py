"""Remuneration for effort and sacrifice: periods, entries, peer effort ratings, the table.

The formula itself is in :mod:`pareconapp.core.remuneration` (documented for members in
``docs/remuneration.md``); this service stores what the assembly enters and approves.
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.meetings import AgendaKind, MeetingStatus
from pareconapp.core.remuneration import (
    Budget,
    EffortScale,
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    NeedPolicy,
    OnerousHours,
    PerCapitaBudget,
    Period,
    PeriodKind,
    PeriodRemuneration,
    RemunerationRules,
    WorkplaceBudget,
    aggregate_effort,
    check_entries,
    check_no_overlap,
    compute_remuneration,
    council_totals,
    planned_hours,
)
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile, checkpoint
from pareconapp.store.models import (
    AgendaItem,
    Decision,
    DecisionStatus,
    ItemState,
    Meeting,
    Member,
)
from pareconapp.store.models_remuneration import (
    EffortContest,
    EffortRater,
    EffortRatingRow,
    NeedGrant,
    OnerousWork,
    PeriodMember,
    PeriodStatus,
    RemunerationPeriod,
)

WeeklyHours = Callable[[], Mapping[int, float]]
"""Where the default hours come from: each member's weekly hours (from job complexes)."""

CSV_COLUMNS = (
    "member",
    "hours_worked",
    "training_hours",
    "balancing_hours",
    "onerous_hours",
    "sacrifice_factor",
    "effort",
    "effort_factor",
    "score",
    "share",
    "need_allowance",
    "total",
)


@dataclass(frozen=True)
class PeriodRow:
    """A remuneration period with its settings."""

    id: int
    period: Period
    budget: Budget
    rules: RemunerationRules
    anonymous_effort: bool
    status: PeriodStatus
    raters: int
    approval_decision_id: int | None

    @property
    def name(self) -> str:
        """The period's name (e.g. ``2026-Q2``)."""
        return self.period.name


@dataclass(frozen=True)
class EntryFields:
    """What can be entered for one member in one period."""

    hours_worked: Decimal
    hours_reason: str = ""
    training_hours: Decimal = Decimal(0)
    balancing_hours: Decimal = Decimal(0)
    onerous: tuple[OnerousHours, ...] = ()
    joined_on: date | None = None
    left_on: date | None = None


@dataclass(frozen=True)
class EntryRow:
    """One member's entries in a period, with the hours their job complex plans."""

    member_id: int
    display_name: str
    fields: EntryFields
    planned_hours: Decimal
    needs: tuple[NeedAllowance, ...]
    effort_ratings: int
    contest: str = ""


@dataclass(frozen=True)
class PeriodTable:
    """The computed table of a period (or the problem that stops it)."""

    period: PeriodRow
    remuneration: PeriodRemuneration
    entries: tuple[EntryRow, ...] = field(default_factory=tuple)


def rules_to_json(rules: RemunerationRules) -> dict[str, Any]:
    """Settings as JSON data (numbers as exact text)."""
    return {
        "effort_low": str(rules.effort_scale.low),
        "effort_high": str(rules.effort_scale.high),
        "trim_share": str(rules.trim_share),
        "lowest_effort_factor": str(rules.lowest_effort_factor),
        "highest_effort_factor": str(rules.highest_effort_factor),
        "max_sacrifice_factor": str(rules.max_sacrifice_factor),
        "training_factor": str(rules.training_factor),
        "balancing_factor": str(rules.balancing_factor),
        "need_policy": rules.need_policy.value,
    }


def rules_from_json(data: Mapping[str, Any]) -> RemunerationRules:
    """Settings written by :func:`rules_to_json`."""
    return RemunerationRules(
        effort_scale=EffortScale(Decimal(data["effort_low"]), Decimal(data["effort_high"])),
        trim_share=Decimal(data["trim_share"]),
        lowest_effort_factor=Decimal(data["lowest_effort_factor"]),
        highest_effort_factor=Decimal(data["highest_effort_factor"]),
        max_sacrifice_factor=Decimal(data["max_sacrifice_factor"]),
        training_factor=Decimal(data["training_factor"]),
        balancing_factor=Decimal(data["balancing_factor"]),
        need_policy=NeedPolicy(data["need_policy"]),
    )


def decimal_of(text: str, field_name: str) -> Decimal:
    """A number typed by a user (``37,5`` or ``37.5``), or a clear error naming the field."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise user_error(
            QT_TRANSLATE_NOOP("Remuneration", '{field}: "{value}" is not a number.'),
            field=field_name,
            value=text,
        )
    return value


class RemunerationService:
    """Periods, entries, effort ratings and the remuneration table."""

    def __init__(
        self,
        file: AssemblyFile,
        clock: Clock = system_clock,
        weekly_hours: WeeklyHours | None = None,
    ) -> None:
        self._file = file
        self._clock = clock
        self.weekly_hours = weekly_hours
        """Optional source of weekly hours (the saved job complexes); else members' hours."""

    # -- periods --------------------------------------------------------------------------

    def list_periods(self) -> list[PeriodRow]:
        """Every period, newest first."""
        with self._file.transaction() as session:
            periods = session.scalars(
                select(RemunerationPeriod).order_by(RemunerationPeriod.start_on.desc())
            ).all()
            return [_period_row(session, p) for p in periods]

    def period(self, period_id: int) -> PeriodRow:
        """One period."""
        with self._file.transaction() as session:
            return _period_row(session, _get(session, period_id))

    def find(self, name: str) -> PeriodRow:
        """A period by name, or ``"last"`` for the newest."""
        periods = self.list_periods()
        if name == "last" and periods:
            return periods[0]
        for period in periods:
            if period.name == name:
                return period
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration", 'There is no period called "{name}"; periods: {names}.'
            ),
            name=name,
            names=", ".join(p.name for p in periods) or "-",
        )

    def create_period(
        self,
        kind: PeriodKind,
        day: date,
        budget: Budget,
        rules: RemunerationRules | None = None,
        name: str | None = None,
        anonymous_effort: bool = True,
    ) -> int:
        """Open the period of ``kind`` containing ``day``, with an entry per member."""
        period = Period.containing(kind, day, name)
        rules = rules or RemunerationRules()
        weekly = dict(self.weekly_hours()) if self.weekly_hours else {}
        with self._file.transaction() as session:
            existing = [_period(p) for p in session.scalars(select(RemunerationPeriod))]
            check_no_overlap(period, existing)
            row = RemunerationPeriod(
                name=period.name,
                kind=period.kind,
                start_on=period.start,
                end_on=period.end,
                budget_kind="per_capita" if isinstance(budget, PerCapitaBudget) else "workplace",
                budget_amount=str(_budget_amount(budget)),
                rules=rules_to_json(rules),
                anonymous_effort=anonymous_effort,
                status=PeriodStatus.OPEN,
                created_at=self._clock(),
            )
            session.add(row)
            for member in session.scalars(select(Member)):
                left = member.left_on
                if not member.active and (left is None or left < period.start):
                    continue
                left_in = left if left is not None and period.contains(left) else None
                days = ((left_in - period.start).days + 1) if left_in else period.days
                hours = weekly.get(member.id, member.weekly_hours)
                row.entries.append(
                    PeriodMember(
                        member_id=member.id,
                        hours_worked=str(planned_hours(Decimal(str(hours)), days)),
                        left_on=left_in,
                    )
                )
            session.flush()
            return row.id

    def delete_period(self, period_id: int) -> None:
        """Delete an open period (with its entries and ratings)."""
        with self._file.transaction() as session:
            period = _open(session, period_id)
            for model in (EffortRatingRow, EffortRater, EffortContest):
                for row in session.scalars(select(model).where(model.period_id == period_id)):
                    session.delete(row)
            session.delete(period)

    # -- entries --------------------------------------------------------------------------

    def entries(self, period_id: int) -> list[EntryRow]:
        """Every member's entries, by display name."""
        weekly = dict(self.weekly_hours()) if self.weekly_hours else {}
        with self._file.transaction() as session:
            period = _get(session, period_id)
            counts = dict(
                session.execute(
                    select(EffortRatingRow.member_id, func.count())
                    .where(EffortRatingRow.period_id == period_id)
                    .group_by(EffortRatingRow.member_id)
                ).all()
            )
            contests = {
                c.member_id: c.reason
                for c in session.scalars(
                    select(EffortContest).where(EffortContest.period_id == period_id)
                )
            }
            rows = session.scalars(
                select(PeriodMember)
                .where(PeriodMember.period_id == period_id)
                .options(selectinload(PeriodMember.onerous), selectinload(PeriodMember.needs))
            )
            members = {m.id: m for m in session.scalars(select(Member))}
            core_period = _period(period)
            result = []
            for entry in rows:
                member = members[entry.member_id]
                days = _days(core_period, entry.joined_on, entry.left_on)
                planned = planned_hours(
                    Decimal(str(weekly.get(member.id, member.weekly_hours))), days
                )
                result.append(
                    EntryRow(
                        member.id,
                        member.display_name,
                        _fields(entry),
                        planned,
                        tuple(_need(n) for n in entry.needs),
                        int(counts.get(member.id, 0)),
                        contests.get(member.id, ""),
                    )
                )
            return sorted(result, key=lambda r: r.display_name.casefold())

    def update_entry(self, period_id: int, member_id: int, fields: EntryFields) -> None:
        """Change a member's hours and sacrifices; hours that differ from plan need a reason."""
        weekly = dict(self.weekly_hours()) if self.weekly_hours else {}
        with self._file.transaction() as session:
            period = _open(session, period_id)
            entry = _entry(session, period_id, member_id)
            member = session.get(Member, member_id)
            assert member is not None
            core = _period(period)
            planned = planned_hours(
                Decimal(str(weekly.get(member_id, member.weekly_hours))),
                _days(core, fields.joined_on, fields.left_on),
            )
            reason = fields.hours_reason.strip()
            if (
                fields.hours_worked != Decimal(entry.hours_worked)
                and not reason
                and (fields.hours_worked != planned)
            ):
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Remuneration",
                        "Hours worked of {name}: say why they differ from the planned {planned} h.",
                    ),
                    name=member.display_name,
                    planned=str(planned),
                )
            _check_member_entry(member.display_name, fields, core, rules_from_json(period.rules))
            entry.hours_worked = str(fields.hours_worked)
            entry.hours_reason = reason
            entry.training_hours = str(fields.training_hours)
            entry.balancing_hours = str(fields.balancing_hours)
            entry.joined_on, entry.left_on = fields.joined_on, fields.left_on
            entry.onerous.clear()
            entry.onerous.extend(
                OnerousWork(hours=str(part.hours), factor=str(part.factor), note=part.note)
                for part in fields.onerous
            )

    def grant_need(
        self,
        period_id: int,
        member_id: int,
        kind: NeedKind,
        amount: Decimal,
        decision_id: int,
        note: str = "",
    ) -> None:
        """Add a need allowance the assembly decided (the decision must have passed)."""
        if amount <= 0:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration", "A need allowance must be more than 0, not {value}."
                ),
                value=str(amount),
            )
        with self._file.transaction() as session:
            _open(session, period_id)
            decision = session.get(Decision, decision_id)
            passed = (
                decision is not None
                and decision.status is DecisionStatus.CLOSED
                and (decision.result or {}).get("outcome") == "passed"
            )
            if not passed:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Remuneration",
                        "A need allowance needs a decision of the assembly that "
                        "passed; choose one.",
                    )
                )
            entry = _entry(session, period_id, member_id)
            entry.needs.append(
                NeedGrant(kind=kind, amount=str(amount), decision_id=decision_id, note=note.strip())
            )

    def remove_needs(self, period_id: int, member_id: int) -> None:
        """Remove a member's need allowances (while the period is open)."""
        with self._file.transaction() as session:
            _open(session, period_id)
            entry = _entry(session, period_id, member_id)
            entry.needs.clear()

    def passed_decisions(self) -> list[tuple[int, str]]:
        """Decisions that passed, to cite for need allowances: (id, title)."""
        with self._file.transaction() as session:
            rows = session.scalars(
                select(Decision)
                .where(Decision.status == DecisionStatus.CLOSED)
                .order_by(Decision.closed_at.desc())
            )
            return [(d.id, d.title) for d in rows if (d.result or {}).get("outcome") == "passed"]

    # -- effort ratings -----------------------------------------------------------------------

    def raters_done(self, period_id: int) -> set[int]:
        """Members who have handed in their effort ratings."""
        with self._file.transaction() as session:
            return set(
                session.scalars(
                    select(EffortRater.rater_id).where(EffortRater.period_id == period_id)
                )
            )

    def rate_effort(self, period_id: int, rater_id: int, ratings: Mapping[int, Decimal]) -> None:
        """Store one rater's peer ratings (anonymous unless the period says otherwise)."""
        with self._file.transaction() as session:
            period = _open(session, period_id)
            rules = rules_from_json(period.rules)
            if session.get(EffortRater, (period_id, rater_id)) is not None:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Remuneration", "These effort ratings have already been handed in."
                    )
                )
            names = dict(session.execute(select(Member.id, Member.display_name)).all())
            in_period = set(
                session.scalars(
                    select(PeriodMember.member_id).where(PeriodMember.period_id == period_id)
                )
            )
            for member_id, value in ratings.items():
                if member_id == rater_id:
                    raise user_error(
                        QT_TRANSLATE_NOOP("Remuneration", "Nobody rates their own effort.")
                    )
                if member_id not in in_period:
                    raise user_error(
                        QT_TRANSLATE_NOOP(
                            "Remuneration", "That member has no entry in this period."
                        )
                    )
                aggregate_effort(
                    names.get(member_id, "?"), [value], rules.effort_scale, rules.trim_share
                )
                session.add(
                    EffortRatingRow(
                        id=secrets.token_hex(16),
                        period_id=period_id,
                        member_id=member_id,
                        value=str(value),
                        rater_id=None if period.anonymous_effort else rater_id,
                    )
                )
            session.add(EffortRater(period_id=period_id, rater_id=rater_id))
        checkpoint(self._file)

    def contest(self, period_id: int, member_id: int, reason: str) -> int:
        """A member contests their effort rating: it goes on the next meeting's agenda."""
        if len(reason.strip()) < 5:
            raise user_error(
                QT_TRANSLATE_NOOP("Remuneration", "Say why the effort rating is contested.")
            )
        with self._file.transaction() as session:
            period = _open(session, period_id)
            member = session.get(Member, member_id)
            assert member is not None
            meeting = session.scalar(
                select(Meeting)
                .where(Meeting.status == MeetingStatus.PLANNED)
                .order_by(Meeting.starts_at)
                .limit(1)
            )
            if meeting is None:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Remuneration",
                        "Plan the next meeting first: a contested rating goes on its agenda.",
                    )
                )
            position = (
                session.scalar(
                    select(func.count())
                    .select_from(AgendaItem)
                    .where(AgendaItem.meeting_id == meeting.id)
                )
                or 0
            )
            item = AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=f"Effort rating contested: {member.display_name} ({period.name})",
                kind=AgendaKind.REMUNERATION_REVIEW,
                timebox_minutes=10,
                notes=f"<p>{_escape(reason.strip())}</p>",
                state=ItemState.PENDING,
            )
            session.add(item)
            session.flush()
            contest = EffortContest(
                period_id=period_id,
                member_id=member_id,
                reason=reason.strip(),
                agenda_item_id=item.id,
                created_at=self._clock(),
            )
            session.add(contest)
            session.flush()
            return contest.id

    # -- the table ---------------------------------------------------------------------------

    def table(self, period_id: int) -> PeriodTable:
        """Compute every member's allowance with the full breakdown."""
        period = self.period(period_id)
        entries = self.entries(period_id)
        with self._file.transaction() as session:
            ratings: dict[int, list[Decimal]] = {}
            for row in session.scalars(
                select(EffortRatingRow).where(EffortRatingRow.period_id == period_id)
            ):
                ratings.setdefault(row.member_id, []).append(Decimal(row.value))
        core_entries = [
            MemberPeriod(
                member_id=e.member_id,
                name=e.display_name,
                hours_worked=e.fields.hours_worked,
                effort_ratings=tuple(sorted(ratings.get(e.member_id, []))),
                onerous_hours=e.fields.onerous,
                training_hours=e.fields.training_hours,
                balancing_hours=e.fields.balancing_hours,
                needs=e.needs,
                joined_on=e.fields.joined_on,
                left_on=e.fields.left_on,
                hours_reason=e.fields.hours_reason,
            )
            for e in entries
        ]
        remuneration = compute_remuneration(
            period.period, core_entries, period.budget, period.rules
        )
        return PeriodTable(period, remuneration, tuple(entries))

    def approve(self, period_id: int, decision_id: int | None = None) -> None:
        """Fix the period's table as approved (entries can no longer change)."""
        table = self.table(period_id)
        with self._file.transaction() as session:
            period = _open(session, period_id)
            period.result = table_to_json(table.remuneration)
            period.status = PeriodStatus.APPROVED
            period.approved_at = self._clock()
            period.approval_decision_id = decision_id

    def council_budgets(self, period_id: int) -> dict[int, Decimal]:
        """Each consumer council's budget for planning: its members' allowances summed.

        Members in no consumer council are left out of the sum (they have no council to
        request through).
        """
        table = self.table(period_id)
        with self._file.transaction() as session:
            council_of = dict(session.execute(select(Member.id, Member.consumer_council_id)).all())
        members = [m for m in table.remuneration.members if council_of.get(m.member_id)]
        if not members:
            return {}
        partial = replace(table.remuneration, members=tuple(members))
        return council_totals(partial, {m.member_id: council_of[m.member_id] for m in members})

    def export_csv(self, period_id: int) -> str:
        """The period's table as CSV: one row per member with every factor."""
        return table_csv(self.table(period_id).remuneration)


def table_csv(remuneration: PeriodRemuneration) -> str:
    """One CSV row per member: hours, effort, sacrifice factors, score, share, needs, total."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for member in remuneration.members:
        scored = member.scored
        writer.writerow(
            [
                member.name,
                _dec(scored.hours_worked),
                _dec(scored.training_hours),
                _dec(scored.balancing_hours),
                _dec(scored.onerous_hours),
                _dec(scored.sacrifice_factor, 4),
                _dec(scored.effort.value, 2),
                _dec(scored.effort_factor, 4),
                _dec(scored.score, 2),
                f"{member.share:.2f}",
                f"{member.need_total:.2f}",
                f"{member.total:.2f}",
            ]
        )
    return out.getvalue()


def table_to_json(remuneration: PeriodRemuneration) -> dict[str, Any]:
    """The approved table as JSON data (what the minutes print)."""
    return {
        "budget": str(remuneration.budget),
        "need_total": str(remuneration.need_total),
        "shared_budget": str(remuneration.shared_budget),
        "members": [
            {
                "member_id": m.member_id,
                "name": m.name,
                "hours": _dec(m.scored.total_hours),
                "effort": _dec(m.scored.effort.value, 2),
                "sacrifice_factor": _dec(m.scored.sacrifice_factor, 4),
                "score": _dec(m.scored.score, 2),
                "share": str(m.share),
                "need_allowance": str(m.need_total),
                "total": str(m.total),
            }
            for m in remuneration.members
        ],
    }


def _dec(value: Fraction, places: int = 2) -> str:
    return f"{float(value):.{places}f}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _budget_amount(budget: Budget) -> Decimal:
    amount = budget.average_per_capita if isinstance(budget, PerCapitaBudget) else budget.amount
    return Decimal(str(amount))


def _period(row: RemunerationPeriod) -> Period:
    return Period(row.name, row.kind, row.start_on, row.end_on)


def _period_row(session: Session, row: RemunerationPeriod) -> PeriodRow:
    amount = Decimal(row.budget_amount)
    budget: Budget = (
        PerCapitaBudget(amount) if row.budget_kind == "per_capita" else WorkplaceBudget(amount)
    )
    raters = (
        session.scalar(
            select(func.count()).select_from(EffortRater).where(EffortRater.period_id == row.id)
        )
        or 0
    )
    return PeriodRow(
        row.id,
        _period(row),
        budget,
        rules_from_json(row.rules),
        row.anonymous_effort,
        row.status,
        int(raters),
        row.approval_decision_id,
    )


def _days(period: Period, joined: date | None, left: date | None) -> int:
    start = max(period.start, joined) if joined else period.start
    end = min(period.end, left) if left else period.end
    return max(0, (end - start).days + 1)


def _fields(entry: PeriodMember) -> EntryFields:
    return EntryFields(
        Decimal(entry.hours_worked),
        entry.hours_reason,
        Decimal(entry.training_hours),
        Decimal(entry.balancing_hours),
        tuple(OnerousHours(Decimal(o.hours), Decimal(o.factor), o.note) for o in entry.onerous),
        entry.joined_on,
        entry.left_on,
    )


def _need(grant: NeedGrant) -> NeedAllowance:
    return NeedAllowance(grant.kind, Decimal(grant.amount), grant.decision_id, grant.note)


def _get(session: Session, period_id: int) -> RemunerationPeriod:
    period = session.get(RemunerationPeriod, period_id)
    if period is None:
        raise user_error(QT_TRANSLATE_NOOP("Remuneration", "That period no longer exists."))
    return period


def _open(session: Session, period_id: int) -> RemunerationPeriod:
    period = _get(session, period_id)
    if period.status is not PeriodStatus.OPEN:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration", "{name} has been approved; its entries can no longer change."
            ),
            name=period.name,
        )
    return period


def _entry(session: Session, period_id: int, member_id: int) -> PeriodMember:
    entry = session.scalar(
        select(PeriodMember).where(
            PeriodMember.period_id == period_id, PeriodMember.member_id == member_id
        )
    )
    if entry is None:
        raise user_error(
            QT_TRANSLATE_NOOP("Remuneration", "That member has no entry in this period.")
        )
    return entry


def _check_member_entry(
    name: str, fields: EntryFields, period: Period, rules: RemunerationRules
) -> None:
    check_entries(
        MemberPeriod(
            0,
            name,
            fields.hours_worked,
            (),
            fields.onerous,
            fields.training_hours,
            fields.balancing_hours,
            (),
            fields.joined_on,
            fields.left_on,
            fields.hours_reason,
        ),
        period,
        rules,
    )
