from decimal import Decimal
from fractions import Fraction

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import EffortScale, aggregate_effort, trimmed_mean


def test_trimmed_mean_drops_the_floor_of_the_share_from_each_end():
    values = [Fraction(v) for v in (1, 9, 2, 8, 3, 7, 4, 6, 5, 100)]
    # 10 values, 20 %: drop two from each end (1, 2 and 9, 100), mean of 3..8 = 5.5
    assert trimmed_mean(values, Fraction(1, 5)) == Fraction(11, 2)
    # 10 %: drop one from each end (1 and 100), mean of 2..9 = 5.5 too
    assert trimmed_mean(values, Fraction(1, 10)) == Fraction(11, 2)
    # no trim: the plain mean, 145 / 10
    assert trimmed_mean(values, Fraction(0)) == Fraction(29, 2)


def test_trimmed_mean_keeps_everything_when_too_few_to_trim():
    assert trimmed_mean([Fraction(2), Fraction(9)], Fraction(1, 5)) == Fraction(11, 2)


def test_trimmed_mean_refuses_nonsense():
    with pytest.raises(ValueError, match="at least one"):
        trimmed_mean([], Fraction(0))
    with pytest.raises(ValueError, match="trim share"):
        trimmed_mean([Fraction(1)], Fraction(1, 2))


def test_aggregate_effort_keeps_ratings_and_what_was_trimmed():
    rating = aggregate_effort("Ana", [8, Decimal("6.5"), 10, 0, 7], EffortScale(), Decimal("0.2"))
    assert rating.ratings == (0, Fraction(13, 2), 7, 8, 10)
    assert rating.trimmed_each_end == 1
    assert rating.kept == (Fraction(13, 2), 7, 8)
    assert rating.value == Fraction(43, 6)
    assert rating.rated


def test_an_unrated_member_sits_at_the_scale_midpoint():
    rating = aggregate_effort("Ben", [], EffortScale(1, 20), Decimal("0.2"))
    assert not rating.rated
    assert rating.value == Fraction(21, 2)
    assert rating.kept == ()


@pytest.mark.parametrize("bad", [11, -1, Decimal("10.01"), Decimal("NaN")])
def test_a_rating_off_the_scale_names_the_member(bad):
    with pytest.raises(
        UserError, match=r"Chloe: an effort rating of .* is outside the scale 0 to 10"
    ):
        aggregate_effort("Chloe", [5, bad], EffortScale(), 0)


@pytest.mark.parametrize(("low", "high"), [(5, 5), (10, 0), (Decimal("NaN"), 10)])
def test_a_scale_must_run_upwards(low, high):
    with pytest.raises(UserError, match="effort scale must run"):
        EffortScale(low, high)


@pytest.mark.parametrize("share", [Decimal("0.5"), -1, Decimal("Infinity")])
def test_the_trim_share_must_be_below_a_half(share):
    with pytest.raises(UserError, match="trimmed from each end"):
        aggregate_effort("Dev", [5], EffortScale(), share)
