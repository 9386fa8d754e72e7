from datetime import date

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import Period, PeriodKind, check_no_overlap


@pytest.mark.parametrize(
    ("kind", "day", "name", "start", "end"),
    [
        (PeriodKind.MONTH, date(2024, 2, 14), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (PeriodKind.MONTH, date(2023, 2, 1), "2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        (PeriodKind.QUARTER, date(2024, 5, 31), "2024-Q2", date(2024, 4, 1), date(2024, 6, 30)),
        (PeriodKind.QUARTER, date(2024, 12, 1), "2024-Q4", date(2024, 10, 1), date(2024, 12, 31)),
        (PeriodKind.YEAR, date(2024, 7, 7), "2024", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_containing_builds_the_whole_calendar_period(kind, day, name, start, end):
    period = Period.containing(kind, day)
    assert (period.name, period.start, period.end, period.kind) == (name, start, end, kind)
    assert period.contains(day)


def test_days_and_hours_count_every_day_of_the_period():
    assert Period.containing(PeriodKind.MONTH, date(2024, 2, 1)).days == 29
    assert Period.containing(PeriodKind.MONTH, date(2024, 2, 1)).hours == 29 * 24
    assert Period.containing(PeriodKind.YEAR, date(2023, 1, 1)).days == 365
    assert Period.containing(PeriodKind.QUARTER, date(2024, 1, 1)).days == 31 + 29 + 31


def test_following_crosses_the_year_end():
    december = Period.containing(PeriodKind.MONTH, date(2024, 12, 5))
    assert december.following() == Period.containing(PeriodKind.MONTH, date(2025, 1, 1))
    q4 = Period.containing(PeriodKind.QUARTER, date(2024, 11, 5), name="Autumn")
    assert q4.name == "Autumn"
    assert q4.following().name == "2025-Q1"


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        (PeriodKind.MONTH, date(2024, 5, 2), date(2024, 5, 31)),
        (PeriodKind.MONTH, date(2024, 5, 1), date(2024, 6, 30)),
        (PeriodKind.QUARTER, date(2024, 2, 1), date(2024, 4, 30)),
        (PeriodKind.YEAR, date(2024, 1, 1), date(2024, 11, 30)),
        (PeriodKind.MONTH, date(2024, 5, 1), date(2024, 4, 30)),
    ],
)
def test_a_period_must_be_a_whole_month_quarter_or_year(kind, start, end):
    with pytest.raises(UserError, match="is not the whole calendar month") as raised:
        Period("P", kind, start, end)
    assert raised.value.message.params["period"] == "P"


def test_a_period_needs_a_name():
    with pytest.raises(UserError, match="needs a name"):
        Period("  ", PeriodKind.MONTH, date(2024, 5, 1), date(2024, 5, 31))


def test_adjacent_periods_do_not_overlap():
    may = Period.containing(PeriodKind.MONTH, date(2024, 5, 1))
    check_no_overlap(may.following(), [may])
    check_no_overlap(may, [])


def test_an_overlapping_period_is_refused_naming_both():
    may = Period.containing(PeriodKind.MONTH, date(2024, 5, 1))
    q2 = Period.containing(PeriodKind.QUARTER, date(2024, 4, 1))
    with pytest.raises(UserError, match="overlaps period 2024-05") as raised:
        check_no_overlap(q2, [may.following().following(), may])
    assert raised.value.message.params["period"] == "2024-Q2"
    assert raised.value.message.params["other_start"] == "2024-05-01"


def test_a_second_period_with_the_same_name_is_refused():
    may = Period.containing(PeriodKind.MONTH, date(2024, 5, 1))
    june = Period("2024-05", PeriodKind.MONTH, date(2024, 6, 1), date(2024, 6, 30))
    with pytest.raises(UserError, match="already a period named 2024-05"):
        check_no_overlap(june, [may])
