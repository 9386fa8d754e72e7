"""The roll call: the facilitator ticks members present, absent or excused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.meetings import AttendanceStatus, MeetingStatus
from pareconapp.ui.guard import attempt
from pareconapp.ui.meetings.labels import attendance_status, clock_time
from pareconapp.ui.table_model import Column, RowTableModel, SortRole

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.attendance import AttendanceRow


class AttendancePanel(QWidget):
    """Attendance of one meeting, with times of arrival and departure."""

    check_in_requested = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.meeting_id: int | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a member"))
        self.filter.setClearButtonEnabled(True)
        self.model: RowTableModel[AttendanceRow] = RowTableModel(
            [
                Column(
                    self.tr("Member"), lambda r: r.display_name, lambda r: r.display_name.lower()
                ),
                Column(
                    self.tr("Status"),
                    lambda r: attendance_status(r.status),
                    lambda r: r.status.value if r.status else "~",
                ),
                Column(
                    self.tr("In the room"),
                    lambda r: self.tr("yes") if r.in_room else "",
                    lambda r: not r.in_room,
                ),
                Column(
                    self.tr("Times"),
                    self._times,
                    lambda r: r.intervals[0].arrived if r.intervals else None,
                ),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Attendance"))
        self.table.setToolTip(
            self.tr("P: present (arrives now) · L: leaves the room now · A: absent · E: excused")
        )
        self.present_button = QPushButton(self.tr("&Present"))
        self.leave_button = QPushButton(self.tr("&Leaves"))
        self.absent_button = QPushButton(self.tr("A&bsent"))
        self.excused_button = QPushButton(self.tr("E&xcused"))
        self.kiosk_button = QPushButton(self.tr("Check-in &screen…"))
        self.kiosk_button.setToolTip(self.tr("Members check themselves in on the shared laptop"))
        self.summary = QLabel()

        buttons = QHBoxLayout()
        for button in (
            self.present_button,
            self.leave_button,
            self.absent_button,
            self.excused_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.kiosk_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.present_button.clicked.connect(lambda: self._set(AttendanceStatus.PRESENT))
        self.absent_button.clicked.connect(lambda: self._set(AttendanceStatus.ABSENT))
        self.excused_button.clicked.connect(lambda: self._set(AttendanceStatus.EXCUSED))
        self.leave_button.clicked.connect(self._leave)
        self.kiosk_button.clicked.connect(self.check_in_requested)
        for key, slot in (
            ("P", lambda: self._set(AttendanceStatus.PRESENT)),
            ("A", lambda: self._set(AttendanceStatus.ABSENT)),
            ("E", lambda: self._set(AttendanceStatus.EXCUSED)),
            ("L", self._leave),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def _times(self, row: AttendanceRow) -> str:
        parts = []
        for interval in row.intervals:
            end = clock_time(interval.left) if interval.left else "…"
            parts.append(f"{clock_time(interval.arrived)}–{end}")
        return ", ".join(parts)

    def show_meeting(
        self, assembly: AssemblyService, meeting_id: int | None, status: MeetingStatus | None
    ) -> None:
        """Show the roll of ``meeting_id``."""
        self.assembly, self.meeting_id = assembly, meeting_id
        editable = status in (MeetingStatus.PLANNED, MeetingStatus.IN_SESSION)
        for button in (
            self.present_button,
            self.leave_button,
            self.absent_button,
            self.excused_button,
            self.kiosk_button,
        ):
            button.setEnabled(editable)
        self.reload()

    def reload(self) -> None:
        """Fetch the roll again, keeping the selection."""
        if self.assembly is None or self.meeting_id is None:
            self.model.set_rows([])
            self.summary.clear()
            return
        selected = self._selected_ids()
        self.model.set_rows(self.assembly.attendance.roll(self.meeting_id))
        for row in range(self.proxy.rowCount()):
            member = self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if member.member_id in selected:
                self.table.selectRow(row)
        summary = self.assembly.attendance.summary(self.meeting_id)
        self.summary.setText(
            self.tr("%n in the room now", "", summary.in_room)
            + " · "
            + self.tr("{a} attended · {b} absent · {c} excused · {d} not recorded").format(
                a=summary.attended, b=summary.absent, c=summary.excused, d=summary.not_recorded
            )
        )
        self.changed.emit()

    def _selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).member_id
            for r in sorted(rows)
        ]

    def _set(self, status: AttendanceStatus) -> None:
        if self.assembly is None or self.meeting_id is None:
            return
        attendance, meeting_id = self.assembly.attendance, self.meeting_id
        for member_id in self._selected_ids():
            if not attempt(
                self,
                lambda m=member_id: attendance.set_status(  # type: ignore[misc]
                    meeting_id, m, status
                ),
            ):
                break
        self.reload()

    def _leave(self) -> None:
        if self.assembly is None or self.meeting_id is None:
            return
        for member_id in self._selected_ids():
            self.assembly.attendance.check_out(self.meeting_id, member_id)
        self.reload()
