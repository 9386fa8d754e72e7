from datetime import date
from decimal import Decimal

import pytest

from pareconapp.core.remuneration import (
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    OnerousHours,
    Period,
    PeriodKind,
)

D = Decimal


@pytest.fixture
def may() -> Period:
    """May 2024: 31 days, 744 hours."""
    return Period.containing(PeriodKind.MONTH, date(2024, 5, 1))


@pytest.fixture
def worked_example() -> list[MemberPeriod]:
    """The example of docs/remuneration.md: four members in May 2024.

    Ana full-time with night shifts, Ben part-time with children, Chloe left on the 15th,
    Dev balancing in another workplace.
    """
    return [
        MemberPeriod(
            1, "Ana", D(160), (5, 6, 7, 8, 10), (OnerousHours(D(20), D("1.5"), "night shifts"),)
        ),
        MemberPeriod(
            2,
            "Ben",
            D(80),
            (4, 5, 5, 5, 9),
            training_hours=D(10),
            needs=(NeedAllowance(NeedKind.CHILDREN, D(400), 12),),
        ),
        MemberPeriod(
            3,
            "Chloe",
            D(72),
            (3, 6, 6, 6, 8),
            left_on=date(2024, 5, 15),
            needs=(NeedAllowance(NeedKind.ILLNESS, D(310), 14),),
        ),
        MemberPeriod(4, "Dev", D(150), (5, 5, 6, 6), balancing_hours=D(10)),
    ]
