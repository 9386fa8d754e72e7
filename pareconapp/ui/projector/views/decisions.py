"""Decision views: the proposal, its impact weights, the ballot's progress, the result.

None of these views ever receives a choice: their models come from
:mod:`pareconapp.ui.projector.models`, which reads only the decision's row, the ballot's
progress counts and, once the ballot has closed, its stored result.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from pareconapp.core.decision_states import BallotMode, DecisionStatus
from pareconapp.core.decisions import Outcome
from pareconapp.core.decisions.impact import ImpactLevel
from pareconapp.i18n import translate
from pareconapp.ui.charts import BarChartData, paint_bar_chart
from pareconapp.ui.decisions.labels import (
    ballot_mode,
    choice_name,
    level_name,
    outcome,
    percent,
    rule_kind,
    rule_sentences,
    status,
)
from pareconapp.ui.decisions.results import result_chart
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.models import (
    ProgressModel,
    ProjectorSource,
    ProposalModel,
    ResultModel,
    WeightsModel,
    build_progress,
    build_proposal,
    build_result,
    build_weights,
)
from pareconapp.ui.projector.paint import (
    Canvas,
    band,
    draw_text,
    header,
    header_height,
    meter,
    mix,
    title,
    title_height,
)
from pareconapp.ui.projector.views.base import ProjectorView

_CLEARED = (
    QTextFormat.Property.FontPointSize,
    QTextFormat.Property.FontPixelSize,
    QTextFormat.Property.FontFamilies,
    QTextFormat.Property.ForegroundBrush,
    QTextFormat.Property.BackgroundBrush,
)
"""Character properties of stored rich text the projector replaces with its own."""
TEXT_SIZE = 1.2
"""The proposal's text, in body units: the main thing on screen, a little larger."""


def _remaining(canvas: Canvas, top: float) -> QRectF:
    content = canvas.content
    return QRectF(content.left(), top, content.width(), max(0.0, content.bottom() - top))


class ProposalView(ProjectorView[ProposalModel]):
    """The proposal's text, its options and the rule, paged when it is long."""

    view_id = follow.PROPOSAL

    def __init__(self) -> None:
        self._cached: tuple[object, QTextDocument] | None = None

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Proposal")

    @classmethod
    def build(cls, source: ProjectorSource) -> ProposalModel | None:
        """The proposal in focus."""
        return build_proposal(source)

    def _layout(self, canvas: Canvas, model: ProposalModel) -> tuple[float, QTextDocument]:
        """The top of the text area and the document laid out in pages that fit it."""
        top = canvas.content.top() + header_height(canvas) + title_height(canvas, model.title)
        area = _remaining(canvas, top)
        key = (model, area.width(), area.height(), canvas.unit, canvas.colours.muted.name())
        if self._cached is None or self._cached[0] != key:
            self._cached = (key, _document(canvas, model, area.size()))
        return top, self._cached[1]

    def pages(self, canvas: Canvas, model: ProposalModel) -> int:
        """Pages of text at this size."""
        return max(1, self._layout(canvas, model)[1].pageCount())

    def paint(self, painter: QPainter, canvas: Canvas, model: ProposalModel, page: int) -> None:
        """Title, then one page of the text with the options and the rule at its end."""
        top, document = self._layout(canvas, model)
        count = max(1, document.pageCount())
        page = max(0, min(page, count - 1))
        right = (
            translate("Projector", "Page {n} of {total}").format(n=page + 1, total=count)
            if count > 1
            else ""
        )
        context = translate("Projector", "Proposal") + " · " + status(model.status)
        after_header = header(painter, canvas, context, right)
        title(painter, canvas, after_header, model.title)
        area = _remaining(canvas, top)
        height = document.pageSize().height()
        painter.save()
        painter.translate(area.left(), area.top() - page * height)
        clip = QRectF(0, page * height, area.width(), height)
        painter.setClipRect(clip)
        context_paint = QAbstractTextDocumentLayout.PaintContext()
        context_paint.clip = clip
        context_paint.palette.setColor(QPalette.ColorRole.Text, canvas.colours.foreground)
        document.documentLayout().draw(painter, context_paint)
        painter.restore()


