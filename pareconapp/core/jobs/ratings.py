"""Task ratings: the scale, validation, and aggregation per task with spread and flags.

Each member rates each task twice on the same scale: for empowerment and for desirability
(quality of life). Per task and dimension the ratings are summarised by their count, mean,
median, trimmed mean, sample standard deviation and inter-quartile range; the setting's
method picks the aggregate the optimiser uses, and a task whose spread (SD or IQR, a
setting) exceeds the threshold is *contested*: shown for discussion and re-rated in a
follow-up round.

Definitions (so hand-computed figures match):

- standard deviation: the sample SD (divisor n - 1); 0 for a single rating;
- quartiles: linear interpolation between order statistics (Hyndman and Fan's type 7, the
  default of numpy and of spreadsheets' QUARTILE.INC); IQR = Q3 - Q1;
- trimmed mean with share s: drop floor(n x s) ratings from each end, average the rest
  (the convention of scipy.stats.trim_mean).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage


class Dimension(enum.StrEnum):
    """What a rating measures."""

    EMPOWERMENT = "empowerment"
    DESIRABILITY = "desirability"


@dataclass(frozen=True)
class RatingScale:
    """The range ratings are given on (Albert proposes 1-20 for both dimensions).

    Attributes:
        low: The lowest rating (the "1 = ..." anchor).
        high: The highest rating.
        whole_numbers: Ratings must be whole numbers (sliders and number keys give them).
    """

    low: int = 1
    high: int = 20
    whole_numbers: bool = True

    def __post_init__(self) -> None:
        if self.low >= self.high:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "Ratings",
                        "A rating scale must go from a lower to a higher number "
                        "(not {low} to {high}).",
                    ),
                    {"low": self.low, "high": self.high},
                )
            )

    @property
    def span(self) -> float:
        """The scale's range, high - low: deviations are often quoted as a share of it."""
        return float(self.high - self.low)

    def contains(self, value: float) -> bool:
        """Whether ``value`` is a valid rating on this scale."""
        if not math.isfinite(value) or not self.low <= value <= self.high:
            return False
        return not self.whole_numbers or float(value).is_integer()

    def check(self, value: float, task: str, dimension: Dimension) -> None:
        """Raise a :class:`UserError` naming the task unless ``value`` is on the scale."""
        if self.contains(value):
            return
        text = _OFF_SCALE[(dimension, self.whole_numbers)]
        params = {"value": value, "task": task, "low": self.low, "high": self.high}
        raise UserError(UserMessage(text, params))


_OFF_SCALE = {
    (Dimension.EMPOWERMENT, True): QT_TRANSLATE_NOOP(
        "Ratings",
        "The empowerment rating {value} for task {task} is not on the scale: "
        "use a whole number from {low} to {high}.",
    ),
    (Dimension.EMPOWERMENT, False): QT_TRANSLATE_NOOP(
        "Ratings",
        "The empowerment rating {value} for task {task} is not on the scale: "
        "use a number from {low} to {high}.",
    ),
    (Dimension.DESIRABILITY, True): QT_TRANSLATE_NOOP(
        "Ratings",
        "The desirability rating {value} for task {task} is not on the scale: "
        "use a whole number from {low} to {high}.",
    ),
    (Dimension.DESIRABILITY, False): QT_TRANSLATE_NOOP(
        "Ratings",
        "The desirability rating {value} for task {task} is not on the scale: "
        "use a number from {low} to {high}.",
    ),
}


class AggregateMethod(enum.StrEnum):
    """Which statistic becomes the task's rating."""

    MEAN = "mean"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"


class SpreadMeasure(enum.StrEnum):
    """Which spread decides whether a task is contested."""

    SD = "sd"
    IQR = "iqr"


@dataclass(frozen=True)
class AggregationSettings:
    """How a round's ratings are aggregated and when a task is contested.

    Attributes:
        method: The statistic used as the task's rating.
        trim_share: For the trimmed mean, the share dropped from *each* end (0 <= s < 0.5).
        spread: The spread compared with the threshold.
        contested_threshold: A task is contested when its spread exceeds this many rating
            points in either dimension; ``None`` means a fifth of the scale's range
            (3.8 points on 1-20).
    """

    method: AggregateMethod = AggregateMethod.MEAN
    trim_share: float = 0.1
    spread: SpreadMeasure = SpreadMeasure.SD
    contested_threshold: float | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.trim_share < 0.5:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "Ratings",
                        "The trimmed share must be at least 0 and below 0.5 (it is cut "
                        "from each end); {share} is not.",
                    ),
                    {"share": self.trim_share},
                )
            )
        if self.contested_threshold is not None and not self.contested_threshold >= 0:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "Ratings", "The contested threshold must be 0 or more, not {value}."
                    ),
                    {"value": self.contested_threshold},
                )
            )

    def threshold(self, scale: RatingScale) -> float:
        """The contested threshold in rating points for ``scale``."""
        if self.contested_threshold is not None:
            return self.contested_threshold
        return scale.span / 5.0


