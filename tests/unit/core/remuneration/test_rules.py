from decimal import Decimal
from fractions import Fraction

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import (
    EffortScale,
    PerCapitaBudget,
    RemunerationRules,
    WorkplaceBudget,
)


def test_the_effort_factor_runs_in_a_straight_line_across_the_scale():
    rules = RemunerationRules()
    assert rules.effort_factor(Fraction(0)) == Fraction(4, 5)
    assert rules.effort_factor(Fraction(5)) == 1
    assert rules.effort_factor(Fraction(10)) == Fraction(6, 5)
    assert rules.effort_factor(Fraction(7)) == Fraction(27, 25)


def test_the_effort_factor_follows_a_custom_scale_and_range():
    rules = RemunerationRules(
        effort_scale=EffortScale(1, 20),
        lowest_effort_factor=Decimal("0.5"),
        highest_effort_factor=Decimal("1.5"),
    )
    assert rules.effort_factor(Fraction(1)) == Fraction(1, 2)
    assert rules.effort_factor(Fraction(21, 2)) == 1
    assert rules.effort_factor(Fraction(20)) == Fraction(3, 2)


def test_equal_effort_factors_make_effort_not_count():
    rules = RemunerationRules(lowest_effort_factor=1, highest_effort_factor=1)
    assert rules.effort_factor(Fraction(0)) == rules.effort_factor(Fraction(10)) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"trim_share": Decimal("0.5")}, "trimmed from each end"),
        ({"lowest_effort_factor": 0}, "Effort factors must be more than 0"),
        (
            {"lowest_effort_factor": Decimal("1.3"), "highest_effort_factor": Decimal("1.2")},
            "the lowest no more than the highest",
        ),
        ({"max_sacrifice_factor": Decimal("0.9")}, "largest sacrifice factor must be at least 1"),
        ({"training_factor": 0}, "training factor must be more than 0 and at most 3, not 0"),
        ({"training_factor": 4}, "training factor must be more than 0 and at most 3, not 4"),
        ({"balancing_factor": Decimal("-1")}, "balancing factor must be more than 0"),
    ],
)
def test_rules_outside_parecon_are_refused(fields, message):
    with pytest.raises(UserError, match=message):
        RemunerationRules(**fields)


@pytest.mark.parametrize("make", [WorkplaceBudget, PerCapitaBudget])
@pytest.mark.parametrize("amount", [Decimal("-0.01"), Decimal("NaN")])
def test_budgets_must_not_be_negative(make, amount):
    with pytest.raises(UserError, match="must be zero or more"):
        make(amount)
