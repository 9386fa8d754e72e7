"""The section registry: each area adds the part of the minutes it knows about.

A section builder is a function from a :class:`SectionContext` to a
:class:`~pareconapp.exports.document.Section` (or ``None`` when the meeting has nothing for
it), registered with an order number::

    register_section("remuneration", 70, build_remuneration, datasets=remuneration_rows)

Builders of areas that keep their own records (rating rounds, job complexes, remuneration,
planning) read them through ``context.areas`` - the open
:class:`~pareconapp.services.assembly.AssemblyService` - and return ``None`` when the area
has no service yet or nothing happened in this meeting. Builders never use Qt: every text
goes through ``context.tr`` and every number and date through ``context.loc``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pareconapp.core.i18n import SourceText
from pareconapp.exports.document import Dataset, Section
from pareconapp.exports.localize import Localizer, percent, tr
from pareconapp.exports.record import MeetingRecord


@dataclass(frozen=True)
class SectionContext:
    """What a section builder sees: the record, the language, and the other areas."""

    record: MeetingRecord
    loc: Localizer
    areas: Any = None
    """The open AssemblyService (typed loosely: areas appear as their issues land)."""

    def tr(self, source: SourceText, count: int | None = None, /, **params: object) -> str:
        """``source`` in the document language with its values filled in."""
        return tr(self.loc, source, count, **params)

    def percent(self, share: Fraction | float, decimals: int = 1) -> str:
        """A share as a localised percentage."""
        return percent(self.loc, share, decimals)

    def area(self, name: str) -> Any:
        """The service of another area (``None`` if that area does not exist yet)."""
        return getattr(self.areas, name, None) if self.areas is not None else None


SectionFunction = Callable[[SectionContext], Section | None]
DatasetFunction = Callable[[SectionContext], list[Dataset]]


@dataclass(frozen=True)
class SectionSpec:
    """A registered section builder."""

    key: str
    order: int
    build: SectionFunction
    datasets: DatasetFunction | None = None


_REGISTRY: dict[str, SectionSpec] = {}


def register_section(
    key: str, order: int, build: SectionFunction, datasets: DatasetFunction | None = None
) -> None:
    """Add (or replace) the builder of section ``key``; sections print by ``order``."""
    _REGISTRY[key] = SectionSpec(key, order, build, datasets)


def registered_sections() -> list[SectionSpec]:
    """Every registered builder, in print order."""
    from pareconapp.exports import builders  # noqa: F401 - registers the built-in sections

    return sorted(_REGISTRY.values(), key=lambda spec: (spec.order, spec.key))
