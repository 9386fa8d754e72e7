"""Exact numbers for weights, shares and thresholds.

Every comparison against a threshold ("at least two-thirds", "quorum of one half") is made
with :class:`fractions.Fraction`, so that two of three equal voters reach 2/3 exactly and no
rounding ever decides a vote. Numbers enter as ``int``, ``Fraction``, ``Decimal`` or ``float``
and leave as ``Fraction``; in JSON a fraction is the string ``"p/q"`` (or ``"p"``).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

Number = int | Fraction | Decimal | float
"""A number a user or another module may hand in; it is turned into a ``Fraction``."""

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]
"""A value that :func:`json.dumps` writes as it is."""

JsonObject = dict[str, JsonValue]


def as_fraction(value: object, field: str) -> Fraction:
    """Return ``value`` as an exact ``Fraction``.

    A ``float`` is read through its shortest decimal form, so ``0.1`` becomes ``1/10``
    (what the person typed) rather than the binary value nearest to it.

    Args:
        value: the number given.
        field: what the number is, named in the error message.

    Raises:
        UserError: ``value`` is not a finite number.
    """
    if isinstance(value, Fraction):
        return value  # immutable: no copy needed (and many ballots pass through here)
    if isinstance(value, bool):
        raise _not_a_number(field, value)
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(value))
    if isinstance(value, Decimal) and value.is_finite():
        return Fraction(value)
    raise _not_a_number(field, value)


def as_non_negative(value: object, field: str) -> Fraction:
    """Return ``value`` as a ``Fraction`` that is at least zero.

    Raises:
        UserError: ``value`` is not a finite number, or it is negative.
    """
    number = as_fraction(value, field)
    if number.numerator < 0:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Decisions", "{field} must not be negative (got {value})."),
                {"field": field, "value": str(value)},
            )
        )
    return number


def as_share(value: object, field: str) -> Fraction:
    """Return ``value`` as a ``Fraction`` between 0 and 1 inclusive.

    Raises:
        UserError: ``value`` is not a number from 0 to 1.
    """
    number = as_fraction(value, field)
    if not 0 <= number <= 1:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Decisions", "{field} must be between 0 and 1 (got {value})."),
                {"field": field, "value": str(value)},
            )
        )
    return number


def fraction_to_json(value: Fraction) -> str:
    """Write ``value`` exactly, as ``"p/q"`` (or ``"p"`` when it is whole)."""
    return str(value)


def fraction_from_json(value: JsonValue) -> Fraction:
    """Read a fraction written by :func:`fraction_to_json` (an ``int`` is accepted too).

    Raises:
        ValueError: ``value`` is not a fraction written by this module.
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"not a stored fraction: {value!r}")
    return Fraction(value)


def _not_a_number(field: str, value: object) -> UserError:
    return UserError(
        UserMessage(
            QT_TRANSLATE_NOOP("Decisions", "{field} must be a number (got {value})."),
            {"field": field, "value": repr(value)},
        )
    )
