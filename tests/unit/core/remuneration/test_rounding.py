from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pareconapp.core.remuneration import apportion_cents, as_decimal, round_cents


def test_round_cents_rounds_half_a_cent_away_from_zero():
    assert round_cents(Fraction(1, 200)) == Decimal("0.01")
    assert round_cents(Fraction(1, 201)) == Decimal("0.00")
    assert round_cents(Decimal("2.345")) == Decimal("2.35")
    assert round_cents(Decimal("-2.345")) == Decimal("-2.35")
    assert str(round_cents(7)) == "7.00"


def test_as_decimal_shows_a_fraction_to_the_asked_places():
    assert as_decimal(Fraction(2, 3)) == Decimal("0.6667")
    assert as_decimal(Fraction(2, 3), 1) == Decimal("0.7")


def test_leftover_cents_go_to_the_largest_remainders():
    assert apportion_cents(Decimal("100"), [Fraction(1)] * 3) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]
    # one cent in 1:1:14 parts: exact shares 1/16, 1/16 and 14/16 of a cent
    assert apportion_cents(Decimal("0.01"), [Fraction(1), Fraction(1), Fraction(14)]) == [
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.01"),
    ]
    # 10.00 in 1:2 parts: 3.333.. and 6.666..: the larger remainder (0.666) gets the cent
    assert apportion_cents(Decimal("10"), [Fraction(1), Fraction(2)]) == [
        Decimal("3.33"),
        Decimal("6.67"),
    ]


def test_zero_weights_get_nothing():
    assert apportion_cents(Decimal("5"), [Fraction(0), Fraction(3)]) == [
        Decimal("0.00"),
        Decimal("5.00"),
    ]
    assert apportion_cents(Decimal("0"), [Fraction(0)]) == [Decimal("0.00")]


@pytest.mark.parametrize(
    ("total", "weights", "match"),
    [
        (Decimal("1.005"), [Fraction(1)], "whole"),
        (Decimal("-1"), [Fraction(1)], "whole"),
        (Decimal("1"), [Fraction(-1), Fraction(2)], "negative"),
        (Decimal("1"), [Fraction(0)], "every weight is zero"),
    ],
)
def test_apportion_refuses_what_cannot_be_shared(total, weights, match):
    with pytest.raises(ValueError, match=match):
        apportion_cents(total, weights)


@settings(max_examples=60)
@given(
    cents=st.integers(min_value=0, max_value=10**9),
    weights=st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=30),
)
def test_apportioned_cents_add_up_and_stay_within_a_cent(cents, weights):
    if sum(weights) == 0:
        weights = [*weights[:-1], Fraction(1)]
    total = Decimal(cents).scaleb(-2)
    shares = apportion_cents(total, weights)
    assert sum(shares) == total
    weight_sum = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        assert abs(Fraction(share) - Fraction(total) * weight / weight_sum) < Fraction(1, 100)
