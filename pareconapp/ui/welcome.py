"""Shown when no assembly is open: create, open, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp import APP_NAME
from pareconapp.paths import icon_path


class WelcomePage(QWidget):
    """The start screen."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        logo = QLabel()
        logo.setPixmap(QIcon(str(icon_path("pareconapp"))).pixmap(QSize(96, 96)))
        title = QLabel(APP_NAME)
        title.setObjectName("welcomeTitle")
        subtitle = QLabel(
            self.tr(
                "Run your workplace assembly: balanced job complexes, self-managed decisions, "
                "remuneration for effort and sacrifice, participatory planning."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setObjectName("welcomeSubtitle")

        self.new_button = QPushButton(self.tr("&New assembly…"))
        self.open_button = QPushButton(self.tr("&Open assembly…"))
        self.demo_button = QPushButton(self.tr("Try the &demo assembly"))
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        self.recent_label = QLabel(self.tr("&Recent assemblies"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent assemblies"))
        self.recent_label.setBuddy(self.recent)
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.addStretch(1)
        head = QHBoxLayout()
        head.setSpacing(24)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        titles.addStretch(1)
        head.addLayout(titles, 1)
        column.addLayout(head)
        column.addSpacing(32)
        column.addLayout(buttons)
        column.addSpacing(32)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        self.recent.setMaximumHeight(260)
        column.addStretch(2)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(820)
        outer.addWidget(inner, 4)
        outer.addStretch(1)

    def set_recent_files(self, paths: list[str]) -> None:
        """Show the recent files, most recent first; missing files are marked."""
        self.recent.clear()
        for text in paths:
            path = Path(text)
            label = f"{path.stem}    —    {path.parent}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(text)
            if not path.exists():
                item.setText(self.tr("{label} (missing)").format(label=label))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent.addItem(item)
        has_recent = self.recent.count() > 0
        self.recent.setVisible(has_recent)
        self.recent_label.setVisible(has_recent)
