"""One decision in the minutes: text as voted, rule, impact weights, result, votes.

Secret ballots print totals only (never the count of a weight class, which a small class
would give away), plus receipt codes when the decision used them; roll calls print every
member's name and choice; a show of hands prints the totals counted.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from pareconapp.core import wording
from pareconapp.core.decisions import (
    DEFAULT_LEVEL_VALUES,
    Choice,
    ConsensusVote,
    ConsentVote,
    DecisionResult,
    ImpactWeights,
    Outcome,
    RuleKind,
    YesNo,
    describe_rule,
)
from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.exports.document import (
    Block,
    BulletList,
    Callout,
    Chart,
    Facts,
    Label,
    Paragraph,
    Section,
    SectionBuilder,
    Span,
    Table,
    plain,
)
from pareconapp.exports.localize import render
from pareconapp.exports.record import DecisionRecord, RollCallEntry
from pareconapp.exports.rich_text import blocks_from_html
from pareconapp.exports.sections import SectionContext
from pareconapp.store.models import BallotMode, DecisionStatus

IMPACT_LEVELS = {
    "none": QT_TRANSLATE_NOOP("Decisions", "not affected"),
    "low": QT_TRANSLATE_NOOP("Decisions", "low"),
    "medium": QT_TRANSLATE_NOOP("Decisions", "medium"),
    "high": QT_TRANSLATE_NOOP("Decisions", "high"),
}


def decision_section(ctx: SectionContext, record: DecisionRecord) -> Section:
    """The part of the minutes for one decision."""
    row = record.decision
    section = SectionBuilder(
        f"decision-{row.id}",
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Decision: {title}"), title=row.title),
    )
    section.add(_verdict(ctx, record))
    section.add(_facts(ctx, record))
    text = blocks_from_html(row.text)
    if text:
        section.add(Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Proposal as voted"))), *text)
    if row.options and row.rule.kind.chooses_alternative:
        section.add(
            Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Options"))),
            BulletList(tuple(plain(o) for o in row.options)),
        )
    section.add(
        Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "How it was decided"))),
        *(Paragraph(plain(render(ctx.loc, m))) for m in describe_rule(row.rule)),
    )
    if row.weights is not None:
        section.add(*_impact(ctx, record))
    if row.result is not None and row.status is DecisionStatus.CLOSED:
        section.add(*_result(ctx, record, row.result))
    return section.build()


# -- the verdict and the facts -------------------------------------------------------------


def _verdict(ctx: SectionContext, record: DecisionRecord) -> Callout:
    row = record.decision
    if row.status is DecisionStatus.WITHDRAWN:
        text = ctx.tr(
            QT_TRANSLATE_NOOP("Minutes", "WITHDRAWN: {reason}"), reason=row.withdrawn_reason
        )
    elif row.status is not DecisionStatus.CLOSED or row.result is None:
        text = ctx.tr(
            QT_TRANSLATE_NOOP(
                "Minutes", "Not decided: the ballot had not closed when the minutes were made."
            )
        )
    else:
        result = row.result
        if result.outcome is Outcome.PASSED and result.winner:
            text = ctx.tr(wording.CHOSEN, winner=result.winner)
        else:
            text = ctx.tr(wording.OUTCOMES[result.outcome])
    return Callout("outcome", (Span(text, bold=True),))


def _facts(ctx: SectionContext, record: DecisionRecord) -> Facts:
    row = record.decision
    loc = ctx.loc
    pairs = [
        (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Rule")), ctx.tr(wording.RULE_KINDS[row.rule.kind])),
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Ballot")),
            ctx.tr(wording.BALLOT_MODES[row.ballot_mode]),
        ),
    ]
    if row.rule.quorum > 0:
        quorum = ctx.tr(
            QT_TRANSLATE_NOOP("Minutes", "at least {share} of the eligible impact weight present"),
            share=ctx.percent(row.rule.quorum),
        )
    else:
        quorum = ctx.tr(QT_TRANSLATE_NOOP("Minutes", "none"))
    pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Quorum")), quorum))
    if row.opened_at is not None:
        pairs.append(
            (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Ballot opened")), loc.time(row.opened_at))
        )
    if row.closed_at is not None:
        pairs.append(
            (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Ballot closed")), loc.time(row.closed_at))
        )
    attendance = row.attendance
    if attendance is not None:
        share = (
            attendance.present_weight / attendance.eligible_weight
            if attendance.eligible_weight
            else Fraction(0)
        )
        line = ctx.tr(
            QT_TRANSLATE_NOOP(
                "Minutes", "{share} of the impact weight ({present} of {eligible} eligible members)"
            ),
            share=ctx.percent(share),
            present=attendance.present_count,
            eligible=attendance.eligible_count,
        )
        result = row.result
        if result is not None and result.quorum is not None and row.rule.quorum > 0:
            line += " - " + (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "quorum met"))
                if result.quorum.met
                else ctx.tr(QT_TRANSLATE_NOOP("Minutes", "quorum NOT met"))
            )
        pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Present when the ballot opened")), line))
    if row.result is not None:
        pairs.append(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Ballots counted")),
                loc.number(row.result.ballots.head_count),
            )
        )
    return Facts(tuple(pairs))


# -- impact assessment ---------------------------------------------------------------------


def _impact(ctx: SectionContext, record: DecisionRecord) -> list[Block]:
    row = record.decision
    weights = row.weights
    assert weights is not None
    blocks: list[Block] = [Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Impact assessment")))]
    pairs = []
    if row.impact_method:
        method = wording.IMPACT_METHODS.get(row.impact_method)
        pairs.append(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Method")),
                ctx.tr(method) if method else row.impact_method,
            )
        )
    if row.rationale:
        pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Rationale")), row.rationale))
    if weights.floor is not None:
        pairs.append(
            (ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Floor")), _weight_text(ctx, weights.floor))
        )
    if weights.cap is not None:
        pairs.append((ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Cap")), _weight_text(ctx, weights.cap)))
    bounded = sorted(weights.raised_to_floor | weights.lowered_to_cap)
    if bounded:
        pairs.append(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Held at the floor or cap")),
                ", ".join(sorted(ctx.record.member_name(m) for m in bounded)),
            )
        )
    blocks.append(Facts(tuple(pairs)))
    groups = _entered_groups(ctx, record)
    if groups is not None:
        blocks.append(groups)
    blocks.append(_weights_table(ctx, record, weights))
    excluded = sorted(ctx.record.member_name(m) for m in weights.excluded)
    if excluded:
        blocks.append(
            Paragraph(
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP(
                            "Minutes", "Not affected, so not eligible to vote (%n): {names}."
                        ),
                        len(excluded),
                        names=", ".join(excluded),
                    )
                )
            )
        )
    chart = _weights_chart(ctx, weights)
    if chart is not None:
        blocks.append(chart)
    secrecy = row.secrecy or {}
    classes = secrecy.get("classes")
    if row.ballot_mode is BallotMode.SECRET and isinstance(classes, list) and classes:
        blocks.append(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Weight class")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Weight per ballot")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Voters in the class")),
                ),
                tuple(
                    (
                        str(index),
                        _weight_text(ctx, Fraction(str(c.get("weight")))),
                        ctx.loc.number(int(c.get("size", 0))),
                    )
                    for index, c in enumerate(classes, start=1)
                    if isinstance(c, dict)
                ),
                numeric=(False, True, True),
                caption=ctx.tr(
                    QT_TRANSLATE_NOOP(
                        "Minutes",
                        "Secret ballot: weight classes (ballots carry their class's weight)",
                    )
                ),
                key=f"classes-{row.id}",
            )
        )
    if secrecy.get("accepted_small_classes"):
        blocks.append(
            Callout(
                "warning",
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP(
                            "Minutes",
                            "The facilitator accepted weight classes of fewer than three "
                            "voters; their secrecy could not be guaranteed.",
                        )
                    )
                ),
            )
        )
    return blocks


def _entered_groups(ctx: SectionContext, record: DecisionRecord) -> Table | None:
    row = record.decision
    entered = row.impact_input or {}
    groups = entered.get("groups")
    if row.impact_method != "groups" or not isinstance(groups, dict) or not groups:
        return None
    rows = []
    for key, level in groups.items():
        kind, _, ident = str(key).partition(":")
        name = str(key)
        if kind == "council" and ident.isdigit():
            name = ctx.record.councils.get(int(ident), name)
        rows.append((name, _level_text(ctx, str(level))))
    return Table(
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Group")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Impact level")),
        ),
        tuple(sorted(rows)),
        caption=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Impact as assessed per group")),
        key=f"groups-{row.id}",
    )


def _weights_table(
    ctx: SectionContext, record: DecisionRecord, weights: ImpactWeights[int]
) -> Table:
    by_weight: dict[tuple[Fraction, Fraction], list[str]] = defaultdict(list)
    for member, weight in weights.weights.items():
        impact = weights.impacts.get(member, Fraction(0))
        by_weight[(weight, impact)].append(ctx.record.member_name(member))
    rows = []
    for (weight, impact), names in sorted(by_weight.items(), key=lambda kv: (-kv[0][0], -kv[0][1])):
        rows.append(
            (
                _weight_text(ctx, weight),
                _impact_text(ctx, record, impact),
                ctx.tr(
                    QT_TRANSLATE_NOOP("Minutes", "%n: {names}"),
                    len(names),
                    names=", ".join(sorted(names)),
                ),
            )
        )
    return Table(
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Weight each")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Impact")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Members")),
        ),
        tuple(rows),
        numeric=(True, False, False),
        caption=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Voting weights (they sum to 100 %)")),
        key=f"weights-{record.decision.id}",
    )


def _weights_chart(ctx: SectionContext, weights: ImpactWeights[int]) -> Chart | None:
    teams: dict[str, Fraction] = defaultdict(Fraction)
    for member, weight in weights.weights.items():
        info = ctx.record.members.get(member)
        team = info.team if info and info.team else ctx.tr(QT_TRANSLATE_NOOP("Minutes", "no team"))
        teams[team] += weight
    if len(teams) < 2:
        return None
    ordered = sorted(teams.items(), key=lambda kv: (-kv[1], kv[0]))
    return Chart(
        title=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Share of the impact weight by team")),
        categories=tuple(name for name, _ in ordered),
        series=(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "share of impact weight")),),
        values=tuple((round(float(share), 6),) for _, share in ordered),
        labels=tuple((ctx.percent(share),) for _, share in ordered),
    )


def _weight_text(ctx: SectionContext, weight: Fraction) -> str:
    text = ctx.percent(weight, 2)
    return f"{text} ({weight})" if weight.denominator != 1 else text


def _level_text(ctx: SectionContext, level: str) -> str:
    source = IMPACT_LEVELS.get(level)
    return ctx.tr(source) if source else level


def _impact_text(ctx: SectionContext, record: DecisionRecord, impact: Fraction) -> str:
    number = ctx.loc.number(float(impact), 0 if impact.denominator == 1 else 2)
    if record.decision.impact_method in ("levels", "groups", "declared"):
        for level, value in DEFAULT_LEVEL_VALUES.items():
            if value == impact:
                return f"{_level_text(ctx, level.value)} ({number})"
    return number


# -- the result ----------------------------------------------------------------------------


def _result(ctx: SectionContext, record: DecisionRecord, result: DecisionResult) -> list[Block]:
    row = record.decision
    blocks: list[Block] = [Label(ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Result")))]
    blocks.append(_tally_table(ctx, row.id, result))
    blocks.extend(_count_notes(ctx, result))
    chart = _result_chart(ctx, result)
    if chart is not None:
        blocks.append(chart)
    if result.rounds:
        blocks.append(_rounds_table(ctx, row.id, result))
    if result.pairwise is not None:
        blocks.append(_pairwise_table(ctx, row.id, result))
    if row.ballot_mode is BallotMode.ROLL_CALL:
        blocks.extend(_roll_call(ctx, record))
    elif row.ballot_mode is BallotMode.SHOW_OF_HANDS:
        blocks.append(
            Paragraph(
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP(
                            "Minutes",
                            "Counted by a show of hands in each weight class; "
                            "no names were recorded.",
                        )
                    )
                )
            )
        )
    else:
        blocks.append(
            Paragraph(
                plain(
                    ctx.tr(
                        QT_TRANSLATE_NOOP(
                            "Minutes", "Secret ballot: the minutes give the totals only."
                        )
                    )
                )
            )
        )
    if record.receipts:
        by_choice: dict[str, list[str]] = defaultdict(list)
        for code, text in record.receipts:
            by_choice[choice_label(ctx, text)].append(code)
        blocks.append(
            Table(
                (
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Choice recorded")),
                    ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Receipt codes")),
                ),
                tuple(
                    (choice, " ".join(sorted(codes)))
                    for choice, codes in sorted(by_choice.items(), key=lambda kv: kv[0])
                ),
                caption=ctx.tr(
                    QT_TRANSLATE_NOOP(
                        "Minutes",
                        "Receipt codes by the choice each ballot recorded: every voter can "
                        "check that their ballot was counted as cast",
                    )
                ),
                key=f"receipts-{row.id}",
            )
        )
    return blocks


def choice_label(ctx: SectionContext, option: str) -> str:
    """A yes/no/stance choice in words; alternatives as they are named."""
    source = wording.CHOICES.get(option)
    return ctx.tr(source) if source else option


def _tally_table(ctx: SectionContext, decision_id: int, result: DecisionResult) -> Table:
    total = sum((c.weight for c in result.counts), Fraction(0)) or Fraction(1)
    rows = tuple(
        (
            choice_label(ctx, c.option),
            _weight_text(ctx, c.weight),
            ctx.percent(c.weight / total),
            ctx.loc.number(c.head_count),
        )
        for c in result.counts
    )
    heading = (
        ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Option"))
        if result.rule.kind.chooses_alternative
        else ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Choice"))
    )
    caption = ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Weighted tally and head count"))
    if result.rule.kind is RuleKind.APPROVAL:
        caption = ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Approvals: weighted tally and head count"))
    elif result.rule.kind.is_ranked:
        caption = ctx.tr(
            QT_TRANSLATE_NOOP("Minutes", "First preferences: weighted tally and head count")
        )
    return Table(
        (
            heading,
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Weight (of all eligible)")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Share of the weight cast")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Head count")),
        ),
        rows,
        numeric=(False, True, True, True),
        caption=caption,
        key=f"tally-{decision_id}",
    )


def _count_notes(ctx: SectionContext, result: DecisionResult) -> list[Block]:
    lines: list[str] = []
    if result.abstentions.head_count:
        lines.append(
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "Abstentions: {n} ({share} of the weight cast)."),
                n=ctx.loc.number(result.abstentions.head_count),
                share=ctx.percent(result.abstentions.weight / (result.ballots.weight or 1)),
            )
        )
    if result.counted is not None and result.required_weight is not None:
        lines.append(
            ctx.tr(
                QT_TRANSLATE_NOOP(
                    "Minutes", "Weight counted: {counted}; yes weight needed to pass: {needed}."
                ),
                counted=ctx.percent(result.counted.weight),
                needed=(
                    ctx.tr(
                        QT_TRANSLATE_NOOP("Minutes", "more than {share}"),
                        share=ctx.percent(result.required_weight),
                    )
                    if result.rule.kind is RuleKind.SIMPLE_MAJORITY
                    else ctx.percent(result.required_weight)
                ),
            )
        )
    for tie in result.ties:
        how = (
            ", ".join(tie.chosen)
            if tie.chosen
            else ctx.tr(QT_TRANSLATE_NOOP("Minutes", "none chosen"))
        )
        if not tie.resolved:
            how = ctx.tr(QT_TRANSLATE_NOOP("Minutes", "not yet decided"))
        lines.append(
            ctx.tr(
                QT_TRANSLATE_NOOP("Minutes", "Tie between {options}: {how}."),
                options=", ".join(choice_label(ctx, o) for o in tie.tied),
                how=how,
            )
        )
    blocks: list[Block] = [Paragraph(plain(line)) for line in lines]
    items = [
        (
            Span(
                ctx.tr(
                    QT_TRANSLATE_NOOP("Minutes", "Block ({share} of the weight): "),
                    share=ctx.percent(b.weight),
                ),
                bold=True,
            ),
            Span(b.reason),
        )
        for b in result.blocks
    ]
    rulings = {
        True: QT_TRANSLATE_NOOP("Minutes", "upheld"),
        False: QT_TRANSLATE_NOOP("Minutes", "not upheld"),
        None: QT_TRANSLATE_NOOP("Minutes", "not yet ruled on"),
    }
    items += [
        (
            Span(
                ctx.tr(
                    QT_TRANSLATE_NOOP("Minutes", "Objection ({share} of the weight, {ruling}): "),
                    share=ctx.percent(o.weight),
                    ruling=ctx.tr(rulings[o.upheld]),
                ),
                bold=True,
            ),
            Span(o.reason),
        )
        for o in result.objections
    ]
    if items:
        blocks.append(BulletList(tuple(items)))
    return blocks


def _result_chart(ctx: SectionContext, result: DecisionResult) -> Chart | None:
    counts = [c for c in result.counts if c.option != "abstain" or c.head_count]
    if not counts:
        return None
    total_weight = sum((c.weight for c in counts), Fraction(0)) or Fraction(1)
    total_heads = sum(c.head_count for c in counts) or 1
    marker = None
    if result.required_weight is not None:
        marker = round(float(result.required_weight / total_weight), 6)
    return Chart(
        title=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Result: share of the weight and of the heads")),
        categories=tuple(choice_label(ctx, c.option) for c in counts),
        series=(
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "share of impact weight")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "share of heads")),
        ),
        values=tuple(
            (round(float(c.weight / total_weight), 6), round(c.head_count / total_heads, 6))
            for c in counts
        ),
        labels=tuple(
            (ctx.percent(c.weight / total_weight), ctx.loc.number(c.head_count)) for c in counts
        ),
        highlight=tuple(i for i, c in enumerate(counts) if c.option == result.winner),
        marker=marker,
        marker_label=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "needed to pass"))
        if marker is not None
        else "",
    )


def _rounds_table(ctx: SectionContext, decision_id: int, result: DecisionResult) -> Table:
    options = list(result.options)
    rows = []
    for runoff in result.rounds:
        totals = {t.option: t for t in runoff.totals}
        cells = [ctx.loc.number(runoff.number)]
        for option in options:
            total = totals.get(option)
            cells.append(
                ""
                if total is None
                else f"{ctx.percent(total.weight)} ({ctx.loc.number(total.head_count)})"
            )
        cells.append(ctx.loc.number(runoff.exhausted.head_count))
        cells.append(", ".join(runoff.eliminated))
        rows.append(tuple(cells))
    return Table(
        (
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Round")),
            *options,
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Exhausted")),
            ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Eliminated")),
        ),
        tuple(rows),
        numeric=(True, *(True for _ in options), True, False),
        caption=ctx.tr(
            QT_TRANSLATE_NOOP("Minutes", "Instant-runoff rounds: weight (ballots) per option")
        ),
        key=f"rounds-{decision_id}",
    )


def _pairwise_table(ctx: SectionContext, decision_id: int, result: DecisionResult) -> Table:
    pairwise = result.pairwise
    assert pairwise is not None
    rows = []
    for i, option in enumerate(pairwise.options):
        cells = [ctx.tr(QT_TRANSLATE_NOOP("Minutes", "{option} over…"), option=option)]
        for j in range(len(pairwise.options)):
            if i == j:
                cells.append("-")
            else:
                cells.append(
                    f"{ctx.percent(pairwise.preferences[i][j])} / "
                    f"{ctx.percent(pairwise.strongest_paths[i][j])}"
                )
        rows.append(tuple(cells))
    return Table(
        ("", *pairwise.options),
        tuple(rows),
        numeric=(False, *(True for _ in pairwise.options)),
        caption=ctx.tr(
            QT_TRANSLATE_NOOP(
                "Minutes",
                "Schulze method: weight preferring the row's option to the column's / "
                "strength of the strongest path",
            )
        ),
        key=f"pairwise-{decision_id}",
    )


# -- roll calls ------------------------------------------------------------------------------


def choice_words(ctx: SectionContext, choice: Choice) -> tuple[str, str]:
    """A member's open vote in words, and the reason they gave (if any)."""
    if isinstance(choice, YesNo):
        return choice_label(ctx, choice.value), ""
    if isinstance(choice, ConsensusVote | ConsentVote):
        return choice_label(ctx, choice.stance.value), choice.reason
    abstain = choice_label(ctx, "abstain")
    if choice is None:
        return abstain, ""
    if isinstance(choice, str):
        return choice, ""
    if isinstance(choice, frozenset):
        return (", ".join(sorted(choice)) or abstain), ""
    return (" > ".join(choice) or abstain), ""


