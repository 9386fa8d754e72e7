"""What every module of the package shares: exact numbers and user errors."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from pareconapp.core.i18n import SourceText, UserError, UserMessage

Number: TypeAlias = Decimal | int
"""An exact input number: hours, factors, ratings and amounts. Never a float."""


def user_error(source: SourceText, **params: object) -> UserError:
    """A :class:`UserError` for ``source`` (marked with ``QT_TRANSLATE_NOOP``) and its values."""
    return UserError(UserMessage(source, params))


def finite(value: Number) -> Fraction | None:
    """``value`` as an exact fraction, or ``None`` for a NaN or infinity (typed as "nan")."""
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    return Fraction(value)


def plain(value: Fraction | Number) -> str:
    """``value`` written for a message: an integer, or a decimal with up to four places."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.4f}".rstrip("0").rstrip(".")
