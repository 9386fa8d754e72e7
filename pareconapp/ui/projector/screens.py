"""Which screen the projector uses: the list of screens, the default, and the chooser."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp.i18n import translate


@dataclass(frozen=True)
class ScreenChoice:
    """A screen (by its name) and whether the projector fills it."""

    name: str
    full_screen: bool


def screens() -> list[QScreen]:
    """Every connected screen."""
    return list(QGuiApplication.screens())


def find_screen(name: str) -> QScreen | None:
    """The connected screen called ``name``."""
    return next((s for s in screens() if s.name() == name), None)


def default_choice(laptop: QScreen | None) -> ScreenChoice:
    """Full screen on another display if there is one, else a window on the laptop's."""
    laptop = laptop or QGuiApplication.primaryScreen()
    others = [s for s in screens() if s is not laptop]
    if others:
        return ScreenChoice(others[0].name(), True)
    return ScreenChoice(laptop.name() if laptop else "", False)


def screen_label(screen: QScreen, laptop: QScreen | None, number: int = 1) -> str:
    """A screen as the chooser lists it: name, model, resolution, and whose it is."""
    size = screen.size()
    parts = [screen.name() or translate("Projector", "Screen {n}").format(n=number)]
    model = " ".join(p for p in (screen.manufacturer(), screen.model()) if p).strip()
    if model and model not in screen.name():
        parts.append(model)
    text = " · ".join(parts) + f" — {size.width()} × {size.height()}"
    if screen is laptop:
        text += " " + translate("Projector", "(the main window's screen)")
    elif screen is QGuiApplication.primaryScreen():
        text += " " + translate("Projector", "(primary)")
    return text


class ScreenChooser(QDialog):
    """Pick the projector's screen and whether it fills it or opens as a window."""

    def __init__(
        self, current: ScreenChoice, laptop: QScreen | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Projector screen"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Screens"))
        for number, screen in enumerate(screens(), start=1):
            entry = QListWidgetItem(screen_label(screen, laptop, number))
            entry.setData(Qt.ItemDataRole.UserRole, screen.name())
            self.list.addItem(entry)
            if screen.name() == current.name:
                self.list.setCurrentItem(entry)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.full_screen = QRadioButton(self.tr("&Full screen (a second display or projector)"))
        self.windowed = QRadioButton(
            self.tr("In a &window (a laptop that mirrors its screen to the projector)")
        )
        (self.full_screen if current.full_screen else self.windowed).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Show projector"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = QLabel(self.tr("Show the projector on:"))
        label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(self.full_screen)
        layout.addWidget(self.windowed)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _: self.accept())

    def choice(self) -> ScreenChoice:
        """The screen and mode chosen."""
        entry = self.list.currentItem()
        name = entry.data(Qt.ItemDataRole.UserRole) if entry is not None else ""
        return ScreenChoice(str(name), self.full_screen.isChecked())
