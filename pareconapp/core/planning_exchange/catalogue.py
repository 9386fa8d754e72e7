"""The goods catalogue of a planning year: what councils propose to make, use and consume.

Every good has a short **code** (``bicycles``, ``steel-tubing``, ``labour-skilled``) that
stays the same in every round and every exchange file of the year, a name for people, a
category and a unit. The IFB orders prices, supplies and demands by the catalogue's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, user_error

if TYPE_CHECKING:  # numpy is imported only where planning rounds are computed
    from pareconapp.core.planning.arrays import FloatArray

CODE_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
"""A good's or council's code: lower-case letters, digits, ``.``, ``_`` and ``-``."""

_CODE = re.compile(CODE_PATTERN.removeprefix("^").removesuffix("$"))


class GoodCategory(StrEnum):
    """The six kinds of goods the IFB prices."""

    PRIVATE = "private"
    """Final goods people consume privately (bread, bicycles)."""
    PUBLIC = "public"
    """Final goods consumed together (parks, clinics): shared by every consumer council."""
    INTERMEDIATE = "intermediate"
    """Goods made to make other goods (steel tubing, flour)."""
    NATURE = "nature"
    """Natural resources; their supply is set by the IFB."""
    LABOUR = "labour"
    """Labour hours by category; their supply is set by the IFB."""
    POLLUTANT = "pollutant"
    """Emissions: a worker council asks for permits; the IFB sets how many there are."""

    @property
    def produced(self) -> bool:
        """Whether a worker council can offer this good as an output."""
        return self in (GoodCategory.PRIVATE, GoodCategory.PUBLIC, GoodCategory.INTERMEDIATE)

    @property
    def used_in_production(self) -> bool:
        """Whether a worker council can ask for this good as an input (or emit it)."""
        return self in (
            GoodCategory.INTERMEDIATE,
            GoodCategory.NATURE,
            GoodCategory.LABOUR,
            GoodCategory.POLLUTANT,
        )

    @property
    def final(self) -> bool:
        """Whether consumer councils request this good."""
        return self in (GoodCategory.PRIVATE, GoodCategory.PUBLIC)

    @property
    def fixed_supply(self) -> bool:
        """Whether the IFB sets this good's supply (nobody produces it)."""
        return self in (GoodCategory.NATURE, GoodCategory.LABOUR, GoodCategory.POLLUTANT)

    @property
    def label(self) -> SourceText:
        """The category's name for people (translatable)."""
        return _LABELS[self]

    @classmethod
    def of_engine_kind(cls, kind: str) -> GoodCategory:
        """The category of the planning engine's ``GoodKind`` value (``"nature"``...)."""
        return cls(kind)


_LABELS = {
    GoodCategory.PRIVATE: QT_TRANSLATE_NOOP("Planning", "private good"),
    GoodCategory.PUBLIC: QT_TRANSLATE_NOOP("Planning", "public good"),
    GoodCategory.INTERMEDIATE: QT_TRANSLATE_NOOP("Planning", "intermediate good"),
    GoodCategory.NATURE: QT_TRANSLATE_NOOP("Planning", "natural resource"),
    GoodCategory.LABOUR: QT_TRANSLATE_NOOP("Planning", "labour"),
    GoodCategory.POLLUTANT: QT_TRANSLATE_NOOP("Planning", "pollutant"),
}


def check_code(code: str, field: str) -> str:
    """``code`` if it is a valid good or council code; a ``UserError`` naming ``field`` if not."""
    if not _CODE.fullmatch(code):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{field}: "{code}" is not a valid code; use 1-64 lower-case letters, digits, '
                '".", "_" or "-", starting with a letter or digit (e.g. steel-tubing).',
            ),
            field=field,
            code=code,
        )
    return code


@dataclass(frozen=True)
class Good:
    """One good of the catalogue."""

    code: str
    name: str
    category: GoodCategory
    unit: str = ""


@dataclass(frozen=True)
class Catalogue:
    """The goods of a planning year, in the order of every price and quantity vector."""

    goods: tuple[Good, ...]

    @cached_property
    def positions(self) -> Mapping[str, int]:
        """Each good's position by code."""
        return {good.code: i for i, good in enumerate(self.goods)}

    @property
    def codes(self) -> list[str]:
        """The codes in catalogue order."""
        return [good.code for good in self.goods]

    def __len__(self) -> int:
        return len(self.goods)

    def __contains__(self, code: object) -> bool:
        return code in self.positions

    def index(self, code: str) -> int:
        """The position of the good ``code``; a ``UserError`` if the catalogue lacks it."""
        try:
            return self.positions[code]
        except KeyError:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning", 'The good "{code}" is not in this planning year\'s catalogue.'
                ),
                code=code,
            ) from None

    def good(self, code: str) -> Good:
        """The good ``code``."""
        return self.goods[self.index(code)]

    def of_category(self, *categories: GoodCategory) -> list[Good]:
        """The goods of the given categories, in catalogue order."""
        return [good for good in self.goods if good.category in categories]

    def mask(self, *categories: GoodCategory) -> list[bool]:
        """For every good in order: whether it is of one of ``categories``."""
        return [good.category in categories for good in self.goods]


def make_catalogue(goods: Iterable[Good]) -> Catalogue:
    """A checked catalogue: valid, unique codes and a name for every good."""
    items = tuple(goods)
    seen: set[str] = set()
    for number, good in enumerate(items, 1):
        check_code(good.code, f"good {number}")
        if good.code in seen:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning", 'The good code "{code}" is used twice; every code must be unique.'
                ),
                code=good.code,
            )
        seen.add(good.code)
        if not good.name.strip():
            raise user_error(
                QT_TRANSLATE_NOOP("Planning", 'The good "{code}" needs a name.'), code=good.code
            )
    return Catalogue(items)


def prices_in_order(catalogue: Catalogue, prices: Mapping[str, float]) -> list[float]:
    """``prices`` (by code) as a list in catalogue order; a ``UserError`` if one is missing."""
    missing = [code for code in catalogue.codes if code not in prices]
    if missing:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "No price for {goods}."), goods=", ".join(missing)
        )
    return [float(prices[code]) for code in catalogue.codes]


def by_code(catalogue: Catalogue, values: Sequence[float] | FloatArray) -> dict[str, float]:
    """A vector in catalogue order as a mapping from code to value."""
    return {code: float(value) for code, value in zip(catalogue.codes, values, strict=True)}
