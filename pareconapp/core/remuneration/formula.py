"""The remuneration formula: effort-and-sacrifice scores, shares of the budget, needs on top.

Every intermediate value is kept, exact, in the result, so that anyone can check a member's
allowance by hand; ``docs/remuneration.md`` walks through an example.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import user_error
from pareconapp.core.remuneration.effort import EffortRating
from pareconapp.core.remuneration.entries import MemberPeriod, NeedAllowance, check_entries
from pareconapp.core.remuneration.periods import Period
from pareconapp.core.remuneration.rounding import NO_CENTS, apportion_cents, round_cents
from pareconapp.core.remuneration.rules import (
    Budget,
    NeedPolicy,
    PerCapitaBudget,
    RemunerationRules,
)


@dataclass(frozen=True)
class MemberScore:
    """How a member's effort-and-sacrifice score was reached.

    ``weighted_hours = hours_worked + training_hours x training_factor
    + balancing_hours x balancing_factor + onerous_extra``, where each onerous or hazardous
    hour adds ``factor - 1``; ``score = weighted_hours x effort_factor``, which is also
    ``total_hours x sacrifice_factor x effort_factor``.

    Attributes:
        entry: the member's entries, as given.
        days_present: the days of the period the member was a member.
        presence: ``days_present`` over the period's days.
        hours_worked: hours worked in this workplace (never pro-rated: they are what the
            member worked).
        training_hours: hours spent training, before the training factor.
        balancing_hours: hours worked in other workplaces, before the balancing factor.
        onerous_hours: how many of the hours were onerous or hazardous.
        onerous_extra: what they add: each one's ``factor - 1``, summed.
        weighted_hours: the hours with every sacrifice factor applied.
        effort: the aggregated peer ratings.
        effort_factor: what an hour counts for at that effort rating.
        score: ``weighted_hours x effort_factor``.
    """

    entry: MemberPeriod
    days_present: int
    presence: Fraction
    hours_worked: Fraction
    training_hours: Fraction
    balancing_hours: Fraction
    onerous_hours: Fraction
    onerous_extra: Fraction
    weighted_hours: Fraction
    effort: EffortRating
    effort_factor: Fraction
    score: Fraction

    @property
    def total_hours(self) -> Fraction:
        """Hours worked, training and balancing together."""
        return self.hours_worked + self.training_hours + self.balancing_hours

    @property
    def sacrifice_factor(self) -> Fraction:
        """What an hour of the member's counts for on average: weighted over total hours."""
        return self.weighted_hours / self.total_hours if self.total_hours else Fraction(1)


def score_member(entry: MemberPeriod, period: Period, rules: RemunerationRules) -> MemberScore:
    """``entry``'s effort-and-sacrifice score for ``period``, with every step on the way.

    Raises:
        UserError: naming the member and the field, if an entry is impossible.
    """
    effort = check_entries(entry, period, rules)
    worked = Fraction(entry.hours_worked)
    training = Fraction(entry.training_hours) * Fraction(rules.training_factor)
    balancing = Fraction(entry.balancing_hours) * Fraction(rules.balancing_factor)
    onerous = sum((Fraction(part.hours) for part in entry.onerous_hours), Fraction(0))
    extra = sum(
        (Fraction(part.hours) * (Fraction(part.factor) - 1) for part in entry.onerous_hours),
        Fraction(0),
    )
    weighted = worked + training + balancing + extra
    effort_factor = rules.effort_factor(effort.value)
    return MemberScore(
        entry=entry,
        days_present=entry.days_present(period),
        presence=entry.presence(period),
        hours_worked=worked,
        training_hours=Fraction(entry.training_hours),
        balancing_hours=Fraction(entry.balancing_hours),
        onerous_hours=onerous,
        onerous_extra=extra,
        weighted_hours=weighted,
        effort=effort,
        effort_factor=effort_factor,
        score=weighted * effort_factor,
    )


@dataclass(frozen=True)
class NeedPayment:
    """A need allowance as paid for the period: pro-rated by the days of membership."""

    allowance: NeedAllowance
    amount: Decimal


def need_payments(entry: MemberPeriod, period: Period) -> tuple[NeedPayment, ...]:
    """Each of ``entry``'s need allowances times the share of ``period`` they were a member."""
    presence = entry.presence(period)
    return tuple(
        NeedPayment(need, round_cents(Fraction(need.amount) * presence)) for need in entry.needs
    )


@dataclass(frozen=True)
class MemberAllowance:
    """A member's full breakdown for the period: score, share of the budget, needs, total.

    Attributes:
        scored: how the effort-and-sacrifice score was reached.
        score_share: the member's score over everyone's: their part of the shared budget.
        exact_share: ``shared_budget x score_share``, before rounding to the cent.
        share: ``exact_share`` in whole cents (largest remainders, so shares add up).
        needs: the member's need allowances for the period, pro-rated.
        need_total: their sum.
        total: ``share + need_total``: the member's consumption allowance for the period.
    """

    scored: MemberScore
    score_share: Fraction
    exact_share: Fraction
    share: Decimal
    needs: tuple[NeedPayment, ...]
    need_total: Decimal
    total: Decimal

    @property
    def member_id(self) -> int:
        """The member's id in the store."""
        return self.scored.entry.member_id

    @property
    def name(self) -> str:
        """The member's name."""
        return self.scored.entry.name


