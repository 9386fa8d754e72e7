"""Impact assessment: from how much a decision affects each member to their voting weights.

Self-management gives each member a say in proportion to how much the outcome affects them.
The facilitator first sets each member's *impact* (any non-negative number) in one of these
ways, which can be combined with :func:`combine_impacts`:

- levels or numbers per member (:func:`impacts_from_levels`);
- levels or numbers per group - teams, councils, ad-hoc lists (:func:`impacts_from_groups`);
- impacts the members declared, as the assembly reviewed them
  (:func:`impacts_from_declarations`);
- a quantity derived from the app's data: hours each member works on the tasks the decision
  touches (:func:`hours_on_tasks`), or consumption of the goods it touches - any mapping
  member -> quantity (:func:`impacts_from_quantities`).

:func:`assess_impact` then turns impacts into weights: proportional to impact, summing to
exactly 1 over the members affected (impact above 0); a member with impact 0 is not
affected, has weight 0 and is not eligible. An optional floor gives every affected member at
least that share, an optional cap gives nobody more. Both are met together by the one
scaling factor lambda for which ``sum(clamp(lambda * impact_i, floor, cap)) == 1``: members
between the bounds keep shares proportional to their impact, and the share taken from those
above the cap or given to those below the floor is spread over the others in proportion.
(Clamping once and renormalising, or clamping and handing the excess out once, can break the
bounds again; the tests show both.)
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import Generic, TypeVar

from pareconapp.core.decisions.exact import (
    JsonObject,
    JsonValue,
    Number,
    as_fraction,
    as_share,
    fraction_from_json,
    fraction_to_json,
)
from pareconapp.core.decisions.rules import MemberId
from pareconapp.core.decisions.stored import get_fraction, get_optional, objects
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage

GroupId = TypeVar("GroupId", bound=Hashable)
TaskId = TypeVar("TaskId", bound=Hashable)


class ImpactLevel(StrEnum):
    """A coarse impact a facilitator can pick per member or per group."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


DEFAULT_LEVEL_VALUES: Mapping[ImpactLevel, Fraction] = MappingProxyType(
    {
        ImpactLevel.NONE: Fraction(0),
        ImpactLevel.LOW: Fraction(1),
        ImpactLevel.MEDIUM: Fraction(2),
        ImpactLevel.HIGH: Fraction(3),
    }
)
"""The numbers levels stand for unless the assembly sets its own."""

ImpactValue = ImpactLevel | Number
"""An impact given as a level or as a number."""


class GroupOverlap(StrEnum):
    """How to combine the impacts of a member who belongs to several groups."""

    HIGHEST = "highest"
    """The member's impact is the highest of their groups' (being in two affected teams
    does not double one's stake)."""
    SUM = "sum"
    """The member's impact is the sum of their groups'."""


IMPACT_METHODS: dict[str, SourceText] = {
    "levels": QT_TRANSLATE_NOOP("Decisions", "Levels per member"),
    "groups": QT_TRANSLATE_NOOP("Decisions", "Levels per group (teams, councils)"),
    "numbers": QT_TRANSLATE_NOOP("Decisions", "Numbers per member"),
    "declared": QT_TRANSLATE_NOOP("Decisions", "Declared by members, reviewed by the assembly"),
    "hours": QT_TRANSLATE_NOOP("Decisions", "Hours on chosen tasks (from the job complexes)"),
    "consumption": QT_TRANSLATE_NOOP(
        "Decisions", "Consumption of chosen goods (from the consumer council's plan)"
    ),
}
"""How an assessment was entered, by the key stored with the decision, in the order offered."""


def impact_value(
    member: object, value: ImpactValue, levels: Mapping[ImpactLevel, Fraction]
) -> Fraction:
    """The impact a level or a number stands for.

    Raises:
        UserError: the value is not a number, or it is negative.
    """
    number = levels[value] if isinstance(value, ImpactLevel) else as_fraction(value, "Impact")
    if number < 0:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "Decisions", "The impact of {member} must not be negative (got {value})."
                ),
                {"member": str(member), "value": str(value)},
            )
        )
    return number


