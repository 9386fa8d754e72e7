"""Meeting views: the agenda, the current item with its countdown, the speakers' stack."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from pareconapp.core.meetings import ItemState, TimeboxState, TimerPhase, format_clock
from pareconapp.i18n import translate
from pareconapp.ui.meetings.labels import (
    agenda_kind,
    date_time,
    item_title,
    meeting_status,
    minutes_text,
    turn_kind,
)
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.models import (
    STACK_PREVIEW,
    AgendaModel,
    ItemModel,
    ProjectorSource,
    StackModel,
    build_agenda,
    build_item,
    build_stack,
)
from pareconapp.ui.projector.paint import (
    Canvas,
    Colours,
    Line,
    Row,
    RowStyle,
    band,
    draw_lines,
    draw_rows,
    draw_text,
    header,
    lines_height,
    meter,
    mix,
    title,
)
from pareconapp.ui.projector.views.base import ProjectorView

if TYPE_CHECKING:
    from pareconapp.services.speakers import SpeakerRow

_MARKS = {ItemState.DONE: "✓", ItemState.CURRENT: "▶"}


def clock_text(timer: TimeboxState) -> str:
    """The big number: time left, or ``+m:ss`` over time (counting up)."""
    if timer.phase is TimerPhase.OVERTIME:
        return "+" + format_clock(timer.elapsed - timer.timebox)
    return format_clock(_whole(timer.timebox) - _whole(timer.elapsed))


def _whole(duration: timedelta) -> timedelta:
    """Whole seconds, so the countdown and the facilitator's clock agree."""
    return timedelta(seconds=int(duration.total_seconds()))


def phase_colour(phase: TimerPhase, colours: Colours) -> QColor:
    """The clock's colour in each phase (the warning and overtime colours stand out)."""
    return {
        TimerPhase.NOT_STARTED: colours.foreground,
        TimerPhase.RUNNING: colours.foreground,
        TimerPhase.WARNING: colours.warning,
        TimerPhase.OVERTIME: colours.overtime,
    }[phase]


def clock_note(timer: TimeboxState) -> str:
    """The line under the countdown: the timebox, the warning, or how far over time."""
    box = format_clock(timer.timebox)
    if timer.phase is TimerPhase.OVERTIME:
        note = translate("Projector", "Over time · timebox {box}").format(box=box)
    elif timer.phase is TimerPhase.WARNING:
        note = translate("Projector", "Time to wrap up")
    elif timer.phase is TimerPhase.NOT_STARTED:
        note = translate("Projector", "Timebox {box} · not started").format(box=box)
    else:
        note = translate("Projector", "left of {box}").format(box=box)
    if not timer.running and timer.phase is not TimerPhase.NOT_STARTED:
        note += " · " + translate("Projector", "paused")
    return note


def _turn(row: SpeakerRow) -> str:
    return turn_kind(row.kind)


class AgendaView(ProjectorView[AgendaModel]):
    """The meeting's title and agenda, the current item highlighted."""

    view_id = follow.AGENDA

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Agenda")

    @classmethod
    def build(cls, source: ProjectorSource) -> AgendaModel | None:
        """The followed meeting's agenda."""
        return build_agenda(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: AgendaModel, page: int) -> None:
        """Header, title, one row per item (as many as fit around the current one)."""
        meeting = model.meeting
        context = [date_time(meeting.starts_at)]
        if meeting.place:
            context.append(meeting.place)
        context.append(meeting_status(meeting.status))
        top = header(painter, canvas, " · ".join(context), model.assembly_name)
        top = title(painter, canvas, top, meeting.title, 1.9)
        rows = []
        for number, item in enumerate(model.items, start=1):
            style = {
                ItemState.CURRENT: RowStyle.CURRENT,
                ItemState.DONE: RowStyle.DONE,
            }.get(item.state, RowStyle.NORMAL)
            rows.append(
                Row(
                    item_title(item),
                    minutes_text(item.timebox_minutes),
                    style,
                    _MARKS.get(item.state, f"{number}."),
                )
            )
        if not rows:
            draw_text(
                painter,
                QRectF(canvas.content.left(), top, canvas.content.width(), canvas.px(3)),
                translate("Projector", "The agenda is empty."),
                canvas.font(1.2),
                canvas.colours.muted,
            )
            return
        area = QRectF(
            canvas.content.left(), top, canvas.content.width(), canvas.content.bottom() - top
        )
        draw_rows(
            painter,
            canvas,
            area,
            rows,
            focus=model.current_index,
            size=1.2,
            largest=1.6,
            above=lambda n: translate("Projector", "… %n more above", None, n),
            below=lambda n: translate("Projector", "… %n more below", None, n),
        )


