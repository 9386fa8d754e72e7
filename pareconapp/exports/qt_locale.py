"""The minutes in the app's language, with the locale's dates and numbers (Qt).

The desktop app and the command line hand a :class:`QtLocalizer` to the minutes service: the
translations installed in the application decide the language, :class:`QLocale` the formats.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from pareconapp.core.i18n import SourceText

_SHORT_YEAR = re.compile(r"(?<!y)yy(?!y)")


class QtLocalizer:
    """Translation by the installed translators, formats by ``locale`` (default: the app's)."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self._locale = locale or QLocale()
        self._posix = self._locale.language() is QLocale.Language.C
        # Short formats may write two-digit years; minutes are kept for decades. The C
        # locale (no language chosen) gets ISO dates, which read the same everywhere.
        short = (
            "yyyy-MM-dd" if self._posix else self._locale.dateFormat(QLocale.FormatType.ShortFormat)
        )
        self._short_date = short if "yyyy" in short else _SHORT_YEAR.sub("yyyy", short)
        time_format = self._locale.timeFormat(QLocale.FormatType.ShortFormat)
        self._short_date_time = f"{self._short_date} {time_format}"

    @property
    def language(self) -> str:
        """The locale's BCP 47 name (``en-GB``...; ``en`` for the C locale)."""
        return "en" if self._posix else self._locale.bcp47Name()

    def translate(self, source: SourceText, count: int | None = None) -> str:
        """``source`` translated by the application's translators."""
        return QCoreApplication.translate(
            source.context, source.text, None, -1 if count is None else count
        )

    def date(self, value: date, long: bool = False) -> str:
        """A date in the locale's long or (four-digit year) short format."""
        day = QDate(value.year, value.month, value.day)
        if long:
            return self._locale.toString(day, QLocale.FormatType.LongFormat)
        return self._locale.toString(day, self._short_date)

    def date_time(self, value: datetime) -> str:
        """A moment as local date and time."""
        return self._locale.toString(_local(value), self._short_date_time)

    def time(self, value: datetime) -> str:
        """A moment's local time of day."""
        return self._locale.toString(_local(value).time(), QLocale.FormatType.ShortFormat)

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with the locale's separators."""
        return self._locale.toString(float(value), "f", decimals)


def _local(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
