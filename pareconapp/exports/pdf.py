"""PDF minutes through Qt's PDF writer: paged A4 or Letter, running head, footer, page numbers.

The text document of the minutes is laid out once as one long page as wide as the paper;
the writer then cuts it into pages itself, so that

- no line, table row or chart is cut in two (unless it is taller than a page);
- a heading (or a table's caption) never ends a page: it goes with the first line or row of
  what follows, and a table's header row with its first row;
- a table continued on a new page repeats its header row.

Each page gets the running head (assembly, meeting, date, "DRAFT" until approved) above and
the footer (status, SHA-256 of approved minutes, "Page n of m") below. Long meetings get a
table of contents: its page numbers come from the first layout (the second layout, with the
numbers filled in, has the same geometry). Charts are drawn over their reserved space by the
app's chart painter, so they stay vectors.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from pareconapp import APP_NAME, __version__
from pareconapp.core.progress import Progress
from pareconapp.exports.document import Chart, Document
from pareconapp.exports.qt_app import gui_application
from pareconapp.exports.qt_document import (
    BODY_FONT,
    PageSetup,
    build_text_document,
    chart_rects,
    paint_chart_at,
)

Paper = Literal["a4", "letter"]
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
DPI = 300
MARGINS_MM = (18.0, 24.0, 18.0, 22.0)
"""Left, top, right, bottom: the running head and the footer sit inside them."""
HEAD_COLOUR = QColor("#4a5a56")
TABLE_PADDING = 7
"""CSS pixels of border and padding a table draws above its first row's text."""


