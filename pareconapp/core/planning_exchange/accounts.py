"""What a proposal is worth at the indicative prices: SB, SC and consumer budgets.

Rules (Hahnel and Wright, *Alternatives to Capitalism*; Hahnel, *Democratic Economic
Planning*, 2021):

* A worker council's **social benefit** SB is the sum of its outputs times their indicative
  prices, its **social cost** SC the sum of its inputs (intermediate goods, natural
  resources, labour hours, pollutants) times theirs. A proposal with SB/SC < 1 uses more than
  it gives: other councils will likely reject it.
* A consumer council's request costs the sum of quantities times prices. A public good is
  shared by every consumer council, so each pays ``price / N`` per unit it asks for (N: the
  number of consumer councils) and the IFB counts the mean request. Each member's own
  requests must fit their allowance, and the council's total (members' and collective
  requests) its budget.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.planning_exchange.catalogue import Catalogue, GoodCategory

TOLERANCE = 1e-9
"""Relative slack for comparisons of money amounts computed in floating point."""


def imbalance_of(supply: float, demand: float) -> float:
    """A good's imbalance ``v = |2 (S - D)| / (S + D)`` (0 when both are 0).

    The same measure as the planning engine's :func:`pareconapp.core.planning.imbalance`,
    for one good and without numpy.
    """
    total = supply + demand
    return abs(2.0 * (supply - demand)) / total if total > 0 else 0.0


@dataclass(frozen=True)
class Line:
    """One good of a proposal: how much the council offers and how much it asks for."""

    good: str
    supplied: float = 0.0
    demanded: float = 0.0


@dataclass(frozen=True)
class WorkerAccount:
    """A worker council's social benefit and social cost at the indicative prices."""

    benefit: float
    cost: float

    @property
    def ratio(self) -> float | None:
        """SB / SC (``None`` when nothing is used)."""
        return self.benefit / self.cost if self.cost > 0 else None

    @property
    def below_one(self) -> bool:
        """Whether SB/SC < 1: other councils will likely reject the proposal."""
        ratio = self.ratio
        return ratio is not None and ratio < 1 - TOLERANCE


def worker_account(lines: Iterable[Line], prices: Mapping[str, float]) -> WorkerAccount:
    """SB = outputs x prices; SC = inputs (including pollutants) x prices."""
    benefit = cost = 0.0
    for line in lines:
        price = prices.get(line.good, 0.0)
        benefit += line.supplied * price
        cost += line.demanded * price
    return WorkerAccount(benefit, cost)


def consumer_cost(
    lines: Iterable[Line],
    prices: Mapping[str, float],
    catalogue: Catalogue,
    consumer_councils: int,
) -> float:
    """What a consumer council's requests cost (public goods at ``price / N``)."""
    shared = max(1, consumer_councils)
    total = 0.0
    for line in lines:
        price = prices.get(line.good, 0.0)
        if line.good in catalogue and catalogue.good(line.good).category is GoodCategory.PUBLIC:
            price /= shared
        total += line.demanded * price
    return total


@dataclass(frozen=True)
class MemberCheck:
    """One member's own requests against their allowance."""

    member_id: int
    name: str
    cost: float
    allowance: float | None
    """``None``: no allowance is known for the member (their requests cannot be checked)."""

    @property
    def over(self) -> bool:
        """Whether the requests cost more than the allowance."""
        return self.allowance is not None and over_budget(self.cost, self.allowance)


@dataclass(frozen=True)
class ConsumerAccount:
    """A consumer council's requests against its members' allowances and its budget."""

    members: tuple[MemberCheck, ...]
    members_cost: float
    collective_cost: float
    budget: float | None

    @property
    def total_cost(self) -> float:
        """Members' and collective requests together."""
        return self.members_cost + self.collective_cost

    @property
    def over_budget(self) -> bool:
        """Whether the council's total is more than its budget."""
        return self.budget is not None and over_budget(self.total_cost, self.budget)

    @property
    def members_over(self) -> tuple[MemberCheck, ...]:
        """Members whose requests cost more than their allowance."""
        return tuple(member for member in self.members if member.over)


def over_budget(cost: float, budget: float) -> bool:
    """Whether ``cost`` exceeds ``budget`` by more than rounding."""
    return cost > budget + TOLERANCE * max(1.0, abs(budget))


