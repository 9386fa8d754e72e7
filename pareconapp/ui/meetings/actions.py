"""Action items: for one meeting, or across all meetings with filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.meetings import ActionStatus
from pareconapp.ui.guard import guarded
from pareconapp.ui.meetings.dialogs import ActionDialog
from pareconapp.ui.meetings.labels import action_status
from pareconapp.ui.table_model import Column, RowTableModel, SortRole

if TYPE_CHECKING:
    from pareconapp.services.actions import ActionRow
    from pareconapp.services.assembly import AssemblyService


class ActionsPanel(QWidget):
    """A table of action items with buttons to add, edit and close them.

    With ``across_meetings`` it lists every meeting's items and offers filters (owner - "mine"
    on a shared laptop means choosing yourself - overdue only, status); otherwise it lists
    one meeting's items and can add new ones.
    """

    def __init__(self, across_meetings: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.across = across_meetings
        self.assembly: AssemblyService | None = None
        self.meeting_id: int | None = None
        columns: list[Column[ActionRow]] = [
            Column(self.tr("Who"), lambda r: r.owner, lambda r: r.owner.lower()),
            Column(
                self.tr("What"),
                lambda r: r.description,
                lambda r: r.description.lower(),
                tooltip=lambda r: r.description,
            ),
            Column(self.tr("Due"), self._due, lambda r: r.due_on.isoformat() if r.due_on else "~"),
            Column(self.tr("Status"), lambda r: action_status(r.status), lambda r: r.status.value),
        ]
        if across_meetings:
            columns.append(
                Column(self.tr("Meeting"), lambda r: r.meeting_title, lambda r: r.meeting_id)
            )
        columns.append(
            Column(
                self.tr("Agenda item"),
                lambda r: r.agenda_item_title,
                lambda r: r.agenda_item_title.lower(),
            )
        )
        self.model: RowTableModel[ActionRow] = RowTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Action items"))
        self.table.doubleClicked.connect(lambda _: self.edit())

        self.owner = QComboBox()
        self.owner.setAccessibleName(self.tr("Whose action items"))
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Open"), ActionStatus.OPEN)
        self.status.addItem(self.tr("Done"), ActionStatus.DONE)
        self.status.addItem(self.tr("Dropped"), ActionStatus.DROPPED)
        self.status.addItem(self.tr("Any status"), None)
        self.add_button = QPushButton(self.tr("&New action item…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.drop_button = QPushButton(self.tr("D&rop"))
        self.reopen_button = QPushButton(self.tr("Re&open"))
        self.count = QLabel()

        bar = QHBoxLayout()
        if across_meetings:
            bar.addWidget(QLabel(self.tr("Whose:")))
            bar.addWidget(self.owner)
            bar.addWidget(self.status)
            bar.addWidget(self.overdue)
        else:
            bar.addWidget(self.add_button)
        for button in (self.edit_button, self.done_button, self.drop_button, self.reopen_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.owner.activated.connect(lambda _: self.reload())
        self.status.activated.connect(lambda _: self.reload())
        self.overdue.toggled.connect(lambda _: self.reload())
        self.add_button.clicked.connect(lambda: self.add())  # noqa: PLW0108 - drops `checked`
        self.edit_button.clicked.connect(self.edit)
        self.done_button.clicked.connect(lambda: self._set_status(ActionStatus.DONE))
        self.drop_button.clicked.connect(lambda: self._set_status(ActionStatus.DROPPED))
        self.reopen_button.clicked.connect(lambda: self._set_status(ActionStatus.OPEN))

    def _due(self, row: ActionRow) -> str:
        if row.due_on is None:
            return ""
        text = row.due_on.isoformat()
        return self.tr("{date} (overdue)").format(date=text) if row.overdue else text

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Show ``assembly``'s action items."""
        self.assembly = assembly
        self.owner.clear()
        self.owner.addItem(self.tr("Everyone"), None)
        if assembly is not None:
            for member in assembly.members.list_members():
                self.owner.addItem(member.display_name, member.id)
        self.reload()

    def show_meeting(self, meeting_id: int | None) -> None:
        """List one meeting's action items."""
        self.meeting_id = meeting_id
        self.add_button.setEnabled(meeting_id is not None)
        self.reload()

    def reload(self) -> None:
        """Fetch the list again."""
        if self.assembly is None or (not self.across and self.meeting_id is None):
            self.model.set_rows([])
            self.count.clear()
            return
        if self.across:
            rows = self.assembly.actions.list_actions(
                owner_id=self.owner.currentData(),
                overdue_only=self.overdue.isChecked(),
                status=ActionStatus(self.status.currentData())
                if self.status.currentData()
                else None,
            )
        else:
            rows = self.assembly.actions.list_actions(meeting_id=self.meeting_id)
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        text = self.tr("%n action item(s)", "", len(rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.count.setText(text)

    def selected(self) -> ActionRow | None:
        """The selected action item."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def add(self, agenda_item_id: int | None = None) -> int | None:
        """Ask for a new action item of the shown meeting; return its id."""
        if self.assembly is None or self.meeting_id is None:
            return None
        assembly, meeting_id = self.assembly, self.meeting_id
        dialog = ActionDialog(
            assembly.members.list_members(active_only=True),
            assembly.meetings.meeting(meeting_id).items,
            parent=self,
        )
        if agenda_item_id is not None:
            dialog.select_item(agenda_item_id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        fields = dialog.fields()
        created = guarded(self, lambda: assembly.actions.add(meeting_id, fields))
        self.reload()
        return created

    def edit(self) -> None:
        """Edit the selected action item."""
        row = self.selected()
        if self.assembly is None or row is None:
            return
        assembly = self.assembly
        dialog = ActionDialog(
            assembly.members.list_members(),
            assembly.meetings.meeting(row.meeting_id).items,
            row.fields,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            fields = dialog.fields()
            guarded(self, lambda: assembly.actions.update(row.id, fields))
            self.reload()

    def _set_status(self, status: ActionStatus) -> None:
        row = self.selected()
        if self.assembly is not None and row is not None:
            self.assembly.actions.set_status(row.id, status)
            self.reload()
