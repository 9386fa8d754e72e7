"""Planning charts drawn with QPainter: on screen, on the projector and in the minutes.

Three ``paint_*(painter, rect, data)`` functions draw on any painter (a widget, a PDF writer,
an image), so the projector and the minutes can show exactly what the page shows:

* :func:`paint_convergence` - each good's imbalance by round on a log scale, the largest in
  bold, and the threshold line: how planning converges;
* :func:`paint_price_paths` - each good's price by round as an index (round 1 = 100), so goods
  priced 20 and 250,000 share one chart;
* :func:`paint_supply_demand` - supply and demand of each good in one round, side by side
  (each good scaled to its own larger figure, the numbers written beside the bars).

The data classes are built from the planning service's history with :func:`convergence_data`,
:func:`price_path_data` and :func:`supply_demand_data`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pareconapp.i18n import translate
from pareconapp.ui.charts import SERIES_COLOURS, BarChartData, paint_bar_chart

if TYPE_CHECKING:
    from pareconapp.services.planning import HistoryRound, PlanHistory

_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine)
LEGEND_ENTRIES = 8
"""At most this many goods are named in a legend (those that matter most)."""


@dataclass(frozen=True)
class Series:
    """One line: a name and its points (round, value)."""

    name: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class LineChartData:
    """Lines over rounds, with an emphasised line and a horizontal marker."""

    series: tuple[Series, ...]
    y_label: str
    emphasis: Series | None = None
    """Drawn bold in the foreground colour (e.g. the largest imbalance)."""
    marker: float | None = None
    marker_label: str = ""
    log_scale: bool = False
    percent: bool = False


@dataclass(frozen=True)
class SupplyDemandData:
    """Supply and demand of each good in one round."""

    round_number: int
    goods: tuple[str, ...]
    supply: tuple[float, ...]
    demand: tuple[float, ...]
    threshold: float


def convergence_data(history: PlanHistory) -> LineChartData:
    """Each good's imbalance by round, with the largest and the threshold."""
    names = {g.code: g.name for g in history.goods}
    known = [r for r in history.rounds if r.supply is not None]
    series = tuple(
        Series(
            names[good.code],
            tuple((r.number, r.imbalances().get(good.code, 0.0)) for r in known),
        )
        for good in history.goods
    )
    largest = Series(
        translate("Planning", "largest"),
        tuple((r.number, max(r.imbalances().values(), default=0.0)) for r in known),
    )
    return LineChartData(
        series,
        translate("Planning", "Imbalance |2 (S − D)| / (S + D)"),
        largest,
        history.threshold,
        translate("Planning", "threshold {value}").format(value=f"{history.threshold:.0%}"),
        log_scale=True,
        percent=True,
    )


def price_path_data(history: PlanHistory) -> LineChartData:
    """Each good's price by round as an index (round 1 = 100)."""
    names = {g.code: g.name for g in history.goods}
    rounds = [r for r in history.rounds if r.prices]
    series = []
    for good in history.goods:
        first = next((r.prices[good.code] for r in rounds if good.code in r.prices), None)
        if not first:
            continue
        series.append(
            Series(
                names[good.code],
                tuple(
                    (r.number, 100.0 * r.prices[good.code] / first)
                    for r in rounds
                    if good.code in r.prices
                ),
            )
        )
    return LineChartData(
        tuple(series),
        translate("Planning", "Price (round 1 = 100)"),
        marker=100.0,
        marker_label=translate("Planning", "starting price"),
    )


def supply_demand_data(history: PlanHistory, number: int | None = None) -> SupplyDemandData | None:
    """Supply and demand in round ``number`` (the last round with totals by default)."""
    known: list[HistoryRound] = [r for r in history.rounds if r.supply is not None]
    if number is not None:
        known = [r for r in known if r.number == number]
    if not known:
        return None
    chosen = known[-1]
    assert chosen.supply is not None
    assert chosen.demand is not None
    return SupplyDemandData(
        chosen.number,
        tuple(g.name for g in history.goods),
        tuple(chosen.supply.get(g.code, 0.0) for g in history.goods),
        tuple(chosen.demand.get(g.code, 0.0) for g in history.goods),
        history.threshold,
    )


# -- painting ------------------------------------------------------------------------------------


