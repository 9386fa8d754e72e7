"""Remuneration for effort and sacrifice (parecon): periods, entries, the formula, totals.

Pure, exact and free of Qt and SQLAlchemy. The formula is documented for members in
``docs/remuneration.md``; the typical call is::

    period = Period.containing(PeriodKind.MONTH, date(2024, 5, 1))
    table = compute_remuneration(period, entries, WorkplaceBudget(Decimal("12000")), rules)
    budgets = council_totals(table, {member_id: council_id, ...})
"""

from pareconapp.core.remuneration._common import Number
from pareconapp.core.remuneration.councils import council_totals
from pareconapp.core.remuneration.effort import (
    EffortRating,
    EffortScale,
    aggregate_effort,
    trimmed_mean,
)
from pareconapp.core.remuneration.entries import (
    MemberPeriod,
    NeedAllowance,
    NeedKind,
    OnerousHours,
    check_entries,
    planned_hours,
)
from pareconapp.core.remuneration.formula import (
    MemberAllowance,
    MemberScore,
    NeedPayment,
    PeriodRemuneration,
    compute_remuneration,
    need_payments,
    score_member,
)
from pareconapp.core.remuneration.periods import Period, PeriodKind, check_no_overlap
from pareconapp.core.remuneration.rounding import apportion_cents, as_decimal, round_cents
from pareconapp.core.remuneration.rules import (
    Budget,
    NeedPolicy,
    PerCapitaBudget,
    RemunerationRules,
    WorkplaceBudget,
)

__all__ = [
    "Budget",
    "EffortRating",
    "EffortScale",
    "MemberAllowance",
    "MemberPeriod",
    "MemberScore",
    "NeedAllowance",
    "NeedKind",
    "NeedPayment",
    "NeedPolicy",
    "Number",
    "OnerousHours",
    "PerCapitaBudget",
    "Period",
    "PeriodKind",
    "PeriodRemuneration",
    "RemunerationRules",
    "WorkplaceBudget",
    "aggregate_effort",
    "apportion_cents",
    "as_decimal",
    "check_entries",
    "check_no_overlap",
    "compute_remuneration",
    "council_totals",
    "need_payments",
    "planned_hours",
    "round_cents",
    "score_member",
    "trimmed_mean",
]
