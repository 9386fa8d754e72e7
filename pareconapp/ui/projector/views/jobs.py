"""The job-complex balance: every member's complex around the workplace average.

Each point is one member's job complex (its hour-weighted average empowerment and
desirability); the cross is the workplace average and the shaded band the goal (within 1 %
of the rating scale). The room sees at a glance whether the complexes are balanced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from pareconapp.i18n import translate
from pareconapp.ui.jobs.charts import ComplexScatterData, ScatterPoint, paint_complex_scatter
from pareconapp.ui.meetings.labels import date_time
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.models import JobBalanceModel, ProjectorSource, build_job_balance
from pareconapp.ui.projector.paint import Canvas, chart_card, draw_text, header, title
from pareconapp.ui.projector.views.base import ProjectorView

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

GOAL_SHARE = 0.01
"""The goal band: within 1 % of the rating scale's range of the workplace average."""


class JobBalanceView(ProjectorView[JobBalanceModel]):
    """The current job complexes as points around the workplace average."""

    view_id = follow.JOBS

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Job-complex balance")

    @classmethod
    def build(cls, source: ProjectorSource) -> JobBalanceModel | None:
        """The workplace's current job complexes."""
        return build_job_balance(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: JobBalanceModel, page: int) -> None:
        """Title, the largest deviations in words, the scatter chart."""
        colours = canvas.colours
        context = (
            translate("Projector", "Balanced job complexes") + " · " + date_time(model.created_at)
        )
        top = header(painter, canvas, context)
        top = title(painter, canvas, top, model.title, 1.6)
        content = canvas.content
        low, high = model.scale
        span = float(high - low) or 1.0
        empowerment, desirability = model.largest_deviations
        summary = translate(
            "Projector",
            "Largest distance from the workplace average: empowerment {e}, desirability {d} "
            "({pe} and {pd} of the {low}-{high} scale).",
        ).format(
            e=f"{empowerment:.2f}",
            d=f"{desirability:.2f}",
            pe=f"{empowerment / span * 100:.1f} %",
            pd=f"{desirability / span * 100:.1f} %",
            low=low,
            high=high,
        )
        top += draw_text(
            painter,
            QRectF(content.left(), top, content.width(), canvas.px(2.6)),
            summary,
            canvas.font(1.0),
            colours.muted,
            max_lines=2,
        )
        top += canvas.px(0.5)
        side = min(content.width(), content.bottom() - top - canvas.px(0.5))
        chart = QRectF(
            content.left() + (content.width() - side) / 2, top + canvas.px(0.5), side, side
        )
        ink = chart_card(painter, canvas, chart)
        paint_complex_scatter(
            painter,
            chart,
            ComplexScatterData(
                tuple(ScatterPoint(p.name, p.empowerment, p.desirability) for p in model.points),
                model.average,
                GOAL_SHARE * span,
                (
                    translate("Projector", "Empowerment"),
                    translate("Projector", "Desirability"),
                ),
                translate("Projector", "workplace average"),
                translate("Projector", "within 1 % of the scale"),
            ),
            ink,
            canvas.font(0.9),
        )
