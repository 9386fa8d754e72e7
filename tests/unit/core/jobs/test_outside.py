import pytest

from pareconapp.core.jobs import JobComplex, OutsideMode, RatingPair, outside_hours


def complex_(empowerment: float, desirability: float, hours: float = 35.0) -> JobComplex:
    return JobComplex(1, {}, hours, empowerment, desirability, 0.0, 0.0)


def test_replacing_hours_reaches_the_society_average():
    # 35 h at 8; society 10; outside tasks rated 15: y = 35 (10 - 8) / (15 - 8) = 10 h.
    (result,) = outside_hours([complex_(8, 12)], RatingPair(10, 12), RatingPair(15, 12))
    assert result.empowerment_hours == pytest.approx(10.0)
    assert result.desirability_hours == pytest.approx(0.0)
    assert result.hours == pytest.approx(10.0)
    assert result.empowerment_after == pytest.approx(10.0)
    assert result.desirability_after == pytest.approx(12.0)


def test_adding_hours_reaches_the_society_average():
    # (35 x 8 + y x 15) / (35 + y) = 10 gives y = 35 x 2 / 5 = 14 h.
    (result,) = outside_hours(
        [complex_(8, 12)], RatingPair(10, 12), RatingPair(15, 12), OutsideMode.ADD
    )
    assert result.empowerment_hours == pytest.approx(14.0)
    assert result.hours == pytest.approx(14.0)
    assert result.empowerment_after == pytest.approx(10.0)


def test_outside_tasks_on_the_wrong_side_cannot_balance():
    (result,) = outside_hours([complex_(8, 12)], RatingPair(10, 12), RatingPair(6, 12))
    assert result.empowerment_hours is None
    assert result.hours == 0.0


def test_one_figure_for_two_ratings_balances_the_larger_deviation():
    # Empowerment needs 10 h (8 -> 10 with outside 15), desirability 0 h would do (it is
    # at 12 = society) but the outside tasks' desirability 5 pulls it away as hours grow.
    (result,) = outside_hours([complex_(8, 12)], RatingPair(10, 12), RatingPair(15, 5))
    # deviations: e = -2 + 7y/35, d = -7y/35; the larger is smallest where 2 - 7y/35 = 7y/35
    assert result.hours == pytest.approx(5.0)
    assert result.empowerment_after - 10 == pytest.approx(-1.0)
    assert result.desirability_after - 12 == pytest.approx(-1.0)


def test_a_member_already_at_the_average_stays():
    (result,) = outside_hours([complex_(10, 12)], RatingPair(10, 12), RatingPair(15, 3))
    assert result.hours == 0.0
