"""The speakers' stack: a Qt model over the service's state, and the facilitator's panel.

:class:`StackModel` only reflects a :class:`~pareconapp.services.speakers.StackState`, so the
projector can show the same state in its own view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.stack import RULES, TurnKind
from pareconapp.i18n import translate
from pareconapp.ui.guard import guarded
from pareconapp.ui.meetings.labels import duration, turn_kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.speakers import SpeakerRow, StackState

Index = QModelIndex | QPersistentModelIndex
ENTRY_MIME = "application/x-pareconapp-speaker-entry"


class StackModel(QAbstractListModel):
    """The waiting speakers, in speaking order; rows can be dragged to a new place."""

    move_requested = Signal(int, int)  # entry id, new index

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._state: StackState | None = None

    def set_state(self, state: StackState | None) -> None:
        """Show ``state``."""
        self.beginResetModel()
        self._state = state
        self.endResetModel()

    def entry(self, row: int) -> SpeakerRow:
        """The waiting entry at ``row``."""
        assert self._state is not None
        return self._state.waiting[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of people waiting."""
        if parent.isValid() or self._state is None:
            return 0
        return len(self._state.waiting)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name with the kind of turn and how often they spoke."""
        if self._state is None or not index.isValid():
            return None
        entry = self._state.waiting[index.row()]
        turns = self._state.turns_taken.get(entry.member_id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            kind = turn_kind(entry.kind)
            text = f"{index.row() + 1}.  {entry.display_name}"
            if kind:
                text += f"  — {kind}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Spoke %n time(s) in this meeting", "", turns)
        if role == Qt.ItemDataRole.UserRole:
            return entry.entry_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected and dragged; drops go between rows."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        """Drag to reorder."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The drag payload type."""
        return [ENTRY_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Carry the dragged entry's id."""
        data = QMimeData()
        if indexes:
            data.setData(ENTRY_MIME, str(self.entry(indexes[0].row()).entry_id).encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; the panel performs it through the service and refreshes."""
        if not data.hasFormat(ENTRY_MIME) or self._state is None:
            return False
        entry_id = int(bytes(data.data(ENTRY_MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        old = next(i for i, e in enumerate(self._state.waiting) if e.entry_id == entry_id)
        if target > old:
            target -= 1
        self.move_requested.emit(entry_id, target)
        return False  # the refresh after the move redraws the list


class SpeakerNameField(QLineEdit):
    """Name field: Enter = ordinary turn, Ctrl+Enter = direct response, Shift+Enter = order."""

    add_requested = Signal(str, object)  # text, TurnKind

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter adds the speaker with the kind chosen by the modifier."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self.completer().popup() if self.completer() else None
            if popup is not None and popup.isVisible() and popup.currentIndex().isValid():
                self.setText(popup.currentIndex().data())
                popup.hide()
            modifiers = event.modifiers()
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                kind = TurnKind.POINT_OF_ORDER
            elif modifiers & Qt.KeyboardModifier.ControlModifier:
                kind = TurnKind.DIRECT_RESPONSE
            else:
                kind = TurnKind.NORMAL
            self.add_requested.emit(self.text(), kind)
            return
        super().keyPressEvent(event)


class StackPanel(QWidget):
    """The facilitator's speakers' stack for the running meeting."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.meeting_id: int | None = None
        self.state: StackState | None = None
        self.names: dict[str, int] = {}

        title = QLabel(self.tr("Speakers' stack"))
        title.setObjectName("sectionHeading")
        self.current_label = QLabel()
        self.current_label.setObjectName("currentSpeaker")
        self.current_label.setWordWrap(True)
        self.current_time = QLabel()
        self.current_time.setObjectName("speakerClock")
        self.next_button = QPushButton(self.tr("&Next speaker"))
        self.next_button.setToolTip(self.tr("Give the floor to the first in the queue (F8)"))
        self.finish_button = QPushButton(self.tr("&Finish turn"))
        self.finish_button.setToolTip(self.tr("End the current turn without calling anyone"))

        self.name_field = SpeakerNameField()
        self.name_field.setPlaceholderText(self.tr("Add a speaker: type a name, Enter"))
        self.name_field.setToolTip(
            self.tr(
                "Enter: ordinary turn · Ctrl+Enter: direct response · Shift+Enter: point of order"
            )
        )
        self.name_field.setAccessibleName(self.tr("Add a speaker"))
        self.completer_model = QStringListModel(self)
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_field.setCompleter(completer)
        self.response_button = QPushButton(self.tr("Direct &response"))
        self.order_button = QPushButton(self.tr("Point of &order"))

        self.model = StackModel(self)
        self.queue = QListView()
        self.queue.setObjectName("speakerQueue")
        self.queue.setModel(self.model)
        self.queue.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.queue.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.queue.setAccessibleName(self.tr("Waiting speakers"))
        self.queue.setToolTip(
            self.tr("Drag, or Alt+Up / Alt+Down, to move someone; Delete takes them off the stack")
        )

        self.progressive = QCheckBox(self.tr("&Progressive stack"))
        self.progressive.setToolTip(translate(RULES.context, RULES.text))
        self.limit = QSpinBox()
        self.limit.setRange(0, 60)
        self.limit.setSuffix(self.tr(" min"))
        self.limit.setSpecialValueText(self.tr("no limit"))
        self.limit.setToolTip(self.tr("Speaking time per turn; the clock turns red after it"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.current_label)
        layout.addWidget(self.current_time)
        row = QHBoxLayout()
        row.addWidget(self.next_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        layout.addWidget(self.name_field)
        row = QHBoxLayout()
        row.addWidget(self.response_button)
        row.addWidget(self.order_button)
        layout.addLayout(row)
        layout.addWidget(self.queue, 1)
        row = QHBoxLayout()
        row.addWidget(self.progressive)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Limit:")))
        row.addWidget(self.limit)
        layout.addLayout(row)

        self.next_button.clicked.connect(self.next_speaker)
        self.finish_button.clicked.connect(self.finish_turn)
        self.name_field.add_requested.connect(self.add_by_name)
        self.response_button.clicked.connect(
            lambda: self.add_by_name(self.name_field.text(), TurnKind.DIRECT_RESPONSE)
        )
        self.order_button.clicked.connect(
            lambda: self.add_by_name(self.name_field.text(), TurnKind.POINT_OF_ORDER)
        )
        self.model.move_requested.connect(self.move_entry)
        self.progressive.toggled.connect(self._set_progressive)
        self.limit.valueChanged.connect(self._set_limit)
        for keys, slot in (
            ("Delete", self.withdraw_selected),
            ("Alt+Up", lambda: self._move_selected(-1)),
            ("Alt+Down", lambda: self._move_selected(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.queue)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def show_meeting(self, assembly: AssemblyService, meeting_id: int) -> None:
        """Follow the stack of ``meeting_id``."""
        self.assembly, self.meeting_id = assembly, meeting_id
        members = assembly.members.list_members(active_only=True)
        self.names = {m.display_name.casefold(): m.id for m in members}
        self.completer_model.setStringList([m.display_name for m in members])
        self.refresh()

    def refresh(self) -> None:
        """Reload the stack from the service."""
        if self.assembly is None or self.meeting_id is None:
            return
        self.state = self.assembly.speakers.state(self.meeting_id)
        selected = self._selected_entry()
        self.model.set_state(self.state)
        for blocked in (self.progressive, self.limit):
            blocked.blockSignals(True)
        self.progressive.setChecked(self.state.progressive)
        self.limit.setValue((self.state.limit_seconds or 0) // 60)
        for blocked in (self.progressive, self.limit):
            blocked.blockSignals(False)
        if selected is not None:
            for row, entry in enumerate(self.state.waiting):
                if entry.entry_id == selected:
                    self.queue.setCurrentIndex(self.model.index(row))
        self.tick()
        self.changed.emit()

    def tick(self) -> None:
        """Update the current speaker's clock."""
        state = self.state
        if state is None or self.assembly is None:
            return
        if state.current is None:
            self.current_label.setText(self.tr("Nobody has the floor"))
            self.current_time.setText("")
            self.current_time.setProperty("over", False)
        else:
            now = self.assembly.clock()
            kind = turn_kind(state.current.kind)
            self.current_label.setText(
                self.tr("Speaking: {name}").format(name=state.current.display_name)
                + (f" — {kind}" if kind else "")
            )
            spoken = duration(state.speaking_seconds(now))
            if state.limit_seconds:
                spoken += " / " + duration(state.limit_seconds)
            self.current_time.setText(spoken)
            self.current_time.setProperty("over", state.over_limit(now))
        self.current_time.style().unpolish(self.current_time)
        self.current_time.style().polish(self.current_time)

    # -- actions --------------------------------------------------------------------------

    def add_by_name(self, text: str, kind: TurnKind) -> None:
        """Add the member called ``text`` (display name, any case)."""
        if self.assembly is None or self.meeting_id is None:
            return
        member_id = self.names.get(text.strip().casefold())
        if member_id is None:
            matches = [i for n, i in self.names.items() if text.strip().casefold() in n]
            member_id = matches[0] if len(matches) == 1 and text.strip() else None
        if member_id is None:
            self.name_field.setStyleSheet("border: 2px solid #b00020;")
            self.name_field.setToolTip(self.tr('No member is called "{name}"').format(name=text))
            return
        self.name_field.setStyleSheet("")
        assembly, meeting_id = self.assembly, self.meeting_id
        if guarded(self, lambda: assembly.speakers.add(meeting_id, member_id, kind)) is not None:
            self.name_field.clear()
            self.refresh()

    def next_speaker(self) -> None:
        """Give the floor to the next in line."""
        if self.assembly is not None and self.meeting_id is not None:
            assembly, meeting_id = self.assembly, self.meeting_id
            guarded(self, lambda: assembly.speakers.next_speaker(meeting_id))
            self.refresh()

    def finish_turn(self) -> None:
        """End the current turn."""
        if self.assembly is not None and self.meeting_id is not None:
            self.assembly.speakers.finish_current(self.meeting_id)
            self.refresh()

    def move_entry(self, entry_id: int, index: int) -> None:
        """Move a waiting entry."""
        if self.assembly is not None:
            self.assembly.speakers.move(entry_id, index)
            self.refresh()

    def withdraw_selected(self) -> None:
        """Take the selected person off the stack."""
        entry_id = self._selected_entry()
        if entry_id is not None and self.assembly is not None:
            self.assembly.speakers.withdraw(entry_id)
            self.refresh()

    def _move_selected(self, offset: int) -> None:
        entry_id = self._selected_entry()
        if entry_id is not None:
            self.move_entry(entry_id, self.queue.currentIndex().row() + offset)

    def _selected_entry(self) -> int | None:
        index = self.queue.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _set_progressive(self, on: bool) -> None:
        if self.assembly is not None and self.meeting_id is not None:
            self.assembly.speakers.set_progressive(self.meeting_id, on)
            self.refresh()

    def _set_limit(self, minutes: int) -> None:
        if self.assembly is not None and self.meeting_id is not None:
            assembly, meeting_id = self.assembly, self.meeting_id
            guarded(self, lambda: assembly.speakers.set_limit(meeting_id, minutes * 60 or None))
            self.refresh()
