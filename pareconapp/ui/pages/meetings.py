"""The Meetings page: prepare meetings, run them, keep attendance and action items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.meetings import MeetingStatus
from pareconapp.ui.guard import attempt, guarded
from pareconapp.ui.meetings.actions import ActionsPanel
from pareconapp.ui.meetings.agenda import AgendaEditor
from pareconapp.ui.meetings.attendance import AttendancePanel
from pareconapp.ui.meetings.check_in import CheckInScreen
from pareconapp.ui.meetings.dialogs import MeetingDialog
from pareconapp.ui.meetings.facilitation import FacilitationView
from pareconapp.ui.meetings.labels import date_time, meeting_status
from pareconapp.ui.pages.base import Page
from pareconapp.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from pareconapp.services.meetings import MeetingDetail, MeetingRow


class MeetingsPage(Page):
    """Meetings, their agendas, attendance and action items; the facilitation view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: MeetingDetail | None = None
        self.heading = QLabel(self.tr("Meetings"))
        self.heading.setObjectName("pageHeading")

        self.list_model: RowTableModel[MeetingRow] = RowTableModel(
            [
                Column(self.tr("When"), lambda m: date_time(m.starts_at), lambda m: m.starts_at),
                Column(self.tr("Meeting"), lambda m: m.title, lambda m: m.title.lower()),
                Column(self.tr("Status"), lambda m: meeting_status(m.status), lambda m: m.status),
            ],
            self,
        )
        self.list = QTableView()
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setAccessibleName(self.tr("Meetings"))
        self.new_button = QPushButton(self.tr("&New meeting…"))
        self.new_button.setToolTip(self.tr("Plan a new meeting (Ctrl+Shift+N)"))

        self.meeting_title = QLabel()
        self.meeting_title.setObjectName("sectionHeading")
        self.meeting_info = QLabel()
        self.meeting_info.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Details…"))
        self.minutes_button = QPushButton(self.tr("&Minutes…"))
        self.minutes_button.setToolTip(self.tr("Preview, export and approve the minutes"))
        self.start_button = QPushButton()
        self.start_button.setObjectName("primaryButton")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.agenda = AgendaEditor()
        self.agenda.undo_stack = self.undo_stack
        self.attendance = AttendancePanel()
        self.meeting_actions = ActionsPanel(across_meetings=False)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.agenda, self.tr("&Agenda"))
        self.detail_tabs.addTab(self.attendance, self.tr("A&ttendance"))
        self.detail_tabs.addTab(self.meeting_actions, self.tr("Action &items"))

        left = QWidget()
        left.setMinimumWidth(380)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.meeting_title)
        titles.addWidget(self.meeting_info)
        head.addLayout(titles, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.minutes_button)
        head.addWidget(self.delete_button)
        head.addWidget(self.start_button)
        right_layout.addLayout(head)
        right_layout.addWidget(self.detail_tabs, 1)
        self.planner = QSplitter()
        self.planner.addWidget(left)
        self.planner.addWidget(right)
        self.planner.setStretchFactor(0, 1)
        self.planner.setStretchFactor(1, 3)
        self.planner.setSizes([430, 820])

        self.facilitation = FacilitationView()
        self.mode = QStackedWidget()
        self.mode.addWidget(self.planner)
        self.mode.addWidget(self.facilitation)
        self.all_actions = ActionsPanel(across_meetings=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mode, self.tr("Meetings"))
        self.tabs.addTab(self.all_actions, self.tr("All action items"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.new_button.clicked.connect(self.new_meeting)
        self.edit_button.clicked.connect(self.edit_meeting)
        self.minutes_button.clicked.connect(self.open_minutes)
        self.delete_button.clicked.connect(self.delete_meeting)
        self.start_button.clicked.connect(self.start_or_continue)
        self.attendance.check_in_requested.connect(self.open_check_in)
        self.facilitation.check_in_requested.connect(self.open_check_in)
        self.facilitation.leave_requested.connect(self.show_planner)
        self.facilitation.ended.connect(self._meeting_ended)
        self.facilitation.action_requested.connect(self._add_action_for_item)
        self.agenda.changed.connect(self._refresh_list_keep_selection)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_meeting)

    # -- showing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list of meetings and the selected one."""
        self.all_actions.set_assembly(self.assembly)
        self.meeting_actions.set_assembly(self.assembly)
        running = self.mode.currentWidget() is self.facilitation
        if running and self.assembly is not None and self.facilitation.assembly is self.assembly:
            self.facilitation.reload()  # keep the facilitator where they are
            return
        self.facilitation.stop()
        self.mode.setCurrentWidget(self.planner)
        if self.assembly is None:
            self.list_model.set_rows([])
            self._show(None)
            return
        meetings = self.assembly.meetings.list_meetings()
        self.list_model.set_rows(meetings)
        if meetings:
            self.list.selectRow(self._default_row(meetings))
        self._show_selected()

    @staticmethod
    def _default_row(meetings: list[MeetingRow]) -> int:
        """A meeting in session, else the next planned one, else the newest."""
        for wanted in (MeetingStatus.IN_SESSION, MeetingStatus.PLANNED):
            rows = [i for i, m in enumerate(meetings) if m.status is wanted]
            if rows:
                return rows[-1] if wanted is MeetingStatus.PLANNED else rows[0]
        return 0

    def _refresh_list_keep_selection(self) -> None:
        if self.assembly is None or self.detail is None:
            return
        keep = self.detail.meeting.id
        meetings = self.assembly.meetings.list_meetings()
        self.list.selectionModel().blockSignals(True)
        self.list_model.set_rows(meetings)
        for row, meeting in enumerate(meetings):
            if meeting.id == keep:
                self.list.selectRow(row)
        self.list.selectionModel().blockSignals(False)

    def select_meeting(self, meeting_id: int) -> None:
        """Select a meeting in the list."""
        for row, meeting in enumerate(self.list_model.rows()):
            if meeting.id == meeting_id:
                self.list.selectRow(row)
                self._show_selected()

    def _show_selected(self) -> None:
        index = self.list.currentIndex()
        meeting = self.list_model.row_at(index.row()) if index.isValid() else None
        detail = (
            self.assembly.meetings.meeting(meeting.id)
            if (meeting is not None and self.assembly is not None)
            else None
        )
        self._show(detail)

    def _show(self, detail: MeetingDetail | None) -> None:
        self.detail = detail
        for widget in (
            self.edit_button,
            self.minutes_button,
            self.delete_button,
            self.start_button,
            self.detail_tabs,
        ):
            widget.setEnabled(detail is not None)
        if self.assembly is None or detail is None:
            self.meeting_title.setText(self.tr("No meeting yet: plan one with New meeting"))
            self.meeting_info.clear()
            return
        meeting = detail.meeting
        self.meeting_title.setText(meeting.title)
        parts = [date_time(meeting.starts_at)]
        if meeting.place:
            parts.append(meeting.place)
        if meeting.facilitators:
            parts.append(
                self.tr("facilitated by {names}").format(names=", ".join(meeting.facilitators))
            )
        if meeting.minute_taker:
            parts.append(self.tr("minutes by {name}").format(name=meeting.minute_taker))
        parts.append(meeting_status(meeting.status))
        self.meeting_info.setText(" · ".join(parts))
        self.start_button.setText(
            {
                MeetingStatus.PLANNED: self.tr("▶ &Start meeting"),
                MeetingStatus.IN_SESSION: self.tr("▶ &Continue meeting"),
            }.get(meeting.status, self.tr("Held"))
        )
        self.start_button.setEnabled(
            meeting.status in (MeetingStatus.PLANNED, MeetingStatus.IN_SESSION)
        )
        self.delete_button.setEnabled(meeting.status is MeetingStatus.PLANNED)
        self.minutes_button.setEnabled(meeting.status is not MeetingStatus.PLANNED)
        self.agenda.show_meeting(self.assembly, detail)
        self.attendance.show_meeting(self.assembly, meeting.id, meeting.status)
        self.meeting_actions.show_meeting(meeting.id)

    # -- actions --------------------------------------------------------------------------

    def new_meeting(self) -> None:
        """Plan a new meeting (optionally copying an earlier agenda)."""
        if self.assembly is None:
            return
        assembly = self.assembly
        dialog = MeetingDialog(
            assembly.members.list_members(active_only=True),
            assembly.meetings.list_meetings(),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields, source = dialog.fields(), dialog.copy_agenda_from()
        meeting_id = guarded(self, lambda: assembly.meetings.create_meeting(fields, source))
        if meeting_id is not None:
            self.refresh()
            self.select_meeting(meeting_id)

    def edit_meeting(self) -> None:
        """Edit the selected meeting's details."""
        if self.assembly is None or self.detail is None:
            return
        assembly, meeting = self.assembly, self.detail.meeting
        dialog = MeetingDialog(
            assembly.members.list_members(active_only=True), [], meeting.fields, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            fields = dialog.fields()
            guarded(self, lambda: assembly.meetings.update_meeting(meeting.id, fields))
            self._refresh_list_keep_selection()
            self._show_selected()

    def open_minutes(self) -> None:
        """Preview, export and approve the selected meeting's minutes."""
        if self.assembly is None or self.detail is None:
            return
        from pareconapp.ui.minutes.dialog import open_minutes_dialog

        if open_minutes_dialog(self, self.assembly, self.detail.meeting.id):
            self.data_changed.emit()
            self._refresh_list_keep_selection()
            self._show_selected()

    def delete_meeting(self) -> None:
        """Delete the selected planned meeting after confirmation."""
        if self.assembly is None or self.detail is None:
            return
        assembly, meeting = self.assembly, self.detail.meeting
        answer = QMessageBox.question(
            self,
            self.tr("Delete meeting"),
            self.tr('Delete the planned meeting "{title}" and its agenda?').format(
                title=meeting.title
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            guarded(self, lambda: assembly.meetings.delete_meeting(meeting.id))
            self.undo_stack.clear()
            self.refresh()

    def start_or_continue(self) -> None:
        """Start the selected meeting (or return to it) in the facilitation view."""
        if self.assembly is None or self.detail is None:
            return
        assembly, meeting = self.assembly, self.detail.meeting
        if meeting.status is MeetingStatus.PLANNED:
            if not attempt(self, lambda: assembly.meetings.start_meeting(meeting.id)):
                return
            self.undo_stack.clear()  # the agenda is now the record of a running meeting
        self.facilitation.show_meeting(assembly, meeting.id)
        self.mode.setCurrentWidget(self.facilitation)
        self.facilitation.stack.name_field.setFocus()

    def show_planner(self) -> None:
        """Back from the facilitation view to the agenda and attendance."""
        self.mode.setCurrentWidget(self.planner)
        self._refresh_list_keep_selection()
        self._show_selected()

    def _meeting_ended(self) -> None:
        self.mode.setCurrentWidget(self.planner)
        self._refresh_list_keep_selection()
        self._show_selected()

    def open_check_in(self) -> None:
        """Show the check-in kiosk for the selected meeting."""
        if self.assembly is None or self.detail is None:
            return
        screen = CheckInScreen(self.assembly, self.detail.meeting.id, self)
        screen.showFullScreen()
        screen.exec()
        self.attendance.reload()
        if self.mode.currentWidget() is self.facilitation:
            self.facilitation.reload()

    def _add_action_for_item(self, item_id: int) -> None:
        if self.detail is not None:
            self.meeting_actions.show_meeting(self.detail.meeting.id)
            if self.meeting_actions.add(item_id) is not None:
                self.all_actions.reload()
