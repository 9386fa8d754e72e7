"""The minutes as a QTextDocument: what the PDF and ODT writers and the preview lay out.

The document model is written as Qt's rich-text HTML subset (headings, tables, coloured
boxes) once; charts go in as images for ODT and the preview, and as blank spaces of the
right size for the PDF, which draws them over the page as vectors with the app's own chart
painter.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPaintDevice,
    QPainter,
    QTextDocument,
)

from pareconapp.exports.document import (
    Block,
    BulletList,
    Callout,
    Chart,
    Document,
    Facts,
    Inline,
    Label,
    Paragraph,
    Section,
    Table,
)
from pareconapp.exports.qt_charts import chart_font, chart_height, chart_image, paint_chart

ChartMode = Literal["overlay", "image"]

BODY_FONT = "DejaVu Sans"
BODY_POINT_SIZE = 9.5
KEEP_ANCHOR = "keep:"
CHART_WIDTH_PX = 600
"""Charts are drawn this many CSS pixels wide (and scaled to the page)."""

STYLE = """
body { color: #1b1b1b; }
h1 { font-size: 18pt; font-weight: bold; margin-bottom: 0pt; }
h2 { font-size: 14pt; font-weight: bold; color: #1d4f45; margin-top: 18pt; margin-bottom: 5pt; }
h3 { font-size: 12.5pt; font-weight: bold; margin-top: 14pt; margin-bottom: 4pt; }
h4 { font-size: 11.5pt; font-weight: bold; color: #1d4f45; margin-top: 12pt; margin-bottom: 4pt; }
h5 { font-size: 9.5pt; font-weight: bold; color: #1d4f45; margin-top: 9pt; margin-bottom: 2pt; }
h6 { font-size: 8.5pt; font-weight: normal; font-style: italic; color: #444444;
     margin-top: 7pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
p.subtitle { font-size: 12pt; color: #444444; margin-top: 2pt; margin-bottom: 8pt; }
p.status { font-style: italic; color: #444444; margin-top: 6pt; }
th { background-color: #e6efec; font-weight: bold; text-align: left; }
td.label { font-weight: bold; color: #333333; }
td.num, th.num { text-align: right; }
td.toc2 { padding-left: 14pt; }
"""

CALLOUT_COLOURS = {
    "outcome": ("#e3f1ec", "#1d6f5f"),
    "note": ("#f3f5f7", "#8a9aaa"),
    "warning": ("#fff1dc", "#c77d00"),
}


def esc(text: str) -> str:
    """Text safe inside HTML."""
    return html.escape(text, quote=True)


def inline_html(spans: Inline) -> str:
    """A run as HTML with ``<b>`` and ``<i>``."""
    parts = []
    for span in spans:
        text = esc(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


class _Writer:
    """Writes one document as Qt rich-text HTML."""

    def __init__(self, page_numbers: Mapping[str, int] | None) -> None:
        self.parts: list[str] = []
        self.charts: list[Chart] = []
        self.page_numbers = page_numbers
        self._anchors = 0

    def heading(self, tag: str, text: str, anchor: str = "") -> None:
        """A heading starting with an anchor (the PDF keeps it with what follows)."""
        if not anchor:
            self._anchors += 1
            anchor = f"{KEEP_ANCHOR}{self._anchors}"
        self.parts.append(f'<{tag}><a name="{esc(anchor)}"></a>{esc(text)}</{tag}>')

    def document(self, document: Document) -> str:
        out = self.parts
        out.append(f"<h1>{esc(document.title)}</h1>")
        out.append(f'<p class="subtitle">{esc(document.subtitle)}</p>')
        self.facts(Facts(document.facts))
        out.append(f'<p class="status">{esc(document.status)}</p>')
        contents = document.contents()
        if contents:
            self.heading("h2", document.contents_title)
            out.append('<table width="100%" cellspacing="0" cellpadding="1">')
            for level, section in contents:
                page = (self.page_numbers or {}).get(section.key)
                number = str(page) if page is not None else "00"
                cls = "toc1" if level == 1 else "toc2"
                title = f"<b>{esc(section.title)}</b>" if level == 1 else esc(section.title)
                out.append(
                    f'<tr><td class="{cls}">{title}</td><td class="num" width="10%">'
                    f"{number}</td></tr>"
                )
            out.append("</table>")
        for section in document.sections:
            self.section(section, 1)
        return "".join(out)

    def section(self, section: Section, level: int) -> None:
        self.heading(f"h{min(level + 1, 4)}", section.title, section.key)
        for block in section.blocks:
            self.block(block)
        for child in section.children:
            self.section(child, level + 1)

    def block(self, block: Block) -> None:
        out = self.parts
        if isinstance(block, Paragraph):
            out.append(f"<p>{inline_html(block.spans)}</p>")
        elif isinstance(block, Label):
            self.heading("h5", block.text)
        elif isinstance(block, BulletList):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Facts):
            self.facts(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            index = len(self.charts)
            self.charts.append(block)
            out.append(f'<p align="center"><img src="chart:{index}"></p>')
        else:
            self.callout(block)

    def facts(self, facts: Facts) -> None:
        if not facts.pairs:
            return
        rows = "".join(
            f'<tr><td class="label" width="28%">{esc(label)}</td><td>{esc(value)}</td></tr>'
            for label, value in facts.pairs
        )
        self.parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="1" '
            f'style="margin-top: 3pt; margin-bottom: 5pt;">{rows}</table>'
        )

    def table(self, table: Table) -> None:
        out = self.parts
        if table.caption:
            self.heading("h6", table.caption)
        head = "".join(
            f"<th{' class=num' if table.is_numeric(i) else ''}>{esc(c)}</th>"
            for i, c in enumerate(table.columns)
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td{' class=num' if table.is_numeric(i) else ''}>{esc(cell)}</td>"
                for i, cell in enumerate(row)
            )
            + "</tr>"
            for row in table.rows
        )
        out.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
            'style="border-collapse: collapse; border-color: #9aa8a4; margin-top: 2pt; '
            'margin-bottom: 6pt;">'
            f"<thead><tr>{head}</tr></thead>{body}</table>"
        )

    def callout(self, callout: Callout) -> None:
        background, border = CALLOUT_COLOURS.get(callout.kind, CALLOUT_COLOURS["note"])
        self.parts.append(
            f'<table width="100%" border="1" cellspacing="0" cellpadding="5" '
            f'style="border-collapse: collapse; border-color: {border}; margin-top: 5pt; '
            f'margin-bottom: 6pt;"><tr><td bgcolor="{background}">'
            f"{inline_html(callout.spans)}</td></tr></table>"
        )


def qt_html(
    document: Document, page_numbers: Mapping[str, int] | None = None
) -> tuple[str, list[Chart]]:
    """The document as Qt rich-text HTML, and its charts (``chart:N`` placeholders).

    Every heading starts with an anchor (a section's key, or ``keep:N`` for small headings
    and table captions).
    """
    writer = _Writer(page_numbers)
    body = writer.document(document)
    return f"<html><body>{body}</body></html>", writer.charts


@dataclass(frozen=True)
class PageSetup:
    """Where the text goes on a page, in device pixels (the PDF writer's)."""

    size: QSizeF
    margins: tuple[float, float, float, float]
    """Left, top, right, bottom."""
    dpi: float

    @property
    def text_width_px(self) -> float:
        """The width of the text in CSS pixels."""
        left, _top, right, _bottom = self.margins
        return (self.size.width() - left - right) * 96 / self.dpi


def build_text_document(
    document: Document,
    device: QPaintDevice | None = None,
    charts: ChartMode = "image",
    page_numbers: Mapping[str, int] | None = None,
    page: PageSetup | None = None,
) -> tuple[QTextDocument, list[Chart]]:
    """A QTextDocument of the minutes (laid out for ``device``, as wide as ``page``) and its charts.

    ``charts="image"`` embeds each chart as an image (ODT, the preview); ``"overlay"``
    leaves a blank space of the chart's size, to be drawn over as vectors by the caller
    (see :func:`chart_rects`). The document is laid out once, when first measured: every
    setting that changes the layout is made before the layout exists.
    """
    text = QTextDocument()
    font = QFont(BODY_FONT)
    font.setPointSizeF(BODY_POINT_SIZE)
    text.setDefaultFont(font)
    text.setDefaultStyleSheet(STYLE)
    source, chart_list = qt_html(document, page_numbers)
    width = page.text_width_px if page is not None else CHART_WIDTH_PX
    heights = [chart_height(chart, chart_font()) + 4 for chart in chart_list]
    blank = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    blank.fill(QColor(0, 0, 0, 0))
    for index, chart in enumerate(chart_list):
        image = chart_image(chart, round(width)) if charts == "image" else blank
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{index}"), image)
    text.setHtml(_sized_images(source, heights, width))
    text.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, document.title)
    if page is not None:
        root = text.rootFrame().frameFormat()
        css = 96 / page.dpi  # the layout scales frame margins from CSS pixels to the device
        left, _top, right, _bottom = page.margins
        root.setLeftMargin(left * css)
        root.setRightMargin(right * css)
        root.setTopMargin(0)
        root.setBottomMargin(0)
        text.rootFrame().setFrameFormat(root)
    if device is not None:
        text.documentLayout().setPaintDevice(device)
    if page is not None:
        # One long page: the PDF writer cuts it into pages itself (see exports.pdf).
        text.setTextWidth(page.size.width())
    return text, chart_list


def _sized_images(source: str, heights: list[float], width: float) -> str:
    for index, height in enumerate(heights):
        source = source.replace(
            f'<img src="chart:{index}">',
            f'<img src="chart:{index}" width="{round(width)}" height="{round(height)}">',
        )
    return source


def chart_rects(text: QTextDocument) -> list[tuple[int, QRectF]]:
    """Where each chart's space is in the laid-out document (document coordinates)."""
    layout = text.documentLayout()
    found: list[tuple[int, QRectF]] = []
    block = text.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            name = fmt.toImageFormat().name() if fmt.isImageFormat() else ""
            if name.startswith("chart:"):
                image = fmt.toImageFormat()
                line = block.layout().lineForTextPosition(fragment.position() - block.position())
                origin = layout.blockBoundingRect(block).topLeft()
                found_x: Any = line.cursorToX(fragment.position() - block.position())
                x = float(found_x[0] if isinstance(found_x, tuple) else found_x)
                scale = layout.paintDevice().logicalDpiY() / 96 if layout.paintDevice() else 1
                height = image.height() * scale
                top = origin.y() + line.y() + line.ascent() - height
                found.append(
                    (
                        int(name.split(":", 1)[1]),
                        QRectF(origin.x() + line.x() + x, top, image.width() * scale, height),
                    )
                )
            iterator += 1
        block = block.next()
    return found


def paint_chart_at(painter: QPainter, rect: QRectF, chart: Chart) -> None:
    """Draw a chart as vectors into ``rect`` (device pixels), in CSS pixels scaled up."""
    scale = painter.device().logicalDpiX() / 96
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(scale, scale)
    paint_chart(
        painter, QRectF(0, 0, rect.width() / scale, rect.height() / scale), chart, chart_font()
    )
    painter.restore()
