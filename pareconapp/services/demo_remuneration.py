"""The demo's remuneration: last quarter approved, this quarter open with ratings coming in."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

from pareconapp.core.remuneration import (
    NeedKind,
    OnerousHours,
    Period,
    PeriodKind,
    WorkplaceBudget,
)
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock, system_clock
from pareconapp.store.assembly_file import AssemblyFile

MONTHLY_BUDGET_PER_MEMBER = Decimal(2400)
"""What the demo's consumption budget allows per member and month."""
MAX_DEMO_RATERS = 30
"""A large demo (the 500-member benchmark) still gets only this many raters."""


def write_demo_remuneration(file: AssemblyFile, today: date, seed: int) -> None:
    """Two quarters: the previous one rated and approved, the current one open."""
    rng = random.Random(seed)
    assembly = AssemblyService(file, ManualClock(system_clock()))
    current = Period.containing(PeriodKind.QUARTER, today)
    previous_start = date(
        current.start.year - (current.start.month == 1), (current.start.month - 4) % 12 + 1, 1
    )
    members = assembly.members.list_members(active_only=True)
    budget = WorkplaceBudget(MONTHLY_BUDGET_PER_MEMBER * 3 * len(members))
    previous = assembly.remuneration.create_period(PeriodKind.QUARTER, previous_start, budget)
    _fill(assembly, previous, rng, raters=min(len(members), MAX_DEMO_RATERS))
    assembly.remuneration.approve(previous)
    now = assembly.remuneration.create_period(PeriodKind.QUARTER, current.start, budget)
    _fill(assembly, now, rng, raters=min(len(members), MAX_DEMO_RATERS) // 3)


def _fill(assembly: AssemblyService, period_id: int, rng: random.Random, raters: int) -> None:
    service = assembly.remuneration
    entries = service.entries(period_id)
    if len(entries) < 4:
        return
    painter, trainee, parent = entries[1], entries[2], entries[3]
    service.update_entry(
        period_id,
        painter.member_id,
        replace(
            painter.fields,
            onerous=(
                OnerousHours(Decimal(60), Decimal("1.5"), "frame painting in the spray booth"),
            ),
        ),
    )
    service.update_entry(
        period_id,
        trainee.member_id,
        replace(
            trainee.fields,
            hours_worked=trainee.fields.hours_worked - 40,
            hours_reason="40 hours of welding course instead of shop hours",
            training_hours=Decimal(40),
        ),
    )
    decisions = service.passed_decisions()
    if decisions:
        service.grant_need(
            period_id,
            parent.member_id,
            NeedKind.CHILDREN,
            Decimal(900),
            decisions[-1][0],
            "two children",
        )
    for rater in entries[:raters]:
        ratings = {
            e.member_id: Decimal(min(10, max(3, round(rng.gauss(7, 1.3)))))
            for e in entries
            if e.member_id != rater.member_id
        }
        service.rate_effort(period_id, rater.member_id, ratings)
