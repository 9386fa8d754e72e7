"""The assembly's remuneration settings, kept within parecon's rules, and its budget."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import Number, finite, user_error
from pareconapp.core.remuneration.effort import EffortScale, check_trim_share


class NeedPolicy(enum.StrEnum):
    """Where need-based allowances come from (an assembly setting)."""

    ON_TOP = "on_top"
    """Paid in addition to the consumption budget, which is shared out in full by score."""
    FROM_BUDGET = "from_budget"
    """Taken out of the consumption budget first; what is left is shared out by score."""


@dataclass(frozen=True)
class WorkplaceBudget:
    """The consumption budget the workplace has for the period, as one amount."""

    amount: Number

    def __post_init__(self) -> None:
        value = finite(self.amount)
        if value is None or value < 0:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration", "The consumption budget must be zero or more, not {amount}."
                ),
                amount=str(self.amount),
            )


@dataclass(frozen=True)
class PerCapitaBudget:
    """The society-wide average consumption per person for the period, times the members.

    A member who joined or left during the period counts as the share of its days they
    were a member (see :func:`~pareconapp.core.remuneration.entries.presence`).
    """

    average_per_capita: Number

    def __post_init__(self) -> None:
        value = finite(self.average_per_capita)
        if value is None or value < 0:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "The average consumption per person must be zero or more, not {amount}.",
                ),
                amount=str(self.average_per_capita),
            )


Budget: TypeAlias = WorkplaceBudget | PerCapitaBudget
"""Where the consumption budget shared out by effort and sacrifice comes from."""


def _check_sacrifice_factor(value: Number, largest: Fraction) -> bool:
    """Whether an hour-weighting factor lies in (0, ``largest``]."""
    exact = finite(value)
    return exact is not None and 0 < exact <= largest


@dataclass(frozen=True)
class RemunerationRules:
    """How effort and sacrifice turn into shares of the consumption budget.

    Parecon pays for the duration, intensity and onerousness of work, never for output,
    talent or ownership, so the only inputs are hours, peers' effort ratings and the
    factors below. ``docs/remuneration.md`` explains each one with a worked example.

    Attributes:
        effort_scale: the scale peers rate each other's effort on.
        trim_share: the share of effort ratings dropped from each end before averaging.
        lowest_effort_factor: what an hour counts for at the lowest effort rating.
        highest_effort_factor: what an hour counts for at the highest effort rating; ratings
            in between are interpolated in a straight line.
        max_sacrifice_factor: the most an onerous, training or balancing hour may count for,
            a guard against typing 15 for 1.5.
        training_factor: what an hour spent training counts for.
        balancing_factor: what an hour worked in another workplace for balancing counts for.
        need_policy: whether need allowances come on top of the budget or out of it.
    """

    effort_scale: EffortScale = field(default_factory=EffortScale)
    trim_share: Number = Decimal("0.2")
    lowest_effort_factor: Number = Decimal("0.8")
    highest_effort_factor: Number = Decimal("1.2")
    max_sacrifice_factor: Number = 3
    training_factor: Number = 1
    balancing_factor: Number = 1
    need_policy: NeedPolicy = NeedPolicy.ON_TOP

    def __post_init__(self) -> None:
        check_trim_share(self.trim_share)
        self._check_effort_factors()
        largest = finite(self.max_sacrifice_factor)
        if largest is None or largest < 1:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration", "The largest sacrifice factor must be at least 1, not {value}."
                ),
                value=str(self.max_sacrifice_factor),
            )
        if not _check_sacrifice_factor(self.training_factor, largest):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "The training factor must be more than 0 and at most {largest}, not {value}.",
                ),
                largest=str(self.max_sacrifice_factor),
                value=str(self.training_factor),
            )
        if not _check_sacrifice_factor(self.balancing_factor, largest):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "The balancing factor must be more than 0 and at most {largest}, not {value}.",
                ),
                largest=str(self.max_sacrifice_factor),
                value=str(self.balancing_factor),
            )

    def _check_effort_factors(self) -> None:
        lowest, highest = finite(self.lowest_effort_factor), finite(self.highest_effort_factor)
        if lowest is None or highest is None or not 0 < lowest <= highest:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "Effort factors must be more than 0, the lowest no more than the highest; "
                    "{lowest} and {highest} are not.",
                ),
                lowest=str(self.lowest_effort_factor),
                highest=str(self.highest_effort_factor),
            )

    def effort_factor(self, rating: Fraction) -> Fraction:
        """What an hour counts for at effort ``rating``: a straight line between the factors."""
        lowest, highest = Fraction(self.lowest_effort_factor), Fraction(self.highest_effort_factor)
        return lowest + (highest - lowest) * self.effort_scale.position(rating)
