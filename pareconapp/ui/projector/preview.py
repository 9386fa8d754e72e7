"""The facilitator's thumbnail of what the room sees, with the projector's main controls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QHideEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp.i18n import translate
from pareconapp.ui.projector import follow
from pareconapp.ui.projector.follow import Reason
from pareconapp.ui.projector.surface import paint_shown

if TYPE_CHECKING:
    from pareconapp.ui.projector.controller import ProjectorController

PREVIEW_WIDTH = 240
"""The preview's preferred width in the dock, in pixels."""


class ProjectorPreview(QWidget):
    """What the projector shows, painted by the same views, scaled down.

    While the preview is visible the controller keeps refreshing even with the projector
    window closed, so the facilitator can prepare what the room will see.
    """

    def __init__(self, controller: ProjectorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("projectorPreview")
        self.setAccessibleName(self.tr("Projector preview"))
        self.setMinimumSize(QSize(PREVIEW_WIDTH * 3 // 4, PREVIEW_WIDTH * 9 // 16 * 3 // 4))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        controller.changed.connect(self.update)

    def hasHeightForWidth(self) -> bool:
        """The preview keeps the projector's proportions."""
        return True

    def heightForWidth(self, width: int) -> int:
        """As tall as the projector's proportions ask."""
        size = self.controller.canvas_rect().size()
        return int(width * size.height() / max(1.0, size.width()))

    def sizeHint(self) -> QSize:
        """A thumbnail narrow enough to leave the page its room."""
        return QSize(PREVIEW_WIDTH, self.heightForWidth(PREVIEW_WIDTH))

    def target(self) -> QRectF:
        """Where the scaled picture goes inside the widget."""
        size = self.controller.canvas_rect().size()
        scale = min(self.width() / size.width(), self.height() / size.height())
        width, height = size.width() * scale, size.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The projector's picture, scaled, with a thin frame."""
        painter = QPainter(self)
        canvas = self.controller.canvas_rect()
        target = self.target()
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / canvas.width(), target.height() / canvas.height())
        surface = self.controller.surface
        paint_shown(
            painter,
            QRectF(0, 0, canvas.width(), canvas.height()),
            self.controller.shown,
            self.controller.views,
            surface.colours(),
            surface.font(),
        )
        painter.restore()
        painter.setPen(self.palette().mid().color())
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        """Keep the picture fresh while visible."""
        super().showEvent(event)
        self.controller.preview_active = True
        self.controller.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """No refreshes for nobody."""
        super().hideEvent(event)
        self.controller.preview_active = False


class ProjectorPanel(QWidget):
    """The dock's contents: the preview, what it shows and why, and quick buttons."""

    def __init__(
        self,
        controller: ProjectorController,
        actions: list[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.preview = ProjectorPreview(controller)
        self.status = QLabel()
        self.status.setObjectName("projectorStatus")
        self.status.setWordWrap(True)
        buttons = QVBoxLayout()
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        controller.changed.connect(self.update_status)
        controller.visibility_changed.connect(lambda _: self.update_status())
        self.update_status()

    def update_status(self) -> None:
        """Say what the room sees and why."""
        self.status.setText(status_text(self.controller))


def status_text(controller: ProjectorController) -> str:
    """What the projector shows and why, in a sentence for the facilitator."""
    shown = controller.shown
    view = controller.views.get(shown.view_id)
    name = view.title() if view is not None else ""
    if shown.reason is Reason.BLANK:
        text = translate("Projector", "Blank screen")
    elif shown.reason is Reason.KIOSK:
        text = translate("Projector", "Ballot kiosk on the laptop: ballot progress only")
    elif shown.reason is Reason.PINNED:
        text = translate("Projector", "Pinned: {view}").format(view=name)
    elif shown.view_id == follow.IDLE:
        text = translate("Projector", "Following the meeting: nothing to show yet")
    else:
        text = translate("Projector", "Following the meeting: {view}").format(view=name)
    pages = controller.page_count()
    if pages > 1:
        text += " · " + translate("Projector", "page {n} of {total}").format(
            n=shown.page + 1, total=pages
        )
    if not controller.is_open:
        text += " · " + translate("Projector", "projector off")
    return text