def impacts_from_levels(
    levels: Mapping[MemberId, ImpactValue],
    values: Mapping[ImpactLevel, Fraction] = DEFAULT_LEVEL_VALUES,
) -> dict[MemberId, Fraction]:
    """Impacts from a level or number per member."""
    return {member: impact_value(member, value, values) for member, value in levels.items()}


def impacts_from_groups(
    members: Mapping[GroupId, Collection[MemberId]],
    group_impacts: Mapping[GroupId, ImpactValue],
    overlap: GroupOverlap = GroupOverlap.HIGHEST,
    values: Mapping[ImpactLevel, Fraction] = DEFAULT_LEVEL_VALUES,
) -> dict[MemberId, Fraction]:
    """Impacts from a level or number per group; a group without one counts as impact 0.

    Args:
        members: the members of each group.
        group_impacts: the level or number set for each group.
        overlap: how to combine the groups of a member who is in several.
        values: the numbers the levels stand for.
    """
    impacts: dict[MemberId, Fraction] = {}
    for group, group_members in members.items():
        value = impact_value(group, group_impacts.get(group, ImpactLevel.NONE), values)
        for member in group_members:
            before = impacts.get(member, Fraction(0))
            impacts[member] = before + value if overlap is GroupOverlap.SUM else max(before, value)
    return impacts


def impacts_from_declarations(
    declared: Mapping[MemberId, ImpactValue],
    reviewed: Mapping[MemberId, ImpactValue] | None = None,
    values: Mapping[ImpactLevel, Fraction] = DEFAULT_LEVEL_VALUES,
) -> dict[MemberId, Fraction]:
    """Impacts members declared themselves, with the assembly's reviewed values replacing them.

    A member the assembly set but who declared nothing is included at the reviewed value.
    """
    merged = {**declared, **(reviewed or {})}
    return impacts_from_levels(merged, values)


def impacts_from_quantities(quantities: Mapping[MemberId, Number]) -> dict[MemberId, Fraction]:
    """Impacts derived from a quantity per member: the quantity is the impact.

    Use it for hours on the chosen tasks (see :func:`hours_on_tasks`) or for consumption of
    the chosen goods.
    """
    return {member: impact_value(member, value, {}) for member, value in quantities.items()}


def hours_on_tasks(
    hours: Mapping[MemberId, Mapping[TaskId, Number]], tasks: Collection[TaskId]
) -> dict[MemberId, Fraction]:
    """Each member's weekly hours on the chosen tasks.

    Args:
        hours: weekly hours per member and task, as job complexes hold them.
        tasks: the tasks the decision touches.

    Returns:
        Hours per member, to feed to :func:`impacts_from_quantities`.
    """
    return {
        member: sum(
            (impact_value(member, h, {}) for task, h in by_task.items() if task in tasks),
            Fraction(0),
        )
        for member, by_task in hours.items()
    }


def consumption_of_goods(
    requests: Mapping[MemberId, Mapping[str, Number]],
    prices: Mapping[str, Number],
    goods: Collection[str],
) -> dict[MemberId, Fraction]:
    """Each member's requests of the chosen goods, valued at their prices.

    Goods come in different units (bicycles, hours of repair), so quantities are valued at
    the planning round's prices before they are added up; the value is the member's impact.

    Args:
        requests: quantity requested per member and good code (a consumer council's
            members' own requests).
        prices: price per good code (the current planning round's).
        goods: the goods the decision touches.

    Returns:
        Value per member, to feed to :func:`impacts_from_quantities`.

    Raises:
        UserError: a chosen good has no price, or a quantity or price is negative.
    """
    missing = sorted(good for good in goods if good not in prices)
    if missing:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Decisions", "These goods have no price in the round: {goods}."),
                {"goods": ", ".join(missing)},
            )
        )
    price = {good: impact_value(good, prices[good], {}) for good in goods}
    return {
        member: sum(
            (
                impact_value(member, quantity, {}) * price[good]
                for good, quantity in by_good.items()
                if good in price
            ),
            Fraction(0),
        )
        for member, by_good in requests.items()
    }


