"""Bar charts drawn with QPainter: on screen, on the projector, and as vectors in PDF minutes.

:func:`paint_bar_chart` draws on any painter (a widget, a PDF writer, an SVG generator), so the
minutes print exactly what the room saw. Each category can carry several series, e.g. the
weighted share and the plain head count of each option side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SERIES_COLOURS = ("#1d6f5f", "#e0a526", "#4f6d8f", "#b5485d", "#7a8b3a")
"""Colours of the series, chosen to stay apart for colour-blind viewers and on projectors."""


@dataclass(frozen=True)
class BarChartData:
    """Categories (rows), series (bars per row) and each bar's value and label.

    ``values[row][series]`` are shares from 0 to 1 (or any numbers with ``maximum``);
    ``labels[row][series]`` is the text drawn after each bar.
    """

    categories: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    labels: tuple[tuple[str, ...], ...]
    maximum: float = 1.0
    highlight: frozenset[int] = field(default_factory=frozenset)
    """Rows drawn bold (e.g. the winning option)."""
    marker: float | None = None
    """A vertical line (e.g. the threshold to pass), in the values' units."""
    marker_label: str = ""


def paint_bar_chart(
    painter: QPainter,
    rect: QRectF,
    data: BarChartData,
    foreground: QColor | None = None,
    font: QFont | None = None,
) -> None:
    """Draw ``data`` as horizontal grouped bars inside ``rect``."""
    if not data.categories:
        return
    foreground = foreground or QColor("#1b1b1b")
    base_font = QFont(font) if font is not None else QFont(painter.font())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(base_font)
    metrics = QFontMetricsF(base_font)
    bold_font = QFont(base_font)
    bold_font.setBold(True)
    bold_metrics = QFontMetricsF(bold_font)
    legend_height = metrics.height() * 1.6 if len(data.series) > 1 else 0.0
    label_width = min(
        rect.width() * 0.35,
        max(
            (bold_metrics if row in data.highlight else metrics).horizontalAdvance(category)
            for row, category in enumerate(data.categories)
        )
        + 16,
    )
    value_width = max(metrics.horizontalAdvance(t) for row in data.labels for t in row) + 12
    bar_left = rect.left() + label_width
    bar_span = max(10.0, rect.width() - label_width - value_width)
    rows = len(data.categories)
    row_height = (rect.height() - legend_height) / rows
    bar_height = min(metrics.height() * 1.4, row_height * 0.8 / max(1, len(data.series)))
    for row, category in enumerate(data.categories):
        top = rect.top() + legend_height + row * row_height
        group_height = bar_height * len(data.series)
        group_top = top + (row_height - group_height) / 2
        bold = row in data.highlight
        painter.setFont(bold_font if bold else base_font)
        painter.setPen(foreground)
        painter.drawText(
            QRectF(rect.left(), top, label_width - 8, row_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            (bold_metrics if bold else metrics).elidedText(
                category, Qt.TextElideMode.ElideRight, label_width - 8
            ),
        )
        for series in range(len(data.series)):
            value = max(0.0, data.values[row][series])
            width = bar_span * (value / data.maximum if data.maximum else 0.0)
            bar = QRectF(bar_left, group_top + series * bar_height, width, bar_height * 0.9)
            painter.fillRect(bar, QColor(SERIES_COLOURS[series % len(SERIES_COLOURS)]))
            painter.setPen(foreground)
            painter.drawText(
                QRectF(bar.right() + 6, bar.top(), value_width, bar.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                data.labels[row][series],
            )
    painter.setFont(base_font)
    if data.marker is not None and data.maximum:
        x = bar_left + bar_span * data.marker / data.maximum
        pen = QPen(foreground, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(int(x), int(rect.top() + legend_height), int(x), int(rect.bottom()))
        if data.marker_label:
            painter.drawText(
                QRectF(x + 4, rect.bottom() - metrics.height(), value_width * 3, metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                data.marker_label,
            )
    if len(data.series) > 1:
        x = bar_left
        for series, name in enumerate(data.series):
            swatch = QRectF(
                x,
                rect.top() + metrics.height() * 0.3,
                metrics.height() * 0.8,
                metrics.height() * 0.8,
            )
            painter.fillRect(swatch, QColor(SERIES_COLOURS[series % len(SERIES_COLOURS)]))
            painter.setPen(foreground)
            painter.drawText(
                QRectF(swatch.right() + 6, rect.top(), 400, metrics.height() * 1.4),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            x = swatch.right() + 6 + metrics.horizontalAdvance(name) + 24
    painter.restore()


class PaintedChart(QWidget):
    """A widget drawing its :attr:`data` with a chart's paint function.

    The paint functions are shared with the projector and the exports; a subclass says which
    one in :meth:`paint_data` and keeps the sizing its chart needs.
    """

    MARGINS = (4, 4, 4, 4)
    """Space left, top, right, bottom around the chart, in pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: Any = None

    def chart_area(self) -> QRectF:
        """Where the chart is drawn: the widget less its margins."""
        left, top, right, bottom = self.MARGINS
        return QRectF(self.rect()).adjusted(left, top, -right, -bottom)

    def paint_data(
        self, painter: QPainter, area: QRectF, data: Any, colour: QColor, font: QFont
    ) -> None:
        """Draw ``data`` into ``area`` in the text ``colour`` and ``font``."""
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the chart (nothing without data)."""
        if self.data is None:
            return
        painter = QPainter(self)
        self.paint_data(
            painter, self.chart_area(), self.data, self.palette().windowText().color(), self.font()
        )
        painter.end()


class BarChart(PaintedChart):
    """A widget showing a :class:`BarChartData`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: BarChartData | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(80)

    def set_data(self, data: BarChartData | None) -> None:
        """Show ``data`` (``None`` clears the chart)."""
        self.data = data
        rows = len(data.categories) if data else 0
        series = len(data.series) if data else 1
        line = self.fontMetrics().height()
        self.setMinimumHeight(int(max(80, rows * series * line * 1.5 + 2 * line)))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        """As tall as the bars need."""
        return QSize(480, self.minimumHeight())

    def paint_data(
        self, painter: QPainter, area: QRectF, data: Any, colour: QColor, font: QFont
    ) -> None:
        """Draw the bars."""
        paint_bar_chart(painter, area, data, colour, font)


def share_label(value: float) -> str:
    """A share as a percentage with one decimal."""
    return f"{value * 100:.1f} %"