def default_paper() -> Paper:
    """Letter where the locale measures in US units, A4 everywhere else."""
    from PySide6.QtCore import QLocale

    system = QLocale().measurementSystem()
    return "letter" if system is QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def write_pdf(
    document: Document,
    path: Path,
    paper: Paper | None = None,
    progress: Progress | None = None,
) -> int:
    """Write ``document`` as a PDF at ``path``; return the number of pages."""
    gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(PAPER_SIZES[paper or default_paper()]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    full = writer.pageLayout().fullRectPixels(DPI)
    setup = PageSetup(QSizeF(full.width(), full.height()), _margins(), DPI)
    text, charts = build_text_document(document, writer, "overlay", None, setup)
    pages = _paginate(text, setup)
    if document.contents():
        numbers = {key: pages.page_of(y) for key, y in _anchor_positions(text).items()}
        text, charts = build_text_document(document, writer, "overlay", numbers, setup)
        pages = _paginate(text, setup)
    rects = chart_rects(text)
    painter = QPainter(writer)
    try:
        for index, page in enumerate(pages.pages):
            if progress is not None:
                progress.report(index, len(pages.pages), "")
            if index:
                writer.newPage()
            _paint_page(painter, text, page, setup)
            _paint_charts(painter, charts, rects, page)
            _paint_margins(painter, document, index, len(pages.pages), setup)
    finally:
        painter.end()
    if progress is not None:
        progress.report(len(pages.pages), len(pages.pages), "")
    return len(pages.pages)


def _margins() -> tuple[float, float, float, float]:
    left, top, right, bottom = MARGINS_MM
    return _mm(left), _mm(top), _mm(right), _mm(bottom)


def _mm(value: float) -> float:
    return value * DPI / 25.4


# -- cutting the long page into pages --------------------------------------------------------


@dataclass(frozen=True)
class Slice:
    """A band of the long page (``top`` to ``bottom``) drawn at ``at`` on a page."""

    top: float
    bottom: float
    at: float


@dataclass(frozen=True)
class Page:
    """What one page shows: the repeated header of a continued table, then the body."""

    body: Slice
    header: Slice | None = None


@dataclass
class Pages:
    """The pages of a laid-out document."""

    pages: list[Page] = field(default_factory=list)

    def page_of(self, y: float) -> int:
        """The page (from 1) showing the point ``y`` of the long page."""
        starts = [page.body.top for page in self.pages]
        return max(1, bisect.bisect_right(starts, y))


@dataclass(frozen=True)
class _Table:
    top: float
    bottom: float
    row_edges: tuple[float, ...]
    """The boundaries between rows (the table's top and bottom not included)."""
    header_rows: int

    @property
    def header_bottom(self) -> float:
        return self.row_edges[self.header_rows - 1] if self.header_rows else self.top


@dataclass
class _Geometry:
    keep: list[tuple[float, float]] = field(default_factory=list)
    """Bands no page boundary may cross (a line, a row, a heading with what follows)."""
    tables: list[_Table] = field(default_factory=list)
    height: float = 0.0


def _blocks(text: QTextDocument) -> list[QTextBlock]:
    blocks = []
    block = text.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def _anchors(block: QTextBlock) -> list[str]:
    names: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        names.extend(iterator.fragment().charFormat().anchorNames())
        iterator += 1
    return names


def _anchor_positions(text: QTextDocument) -> dict[str, float]:
    """Where each anchor (a section's heading) is on the long page."""
    layout = text.documentLayout()
    positions: dict[str, float] = {}
    for block in _blocks(text):
        for name in _anchors(block):
            positions.setdefault(name, layout.blockBoundingRect(block).top())
    return positions


def _geometry(text: QTextDocument) -> _Geometry:
    """The bands that must stay on one page, and the tables (for continued headers)."""
    layout = text.documentLayout()
    geometry = _Geometry(height=text.size().height())
    rows: dict[int, dict[int, list[float]]] = {}  # table -> row -> [top, bottom]
    tables: dict[int, QTextTable] = {}
    first_unit: dict[int, tuple[float, float]] = {}  # block number -> its first band
    blocks = _blocks(text)
    for block in blocks:
        rect = layout.blockBoundingRect(block)
        table = QTextCursor(block).currentTable()
        if table is not None:
            key = table.firstPosition()
            tables.setdefault(key, table)
            cell = table.cellAt(block.position())
            extent = rows.setdefault(key, {}).setdefault(cell.row(), [rect.top(), rect.bottom()])
            extent[0], extent[1] = min(extent[0], rect.top()), max(extent[1], rect.bottom())
            continue
        lines = block.layout()
        if not block.text() or not lines.lineCount():
            continue
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            band = (rect.top() + line.y(), rect.top() + line.y() + line.height())
            geometry.keep.append(band)
            if index == 0:
                first_unit[block.blockNumber()] = band
    row_band: dict[int, dict[int, tuple[float, float]]] = {}
    for key, table in tables.items():
        frame = layout.frameBoundingRect(table)
        extents = [rows[key][r] for r in sorted(rows[key])]
        # The frame's rectangle starts at the first row's text; its border and padding are
        # drawn above it (but never over the line above), and its margin below the last row.
        pad = TABLE_PADDING * DPI / 96
        above = max((b for _t, b in geometry.keep if b <= frame.top() + 1), default=0.0)
        extents[0][0] = max(min(frame.top(), extents[0][0]) - pad, above)
        extents[-1][1] = min(frame.bottom(), extents[-1][1] + pad)
        edges = tuple((upper[1] + lower[0]) / 2 for upper, lower in itertools.pairwise(extents))
        header_rows = min(table.format().headerRowCount(), len(edges))
        info = _Table(extents[0][0], extents[-1][1], edges, header_rows)
        geometry.tables.append(info)
        bounds = (info.top, *edges, info.bottom)
        row_band[key] = {r: (bounds[r], bounds[r + 1]) for r in range(len(bounds) - 1)}
        geometry.keep.extend(row_band[key].values())
        if header_rows and len(bounds) > header_rows + 1:
            geometry.keep.append((info.top, bounds[header_rows + 1]))  # header + first row
    _keep_headings_with_next(text, blocks, geometry, first_unit, row_band)
    return geometry


def _keep_headings_with_next(
    text: QTextDocument,
    blocks: list[QTextBlock],
    geometry: _Geometry,
    first_unit: dict[int, tuple[float, float]],
    row_band: dict[int, dict[int, tuple[float, float]]],
) -> None:
    """A run of headings (title, small heading, caption) stays with what follows it.

    What follows is the first line of a paragraph or the first row of a table (after its
    header); a boxed remark right after the heading (a decision's verdict) is kept too,
    together with the first line or row after it.
    """
    layout = text.documentLayout()
    run_top: float | None = None
    boxed: int | None = None  # the table of a boxed remark already kept with the run
    for block in blocks:
        if block.blockFormat().headingLevel() >= 2 and _anchors(block):
            if run_top is None:
                run_top = layout.blockBoundingRect(block).top()
            continue
        if run_top is None or not block.text():
            continue
        table = QTextCursor(block).currentTable()
        if table is not None:
            if table.firstPosition() == boxed:
                continue
            bands = row_band[table.firstPosition()]
            header = min(table.format().headerRowCount(), len(bands) - 1)
            if boxed is None and len(bands) == 1 and not header:
                boxed = table.firstPosition()
                continue
            end = bands[header][1]
        else:
            end = first_unit.get(
                block.blockNumber(), (0.0, layout.blockBoundingRect(block).bottom())
            )[1]
        geometry.keep.append((run_top, end))
        run_top, boxed = None, None


def _merged(bands: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for top, bottom in sorted(bands):
        if merged and top < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _paginate(text: QTextDocument, setup: PageSetup) -> Pages:
    """Cut the long page into pages at the lowest place no band forbids."""
    geometry = _geometry(text)
    bands = _merged(geometry.keep)
    tops = [band[0] for band in bands]
    _left, top_margin, _right, bottom_margin = setup.margins
    height = setup.size.height() - top_margin - bottom_margin
    pages = Pages()
    start = 0.0
    while start < geometry.height - 1:
        table = next(
            (
                t
                for t in geometry.tables
                if t.header_rows and t.header_bottom <= start < t.bottom - 1 and start > t.top
            ),
            None,
        )
        header = None
        room = height
        if table is not None:
            header = Slice(table.top, table.header_bottom, top_margin)
            room -= table.header_bottom - table.top
        cut = start + room
        if cut >= geometry.height:  # the rest fits
            pages.pages.append(
                Page(Slice(start, geometry.height, _body_top(header, top_margin)), header)
            )
            break
        index = bisect.bisect_right(tops, cut) - 1
        if index >= 0 and bands[index][0] < cut < bands[index][1] and bands[index][0] > start:
            # Cut in the gap before the band, halfway to what ends above it.
            above = bands[index - 1][1] if index > 0 else start
            cut = (max(above, start) + bands[index][0]) / 2
        pages.pages.append(Page(Slice(start, cut, _body_top(header, top_margin)), header))
        start = cut
    if not pages.pages:
        pages.pages.append(Page(Slice(0.0, max(1.0, geometry.height), top_margin)))
    return pages


def _body_top(header: Slice | None, top_margin: float) -> float:
    return top_margin + (header.bottom - header.top if header is not None else 0.0)


# -- painting --------------------------------------------------------------------------------


def _paint_slice(painter: QPainter, text: QTextDocument, band: Slice, width: float) -> None:
    painter.save()
    painter.setClipRect(QRectF(0, band.at, width, band.bottom - band.top))
    painter.translate(0, band.at - band.top)
    context = QAbstractTextDocumentLayout.PaintContext()
    # One pixel in from each edge: a line starting exactly at the cut belongs to the next
    # page, and the layout draws every line that touches its clip (text in the PDF that the
    # clip hides would still be found by search and copy).
    context.clip = QRectF(0, band.top + 1, width, max(1.0, band.bottom - band.top - 2))
    context.palette.setColor(QPalette.ColorRole.Text, QColor("#1b1b1b"))
    text.documentLayout().draw(painter, context)
    painter.restore()


def _paint_page(painter: QPainter, text: QTextDocument, page: Page, setup: PageSetup) -> None:
    if page.header is not None:
        _paint_slice(painter, text, page.header, setup.size.width())
    _paint_slice(painter, text, page.body, setup.size.width())


def _paint_charts(
    painter: QPainter, charts: list[Chart], rects: list[tuple[int, QRectF]], page: Page
) -> None:
    body = page.body
    for chart, rect in rects:
        if body.top <= rect.top() < body.bottom:
            paint_chart_at(painter, rect.translated(0, body.at - body.top), charts[chart])


def _paint_margins(
    painter: QPainter, document: Document, index: int, pages: int, setup: PageSetup
) -> None:
    left, top, right, bottom = setup.margins
    page = setup.size
    width = page.width() - left - right
    font = QFont(BODY_FONT)
    font.setPointSizeF(7.5)
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(HEAD_COLOUR, _mm(0.2)))
    head = QRectF(left, top - _mm(12), width, _mm(8))
    align_bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(head, int(Qt.AlignmentFlag.AlignLeft | align_bottom), document.running_head)
    line_y = int(head.bottom() + _mm(1.5))
    painter.drawLine(int(left), line_y, int(left + width), line_y)
    if document.mark:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#b3261e"))
        painter.drawText(head, int(Qt.AlignmentFlag.AlignRight | align_bottom), document.mark)
        painter.setFont(font)
        painter.setPen(QPen(HEAD_COLOUR, _mm(0.2)))
    foot_top = page.height() - bottom + _mm(6)
    painter.drawLine(int(left), int(foot_top), int(left + width), int(foot_top))
    number = document.page_label.format(page=index + 1, pages=pages)
    number_width = painter.fontMetrics().horizontalAdvance(number) + _mm(4)
    painter.drawText(
        QRectF(left + width - number_width, foot_top + _mm(1.5), number_width, _mm(10)),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
        number,
    )
    painter.drawText(
        QRectF(left, foot_top + _mm(1.5), width - number_width, _mm(10)),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        document.footer,
    )
    painter.restore()