def _document(canvas: Canvas, model: ProposalModel, size: QSizeF) -> QTextDocument:
    """The proposal's rich text in the projector's font, its options, then the rule (muted)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(canvas.font(TEXT_SIZE))
    document.setHtml(model.text or "")
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    if model.options:
        if document.toPlainText().strip():
            cursor.insertBlock()
        items = "".join(f"<li>{escape(option)}</li>" for option in model.options)
        cursor.insertHtml(
            f"<p><b>{escape(translate('Projector', 'Options'))}</b></p><ol>{items}</ol>"
        )
    if document.toPlainText().strip():
        cursor.insertBlock()
    start = cursor.position()
    rule = " ".join(escape(sentence) for sentence in rule_sentences(model.rule))
    cursor.insertHtml(
        f"<b>{escape(translate('Projector', 'Rule'))}:</b> {rule}<br>"
        f"{escape(ballot_mode(model.ballot_mode))}"
    )
    _plain_fonts(document)
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    note = QTextCharFormat()
    note.setForeground(canvas.colours.muted)
    note.setProperty(QTextFormat.Property.FontPixelSize, round(canvas.px(1.0)))
    cursor.mergeCharFormat(note)
    _space_blocks(document, canvas.px(0.5))
    document.setTextWidth(size.width())
    document.setPageSize(QSizeF(size.width(), max(canvas.px(2), size.height())))
    return document


def _plain_fonts(document: QTextDocument) -> None:
    """Drop stored font sizes, families and colours, keeping bold, italic and headings."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        for span in block.textFormats():
            fmt = span.format
            if any(fmt.hasProperty(p) for p in _CLEARED):
                for prop in _CLEARED:
                    fmt.clearProperty(prop)
                cursor.setPosition(block.position() + span.start)
                cursor.setPosition(
                    block.position() + span.start + span.length, QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(fmt)
        block = block.next()


def _space_blocks(document: QTextDocument, space: float) -> None:
    """Space between paragraphs, so the text reads as paragraphs from afar."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    spacing = QTextBlockFormat()
    spacing.setBottomMargin(space)
    spacing.setTopMargin(0)
    cursor.mergeBlockFormat(spacing)


class WeightsView(ProjectorView[WeightsModel]):
    """Impact weights by team: a bar chart, the levels, and the rationale."""

    view_id = follow.WEIGHTS

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Impact weights")

    @classmethod
    def build(cls, source: ProjectorSource) -> WeightsModel | None:
        """The weights of the decision in focus."""
        return build_weights(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: WeightsModel, page: int) -> None:
        """Summary line, chart of each team's share, rationale."""
        colours = canvas.colours
        context = translate("Projector", "Impact weights") + " · " + status(model.status)
        top = header(painter, canvas, context)
        top = title(painter, canvas, top, model.title, 1.6, 2)
        area = _remaining(canvas, top)
        if not model.assessed:
            draw_text(
                painter,
                area,
                translate("Projector", "The impact has not been assessed yet."),
                canvas.font(1.3),
                colours.muted,
            )
            return
        summary = translate("Projector", "Members voting: %n", None, model.voters)
        if model.not_affected:
            summary += " · " + translate("Projector", "not affected: %n", None, model.not_affected)
        if model.floor is not None:
            summary += " · " + translate("Projector", "floor {share}").format(
                share=percent(model.floor)
            )
        if model.cap is not None:
            summary += " · " + translate("Projector", "cap {share}").format(
                share=percent(model.cap)
            )
        top += draw_text(painter, area, summary, canvas.font(1.0), colours.muted, max_lines=2)
        top += canvas.px(0.5)
        area = _remaining(canvas, top)
        rationale = (
            translate("Projector", "Why: {rationale}").format(rationale=model.rationale)
            if model.rationale
            else ""
        )
        rationale_room = min(area.height() * 0.34, canvas.px(1.0) * 1.25 * 4) if rationale else 0
        rows = len(model.groups)
        chart_height = min(area.height() - rationale_room, canvas.px(3.0) * max(1, rows))
        if model.groups:
            largest = max(float(g.weight) for g in model.groups) or 1.0
            paint_bar_chart(
                painter,
                QRectF(area.left(), area.top(), area.width(), chart_height),
                BarChartData(
                    categories=tuple(_group_name(g.name, g.level) for g in model.groups),
                    series=(translate("Projector", "share of the impact weight"),),
                    values=tuple((float(g.weight),) for g in model.groups),
                    labels=tuple(
                        (
                            percent(g.weight)
                            + " · "
                            + translate("Projector", "%n voting", None, g.voters),
                        )
                        for g in model.groups
                    ),
                    maximum=largest,
                ),
                colours.foreground,
                canvas.font(1.1),
            )
        if rationale:
            draw_text(
                painter,
                QRectF(
                    area.left(),
                    area.top() + chart_height + canvas.px(0.6),
                    area.width(),
                    area.height() - chart_height - canvas.px(0.6),
                ),
                rationale,
                canvas.font(1.0),
                colours.foreground,
            )


def _group_name(name: str, level: str | None) -> str:
    label = name or translate("Projector", "No team")
    if level in {item.value for item in ImpactLevel}:
        label += f" ({level_name(ImpactLevel(level))})"
    return label


class ProgressView(ProjectorView[ProgressModel]):
    """How far the ballot is: ballots cast of eligible and the share of weight voted."""

    view_id = follow.PROGRESS

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Ballot progress")

    @classmethod
    def build(cls, source: ProjectorSource) -> ProgressModel | None:
        """The progress of the ballot in focus (counts only)."""
        return build_progress(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: ProgressModel, page: int) -> None:
        """A large count, two bars, and what happens next."""
        colours = canvas.colours
        context = translate("Projector", "Ballot") + " · " + ballot_mode(model.ballot_mode)
        top = header(painter, canvas, context, status(model.status))
        top = title(painter, canvas, top, model.title, 1.6, 2)
        area = _remaining(canvas, top)
        if model.status not in (DecisionStatus.OPEN, DecisionStatus.CLOSED):
            draw_text(
                painter,
                area,
                translate("Projector", "The ballot has not opened yet."),
                canvas.font(1.3),
                colours.muted,
            )
            return
        count = translate("Projector", "{cast} of {eligible}").format(
            cast=model.cast, eligible=model.eligible
        )
        count_height = min(canvas.px(4.2) * 1.2, area.height() * 0.32)
        draw_text(
            painter,
            QRectF(area.left(), area.top(), area.width(), count_height),
            count,
            canvas.font(4.2, bold=True),
            colours.accent,
            align=Qt.AlignmentFlag.AlignHCenter,
            max_lines=1,
            shrink=0.4,
        )
        top = area.top() + count_height
        voted = (
            translate("Projector", "have voted")
            if model.ballot_mode is not BallotMode.SHOW_OF_HANDS
            else translate("Projector", "hands counted")
        )
        top += draw_text(
            painter,
            QRectF(area.left(), top, area.width(), canvas.px(2)),
            voted,
            canvas.font(1.3),
            colours.foreground,
            align=Qt.AlignmentFlag.AlignHCenter,
            max_lines=1,
        )
        top += canvas.px(1)
        bars = [(translate("Projector", "Ballots cast"), model.cast / (model.eligible or 1))]
        if model.ballot_mode is not BallotMode.SHOW_OF_HANDS:
            bars.append(
                (
                    translate("Projector", "Share of the impact weight voted"),
                    float(model.weight_cast),
                )
            )
        track = mix(colours.background, colours.foreground, 0.15)
        left = area.left() + area.width() * 0.08
        width = area.width() * 0.84
        for label, share in bars:
            line = QFontMetricsF(canvas.font(1.1)).lineSpacing()
            if top + line + canvas.px(0.7) > canvas.content.bottom():
                break
            draw_text(
                painter,
                QRectF(left, top, width * 0.75, line),
                label,
                canvas.font(1.1),
                colours.foreground,
                max_lines=1,
            )
            draw_text(
                painter,
                QRectF(left + width * 0.75, top, width * 0.25, line),
                percent(share),
                canvas.font(1.1, bold=True),
                colours.foreground,
                align=Qt.AlignmentFlag.AlignRight,
                max_lines=1,
            )
            top += line + canvas.px(0.2)
            meter(painter, QRectF(left, top, width, canvas.px(0.6)), share, colours.accent, track)
            top += canvas.px(1.4)
        if model.status is DecisionStatus.OPEN:
            note = translate(
                "Projector",
                "Choices stay secret until the ballot closes; then the result is shown.",
            )
        else:
            note = translate("Projector", "The ballot is closed.")
        draw_text(
            painter,
            QRectF(area.left(), top, area.width(), canvas.content.bottom() - top),
            note,
            canvas.font(1.0),
            colours.muted,
            align=Qt.AlignmentFlag.AlignHCenter,
        )


class ResultView(ProjectorView[ResultModel]):
    """The result: pass or fail, weighted and head-count bars, quorum."""

    view_id = follow.RESULT

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Result")

    @classmethod
    def build(cls, source: ProjectorSource) -> ResultModel | None:
        """The result of the decision in focus (only once closed)."""
        return build_result(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: ResultModel, page: int) -> None:
        """Outcome banner, the chart, then the facts the minutes record."""
        colours = canvas.colours
        result = model.result
        kind = rule_kind(result.rule.kind) if result else status(model.status)
        top = header(painter, canvas, translate("Projector", "Result") + " · " + kind)
        top = title(painter, canvas, top, model.title, 1.6, 2)
        area = _remaining(canvas, top)
        if result is None:
            draw_text(
                painter,
                area,
                translate("Projector", "The result is shown when the ballot closes."),
                canvas.font(1.3),
                colours.muted,
            )
            return
        banner_font = canvas.font(1.5, bold=True)
        banner_height = QFontMetricsF(banner_font).lineSpacing() * 1.5
        colour = {
            Outcome.PASSED: colours.passed,
            Outcome.FAILED: colours.failed,
        }.get(result.outcome, colours.warning)
        banner = QRectF(area.left(), area.top(), area.width(), banner_height)
        band(painter, banner, colour, canvas.px(0.3))
        winner = choice_name(result.winner) if result.winner else None
        draw_text(
            painter,
            banner.adjusted(canvas.px(0.8), 0, -canvas.px(0.8), 0),
            outcome(result.outcome, winner),
            banner_font,
            colours.background,
            valign=Qt.AlignmentFlag.AlignVCenter,
            max_lines=1,
            shrink=0.7,
        )
        top = banner.bottom() + canvas.px(0.8)
        facts = _facts(model)
        facts_height = min(canvas.px(1.0) * 1.2 * 4, (canvas.content.bottom() - top) * 0.4)
        data = result_chart(
            result,
            translate("Projector", "share of impact weight"),
            translate("Projector", "head count"),
        )
        rows = len(data.categories)
        chart_height = min(
            canvas.content.bottom() - top - facts_height - canvas.px(0.5),
            canvas.px(1.8) * (2 * rows + 1.5),
        )
        if rows:
            paint_bar_chart(
                painter,
                QRectF(area.left(), top, area.width(), chart_height),
                data,
                colours.foreground,
                canvas.font(1.1),
            )
        draw_text(
            painter,
            QRectF(
                area.left(),
                top + chart_height + canvas.px(0.5),
                area.width(),
                canvas.content.bottom() - top - chart_height - canvas.px(0.5),
            ),
            facts,
            canvas.font(1.0),
            colours.muted,
        )


def _facts(model: ResultModel) -> str:
    """Ballots counted and the quorum, in one or two lines."""
    result = model.result
    assert result is not None
    parts = [translate("Projector", "Ballots counted: %n", None, result.ballots.head_count)]
    quorum = result.quorum
    if quorum is not None:
        attendance = quorum.attendance
        present = attendance.present_weight / (attendance.eligible_weight or 1)
        parts.append(
            translate("Projector", "{share} of the impact weight present").format(
                share=percent(present)
            )
        )
        if quorum.required_share:
            verdict = (
                translate("Projector", "quorum of {needed} met")
                if quorum.met
                else translate("Projector", "quorum of {needed} NOT met")
            )
            parts.append(verdict.format(needed=percent(quorum.required_share)))
    if result.abstentions.head_count:
        parts.append(translate("Projector", "abstentions: %n", None, result.abstentions.head_count))
    if model.accepted_small_classes:
        parts.append(translate("Projector", "small weight classes accepted"))
    sentences = rule_sentences(result.rule)
    return " · ".join(parts) + ("\n" + sentences[0] if sentences else "")
