"""Dot plots of a round's ratings and the complexes' scatter chart, drawn with QPainter.

:func:`paint_dot_plots` and :func:`paint_complex_scatter` draw on any painter (a widget, the
projector, a PDF or SVG writer for the minutes), from plain data:

- a **dot plot** per task: every rating as a dot on the scale (equal ratings stacked), the
  middle half (Q1-Q3) shaded, the aggregate as a bar, and the aggregate and spread written
  at the end of the lane; contested tasks are marked red;
- the **scatter chart**: each job complex as a point in the empowerment/desirability plane
  around the workplace average (a cross), zoomed so the differences show, with the goal band
  (within 1 % of the scale's range) shaded.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from pareconapp.ui.charts import PaintedChart

if TYPE_CHECKING:
    from collections.abc import Callable

EMPOWERMENT_COLOUR = QColor("#1d6f5f")
DESIRABILITY_COLOUR = QColor("#4f6d8f")
AGGREGATE_COLOUR = QColor("#c77c00")
CONTESTED_COLOUR = QColor("#b00020")
GRID_COLOUR = QColor("#d5dadf")
BAND_COLOUR = QColor(29, 111, 95, 40)


@dataclass(frozen=True)
class DotPlotRow:
    """One task: its ratings and summary in both dimensions (empowerment, desirability).

    Attributes:
        label: The task's name.
        values: Every rating given, per dimension.
        aggregates: The aggregate per dimension (``None`` where nobody rated).
        quartiles: ``(Q1, Q3)`` per dimension (``None`` where nobody rated).
        notes: The text at the end of each lane (aggregate and spread).
        contested: The task is contested (drawn red).
    """

    label: str
    values: tuple[tuple[float, ...], tuple[float, ...]]
    aggregates: tuple[float | None, float | None]
    quartiles: tuple[tuple[float, float] | None, tuple[float, float] | None]
    notes: tuple[str, str]
    contested: bool = False


@dataclass(frozen=True)
class DotPlotData:
    """The rows to draw, the scale, and the names the legend uses."""

    rows: tuple[DotPlotRow, ...]
    low: float
    high: float
    dimensions: tuple[str, str]
    """Short names of the two lanes ("Empowerment", "Desirability")."""
    legend: str = ""
    """A line under the plots explaining the marks (translated by the caller)."""


def _ticks(low: float, high: float, most: int) -> list[float]:
    """Round tick values from ``low`` to ``high``, at most ``most`` of them."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / max(1, most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    count = math.floor((high - first) / step + 1e-9) + 1
    return [first + i * step for i in range(count)]


