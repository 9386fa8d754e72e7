"""How the minutes are worded and how their dates and numbers are written.

The section builders run below the UI (no Qt), so they get a :class:`Localizer`: the desktop
app and the command line pass :class:`pareconapp.exports.qt_locale.QtLocalizer` (the app's
language and locale); tests and plain scripts use :class:`PlainLocalizer` (the source text,
ISO dates, a point as decimal separator).
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from typing import Protocol

from pareconapp.core.i18n import SourceText, UserMessage


class Localizer(Protocol):
    """Translation and number/date formatting for one document language."""

    @property
    def language(self) -> str:
        """The language as a BCP 47 tag (e.g. ``"en-GB"``)."""
        ...

    def translate(self, source: SourceText, count: int | None = None) -> str:
        """``source`` in the document language (``%n`` not yet replaced)."""
        ...

    def date(self, value: date, long: bool = False) -> str:
        """A date in the local short format (four-digit year), or the long one."""
        ...

    def date_time(self, value: datetime) -> str:
        """A moment as local date and time (short format)."""
        ...

    def time(self, value: datetime) -> str:
        """A moment's local time of day."""
        ...

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with local separators."""
        ...


def tr(loc: Localizer, source: SourceText, count: int | None = None, /, **params: object) -> str:
    """Translate ``source`` and fill in ``%n`` and the named ``{placeholders}``."""
    return UserMessage(source, params, count).render(loc.translate(source, count))


def render(loc: Localizer, message: UserMessage) -> str:
    """A lower layer's message (e.g. a rule sentence) in the document language."""
    params = {
        key: render(loc, value) if isinstance(value, UserMessage) else value
        for key, value in message.params.items()
    }
    return UserMessage(message.source, params, message.count).render(
        loc.translate(message.source, message.count)
    )


def percent(loc: Localizer, share: Fraction | float, decimals: int = 1) -> str:
    """A share as a percentage ("12.5 %")."""
    return f"{loc.number(float(share) * 100, decimals)} %"


def local(value: datetime) -> datetime:
    """A stored (UTC) moment in the computer's time zone."""
    return value.astimezone()


class PlainLocalizer:
    """The source language (English), ISO dates and 24-hour times."""

    language = "en"

    def translate(self, source: SourceText, count: int | None = None) -> str:  # noqa: ARG002
        """The source text itself."""
        return source.text

    def date(self, value: date, long: bool = False) -> str:
        """``2026-05-04`` (long: ``Monday 4 May 2026``)."""
        if long:
            return f"{value:%A} {value.day} {value:%B %Y}"
        return value.isoformat()

    def date_time(self, value: datetime) -> str:
        """``2026-05-04 17:30``."""
        return local(value).strftime("%Y-%m-%d %H:%M")

    def time(self, value: datetime) -> str:
        """``17:30``."""
        return local(value).strftime("%H:%M")

    def number(self, value: float, decimals: int = 0) -> str:
        """``1234.5`` (no grouping)."""
        return f"{value:.{decimals}f}"