class ItemView(ProjectorView[ItemModel]):
    """The current agenda item: its title, a large countdown, and who speaks."""

    view_id = follow.ITEM

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Current item and time")

    @classmethod
    def build(cls, source: ProjectorSource) -> ItemModel | None:
        """The current item of the meeting in session."""
        return build_item(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: ItemModel, page: int) -> None:
        """Title and kind on top; the clock (and, if anyone speaks or waits, the stack)."""
        item = model.item
        top = header(
            painter,
            canvas,
            model.meeting_title,
            translate("Projector", "Item {n} of {total}").format(
                n=model.position, total=model.count
            ),
        )
        top = title(painter, canvas, top, item_title(item), 2.0)
        meta = agenda_kind(item.kind)
        if item.presenter:
            meta += " · " + translate("Projector", "presented by {name}").format(
                name=item.presenter
            )
        content = canvas.content
        top += draw_text(
            painter,
            QRectF(content.left(), top, content.width(), canvas.px(1.5)),
            meta,
            canvas.font(1.0),
            canvas.colours.muted,
            max_lines=1,
        )
        area = QRectF(
            content.left(),
            top + canvas.px(1),
            content.width(),
            content.bottom() - top - canvas.px(1),
        )
        if model.stack is not None:
            gap = area.width() * 0.04
            clock_area = QRectF(area.left(), area.top(), area.width() * 0.6, area.height())
            stack_area = QRectF(
                clock_area.right() + gap,
                area.top(),
                area.right() - clock_area.right() - gap,
                area.height(),
            )
            paint_clock(painter, canvas, clock_area, model.timer)
            paint_stack_glimpse(painter, canvas, stack_area, model.stack)
        else:
            paint_clock(painter, canvas, area, model.timer)


def paint_clock(painter: QPainter, canvas: Canvas, area: QRectF, timer: TimeboxState) -> None:
    """The countdown, a bar of the time used, and the note (with the warning band)."""
    colours = canvas.colours
    colour = phase_colour(timer.phase, colours)
    text = clock_text(timer)
    note_font = canvas.font(1.2, bold=timer.phase in (TimerPhase.WARNING, TimerPhase.OVERTIME))
    note_height = QFontMetricsF(note_font).lineSpacing() * 1.6
    bar_height = canvas.px(0.5)
    clock_room = max(canvas.px(2), area.height() - note_height - bar_height - canvas.px(2))
    size_px = min(clock_room * 0.85, canvas.px(7.5))
    font = canvas.font(1.0, bold=True)
    font.setPixelSize(max(1, int(size_px)))
    metrics = QFontMetricsF(font)
    widest = metrics.horizontalAdvance(text.replace("+", "").rjust(len(text), "0")) * 1.05
    if widest > area.width():
        font.setPixelSize(max(1, int(size_px * area.width() / widest)))
        metrics = QFontMetricsF(font)
    clock_height = metrics.height()
    block = clock_height + canvas.px(0.6) + bar_height + canvas.px(0.8) + note_height
    top = area.top() + max(0.0, (area.height() - block) / 2)
    painter.save()
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(
        QRectF(area.left(), top, area.width(), clock_height),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        text,
    )
    painter.restore()
    top += clock_height + canvas.px(0.6)
    box = timer.timebox.total_seconds()
    share = timer.elapsed.total_seconds() / box if box > 0 else 0.0
    bar = QRectF(area.left() + area.width() * 0.1, top, area.width() * 0.8, bar_height)
    meter(painter, bar, share, colour, mix(colours.background, colours.foreground, 0.15))
    top += bar_height + canvas.px(0.8)
    note = QRectF(area.left(), top, area.width(), note_height)
    note_colour = colours.muted
    if timer.phase in (TimerPhase.WARNING, TimerPhase.OVERTIME):
        metrics = QFontMetricsF(note_font)
        width = min(area.width(), metrics.horizontalAdvance(clock_note(timer)) + canvas.px(2))
        band(
            painter,
            QRectF(area.center().x() - width / 2, top, width, note_height),
            colour,
            canvas.px(0.3),
        )
        note_colour = colours.background
    draw_text(
        painter,
        note,
        clock_note(timer),
        note_font,
        note_colour,
        align=Qt.AlignmentFlag.AlignHCenter,
        valign=Qt.AlignmentFlag.AlignVCenter,
        max_lines=1,
    )


def _spoken(stack: StackModel) -> str:
    spoken = format_clock(timedelta(seconds=int(stack.speaking_seconds)))
    if stack.limit_seconds:
        spoken += " / " + format_clock(timedelta(seconds=stack.limit_seconds))
    return spoken


