"""The records the CSV export writes: decisions, votes and action items.

CSV is for spreadsheets and other programs, so its values are not localised: ISO dates and
times, exact weights as fractions (``"3/16"``) beside decimal shares with a point, choices by
their stored names (``yes``, ``stand_aside``, an option's name) and column names that stay
the same in every language.
"""

from __future__ import annotations

from fractions import Fraction

from pareconapp.core.decisions import choice_to_json
from pareconapp.exports.builders.decision import roll_call_sorted
from pareconapp.exports.document import Dataset
from pareconapp.exports.record import DecisionRecord
from pareconapp.exports.sections import SectionContext

DECISION_COLUMNS = (
    "decision_id",
    "title",
    "agenda_item",
    "rule",
    "threshold",
    "quorum",
    "ballot",
    "status",
    "outcome",
    "winner",
    "ballots",
    "weight_present",
    "members_present",
    "members_eligible",
    "opened_at",
    "closed_at",
)
VOTE_COLUMNS = (
    "decision_id",
    "decision",
    "record",
    "member",
    "receipt",
    "choice",
    "reason",
    "weight",
    "share",
    "head_count",
)
ACTION_COLUMNS = (
    "action_id",
    "description",
    "owner",
    "due_on",
    "status",
    "overdue",
    "meeting",
    "agenda_item",
    "carried_from_earlier",
)


def _share(value: Fraction) -> str:
    return f"{float(value):.6f}"


def _iso(value: object) -> str:
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else ""


def decision_datasets(ctx: SectionContext) -> list[Dataset]:
    """One row per decision, and one per tallied choice and per open vote."""
    items = {item.id: item.title for item in ctx.record.items}
    decisions = []
    votes: list[tuple[str, ...]] = []
    for record in ctx.record.decisions:
        decisions.append(_decision_row(record, items))
        votes.extend(_vote_rows(record))
    return [
        Dataset("decisions", DECISION_COLUMNS, tuple(decisions)),
        Dataset("votes", VOTE_COLUMNS, tuple(votes)),
    ]


def _decision_row(record: DecisionRecord, items: dict[int, str]) -> tuple[str, ...]:
    row = record.decision
    result = row.result
    attendance = row.attendance
    return (
        str(row.id),
        row.title,
        items.get(row.agenda_item_id, "") if row.agenda_item_id else "",
        row.rule.kind.value,
        "" if row.rule.threshold is None else str(row.rule.threshold),
        str(row.rule.quorum),
        row.ballot_mode.value,
        row.status.value,
        result.outcome.value if result else "",
        (result.winner or "") if result else "",
        str(result.ballots.head_count) if result else "",
        _share(attendance.present_weight / attendance.eligible_weight)
        if attendance and attendance.eligible_weight
        else "",
        str(attendance.present_count) if attendance else "",
        str(attendance.eligible_count) if attendance else "",
        _iso(row.opened_at),
        _iso(row.closed_at),
    )


def _vote_rows(record: DecisionRecord) -> list[tuple[str, ...]]:
    row = record.decision
    result = row.result
    if result is None:
        return []
    total = sum((c.weight for c in result.counts), Fraction(0)) or Fraction(1)
    rows: list[tuple[str, ...]] = [
        (
            str(row.id),
            row.title,
            "total",
            "",
            "",
            count.option,
            "",
            str(count.weight),
            _share(count.weight / total),
            str(count.head_count),
        )
        for count in result.counts
    ]
    for entry in roll_call_sorted(record.roll_call):
        data = choice_to_json(row.rule.kind, entry.choice)
        reason = ""
        if isinstance(data, dict):
            reason = str(data.get("reason", ""))
            data = data.get("stance")
        if isinstance(data, list):
            data = (
                " > ".join(str(d) for d in data)
                if row.rule.kind.is_ranked
                else ", ".join(str(d) for d in data)
            )
        rows.append(
            (
                str(row.id),
                row.title,
                "roll_call",
                entry.name,
                "",
                "abstain" if data is None else str(data),
                reason,
                str(entry.weight),
                _share(entry.weight),
                "1",
            )
        )
    rows.extend(
        (str(row.id), row.title, "receipt", "", code, choice, "", "", "", "1")
        for code, choice in record.receipts
    )
    return rows


def action_datasets(ctx: SectionContext) -> list[Dataset]:
    """One row per action item agreed at the meeting or carried open from earlier ones."""
    items = {item.id: item.title for item in ctx.record.items}
    rows = [
        (
            str(a.id),
            a.description,
            a.owner,
            _iso(a.due_on),
            a.status.value,
            "yes" if a.overdue else "no",
            a.meeting_title,
            items.get(a.agenda_item_id, a.agenda_item_title) if a.agenda_item_id else "",
            "yes" if carried else "no",
        )
        for carried, actions in ((False, ctx.record.actions), (True, ctx.record.open_earlier))
        for a in actions
    ]
    return [Dataset("actions", ACTION_COLUMNS, tuple(rows))]
