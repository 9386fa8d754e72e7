"""Properties of the formula over generated assemblies (hypothesis)."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from pareconapp.core.remuneration import (
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    NeedPolicy,
    OnerousHours,
    PerCapitaBudget,
    Period,
    PeriodKind,
    RemunerationRules,
    WorkplaceBudget,
    compute_remuneration,
)

PERIOD = Period.containing(PeriodKind.MONTH, date(2024, 2, 1))  # 29 days


def hours(most: int) -> st.SearchStrategy[Decimal]:
    """Hours with up to two decimal places, from 0 to ``most``."""
    return st.integers(0, most * 100).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def member_periods(draw: st.DrawFn, member_id: int) -> MemberPeriod:
    """A member whose hours in every category stay under a sixth of their days' hours.

    Worked, training and balancing hours together then fill at most half of the hours the
    member could possibly work, so that doubling them is still possible.
    """
    first, last = 0, PERIOD.days - 1
    if draw(st.booleans()):  # joined or left during the period
        first = draw(st.integers(0, PERIOD.days - 1))
        last = draw(st.integers(first, PERIOD.days - 1))
    joined = PERIOD.start + timedelta(days=first) if first else None
    left = PERIOD.start + timedelta(days=last) if last < PERIOD.days - 1 else None
    limit = (last - first + 1) * 4  # a sixth of 24 hours a day
    worked = draw(hours(limit))
    onerous = [
        (Decimal(draw(st.integers(0, int(worked * 50)))).scaleb(-2), Decimal(factor))
        for factor in draw(st.lists(st.sampled_from(["1", "1.5", "2", "3"]), max_size=2))
    ]
    ratings = draw(st.lists(st.integers(0, 20).map(lambda r: Decimal(r) / 2), max_size=7))
    needs = draw(st.lists(st.integers(0, 100_000).map(lambda c: Decimal(c).scaleb(-2)), max_size=2))
    return MemberPeriod(
        member_id=member_id,
        name=f"Member {member_id}",
        hours_worked=worked,
        effort_ratings=tuple(ratings),
        onerous_hours=tuple(OnerousHours(h, f) for h, f in onerous),
        training_hours=draw(hours(limit)),
        balancing_hours=draw(hours(limit)),
        needs=tuple(NeedAllowance(NeedKind.OTHER, amount, 1) for amount in needs),
        joined_on=joined,
        left_on=left,
    )


@st.composite
def assemblies(draw: st.DrawFn) -> list[MemberPeriod]:
    """One to eight members, the first of whom worked at least an hour."""
    count = draw(st.integers(1, 8))
    members = [draw(member_periods(member_id)) for member_id in range(count)]
    if members[0].hours_worked < 1:
        members[0] = replace(members[0], hours_worked=Decimal(1), joined_on=None, left_on=None)
    return members


rules = st.builds(
    RemunerationRules,
    trim_share=st.sampled_from([Decimal(0), Decimal("0.1"), Decimal("0.2"), Decimal("0.45")]),
    lowest_effort_factor=st.sampled_from([Decimal("0.5"), Decimal("0.8"), Decimal(1)]),
    training_factor=st.sampled_from([Decimal("0.5"), Decimal(1), Decimal(2)]),
    need_policy=st.sampled_from(NeedPolicy),
)
budgets = st.one_of(
    st.integers(0, 10**9).map(lambda c: WorkplaceBudget(Decimal(c).scaleb(-2))),
    st.integers(0, 10**7).map(lambda c: PerCapitaBudget(Decimal(c).scaleb(-2))),
)


def affordable(budget, rules: RemunerationRules):
    """The budget, raised above all possible needs when they come out of it."""
    if rules.need_policy is NeedPolicy.FROM_BUDGET and isinstance(budget, WorkplaceBudget):
        return WorkplaceBudget(Decimal(budget.amount) + 8 * 2 * 1000)
    if rules.need_policy is NeedPolicy.FROM_BUDGET:
        return PerCapitaBudget(Decimal(budget.average_per_capita) + 2 * 1000 * 29)
    return budget


def doubled(member: MemberPeriod) -> MemberPeriod:
    return replace(
        member,
        hours_worked=member.hours_worked * 2,
        training_hours=member.training_hours * 2,
        balancing_hours=member.balancing_hours * 2,
        onerous_hours=tuple(replace(o, hours=o.hours * 2) for o in member.onerous_hours),
    )


@settings(max_examples=100, deadline=None)
@given(members=assemblies(), budget=budgets, rules=rules)
def test_shares_always_add_up_to_the_budget_to_the_cent(members, budget, rules):
    budget = affordable(budget, rules)
    table = compute_remuneration(PERIOD, members, budget, rules)
    assert table.share_total == table.shared_budget
    if rules.need_policy is NeedPolicy.FROM_BUDGET:
        assert table.shared_budget + table.need_total == table.budget
        assert table.total == table.budget
    else:
        assert table.shared_budget == table.budget
        assert table.total == table.budget + table.need_total
    for member in table:
        assert abs(Fraction(member.share) - member.exact_share) < Fraction(1, 100)
        assert member.total == member.share + member.need_total


@settings(max_examples=100, deadline=None)
@given(members=assemblies(), budget=budgets, rules=rules)
def test_doubling_every_members_hours_leaves_shares_unchanged(members, budget, rules):
    budget = affordable(budget, rules)
    table = compute_remuneration(PERIOD, members, budget, rules)
    again = compute_remuneration(PERIOD, [doubled(m) for m in members], budget, rules)
    assert [m.scored.score * 2 for m in table] == [m.scored.score for m in again]
    assert [m.share for m in table] == [m.share for m in again]
    assert [m.total for m in table] == [m.total for m in again]
