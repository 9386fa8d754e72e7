"""The formula on examples computed by hand (the first is the one in docs/remuneration.md)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import (
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    NeedPolicy,
    OnerousHours,
    PerCapitaBudget,
    RemunerationRules,
    WorkplaceBudget,
    compute_remuneration,
)

D = Decimal


def test_worked_example_scores(may, worked_example):
    table = compute_remuneration(may, worked_example, WorkplaceBudget(D(10000)))
    ana, ben, chloe, dev = table.members
    # Ana: 160 h + 20 onerous h x (1.5 - 1) = 170; ratings 6, 7, 8 kept: 7 -> 0.8 + 0.04 x 7
    assert ana.scored.onerous_extra == 10
    assert ana.scored.weighted_hours == 170
    assert ana.scored.effort.kept == (6, 7, 8)
    assert ana.scored.effort_factor == D("1.08")
    assert ana.scored.score == D("183.6")
    assert ana.scored.sacrifice_factor == Fraction(170, 160)
    # Ben, part-time: 80 h + 10 h training = 90; 5, 5, 5 kept: 5 -> 1.00
    assert (ben.scored.weighted_hours, ben.scored.effort_factor, ben.scored.score) == (90, 1, 90)
    # Chloe left on the 15th: her 72 hours count as worked; 6 -> 1.04
    assert chloe.scored.days_present == 15
    assert chloe.scored.score == D("74.88")
    # Dev: 150 h + 10 h balancing; four ratings, none trimmed: 5.5 -> 1.02
    assert dev.scored.effort.trimmed_each_end == 0
    assert dev.scored.score == D("163.2")
    assert table.total_score == D("511.68")
    assert chloe.score_share == Fraction(7488, 51168) == Fraction(6, 41)


def test_worked_example_shares_needs_and_totals(may, worked_example):
    table = compute_remuneration(may, worked_example, WorkplaceBudget(D(10000)))
    # exact shares 3588.1801.., 1758.9118.., 1463.4146.., 3189.4934..: the floors add up to
    # 9999.99, and the last cent goes to Chloe, whose remainder (0.46 cent) is largest.
    assert [m.share for m in table] == [D("3588.18"), D("1758.91"), D("1463.42"), D("3189.49")]
    # Chloe's illness allowance: 310 x 15 / 31 days = 150
    assert [m.need_total for m in table] == [0, D(400), D(150), 0]
    assert [m.total for m in table] == [D("3588.18"), D("2158.91"), D("1613.42"), D("3189.49")]
    assert (table.budget, table.shared_budget, table.need_total) == (D(10000), D(10000), D(550))
    assert table.share_total == D(10000)
    assert table.total == D(10550)
    assert table.member(3).needs[0].allowance.decision_id == 14


def test_needs_out_of_the_budget_shrink_the_shared_part(may, worked_example):
    rules = RemunerationRules(need_policy=NeedPolicy.FROM_BUDGET)
    table = compute_remuneration(may, worked_example, WorkplaceBudget(D(10000)), rules)
    # 9450 shared: 3390.8302.., 1662.1716.., 1382.9268.., 3014.0712..; Chloe gets the cent
    assert table.shared_budget == D(9450)
    assert [m.share for m in table] == [D("3390.83"), D("1662.17"), D("1382.93"), D("3014.07")]
    assert [m.total for m in table] == [D("3390.83"), D("2062.17"), D("1532.93"), D("3014.07")]
    assert table.total == D(10000)


def test_needs_larger_than_the_budget_they_come_out_of_are_refused(may, worked_example):
    rules = RemunerationRules(need_policy=NeedPolicy.FROM_BUDGET)
    with pytest.raises(UserError, match=r"need allowances of 550\.00 come out of"):
        compute_remuneration(may, worked_example, WorkplaceBudget(D(500)), rules)


def test_a_per_capita_budget_counts_a_leaver_by_days(may, worked_example):
    table = compute_remuneration(may, worked_example, PerCapitaBudget(D(2500)))
    # 2500 x (3 + 15/31) = 8709.677.. -> 8709.68
    assert table.members_counted == Fraction(108, 31)
    assert table.budget == D("8709.68")
    assert table.share_total == D("8709.68")


def test_a_part_timer_gets_a_share_in_proportion_to_hours(may):
    entries = [MemberPeriod(1, "Full", D(160)), MemberPeriod(2, "Half", D(80))]
    table = compute_remuneration(may, entries, WorkplaceBudget(D(900)))
    assert [m.scored.effort.rated for m in table] == [False, False]
    assert [m.share for m in table] == [D(600), D(300)]


def test_effort_and_onerousness_scale_the_share(may):
    entries = [
        MemberPeriod(1, "Hard", D(100), (10,)),  # 100 x 1.2 = 120
        MemberPeriod(2, "Onerous", D(100), (5,), (OnerousHours(D(40), D(2)),)),  # 140 x 1 = 140
        MemberPeriod(3, "Easy", D(100), (0,)),  # 100 x 0.8 = 80
    ]
    table = compute_remuneration(may, entries, WorkplaceBudget(D(340)))
    assert [m.share for m in table] == [D(120), D(140), D(80)]


def test_a_member_who_did_not_work_gets_needs_only(may):
    entries = [
        MemberPeriod(1, "Worker", D(120)),
        MemberPeriod(2, "Ill", D(0), needs=(NeedAllowance(NeedKind.DISABILITY, D(800), 3),)),
    ]
    table = compute_remuneration(may, entries, WorkplaceBudget(D(2000)))
    assert [(m.share, m.need_total) for m in table] == [(D(2000), 0), (0, D(800))]


def test_nobody_having_worked_leaves_nothing_to_share_by(may):
    entries = [MemberPeriod(1, "Ana", D(0)), MemberPeriod(2, "Ben", D(0))]
    with pytest.raises(UserError, match="nobody has worked an hour"):
        compute_remuneration(may, entries, WorkplaceBudget(D(100)))
    table = compute_remuneration(may, entries, WorkplaceBudget(D(0)))
    assert table.total == 0


def test_a_period_without_members_or_with_a_member_twice_is_refused(may):
    with pytest.raises(UserError, match="no members"):
        compute_remuneration(may, [], WorkplaceBudget(D(100)))
    twice = [MemberPeriod(1, "Ana", D(10)), MemberPeriod(1, "Ana", D(20))]
    with pytest.raises(UserError, match="Ana has more than one set of entries"):
        compute_remuneration(may, twice, WorkplaceBudget(D(100)))


def test_a_bad_entry_stops_the_whole_table(may, worked_example):
    entries = [*worked_example, MemberPeriod(5, "Eve", D(800))]
    with pytest.raises(UserError, match="Eve: 800 hours"):
        compute_remuneration(may, entries, WorkplaceBudget(D(10000)))


def test_unknown_member_lookup_is_a_key_error(may, worked_example):
    table = compute_remuneration(may, worked_example, WorkplaceBudget(D(10000)))
    with pytest.raises(KeyError):
        table.member(99)
