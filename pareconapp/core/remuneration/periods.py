"""Remuneration periods (a month, a quarter or a year) and the rule that they never overlap."""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import user_error

HOURS_PER_DAY = 24
"""Nobody can work more hours in a day than the day has."""


class PeriodKind(enum.StrEnum):
    """How long the assembly's remuneration periods are (an assembly setting)."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @property
    def months(self) -> int:
        """The number of calendar months a period of this kind spans."""
        return {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[self]


def _first_month(kind: PeriodKind, month: int) -> int:
    """The month (1-12) that starts the period of ``kind`` containing ``month``."""
    return (month - 1) // kind.months * kind.months + 1


def _end_of(kind: PeriodKind, start: date) -> date:
    """The last day of the period of ``kind`` that starts on ``start``."""
    last_month = start.month + kind.months - 1
    return date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])


def _default_name(kind: PeriodKind, start: date) -> str:
    """``2024``, ``2024-Q2`` or ``2024-05``: short, sortable and the same in every language."""
    if kind is PeriodKind.YEAR:
        return f"{start.year}"
    if kind is PeriodKind.QUARTER:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


@dataclass(frozen=True)
class Period:
    """A remuneration period: whole calendar months from ``start`` to ``end`` (both included).

    Build one with :meth:`containing`; the constructor checks that the dates are exactly the
    first and last day of a month, quarter or year, as ``kind`` says.
    """

    name: str
    kind: PeriodKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise user_error(QT_TRANSLATE_NOOP("Remuneration", "A period needs a name."))
        expected_start = date(self.start.year, _first_month(self.kind, self.start.month), 1)
        expected_end = _end_of(self.kind, expected_start)
        if (self.start, self.end) != (expected_start, expected_end):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "Period {period}: {start} to {end} is not the whole calendar month, "
                    "quarter or year its kind says; it would be {expected_start} to "
                    "{expected_end}.",
                ),
                period=self.name,
                start=self.start.isoformat(),
                end=self.end.isoformat(),
                expected_start=expected_start.isoformat(),
                expected_end=expected_end.isoformat(),
            )

    @classmethod
    def containing(cls, kind: PeriodKind, day: date, name: str | None = None) -> Period:
        """The month, quarter or year that contains ``day``, named e.g. ``2024-Q2`` by default."""
        start = date(day.year, _first_month(kind, day.month), 1)
        return cls(name or _default_name(kind, start), kind, start, _end_of(kind, start))

    def following(self, name: str | None = None) -> Period:
        """The period of the same kind that starts the day after this one ends."""
        return Period.containing(self.kind, self.end + timedelta(days=1), name)

    @property
    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).days + 1

    @property
    def hours(self) -> int:
        """Every hour of the period: the most anyone could possibly work in it."""
        return self.days * HOURS_PER_DAY

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within the period."""
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end


def check_no_overlap(period: Period, existing: Iterable[Period]) -> None:
    """Refuse ``period`` if it shares a name or a day with one of the ``existing`` periods.

    When a period is being edited, leave its own saved version out of ``existing``.

    Raises:
        UserError: naming the period it collides with and their dates.
    """
    for other in existing:
        if other.name == period.name:
            raise user_error(
                QT_TRANSLATE_NOOP("Remuneration", "There is already a period named {period}."),
                period=period.name,
            )
        if period.overlaps(other):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "Period {period} ({start} to {end}) overlaps period {other} "
                    "({other_start} to {other_end}); periods may not share a day.",
                ),
                period=period.name,
                start=period.start.isoformat(),
                end=period.end.isoformat(),
                other=other.name,
                other_start=other.start.isoformat(),
                other_end=other.end.isoformat(),
            )
