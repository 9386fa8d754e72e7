"""Planning on the projector: how the rounds converge, and what this assembly's part was.

The chart is the Planning page's convergence chart (each good's imbalance by round on a log
scale, the largest in bold, the threshold line). Beside it, in a walk-through, the goods this
assembly's proposal moved most in the last closed round - their imbalance with the proposal
and without it - so the room sees what its own proposal did to the totals; in a real year,
the goods still out of balance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from pareconapp.i18n import translate
from pareconapp.ui.planning.charts import convergence_data, paint_convergence
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.paint import (
    Canvas,
    Line,
    Row,
    chart_card,
    draw_lines,
    draw_rows,
    header,
    lines_height,
    title,
)
from pareconapp.ui.projector.planning_model import PlanningModel, build_planning
from pareconapp.ui.projector.views.base import ProjectorView

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

    from pareconapp.ui.projector.models import ProjectorSource

CHART_SHARE = 0.57
"""The chart's share of the width; the list of goods takes the rest."""


def _percent(value: float) -> str:
    return f"{value * 100:.1f} %"


def _goal(value: float) -> str:
    return f"{value * 100:g} %"


class PlanningView(ProjectorView[PlanningModel]):
    """A planning year's convergence, with this assembly's part of the last round."""

    view_id = follow.PLANNING

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Planning rounds")

    @classmethod
    def build(cls, source: ProjectorSource) -> PlanningModel | None:
        """The year on the Planning page, else the newest with a round's totals."""
        return build_planning(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: PlanningModel, page: int) -> None:
        """Context, the round's largest imbalance, the chart and the list beside it."""
        colours = canvas.colours
        kind = (
            translate("Projector", "Planning walk-through")
            if model.practice
            else translate("Projector", "Participatory planning")
        )
        top = header(painter, canvas, kind + " · " + model.year_name)
        done = model.largest <= model.threshold
        heading = (
            translate("Projector", "Round {n}: every good within {goal} - the plan is balanced")
            if done
            else translate("Projector", "Round {n}: largest imbalance {largest} · goal ≤ {goal}")
        ).format(n=model.round_number, largest=_percent(model.largest), goal=_goal(model.threshold))
        top = title(painter, canvas, top, heading, 1.6)
        content = canvas.content
        gap = canvas.px(1.2)
        chart_width = content.width() * CHART_SHARE
        chart = QRectF(content.left(), top, chart_width, content.bottom() - top)
        ink = chart_card(painter, canvas, chart)
        paint_convergence(painter, chart, convergence_data(model.history), ink, canvas.font(0.8))
        side = QRectF(
            chart.right() + gap, top, content.right() - chart.right() - gap, chart.height()
        )
        if model.practice:
            lines = [
                Line(
                    translate("Projector", "Our proposal in round {n}").format(
                        n=model.round_number
                    ),
                    1.1,
                    bold=True,
                ),
                Line(
                    translate("Projector", "Imbalance without us → with us"),
                    0.85,
                    colours.muted,
                    lines=2,
                ),
            ]
            rows = [
                Row(r.good, f"{(r.without or 0.0) * 100:.1f} → {_percent(r.imbalance)}")
                for r in model.rows
            ]
            empty = translate("Projector", "Our proposal has no goods in this round.")
        else:
            lines = [
                Line(translate("Projector", "Out of balance"), 1.1, bold=True),
                Line(
                    translate("Projector", "Imbalance above {goal}").format(
                        goal=_goal(model.threshold)
                    ),
                    0.85,
                    colours.muted,
                ),
            ]
            rows = [Row(r.good, _percent(r.imbalance)) for r in model.rows]
            empty = translate("Projector", "Every good is within the goal.")
        draw_lines(painter, canvas, side, lines)
        below = side.top() + lines_height(canvas, side.width(), lines) + canvas.px(0.6)
        rest = QRectF(side.left(), below, side.width(), side.bottom() - below)
        if rows:
            draw_rows(painter, canvas, rest, rows, size=0.9, largest=1.0)
        else:
            draw_lines(painter, canvas, rest, [Line(empty, 1.0, colours.muted, lines=3)])
