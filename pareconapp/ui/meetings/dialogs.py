"""Forms for a meeting's details and for action items."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pareconapp.services.actions import ActionFields
from pareconapp.services.meetings import AgendaItemRow, MeetingFields, MeetingRow
from pareconapp.ui.forms import error_label, ok_cancel
from pareconapp.ui.meetings.labels import date_time, item_title, local

if TYPE_CHECKING:
    from pareconapp.services.members import MemberRow


def to_utc(value: QDateTime) -> datetime:
    """A QDateTime (local) as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=UTC)


class MeetingDialog(QDialog):
    """Create or edit a meeting: title, when, where, facilitators, minute-taker."""

    def __init__(
        self,
        members: list[MemberRow],
        earlier: list[MeetingRow],
        fields: MeetingFields | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New meeting") if fields is None else self.tr("Meeting"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(fields.title if fields else self.tr("General assembly"))
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDateTime(
            local(fields.starts_at)
            if fields
            else QDateTime(QDate.currentDate().addDays(7), QTime(17, 30))
        )
        self.place = QLineEdit(fields.place if fields else "")
        self.facilitators = QListWidget()
        self.facilitators.setMaximumHeight(160)
        self.minute_taker = QComboBox()
        self.minute_taker.addItem(self.tr("(nobody yet)"), None)
        chosen = set(fields.facilitator_ids) if fields else set()
        for member in members:
            item = QListWidgetItem(member.display_name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if member.id in chosen else Qt.CheckState.Unchecked
            )
            self.facilitators.addItem(item)
            self.minute_taker.addItem(member.display_name, member.id)
        if fields and fields.minute_taker_id is not None:
            self.minute_taker.setCurrentIndex(self.minute_taker.findData(fields.minute_taker_id))
        self.copy_from = QComboBox()
        self.copy_from.addItem(self.tr("(start with an empty agenda)"), None)
        for meeting in earlier:
            self.copy_from.addItem(
                self.tr("{title} ({when})").format(
                    title=meeting.title, when=date_time(meeting.starts_at)
                ),
                meeting.id,
            )
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Starts:"), self.when)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Facilitators:"), self.facilitators)
        form.addRow(self.tr("&Minute-taker:"), self.minute_taker)
        if fields is None:
            form.addRow(self.tr("&Copy agenda from:"), self.copy_from)
            if earlier:
                self.copy_from.setCurrentIndex(1)  # the previous meeting
        self.error = error_label()
        buttons = ok_cancel(self, self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Title: a meeting needs a title."))
            self.error.show()
            self.title.setFocus()
            return
        self.accept()

    def fields(self) -> MeetingFields:
        """What the form says."""
        facilitators = tuple(
            self.facilitators.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.facilitators.count())
            if self.facilitators.item(i).checkState() == Qt.CheckState.Checked
        )
        return MeetingFields(
            self.title.text().strip(),
            to_utc(self.when.dateTime()),
            self.place.text().strip(),
            facilitators,
            self.minute_taker.currentData(),
        )

    def copy_agenda_from(self) -> int | None:
        """The meeting whose agenda to copy, if any."""
        value = self.copy_from.currentData()
        return int(value) if value is not None else None


class ActionDialog(QDialog):
    """Create or edit an action item: owner, what, due date, agenda item."""

    def __init__(
        self,
        members: list[MemberRow],
        items: tuple[AgendaItemRow, ...],
        fields: ActionFields | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action item"))
        self.setMinimumWidth(480)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for member in members:
            self.owner.addItem(member.display_name, member.id)
        self.owner.setCurrentIndex(-1)
        self.description = QPlainTextEdit(fields.description if fields else "")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(110)
        self.has_due = QCheckBox(self.tr("Due &by"))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDate(QDate.currentDate().addDays(14))
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.setChecked(True)
        self.item = QComboBox()
        self.item.addItem(self.tr("(no particular item)"), None)
        for agenda_item in items:
            self.item.addItem(item_title(agenda_item), agenda_item.id)
        if fields is not None:
            self.owner.setCurrentIndex(self.owner.findData(fields.owner_id))
            self.has_due.setChecked(fields.due_on is not None)
            if fields.due_on is not None:
                self.due.setDate(QDate(fields.due_on.year, fields.due_on.month, fields.due_on.day))
            self.item.setCurrentIndex(max(0, self.item.findData(fields.agenda_item_id)))
        form = QFormLayout()
        form.addRow(self.tr("&Who:"), self.owner)
        form.addRow(self.tr("&What:"), self.description)
        form.addRow(self.has_due, self.due)
        form.addRow(self.tr("&Agenda item:"), self.item)
        self.error = error_label()
        buttons = ok_cancel(self, self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def select_item(self, item_id: int) -> None:
        """Preselect an agenda item."""
        self.item.setCurrentIndex(max(0, self.item.findData(item_id)))

    def _owner_id(self) -> int | None:
        index = self.owner.findText(self.owner.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.owner.itemData(index) if index >= 0 else None

    def _check(self) -> None:
        if self._owner_id() is None:
            self.error.setText(self.tr("Who: choose a member from the list."))
        elif not self.description.toPlainText().strip():
            self.error.setText(self.tr("What: say what is to be done."))
        else:
            self.accept()
            return
        self.error.show()

    def fields(self) -> ActionFields:
        """What the form says."""
        owner = self._owner_id()
        assert owner is not None
        qdate = self.due.date()
        due = date(qdate.year(), qdate.month(), qdate.day()) if self.has_due.isChecked() else None
        return ActionFields(
            owner, self.description.toPlainText().strip(), due, self.item.currentData()
        )
