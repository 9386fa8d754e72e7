"""The parts of the minutes every meeting has: preface, attendance, agenda, action items."""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction

from pareconapp.core import wording
from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.meetings import ACTION_REVIEW_TITLE, AgendaKind, AttendanceStatus, Presence
from pareconapp.exports.builders.datasets import action_datasets, decision_datasets
from pareconapp.exports.builders.decision import decision_section
from pareconapp.exports.document import (
    BulletList,
    Callout,
    Facts,
    Label,
    Paragraph,
    Section,
    SectionBuilder,
    Span,
    Table,
    plain,
)
from pareconapp.exports.rich_text import blocks_from_html
from pareconapp.exports.sections import SectionContext, register_section
from pareconapp.services.actions import ActionRow
from pareconapp.services.meetings import AgendaItemRow


def preface_section(ctx: SectionContext) -> Section | None:
    """What the minute-taker wrote above the record, if anything."""
    blocks = blocks_from_html(ctx.record.preface)
    if not blocks:
        return None
    return Section("preface", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Preface")), blocks)


def attendance_section(ctx: SectionContext) -> Section:
    """Who was there, when they came and left, and the weight present at each vote."""
    record, loc = ctx.record, ctx.loc
    section = SectionBuilder("attendance", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Attendance")))
    groups: dict[AttendanceStatus | None, list[str]] = {s: [] for s in (*AttendanceStatus, None)}
    for row in record.roll:
        groups[row.status].append(row.display_name)
    pairs = [
        (
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "{status} ({n})"),
                status=ctx.tr(ATTENDANCE_GROUPS[status]),
                n=loc.number(len(names)),
            ),
            ", ".join(sorted(names, key=str.lower)) or "-",
        )
        for status, names in groups.items()
        if names or status in (AttendanceStatus.PRESENT, AttendanceStatus.ABSENT)
    ]
    section.add(Facts(tuple(pairs)))
    start, end = record.meeting.started_at, record.meeting.ended_at
    moved = [
        row
        for row in record.roll
        if row.status is AttendanceStatus.PRESENT and _came_or_went(row.intervals, start, end)
    ]
    if moved:
        section.add(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Member")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Arrived")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Left")),
                ),
                tuple(
                    (
                        row.display_name,
                        "; ".join(loc.time(i.arrived) for i in row.intervals),
                        "; ".join(loc.time(i.left) if i.left else "-" for i in row.intervals),
                    )
                    for row in sorted(moved, key=lambda r: r.display_name.lower())
                ),
                numeric=(False, True, True),
                caption=ctx.tr(
                    QT_TRANSLATE_NOOP(
                        "Minutes",
                        "Arrived after the start or left before the end; everyone else "
                        "present was there throughout",
                    )
                ),
                key="attendance",
            )
        )
    votes = [d.decision for d in record.decisions if d.decision.attendance is not None]
    if votes:
        vote_rows = []
        for decision in votes:
            attendance = decision.attendance
            assert attendance is not None
            share = (
                attendance.present_weight / attendance.eligible_weight
                if attendance.eligible_weight
                else Fraction(0)
            )
            vote_rows.append(
                (
                    decision.title,
                    loc.time(decision.opened_at) if decision.opened_at else "",
                    ctx.tr(
                        QT_TRANSLATE_NOOP("Minutes", "{present} of {eligible}"),
                        present=loc.number(attendance.present_count),
                        eligible=loc.number(attendance.eligible_count),
                    ),
                    ctx.percent(share),
                )
            )
        section.add(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Vote")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Ballot opened")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Eligible members present")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Impact weight present")),
                ),
                tuple(vote_rows),
                numeric=(False, True, True, True),
                caption=ctx.tr(
                    QT_TRANSLATE_NOOP(
                        "Minutes", "Present at each vote (judged when its ballot opened)"
                    )
                ),
                key="vote-attendance",
            )
        )
    return section.build()


ATTENDANCE_GROUPS = {
    AttendanceStatus.PRESENT: QT_TRANSLATE_NOOP("Minutes", "Present"),
    AttendanceStatus.ABSENT: QT_TRANSLATE_NOOP("Minutes", "Absent"),
    AttendanceStatus.EXCUSED: QT_TRANSLATE_NOOP("Minutes", "Excused"),
    None: QT_TRANSLATE_NOOP("Minutes", "Not recorded"),
}
MARGIN = timedelta(minutes=1)


def _came_or_went(
    intervals: tuple[Presence, ...], start: datetime | None, end: datetime | None
) -> bool:
    """Whether a member's presence differs from the meeting's own start and end."""
    if len(intervals) != 1 or start is None:
        return bool(intervals)
    only = intervals[0]
    late = only.arrived > start + MARGIN
    early = only.left is not None and end is not None and only.left < end - MARGIN
    return late or early


