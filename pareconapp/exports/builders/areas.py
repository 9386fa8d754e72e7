"""Sections of the areas that keep their own records: rating rounds, job complexes, remuneration.

Each builder reads its area through ``ctx.area(name)`` and prints nothing when the area has no
service (an older build) or nothing happened in the meeting:

- rating rounds held under one of the meeting's agenda items (closed rounds: aggregates,
  spreads, contested tasks);
- job complexes saved while the meeting was in session (the balance reached and how many
  members' hours changed);
- remuneration periods approved by one of the meeting's decisions (the period's summary).

Planning rounds have no section yet: the planning decisions the meeting voted on print with
the other decisions; the planning area registers its summary here when it is ready.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from statistics import median
from typing import Any

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.jobs.ratings import AggregateMethod, SpreadMeasure
from pareconapp.exports.document import (
    Facts,
    Paragraph,
    Section,
    SectionBuilder,
    Table,
    plain,
)
from pareconapp.exports.sections import SectionContext, register_section

AGGREGATES = {
    AggregateMethod.MEAN: QT_TRANSLATE_NOOP("Minutes", "mean"),
    AggregateMethod.MEDIAN: QT_TRANSLATE_NOOP("Minutes", "median"),
    AggregateMethod.TRIMMED_MEAN: QT_TRANSLATE_NOOP("Minutes", "trimmed mean"),
}
SPREADS = {
    SpreadMeasure.SD: QT_TRANSLATE_NOOP("Minutes", "standard deviation"),
    SpreadMeasure.IQR: QT_TRANSLATE_NOOP("Minutes", "inter-quartile range"),
}


# -- rating rounds ---------------------------------------------------------------------------


def rating_rounds_section(ctx: SectionContext) -> Section | None:
    """The rating rounds the meeting held, with their aggregates and contested tasks."""
    ratings = ctx.area("ratings")
    if ratings is None:
        return None
    items = {item.id for item in ctx.record.items}
    rounds = [
        r
        for r in ratings.list_rounds()
        if r.agenda_item_id in items and str(getattr(r.status, "value", r.status)) == "closed"
    ]
    if not rounds:
        return None
    section = SectionBuilder("rating-rounds", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Rating rounds")))
    for row in sorted(rounds, key=lambda r: (r.closed_at or r.created_at, r.id)):
        section.children.append(_rating_round(ctx, ratings.results(row.id)))
    return section.build()


def _rating_round(ctx: SectionContext, results: Any) -> Section:
    row, loc = results.round, ctx.loc
    section = SectionBuilder(
        f"rating-round-{row.id}",
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Rating round: {title}"), title=row.title),
    )
    settings = row.aggregation
    section.add(
        Facts(
            (
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Scale")),
                    f"{loc.number(row.scale_low)}–{loc.number(row.scale_high)}",
                ),
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Raters")),
                    ctx.tr(
                        QT_TRANSLATE_NOOP("Minutes", "{done} of {asked} asked"),
                        done=loc.number(row.done_count),
                        asked=loc.number(len(row.rater_ids)),
                    ),
                ),
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Rating of a task")),
                    ctx.tr(AGGREGATES.get(settings.method, QT_TRANSLATE_NOOP("Minutes", "mean"))),
                ),
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Contested when the spread exceeds")),
                    ctx.tr(
                        QT_TRANSLATE_NOOP("Minutes", "{points} points ({measure})"),
                        points=loc.number(results.threshold, 1),
                        measure=ctx.tr(
                            SPREADS.get(
                                settings.spread, QT_TRANSLATE_NOOP("Minutes", "standard deviation")
                            )
                        ),
                    ),
                ),
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Anonymous")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "yes"))
                    if row.anonymous
                    else ctx.tr(QT_TRANSLATE_NOOP("Minutes", "no")),
                ),
            )
        )
    )
    contested = set(results.contested)

    def cell(summary: Any) -> tuple[str, str]:
        if summary is None:
            return "-", "-"
        return loc.number(summary.aggregate, 1), loc.number(summary.spread, 1)

    rows = []
    for task in results.tasks:
        empowerment = cell(task.summary.empowerment)
        desirability = cell(task.summary.desirability)
        rows.append(
            (
                task.name,
                *empowerment,
                *desirability,
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "contested"))
                if task.task_id in contested
                else "",
            )
        )
    section.add(
        Table(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Task")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Empowerment")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Spread")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Desirability")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Spread")),
                "",
            ),
            tuple(rows),
            numeric=(False, True, True, True, True, False),
            caption=ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "Aggregated ratings and their spread, per task")
            ),
            key=f"ratings-{row.id}",
        )
    )
    if contested:
        names = {task.task_id: task.name for task in results.tasks}
        section.add(
            Paragraph(
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP(
                            "Minutes", "Contested, to discuss and rate again: {tasks}."
                        ),
                        tasks=", ".join(names.get(t, str(t)) for t in results.contested),
                    )
                )
            )
        )
    return section.build()


# -- job complexes ---------------------------------------------------------------------------


def job_complexes_section(ctx: SectionContext) -> Section | None:
    """The job complexes saved while the meeting was in session."""
    jobs = ctx.area("job_complexes")
    meeting = ctx.record.meeting
    if jobs is None or meeting.started_at is None:
        return None
    start, end = meeting.started_at, meeting.ended_at
    history = list(reversed(jobs.history()))  # oldest first
    saved = [(index, a) for index, a in enumerate(history) if _within(a.created_at, start, end)]
    if not saved:
        return None
    section = SectionBuilder("job-complexes", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Job complexes")))
    for index, assignment in saved:
        previous = history[index - 1] if index > 0 else None
        section.children.append(_assignment(ctx, assignment, previous))
    return section.build()


def _assignment(ctx: SectionContext, assignment: Any, previous: Any) -> Section:
    loc = ctx.loc
    section = SectionBuilder(
        f"job-complexes-{assignment.id}",
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Job complexes: {title}"), title=assignment.title),
    )
    pairs = [
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Saved at")), loc.time(assignment.created_at)),
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Largest deviation from the workplace average")),
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "empowerment {e}, desirability {d} points"),
                e=loc.number(assignment.largest_empowerment_deviation, 2),
                d=loc.number(assignment.largest_desirability_deviation, 2),
            ),
        ),
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "At most tasks per member")),
            loc.number(assignment.max_tasks),
        ),
    ]
    if assignment.bound is not None:
        pairs.append(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Best possible (proven bound)")),
                loc.number(assignment.bound, 2),
            )
        )
    if assignment.note:
        pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Why")), assignment.note))
    section.add(Facts(tuple(pairs)))
    now = assignment.member_hours()
    before = previous.member_hours() if previous is not None else {}
    changed = sorted(
        ctx.record.member_name(m) for m in set(now) | set(before) if now.get(m) != before.get(m)
    )
    if previous is None:
        text = ctx.tr(QT_TRANSLATE_NOOP("Minutes", "The first job complexes of the workplace."))
    elif changed:
        text = ctx.tr(
            QT_TRANSLATE_NOOP(
                "Minutes", 'Members whose hours changed from "{previous}" ({count}): {names}.'
            ),
            previous=previous.title,
            count=loc.number(len(changed)),
            names=", ".join(changed),
        )
    else:
        text = ctx.tr(
            QT_TRANSLATE_NOOP("Minutes", 'Nobody\'s hours changed from "{previous}".'),
            previous=previous.title,
        )
    section.add(Paragraph(plain(text)))
    return section.build()


# -- remuneration ----------------------------------------------------------------------------


def remuneration_section(ctx: SectionContext) -> Section | None:
    """Remuneration periods the meeting approved, with their summaries."""
    service = ctx.area("remuneration")
    if service is None:
        return None
    decisions = {d.decision.id: d.decision.title for d in ctx.record.decisions}
    periods = [p for p in service.list_periods() if p.approval_decision_id in decisions]
    if not periods:
        return None
    section = SectionBuilder("remuneration", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Remuneration")))
    for period in periods:
        table = service.table(period.id)
        section.children.append(
            _period(ctx, period, table.remuneration, decisions[period.approval_decision_id])
        )
    return section.build()


def _money(ctx: SectionContext, amount: Decimal) -> str:
    return ctx.loc.number(float(amount), 2)


def _period(ctx: SectionContext, period: Any, remuneration: Any, decision: str) -> Section:
    loc = ctx.loc
    totals: Sequence[Decimal] = sorted(m.total for m in remuneration.members)
    hours = sum((m.scored.total_hours for m in remuneration.members), start=0)
    needs = [m for m in remuneration.members if m.need_total]
    section = SectionBuilder(
        f"remuneration-{period.id}",
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Remuneration period {name}"), name=period.name),
    )
    pairs = [
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Period")),
            f"{loc.date(period.period.start)} – {loc.date(period.period.end)}",
        ),
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Approved by")), decision),
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Consumption budget")),
            _money(ctx, remuneration.budget),
        ),
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Members")), loc.number(len(remuneration.members))),
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Hours counted")), loc.number(float(hours), 0)),
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Need allowances")),
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "{amount} (members receiving one: {count})"),
                amount=_money(ctx, remuneration.need_total),
                count=loc.number(len(needs)),
            ),
        ),
    ]
    if totals:
        pairs.append(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Allowances")),
                ctx.tr(
                    QT_TRANSLATE_NOOP("Minutes", "lowest {low}, median {middle}, highest {high}"),
                    low=_money(ctx, totals[0]),
                    middle=_money(ctx, Decimal(median(totals))),
                    high=_money(ctx, totals[-1]),
                ),
            )
        )
    section.add(Facts(tuple(pairs)))
    section.add(
        Table(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Member")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Hours")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Effort factor")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Needs")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Allowance")),
            ),
            tuple(
                (
                    m.name,
                    loc.number(float(m.scored.total_hours), 1),
                    loc.number(float(m.scored.effort_factor), 3),
                    _money(ctx, m.need_total) if m.need_total else "",
                    _money(ctx, m.total),
                )
                for m in sorted(remuneration.members, key=lambda m: m.name.lower())
            ),
            numeric=(False, True, True, True, True),
            caption=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Each member's allowance for the period")),
            key=f"remuneration-{period.id}",
        )
    )
    return section.build()


def _within(moment: datetime, start: datetime, end: datetime | None) -> bool:
    return start <= moment and (end is None or moment <= end)


register_section("rating-rounds", 50, rating_rounds_section)
register_section("job-complexes", 60, job_complexes_section)
register_section("remuneration", 70, remuneration_section)
