"""Painting helpers shared by the projector views: sizes that scale, text that never clips.

Everything the room sees is painted into a :class:`Canvas` - a rectangle with a text unit
derived from its size (:data:`BODY_PX_AT_1080` at 1920x1080, proportionally more or less on
other screens) and the theme's :class:`Colours`. Text is wrapped, shrunk a little if a title
is long, and elided as a last resort, so nothing is cut off at 1024x768 or at 4K.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

if TYPE_CHECKING:
    from collections.abc import Callable

BODY_PX_AT_1080 = 32
"""Body text in pixels on a 1920x1080 screen (the room needs at least 28)."""
REFERENCE = (1500.0, 1080.0)
"""The canvas size at which text has its reference size; narrower screens scale by width."""
MIN_BODY_PX = 9.0
TITLE_SHRINK = 0.75
"""A long title may shrink to this share of its size before it is elided."""
ROW_SPACING = 1.55
"""A list row is this many lines of its font high."""


@dataclass(frozen=True)
class Colours:
    """The theme's colours (set in ``resources/themes/projector-*.qss``)."""

    background: QColor
    foreground: QColor
    muted: QColor
    accent: QColor
    warning: QColor
    overtime: QColor
    passed: QColor
    failed: QColor
    panel: QColor
    blank: QColor

    @classmethod
    def default(cls) -> Colours:
        """The light theme's colours, for painting without a styled widget."""
        return cls(
            QColor("#ffffff"),
            QColor("#111820"),
            QColor("#4a5561"),
            QColor("#1d6f5f"),
            QColor("#9a5b00"),
            QColor("#b00020"),
            QColor("#0f6a43"),
            QColor("#a3122a"),
            QColor("#eef2f4"),
            QColor("#000000"),
        )


class Canvas:
    """A rectangle to paint a view in, with text sizes and margins scaled to it."""

    def __init__(self, rect: QRectF, colours: Colours, font: QFont) -> None:
        self.rect = QRectF(rect)
        self.colours = colours
        self.base_font = QFont(font)
        scale = min(rect.width() / REFERENCE[0], rect.height() / REFERENCE[1])
        self.unit = max(MIN_BODY_PX, round(BODY_PX_AT_1080 * scale))
        """The body text size in pixels; every other size is a multiple of it."""
        margin_x = max(self.unit, rect.width() * 0.045)
        margin_y = max(self.unit * 0.8, rect.height() * 0.05)
        self.content = rect.adjusted(margin_x, margin_y, -margin_x, -margin_y)
        """The area inside the margins."""

    def font(self, size: float = 1.0, bold: bool = False) -> QFont:
        """The theme's font at ``size`` body units."""
        font = QFont(self.base_font)
        font.setPixelSize(max(1, round(self.unit * size)))
        font.setBold(bold)
        return font

    def px(self, size: float) -> float:
        """``size`` body units in pixels."""
        return self.unit * size


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into lines that fit ``width`` (explicit newlines are kept)."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
    return lines


