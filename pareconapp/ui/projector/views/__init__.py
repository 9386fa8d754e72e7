"""The projector's views, in menu order (Alt+1, Alt+2, ... pin them).

Adding a view (say, rating spreads) takes three small steps:

1. A view model: a frozen dataclass and a ``build_<view>(source)`` function in
   :mod:`pareconapp.ui.projector.models` (or a module of your area), reading only services
   through the :class:`~pareconapp.ui.projector.models.ProjectorSource` - no Qt, no widgets.
   Return ``None`` when there is nothing to show.
2. A view class: subclass :class:`~pareconapp.ui.projector.views.base.ProjectorView`, set
   ``view_id``, and implement ``title()``, ``build()`` (call your builder) and ``paint()``,
   drawing on the :class:`~pareconapp.ui.projector.paint.Canvas` with its scaled fonts and
   the theme's colours (:func:`~pareconapp.ui.projector.paint.header`,
   :func:`~pareconapp.ui.projector.paint.title`, :func:`~pareconapp.ui.charts.paint_bar_chart`
   ...). Use ``canvas.unit`` for every size, so the view reads the same at 1024x768 and 4K.
3. List the class in :func:`view_classes` below. The Projector menu, its Alt+number
   shortcut, the preview and the cheat sheet pick it up from there; add its screenshots to
   ``docs/make_screenshots.py`` (``PROJECTOR_VIEWS``) and a line to the user guide.

To have "follow the meeting" show it, extend :func:`pareconapp.ui.projector.follow.follow_views`.
"""

from __future__ import annotations

from pareconapp.ui.projector.views.base import AnyView, BlankView, IdleView, ProjectorView


def view_classes() -> list[type[AnyView]]:
    """The views the facilitator can pin, in menu order."""
    from pareconapp.ui.projector.views.decisions import (
        ProgressView,
        ProposalView,
        ResultView,
        WeightsView,
    )
    from pareconapp.ui.projector.views.jobs import JobBalanceView
    from pareconapp.ui.projector.views.meeting import AgendaView, ItemView, StackView
    from pareconapp.ui.projector.views.planning import PlanningView
    from pareconapp.ui.projector.views.ratings import RatingsView

    return [
        AgendaView,
        ItemView,
        StackView,
        ProposalView,
        WeightsView,
        ProgressView,
        ResultView,
        RatingsView,
        JobBalanceView,
        PlanningView,
    ]


def all_views() -> dict[str, AnyView]:
    """One instance of every view (the pinnable ones, idle and blank) by id."""
    classes: list[type[AnyView]] = [*view_classes(), IdleView, BlankView]
    return {cls.view_id: cls() for cls in classes}


__all__ = ["AnyView", "BlankView", "IdleView", "ProjectorView", "all_views", "view_classes"]
