"""The sections other areas add to the minutes: rating rounds, job complexes, remuneration."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from types import SimpleNamespace

from pareconapp.core.jobs.ratings import AggregationSettings
from pareconapp.exports.builders.areas import (
    job_complexes_section,
    rating_rounds_section,
    remuneration_section,
)
from pareconapp.exports.document import Facts, Paragraph, Table, inline_text
from pareconapp.exports.localize import PlainLocalizer
from pareconapp.exports.sections import SectionContext


def _record(assembly):
    meeting = assembly.minutes.last_meeting_id()
    return assembly.minutes.record(meeting)


def _summary(aggregate, spread):
    return SimpleNamespace(aggregate=aggregate, spread=spread)


def test_rating_round_held_under_an_agenda_item(demo_assembly) -> None:
    record = _record(demo_assembly)
    item = record.items[1].id
    held = SimpleNamespace(
        id=7,
        title="Autumn ratings",
        status=SimpleNamespace(value="closed"),
        agenda_item_id=item,
        closed_at=record.meeting.ended_at,
        created_at=record.meeting.starts_at,
        scale_low=1,
        scale_high=20,
        done_count=14,
        rater_ids=frozenset(range(16)),
        aggregation=AggregationSettings(),
        anonymous=True,
    )
    elsewhere = replace_ns(held, id=8, agenda_item_id=None)
    results = SimpleNamespace(
        round=held,
        tasks=(
            SimpleNamespace(
                task_id=1,
                name="Truing wheels",
                summary=SimpleNamespace(
                    empowerment=_summary(8.25, 2.1), desirability=_summary(12.0, 5.5)
                ),
            ),
            SimpleNamespace(
                task_id=2,
                name="Bookkeeping",
                summary=SimpleNamespace(empowerment=_summary(14.5, 1.0), desirability=None),
            ),
        ),
        contested=(1,),
        threshold=3.8,
    )
    ratings = SimpleNamespace(list_rounds=lambda: [held, elsewhere], results=lambda _id: results)
    context = SectionContext(record, PlainLocalizer(), SimpleNamespace(ratings=ratings))
    section = rating_rounds_section(context)
    assert section is not None and [c.title for c in section.children] == [
        "Rating round: Autumn ratings"
    ]
    child = section.children[0]
    facts = dict(next(b for b in child.blocks if isinstance(b, Facts)).pairs)
    assert facts["Raters"] == "14 of 16 asked"
    assert facts["Contested when the spread exceeds"] == "3.8 points (standard deviation)"
    table = next(b for b in child.blocks if isinstance(b, Table))
    assert table.rows == (
        ("Truing wheels", "8.2", "2.1", "12.0", "5.5", "contested"),
        ("Bookkeeping", "14.5", "1.0", "-", "-", ""),
    )
    contested = next(b for b in child.blocks if isinstance(b, Paragraph))
    assert inline_text(contested.spans) == "Contested, to discuss and rate again: Truing wheels."
    assert (
        rating_rounds_section(SectionContext(record, PlainLocalizer(), SimpleNamespace())) is None
    )


def replace_ns(namespace, **changes):
    return SimpleNamespace(**{**vars(namespace), **changes})


def test_job_complexes_saved_during_the_meeting(demo_assembly) -> None:
    record = _record(demo_assembly)
    start = record.meeting.started_at

    def assignment(ident, minutes, cells, title):
        return SimpleNamespace(
            id=ident,
            title=title,
            note="After the ratings" if ident == 2 else "",
            created_at=start + timedelta(minutes=minutes),
            max_tasks=4,
            largest_empowerment_deviation=0.4,
            largest_desirability_deviation=0.25,
            bound=0.2 if ident == 2 else None,
            member_hours=lambda cells=cells: cells,
        )

    members = list(record.members)
    history = [
        assignment(3, 600, {}, "Later"),  # newest first, saved after the meeting
        assignment(2, 20, {members[0]: {1: 10.0}, members[1]: {2: 5.0}}, "New rota"),
        assignment(1, -3000, {members[0]: {1: 10.0}, members[1]: {2: 8.0}}, "Old rota"),
    ]
    jobs = SimpleNamespace(history=lambda: history)
    section = job_complexes_section(
        SectionContext(record, PlainLocalizer(), SimpleNamespace(job_complexes=jobs))
    )
    assert section is not None
    assert [c.title for c in section.children] == ["Job complexes: New rota"]
    child = section.children[0]
    facts = dict(next(b for b in child.blocks if isinstance(b, Facts)).pairs)
    assert facts["Best possible (proven bound)"] == "0.20"
    assert facts["Why"] == "After the ratings"
    change = next(b for b in child.blocks if isinstance(b, Paragraph))
    assert inline_text(change.spans) == (
        f'Members whose hours changed from "Old rota" (1): {record.member_name(members[1])}.'
    )


def test_remuneration_period_approved_by_the_meeting(demo_assembly) -> None:
    record = _record(demo_assembly)
    open_period = next(
        p
        for p in demo_assembly.remuneration.list_periods()
        if p.approval_decision_id is None and p.status.value == "open"
    )
    decision = record.decisions[0].decision
    context = SectionContext(record, PlainLocalizer(), demo_assembly)
    assert remuneration_section(context) is None
    demo_assembly.remuneration.approve(open_period.id, decision.id)
    section = remuneration_section(replace(context, record=_record(demo_assembly)))
    assert section is not None
    child = section.children[0]
    assert child.title == f"Remuneration period {open_period.name}"
    facts = dict(next(b for b in child.blocks if isinstance(b, Facts)).pairs)
    assert facts["Approved by"] == decision.title
    table = next(b for b in child.blocks if isinstance(b, Table))
    computed = demo_assembly.remuneration.table(open_period.id).remuneration
    assert len(table.rows) == len(computed.members)
    total = sum(float(row[4]) for row in table.rows)
    assert abs(total - float(computed.total)) < 0.01
    document = demo_assembly.minutes.document(record.meeting.id)
    assert "remuneration" in [s.key for s in document.sections]
