"""Ranked ballots, checked and grouped for the Schulze and instant-runoff counts.

A ranked ballot lists options best first. It may rank only some of them: an option it leaves
out counts as ranked below every option it lists, level with the other unlisted options. So
for Schulze it prefers each listed option to each unlisted one and nothing among the unlisted;
for instant-runoff it is exhausted once every option it lists has been eliminated. Ties
within a ranking are not offered. A ballot that ranks nothing is a blank (an abstention).

Identical ballots are grouped and their weights put over one common denominator, so both
counts run on whole numbers: exact, and fast enough for ten thousand ballots.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from pareconapp.core.decisions.ballots import check_options, counted_ballots, unknown_option
from pareconapp.core.decisions.counting import count_choices, count_classes, total
from pareconapp.core.decisions.exact import Number
from pareconapp.core.decisions.results import ClassTally, Count, OptionCount
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

Ranking = tuple[str, ...]


@dataclass(frozen=True)
class RankedBallots:
    """Checked ranked ballots, grouped by ranking, with weights in whole units.

    Attributes:
        options: the alternatives.
        votes: every counted ballot as ``(weight in units, ranking)``.
        groups: per distinct non-empty ranking, its total weight in units and its head count.
        unit: the weight of one unit (all ballot weights are whole multiples of it).
        ballots: all counted ballots (weight-0 ballots are dropped).
        blank: the ballots that rank nothing.
    """

    options: tuple[str, ...]
    votes: tuple[tuple[int, Ranking], ...]
    groups: dict[Ranking, tuple[int, int]]
    unit: Fraction
    ballots: Count
    blank: Count

    def weight(self, units: int) -> Fraction:
        """Turn a number of units back into a weight."""
        return units * self.unit

    def first_preferences(self) -> tuple[OptionCount, ...]:
        """Weight and head count of first preferences per option."""
        return count_choices(self.votes, _first, self.options, self.unit)

    def classes(self) -> tuple[ClassTally, ...]:
        """First preferences per weight class."""
        return count_classes(self.votes, _first, self.options, self.unit)

    @property
    def ranked_units(self) -> int:
        """The units of weight on ballots that rank something."""
        return sum(units for units, _ in self.groups.values())


def rank_ballots(
    options: Sequence[str], ballots: Iterable[tuple[Number, Sequence[str]]]
) -> RankedBallots:
    """Check ranked ballots against the options and group them.

    Raises:
        UserError: a ballot ranks an unknown option, or ranks an option twice.
    """
    names = check_options(options)
    known = set(names)
    weighed = [(w, tuple(ranking)) for w, ranking in counted_ballots(ballots)]
    for ranking in {ranking for _, ranking in weighed}:
        for option in ranking:
            if option not in known:
                raise unknown_option(option)
        if len(set(ranking)) != len(ranking):
            raise UserError(
                UserMessage(QT_TRANSLATE_NOOP("Decisions", "A ballot ranks an option twice."))
            )
    # Whole units hash and add far faster than fractions.
    scale = math.lcm(*{w.denominator for w, _ in weighed})
    votes = tuple((w.numerator * (scale // w.denominator), ranking) for w, ranking in weighed)
    groups: dict[Ranking, list[int]] = defaultdict(lambda: [0, 0])
    for (units, ranking), times in Counter(votes).items():
        if ranking:
            group = groups[ranking]
            group[0] += units * times
            group[1] += times
    unit = Fraction(1, scale)
    return RankedBallots(
        options=names,
        votes=votes,
        groups={ranking: (units, heads) for ranking, (units, heads) in groups.items()},
        unit=unit,
        ballots=total(votes, unit),
        blank=total(((units, r) for units, r in votes if not r), unit),
    )


def _first(ranking: Ranking) -> Ranking:
    return ranking[:1]