def consumer_account(
    member_requests: Mapping[int, Sequence[Line]],
    names: Mapping[int, str],
    allowances: Mapping[int, float],
    collective: Sequence[Line],
    budget: float | None,
    prices: Mapping[str, float],
    catalogue: Catalogue,
    consumer_councils: int,
) -> ConsumerAccount:
    """Check each member's requests against their allowance and the total against the budget."""
    checks = []
    for member_id in sorted(member_requests, key=lambda m: names.get(m, "").casefold()):
        cost = consumer_cost(member_requests[member_id], prices, catalogue, consumer_councils)
        checks.append(
            MemberCheck(member_id, names.get(member_id, "?"), cost, allowances.get(member_id))
        )
    members_cost = sum(check.cost for check in checks)
    collective_cost = consumer_cost(collective, prices, catalogue, consumer_councils)
    return ConsumerAccount(tuple(checks), members_cost, collective_cost, budget)


def add_lines(*groups: Iterable[Line]) -> list[Line]:
    """Lines of the same good added together, in order of first appearance."""
    totals: dict[str, list[float]] = {}
    for group in groups:
        for line in group:
            entry = totals.setdefault(line.good, [0.0, 0.0])
            entry[0] += line.supplied
            entry[1] += line.demanded
    return [Line(good, supplied, demanded) for good, (supplied, demanded) in totals.items()]


@dataclass(frozen=True)
class LineChange:
    """How one good of a proposal changed from the last round."""

    good: str
    supplied_before: float
    supplied_now: float
    demanded_before: float
    demanded_now: float

    @property
    def changed(self) -> bool:
        """Whether anything changed."""
        return (self.supplied_before, self.demanded_before) != (
            self.supplied_now,
            self.demanded_now,
        )


def line_changes(now: Sequence[Line], before: Sequence[Line]) -> list[LineChange]:
    """Every good of either proposal with its quantities before and now."""
    old = {line.good: line for line in before}
    new = {line.good: line for line in now}
    order = [line.good for line in now] + [line.good for line in before if line.good not in new]
    empty = Line("")
    return [
        LineChange(
            good,
            old.get(good, empty).supplied,
            new.get(good, empty).supplied,
            old.get(good, empty).demanded,
            new.get(good, empty).demanded,
        )
        for good in order
    ]


def check_quantity(value: float, field: str) -> float:
    """``value`` if it is a finite number >= 0; a ``UserError`` naming ``field`` otherwise."""
    if not math.isfinite(value) or value < 0:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", "{field}: a quantity must be a number of at least 0, not {value}."
            ),
            field=field,
            value=value,
        )
    return value


def check_worker_lines(lines: Sequence[Line], catalogue: Catalogue) -> None:
    """A worker council offers products and asks for inputs, each good once."""
    _check_lines(lines, catalogue)
    for line in lines:
        category = catalogue.good(line.good).category
        if line.supplied > 0 and not category.produced:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    '"{good}" is a {category}: a worker council cannot offer it as an output '
                    "(outputs are private, public or intermediate goods).",
                ),
                good=line.good,
                category=category.label.text,
            )
        if line.demanded > 0 and not category.used_in_production:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    '"{good}" is a {category}: a worker council cannot ask for it as an input '
                    "(inputs are intermediate goods, natural resources, labour and pollutants).",
                ),
                good=line.good,
                category=category.label.text,
            )


def check_consumer_lines(
    lines: Sequence[Line], catalogue: Catalogue, *, private_only: bool = False
) -> None:
    """A consumer council only asks for final goods (a member only for private goods)."""
    _check_lines(lines, catalogue)
    for line in lines:
        category = catalogue.good(line.good).category
        allowed = category is GoodCategory.PRIVATE if private_only else category.final
        if line.supplied > 0 or (line.demanded > 0 and not allowed):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    '"{good}" is a {category}: consumer councils ask only for private and '
                    "public goods (members individually only for private goods), and offer "
                    "nothing.",
                ),
                good=line.good,
                category=category.label.text,
            )


def _check_lines(lines: Sequence[Line], catalogue: Catalogue) -> None:
    seen: set[str] = set()
    for line in lines:
        catalogue.index(line.good)
        if line.good in seen:
            raise user_error(
                QT_TRANSLATE_NOOP("Planning", 'The good "{good}" appears twice in the proposal.'),
                good=line.good,
            )
        seen.add(line.good)
        check_quantity(line.supplied, line.good)
        check_quantity(line.demanded, line.good)
