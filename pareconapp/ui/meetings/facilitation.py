"""The facilitation view: the running meeting's current item, its clock, notes and stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pareconapp.core.meetings import TimerPhase
from pareconapp.store.models import ItemState
from pareconapp.ui.guard import guarded
from pareconapp.ui.meetings.labels import agenda_kind, duration, item_title
from pareconapp.ui.meetings.stack_panel import StackPanel
from pareconapp.ui.rich_text import RichTextEditor

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.meetings import AgendaItemRow, MeetingDetail

TICK_MS = 500


class FacilitationView(QWidget):
    """What the facilitator works with while the meeting is in session."""

    leave_requested = Signal()  # back to preparing (the meeting keeps running)
    ended = Signal()
    check_in_requested = Signal()
    action_requested = Signal(int)  # agenda item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.detail: MeetingDetail | None = None

        self.meeting_title = QLabel()
        self.meeting_title.setObjectName("pageHeading")
        self.position = QLabel()
        self.previous_button = QPushButton(self.tr("◀ &Previous"))
        self.previous_button.setToolTip(self.tr("Previous agenda item (Alt+Left)"))
        self.next_button = QPushButton(self.tr("N&ext item ▶"))
        self.next_button.setToolTip(self.tr("Next agenda item (Alt+Right)"))
        self.back_button = QPushButton(self.tr("&Agenda and attendance"))
        self.back_button.setToolTip(self.tr("Back to preparing; the meeting keeps running"))
        self.end_button = QPushButton(self.tr("E&nd meeting"))

        self.item_title = QLabel()
        self.item_title.setObjectName("currentItemTitle")
        self.item_title.setWordWrap(True)
        self.item_meta = QLabel()
        self.clock = QLabel()
        self.clock.setObjectName("meetingClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_note = QLabel()
        self.clock_note.setObjectName("clockNote")
        self.clock_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.pause_button = QPushButton(self.tr("Pa&use"))
        self.pause_button.setToolTip(self.tr("Pause or resume the item's clock (Ctrl+Space)"))
        self.extend_button = QPushButton(self.tr("+1 &minute"))
        self.extend_button.setToolTip(self.tr("Add a minute to the timebox (Ctrl+=)"))
        self.notes = RichTextEditor()
        self.notes.editor.setPlaceholderText(self.tr("Notes for the minutes, typed live…"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("Outcome of this item"))
        self.action_button = QPushButton(self.tr("Add action &item…"))
        self.action_button.setToolTip(self.tr("Record who does what by when (Ctrl+Shift+A)"))

        self.attendance = QLabel()
        self.check_in_button = QPushButton(self.tr("&Check in…"))
        self.check_in_button.setToolTip(
            self.tr("Open the check-in screen for the shared laptop (Ctrl+Shift+I)")
        )
        self.agenda = QListWidget()
        self.agenda.setObjectName("agendaOverview")
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.stack = StackPanel()

        header = QHBoxLayout()
        header.addWidget(self.meeting_title, 1)
        header.addWidget(self.position)
        header.addWidget(self.previous_button)
        header.addWidget(self.next_button)
        header.addSpacing(16)
        header.addWidget(self.back_button)
        header.addWidget(self.end_button)

        clock_buttons = QHBoxLayout()
        clock_buttons.addStretch(1)
        clock_buttons.addWidget(self.pause_button)
        clock_buttons.addWidget(self.extend_button)
        clock_buttons.addStretch(1)

        item_box = QWidget()
        item_layout = QVBoxLayout(item_box)
        item_layout.addWidget(self.item_title)
        item_layout.addWidget(self.item_meta)
        item_layout.addWidget(self.clock)
        item_layout.addWidget(self.progress)
        item_layout.addWidget(self.clock_note)
        item_layout.addLayout(clock_buttons)
        notes_label = QLabel(self.tr("&Notes for the minutes"))
        notes_label.setBuddy(self.notes.editor)
        item_layout.addWidget(notes_label)
        item_layout.addWidget(self.notes, 1)
        outcome_row = QHBoxLayout()
        outcome_label = QLabel(self.tr("O&utcome:"))
        outcome_label.setBuddy(self.outcome)
        outcome_row.addWidget(outcome_label)
        outcome_row.addWidget(self.outcome, 1)
        outcome_row.addWidget(self.action_button)
        item_layout.addLayout(outcome_row)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.stack, 3)
        attendance_row = QHBoxLayout()
        attendance_row.addWidget(self.attendance, 1)
        attendance_row.addWidget(self.check_in_button)
        side_layout.addLayout(attendance_row)
        agenda_label = QLabel(self.tr("Agenda"))
        agenda_label.setObjectName("sectionHeading")
        side_layout.addWidget(agenda_label)
        side_layout.addWidget(self.agenda, 2)

        splitter = QSplitter()
        splitter.addWidget(item_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))
        self.back_button.clicked.connect(self._leave)
        self.end_button.clicked.connect(self.end_meeting)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.extend_button.clicked.connect(self.extend)
        self.notes.edited.connect(self._save_notes)
        self.outcome.editingFinished.connect(self._save_outcome)
        self.check_in_button.clicked.connect(self.check_in_requested)
        self.action_button.clicked.connect(self._request_action)
        self.agenda.itemActivated.connect(self._jump)
        self.stack.changed.connect(self._update_attendance)
        for keys, slot in (
            ("Alt+Left", lambda: self.step(-1)),
            ("Alt+Right", lambda: self.step(+1)),
            ("Ctrl+Space", self.toggle_pause),
            ("Ctrl+=", self.extend),
            ("Ctrl++", self.extend),
            ("F8", self.stack.next_speaker),
            ("Ctrl+Shift+I", self.check_in_requested.emit),
            ("Ctrl+Shift+A", self._request_action),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    # -- showing --------------------------------------------------------------------------

    def show_meeting(self, assembly: AssemblyService, meeting_id: int) -> None:
        """Follow the running meeting ``meeting_id``."""
        self.assembly = assembly
        self.stack.show_meeting(assembly, meeting_id)
        self.reload(meeting_id)
        self.timer.start()

    def stop(self) -> None:
        """Stop following (saves pending notes)."""
        self.notes.flush()
        self.timer.stop()

    def reload(self, meeting_id: int | None = None) -> None:
        """Fetch the meeting again and redraw everything."""
        if self.assembly is None:
            return
        meeting_id = meeting_id or (self.detail.meeting.id if self.detail else None)
        if meeting_id is None:
            return
        self.detail = self.assembly.meetings.meeting(meeting_id)
        detail = self.detail
        current = detail.current_item
        self.meeting_title.setText(detail.meeting.title)
        index = detail.items.index(current) if current else -1
        self.position.setText(
            self.tr("Item {n} of {total}").format(n=index + 1, total=len(detail.items))
            if current
            else ""
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < len(detail.items) - 1)
        if current is not None:
            self.item_title.setText(item_title(current))
            meta = agenda_kind(current.kind)
            if current.presenter:
                meta += " · " + self.tr("presented by {name}").format(name=current.presenter)
            self.item_meta.setText(meta)
            self.notes.set_html(current.notes)
            self.outcome.setText(current.outcome)
        self._fill_agenda(detail.items)
        self._update_attendance()
        self.tick()

    def _fill_agenda(self, items: tuple[AgendaItemRow, ...]) -> None:
        self.agenda.clear()
        marks = {ItemState.DONE: "✓", ItemState.CURRENT: "▶", ItemState.PENDING: "  "}
        for item in items:
            entry = QListWidgetItem(
                f"{marks[item.state]}  {item_title(item)}  ({item.timebox_minutes} min)"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            if item.state is ItemState.CURRENT:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
                self.agenda.addItem(entry)
                self.agenda.setCurrentItem(entry)
            else:
                self.agenda.addItem(entry)

    def _update_attendance(self) -> None:
        if self.assembly is None or self.detail is None:
            return
        summary = self.assembly.attendance.summary(self.detail.meeting.id)
        self.attendance.setText(
            self.tr("%n in the room", "", summary.in_room)
            + " · "
            + self.tr("{a} attended, {b} absent, {c} excused").format(
                a=summary.attended, b=summary.absent, c=summary.excused
            )
        )

    def tick(self) -> None:
        """Redraw the clocks from the service's clock (called twice a second)."""
        if self.assembly is None or self.detail is None:
            return
        self.stack.tick()
        current = self.detail.current_item
        if current is None:
            self.clock.setText("")
            return
        state = current.timer(self.assembly.clock())
        elapsed = int(state.elapsed.total_seconds())  # whole seconds, so both clocks agree
        box = int(state.timebox.total_seconds())
        remaining = box - elapsed
        self.clock.setText(f"{duration(elapsed)} / {duration(box)}")
        self.progress.setRange(0, max(1, int(box)))
        self.progress.setValue(min(int(elapsed), int(box)))
        if state.phase is TimerPhase.OVERTIME:
            note = self.tr("{time} over time").format(time=duration(-remaining))
        elif state.phase is TimerPhase.WARNING:
            note = self.tr("{time} left — time to wrap up").format(time=duration(remaining))
        else:
            note = self.tr("{time} left").format(time=duration(remaining))
        if not state.running:
            note += " · " + self.tr("paused")
        self.clock_note.setText(note)
        self.pause_button.setText(self.tr("Res&ume") if not state.running else self.tr("Pa&use"))
        for widget in (self.clock, self.clock_note):
            widget.setProperty("phase", state.phase.value)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    # -- actions --------------------------------------------------------------------------

    def step(self, offset: int) -> None:
        """Go to the previous or next agenda item."""
        if self.assembly is None or self.detail is None:
            return
        self.notes.flush()
        self._save_outcome()
        assembly, meeting_id = self.assembly, self.detail.meeting.id
        guarded(self, lambda: assembly.meetings.step(meeting_id, offset))
        self.reload()

    def _jump(self, entry: QListWidgetItem) -> None:
        if self.assembly is None or self.detail is None:
            return
        self.notes.flush()
        self._save_outcome()
        assembly, meeting_id = self.assembly, self.detail.meeting.id
        item_id = entry.data(Qt.ItemDataRole.UserRole)
        guarded(self, lambda: assembly.meetings.go_to_item(meeting_id, item_id))
        self.reload()

    def toggle_pause(self) -> None:
        """Pause or resume the current item's clock."""
        current = self.detail.current_item if self.detail else None
        if self.assembly is None or current is None:
            return
        if current.running_since is None:
            self.assembly.meetings.resume_timer(current.id)
        else:
            self.assembly.meetings.pause_timer(current.id)
        self.reload()

    def extend(self) -> None:
        """Add a minute to the current item's timebox."""
        current = self.detail.current_item if self.detail else None
        if self.assembly is not None and current is not None:
            self.assembly.meetings.extend_timebox(current.id, 1)
            self.reload()

    def end_meeting(self) -> None:
        """Close the meeting after confirmation."""
        if self.assembly is None or self.detail is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("End meeting"),
            self.tr(
                'End "{title}"? Attendance and the speakers\' stack close now; notes and '
                "outcomes can still be edited for the minutes."
            ).format(title=self.detail.meeting.title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.notes.flush()
        self._save_outcome()
        assembly, meeting_id = self.assembly, self.detail.meeting.id
        guarded(self, lambda: assembly.meetings.end_meeting(meeting_id))
        self.stop()
        self.ended.emit()

    def _leave(self) -> None:
        self.stop()
        self.leave_requested.emit()

    def _request_action(self) -> None:
        current = self.detail.current_item if self.detail else None
        if current is not None:
            self.action_requested.emit(current.id)

    def _save_notes(self, html: str) -> None:
        current = self.detail.current_item if self.detail else None
        if self.assembly is not None and current is not None and html != current.notes:
            self.assembly.meetings.set_notes(current.id, html)
            self.detail = self.assembly.meetings.meeting(current.meeting_id)

    def _save_outcome(self) -> None:
        current = self.detail.current_item if self.detail else None
        text = self.outcome.text().strip()
        if self.assembly is not None and current is not None and text != current.outcome:
            self.assembly.meetings.set_outcome(current.id, text)
            self.detail = self.assembly.meetings.meeting(current.meeting_id)