def combine_impacts(
    parts: Sequence[tuple[Number, Mapping[MemberId, Fraction]]],
) -> dict[MemberId, Fraction]:
    """Mix several impact assessments, e.g. half from hours worked and half from levels.

    Each part is first scaled to shares of 1 (hours and levels have different units), then
    weighted by its factor and summed. A member missing from a part has impact 0 there.

    Args:
        parts: ``(factor, impacts)`` pairs; factors are non-negative, not all 0.
    """
    combined: dict[MemberId, Fraction] = {}
    for factor, impacts in parts:
        share = impact_value("", factor, {})
        size = sum(impacts.values(), Fraction(0))
        for member, impact in impacts.items():
            part = share * impact / size if size else Fraction(0)
            combined[member] = combined.get(member, Fraction(0)) + part
    return combined


@dataclass(frozen=True)
class ImpactWeights(Generic[MemberId]):
    """Normalised voting weights, with the impacts and bounds they came from.

    Attributes:
        impacts: every assessed member's impact (0 for members not affected).
        weights: the weight of each affected member; they sum to exactly 1.
        floor: the smallest share any affected member has, if a floor was set.
        cap: the largest share any member may have, if a cap was set.
        raised_to_floor: the members whose weight the floor raised.
        lowered_to_cap: the members whose weight the cap lowered.
    """

    impacts: Mapping[MemberId, Fraction]
    weights: Mapping[MemberId, Fraction]
    floor: Fraction | None = None
    cap: Fraction | None = None
    raised_to_floor: frozenset[MemberId] = field(default_factory=frozenset)
    lowered_to_cap: frozenset[MemberId] = field(default_factory=frozenset)

    @property
    def excluded(self) -> frozenset[MemberId]:
        """The members not affected: weight 0, not eligible to vote."""
        return frozenset(member for member, impact in self.impacts.items() if impact == 0)

    def weight(self, member: MemberId) -> Fraction:
        """The member's weight (0 when not affected)."""
        return self.weights.get(member, Fraction(0))

    def to_dict(self) -> JsonObject:
        """Return the weights as plain JSON data; members must be ``int`` or ``str`` ids."""
        rows: list[JsonValue] = []
        for member, impact in self.impacts.items():
            if not isinstance(member, int | str):
                raise TypeError(f"member id {member!r} cannot be stored")
            bound = (
                "floor"
                if member in self.raised_to_floor
                else "cap"
                if member in self.lowered_to_cap
                else None
            )
            rows.append(
                {
                    "member": member,
                    "impact": fraction_to_json(impact),
                    "weight": fraction_to_json(self.weight(member)),
                    "bound": bound,
                }
            )
        return {
            "floor": None if self.floor is None else fraction_to_json(self.floor),
            "cap": None if self.cap is None else fraction_to_json(self.cap),
            "members": rows,
        }

    @classmethod
    def from_dict(cls, data: JsonObject, member_type: type[MemberId]) -> ImpactWeights[MemberId]:
        """Read weights written by :meth:`to_dict`, checking member ids are ``member_type``."""
        impacts: dict[MemberId, Fraction] = {}
        weights: dict[MemberId, Fraction] = {}
        bounds: dict[str, set[MemberId]] = {"floor": set(), "cap": set()}
        for row in objects(data, "members"):
            member = row.get("member")
            if not isinstance(member, member_type):
                raise ValueError(f"stored member {member!r} is not a {member_type.__name__}")
            impacts[member] = fraction_from_json(row.get("impact"))
            if impacts[member] > 0:
                weights[member] = fraction_from_json(row.get("weight"))
            bound = row.get("bound")
            if bound is not None:
                bounds[str(bound)].add(member)
        return cls(
            impacts=impacts,
            weights=weights,
            floor=get_optional(data, "floor", get_fraction),
            cap=get_optional(data, "cap", get_fraction),
            raised_to_floor=frozenset(bounds["floor"]),
            lowered_to_cap=frozenset(bounds["cap"]),
        )


