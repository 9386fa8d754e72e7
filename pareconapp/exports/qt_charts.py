"""Charts of the minutes drawn by the app's own bar-chart painter: vectors, SVG or images.

:func:`pareconapp.ui.charts.paint_bar_chart` draws what the room saw on the projector; the
minutes reuse it so a chart in the PDF is the same drawing, as vectors.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from pareconapp.exports.document import Chart
from pareconapp.ui.charts import BarChartData, paint_bar_chart

CHART_FONT_FAMILY = "DejaVu Sans"
TITLE_COLOUR = QColor("#1b1b1b")


def bar_chart_data(chart: Chart) -> BarChartData:
    """The painter's data for a chart of the document."""
    return BarChartData(
        categories=chart.categories,
        series=chart.series,
        values=chart.values,
        labels=chart.labels,
        maximum=chart.maximum,
        highlight=frozenset(chart.highlight),
        marker=chart.marker,
        marker_label=chart.marker_label,
    )


def chart_font(pixel_size: int = 11) -> QFont:
    """The font charts are drawn in, sized in the chart's own (CSS) pixels.

    A pixel size keeps the drawing the same on every device: the PDF writer scales the
    painter from CSS pixels to its resolution, and the font scales with it.
    """
    font = QFont(CHART_FONT_FAMILY)
    font.setPixelSize(pixel_size)
    return font


def chart_height(chart: Chart, font: QFont) -> float:
    """The height (in the font's pixels) a chart needs, title included."""
    metrics = QFontMetricsF(font)
    line = metrics.height()
    rows = len(chart.categories) * len(chart.series)
    legend = 1.6 if len(chart.series) > 1 else 0.0
    marker = 1.2 if chart.marker_label else 0.0
    return line * (1.8 + legend + marker + rows * 1.35 + len(chart.categories) * 0.35)


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, font: QFont) -> None:
    """Draw a chart with its title inside ``rect``."""
    metrics = QFontMetricsF(font)
    painter.save()
    title_font = QFont(font)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(TITLE_COLOUR)
    title_height = metrics.height() * 1.6
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_height), chart.title)
    painter.restore()
    body = QRectF(
        rect.left(), rect.top() + title_height, rect.width(), rect.height() - title_height
    )
    bottom = metrics.height() * 1.2 if chart.marker_label else 0.0
    body.setHeight(body.height() - bottom)
    paint_bar_chart(painter, body, bar_chart_data(chart), TITLE_COLOUR, font)


def chart_svg(chart: Chart, width: int = 640) -> str:
    """The chart as an SVG document (text), ``width`` pixels wide."""
    font = chart_font()
    height = round(chart_height(chart, font)) + 4
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(chart.title)
    painter = QPainter(generator)
    paint_chart(painter, QRectF(0, 0, width, height), chart, font)
    painter.end()
    buffer.close()
    return bytes(data.data()).decode("utf-8")


def chart_image(chart: Chart, width: int = 640, scale: float = 2.0) -> QImage:
    """The chart as an image (for formats without vector drawings), ``scale`` x sharp."""
    font = chart_font()
    height = chart_height(chart, font) + 4
    image = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, width, height), chart, font)
    painter.end()
    return image