def _scale_ticks(low: float, high: float, most: int) -> list[float]:
    """Round ticks plus both ends of the scale (where no tick is close to them)."""
    ticks = _ticks(low, high, most)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else high - low
    if ticks[0] - low > step / 2:
        ticks.insert(0, low)
    if high - ticks[-1] > step / 2:
        ticks.append(high)
    return ticks


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def paint_dot_plots(
    painter: QPainter,
    rect: QRectF,
    data: DotPlotData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw one dot plot per task of ``data`` inside ``rect`` (two lanes per task)."""
    if not data.rows or data.high <= data.low:
        return
    foreground = foreground or QColor("#1b1b1b")
    base = QFont(font) if font is not None else QFont(painter.font())
    metrics = QFontMetricsF(base)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(base)
    line = metrics.height()
    label_width = min(
        rect.width() * 0.3, max(metrics.horizontalAdvance(r.label) for r in data.rows) + 20
    )
    lane_label = max(metrics.horizontalAdvance(d[:1]) for d in data.dimensions) + 10
    notes = [n for r in data.rows for n in r.notes]
    note_width = max((metrics.horizontalAdvance(n) for n in notes), default=0) + 14
    axis_left = rect.left() + label_width + lane_label
    axis_width = max(20.0, rect.width() - label_width - lane_label - note_width - 8)
    header = line * 1.5
    footer = line * 1.6 if data.legend else 0.0
    row_height = (rect.height() - header - footer) / len(data.rows)
    lane = row_height / 2

    def x_of(value: float) -> float:
        return axis_left + (value - data.low) / (data.high - data.low) * axis_width

    # Scale: tick labels on top, faint lines down through every row.
    top, bottom = rect.top() + header, rect.top() + header + row_height * len(data.rows)
    ticks = _scale_ticks(
        data.low, data.high, max(2, int(axis_width / (metrics.horizontalAdvance("20") * 2.2)))
    )
    for tick in ticks:
        x = x_of(tick)
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(foreground)
        painter.drawText(
            QRectF(x - 40, rect.top(), 80, header),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            _number(tick),
        )
    for index, row in enumerate(data.rows):
        row_top = top + index * row_height
        _paint_row_label(
            painter, QRectF(rect.left(), row_top, label_width, row_height), row, base, foreground
        )
        for dimension in range(2):
            lane_rect = QRectF(axis_left, row_top + dimension * lane, axis_width, lane)
            colour = EMPOWERMENT_COLOUR if dimension == 0 else DESIRABILITY_COLOUR
            painter.setPen(colour)
            painter.drawText(
                QRectF(axis_left - lane_label, lane_rect.top(), lane_label - 6, lane),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                data.dimensions[dimension][:1],
            )
            _paint_lane(painter, lane_rect, row, dimension, colour, x_of)
            painter.setPen(foreground)
            painter.drawText(
                QRectF(lane_rect.right() + 8, lane_rect.top(), note_width, lane),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                row.notes[dimension],
            )
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawLine(
            QPointF(rect.left(), row_top + row_height), QPointF(rect.right(), row_top + row_height)
        )
    if data.legend:
        painter.setPen(foreground)
        painter.drawText(
            QRectF(rect.left(), bottom + line * 0.3, rect.width(), line * 1.3),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            data.legend,
        )
    painter.restore()


def _paint_row_label(
    painter: QPainter, rect: QRectF, row: DotPlotRow, font: QFont, foreground: QColor
) -> None:
    label_font = QFont(font)
    label_font.setBold(row.contested)
    painter.setFont(label_font)
    metrics = QFontMetricsF(label_font)
    if row.contested:
        painter.fillRect(
            QRectF(rect.left(), rect.top() + 3, 5, rect.height() - 6), CONTESTED_COLOUR
        )
    painter.setPen(CONTESTED_COLOUR if row.contested else foreground)
    painter.drawText(
        rect.adjusted(10, 0, -8, 0),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, rect.width() - 18),
    )
    painter.setFont(font)


def _paint_lane(
    painter: QPainter,
    lane: QRectF,
    row: DotPlotRow,
    dimension: int,
    colour: QColor,
    x_of: Callable[[float], float],
) -> None:
    quartiles = row.quartiles[dimension]
    if quartiles is not None:
        q1, q3 = quartiles
        band = QColor(colour)
        band.setAlpha(45)
        painter.fillRect(
            QRectF(
                x_of(q1),
                lane.top() + lane.height() * 0.12,
                max(2.0, x_of(q3) - x_of(q1)),
                lane.height() * 0.76,
            ),
            band,
        )
    counts = Counter(row.values[dimension])
    radius = max(2.0, min(lane.height() * 0.16, 7.0))
    most = max(counts.values(), default=1)
    room = lane.height() - 2 * radius - 2
    spacing = min(2 * radius * 0.95, room / max(1, most - 1)) if most > 1 else 0.0
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(QBrush(colour))
    centre = lane.center().y()
    for value, count in counts.items():
        x = x_of(value)
        for k in range(count):
            offset = (k + 1) // 2 * (1 if k % 2 else -1) * spacing
            painter.drawEllipse(QPointF(x, centre + offset), radius, radius)
    aggregate = row.aggregates[dimension]
    if aggregate is not None:
        x = x_of(aggregate)
        painter.setPen(QPen(AGGREGATE_COLOUR, 3))
        painter.drawLine(QPointF(x, lane.top() + 2), QPointF(x, lane.bottom() - 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)


class DotPlotView(PaintedChart):
    """A widget showing a :class:`DotPlotData`, as tall as its rows need."""

    LANE_LINES = 2.4
    """Height of a lane in lines of text."""

    row_clicked = Signal(int)
    """A task's row was clicked (its index in the data's rows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: DotPlotData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(60)

    def set_data(self, data: DotPlotData | None) -> None:
        """Show ``data`` (``None`` clears)."""
        self.data = data
        rows = len(data.rows) if data else 0
        line = self.fontMetrics().height()
        self.setMinimumHeight(int(max(60, rows * 2 * line * self.LANE_LINES + 3.5 * line)))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """As tall as the rows need."""
        return QSize(640, self.minimumHeight())

    MARGINS = (6, 4, 6, 4)

    def row_at(self, y: float) -> int:
        """The index of the row at height ``y`` (-1 outside the rows)."""
        if self.data is None or not self.data.rows:
            return -1
        area, line = self.chart_area(), QFontMetricsF(self.font()).height()
        header, footer = line * 1.5, (line * 1.6 if self.data.legend else 0.0)
        row_height = (area.height() - header - footer) / len(self.data.rows)
        row = math.floor((y - area.top() - header) / row_height)
        return row if 0 <= row < len(self.data.rows) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Clicking a task's row emits :attr:`row_clicked`."""
        row = self.row_at(event.position().y())
        if row >= 0:
            self.row_clicked.emit(row)
        super().mousePressEvent(event)

    def paint_data(
        self, painter: QPainter, area: QRectF, data: Any, colour: QColor, font: QFont
    ) -> None:
        """Draw the plots."""
        paint_dot_plots(painter, area, data, colour, font)


@dataclass(frozen=True)
class ScatterPoint:
    """One job complex: whose, and its averages."""

    label: str
    empowerment: float
    desirability: float
    highlight: bool = False


@dataclass(frozen=True)
class ComplexScatterData:
    """The complexes around the workplace average.

    Attributes:
        points: One per complex.
        average: The workplace's average empowerment and desirability.
        band: Half-width of the goal band around the average, in rating points (``None``:
            no band); e.g. 1 % of the scale's range.
        axes: The axes' titles (empowerment, desirability).
        average_label: The label of the average's cross.
        band_label: The label of the band.
        labelled: How many points furthest from the average carry their label.
    """

    points: tuple[ScatterPoint, ...]
    average: tuple[float, float]
    band: float | None
    axes: tuple[str, str]
    average_label: str = ""
    band_label: str = ""
    labelled: int = 4
    colours: tuple[QColor, ...] = field(default_factory=tuple)
    """Optional colour per point (else by distance from the average against the band)."""


def scatter_range(data: ComplexScatterData) -> float:
    """Half the side of the square shown: every point and the band, with a margin."""
    ae, ad = data.average
    furthest = max(
        (max(abs(p.empowerment - ae), abs(p.desirability - ad)) for p in data.points),
        default=0.0,
    )
    return max(furthest * 1.25, (data.band or 0.0) * 1.6, 0.05)


def paint_complex_scatter(
    painter: QPainter,
    rect: QRectF,
    data: ComplexScatterData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw the complexes of ``data`` as points around the workplace average in ``rect``."""
    foreground = foreground or QColor("#1b1b1b")
    base = QFont(font) if font is not None else QFont(painter.font())
    metrics = QFontMetricsF(base)
    line = metrics.height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(base)
    half = scatter_range(data)
    ae, ad = data.average
    ticks_x = _ticks(ae - half, ae + half, 5)
    ticks_y = _ticks(ad - half, ad + half, 5)
    tick_width = max(metrics.horizontalAdvance(_number(t)) for t in ticks_y + ticks_x)
    left = rect.left() + line * 1.4 + tick_width + 6
    bottom_margin = line * 2.6
    side = max(
        20.0, min(rect.width() - (left - rect.left()) - 10, rect.height() - bottom_margin - 6)
    )
    plot = QRectF(left, rect.top() + 4, side, side)

    def at(e: float, d: float) -> QPointF:
        return QPointF(
            plot.left() + (e - (ae - half)) / (2 * half) * plot.width(),
            plot.bottom() - (d - (ad - half)) / (2 * half) * plot.height(),
        )

    painter.fillRect(plot, QColor("#ffffff"))
    painter.setPen(QPen(GRID_COLOUR, 1))
    for tick in ticks_x:
        x = at(tick, ad).x()
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    for tick in ticks_y:
        y = at(ae, tick).y()
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
    if data.band:
        corner = at(ae - data.band, ad + data.band)
        painter.fillRect(QRectF(corner, at(ae + data.band, ad - data.band)), BAND_COLOUR)
    painter.setPen(QPen(foreground, 1))
    painter.drawRect(plot)
    painter.setPen(foreground)
    for tick in ticks_x:
        x = at(tick, ad).x()
        painter.drawText(
            QRectF(x - 50, plot.bottom() + 2, 100, line),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            _number(tick),
        )
    for tick in ticks_y:
        y = at(ae, tick).y()
        painter.drawText(
            QRectF(plot.left() - tick_width - 8, y - line / 2, tick_width + 4, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            _number(tick),
        )
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + line * 1.1, plot.width(), line * 1.3),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        data.axes[0] + "  →",
    )
    painter.save()
    painter.translate(rect.left() + line * 0.1, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, 0, plot.height(), line * 1.2),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
        data.axes[1] + "  →",
    )
    painter.restore()
    # The workplace average: a cross through the plot.
    centre = at(ae, ad)
    painter.setPen(QPen(AGGREGATE_COLOUR, 2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(centre.x(), plot.top()), QPointF(centre.x(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), centre.y()), QPointF(plot.right(), centre.y()))
    _paint_points(painter, data, at, plot, metrics, foreground)
    halo = QColor(255, 255, 255, 210)
    if data.average_label:
        box = QRectF(
            centre.x() + 6, plot.top() + 2, metrics.horizontalAdvance(data.average_label) + 6, line
        )
        painter.fillRect(box, halo)
        painter.setPen(AGGREGATE_COLOUR)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), data.average_label)
    if data.band and data.band_label:
        band_bottom = at(ae, ad - data.band).y()
        box = QRectF(
            at(ae - data.band, ad).x() + 2,
            band_bottom + 2,
            metrics.horizontalAdvance(data.band_label) + 6,
            line,
        )
        if box.bottom() > plot.bottom():
            box.moveTop(at(ae, ad + data.band).y() - line - 2)
        painter.fillRect(box, halo)
        painter.setPen(EMPOWERMENT_COLOUR)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), data.band_label)
    painter.restore()


def _paint_points(
    painter: QPainter,
    data: ComplexScatterData,
    at: Callable[[float, float], QPointF],
    plot: QRectF,
    metrics: QFontMetricsF,
    foreground: QColor,
) -> None:
    ae, ad = data.average

    def distance(point: ScatterPoint) -> float:
        return max(abs(point.empowerment - ae), abs(point.desirability - ad))

    radius = 5.5
    for index, point in enumerate(data.points):
        centre = at(point.empowerment, point.desirability)
        if index < len(data.colours):
            colour = data.colours[index]
        elif data.band is None or distance(point) <= data.band:
            colour = EMPOWERMENT_COLOUR
        elif distance(point) <= 5 * data.band:
            colour = AGGREGATE_COLOUR
        else:
            colour = CONTESTED_COLOUR
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(colour))
        size = radius * (1.6 if point.highlight else 1.0)
        painter.drawEllipse(centre, size, size)
        if point.highlight:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(foreground, 2))
            painter.drawEllipse(centre, size + 3, size + 3)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Labels: the highlighted complex first, then those furthest out, never overlapping.
    order = sorted(data.points, key=lambda p: (not p.highlight, -distance(p)))
    wanted = [p for p in order if p.highlight] + [p for p in order if not p.highlight][
        : data.labelled
    ]
    taken: list[QRectF] = []
    halo = QColor(255, 255, 255, 200)
    for point in wanted:
        centre = at(point.empowerment, point.desirability)
        size = radius * (1.6 if point.highlight else 1.0) + 4
        width = metrics.horizontalAdvance(point.label) + 6
        height = metrics.height()
        for x in (centre.x() + size, centre.x() - size - width):
            box = QRectF(x, centre.y() - height / 2, width, height)
            if plot.contains(box) and not any(box.intersects(t) for t in taken):
                taken.append(box)
                painter.fillRect(box, halo)
                painter.setPen(foreground)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), point.label)
                break


class ComplexScatter(PaintedChart):
    """A widget showing a :class:`ComplexScatterData` (a square plot)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ComplexScatterData | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(240, 240)

    def set_data(self, data: ComplexScatterData | None) -> None:
        """Show ``data`` (``None`` clears)."""
        self.data = data
        self.update()

    def sizeHint(self) -> QSize:
        """Square."""
        return QSize(360, 380)

    def hasHeightForWidth(self) -> bool:
        """The plot is square: its height follows its width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The square plot plus room for the axis labels."""
        return max(240, width - self.fontMetrics().height())

    def paint_data(
        self, painter: QPainter, area: QRectF, data: Any, colour: QColor, font: QFont
    ) -> None:
        """Draw the chart."""
        paint_complex_scatter(painter, area, data, colour, font)
