"""The Members page: councils as a tree, members as an editable, filterable table.

Everything changes through :class:`~pareconapp.services.members.MemberService` (via
:class:`~pareconapp.ui.members.changes.MemberChanges`, which also records the undo steps);
the widgets hold rows, never a database session.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.csv_import import decode_csv
from pareconapp.files import write_text_atomically
from pareconapp.services.members import MemberFields, MemberRow
from pareconapp.store.models import CouncilKind
from pareconapp.ui import passphrase
from pareconapp.ui.guard import busy_cursor, guarded
from pareconapp.ui.members.changes import MemberChanges
from pareconapp.ui.members.councils import (
    ALL_MEMBERS,
    Councils,
    CouncilTreeModel,
    council_of,
)
from pareconapp.ui.members.delegates import CouncilDelegate, HoursDelegate
from pareconapp.ui.members.dialogs import LeaveDialog, MemberDialog, PinDialog
from pareconapp.ui.members.import_preview import ImportPreviewDialog
from pareconapp.ui.members.table import (
    MemberColumn,
    MemberFilter,
    MemberTableModel,
    Status,
)
from pareconapp.ui.pages.base import Page
from pareconapp.ui.table_model import RowRole

if TYPE_CHECKING:
    from collections.abc import Callable

    from pareconapp.services.assembly import AssemblyService

ANY = -1
"""Filter combo value: any council."""
NONE = 0
"""Filter combo value: members in no council of the kind."""


class MembersPage(Page):
    """Who belongs to the assembly, in which team and consumer council."""

    members_changed = Signal()
    """Members or councils changed here (including undo and redo): other pages may reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.councils_index = Councils()
        self._syncing = False
        self.model = MemberTableModel(parent=self)
        self.proxy = MemberFilter(self)
        self.proxy.setSourceModel(self.model)
        self.changes = MemberChanges(self, self.model, self.undo_stack)
        self.changes.counts_changed.connect(self._reload_councils)
        self.changes.councils_changed.connect(self.refresh)
        self.undo_stack.indexChanged.connect(lambda _index: self.members_changed.emit())
        self.members_changed.connect(self.data_changed)
        self._create_actions()
        self._create_widgets()
        self._update_actions()

    # -- building ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | str | None,
        tip: str,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        action.setShortcutContext(context)
        if shortcut is not None:
            keys = QKeySequence(shortcut)
            action.setShortcut(keys)
            tip = self.tr("{tip} ({keys})").format(
                tip=tip, keys=keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _create_actions(self) -> None:
        focused_only = Qt.ShortcutContext.WidgetShortcut
        self.find_action = self._action(
            self.tr("&Find Member"),
            self.focus_search,
            QKeySequence(QKeySequence.StandardKey.Find),
            self.tr("Search members"),
        )
        self.add_action = self._action(
            self.tr("&Add Member…"), self.add_member, "Ins", self.tr("Add a member")
        )
        self.leave_action = self._action(
            self.tr("Mark as &Left…"),
            self.toggle_left,
            "Ctrl+L",
            self.tr("Mark the selected member as having left, or as returned"),
        )
        self.delete_action = self._action(
            self.tr("&Delete Member…"),
            self.delete_member,
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.tr("Delete the selected member (needs the facilitator passphrase)"),
            focused_only,
        )
        self.pin_action = self._action(
            self.tr("Set &PIN…"),
            self.set_pin,
            "Ctrl+Shift+P",
            self.tr("Set, reset or clear the selected member's PIN (needs the passphrase)"),
        )
        self.import_action = self._action(
            self.tr("&Import CSV…"),
            self.import_csv,
            "Ctrl+I",
            self.tr("Add members from a spreadsheet saved as CSV"),
        )
        self.export_action = self._action(
            self.tr("&Export CSV…"),
            self.export_csv,
            "Ctrl+E",
            self.tr("Save every member to a CSV file for a spreadsheet"),
        )
        self.add_team_action = self._action(
            self.tr("Add &Team…"), self.add_team, None, self.tr("Add a team to the worker council")
        )
        self.add_consumer_action = self._action(
            self.tr("Add &Consumer Council…"),
            self.add_consumer_council,
            None,
            self.tr("Add a consumer council (for example a neighbourhood)"),
        )
        self.rename_council_action = self._action(
            self.tr("&Rename…"),
            self.rename_council,
            "F2",
            self.tr("Rename the selected council"),
            focused_only,
        )
        self.delete_council_action = self._action(
            self.tr("De&lete"),
            self.delete_council,
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.tr("Delete the selected council (only when it has no members or teams)"),
            focused_only,
        )
        for action in (
            self.find_action,
            self.add_action,
            self.leave_action,
            self.pin_action,
            self.import_action,
            self.export_action,
        ):
            self.addAction(action)

    def _create_widgets(self) -> None:
        self.heading = QLabel(self.tr("Members"))
        self.heading.setObjectName("pageHeading")

        self.toolbar = QWidget()
        self.toolbar.setObjectName("membersToolbar")
        self.toolbar.setAccessibleName(self.tr("Member actions"))
        buttons = QHBoxLayout(self.toolbar)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.member_buttons = [
            _button(action, "memberAction")
            for action in (
                self.add_action,
                self.leave_action,
                self.delete_action,
                self.pin_action,
                self.import_action,
                self.export_action,
            )
        ]
        for number, button in enumerate(self.member_buttons):
            if number == 4:
                buttons.addSpacing(16)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search names, teams, skills, contact (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search members"))
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(self._focus_table)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        for label, status in (
            (self.tr("Active and left"), Status.ALL),
            (self.tr("Active"), Status.ACTIVE),
            (self.tr("Left"), Status.LEFT),
        ):
            self.status_filter.addItem(label, status.value)
        self.team_filter = QComboBox()
        self.team_filter.setObjectName("teamFilter")
        self.consumer_filter = QComboBox()
        self.consumer_filter.setObjectName("consumerFilter")
        for combo in (self.status_filter, self.team_filter, self.consumer_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText(self.tr("Show &All Members"))
        self.clear_filters_button.setToolTip(self.tr("Clear the search and every filter"))
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.table = QTableView()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MemberColumn.DISPLAY_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # elide long council names within the line
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Members"))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.add_action, self.leave_action, self.delete_action, self.pin_action):
            self.table.addAction(action)
        self.team_delegate = CouncilDelegate(
            lambda: self.councils_index.choices(CouncilKind.TEAM), self.tr("No team"), self
        )
        self.consumer_delegate = CouncilDelegate(
            lambda: self.councils_index.choices(CouncilKind.CONSUMER),
            self.tr("No consumer council"),
            self,
        )
        self.hours_delegate = HoursDelegate(self)
        self.table.setItemDelegateForColumn(MemberColumn.TEAM, self.team_delegate)
        self.table.setItemDelegateForColumn(MemberColumn.CONSUMER_COUNCIL, self.consumer_delegate)
        self.table.setItemDelegateForColumn(MemberColumn.HOURS, self.hours_delegate)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_counts)
        self.proxy.dataChanged.connect(lambda *_: self._update_actions())
        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")

        self.council_model = CouncilTreeModel(self)
        self.councils = QTreeView()
        self.councils.setObjectName("councilTree")
        self.councils.setModel(self.council_model)
        self.councils.setAccessibleName(self.tr("Councils and teams"))
        self.councils.setToolTip(self.tr("Choose a council to show its members"))
        self.councils.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.councils.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (
            self.add_team_action,
            self.add_consumer_action,
            self.rename_council_action,
            self.delete_council_action,
        ):
            self.councils.addAction(action)
        self.councils.selectionModel().currentChanged.connect(self._council_chosen)

        self.setLayout(self._layout())
        # Tab goes from the search (where focus lands when the page is shown) through the
        # filters to the table, then the member actions, then the councils.
        chain: list[QWidget] = [
            self.search,
            self.status_filter,
            self.team_filter,
            self.consumer_filter,
            self.clear_filters_button,
            self.table,
            *self.member_buttons,
            self.councils,
            *self.council_buttons,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _layout(self) -> QVBoxLayout:
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(self.search, 0, 0, 1, 4)
        filters.addWidget(_buddy(self.tr("S&tatus:"), self.status_filter), 0, 4)
        filters.addWidget(self.status_filter, 0, 5)
        filters.addWidget(_buddy(self.tr("Tea&m:"), self.team_filter), 1, 0)
        filters.addWidget(self.team_filter, 1, 1)
        filters.addWidget(_buddy(self.tr("Co&nsumer council:"), self.consumer_filter), 1, 2)
        filters.addWidget(self.consumer_filter, 1, 3)
        filters.addWidget(self.clear_filters_button, 1, 4, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toolbar)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.count_label)

        council_buttons = QGridLayout()
        self.council_buttons: list[QToolButton] = []
        for number, action in enumerate(
            (
                self.add_team_action,
                self.add_consumer_action,
                self.rename_council_action,
                self.delete_council_action,
            )
        ):
            button = _button(action, "councilButton")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.council_buttons.append(button)
            council_buttons.addWidget(button, number // 2, number % 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.councils, 1)
        left_layout.addLayout(council_buttons)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        # The right side joins first so that the focus chain starts with the search box.
        splitter.addWidget(right)
        splitter.insertWidget(0, left)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 900])

        layout = QVBoxLayout()
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        return layout

    # -- loading ------------------------------------------------------------------------------

    def attach(self, assembly: AssemblyService | None) -> None:
        """Take ``assembly`` (``None`` when the file is closed); it loads when shown."""
        self.changes.set_service(assembly.members if assembly is not None else None)
        super().attach(assembly)

    def refresh(self) -> None:
        """Reload councils and members, keeping the selection and the filters."""
        current = self.current_member()
        if self.assembly is None:
            self.model.set_rows([])
            self._reload_councils()
            return
        self.model.set_rows(self.assembly.members.list_members())
        self._reload_councils()
        self._fit_columns()
        if current is None or not self.select_member(current.id):
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_actions()

    def _reload_councils(self) -> None:
        chosen, _kind = council_of(self.councils.currentIndex())
        roots = self.assembly.members.council_tree() if self.assembly is not None else []
        self.councils_index = Councils.of(roots)
        self._syncing = True
        try:
            self.council_model.fill(self.councils_index)
            self._fill_filter(
                self.team_filter,
                self.tr("All teams"),
                self.tr("No team"),
                self.councils_index.choices(CouncilKind.WORKER, CouncilKind.TEAM),
            )
            self._fill_filter(
                self.consumer_filter,
                self.tr("All consumer councils"),
                self.tr("No consumer council"),
                self.councils_index.choices(CouncilKind.CONSUMER),
            )
            self.councils.expandAll()
            header = self.councils.header()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(False)
            self._fit_tree()
            index = self.council_model.find(chosen)
            if index.isValid():
                self.councils.setCurrentIndex(index)
        finally:
            self._syncing = False
        self._filters_changed()
        self._update_actions()

    def _fit_tree(self) -> None:
        """Wide enough for every council's name (within reason), so none is cut off."""
        metrics = self.councils.fontMetrics()
        names = [
            metrics.horizontalAdvance(node.name)
            + self.councils.indentation() * (self.councils_index.depth(node.id) + 1)
            for node in self.councils_index
        ]
        counts = self.councils.header().sectionSizeHint(1)
        wanted = max(names, default=0) + counts + 3 * metrics.averageCharWidth()
        self.councils.setMinimumWidth(max(260, min(wanted, 440)))

    def _fit_columns(self) -> None:
        """Columns as wide as their content, but none wider than a long council name."""
        # Measure the rows in view and a sample of the rest: a 500-member table stays quick.
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.resizeColumnsToContents()
        widest = self.table.fontMetrics().horizontalAdvance("M" * 14)
        for column in range(self.proxy.columnCount()):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    @staticmethod
    def _fill_filter(
        combo: QComboBox, any_label: str, none_label: str, choices: list[tuple[str, int]]
    ) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(any_label, ANY)
        combo.addItem(none_label, NONE)
        for label, council_id in choices:
            combo.addItem(label, council_id)
        combo.setCurrentIndex(max(combo.findData(current if current is not None else ANY), 0))

    # -- filters ------------------------------------------------------------------------------

    def _council_set(self, combo: QComboBox) -> frozenset[int | None] | None:
        value = combo.currentData()
        if value is None or value == ANY:
            return None
        if value == NONE:
            return frozenset({None})
        return self.councils_index.with_teams(int(value))

    def _filters_changed(self) -> None:
        self.proxy.set_status(Status(self.status_filter.currentData() or Status.ALL.value))
        self.proxy.set_teams(self._council_set(self.team_filter))
        self.proxy.set_consumer_councils(self._council_set(self.consumer_filter))
        if not self._syncing:
            self._show_filter_in_tree()
        self._update_counts()

    def _show_filter_in_tree(self) -> None:
        team, consumer = self.team_filter.currentData(), self.consumer_filter.currentData()
        target: int | None = None
        if team == ANY and consumer == ANY:
            target = ALL_MEMBERS
        elif consumer == ANY and isinstance(team, int) and team > 0:
            target = team
        elif team == ANY and isinstance(consumer, int) and consumer > 0:
            target = consumer
        self._syncing = True
        try:
            index = self.council_model.find(target) if target is not None else QModelIndex()
            self.councils.setCurrentIndex(index)
            if not index.isValid():
                self.councils.clearSelection()
        finally:
            self._syncing = False
        self._update_actions()

    def _council_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if self._syncing:
            return
        council_id, kind = council_of(current)
        team = council_id if kind in (CouncilKind.WORKER, CouncilKind.TEAM) else ANY
        consumer = council_id if kind is CouncilKind.CONSUMER else ANY
        self._syncing = True
        try:
            self.team_filter.setCurrentIndex(max(self.team_filter.findData(team), 0))
            self.consumer_filter.setCurrentIndex(max(self.consumer_filter.findData(consumer), 0))
        finally:
            self._syncing = False
        self._filters_changed()

    def clear_filters(self) -> None:
        """Show every member: no search, any council, any status."""
        self._syncing = True
        try:
            self.search.clear()
            for combo in (self.status_filter, self.team_filter, self.consumer_filter):
                combo.setCurrentIndex(0)
        finally:
            self._syncing = False
        self._filters_changed()

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_counts(self) -> None:
        members = self.model.rows()
        active = sum(1 for m in members if m.active)
        text = (
            self.tr("%n active member(s)", "", active)
            + " · "
            + self.tr("%n in total", "", len(members))
        )
        if self.proxy.rowCount() != len(members):
            text += " · " + self.tr("%n shown", "", self.proxy.rowCount())
        self.count_label.setText(text)

    # -- selection ----------------------------------------------------------------------------

    def current_member(self) -> MemberRow | None:
        """The member whose row has the cursor."""
        member = self.table.currentIndex().data(RowRole)
        return member if isinstance(member, MemberRow) else None

    def select_member(self, member_id: int) -> bool:
        """Put the cursor on a member's row; ``False`` if the filters hide it."""
        row = self.model.row_of(member_id)
        if row is None:
            return False
        column = max(self.table.currentIndex().column(), 0)
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _chosen_council(self) -> tuple[int, CouncilKind | None]:
        return council_of(self.councils.currentIndex())

    def _update_actions(self) -> None:
        is_open = self.assembly is not None
        member = self.current_member()
        for action in (self.add_action, self.import_action, self.export_action, self.find_action):
            action.setEnabled(is_open)
        for action in (self.leave_action, self.delete_action, self.pin_action):
            action.setEnabled(member is not None)
        if member is not None and not member.active:
            self.leave_action.setText(self.tr("Mark as &Returned"))
        else:
            self.leave_action.setText(self.tr("Mark as &Left…"))
        _council_id, kind = self._chosen_council()
        has_worker_council = any(True for _ in self.councils_index.of_kind(CouncilKind.WORKER))
        self.add_team_action.setEnabled(is_open)
        self.add_team_action.setText(
            self.tr("Add &Team…")
            if has_worker_council or not is_open
            else self.tr("Add &Worker Council…")
        )
        self.add_consumer_action.setEnabled(is_open)
        self.rename_council_action.setEnabled(kind is not None)
        self.delete_council_action.setEnabled(kind is not None)

    def _notify(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 8000)

    # -- member actions -----------------------------------------------------------------------

    def add_member(self) -> None:
        """Ask for a new member's fields and add them (Insert)."""
        if self.assembly is None:
            return
        team = self.team_filter.currentData()
        consumer = self.consumer_filter.currentData()
        dialog = MemberDialog(
            self.councils_index.choices(CouncilKind.TEAM),
            self.councils_index.choices(CouncilKind.CONSUMER),
            self.assembly.members.add_member,
            self,
            team_id=team if isinstance(team, int) and team > 0 else None,
            consumer_council_id=consumer if isinstance(consumer, int) and consumer > 0 else None,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.added is None:
            return
        member = dialog.added
        self.changes.added([member], self.tr("Add {name}").format(name=member.display_name))
        if self.select_member(member.id):
            self._notify(self.tr("Added {name}").format(name=member.display_name))
        else:
            self._notify(
                self.tr("Added {name} (hidden by the filters: press Show All Members)").format(
                    name=member.display_name
                )
            )

    def toggle_left(self) -> None:
        """Mark the selected member as having left (asking the date) or as returned."""
        member = self.current_member()
        if member is None or self.assembly is None:
            return
        fields = MemberFields.of(member)
        if member.active:
            today = self.assembly.clock().astimezone().date()
            dialog = LeaveDialog(member, today, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.changes.change(
                member,
                replace(fields, active=False, left_on=dialog.left_on()),
                self.tr("Mark {name} as left").format(name=member.display_name),
            )
        else:
            self.changes.change(
                member,
                replace(fields, active=True, left_on=None),
                self.tr("Mark {name} as returned").format(name=member.display_name),
            )
        self.select_member(member.id)
        self._update_actions()

    def delete_member(self) -> None:
        """Delete the selected member, with the facilitator passphrase (Delete)."""
        member = self.current_member()
        if member is None or self.assembly is None:
            return
        purpose = self.tr(
            "Deleting {name} needs the facilitator passphrase. A member who appears in "
            "meetings or other records cannot be deleted: mark them as left instead."
        ).format(name=member.display_name)
        if not passphrase.confirm_facilitator(self.assembly.security, purpose, self):
            return
        if self.changes.delete(member):
            self._notify(
                self.tr("Deleted {name}; Ctrl+Z brings them back").format(name=member.display_name)
            )

    def set_pin(self) -> None:
        """Set, reset or clear the selected member's PIN, with the passphrase."""
        member = self.current_member()
        if member is None or self.assembly is None:
            return
        purpose = self.tr("Changing the PIN of {name} needs the facilitator passphrase.").format(
            name=member.display_name
        )
        if not passphrase.confirm_facilitator(self.assembly.security, purpose, self):
            return
        service = self.assembly.members
        dialog = PinDialog(member, lambda pin: service.set_pin(member.id, pin), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        stored = guarded(self, lambda: service.member(member.id))
        if stored is not None:
            self.model.upsert(stored)
        self.members_changed.emit()
        if dialog.outcome == "cleared":
            self._notify(self.tr("Cleared the PIN of {name}").format(name=member.display_name))
        else:
            self._notify(self.tr("Set the PIN of {name}").format(name=member.display_name))

    # -- CSV ----------------------------------------------------------------------------------

    def _folder(self) -> Path:
        return self.assembly.path.parent if self.assembly is not None else Path.home()

    def choose_csv_to_import(self) -> Path | None:
        """Ask for a CSV file to import (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import members"),
            str(self._folder()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        return Path(name) if name else None

    def choose_csv_export_path(self) -> Path | None:
        """Ask where to save the members as CSV (tests replace this)."""
        stem = self.assembly.path.stem if self.assembly is not None else "members"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export members"),
            str(self._folder() / self.tr("{assembly} members.csv").format(assembly=stem)),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".csv")

    def import_csv(self) -> None:
        """Preview a CSV file and import all of its members, or none (Ctrl+I)."""
        if self.assembly is None:
            return
        path = self.choose_csv_to_import()
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            self._file_problem(self.tr("Could not read {path}: {error}"), path, error)
            return
        service = self.assembly.members
        preview = guarded(self, lambda: service.preview_csv(data))
        if preview is None:
            return
        dialog = ImportPreviewDialog(preview, path.name, decode_csv(data), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        known = {m.id for m in self.model.rows()}
        with busy_cursor():
            count = guarded(self, lambda: service.import_csv(data))
        if count is None:
            return
        new = [m for m in service.list_members() if m.id not in known]
        self.changes.added(new, self.tr("Import %n member(s)", "", count))
        self._notify(self.tr("Imported %n member(s) from {file}", "", count).format(file=path.name))

    def export_csv(self) -> None:
        """Save every member to a CSV file (Ctrl+E)."""
        if self.assembly is None:
            return
        path = self.choose_csv_export_path()
        if path is None:
            return
        service = self.assembly.members
        text = guarded(self, service.export_csv)
        if text is None:
            return
        try:
            # With a byte-order mark spreadsheets recognise UTF-8 (the import reads both).
            write_text_atomically(path, text, encoding="utf-8-sig")
        except OSError as error:
            self._file_problem(self.tr("Could not write {path}: {error}"), path, error)
            return
        count = len(text.splitlines()) - 1
        self._notify(self.tr("Exported %n member(s) to {path}", "", count).format(path=path))

    def _file_problem(self, template: str, path: Path, error: OSError) -> None:
        QMessageBox.warning(
            self,
            self.tr("Members"),
            template.format(path=path, error=error.strerror or os.strerror(error.errno or 0)),
        )

    # -- council actions ----------------------------------------------------------------------

    def ask_name(self, title: str, label: str, text: str = "") -> str | None:
        """Ask for a council's name (tests replace this)."""
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name.strip() if ok and name.strip() else None

    def add_team(self) -> None:
        """Add a team inside the selected worker council or team (or the first one)."""
        if self.assembly is None:
            return
        workers = self.councils_index.of_kind(CouncilKind.WORKER)
        if not workers:
            name = self.ask_name(
                self.tr("Add worker council"),
                self.tr("This assembly has no worker council yet. Its name:"),
            )
            if name is not None:
                self.changes.new_council(name, CouncilKind.WORKER, None)
            return
        chosen, kind = self._chosen_council()
        parent = (
            self.councils_index.get(chosen)
            if kind in (CouncilKind.WORKER, CouncilKind.TEAM)
            else workers[0]
        )
        assert parent is not None
        name = self.ask_name(
            self.tr("Add team"),
            self.tr("Name of the new team in {parent}:").format(parent=parent.name),
        )
        if name is not None:
            self.changes.new_council(name, CouncilKind.TEAM, parent.id)

    def add_consumer_council(self) -> None:
        """Add a consumer council."""
        if self.assembly is None:
            return
        name = self.ask_name(
            self.tr("Add consumer council"), self.tr("Name of the new consumer council:")
        )
        if name is not None:
            self.changes.new_council(name, CouncilKind.CONSUMER, None)

    def rename_council(self) -> None:
        """Rename the selected council (F2 in the tree)."""
        council = self.councils_index.get(self._chosen_council()[0])
        if council is None:
            return
        name = self.ask_name(
            self.tr("Rename council"),
            self.tr("New name of {name}:").format(name=council.name),
            council.name,
        )
        if name is not None and name != council.name:
            self.changes.rename(council.id, council.name, name)

    def delete_council(self) -> None:
        """Delete the selected council; refused while it has members or teams (Delete)."""
        council = self.councils_index.get(self._chosen_council()[0])
        if council is not None and self.changes.remove_council(council.id):
            self._notify(self.tr("Deleted {name}; Ctrl+Z brings it back").format(name=council.name))


def _button(action: QAction, name: str) -> QToolButton:
    """A push-button-like tool button for ``action`` (its text, tooltip and enabled state)."""
    button = QToolButton()
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


__all__ = ["MembersPage"]