def assess_impact(
    impacts: Mapping[MemberId, Number],
    floor: Number | None = None,
    cap: Number | None = None,
) -> ImpactWeights[MemberId]:
    """Normalise impacts to weights summing to 1, with an optional floor and cap.

    Args:
        impacts: each member's impact (>= 0); members at 0 are not affected.
        floor: the least share any affected member gets (e.g. ``Fraction(1, 20)``).
        cap: the most share any member gets.

    Raises:
        UserError: an impact is negative or not a number; nobody is affected; the floor or
            cap is not a share; the floor is above the cap; the floor times the number of
            affected members is above 1; or the cap times that number is below 1.
    """
    exact = {member: impact_value(member, value, {}) for member, value in impacts.items()}
    affected = {member: impact for member, impact in exact.items() if impact > 0}
    low, high = _check_bounds(len(affected), floor, cap)
    scale = _scale_factor(list(affected.values()), low, high)
    weights = {member: _clamp(scale * impact, low, high) for member, impact in affected.items()}
    return ImpactWeights(
        impacts=exact,
        weights=weights,
        floor=low,
        cap=high,
        raised_to_floor=frozenset(m for m, i in affected.items() if low and scale * i < low),
        lowered_to_cap=frozenset(m for m, i in affected.items() if high and scale * i > high),
    )


def _check_bounds(
    affected: int, floor: Number | None, cap: Number | None
) -> tuple[Fraction | None, Fraction | None]:
    if affected == 0:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Decisions", "Nobody is affected: give at least one member an impact above 0."
            )
        )
    low = None if floor is None else as_share(floor, "Floor")
    high = None if cap is None else as_share(cap, "Cap")
    if high is not None and high == 0:
        raise _error(QT_TRANSLATE_NOOP("Decisions", "The cap must be above 0."))
    if low is not None and high is not None and low > high:
        raise _error(QT_TRANSLATE_NOOP("Decisions", "The floor must not be above the cap."))
    if low is not None and low * affected > 1:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Decisions",
                "The floor is too high: {count} affected members at the floor would hold "
                "more than the whole weight. Lower it to at most 1/{count}.",
            ),
            affected,
        )
    if high is not None and high * affected < 1:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Decisions",
                "The cap is too low: {count} affected members at the cap would hold less "
                "than the whole weight. Raise it to at least 1/{count}.",
            ),
            affected,
        )
    return (low or None), high


def _error(text: SourceText, count: int = 0) -> UserError:
    return UserError(UserMessage(text, {"count": count}))


def _clamp(value: Fraction, low: Fraction | None, high: Fraction | None) -> Fraction:
    if low is not None and value < low:
        return low
    if high is not None and value > high:
        return high
    return value


def _scale_factor(impacts: list[Fraction], low: Fraction | None, high: Fraction | None) -> Fraction:
    """The lambda with ``sum(clamp(lambda * x)) == 1``, found exactly.

    The sum is continuous, non-decreasing and piecewise linear in lambda, with kinks where a
    member reaches a bound (lambda = bound / x). Bisection over the kinks finds the piece
    where the sum reaches 1; on that piece it is ``fixed + lambda * free`` and solved exactly.
    """
    kinks = sorted({bound / x for x in impacts for bound in (low, high) if bound is not None})

    def level(scale: Fraction) -> Fraction:
        return sum((_clamp(scale * x, low, high) for x in impacts), Fraction(0))

    k = bisect.bisect_left(kinks, True, key=lambda scale: level(scale) >= 1)
    start = kinks[k - 1] if k > 0 else Fraction(0)
    end = kinks[k] if k < len(kinks) else start + 1
    middle = (start + end) / 2
    fixed, free = Fraction(0), Fraction(0)
    for x in impacts:
        clamped = _clamp(middle * x, low, high)
        if clamped == middle * x:
            free += x
        else:
            fixed += clamped
    # free == 0 only when every member sits at the floor and floor * n == 1.
    return (1 - fixed) / free if free else end