def item_title(ctx: SectionContext, item: AgendaItemRow) -> str:
    """An item's title; the automatic review item in the document language."""
    if item.kind is AgendaKind.ACTION_REVIEW and item.title == ACTION_REVIEW_TITLE.text:
        return ctx.tr(ACTION_REVIEW_TITLE)
    return item.title


def agenda_section(ctx: SectionContext) -> Section:
    """Each agenda item in order, with its notes, outcome, actions and decisions."""
    record = ctx.record
    section = SectionBuilder(
        "agenda", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Agenda and proceedings"))
    )
    if not record.items:
        section.add(
            Paragraph(
                plain(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "The meeting had no agenda items.")))
            )
        )
    for number, item in enumerate(record.items, start=1):
        section.children.append(_item_section(ctx, number, item))
    return section.build()


def _item_section(ctx: SectionContext, number: int, item: AgendaItemRow) -> Section:
    loc = ctx.loc
    section = SectionBuilder(f"item-{item.id}", f"{number}. {item_title(ctx, item)}")
    pairs = [
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Kind")), ctx.tr(wording.AGENDA_KINDS[item.kind]))
    ]
    if item.presenter:
        pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Presented by")), item.presenter))
    minutes = round(item.elapsed_seconds / 60)
    pairs.append(
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Time")),
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "{taken} min of {planned} min planned"),
                taken=loc.number(minutes),
                planned=loc.number(item.timebox_minutes),
            )
            if item.elapsed_seconds
            else ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "{planned} min planned; not taken up"),
                planned=item.timebox_minutes,
            ),
        )
    )
    section.add(Facts(tuple(pairs)))
    notes = blocks_from_html(item.notes)
    if notes:
        section.add(*notes)
    outcome = blocks_from_html(item.outcome)
    if outcome:
        label = Span(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Outcome: ")), bold=True)
        first, *rest = outcome
        if isinstance(first, Paragraph):
            section.add(Callout("note", (label, *first.spans)))
        else:
            section.add(Callout("note", (label,)), first)
        section.add(*rest)
    actions = ctx.record.actions_of_item(item.id)
    if actions:
        section.add(
            Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Action items agreed"))),
            BulletList(tuple(_action_line(ctx, a) for a in actions)),
        )
    for decision in ctx.record.decisions_of_item(item.id):
        section.children.append(decision_section(ctx, decision))
    return section.build()


def _action_line(ctx: SectionContext, action: ActionRow) -> tuple[Span, ...]:
    due = (
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", " (due {date})"), date=ctx.loc.date(action.due_on))
        if action.due_on
        else ""
    )
    return (Span(f"{action.owner}: ", bold=True), Span(action.description + due))


def other_decisions_section(ctx: SectionContext) -> Section | None:
    """Decisions of the meeting not filed under an agenda item."""
    items = {item.id for item in ctx.record.items}
    loose = [d for d in ctx.record.decisions if d.decision.agenda_item_id not in items]
    if not loose:
        return None
    return Section(
        "other-decisions",
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Other decisions")),
        children=tuple(decision_section(ctx, d) for d in loose),
    )


def actions_section(ctx: SectionContext) -> Section:
    """The action items agreed, and open ones carried from earlier meetings."""
    record, loc = ctx.record, ctx.loc
    section = SectionBuilder("actions", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Action items")))
    titles = {item.id: item_title(ctx, item) for item in record.items}
    if record.actions:
        section.add(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Action")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Owner")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Due")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Status")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Agenda item")),
                ),
                tuple(
                    (
                        a.description,
                        a.owner,
                        loc.date(a.due_on) if a.due_on else "",
                        _status(ctx, a),
                        titles.get(a.agenda_item_id, "") if a.agenda_item_id else "",
                    )
                    for a in record.actions
                ),
                key="actions",
            )
        )
    else:
        section.add(
            Paragraph(plain(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "No action items were agreed."))))
        )
    carried = SectionBuilder(
        "carried", ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Open items carried from earlier meetings"))
    )
    if record.open_earlier:
        carried.add(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Action")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Owner")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Due")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Status")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Agreed at")),
                ),
                tuple(
                    (
                        a.description,
                        a.owner,
                        loc.date(a.due_on) if a.due_on else "",
                        _status(ctx, a),
                        a.meeting_title,
                    )
                    for a in record.open_earlier
                ),
                key="carried",
            )
        )
    else:
        carried.add(
            Paragraph(
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP("Minutes", "None: every earlier item is done or dropped.")
                    )
                )
            )
        )
    section.children.append(carried.build())
    return section.build()


def _status(ctx: SectionContext, action: ActionRow) -> str:
    text = ctx.tr(wording.ACTION_STATUSES[action.status])
    if action.overdue:
        text += " - " + ctx.tr(QT_TRANSLATE_NOOP("Minutes", "overdue"))
    return text


register_section("preface", 10, preface_section)
register_section("attendance", 20, attendance_section)
register_section("agenda", 30, agenda_section, datasets=decision_datasets)
register_section("other-decisions", 40, other_decisions_section)
register_section("actions", 90, actions_section, datasets=action_datasets)