def _roll_call(ctx: SectionContext, record: DecisionRecord) -> list[Block]:
    by_choice: dict[str, list[str]] = defaultdict(list)
    reasons: list[tuple[str, str, str]] = []
    for entry in record.roll_call:
        words, reason = choice_words(ctx, entry.choice)
        by_choice[words].append(entry.name)
        if reason:
            reasons.append((entry.name, words, reason))
    rows = tuple(
        (
            words,
            ctx.loc.number(len(names)),
            ", ".join(sorted(names)),
        )
        for words, names in sorted(by_choice.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    blocks: list[Block] = [
        Table(
            (
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Choice")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Votes")),
                ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Members")),
            ),
            rows,
            numeric=(False, True, False),
            caption=ctx.tr(QT_TRANSLATE_NOOP("Minutes", "Roll call: how each member voted")),
            key=f"roll-call-{record.decision.id}",
        )
    ]
    if reasons:
        blocks.append(
            BulletList(
                tuple(
                    (Span(f"{name} ({words}): ", bold=True), Span(reason))
                    for name, words, reason in sorted(reasons)
                )
            )
        )
    return blocks


def roll_call_sorted(entries: tuple[RollCallEntry, ...]) -> list[RollCallEntry]:
    """Roll-call entries by member name (for the CSV of votes)."""
    return sorted(entries, key=lambda e: (e.name.lower(), e.member_id))