@dataclass(frozen=True)
class RatingSummary:
    """The statistics of one task's ratings in one dimension.

    Attributes:
        count: Number of ratings (skips are not counted).
        aggregate: The value the settings' method picks.
        mean: Arithmetic mean.
        median: Median.
        trimmed_mean: Trimmed mean with the settings' share.
        sd: Sample standard deviation (0 for one rating).
        lower_quartile: Q1 (type 7).
        upper_quartile: Q3 (type 7).
        iqr: Q3 - Q1.
        minimum: Lowest rating.
        maximum: Highest rating.
        spread: The spread the settings compare (``sd`` or ``iqr``).
        contested: ``spread`` exceeds the threshold.
    """

    count: int
    aggregate: float
    mean: float
    median: float
    trimmed_mean: float
    sd: float
    lower_quartile: float
    upper_quartile: float
    iqr: float
    minimum: float
    maximum: float
    spread: float
    contested: bool


def trimmed_mean(values: Sequence[float], share: float) -> float:
    """Mean after dropping ``floor(n * share)`` values from each end."""
    ordered = sorted(values)
    cut = math.floor(len(ordered) * share)
    kept = ordered[cut : len(ordered) - cut]
    return math.fsum(kept) / len(kept)


def summarise(
    values: Sequence[float], settings: AggregationSettings, scale: RatingScale
) -> RatingSummary | None:
    """Summarise one task's ratings in one dimension; ``None`` when nobody rated it."""
    if not values:
        return None
    data = np.asarray(values, dtype=float)
    q1, median, q3 = (float(v) for v in np.percentile(data, [25.0, 50.0, 75.0]))
    mean = math.fsum(values) / len(values)
    sd = float(np.std(data, ddof=1)) if len(values) > 1 else 0.0
    trimmed = trimmed_mean(values, settings.trim_share)
    aggregate = {
        AggregateMethod.MEAN: mean,
        AggregateMethod.MEDIAN: median,
        AggregateMethod.TRIMMED_MEAN: trimmed,
    }[settings.method]
    spread = sd if settings.spread is SpreadMeasure.SD else q3 - q1
    return RatingSummary(
        count=len(values),
        aggregate=aggregate,
        mean=mean,
        median=median,
        trimmed_mean=trimmed,
        sd=sd,
        lower_quartile=q1,
        upper_quartile=q3,
        iqr=q3 - q1,
        minimum=float(data.min()),
        maximum=float(data.max()),
        spread=spread,
        contested=spread > settings.threshold(scale) + 1e-12,
    )


@dataclass(frozen=True)
class TaskRating:
    """One rater's ratings of one task; ``None`` where the rater skipped."""

    task_id: int
    empowerment: float | None = None
    desirability: float | None = None


@dataclass(frozen=True)
class TaskRatingSummary:
    """Both dimensions' summaries of one task (``None`` where nobody rated it)."""

    task_id: int
    empowerment: RatingSummary | None
    desirability: RatingSummary | None

    @property
    def contested(self) -> bool:
        """Whether either dimension is contested."""
        return any(s is not None and s.contested for s in (self.empowerment, self.desirability))

    @property
    def largest_spread(self) -> float:
        """The larger spread of the two dimensions (0 where unrated), to sort by."""
        return max((s.spread for s in (self.empowerment, self.desirability) if s), default=0.0)


def aggregate_ratings(
    ratings: Iterable[TaskRating],
    settings: AggregationSettings,
    scale: RatingScale,
    task_names: Mapping[int, str] | None = None,
) -> dict[int, TaskRatingSummary]:
    """Validate a round's ratings against the scale and summarise them per task.

    Args:
        ratings: Every rating of the round, in any order.
        settings: Aggregation method, spread measure and threshold.
        scale: The round's scale; a rating off it raises a :class:`UserError`.
        task_names: Names used in error messages (the id is used where missing).

    Returns:
        One summary per task that appears in ``ratings``, keyed by task id.
    """
    names = task_names or {}
    values: dict[int, tuple[list[float], list[float]]] = {}
    for rating in ratings:
        empowerment, desirability = values.setdefault(rating.task_id, ([], []))
        name = names.get(rating.task_id, str(rating.task_id))
        for value, bucket, dimension in (
            (rating.empowerment, empowerment, Dimension.EMPOWERMENT),
            (rating.desirability, desirability, Dimension.DESIRABILITY),
        ):
            if value is not None:
                scale.check(value, name, dimension)
                bucket.append(float(value))
    return {
        task_id: TaskRatingSummary(
            task_id, summarise(emp, settings, scale), summarise(des, settings, scale)
        )
        for task_id, (emp, des) in values.items()
    }


def contested_tasks(summaries: Iterable[TaskRatingSummary]) -> list[int]:
    """The ids of the contested tasks, widest spread first: the follow-up round's tasks."""
    flagged = [s for s in summaries if s.contested]
    flagged.sort(key=lambda s: (-s.largest_spread, s.task_id))
    return [s.task_id for s in flagged]
