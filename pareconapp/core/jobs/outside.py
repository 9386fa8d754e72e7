"""Balancing across workplaces: hours in other workplaces' tasks to reach society's averages.

A member whose complex averages ``a`` (empowerment or desirability) in a workplace whose
work is more (or less) empowering than the society or federation average ``S`` spends
``y`` of their hours on outside tasks rated ``o`` (a given outside task, or the average of
the tasks the federation offers for this). Two ways to count the hours (a setting):

- **replace** (default): the outside hours replace part of the complex, shrinking each of
  its tasks in proportion, so the week stays ``H`` hours and its average becomes
  ``a + (y / H) (o - a)``. Reaching ``S`` takes ``y = H (S - a) / (o - a)``, possible when
  ``S`` lies between ``a`` and ``o`` (then ``0 <= y <= H``).
- **add**: the outside hours come on top: ``(H a + y o) / (H + y) = S`` gives
  ``y = H (S - a) / (o - S)``, possible when ``a`` and ``o`` lie on opposite sides of ``S``.

One number of hours cannot in general fix both ratings, so each member gets the hours that
would fix each rating on its own, and a suggestion that makes the larger of the two
remaining deviations as small as possible (at most ``H`` hours in either mode). Both
deviations are linear-fractional in ``y``, so that optimum lies at ``y = 0``, at the
limit, where a deviation is zero, or where the two deviations are equal in size; the
suggestion is the best of those points.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from pareconapp.core.jobs.model import JobComplex


class OutsideMode(enum.StrEnum):
    """Whether outside hours replace part of the week or come on top of it."""

    REPLACE = "replace"
    ADD = "add"


@dataclass(frozen=True)
class RatingPair:
    """An empowerment and a desirability figure on the rating scale."""

    empowerment: float
    desirability: float

    def get(self, dimension: int) -> float:
        """0 for empowerment, 1 for desirability."""
        return self.empowerment if dimension == 0 else self.desirability


@dataclass(frozen=True)
class OutsideHours:
    """How long one member should work outside, and what their averages become.

    Attributes:
        member_id: The member.
        hours: Suggested weekly hours outside (balancing both ratings as well as one figure
            can).
        empowerment_hours: Hours that would bring empowerment exactly to the society
            average, or ``None`` if the outside tasks cannot (they are on the same side).
        desirability_hours: The same for desirability.
        empowerment_after: The member's empowerment average with ``hours`` outside.
        desirability_after: The member's desirability average with ``hours`` outside.
    """

    member_id: int
    hours: float
    empowerment_hours: float | None
    desirability_hours: float | None
    empowerment_after: float
    desirability_after: float


def average_after(a: float, o: float, week: float, y: float, mode: OutsideMode) -> float:
    """A complex's average ``a`` after ``y`` of ``week`` hours at rating ``o``."""
    if week <= 0:
        return o if y > 0 else a
    if mode is OutsideMode.REPLACE:
        return a + (y / week) * (o - a)
    return (week * a + y * o) / (week + y)


def exact_hours(a: float, s: float, o: float, week: float, mode: OutsideMode) -> float | None:
    """Hours outside that bring average ``a`` exactly to ``s`` (``None`` if impossible)."""
    if a == s:
        return 0.0
    denominator = (o - a) if mode is OutsideMode.REPLACE else (o - s)
    if denominator == 0:
        return None
    y = week * (s - a) / denominator
    if y < 0 or (mode is OutsideMode.REPLACE and y > week):
        return None
    return y


def _candidates(
    complex_: JobComplex, society: RatingPair, outside: RatingPair, mode: OutsideMode
) -> list[float]:
    week = complex_.total_hours
    averages = (complex_.empowerment, complex_.desirability)
    points = [0.0, week]
    for d in range(2):
        y = exact_hours(averages[d], society.get(d), outside.get(d), week, mode)
        if y is not None:
            points.append(y)
    # Where the two deviations are equal in size: their numerators over (H + y) or H are
    # linear in y, n_d(y) = p_d + q_d y, so solve n_e = n_d and n_e = -n_d.
    p = [week * (averages[d] - society.get(d)) for d in range(2)]
    q = [
        (outside.get(d) - averages[d])
        if mode is OutsideMode.REPLACE
        else (outside.get(d) - society.get(d))
        for d in range(2)
    ]
    for sign in (1.0, -1.0):
        slope = q[0] - sign * q[1]
        if slope != 0:
            points.append((sign * p[1] - p[0]) / slope)
    return [y for y in points if 0.0 <= y <= week]


def outside_hours(
    complexes: Iterable[JobComplex],
    society: RatingPair,
    outside: RatingPair,
    mode: OutsideMode = OutsideMode.REPLACE,
) -> list[OutsideHours]:
    """Hours each member should spend on outside tasks to reach the society's averages.

    Args:
        complexes: The members' job complexes (from a solution's or an assessment's balance).
        society: The society's (or federation's) average empowerment and desirability.
        outside: The ratings of the outside tasks (a given task, or the federation's average
            of the tasks it offers), on the same scale.
        mode: Whether outside hours replace part of the week or come on top of it.
    """
    result = []
    for c in complexes:
        week, averages = c.total_hours, (c.empowerment, c.desirability)
        best = _best_hours(c, society, outside, mode)
        exact = [
            exact_hours(averages[d], society.get(d), outside.get(d), week, mode) for d in range(2)
        ]
        after = [average_after(averages[d], outside.get(d), week, best, mode) for d in range(2)]
        result.append(OutsideHours(c.member_id, best, exact[0], exact[1], after[0], after[1]))
    return result


def _best_hours(
    complex_: JobComplex, society: RatingPair, outside: RatingPair, mode: OutsideMode
) -> float:
    """The candidate hours leaving the smallest larger deviation (the fewest on a tie)."""
    best, best_left = 0.0, remaining_deviation(complex_, 0.0, society, outside, mode)
    for y in sorted(_candidates(complex_, society, outside, mode)):
        left = remaining_deviation(complex_, y, society, outside, mode)
        if left < best_left - 1e-12:
            best, best_left = y, left
    return best


def remaining_deviation(
    complex_: JobComplex, y: float, society: RatingPair, outside: RatingPair, mode: OutsideMode
) -> float:
    """The larger deviation from the society's averages left after ``y`` hours outside."""
    averages = (complex_.empowerment, complex_.desirability)
    return max(
        abs(
            average_after(averages[d], outside.get(d), complex_.total_hours, y, mode)
            - society.get(d)
        )
        for d in range(2)
    )
