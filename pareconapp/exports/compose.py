"""Put the minutes together: the header, every registered section, the CSV datasets.

:func:`compose` builds the body once from a :class:`~pareconapp.exports.record.MeetingRecord`;
:func:`seal` adds what belongs to a particular export and not to the approved body - the
footer with the SHA-256 and the errata recorded after approval.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.progress import Progress
from pareconapp.exports.document import (
    Dataset,
    Document,
    Paragraph,
    Section,
    Span,
)
from pareconapp.exports.localize import Localizer, local, tr
from pareconapp.exports.record import MeetingRecord
from pareconapp.exports.sections import SectionContext, registered_sections

CONTENTS_FROM_ITEMS = 8
"""A meeting with this many agenda items gets a table of contents ..."""
CONTENTS_FROM_DECISIONS = 5
"""... and so does one with this many decisions."""


@dataclass(frozen=True)
class ErratumText:
    """A correction as the minutes print it."""

    created_at: datetime
    text: str
    decision_title: str = ""


def compose(
    record: MeetingRecord,
    loc: Localizer,
    areas: object = None,
    progress: Progress | None = None,
) -> Document:
    """The body of the minutes of ``record``'s meeting, in ``loc``'s language."""
    context = SectionContext(record, loc, areas)
    specs = registered_sections()
    sections: list[Section] = []
    datasets: list[Dataset] = []
    for done, spec in enumerate(specs):
        if progress is not None:
            progress.report(done, len(specs), spec.key)
        section = spec.build(context)
        if section is not None:
            sections.append(section)
        if spec.datasets is not None:
            datasets.extend(spec.datasets(context))
    if progress is not None:
        progress.report(len(specs), len(specs), "")
    meeting = record.meeting
    date = loc.date(local(meeting.starts_at).date())
    long = len(record.items) >= CONTENTS_FROM_ITEMS or len(record.decisions) >= (
        CONTENTS_FROM_DECISIONS
    )
    return Document(
        title=tr(loc, QT_TRANSLATE_NOOP("Minutes", "Minutes of {title}"), title=meeting.title),
        subtitle=record.assembly_name,
        language=loc.language,
        facts=_facts(record, loc),
        status=_status(record, loc),
        sections=tuple(sections),
        datasets=tuple(datasets),
        running_head=f"{record.assembly_name} · {meeting.title} · {date}",
        footer=(
            tr(loc, QT_TRANSLATE_NOOP("Minutes", "DRAFT minutes - not approved"))
            if record.approval is None
            else tr(loc, QT_TRANSLATE_NOOP("Minutes", "Approved minutes"))
        ),
        contents_title=tr(loc, QT_TRANSLATE_NOOP("Minutes", "Contents")) if long else "",
        page_label=loc.translate(QT_TRANSLATE_NOOP("Minutes", "Page {page} of {pages}")),
        draft=record.approval is None,
        mark=tr(loc, QT_TRANSLATE_NOOP("Minutes", "DRAFT")) if record.approval is None else "",
    )


def _facts(record: MeetingRecord, loc: Localizer) -> tuple[tuple[str, str], ...]:
    meeting = record.meeting
    start = meeting.started_at or meeting.starts_at
    when = f"{loc.date(local(meeting.starts_at).date(), long=True)}, {loc.time(start)}"
    if meeting.ended_at is not None:
        when += f"–{loc.time(meeting.ended_at)}"
    pairs = [(tr(loc, QT_TRANSLATE_NOOP("Minutes", "Date")), when)]
    if meeting.place:
        pairs.append((tr(loc, QT_TRANSLATE_NOOP("Minutes", "Place")), meeting.place))
    if meeting.facilitators:
        pairs.append(
            (
                tr(loc, QT_TRANSLATE_NOOP("Minutes", "Facilitated by"), len(meeting.facilitators)),
                ", ".join(meeting.facilitators),
            )
        )
    if meeting.minute_taker:
        pairs.append(
            (tr(loc, QT_TRANSLATE_NOOP("Minutes", "Minutes taken by")), meeting.minute_taker)
        )
    return tuple(pairs)


def _status(record: MeetingRecord, loc: Localizer) -> str:
    if record.approval is None:
        return tr(
            loc,
            QT_TRANSLATE_NOOP(
                "Minutes", "Draft drawn up from the record on {date}; not yet approved."
            ),
            date=loc.date_time(record.generated_at),
        )
    approval = record.approval
    return tr(
        loc,
        QT_TRANSLATE_NOOP(
            "Minutes", 'Approved on {date} by the decision "{decision}" of {meeting}.'
        ),
        date=loc.date(local(approval.approved_at).date()),
        decision=approval.decision_title,
        meeting=approval.meeting_title,
    )


def seal(
    body: Document,
    loc: Localizer,
    sha256: str | None,
    errata: Sequence[ErratumText] = (),
) -> Document:
    """The document an export writes: the body, its errata and a footer with its SHA-256."""
    sections = body.sections
    if errata:
        blocks = tuple(
            Paragraph(
                (
                    Span(
                        tr(
                            loc,
                            QT_TRANSLATE_NOOP("Minutes", "Erratum of {date}: "),
                            date=loc.date(local(e.created_at).date()),
                        )
                        if not e.decision_title
                        else tr(
                            loc,
                            QT_TRANSLATE_NOOP(
                                "Minutes", 'Erratum of {date} (decision "{decision}"): '
                            ),
                            date=loc.date(local(e.created_at).date()),
                            decision=e.decision_title,
                        ),
                        bold=True,
                    ),
                    Span(e.text),
                )
            )
            for e in errata
        )
        note = Paragraph(
            (
                Span(
                    tr(
                        loc,
                        QT_TRANSLATE_NOOP(
                            "Minutes",
                            "Corrections recorded after approval. They are not part of the "
                            "approved text and its SHA-256.",
                        ),
                    ),
                    italic=True,
                ),
            )
        )
        sections = (
            *sections,
            Section("errata", tr(loc, QT_TRANSLATE_NOOP("Minutes", "Errata")), (note, *blocks)),
        )
    footer = body.footer
    if sha256:
        footer = tr(
            loc,
            QT_TRANSLATE_NOOP("Minutes", "{status} · SHA-256 {sha256}"),
            status=body.footer,
            sha256=sha256,
        )
    return dataclasses.replace(body, sections=sections, footer=footer)
