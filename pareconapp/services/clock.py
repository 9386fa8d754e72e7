"""The time source of the services, replaceable in tests and for the projector's demos."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current time (timezone-aware, UTC)."""
    return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to (tests, rehearsals)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 5, 4, 17, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        """The clock's current time."""
        return self.now

    def advance(self, seconds: float = 0, minutes: float = 0) -> None:
        """Move the clock forward."""
        self.now += timedelta(seconds=seconds, minutes=minutes)
