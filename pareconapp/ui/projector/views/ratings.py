"""Rating spreads: a rating round's progress while open, its dot plots once closed.

Contested tasks (spread above the round's threshold) come first and are marked red, so the
room can discuss them before they are rated again. A round with many tasks is paged.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from pareconapp.core.rating_rounds import RoundStatus
from pareconapp.i18n import translate
from pareconapp.ui.jobs.charts import paint_dot_plots
from pareconapp.ui.jobs.results import dot_plot_data
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.models import ProjectorSource, RatingsModel, build_ratings
from pareconapp.ui.projector.paint import (
    Canvas,
    chart_card,
    draw_text,
    header,
    header_height,
    meter,
    mix,
    title,
    title_height,
)
from pareconapp.ui.projector.views.base import ProjectorView

ROW_UNITS = 3.4
"""Height of one task's two lanes, in body units."""
CHROME_LINES = 4.5
"""Lines of text around the plots: the scale on top, the legend (two lines) below."""


class RatingsView(ProjectorView[RatingsModel]):
    """A rating round: how many have rated, then each task's spread (contested first)."""

    view_id = follow.RATINGS

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Rating spreads")

    @classmethod
    def build(cls, source: ProjectorSource) -> RatingsModel | None:
        """The round of the current item, else the newest round that has opened."""
        return build_ratings(source)

    def _layout(self, canvas: Canvas, model: RatingsModel) -> tuple[QRectF, int]:
        """The area of the plots and how many tasks fit on a page."""
        content = canvas.content
        top = content.top() + header_height(canvas) + title_height(canvas, model.round.title)
        top += QFontMetricsF(canvas.font(1.0)).lineSpacing() * 2 + canvas.px(0.4)
        area = QRectF(content.left(), top, content.width(), content.bottom() - top)
        chrome = QFontMetricsF(canvas.font(1.0)).height() * CHROME_LINES
        per_page = max(1, int((area.height() - chrome) // canvas.px(ROW_UNITS)))
        return area, per_page

    def pages(self, canvas: Canvas, model: RatingsModel) -> int:
        """Pages of tasks at this size."""
        if model.results is None:
            return 1
        per_page = self._layout(canvas, model)[1]
        return max(1, math.ceil(len(model.results.tasks) / per_page))

    def paint(self, painter: QPainter, canvas: Canvas, model: RatingsModel, page: int) -> None:
        """Title, a line on the contested tasks, one page of dot plots."""
        colours = canvas.colours
        pages = self.pages(canvas, model)
        right = (
            translate("Projector", "Page {n} of {total}").format(n=page + 1, total=pages)
            if pages > 1
            else ""
        )
        state = {
            RoundStatus.DRAFT: translate("Projector", "in preparation"),
            RoundStatus.OPEN: translate("Projector", "rating"),
            RoundStatus.CLOSED: translate("Projector", "closed"),
        }[model.round.status]
        top = header(painter, canvas, translate("Projector", "Rating round") + " · " + state, right)
        top = title(painter, canvas, top, model.round.title)
        content = canvas.content
        results = model.results
        if results is None:
            self._paint_progress(painter, canvas, model, top)
            return
        names = {t.task_id: t.name for t in results.tasks}
        contested = [names[i] for i in results.contested if i in names]
        summary = (
            translate("Projector", "Contested (spread above {threshold}): {tasks}").format(
                threshold=f"{results.threshold:g}", tasks=", ".join(contested)
            )
            if contested
            else translate("Projector", "No task is contested: the raters broadly agree.")
        )
        draw_text(
            painter,
            QRectF(content.left(), top, content.width(), canvas.px(2.6)),
            summary,
            canvas.font(1.0, bold=bool(contested)),
            colours.overtime if contested else colours.muted,
            max_lines=2,
        )
        area, per_page = self._layout(canvas, model)
        data = dot_plot_data(results, "spread")
        page = max(0, min(page, pages - 1))
        rows = data.rows[page * per_page : (page + 1) * per_page]
        line = QFontMetricsF(canvas.font(1.0)).height()
        room = area.height() - line * CHROME_LINES
        row_height = min(canvas.px(ROW_UNITS * 1.4), max(canvas.px(ROW_UNITS), room / len(rows)))
        height = min(area.height() - 3 * line, line * 1.5 + row_height * len(rows))
        plots = QRectF(area.left(), area.top(), area.width(), height)
        ink = chart_card(painter, canvas, plots)
        paint_dot_plots(painter, plots, replace(data, rows=rows, legend=""), ink, canvas.font(1.0))
        draw_text(  # the legend, wrapped (the chart draws it on one line)
            painter,
            QRectF(area.left(), area.top() + height + line * 0.8, area.width(), line * 2.6),
            data.legend,
            canvas.font(1.0),
            colours.muted,
            max_lines=2,
        )

    def _paint_progress(
        self, painter: QPainter, canvas: Canvas, model: RatingsModel, top: float
    ) -> None:
        colours = canvas.colours
        content = canvas.content
        count = translate("Projector", "{done} of {raters}").format(
            done=model.done, raters=model.raters
        )
        height = canvas.px(4.2) * 1.2
        draw_text(
            painter,
            QRectF(content.left(), top, content.width(), height),
            count,
            canvas.font(4.2, bold=True),
            colours.accent,
            align=Qt.AlignmentFlag.AlignHCenter,
            max_lines=1,
            shrink=0.4,
        )
        top += height
        top += draw_text(
            painter,
            QRectF(content.left(), top, content.width(), canvas.px(2)),
            translate("Projector", "have rated"),
            canvas.font(1.3),
            colours.foreground,
            align=Qt.AlignmentFlag.AlignHCenter,
            max_lines=1,
        )
        top += canvas.px(1)
        bar = QRectF(
            content.left() + content.width() * 0.08, top, content.width() * 0.84, canvas.px(0.6)
        )
        track = mix(colours.background, colours.foreground, 0.15)
        meter(painter, bar, model.done / (model.raters or 1), colours.accent, track)
        top += canvas.px(1.6)
        draw_text(
            painter,
            QRectF(content.left(), top, content.width(), content.bottom() - top),
            translate("Projector", "The ratings are shown when the round closes."),
            canvas.font(1.0),
            colours.muted,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