def paint_stack_glimpse(painter: QPainter, canvas: Canvas, area: QRectF, stack: StackModel) -> None:
    """Who speaks (and for how long) and the next few, in a panel beside the clock."""
    colours = canvas.colours
    lines = [Line(translate("Projector", "Speaking"), 1.0, colours.muted)]
    if stack.current is None:
        lines.append(Line(translate("Projector", "Nobody has the floor"), 1.2))
    else:
        kind = _turn(stack.current)
        lines.append(Line(stack.current.display_name, 1.5, bold=True, lines=2))
        lines.append(
            Line(
                _spoken(stack) + (f" · {kind}" if kind else ""),
                1.2,
                colours.overtime if stack.over_limit else None,
                bold=stack.over_limit,
            )
        )
    if stack.waiting:
        lines.append(Line(translate("Projector", "Next"), 1.0, colours.muted, space_before=0.8))
        for number, row in enumerate(stack.waiting[:STACK_PREVIEW], start=1):
            kind = _turn(row)
            text = f"{number}. {row.display_name}" + (f" · {kind}" if kind else "")
            lines.append(Line(text, 1.15))
        rest = len(stack.waiting) - STACK_PREVIEW
        if rest > 0:
            lines.append(
                Line(translate("Projector", "and %n more", None, rest), 1.0, colours.muted)
            )
    else:
        lines.append(
            Line(translate("Projector", "Nobody is waiting"), 1.0, colours.muted, space_before=0.8)
        )
    pad_x, pad_y = canvas.px(0.9), canvas.px(0.8)
    height = min(area.height(), lines_height(canvas, area.width() - 2 * pad_x, lines) + 2 * pad_y)
    panel = QRectF(area.left(), area.top() + (area.height() - height) / 2, area.width(), height)
    band(painter, panel, colours.panel, canvas.px(0.4))
    draw_lines(painter, canvas, panel.adjusted(pad_x, pad_y, -pad_x, -pad_y), lines)


class StackView(ProjectorView[StackModel]):
    """The speakers' stack: the current speaker with their time, and the queue."""

    view_id = follow.STACK

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Speakers' stack")

    @classmethod
    def build(cls, source: ProjectorSource) -> StackModel | None:
        """The stack of the meeting in session."""
        return build_stack(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: StackModel, page: int) -> None:
        """The speaker in a panel, then the queue in speaking order."""
        colours = canvas.colours
        progressive = translate("Projector", "Progressive stack") if model.progressive else ""
        top = header(painter, canvas, model.meeting_title, progressive)
        top = title(painter, canvas, top, translate("Projector", "Speakers' stack"), 1.8, 1)
        content = canvas.content
        pad_x, pad_y = canvas.px(1.0), canvas.px(0.7)
        clock_width = (content.width() - 2 * pad_x) * 0.34
        left_width = content.width() - 2 * pad_x - clock_width
        left = [Line(translate("Projector", "Speaking now"), 1.0, colours.muted)]
        right: list[Line] = []
        if model.current is None:
            left.append(Line(translate("Projector", "Nobody has the floor"), 1.6))
        else:
            left.append(Line(model.current.display_name, 2.4, bold=True))
            kind = _turn(model.current)
            if kind:
                left.append(Line(kind, 1.15, colours.accent, bold=True))
            colour = colours.overtime if model.over_limit else None
            spoken = format_clock(timedelta(seconds=int(model.speaking_seconds)))
            right.append(Line(spoken, 2.8, colour, bold=True))
            if model.limit_seconds:
                note = translate("Projector", "of {limit}").format(
                    limit=format_clock(timedelta(seconds=model.limit_seconds))
                )
                if model.over_limit:
                    note = translate("Projector", "time is up")
                right.append(Line(note, 1.1, colour or colours.muted, bold=model.over_limit))
        height = max(
            lines_height(canvas, left_width, left), lines_height(canvas, clock_width, right)
        )
        panel = QRectF(content.left(), top, content.width(), height + 2 * pad_y)
        band(painter, panel, colours.panel, canvas.px(0.4))
        inner = panel.adjusted(pad_x, pad_y, -pad_x, -pad_y)
        draw_lines(painter, canvas, QRectF(inner.left(), inner.top(), left_width, height), left)
        right_height = lines_height(canvas, clock_width, right)
        draw_lines(
            painter,
            canvas,
            QRectF(
                inner.right() - clock_width,
                inner.top() + (height - right_height) / 2,
                clock_width,
                right_height,
            ),
            right,
            align=Qt.AlignmentFlag.AlignRight,
        )
        top = panel.bottom() + canvas.px(0.8)
        label = (
            translate("Projector", "Next")
            if model.waiting
            else translate("Projector", "Nobody is waiting")
        )
        top += draw_text(
            painter,
            QRectF(content.left(), top, content.width(), canvas.px(1.5)),
            label,
            canvas.font(1.0),
            colours.muted,
            max_lines=1,
        )
        rows = [
            Row(row.display_name, _turn(row), RowStyle.NORMAL, f"{number}.")
            for number, row in enumerate(model.waiting, start=1)
        ]
        draw_rows(
            painter,
            canvas,
            QRectF(content.left(), top, content.width(), content.bottom() - top),
            rows,
            size=1.2,
            largest=1.5,
            below=lambda n: translate("Projector", "… and %n more", None, n),
        )
