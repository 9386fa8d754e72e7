"""The goods of a planning economy and their order in every price, supply and demand vector.

Prices, supplies and demands are flat vectors over all goods, kind by kind in the order of
:class:`GoodKind` (private goods, intermediate goods, natural resources, labour types, public
goods): the order the Pequod simulations of *Democratic Economic Planning* (Hahnel 2021,
ch. 9; ``csvgen.clj`` in the public repository msszczep/pequod-cljs) use for their logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class GoodKind(Enum):
    """The five kinds of goods the IFB prices."""

    PRIVATE = "private"
    INTERMEDIATE = "intermediate"
    NATURE = "nature"
    LABOUR = "labour"
    PUBLIC = "public"


# Which kind a worker council's product is, by Pequod's ``:industry`` number.
INDUSTRY_KINDS = (GoodKind.PRIVATE, GoodKind.INTERMEDIATE, GoodKind.PUBLIC)

# The kinds a worker council uses as inputs, in the order of Pequod's ``:production-inputs``.
INPUT_KINDS = (GoodKind.INTERMEDIATE, GoodKind.NATURE, GoodKind.LABOUR)


@dataclass(frozen=True)
class GoodsLayout:
    """How many goods of each kind there are, and where each kind sits in a flat vector."""

    private: int = 10
    intermediate: int = 10
    nature: int = 10
    labour: int = 10
    public: int = 10

    def count(self, kind: GoodKind) -> int:
        """The number of goods of ``kind``."""
        return int(getattr(self, kind.name.lower()))

    @property
    def total(self) -> int:
        """The number of goods of all kinds together."""
        return sum(self.count(kind) for kind in GoodKind)

    def offset(self, kind: GoodKind) -> int:
        """The flat index of the first good of ``kind``."""
        start = 0
        for other in GoodKind:
            if other is kind:
                return start
            start += self.count(other)
        raise AssertionError(kind)  # pragma: no cover - every kind is in GoodKind

    def span(self, kind: GoodKind) -> slice:
        """The slice of a flat vector that holds the goods of ``kind``."""
        start = self.offset(kind)
        return slice(start, start + self.count(kind))

    def index(self, kind: GoodKind, number: int) -> int:
        """The flat index of good ``number`` (counted from 1, as Pequod does) of ``kind``."""
        if not 1 <= number <= self.count(kind):
            raise IndexError(number)
        return self.offset(kind) + number - 1

    def describe(self, flat_index: int) -> tuple[GoodKind, int]:
        """The kind and the 1-based number of the good at ``flat_index``."""
        for kind in GoodKind:
            span = self.span(kind)
            if span.start <= flat_index < span.stop:
                return kind, flat_index - span.start + 1
        raise IndexError(flat_index)

    def labels(self) -> list[str]:
        """Short, stable labels for every good in flat order, e.g. ``private-1``."""
        return [f"{kind.value}-{n}" for kind in GoodKind for n in range(1, self.count(kind) + 1)]
