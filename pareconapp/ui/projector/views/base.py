"""The projector view interface, and the two views every projector has (idle and blank)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QRectF, Qt

from pareconapp.i18n import translate
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.models import IdleModel, ProjectorSource, build_idle
from pareconapp.ui.projector.paint import Canvas, draw_text

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

M = TypeVar("M")


class ProjectorView(Generic[M]):
    """One thing the room can see.

    A view has a stable :attr:`view_id`, a translated :meth:`title` (menus, preview, cheat
    sheet), a Qt-free :meth:`build` that turns a :class:`ProjectorSource` into its view
    model (or ``None`` when there is nothing to show), and :meth:`paint`, which draws the
    model on a :class:`~pareconapp.ui.projector.paint.Canvas` of any size. A view that can be
    longer than the screen reports its :meth:`pages`; the facilitator turns them.
    """

    view_id: ClassVar[str] = ""

    @classmethod
    def title(cls) -> str:
        """The view's name in menus."""
        raise NotImplementedError

    @classmethod
    def build(cls, source: ProjectorSource) -> M | None:
        """The view model, from the services only; ``None`` when there is nothing to show."""
        raise NotImplementedError

    def pages(self, canvas: Canvas, model: M) -> int:
        """How many pages ``model`` needs on ``canvas`` (most views fit on one)."""
        return 1

    def paint(self, painter: QPainter, canvas: Canvas, model: M, page: int) -> None:
        """Draw ``model`` (its ``page``, from 0) inside ``canvas.content``."""
        raise NotImplementedError


class IdleView(ProjectorView[IdleModel]):
    """Nothing chosen: the assembly's name, calm and readable."""

    view_id = follow.IDLE

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Assembly name")

    @classmethod
    def build(cls, source: ProjectorSource) -> IdleModel:
        """Always something to show."""
        return build_idle(source)

    def paint(self, painter: QPainter, canvas: Canvas, model: IdleModel, page: int) -> None:
        """The name in the middle, the app's name under it."""
        rect = canvas.content
        name_area = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.62)
        draw_text(
            painter,
            name_area,
            model.assembly_name,
            canvas.font(2.6, bold=True),
            canvas.colours.foreground,
            align=Qt.AlignmentFlag.AlignHCenter,
            valign=Qt.AlignmentFlag.AlignBottom,
            max_lines=3,
            shrink=0.6,
        )
        draw_text(
            painter,
            QRectF(rect.left(), name_area.bottom() + canvas.px(1), rect.width(), canvas.px(3)),
            translate("Projector", "Parecon Assembly"),
            canvas.font(1.1),
            canvas.colours.muted,
            align=Qt.AlignmentFlag.AlignHCenter,
        )


class BlankView(ProjectorView[None]):
    """The blanked screen: nothing but the blank colour."""

    view_id = follow.BLANK

    @classmethod
    def title(cls) -> str:
        """The view's name."""
        return translate("Projector", "Blank screen")

    @classmethod
    def build(cls, source: ProjectorSource) -> None:
        """Nothing to build."""

    def paint(self, painter: QPainter, canvas: Canvas, model: None, page: int) -> None:
        """Fill everything with the blank colour."""
        painter.fillRect(canvas.rect, canvas.colours.blank)


AnyView = ProjectorView[Any]
