from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import (
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    OnerousHours,
    RemunerationRules,
    check_entries,
    planned_hours,
)

RULES = RemunerationRules()


def entry(**fields) -> MemberPeriod:
    return MemberPeriod(**{"member_id": 1, "name": "Ana", "hours_worked": Decimal(160), **fields})


def test_a_full_entry_passes(may):
    check_entries(
        entry(
            effort_ratings=(5, 7),
            onerous_hours=(OnerousHours(Decimal(20), Decimal("1.5")),),
            training_hours=Decimal(8),
            balancing_hours=Decimal(12),
            needs=(NeedAllowance(NeedKind.CHILDREN, Decimal(300), 4),),
            joined_on=date(2024, 5, 3),
        ),
        may,
        RULES,
    )


def test_presence_counts_days_from_joining_to_leaving_inclusive(may):
    assert entry().days_present(may) == 31
    assert entry(left_on=date(2024, 5, 15)).presence(may) == Fraction(15, 31)
    left = entry(joined_on=date(2024, 5, 10), left_on=date(2024, 5, 10))
    assert left.days_present(may) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"hours_worked": Decimal(-1)}, "Ana: hours worked must be zero or more, not -1"),
        ({"hours_worked": Decimal("NaN")}, "Ana: hours worked must be zero or more"),
        ({"training_hours": Decimal(-2)}, "Ana: hours spent training must be zero or more"),
        ({"balancing_hours": -3}, "Ana: hours balancing in other workplaces must be zero"),
        ({"hours_worked": 745}, "Ana: 745 hours .* more than the 744 hours in the 31 days"),
        (
            {"hours_worked": 700, "training_hours": 30, "balancing_hours": 15},
            "Ana: 745 hours worked, training and balancing",
        ),
        (
            {"hours_worked": 100, "left_on": date(2024, 5, 4)},
            "Ana: 100 hours .* more than the 96 hours in the 4 days",
        ),
        (
            {"onerous_hours": (OnerousHours(Decimal(-1), 2),)},
            "Ana: onerous or hazardous hours must be zero or more",
        ),
        (
            {"onerous_hours": (OnerousHours(100, 2), OnerousHours(61, 2))},
            "Ana: 161 onerous or hazardous hours are more than the 160 hours",
        ),
        (
            {"onerous_hours": (OnerousHours(10, Decimal("0.9")),)},
            "Ana: the factor for onerous or hazardous hours must be between 1 and 3, not 0.9",
        ),
        (
            {"onerous_hours": (OnerousHours(10, 15),)},
            "must be between 1 and 3, not 15",
        ),
        ({"effort_ratings": (5, 12)}, "Ana: an effort rating of 12 is outside the scale"),
        ({"joined_on": date(2024, 4, 30)}, "Ana: 2024-04-30 is outside period 2024-05"),
        ({"left_on": date(2024, 6, 1)}, "Ana: 2024-06-01 is outside period 2024-05"),
        (
            {"joined_on": date(2024, 5, 20), "left_on": date(2024, 5, 19)},
            "Ana: the leaving day 2024-05-19 comes before the joining day 2024-05-20",
        ),
        (
            {"needs": (NeedAllowance(NeedKind.ILLNESS, Decimal(-5), 9),)},
            "Ana: the need allowance of decision 9 must be zero or more, not -5",
        ),
    ],
)
def test_impossible_entries_name_the_member_and_field(may, fields, message):
    with pytest.raises(UserError, match=message) as raised:
        check_entries(entry(**fields), may, RULES)
    assert raised.value.message.params["member"] == "Ana"


def test_onerous_hours_may_come_from_balancing_hours(may):
    check_entries(
        entry(hours_worked=10, balancing_hours=20, onerous_hours=(OnerousHours(30, 2),)),
        may,
        RULES,
    )


def test_a_higher_sacrifice_limit_allows_a_higher_factor(may):
    check_entries(
        entry(onerous_hours=(OnerousHours(10, 4),)), may, RemunerationRules(max_sacrifice_factor=4)
    )


def test_planned_hours_spread_weekly_hours_over_the_days():
    assert planned_hours(Decimal(35), 28) == Decimal("140.00")
    assert planned_hours(Decimal(35), 31) == Decimal("155.00")
    assert planned_hours(Decimal(30), 31) == Decimal("132.86")  # 30 x 31 / 7 = 132.857...