def paint_convergence(
    painter: QPainter,
    rect: QRectF,
    data: LineChartData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw imbalances by round (see the module docstring)."""
    _paint_lines(painter, rect, data, foreground, font)


def paint_price_paths(
    painter: QPainter,
    rect: QRectF,
    data: LineChartData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw price indices by round (see the module docstring)."""
    _paint_lines(painter, rect, data, foreground, font)


def paint_supply_demand(
    painter: QPainter,
    rect: QRectF,
    data: SupplyDemandData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw supply and demand bars of every good, each scaled to its larger figure."""
    values = []
    labels = []
    for supply, demand in zip(data.supply, data.demand, strict=True):
        top = max(supply, demand) or 1.0
        values.append((supply / top, demand / top))
        labels.append((_number(supply), _number(demand)))
    paint_bar_chart(
        painter,
        rect,
        BarChartData(
            categories=data.goods,
            series=(translate("Planning", "supply"), translate("Planning", "demand")),
            values=tuple(values),
            labels=tuple(labels),
        ),
        foreground,
        font,
    )


def _number(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def _paint_lines(
    painter: QPainter,
    rect: QRectF,
    data: LineChartData,
    foreground: QColor | None,
    font: QFont | None,
) -> None:
    lines = [s for s in data.series if s.points]
    if not lines and (data.emphasis is None or not data.emphasis.points):
        return
    foreground = foreground or QColor("#1b1b1b")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = QFont(font) if font is not None else QFont(painter.font())
    painter.setFont(base)
    metrics = QFontMetricsF(base)
    legend = _legend_entries(data)
    legend_width = min(
        rect.width() * 0.3, max((metrics.horizontalAdvance(s.name) for s in legend), default=0) + 40
    )
    points = [p for s in [*lines, data.emphasis] if s is not None for p in s.points]
    xs = [x for x, _ in points]
    ys = [y for _, y in points] + ([data.marker] if data.marker is not None else [])
    scale = _Scale(min(xs), max(xs), min(ys), max(ys), data.log_scale)
    ticks = scale.ticks()
    tick_width = max(metrics.horizontalAdvance(_tick_text(t, data.percent)) for t in ticks) + 10
    plot = QRectF(
        rect.left() + tick_width,
        rect.top() + metrics.height() * 1.6,
        rect.width() - tick_width - legend_width - 12,
        rect.height() - metrics.height() * 3.4,
    )
    _draw_axes(painter, plot, scale, ticks, data, metrics, foreground)
    for index, series in enumerate(lines):
        colour = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        pen = QPen(colour, 2, _DASHES[(index // len(SERIES_COLOURS)) % len(_DASHES)])
        _draw_series(painter, plot, scale, series, pen)
    if data.marker is not None:
        y = scale.y(plot, data.marker)
        painter.setPen(QPen(foreground, 1.5, Qt.PenStyle.DashDotLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.drawText(
            QRectF(plot.left() + 4, y - metrics.height() - 2, plot.width(), metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            data.marker_label,
        )
    if data.emphasis is not None:
        _draw_series(painter, plot, scale, data.emphasis, QPen(foreground, 4))
    _draw_legend(painter, rect, plot, data, legend, metrics, foreground)
    painter.restore()


def _legend_entries(data: LineChartData) -> list[Series]:
    """The emphasised line, then the goods that end furthest from the marker."""
    lines = [s for s in data.series if s.points]
    reference = data.marker or 0.0
    ranked = sorted(lines, key=lambda s: -abs(s.points[-1][1] - reference))
    entries = ranked[:LEGEND_ENTRIES]
    return ([data.emphasis] if data.emphasis is not None else []) + entries


def _draw_axes(
    painter: QPainter,
    plot: QRectF,
    scale: _Scale,
    ticks: Sequence[float],
    data: LineChartData,
    metrics: QFontMetricsF,
    foreground: QColor,
) -> None:
    grid = QColor(foreground)
    grid.setAlpha(40)
    for tick in ticks:
        y = scale.y(plot, tick)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(foreground)
        painter.drawText(
            QRectF(plot.left() - 200, y - metrics.height() / 2, 195, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            _tick_text(tick, data.percent),
        )
    painter.setPen(QPen(foreground, 1.5))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    first, last = int(scale.x_low), int(scale.x_high)
    step = max(1, math.ceil((last - first + 1) / 12))
    for number in range(first, last + 1, step):
        x = scale.x(plot, number)
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        painter.drawText(
            QRectF(x - 30, plot.bottom() + 4, 60, metrics.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            str(number),
        )
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + metrics.height() + 2, plot.width(), metrics.height()),
        int(Qt.AlignmentFlag.AlignHCenter),
        translate("Planning", "round"),
    )
    painter.drawText(
        QRectF(
            plot.left() - 40, plot.top() - metrics.height() * 1.5, plot.width(), metrics.height()
        ),
        int(Qt.AlignmentFlag.AlignLeft),
        data.y_label,
    )


def _draw_series(painter: QPainter, plot: QRectF, scale: _Scale, series: Series, pen: QPen) -> None:
    painter.setPen(pen)
    points = [QPointF(scale.x(plot, x), scale.y(plot, y)) for x, y in series.points]
    for start, end in itertools.pairwise(points):
        painter.drawLine(start, end)
    for point in points:
        painter.drawEllipse(point, pen.widthF() * 0.9, pen.widthF() * 0.9)


def _draw_legend(
    painter: QPainter,
    rect: QRectF,
    plot: QRectF,
    data: LineChartData,
    entries: Sequence[Series],
    metrics: QFontMetricsF,
    foreground: QColor,
) -> None:
    lines = [s for s in data.series if s.points]
    x = plot.right() + 16
    y = plot.top()
    for series in entries:
        if series is data.emphasis:
            pen = QPen(foreground, 4)
        else:
            index = lines.index(series)
            pen = QPen(
                QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]),
                2,
                _DASHES[(index // len(SERIES_COLOURS)) % len(_DASHES)],
            )
        painter.setPen(pen)
        middle = y + metrics.height() / 2
        painter.drawLine(QPointF(x, middle), QPointF(x + 22, middle))
        painter.setPen(foreground)
        painter.drawText(
            QRectF(x + 28, y, rect.right() - x - 28, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(series.name, Qt.TextElideMode.ElideRight, rect.right() - x - 28),
        )
        y += metrics.height() * 1.35
    hidden = len(lines) - (len(entries) - (1 if data.emphasis is not None else 0))
    if hidden > 0:
        painter.drawText(
            QRectF(x, y, rect.right() - x, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            translate("Planning", "… and %n more", "", hidden),
        )


def _tick_text(value: float, percent: bool) -> str:
    if percent:
        return f"{value * 100:.2g} %" if value < 0.1 else f"{value * 100:.0f} %"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:.2g}"


class _Scale:
    """Maps rounds and values into a plot rectangle (linear, or log for values)."""

    FLOOR = 1e-3

    def __init__(self, x_low: float, x_high: float, y_low: float, y_high: float, log: bool):
        self.x_low, self.x_high = x_low, max(x_high, x_low + 1)
        self.log = log
        if log:
            y_low = max(self.FLOOR, min(y_low, y_high))
            self.y_low = _nice(y_low, up=False)
            self.y_high = max(_nice(max(y_high, y_low), up=True), self.y_low * 10)
        else:
            pad = (y_high - y_low) * 0.08 or max(1.0, abs(y_high) * 0.1)
            self.y_low, self.y_high = y_low - pad, y_high + pad

    def x(self, plot: QRectF, value: float) -> float:
        return float(plot.left() + plot.width() * (value - self.x_low) / (self.x_high - self.x_low))

    def _fraction(self, value: float) -> float:
        if self.log:
            value = max(self.FLOOR, value)
            return (math.log10(value) - math.log10(self.y_low)) / (
                math.log10(self.y_high) - math.log10(self.y_low)
            )
        return (value - self.y_low) / (self.y_high - self.y_low)

    def y(self, plot: QRectF, value: float) -> float:
        return float(plot.bottom() - plot.height() * min(1.0, max(0.0, self._fraction(value))))

    def ticks(self) -> list[float]:
        if self.log:
            power = math.floor(math.log10(self.y_low))
            ticks = []
            while 10.0**power <= self.y_high * 1.0001:
                ticks += [m * 10.0**power for m in (1, 2, 5)]
                power += 1
            return [t for t in ticks if self.y_low * 0.9999 <= t <= self.y_high * 1.0001]
        span = self.y_high - self.y_low
        step = 10.0 ** math.floor(math.log10(span / 5))
        for factor in (1, 2, 5, 10):
            if span / (step * factor) <= 6:
                step *= factor
                break
        first = math.ceil(self.y_low / step) * step
        return [first + i * step for i in range(int((self.y_high - first) / step) + 1)]


def _nice(value: float, up: bool) -> float:
    """The nearest 1, 2 or 5 times a power of ten above (or below) ``value``."""
    power = math.floor(math.log10(value))
    steps = [m * 10.0**power for m in (1, 2, 5, 10)]
    if up:
        return next(step for step in steps if step >= value * 0.9999)
    return next(step for step in reversed(steps) if step <= value * 1.0001)


Painter = Callable[..., None]


class ChartView(QWidget):
    """A widget that draws one of the planning charts."""

    def __init__(self, painter: Painter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paint = painter
        self.data: object | None = None
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)

    def set_data(self, data: object | None, empty_text: str = "") -> None:
        """Show ``data`` (``None``: the ``empty_text`` instead)."""
        self.data, self.empty_text = data, empty_text
        self.update()

    def sizeHint(self) -> QSize:
        """A chart's comfortable size."""
        return QSize(640, 360)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the chart (or say why there is none)."""
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        colour = self.palette().windowText().color()
        if self.data is None:
            painter.setPen(colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
        else:
            self._paint(painter, rect, self.data, colour, self.font())
        painter.end()
