"""Preparing a meeting's agenda: ordered items, each with kind, timebox, presenter, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.meetings import AgendaKind
from pareconapp.services.meetings import AgendaItemRow, ItemFields, MeetingDetail
from pareconapp.ui.guard import attempt, guarded
from pareconapp.ui.meetings.labels import agenda_kind, item_state, item_title, minutes_text
from pareconapp.ui.rich_text import RichTextEditor

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pareconapp.services.assembly import AssemblyService

Index = QModelIndex | QPersistentModelIndex
ITEM_MIME = "application/x-pareconapp-agenda-item"


class AgendaModel(QAbstractTableModel):
    """The agenda's items in order; rows can be dragged to a new place."""

    move_requested = Signal(int, int)  # item id, new index

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: tuple[AgendaItemRow, ...] = ()

    def set_items(self, items: tuple[AgendaItemRow, ...]) -> None:
        """Show ``items``."""
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def headers(self) -> list[str]:
        """Column titles."""
        return [
            "#",
            self.tr("Item"),
            self.tr("Kind"),
            self.tr("Timebox"),
            self.tr("Presenter"),
            self.tr("State"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of items."""
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text."""
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(index.row() + 1),
                item_title(item),
                agenda_kind(item.kind),
                self.tr("%n min", "", item.timebox_minutes),
                item.presenter,
                item_state(item.state),
            )[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are draggable; drops go between rows."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return (
            base | Qt.ItemFlag.ItemIsDragEnabled
            if index.isValid()
            else (base | Qt.ItemFlag.ItemIsDropEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:
        """Drag to reorder."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The drag payload type."""
        return [ITEM_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Carry the dragged item's id."""
        data = QMimeData()
        if indexes:
            data.setData(ITEM_MIME, str(self.items[indexes[0].row()].id).encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; the editor performs it (undoably) and reloads."""
        if not data.hasFormat(ITEM_MIME):
            return False
        item_id = int(bytes(data.data(ITEM_MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        old = next(i for i, item in enumerate(self.items) if item.id == item_id)
        if target > old:
            target -= 1
        self.move_requested.emit(item_id, target)
        return False


class AgendaCommand(QUndoCommand):
    """An agenda change already made; undo/redo call the given functions."""

    def __init__(self, text: str, undo: Any, redo: Any, after: Any) -> None:
        super().__init__(text)
        self._undo, self._redo, self._after = undo, redo, after
        self._first = True

    def redo(self) -> None:
        """Redo (the first call: the change is already made)."""
        if self._first:
            self._first = False
        else:
            self._redo()
        self._after()

    def undo(self) -> None:
        """Undo the change."""
        self._undo()
        self._after()


class AgendaEditor(QWidget):
    """The agenda table with an editor for the selected item."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.detail: MeetingDetail | None = None
        self.undo_stack: Any = None
        self.model = AgendaModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Agenda"))
        self.table.setToolTip(
            self.tr("Insert adds an item, Delete removes it, Alt+Up / Alt+Down (or drag) moves it")
        )
        self.total = QLabel()
        self.add_button = QPushButton(self.tr("&Add item"))
        self.add_button.setToolTip(self.tr("Add an agenda item (Insert)"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))

        self.title = QLineEdit()
        self.kind = QComboBox()
        for kind in AgendaKind:
            self.kind.addItem(agenda_kind(kind), kind)
        self.timebox = QSpinBox()
        self.timebox.setRange(0, 1440)
        self.timebox.setSuffix(self.tr(" min"))
        self.presenter = QComboBox()
        self.notes = RichTextEditor()
        self.outcome = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        timebox_label = QLabel(self.tr("Time&box:"))
        timebox_label.setBuddy(self.timebox)
        kind_row.addWidget(timebox_label)
        kind_row.addWidget(self.timebox)
        kind_label = QLabel(self.tr("&Kind:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, kind_row)
        form.addRow(self.tr("&Presenter:"), self.presenter)
        form.addRow(self.tr("&Notes:"), self.notes)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        self.form_box = QWidget()
        self.form_box.setLayout(form)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.form_box, 2)

        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.model.move_requested.connect(self.move_item)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        for widget in (self.title, self.outcome):
            widget.editingFinished.connect(self._save_selected)
        self.kind.activated.connect(lambda _: self._save_selected())
        self.presenter.activated.connect(lambda _: self._save_selected())
        self.timebox.editingFinished.connect(self._save_selected)
        self.notes.edited.connect(lambda _: self._save_selected())
        for keys, slot in (
            ("Insert", self.add_item),
            ("Delete", self.remove_item),
            ("Alt+Up", lambda: self.move_selected(-1)),
            ("Alt+Down", lambda: self.move_selected(+1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- showing --------------------------------------------------------------------------

    def show_meeting(self, assembly: AssemblyService, detail: MeetingDetail | None) -> None:
        """Edit ``detail``'s agenda (``None``: nothing selected)."""
        self.assembly, self.detail = assembly, detail
        self.presenter.clear()
        self.presenter.addItem(self.tr("(nobody)"), None)
        for member in assembly.members.list_members(active_only=True):
            self.presenter.addItem(member.display_name, member.id)
        self._reload(select_id=None)

    def _reload(self, select_id: int | None) -> None:
        if self.assembly is None or self.detail is None:
            self.model.set_items(())
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.detail = self.assembly.meetings.meeting(self.detail.meeting.id)
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_items(self.detail.items)
        total = sum(i.timebox_minutes for i in self.detail.items)
        self.total.setText(self.tr("Total: {time}").format(time=minutes_text(total)))
        row = next((r for r, i in enumerate(self.detail.items) if i.id == keep), 0)
        if self.detail.items:
            self.table.selectRow(row)
        self._show_selected()
        self.changed.emit()

    def selected_id(self) -> int | None:
        """The id of the selected item."""
        index = self.table.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def selected_item(self) -> AgendaItemRow | None:
        """The selected item."""
        item_id = self.selected_id()
        if self.detail is None:
            return None
        return next((i for i in self.detail.items if i.id == item_id), None)

    def _show_selected(self) -> None:
        item = self.selected_item()
        self.form_box.setEnabled(item is not None)
        for widget in (self.title, self.kind, self.timebox, self.presenter, self.outcome):
            widget.blockSignals(True)
        if item is None:
            self.title.clear()
            self.outcome.clear()
            self.notes.set_html("")
        else:
            self.title.setText(item_title(item))
            self.kind.setCurrentIndex(self.kind.findData(item.kind))
            self.timebox.setValue(item.timebox_minutes)
            self.presenter.setCurrentIndex(max(0, self.presenter.findData(item.presenter_id)))
            self.notes.set_html(item.notes)
            self.outcome.setText(item.outcome)
        for widget in (self.title, self.kind, self.timebox, self.presenter, self.outcome):
            widget.blockSignals(False)

    def _form_fields(self, item: AgendaItemRow) -> ItemFields:
        title = self.title.text().strip()
        if title == item_title(item):
            title = item.title  # keep the stored (untranslated) title of automatic items
        return ItemFields(
            title,
            AgendaKind(self.kind.currentData()),
            self.timebox.value(),
            self.presenter.currentData(),
            self.notes.html(),
            self.outcome.text(),
        )

    # -- editing (each change undoable) -----------------------------------------------------

    def _push(self, text: str, undo: Any, redo: Any, select: Any) -> None:
        command = AgendaCommand(text, undo, redo, lambda: self._reload(select()))
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()

    def _save_selected(self) -> None:
        item = self.selected_item()
        if self.assembly is None or item is None:
            return
        before, after = item.fields, self._form_fields(item)
        if before == after:
            return
        meetings = self.assembly.meetings
        if not attempt(self, lambda: meetings.update_item(item.id, after)):
            self._show_selected()
            return
        self._push(
            self.tr("Edit agenda item"),
            lambda: meetings.update_item(item.id, before),
            lambda: meetings.update_item(item.id, after),
            lambda: item.id,
        )

    def add_item(self) -> None:
        """Add an item after the selected one (or at the end)."""
        if self.assembly is None or self.detail is None:
            return
        meetings, meeting_id = self.assembly.meetings, self.detail.meeting.id
        selected = self.table.currentIndex()
        index = selected.row() + 1 if selected.isValid() else len(self.detail.items)
        fields = ItemFields(self.tr("New item"))
        created: dict[str, int] = {"id": 0}

        def add() -> None:
            created["id"] = meetings.add_item(meeting_id, fields, index)

        if not attempt(self, add):
            return
        self._push(
            self.tr("Add agenda item"),
            lambda: meetings.delete_item(created["id"]),
            add,
            lambda: created["id"],
        )
        self.title.setFocus()
        self.title.selectAll()

    def remove_item(self) -> None:
        """Remove the selected item (only if not discussed yet)."""
        item = self.selected_item()
        if self.assembly is None or self.detail is None or item is None:
            return
        meetings, meeting_id = self.assembly.meetings, self.detail.meeting.id
        state: dict[str, Any] = {"id": item.id}
        removed = guarded(self, lambda: meetings.delete_item(item.id))
        if removed is None:
            return
        position, fields = removed

        def restore() -> None:
            state["id"] = meetings.add_item(meeting_id, fields, position)

        self._push(
            self.tr("Remove agenda item"),
            restore,
            lambda: meetings.delete_item(state["id"]),
            lambda: state["id"],
        )

    def move_selected(self, offset: int) -> None:
        """Move the selected item up or down."""
        item_id = self.selected_id()
        if item_id is not None:
            self.move_item(item_id, self.table.currentIndex().row() + offset)

    def move_item(self, item_id: int, new_index: int) -> None:
        """Move an item to ``new_index``."""
        if self.assembly is None or self.detail is None:
            return
        old_index = next(i for i, item in enumerate(self.detail.items) if item.id == item_id)
        new_index = max(0, min(new_index, len(self.detail.items) - 1))
        if new_index == old_index:
            return
        meetings = self.assembly.meetings
        meetings.move_item(item_id, new_index)
        self._push(
            self.tr("Move agenda item"),
            lambda: meetings.move_item(item_id, old_index),
            lambda: meetings.move_item(item_id, new_index),
            lambda: item_id,
        )
