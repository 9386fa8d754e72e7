from decimal import Decimal

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import WorkplaceBudget, compute_remuneration, council_totals


def test_council_totals_sum_members_allowances_with_needs(may, worked_example):
    table = compute_remuneration(may, worked_example, WorkplaceBudget(Decimal(10000)))
    totals = council_totals(table, {1: "North", 2: "South", 3: "North", 4: "South"})
    # North: Ana 3588.18 + Chloe 1613.42; South: Ben 2158.91 + Dev 3189.49
    assert totals == {"North": Decimal("5201.60"), "South": Decimal("5348.40")}
    assert list(totals) == ["North", "South"]
    assert sum(totals.values()) == table.total


def test_a_member_without_a_consumer_council_is_named(may, worked_example):
    table = compute_remuneration(may, worked_example, WorkplaceBudget(Decimal(10000)))
    with pytest.raises(UserError, match="Chloe belongs to no consumer council"):
        council_totals(table, {1: 7, 2: 7, 3: None, 4: 8})
    with pytest.raises(UserError, match="Dev belongs to no consumer council"):
        council_totals(table, {1: 7, 2: 7, 3: 8})
