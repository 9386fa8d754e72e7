"""A member's effort rating: their peers' ratings on a scale, aggregated by a trimmed mean."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import Number, finite, user_error


@dataclass(frozen=True)
class EffortScale:
    """The scale peers rate a member's effort on, from ``low`` (least) to ``high`` (most)."""

    low: Number = 0
    high: Number = 10

    def __post_init__(self) -> None:
        low, high = finite(self.low), finite(self.high)
        if low is None or high is None or low >= high:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "The effort scale must run from a lower to a higher number; "
                    "{low} to {high} does not.",
                ),
                low=str(self.low),
                high=str(self.high),
            )

    @property
    def midpoint(self) -> Fraction:
        """The middle of the scale: the rating of a member nobody has rated yet."""
        return (Fraction(self.low) + Fraction(self.high)) / 2

    def position(self, rating: Fraction) -> Fraction:
        """Where ``rating`` sits on the scale: 0 at ``low``, 1 at ``high``."""
        return (rating - Fraction(self.low)) / (Fraction(self.high) - Fraction(self.low))

    def check(self, rating: Number, member: str) -> Fraction:
        """``rating`` as an exact number, or a :class:`UserError` if it is off the scale."""
        value = finite(rating)
        if value is None or not Fraction(self.low) <= value <= Fraction(self.high):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "{member}: an effort rating of {rating} is outside the scale {low} to {high}.",
                ),
                member=member,
                rating=str(rating),
                low=str(self.low),
                high=str(self.high),
            )
        return value


def check_trim_share(trim_share: Number) -> Fraction:
    """``trim_share`` as an exact number, refused unless 0 <= trim_share < 1/2."""
    value = finite(trim_share)
    if value is None or not 0 <= value < Fraction(1, 2):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Remuneration",
                "The share of effort ratings trimmed from each end must be at least 0 and "
                "less than 0.5, not {value}.",
            ),
            value=str(trim_share),
        )
    return value


def trimmed_count(count: int, trim_share: Fraction) -> int:
    """How many ratings a trimmed mean drops from each end: ``floor(count x trim_share)``."""
    return math.floor(count * trim_share)


def trimmed_mean(values: Sequence[Fraction], trim_share: Fraction) -> Fraction:
    """The mean of ``values`` after dropping ``trimmed_count`` of them from each end.

    Raises:
        ValueError: if ``values`` is empty or ``trim_share`` is not in [0, 1/2).
    """
    if not values:
        raise ValueError("a trimmed mean needs at least one value")
    if not 0 <= trim_share < Fraction(1, 2):
        raise ValueError(f"trim share {trim_share} is not in [0, 1/2)")
    cut = trimmed_count(len(values), trim_share)
    kept = sorted(values)[cut : len(values) - cut]
    return Fraction(sum(kept, Fraction(0)), len(kept))


@dataclass(frozen=True)
class EffortRating:
    """A member's aggregated effort rating, with what it was computed from.

    Attributes:
        ratings: every peer rating, lowest first.
        trimmed_each_end: how many ratings were dropped from each end.
        value: the trimmed mean of ``ratings``; the scale's midpoint if nobody rated.
    """

    ratings: tuple[Fraction, ...]
    trimmed_each_end: int
    value: Fraction

    @property
    def rated(self) -> bool:
        """Whether any peer rated the member (if not, ``value`` is the scale's midpoint)."""
        return bool(self.ratings)

    @property
    def kept(self) -> tuple[Fraction, ...]:
        """The ratings the mean was taken over."""
        return self.ratings[self.trimmed_each_end : len(self.ratings) - self.trimmed_each_end]


def aggregate_effort(
    member: str, ratings: Sequence[Number], scale: EffortScale, trim_share: Number
) -> EffortRating:
    """Check ``member``'s peer ratings against ``scale`` and take their trimmed mean.

    Raises:
        UserError: naming the member, for a rating outside the scale.
    """
    share = check_trim_share(trim_share)
    values = tuple(sorted(scale.check(rating, member) for rating in ratings))
    if not values:
        return EffortRating((), 0, scale.midpoint)
    return EffortRating(values, trimmed_count(len(values), share), trimmed_mean(values, share))