@dataclass(frozen=True)
class PeriodRemuneration:
    """Every member's allowance for a period, and the totals they add up to.

    Attributes:
        period: the period.
        rules: the settings the allowances were computed with.
        budget_source: the budget as set: one amount, or an average per person.
        members_counted: the members, each counted as the share of the period they were
            a member (what a per-capita budget is multiplied by).
        budget: the consumption budget for the period, in cents.
        need_total: all need allowances together.
        shared_budget: the part of ``budget`` shared out by score: all of it when needs
            come on top, ``budget - need_total`` when they come out of it.
        total_score: all members' scores together.
        members: each member's breakdown, in the order the entries were given.
    """

    period: Period
    rules: RemunerationRules
    budget_source: Budget
    members_counted: Fraction
    budget: Decimal
    need_total: Decimal
    shared_budget: Decimal
    total_score: Fraction
    members: tuple[MemberAllowance, ...]

    def __iter__(self) -> Iterator[MemberAllowance]:
        return iter(self.members)

    @property
    def share_total(self) -> Decimal:
        """The members' shares together: always exactly ``shared_budget``."""
        return sum((member.share for member in self.members), NO_CENTS)

    @property
    def total(self) -> Decimal:
        """Everything paid out for the period: shares and need allowances."""
        return sum((member.total for member in self.members), NO_CENTS)

    def member(self, member_id: int) -> MemberAllowance:
        """The breakdown of the member with ``member_id``.

        Raises:
            KeyError: if no member has that id.
        """
        for allowance in self.members:
            if allowance.member_id == member_id:
                return allowance
        raise KeyError(member_id)


def _budget_amount(budget: Budget, members_counted: Fraction) -> Decimal:
    """The budget in cents: the amount, or the average per person times the members."""
    if isinstance(budget, PerCapitaBudget):
        return round_cents(Fraction(budget.average_per_capita) * members_counted)
    return round_cents(budget.amount)


def _check_members(period: Period, entries: Sequence[MemberPeriod]) -> None:
    if not entries:
        raise user_error(
            QT_TRANSLATE_NOOP("Remuneration", "Period {period} has no members to remunerate."),
            period=period.name,
        )
    seen: set[int] = set()
    for entry in entries:
        if entry.member_id in seen:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration", "{member} has more than one set of entries for period {period}."
                ),
                member=entry.name,
                period=period.name,
            )
        seen.add(entry.member_id)


def _shared_budget(
    period: Period, budget: Decimal, need_total: Decimal, policy: NeedPolicy
) -> Decimal:
    """What is left to share by score once need allowances are paid, per ``policy``."""
    if policy is NeedPolicy.ON_TOP:
        return budget
    if need_total > budget:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "Period {period}: need allowances of {needs} come out of the consumption "
                "budget, but the budget is only {budget}.",
            ),
            period=period.name,
            needs=str(need_total),
            budget=str(budget),
        )
    return budget - need_total


def compute_remuneration(
    period: Period,
    entries: Sequence[MemberPeriod],
    budget: Budget,
    rules: RemunerationRules | None = None,
) -> PeriodRemuneration:
    """Every member's consumption allowance for ``period``, with a full breakdown.

    Scores are ``weighted hours x effort factor`` (see :func:`score_member`); the budget
    (less need allowances, if they come out of it) is shared in proportion to scores, in
    whole cents that add up exactly; need allowances, pro-rated by days of membership, are
    added to each member's share.

    Raises:
        UserError: for an impossible entry (naming the member and field), no members, a
            member entered twice, needs larger than a budget they come out of, or a budget
            to share while nobody has worked an hour.
    """
    rules = rules or RemunerationRules()
    _check_members(period, entries)
    scores = [score_member(entry, period, rules) for entry in entries]
    needs = [need_payments(entry, period) for entry in entries]
    members_counted = sum((score.presence for score in scores), Fraction(0))
    amount = _budget_amount(budget, members_counted)
    need_total = sum((payment.amount for paid in needs for payment in paid), NO_CENTS)
    shared = _shared_budget(period, amount, need_total, rules.need_policy)
    total_score = sum((score.score for score in scores), Fraction(0))
    if total_score == 0 and shared > 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "Period {period}: nobody has worked an hour, so the budget cannot be shared "
                "by effort and sacrifice. Enter the hours worked first.",
            ),
            period=period.name,
        )
    shares = apportion_cents(shared, [score.score for score in scores])
    members = tuple(
        _allowance(score, paid, share, shared, total_score)
        for score, paid, share in zip(scores, needs, shares, strict=True)
    )
    return PeriodRemuneration(
        period, rules, budget, members_counted, amount, need_total, shared, total_score, members
    )


def _allowance(
    score: MemberScore,
    needs: tuple[NeedPayment, ...],
    share: Decimal,
    shared: Decimal,
    total_score: Fraction,
) -> MemberAllowance:
    score_share = score.score / total_score if total_score else Fraction(0)
    need_total = sum((payment.amount for payment in needs), NO_CENTS)
    return MemberAllowance(
        scored=score,
        score_share=score_share,
        exact_share=Fraction(shared) * score_share,
        share=share,
        needs=needs,
        need_total=need_total,
        total=share + need_total,
    )
