"""The painted surface the room sees, and the theme style sheets that colour it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from pareconapp.paths import resources_dir
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.follow import Reason
from pareconapp.ui.projector.paint import Canvas, Colours

if TYPE_CHECKING:
    from pareconapp.ui.projector.views import AnyView

THEMES = ("light", "dark")
DEFAULT_THEME = "light"


def theme_style_sheet(theme: str) -> str:
    """The style sheet of ``theme`` (``resources/themes/projector-<theme>.qss``)."""
    name = theme if theme in THEMES else DEFAULT_THEME
    return (resources_dir() / "themes" / f"projector-{name}.qss").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Shown:
    """What the projector shows: a view, its model, why, and which page of it."""

    view_id: str
    model: object | None
    reason: Reason
    page: int = 0


IDLE_SHOWN = Shown(follow.IDLE, None, Reason.FOLLOW)


def paint_shown(
    painter: QPainter,
    rect: QRectF,
    shown: Shown,
    views: dict[str, AnyView],
    colours: Colours,
    font: QFont,
) -> None:
    """Paint ``shown`` into ``rect`` (the window, a preview, a screenshot)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(rect)
    painter.fillRect(rect, colours.background)
    view = views.get(shown.view_id)
    if view is not None and (shown.model is not None or shown.view_id == follow.BLANK):
        view.paint(painter, Canvas(rect, colours, font), shown.model, shown.page)
    painter.restore()


def _colour_property(name: str) -> Property:
    def getter(self: ProjectorSurface) -> QColor:
        return self._colours[name]

    def setter(self: ProjectorSurface, colour: QColor) -> None:
        self._colours[name] = QColor(colour)
        self.update()

    return Property(QColor, getter, setter)


class ProjectorSurface(QWidget):
    """Paints a :class:`Shown`; its colours come from the theme's style sheet.

    The style sheet sets ``background-color`` and ``color`` and, through ``qproperty-*``,
    the other colours: muted text, accent, warning, overtime, passed, failed, panels, and
    the colour of the blanked screen.
    """

    def __init__(self, views: dict[str, AnyView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorSurface")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.views = views
        self.shown = IDLE_SHOWN
        defaults = Colours.default()
        self._colours: dict[str, QColor] = {
            "muted": defaults.muted,
            "accent": defaults.accent,
            "warning": defaults.warning,
            "overtime": defaults.overtime,
            "passed": defaults.passed,
            "failed": defaults.failed,
            "panel": defaults.panel,
            "blank": defaults.blank,
        }

    mutedColor = _colour_property("muted")
    accentColor = _colour_property("accent")
    warningColor = _colour_property("warning")
    overtimeColor = _colour_property("overtime")
    passedColor = _colour_property("passed")
    failedColor = _colour_property("failed")
    panelColor = _colour_property("panel")
    blankColor = _colour_property("blank")

    def set_theme(self, theme: str) -> None:
        """Colour the surface with ``theme`` ("light" or "dark")."""
        self.setStyleSheet(theme_style_sheet(theme))
        self.ensurePolished()
        self.update()

    def colours(self) -> Colours:
        """The theme's colours as the style sheet set them."""
        self.ensurePolished()
        palette = self.palette()
        c = self._colours
        return Colours(
            palette.window().color(),
            palette.windowText().color(),
            c["muted"],
            c["accent"],
            c["warning"],
            c["overtime"],
            c["passed"],
            c["failed"],
            c["panel"],
            c["blank"],
        )

    def set_shown(self, shown: Shown) -> None:
        """Show ``shown``."""
        self.shown = shown
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint what is shown."""
        painter = QPainter(self)
        paint_shown(
            painter, QRectF(self.rect()), self.shown, self.views, self.colours(), self.font()
        )
        painter.end()
