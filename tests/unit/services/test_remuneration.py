"""Remuneration periods through the services: entries, effort ratings, contests, the table."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.remuneration import (
    NeedKind,
    OnerousHours,
    PeriodKind,
    WorkplaceBudget,
    planned_hours,
)
from pareconapp.services.members import MemberFields

BUDGET = WorkplaceBudget(Decimal("60000"))


@pytest.fixture
def period(assembly) -> int:
    return assembly.remuneration.create_period(PeriodKind.QUARTER, date(2030, 4, 1), BUDGET)


def _entry(assembly, period, name):
    return next(e for e in assembly.remuneration.entries(period) if e.display_name == name)


def test_a_period_starts_from_planned_hours(assembly, period) -> None:
    row = assembly.remuneration.period(period)
    assert row.name == "2030-Q2"
    entries = assembly.remuneration.entries(period)
    active = assembly.members.list_members(active_only=True)
    assert len(entries) == len(active)
    ana = _entry(assembly, period, "Ana")
    weekly = next(m.weekly_hours for m in active if m.display_name == "Ana")
    assert ana.fields.hours_worked == ana.planned_hours
    assert ana.planned_hours == Decimal(str(weekly)) * 91 / 7  # April-June: 91 days


def test_overlapping_periods_are_refused(assembly, period) -> None:
    with pytest.raises(UserError, match="2030-Q2"):
        assembly.remuneration.create_period(PeriodKind.MONTH, date(2030, 5, 1), BUDGET)
    other = assembly.remuneration.create_period(PeriodKind.MONTH, date(2030, 7, 1), BUDGET)
    assert assembly.remuneration.period(other).name == "2030-07"


def test_a_member_who_left_mid_period_is_pro_rated(assembly) -> None:
    member = next(m for m in assembly.members.list_members() if m.display_name == "Bilal")
    fields = replace(MemberFields.of(member), active=False, left_on=date(2030, 5, 15))
    assembly.members.update_member(member.id, fields)
    period = assembly.remuneration.create_period(PeriodKind.QUARTER, date(2030, 4, 1), BUDGET)
    entry = _entry(assembly, period, "Bilal")
    assert entry.fields.left_on == date(2030, 5, 15)
    assert entry.planned_hours == planned_hours(
        Decimal(str(member.weekly_hours)), 45
    )  # 1 Apr-15 May
    table = assembly.remuneration.table(period).remuneration
    bilal = next(m for m in table.members if m.name == "Bilal")
    assert bilal.scored.days_present == 45


def test_editing_hours_needs_a_reason_and_sensible_numbers(assembly, period) -> None:
    ana = _entry(assembly, period, "Ana")
    service = assembly.remuneration
    with pytest.raises(UserError, match="say why"):
        service.update_entry(period, ana.member_id, replace(ana.fields, hours_worked=Decimal(300)))
    with pytest.raises(UserError, match="Ana"):
        service.update_entry(
            period,
            ana.member_id,
            replace(ana.fields, hours_worked=Decimal(-5), hours_reason="typo"),
        )
    with pytest.raises(UserError, match="Ana"):
        service.update_entry(
            period,
            ana.member_id,
            replace(ana.fields, hours_worked=Decimal(5000), hours_reason="overtime"),
        )
    service.update_entry(
        period,
        ana.member_id,
        replace(
            ana.fields,
            hours_worked=Decimal(300),
            hours_reason="two weeks ill",
            onerous=(OnerousHours(Decimal(40), Decimal("1.5"), "paint booth"),),
        ),
    )
    updated = _entry(assembly, period, "Ana")
    assert updated.fields.hours_worked == 300
    assert updated.fields.onerous[0].factor == Decimal("1.5")


def test_effort_ratings_are_anonymous(assembly, period, demo_file) -> None:
    service = assembly.remuneration
    entries = service.entries(period)
    rater, rated = entries[0].member_id, entries[1].member_id
    with pytest.raises(UserError, match="own effort"):
        service.rate_effort(period, rater, {rater: Decimal(7)})
    with pytest.raises(UserError, match=r"scale|outside"):
        service.rate_effort(period, rater, {rated: Decimal(12)})
    service.rate_effort(period, rater, {rated: Decimal(8)})
    with pytest.raises(UserError, match="already"):
        service.rate_effort(period, rater, {rated: Decimal(6)})
    assert service.raters_done(period) == {rater}
    connection = sqlite3.connect(demo_file)
    rows = connection.execute(
        "SELECT rater_id FROM effort_rating WHERE period_id = ?", (period,)
    ).fetchall()
    sql = connection.execute("SELECT sql FROM sqlite_master WHERE name='effort_rating'").fetchone()
    connection.close()
    assert rows == [(None,)]
    assert "WITHOUT ROWID" in sql[0].upper()
    table = service.table(period).remuneration
    assert next(m for m in table.members if m.member_id == rated).scored.effort.value == 8


def test_contest_puts_an_item_on_the_next_agenda(assembly, period) -> None:
    ana = _entry(assembly, period, "Ana")
    assembly.remuneration.contest(period, ana.member_id, "I covered two colleagues' shifts")
    planned = next(m for m in assembly.meetings.list_meetings() if m.status.value == "planned")
    titles = [i.title for i in assembly.meetings.meeting(planned.id).items]
    assert "Effort rating contested: Ana (2030-Q2)" in titles
    assert _entry(assembly, period, "Ana").contest == "I covered two colleagues' shifts"


def test_need_allowances_need_a_passed_decision(assembly, period) -> None:
    ana = _entry(assembly, period, "Ana")
    service = assembly.remuneration
    decisions = service.passed_decisions()
    assert decisions  # the demo has decisions that passed
    not_passed = next(d for d in assembly.decisions.list_decisions() if d.status.value != "closed")
    with pytest.raises(UserError, match="passed"):
        service.grant_need(period, ana.member_id, NeedKind.CHILDREN, Decimal(300), not_passed.id)
    service.grant_need(
        period, ana.member_id, NeedKind.CHILDREN, Decimal(300), decisions[0][0], "two children"
    )
    table = service.table(period).remuneration
    ana_row = next(m for m in table.members if m.member_id == ana.member_id)
    assert ana_row.need_total == Decimal("300.00")
    assert sum(m.share for m in table.members) == BUDGET.amount  # needs on top


def test_table_csv_and_approval(assembly, period) -> None:
    service = assembly.remuneration
    table = service.table(period).remuneration
    assert sum(m.share for m in table.members) == Decimal(60000)
    rows = list(csv.DictReader(io.StringIO(service.export_csv(period))))
    assert len(rows) == len(table.members)
    assert set(rows[0]) >= {
        "member",
        "hours_worked",
        "effort",
        "sacrifice_factor",
        "score",
        "share",
        "need_allowance",
        "total",
    }
    assert sum(Decimal(r["total"]) for r in rows) == Decimal(60000)
    budgets = service.council_budgets(period)
    assert len(budgets) == 2
    assert sum(budgets.values()) == Decimal(60000)
    service.approve(period)
    ana = _entry(assembly, period, "Ana")
    with pytest.raises(UserError, match="approved"):
        service.update_entry(period, ana.member_id, ana.fields)


def test_find_by_name_or_last(assembly, period) -> None:
    later = assembly.remuneration.create_period(PeriodKind.QUARTER, date(2030, 7, 1), BUDGET)
    assert assembly.remuneration.find("last").id == later
    assert assembly.remuneration.find("2030-Q2").id == period
    with pytest.raises(UserError, match="no period"):
        assembly.remuneration.find("1999")
