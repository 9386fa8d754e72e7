import math

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.jobs import (
    AggregateMethod,
    AggregationSettings,
    Dimension,
    RatingScale,
    SpreadMeasure,
    TaskRating,
    aggregate_ratings,
    contested_tasks,
    summarise,
)

SCALE = RatingScale()
VALUES = [2, 4, 4, 4, 5, 5, 7, 9]


def test_summary_of_a_hand_computed_case():
    s = summarise(VALUES, AggregationSettings(trim_share=0.125), SCALE)
    assert s is not None
    assert s.count == 8
    assert s.mean == pytest.approx(5.0)
    assert s.median == pytest.approx(4.5)
    # squared deviations from 5: 9+1+1+1+0+0+4+16 = 32; sample variance 32 / 7
    assert s.sd == pytest.approx(math.sqrt(32 / 7))
    # type 7 quartiles: positions 1.75 and 5.25 of the sorted values (0-based)
    assert s.lower_quartile == pytest.approx(4.0)
    assert s.upper_quartile == pytest.approx(5.5)
    assert s.iqr == pytest.approx(1.5)
    # one value cut from each end: (4+4+4+5+5+7) / 6
    assert s.trimmed_mean == pytest.approx(29 / 6)
    assert (s.minimum, s.maximum) == (2.0, 9.0)
    assert s.aggregate == s.mean


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (AggregateMethod.MEAN, 5.0),
        (AggregateMethod.MEDIAN, 4.5),
        (AggregateMethod.TRIMMED_MEAN, 29 / 6),
    ],
)
def test_the_method_picks_the_aggregate(method, expected):
    s = summarise(VALUES, AggregationSettings(method=method, trim_share=0.125), SCALE)
    assert s is not None
    assert s.aggregate == pytest.approx(expected)


def test_a_small_trim_share_cuts_nothing():
    s = summarise(VALUES, AggregationSettings(trim_share=0.1), SCALE)
    assert s is not None
    assert s.trimmed_mean == pytest.approx(5.0)  # floor(8 x 0.1) = 0 values cut


def test_a_single_rating_has_no_spread():
    s = summarise([7], AggregationSettings(), SCALE)
    assert s is not None
    assert (s.count, s.sd, s.iqr, s.aggregate, s.contested) == (1, 0.0, 0.0, 7.0, False)


def test_no_ratings_give_no_summary():
    assert summarise([], AggregationSettings(), SCALE) is None


def test_contested_by_sd_or_iqr_against_the_threshold():
    # SD of VALUES is 2.14 and IQR 1.5
    by_sd = AggregationSettings(spread=SpreadMeasure.SD, contested_threshold=2.0)
    by_iqr = AggregationSettings(spread=SpreadMeasure.IQR, contested_threshold=2.0)
    sd_summary = summarise(VALUES, by_sd, SCALE)
    iqr_summary = summarise(VALUES, by_iqr, SCALE)
    assert sd_summary is not None and iqr_summary is not None
    assert sd_summary.contested and sd_summary.spread == pytest.approx(math.sqrt(32 / 7))
    assert not iqr_summary.contested and iqr_summary.spread == pytest.approx(1.5)


def test_default_threshold_is_a_fifth_of_the_range():
    assert AggregationSettings().threshold(SCALE) == pytest.approx(3.8)
    assert AggregationSettings().threshold(RatingScale(1, 5)) == pytest.approx(0.8)
    polarised = summarise([1, 20], AggregationSettings(), SCALE)
    assert polarised is not None and polarised.contested


def test_round_aggregation_skips_and_flags():
    ratings = [
        TaskRating(1, empowerment=10, desirability=3),
        TaskRating(1, empowerment=12, desirability=None),  # skipped desirability
        TaskRating(2, empowerment=1, desirability=15),
        TaskRating(2, empowerment=20, desirability=16),
        TaskRating(3, empowerment=None, desirability=None),
    ]
    summaries = aggregate_ratings(ratings, AggregationSettings(), SCALE)
    assert summaries[1].empowerment is not None and summaries[1].empowerment.aggregate == 11.0
    assert summaries[1].desirability is not None and summaries[1].desirability.count == 1
    assert summaries[3].empowerment is None and summaries[3].desirability is None
    assert not summaries[1].contested
    assert summaries[2].contested  # empowerment 1 vs 20
    assert contested_tasks(summaries.values()) == [2]


def test_contested_tasks_widest_spread_first():
    ratings = [TaskRating(7, 1, 10), TaskRating(7, 11, 10), TaskRating(8, 1, 10)]
    ratings += [TaskRating(8, 20, 10), TaskRating(9, 10, 10), TaskRating(9, 10, 10)]
    summaries = aggregate_ratings(ratings, AggregationSettings(), SCALE)
    assert contested_tasks(summaries.values()) == [8, 7]


@pytest.mark.parametrize("value", [0, 21, 7.5, float("nan")])
def test_ratings_off_the_scale_are_refused_naming_the_task(value):
    with pytest.raises(UserError) as caught:
        aggregate_ratings(
            [TaskRating(4, desirability=value)],
            AggregationSettings(),
            SCALE,
            task_names={4: "Welding"},
        )
    text = str(caught.value)
    assert "Welding" in text and "desirability" in text and "1" in text and "20" in text


def test_a_scale_may_allow_fractions():
    scale = RatingScale(0, 10, whole_numbers=False)
    assert scale.contains(7.5)
    scale.check(7.5, "Welding", Dimension.EMPOWERMENT)
    assert not scale.contains(10.5)


def test_bad_settings_are_refused():
    with pytest.raises(UserError):
        RatingScale(5, 5)
    with pytest.raises(UserError):
        AggregationSettings(trim_share=0.5)
    with pytest.raises(UserError):
        AggregationSettings(contested_threshold=-1)
