"""What the assembly records for each member and period, and the checks it must pass."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import Number, finite, plain, user_error
from pareconapp.core.remuneration.effort import EffortRating, aggregate_effort
from pareconapp.core.remuneration.periods import HOURS_PER_DAY, Period
from pareconapp.core.remuneration.rounding import as_decimal
from pareconapp.core.remuneration.rules import RemunerationRules


class NeedKind(enum.StrEnum):
    """Why the assembly granted a need-based allowance."""

    CHILDREN = "children"
    ILLNESS = "illness"
    DISABILITY = "disability"
    OTHER = "other"


@dataclass(frozen=True)
class NeedAllowance:
    """An allowance the assembly granted a member for need, not for work.

    Attributes:
        kind: why it was granted.
        amount: the amount for a whole period; pro-rated by days if the member joined or
            left during the period.
        decision_id: the assembly decision that granted it.
        note: anything the decision said about it.
    """

    kind: NeedKind
    amount: Number
    decision_id: int
    note: str = ""


@dataclass(frozen=True)
class OnerousHours:
    """Hours of onerous or hazardous work, each counting ``factor`` times an ordinary hour.

    Attributes:
        hours: how many of the member's hours were onerous or hazardous.
        factor: what each of them counts for, at least 1 (e.g. 1.5 for night shifts).
        note: what made them onerous, e.g. "night shift" or "handling solvents".
    """

    hours: Number
    factor: Number
    note: str = ""


@dataclass(frozen=True)
class MemberPeriod:
    """One member's entries for one period.

    Attributes:
        member_id: the member's id in the store.
        name: the member's name, used in every message about these entries.
        hours_worked: hours worked in the member's job complex in this workplace.
        effort_ratings: the peers' effort ratings of the member, anonymous.
        onerous_hours: the onerous or hazardous part of ``hours_worked`` and
            ``balancing_hours``, with their factors.
        training_hours: hours spent training, on top of ``hours_worked``.
        balancing_hours: hours worked in other workplaces to balance job complexes, on top
            of ``hours_worked``.
        needs: need-based allowances the assembly granted for the period.
        joined_on: the day the member joined, if during the period.
        left_on: the last day the member was a member, if during the period.
        hours_reason: why ``hours_worked`` differs from the job complex's hours, if it does.
    """

    member_id: int
    name: str
    hours_worked: Number
    effort_ratings: tuple[Number, ...] = ()
    onerous_hours: tuple[OnerousHours, ...] = ()
    training_hours: Number = 0
    balancing_hours: Number = 0
    needs: tuple[NeedAllowance, ...] = ()
    joined_on: date | None = None
    left_on: date | None = None
    hours_reason: str = ""

    def first_day(self, period: Period) -> date:
        """The first day of ``period`` the member was a member."""
        return self.joined_on or period.start

    def last_day(self, period: Period) -> date:
        """The last day of ``period`` the member was a member."""
        return self.left_on or period.end

    def days_present(self, period: Period) -> int:
        """How many days of ``period`` the member was a member."""
        return (self.last_day(period) - self.first_day(period)).days + 1

    def presence(self, period: Period) -> Fraction:
        """The share of ``period`` the member was a member: 1 unless they joined or left."""
        return Fraction(self.days_present(period), period.days)


def planned_hours(weekly_hours: Number, days: int) -> Decimal:
    """The hours a job complex of ``weekly_hours`` plans for ``days`` days, to 0.01 hour.

    The default for :attr:`MemberPeriod.hours_worked`: ``weekly_hours x days / 7``.
    """
    return as_decimal(Fraction(weekly_hours) * days / 7, 2)


def check_entries(entry: MemberPeriod, period: Period, rules: RemunerationRules) -> EffortRating:
    """Refuse ``entry`` unless its dates, hours, ratings and allowances are possible.

    Returns:
        The member's aggregated effort rating, which checking the ratings computes anyway.

    Raises:
        UserError: naming the member and the field that is wrong.
    """
    _check_dates(entry, period)
    _check_hours(entry, period, rules)
    effort = aggregate_effort(
        entry.name, entry.effort_ratings, rules.effort_scale, rules.trim_share
    )
    for need in entry.needs:
        amount = finite(need.amount)
        if amount is None or amount < 0:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "{member}: the need allowance of decision {decision} must be zero or "
                    "more, not {amount}.",
                ),
                member=entry.name,
                decision=need.decision_id,
                amount=str(need.amount),
            )
    return effort


def _check_dates(entry: MemberPeriod, period: Period) -> None:
    for day in (entry.joined_on, entry.left_on):
        if day is not None and not period.contains(day):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "{member}: {day} is outside period {period} ({start} to {end}); give a "
                    "joining or leaving day only if it falls within the period.",
                ),
                member=entry.name,
                day=day.isoformat(),
                period=period.name,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
    if entry.first_day(period) > entry.last_day(period):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: the leaving day {left} comes before the joining day {joined}.",
            ),
            member=entry.name,
            left=entry.last_day(period).isoformat(),
            joined=entry.first_day(period).isoformat(),
        )


def _check_hours(entry: MemberPeriod, period: Period, rules: RemunerationRules) -> None:
    worked, training, balancing = _non_negative_hours(entry)
    onerous = Fraction(0)
    for part in entry.onerous_hours:
        onerous += _check_onerous(entry.name, part, rules)
    if onerous > worked + balancing:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: {onerous} onerous or hazardous hours are more than the {hours} hours "
                "worked here and in other workplaces.",
            ),
            member=entry.name,
            onerous=plain(onerous),
            hours=plain(worked + balancing),
        )
    days = entry.days_present(period)
    if worked + training + balancing > days * HOURS_PER_DAY:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: {hours} hours worked, training and balancing are more than the "
                "{limit} hours in the {days} days they were a member in period {period}.",
            ),
            member=entry.name,
            hours=plain(worked + training + balancing),
            limit=days * HOURS_PER_DAY,
            days=days,
            period=period.name,
        )


def _non_negative_hours(entry: MemberPeriod) -> tuple[Fraction, Fraction, Fraction]:
    """The member's hours worked, training and balancing, each refused if negative."""
    worked, training, balancing = (
        finite(entry.hours_worked),
        finite(entry.training_hours),
        finite(entry.balancing_hours),
    )
    if worked is None or worked < 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration", "{member}: hours worked must be zero or more, not {value}."
            ),
            member=entry.name,
            value=str(entry.hours_worked),
        )
    if training is None or training < 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration", "{member}: hours spent training must be zero or more, not {value}."
            ),
            member=entry.name,
            value=str(entry.training_hours),
        )
    if balancing is None or balancing < 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: hours balancing in other workplaces must be zero or more, not {value}.",
            ),
            member=entry.name,
            value=str(entry.balancing_hours),
        )
    return worked, training, balancing


def _check_onerous(member: str, part: OnerousHours, rules: RemunerationRules) -> Fraction:
    """The onerous hours of ``part``, refused if negative or if their factor is off bounds."""
    hours, factor = finite(part.hours), finite(part.factor)
    if hours is None or hours < 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: onerous or hazardous hours must be zero or more, not {value}.",
            ),
            member=member,
            value=str(part.hours),
        )
    if factor is None or not 1 <= factor <= Fraction(rules.max_sacrifice_factor):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "{member}: the factor for onerous or hazardous hours must be between 1 and "
                "{largest}, not {value}.",
            ),
            member=member,
            largest=str(rules.max_sacrifice_factor),
            value=str(part.factor),
        )
    return hours
