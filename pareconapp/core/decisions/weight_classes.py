"""Weight classes for secret ballots: a weight shared by several voters names none of them.

A secret ballot must carry the weight it counts with, and a weight only one voter holds
identifies that voter's ballot. So the ballots of a secret vote carry their *class* weight:
members sharing the same weight form a class. Before the ballot opens the facilitator sees
each class's size; a class smaller than :data:`SECRECY_MINIMUM` gets a
:class:`SmallClassWarning`, and :func:`propose_class_merges` offers to merge small classes
into their nearest neighbour, giving the merged members their average weight so that the
class's total (and so the sum of all weights, 1) is kept. The facilitator accepts the
proposal, or accepts the warning, and the minutes record which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic

from pareconapp.core.decisions.exact import Number, as_non_negative
from pareconapp.core.decisions.rules import MemberId
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserMessage

SECRECY_MINIMUM = 3
"""The fewest voters a class needs before its ballots stop pointing at someone."""


@dataclass(frozen=True)
class WeightClass(Generic[MemberId]):
    """The members who share one weight."""

    weight: Fraction
    members: frozenset[MemberId]

    @property
    def size(self) -> int:
        """How many members the class has."""
        return len(self.members)

    @property
    def total_weight(self) -> Fraction:
        """The weight of the whole class."""
        return self.weight * self.size


@dataclass(frozen=True)
class SmallClassWarning:
    """A class too small to keep its members' ballots secret."""

    weight: Fraction
    size: int
    minimum: int

    @property
    def message(self) -> UserMessage:
        """The warning for the facilitator (and the minutes, if accepted)."""
        return UserMessage(
            QT_TRANSLATE_NOOP(
                "Decisions",
                "Only {size} eligible member(s) share the weight {weight}: with fewer than "
                "{minimum}, a secret ballot of this weight can be traced to its voter. "
                "Merge classes, or accept the warning.",
            ),
            {"size": self.size, "weight": str(self.weight), "minimum": self.minimum},
        )


@dataclass(frozen=True)
class ClassMerge:
    """Classes merged into one: their weights and sizes before, the shared weight after."""

    sources: tuple[tuple[Fraction, int], ...]
    weight: Fraction

    @property
    def size(self) -> int:
        """How many members the merged class has."""
        return sum(size for _, size in self.sources)


@dataclass(frozen=True)
class ClassMergeProposal(Generic[MemberId]):
    """Merged weights the facilitator can accept to keep every class large enough.

    Attributes:
        weights: every member's weight after the merges (same total as before).
        merges: each merged class and the classes it came from.
        classes: the classes after the merges, heaviest first.
        warnings: classes still too small (only when fewer than the minimum are eligible).
    """

    weights: Mapping[MemberId, Fraction]
    merges: tuple[ClassMerge, ...]
    classes: tuple[WeightClass[MemberId], ...]
    warnings: tuple[SmallClassWarning, ...]


def weight_classes(weights: Mapping[MemberId, Number]) -> tuple[WeightClass[MemberId], ...]:
    """Group the eligible members (weight above 0) by weight, heaviest class first."""
    members: dict[Fraction, set[MemberId]] = defaultdict(set)
    for member, weight in weights.items():
        exact = as_non_negative(weight, "Weight")
        if exact > 0:
            members[exact].add(member)
    return tuple(
        WeightClass(weight, frozenset(group))
        for weight, group in sorted(members.items(), key=lambda item: item[0], reverse=True)
    )


def small_class_warnings(
    classes: tuple[WeightClass[MemberId], ...], minimum: int = SECRECY_MINIMUM
) -> tuple[SmallClassWarning, ...]:
    """A warning for each class with fewer than ``minimum`` members."""
    return tuple(
        SmallClassWarning(group.weight, group.size, minimum)
        for group in classes
        if group.size < minimum
    )


def propose_class_merges(
    weights: Mapping[MemberId, Number], minimum: int = SECRECY_MINIMUM
) -> ClassMergeProposal[MemberId]:
    """Merge each too-small class into the class nearest in weight until all are big enough.

    The smallest class (the lightest, among equals) goes first, into whichever neighbour's
    weight is nearer (the smaller neighbour when both are as near). Merged members share
    the average weight of the merged members, so no weight is lost or gained.
    """
    clusters = [_Cluster.of(group) for group in reversed(weight_classes(weights))]
    while len(clusters) > 1:
        small = [i for i, cluster in enumerate(clusters) if len(cluster.members) < minimum]
        if not small:
            break
        i = min(small, key=lambda k: (len(clusters[k].members), clusters[k].weight))
        j = _nearest_neighbour(clusters, i)
        low, high = sorted((i, j))
        clusters[low : high + 1] = [clusters[low].merged_with(clusters[high])]
    new_weights = {member: cluster.weight for cluster in clusters for member in cluster.members}
    classes = weight_classes(new_weights)
    return ClassMergeProposal(
        weights=new_weights,
        merges=tuple(
            ClassMerge(tuple(cluster.sources), cluster.weight)
            for cluster in reversed(clusters)
            if len(cluster.sources) > 1
        ),
        classes=classes,
        warnings=small_class_warnings(classes, minimum),
    )


@dataclass(frozen=True)
class _Cluster(Generic[MemberId]):
    members: frozenset[MemberId]
    total: Fraction
    sources: tuple[tuple[Fraction, int], ...]

    @classmethod
    def of(cls, group: WeightClass[MemberId]) -> _Cluster[MemberId]:
        return cls(group.members, group.total_weight, ((group.weight, group.size),))

    @property
    def weight(self) -> Fraction:
        return self.total / len(self.members)

    def merged_with(self, other: _Cluster[MemberId]) -> _Cluster[MemberId]:
        sources = tuple(sorted(self.sources + other.sources, reverse=True))
        return _Cluster(self.members | other.members, self.total + other.total, sources)


def _nearest_neighbour(clusters: list[_Cluster[MemberId]], i: int) -> int:
    """The index of the neighbour (in weight order) nearest in weight to cluster ``i``."""
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(clusters)]
    return min(
        neighbours,
        key=lambda j: (abs(clusters[j].weight - clusters[i].weight), len(clusters[j].members)),
    )