def fit_lines(
    text: str, font: QFont, width: float, height: float, max_lines: int | None, shrink: float
) -> tuple[QFont, list[str]]:
    """The font (at most ``shrink`` times smaller) and lines that fit ``width`` x ``height``.

    When even the smallest font needs too many lines, the last line that fits is elided.
    """
    size = font.pixelSize()
    smallest = max(1, math.floor(size * shrink))
    trial = QFont(font)
    while True:
        trial.setPixelSize(size)
        metrics = QFontMetricsF(trial)
        room = max(1, int(height // metrics.lineSpacing()))
        allowed = min(room, max_lines) if max_lines else room
        lines = wrap(text, trial, width)
        if len(lines) <= allowed or size <= smallest:
            break
        size = max(smallest, size - max(1, size // 16))
    if len(lines) > allowed:
        kept = lines[: allowed - 1]
        rest = " ".join(lines[allowed - 1 :])
        kept.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        lines = kept
    return trial, lines


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    colour: QColor,
    *,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
    max_lines: int | None = None,
    shrink: float = 1.0,
) -> float:
    """Draw ``text`` wrapped inside ``rect``; return the height it took.

    The font may shrink to ``shrink`` times its size before lines are elided; nothing is
    ever drawn outside ``rect``.
    """
    if not text or rect.width() <= 0 or rect.height() <= 0:
        return 0.0
    used_font, lines = fit_lines(text, font, rect.width(), rect.height(), max_lines, shrink)
    metrics = QFontMetricsF(used_font)
    spacing = metrics.lineSpacing()
    total = spacing * len(lines)
    top = rect.top()
    if valign & Qt.AlignmentFlag.AlignVCenter:
        top += max(0.0, (rect.height() - total) / 2)
    elif valign & Qt.AlignmentFlag.AlignBottom:
        top += max(0.0, rect.height() - total)
    painter.save()
    painter.setFont(used_font)
    painter.setPen(colour)
    for number, line in enumerate(lines):
        line_rect = QRectF(rect.left(), top + number * spacing, rect.width(), spacing)
        painter.drawText(line_rect, int(align | Qt.AlignmentFlag.AlignVCenter), line)
    painter.restore()
    return total


def text_height(text: str, font: QFont, width: float, max_lines: int | None = None) -> float:
    """The height ``text`` takes when wrapped to ``width`` (at most ``max_lines``)."""
    lines = len(wrap(text, font, width)) if text else 0
    if max_lines:
        lines = min(lines, max_lines)
    return QFontMetricsF(font).lineSpacing() * lines


def band(painter: QPainter, rect: QRectF, colour: QColor, radius: float = 0.0) -> None:
    """A filled (rounded) rectangle."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def meter(painter: QPainter, rect: QRectF, share: float, fill: QColor, track: QColor) -> None:
    """A horizontal bar filled to ``share`` (0 to 1)."""
    radius = rect.height() / 2
    band(painter, rect, track, radius)
    share = max(0.0, min(1.0, share))
    if share > 0:
        filled = QRectF(
            rect.left(), rect.top(), max(rect.height(), rect.width() * share), rect.height()
        )
        band(painter, filled, fill, radius)


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0 to 1) of the way towards ``second``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


class RowStyle(Enum):
    """How a row of a list looks."""

    NORMAL = "normal"
    CURRENT = "current"
    DONE = "done"


@dataclass(frozen=True)
class Row:
    """One line of a list: text, a note on the right, and its style."""

    text: str
    trailing: str = ""
    style: RowStyle = RowStyle.NORMAL
    marker: str = ""


def draw_rows(
    painter: QPainter,
    canvas: Canvas,
    rect: QRectF,
    rows: list[Row],
    *,
    focus: int | None = None,
    size: float = 1.0,
    largest: float | None = None,
    above: Callable[[int], str] = lambda n: f"… +{n}",
    below: Callable[[int], str] = lambda n: f"… +{n}",
) -> None:
    """Draw as many ``rows`` as fit in ``rect``, keeping ``focus`` in view.

    With room to spare the rows grow up to ``largest`` units. Rows that do not fit are
    summarised in a first and a last line: ``above(n)`` and ``below(n)`` say how many were
    left out.
    """
    if not rows or rect.height() <= 0:
        return
    ratio = QFontMetricsF(canvas.font(size)).lineSpacing() * ROW_SPACING / canvas.px(size)
    if largest is not None and largest > size:
        fitting = rect.height() / (len(rows) * ratio * canvas.unit)
        size = max(size, min(largest, fitting))
    font = canvas.font(size)
    bold = canvas.font(size, bold=True)
    metrics = QFontMetricsF(font)
    height = metrics.lineSpacing() * ROW_SPACING
    marker_width = metrics.horizontalAdvance("00.  ") if any(r.marker for r in rows) else 0.0
    capacity = max(1, int(rect.height() // height))
    start, stop = visible_rows(len(rows), capacity, focus)
    colours = canvas.colours
    top = rect.top()

    def place(row: Row, row_font: QFont, muted: bool = False) -> None:
        nonlocal top
        line = QRectF(rect.left(), top, rect.width(), height)
        _draw_row(painter, line, row, row_font, colours, marker_width, muted)
        top += height

    if start > 0 and capacity >= 3:
        place(Row(above(start)), font, muted=True)
    for row in rows[start:stop]:
        place(row, bold if row.style is RowStyle.CURRENT else font)
    if stop < len(rows) and capacity >= 3:
        place(Row(below(len(rows) - stop)), font, muted=True)


def visible_rows(count: int, capacity: int, focus: int | None) -> tuple[int, int]:
    """The first and one-past-last row shown when ``capacity`` lines fit.

    Rows left out above or below are summarised in a line each, which takes a line of the
    capacity; ``focus`` stays in view, about a third of the way down.
    """
    if count <= capacity:
        return 0, count
    if capacity < 3:
        first = min(max(0, focus or 0), count - 1)
        return first, first + 1  # no room for summaries: the focused row alone
    start = max(0, (focus or 0) - capacity // 3)
    if start == 0:
        return 0, capacity - 1
    if start + capacity - 2 >= count:
        return count - (capacity - 1), count
    return start, start + capacity - 2


def _draw_row(
    painter: QPainter,
    rect: QRectF,
    row: Row,
    font: QFont,
    colours: Colours,
    marker_width: float,
    muted: bool = False,
) -> None:
    metrics = QFontMetricsF(font)
    pad = metrics.height() * 0.4
    text_colour = colours.foreground
    if row.style is RowStyle.CURRENT:
        band(painter, rect.adjusted(0, 2, 0, -2), colours.accent, metrics.height() * 0.2)
        text_colour = colours.background
    elif row.style is RowStyle.DONE or muted:
        text_colour = colours.muted
    painter.save()
    painter.setFont(font)
    painter.setPen(text_colour)
    inner = rect.adjusted(pad, 0, -pad, 0)
    middle = int(Qt.AlignmentFlag.AlignVCenter)
    if row.marker:
        painter.drawText(
            QRectF(inner.left(), inner.top(), marker_width, inner.height()),
            int(Qt.AlignmentFlag.AlignLeft) | middle,
            row.marker,
        )
    trailing_width = 0.0
    if row.trailing:
        trailing_width = min(metrics.horizontalAdvance(row.trailing) + pad, inner.width() * 0.45)
        painter.drawText(
            QRectF(inner.right() - trailing_width, inner.top(), trailing_width, inner.height()),
            int(Qt.AlignmentFlag.AlignRight) | middle,
            metrics.elidedText(row.trailing, Qt.TextElideMode.ElideRight, trailing_width),
        )
    text_width = inner.width() - marker_width - trailing_width - (pad if row.trailing else 0)
    painter.drawText(
        QRectF(inner.left() + marker_width, inner.top(), text_width, inner.height()),
        int(Qt.AlignmentFlag.AlignLeft) | middle,
        metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, text_width),
    )
    painter.restore()


def header(painter: QPainter, canvas: Canvas, left: str, right: str = "") -> float:
    """The muted context line at the top of a view; returns the y below it."""
    rect = canvas.content
    font = canvas.font(1.0)
    metrics = QFontMetricsF(font)
    height = metrics.lineSpacing()
    right_width = min(metrics.horizontalAdvance(right) + 4, rect.width() * 0.45) if right else 0.0
    painter.save()
    painter.setFont(font)
    painter.setPen(canvas.colours.muted)
    if right:
        painter.drawText(
            QRectF(rect.right() - right_width, rect.top(), right_width, height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_width),
        )
    left_width = rect.width() - right_width - (canvas.px(1) if right else 0)
    painter.drawText(
        QRectF(rect.left(), rect.top(), left_width, height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        metrics.elidedText(left, Qt.TextElideMode.ElideRight, left_width),
    )
    painter.restore()
    return rect.top() + header_height(canvas)


def header_height(canvas: Canvas) -> float:
    """The height :func:`header` takes, with the space under it."""
    return QFontMetricsF(canvas.font(1.0)).lineSpacing() + canvas.px(0.5)


def title(
    painter: QPainter, canvas: Canvas, top: float, text: str, size: float = 1.8, lines: int = 2
) -> float:
    """A view's title under the header (shrunk a little if long); returns the y below it."""
    rect = canvas.content
    area = QRectF(rect.left(), top, rect.width(), canvas.px(size) * 1.35 * lines)
    draw_text(
        painter,
        area,
        text,
        canvas.font(size, bold=True),
        canvas.colours.foreground,
        max_lines=lines,
        shrink=TITLE_SHRINK,
    )
    return top + title_height(canvas, text, size, lines)


def title_height(canvas: Canvas, text: str, size: float = 1.8, lines: int = 2) -> float:
    """The height :func:`title` takes, with the space under it."""
    font, wrapped = fit_lines(
        text,
        canvas.font(size, bold=True),
        canvas.content.width(),
        canvas.px(size) * 1.35 * lines,
        lines,
        TITLE_SHRINK,
    )
    return QFontMetricsF(font).lineSpacing() * len(wrapped) + canvas.px(0.6)


@dataclass(frozen=True)
class Line:
    """A paragraph in a column of text (see :func:`draw_lines`)."""

    text: str
    size: float = 1.0
    colour: QColor | None = None
    """``None``: the foreground colour."""
    bold: bool = False
    lines: int = 1
    """At most this many lines (the rest is elided)."""
    space_before: float = 0.0
    """Space above, in body units."""


def lines_height(canvas: Canvas, width: float, lines: list[Line]) -> float:
    """The height :func:`draw_lines` takes for ``lines`` in a column ``width`` wide."""
    total = 0.0
    for line in lines:
        font, wrapped = fit_lines(
            line.text, canvas.font(line.size, line.bold), width, 1e9, line.lines, 1.0
        )
        total += canvas.px(line.space_before) + QFontMetricsF(font).lineSpacing() * len(wrapped)
    return total


def draw_lines(
    painter: QPainter,
    canvas: Canvas,
    rect: QRectF,
    lines: list[Line],
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw ``lines`` one under the other inside ``rect``; return the height used."""
    top = rect.top()
    for line in lines:
        top += canvas.px(line.space_before)
        if top >= rect.bottom():
            break
        top += draw_text(
            painter,
            QRectF(rect.left(), top, rect.width(), rect.bottom() - top),
            line.text,
            canvas.font(line.size, line.bold),
            line.colour or canvas.colours.foreground,
            align=align,
            max_lines=line.lines,
            shrink=0.8,
        )
    return top - rect.top()


CARD_COLOURS = (QColor("#f4f6f8"), QColor("#111820"))
"""Background and text of a light card for charts drawn for light backgrounds only."""


def chart_card(painter: QPainter, canvas: Canvas, rect: QRectF) -> QColor:
    """On a dark theme, a light card behind a chart whose colours assume a white page.

    Returns the text colour to draw the chart with (the theme's own on a light theme).
    """
    if canvas.colours.background.lightness() >= 128:
        return canvas.colours.foreground
    pad = canvas.px(0.5)
    band(painter, rect.adjusted(-pad, -pad, pad, pad), CARD_COLOURS[0], canvas.px(0.4))
    return CARD_COLOURS[1]
