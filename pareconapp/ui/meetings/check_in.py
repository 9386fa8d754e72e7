"""Check-in on the shared laptop: members find their name and check themselves in.

A kiosk screen: large text, type to filter, Enter checks in. Leaving it needs the
facilitator passphrase, so the laptop can be passed around the room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pareconapp.ui import passphrase
from pareconapp.ui.guard import guarded

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService

WELCOME_MS = 1800


class CheckInScreen(QDialog):
    """The check-in kiosk for one meeting."""

    def __init__(
        self, assembly: AssemblyService, meeting_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.assembly = assembly
        self.meeting_id = meeting_id
        self._may_close = False
        self.setWindowTitle(self.tr("Check in"))
        heading = QLabel(self.tr("Welcome! Find your name and press Enter to check in."))
        heading.setObjectName("kioskHeading")
        heading.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("kioskFilter")
        self.filter.setPlaceholderText(self.tr("Type your name…"))
        self.filter.setAccessibleName(self.tr("Type your name"))
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.names = QListView()
        self.names.setObjectName("kioskList")
        self.names.setModel(self.proxy)
        self.names.setAccessibleName(self.tr("Members"))
        self.message = QLabel()
        self.message.setObjectName("kioskMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = QPushButton(self.tr("Facilitator: &finish check-in"))
        self.done_button.setToolTip(self.tr("Needs the facilitator passphrase"))
        self.done_button.setAutoDefault(False)  # Enter checks in; it never leaves the kiosk
        self.count = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.done_button)
        layout.addLayout(bottom)

        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._check_in_current)
        self.names.activated.connect(self._check_in)
        self.done_button.clicked.connect(self.finish)
        self._clear_message = QTimer(self)
        self._clear_message.setSingleShot(True)
        self._clear_message.timeout.connect(self.message.clear)
        self.reload()

    def reload(self) -> None:
        """Show every member with their check-in state."""
        self.model.clear()
        in_room = 0
        for row in self.assembly.attendance.roll(self.meeting_id):
            item = QStandardItem(row.display_name)
            item.setData(row.member_id, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            if row.in_room:
                in_room += 1
                item.setText(self.tr("{name}   ✓ checked in").format(name=row.display_name))
                item.setData(True, Qt.ItemDataRole.UserRole + 1)
            self.model.appendRow(item)
        self.count.setText(self.tr("%n member(s) checked in", "", in_room))
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount():
            self.names.setCurrentIndex(self.proxy.index(0, 0))

    def _check_in_current(self) -> None:
        index = self.names.currentIndex()
        if index.isValid():
            self._check_in(index)

    def _check_in(self, index: QModelIndex) -> None:
        member_id = index.data(Qt.ItemDataRole.UserRole)
        name = self.model.itemFromIndex(self.proxy.mapToSource(index)).text()

        def check_in() -> bool:
            self.assembly.attendance.check_in(self.meeting_id, member_id)
            return True

        if index.data(Qt.ItemDataRole.UserRole + 1):
            self._say(self.tr("You are already checked in."))
        elif guarded(self, check_in):
            self._say(self.tr("Welcome, {name}! You are checked in.").format(name=name))
        self.filter.clear()
        self.filter.setFocus()
        self.reload()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._clear_message.start(WELCOME_MS)

    def finish(self) -> None:
        """Leave the kiosk (facilitator passphrase)."""
        if passphrase.confirm_facilitator(
            self.assembly.security,
            self.tr("Enter the facilitator passphrase to leave the check-in screen."),
            self,
        ):
            self._may_close = True
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape asks for the passphrase instead of closing."""
        if event.key() == Qt.Key.Key_Escape:
            self.finish()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # handled by the name field and the list, never a default button
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Closing goes through the passphrase too."""
        if self._may_close:
            super().reject()
        else:
            self.finish()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Refuse to close without the passphrase."""
        if self._may_close:
            event.accept()
        else:
            event.ignore()
            self.finish()
