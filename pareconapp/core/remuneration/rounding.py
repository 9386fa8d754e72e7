"""Exact money: rounding to cents, and sharing a sum out so the cents add up exactly."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from pareconapp.core.remuneration._common import Number

CENTS_PER_UNIT = 100
NO_CENTS = Decimal("0.00")
"""Zero, written in cents, so that sums of amounts keep two decimal places."""


def as_decimal(value: Fraction | Number, places: int = 4) -> Decimal:
    """``value`` rounded to ``places`` decimal places, halves away from zero (for display)."""
    value = Fraction(value)
    rounded = math.floor(abs(value) * 10**places + Fraction(1, 2))
    return (Decimal(rounded) if value >= 0 else -Decimal(rounded)).scaleb(-places)


def round_cents(amount: Fraction | Number) -> Decimal:
    """``amount`` rounded to the nearest cent, half a cent rounding away from zero."""
    return as_decimal(amount, 2)


def _cents(count: int) -> Decimal:
    """``count`` cents as an amount with two decimal places."""
    return Decimal(count).scaleb(-2)


def apportion_cents(total: Decimal, weights: Sequence[Fraction]) -> list[Decimal]:
    """Share ``total`` in proportion to ``weights``, in whole cents that add up to ``total``.

    Largest-remainder rounding (Hamilton's method): everyone first gets their exact share
    rounded down to the cent; the cents left over go one each to the largest remainders,
    and between equal remainders to whoever comes first in ``weights``.

    Raises:
        ValueError: if ``total`` is negative or not whole cents, a weight is negative, or
            every weight is zero while ``total`` is not.
    """
    total_cents = Fraction(total) * CENTS_PER_UNIT
    if total_cents < 0 or total_cents.denominator != 1:
        raise ValueError(f"cannot share {total}: not a whole, non-negative number of cents")
    if any(weight < 0 for weight in weights):
        raise ValueError("weights must not be negative")
    weight_sum = sum(weights, Fraction(0))
    if weight_sum == 0:
        if total_cents:
            raise ValueError(f"cannot share {total} when every weight is zero")
        return [_cents(0) for _ in weights]
    exact = [total_cents * weight / weight_sum for weight in weights]
    cents = [math.floor(share) for share in exact]
    left_over = int(total_cents) - sum(cents)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - cents[i]), i))
    for i in by_remainder[:left_over]:
        cents[i] += 1
    return [_cents(count) for count in cents]
