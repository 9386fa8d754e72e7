"""The members table: one row per member, edited in place, filtered by council and status.

The model never talks to the database. An edit becomes a complete
:class:`~pareconapp.services.members.MemberFields` and goes to a ``commit`` callback (the
page's :class:`~pareconapp.ui.members.changes.MemberChanges`), which asks the service; the
cell changes only if the service accepted the edit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from pareconapp.core.csv_import import parse_hours
from pareconapp.services.members import MemberFields, MemberRow
from pareconapp.ui.table_model import RowRole, SortRole

Index = QModelIndex | QPersistentModelIndex
Commit = Callable[[MemberRow, MemberFields], MemberRow | None]
"""Store changed fields of a member; return the stored row, or ``None`` if refused."""

LEFT_COLOUR = QColor("#5b6670")
"""Text colour of members who have left (still 5:1 contrast on white, for projectors)."""


class MemberColumn(enum.IntEnum):
    """The table's columns, in order."""

    DISPLAY_NAME = 0
    NAME = 1
    TEAM = 2
    CONSUMER_COUNCIL = 3
    HOURS = 4
    STATUS = 5
    PIN = 6
    SKILLS = 7
    CONTACT = 8


EDITABLE = frozenset(
    {
        MemberColumn.DISPLAY_NAME,
        MemberColumn.NAME,
        MemberColumn.TEAM,
        MemberColumn.CONSUMER_COUNCIL,
        MemberColumn.HOURS,
        MemberColumn.SKILLS,
        MemberColumn.CONTACT,
    }
)


def format_hours(value: float) -> str:
    """Hours as people write them: ``35``, ``37.5``."""
    return f"{value:g}"


def format_date(value: date) -> str:
    """A date in the user's short locale format."""
    return QLocale().toString(
        QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
    )


def split_skills(text: str) -> tuple[str, ...]:
    """Skills typed as ``welding, wheel truing`` (semicolons work too)."""
    return tuple(s.strip() for s in text.replace(";", ",").split(",") if s.strip())


class MemberTableModel(QAbstractTableModel):
    """Members under :class:`MemberColumn`; edits go through ``commit``."""

    def __init__(self, commit: Commit | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._commit = commit

    def set_commit(self, commit: Commit) -> None:
        """Where edits go."""
        self._commit = commit

    # -- rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MemberRow]:
        """Every member shown."""
        return list(self._rows)

    def row_at(self, row: int) -> MemberRow:
        """The member at ``row``."""
        return self._rows[row]

    def row_of(self, member_id: int) -> int | None:
        """The row number of a member, if present."""
        return next((i for i, m in enumerate(self._rows) if m.id == member_id), None)

    def upsert(self, member: MemberRow) -> None:
        """Show ``member`` as it is now (replacing its row, or appending it)."""
        row = self.row_of(member.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(member)
            self.endInsertRows()
            return
        self._rows[row] = member
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(MemberColumn) - 1))

    def remove(self, member_id: int) -> None:
        """Stop showing a member."""
        row = self.row_of(member_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of members (0 under any valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(MemberColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headers and their tooltips."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(MemberColumn):
            return None
        column = MemberColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        return None

    def _header(self, column: MemberColumn) -> str:
        return {
            MemberColumn.DISPLAY_NAME: self.tr("Display name"),
            MemberColumn.NAME: self.tr("Name"),
            MemberColumn.TEAM: self.tr("Team"),
            MemberColumn.CONSUMER_COUNCIL: self.tr("Consumer council"),
            MemberColumn.HOURS: self.tr("Hours"),
            MemberColumn.STATUS: self.tr("Status"),
            MemberColumn.PIN: self.tr("PIN"),
            MemberColumn.SKILLS: self.tr("Skills"),
            MemberColumn.CONTACT: self.tr("Contact"),
        }[column]

    def _header_tip(self, column: MemberColumn) -> str:
        if column is MemberColumn.HOURS:
            return self.tr("Hours per week (double-click a cell or press F2 to edit it)")
        if column in EDITABLE:
            return self.tr("Double-click a cell or press F2 to edit it")
        if column is MemberColumn.STATUS:
            return self.tr("Mark a member as left or returned with Ctrl+L")
        return self.tr(
            "Whether the member has a PIN for the shared laptop (set it with Ctrl+Shift+P)"
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Editable cells are the ones in :data:`EDITABLE`."""
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, edit value, sort value, tooltip, style, or the row itself."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        member = self._rows[index.row()]
        column = MemberColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(member, column)
        if role == Qt.ItemDataRole.EditRole:
            return _edit_value(member, column)
        if role == SortRole:
            return _sort_key(member, column)
        if role == RowRole:
            return member
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(member, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is MemberColumn.HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is MemberColumn.PIN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not member.active:
            return LEFT_COLOUR
        if role == Qt.ItemDataRole.FontRole and not member.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, member: MemberRow, column: MemberColumn) -> str:
        if column is MemberColumn.STATUS:
            if member.active:
                return self.tr("active")
            if member.left_on is None:
                return self.tr("left")
            return self.tr("left {date}").format(date=format_date(member.left_on))
        if column is MemberColumn.PIN:
            return self.tr("✓ set") if member.has_pin else "–"
        if column is MemberColumn.HOURS:
            return format_hours(member.weekly_hours)
        if column is MemberColumn.TEAM:
            return member.team
        if column is MemberColumn.CONSUMER_COUNCIL:
            return member.consumer_council
        return str(_edit_value(member, column))

    def _tooltip(self, member: MemberRow, column: MemberColumn) -> str | None:
        if column is MemberColumn.PIN:
            return self.tr("Has a PIN") if member.has_pin else self.tr("No PIN")
        if column is MemberColumn.STATUS and member.left_on is not None:
            return self.tr("Left on {date}").format(date=format_date(member.left_on))
        if column in (MemberColumn.SKILLS, MemberColumn.CONTACT, MemberColumn.NAME):
            return self._display(member, column) or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Send an edit to the service; the cell changes only if it was accepted."""
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() not in EDITABLE
            or self._commit is None
        ):
            return False
        member = self._rows[index.row()]
        before = MemberFields.of(member)
        after = _edited(before, MemberColumn(index.column()), value)
        if after is None:
            return False
        if after == before:
            return True
        stored = self._commit(member, after)
        if stored is None:
            return False
        self.upsert(stored)
        return True


def _edit_value(member: MemberRow, column: MemberColumn) -> Any:
    values: dict[MemberColumn, Any] = {
        MemberColumn.DISPLAY_NAME: member.display_name,
        MemberColumn.NAME: member.name,
        MemberColumn.TEAM: member.team_id,
        MemberColumn.CONSUMER_COUNCIL: member.consumer_council_id,
        MemberColumn.HOURS: member.weekly_hours,
        MemberColumn.STATUS: member.active,
        MemberColumn.PIN: member.has_pin,
        MemberColumn.SKILLS: ", ".join(member.skills),
        MemberColumn.CONTACT: member.contact,
    }
    return values[column]


def _sort_key(member: MemberRow, column: MemberColumn) -> Any:
    if column is MemberColumn.TEAM:
        return member.team.casefold()
    if column is MemberColumn.CONSUMER_COUNCIL:
        return member.consumer_council.casefold()
    if column is MemberColumn.STATUS:
        return (not member.active, member.left_on or date.min)
    if column in (MemberColumn.HOURS, MemberColumn.PIN):
        return _edit_value(member, column)
    return str(_edit_value(member, column)).casefold()


def _edited(fields: MemberFields, column: MemberColumn, value: Any) -> MemberFields | None:
    """``fields`` with one column set to an edited value (``None`` if it is no value)."""
    if column is MemberColumn.DISPLAY_NAME:
        return replace(fields, display_name=str(value))
    if column is MemberColumn.NAME:
        return replace(fields, name=str(value))
    if column is MemberColumn.CONTACT:
        return replace(fields, contact=str(value))
    if column is MemberColumn.SKILLS:
        return replace(fields, skills=split_skills(str(value)))
    if column is MemberColumn.TEAM:
        return replace(fields, team_id=_council_id(value))
    if column is MemberColumn.CONSUMER_COUNCIL:
        return replace(fields, consumer_council_id=_council_id(value))
    if column is MemberColumn.HOURS:
        hours = value if isinstance(value, int | float) else parse_hours(str(value))
        return None if hours is None else replace(fields, weekly_hours=float(hours))
    return None


def _council_id(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and value > 0 else None


class Status(enum.Enum):
    """Which members the status filter shows."""

    ALL = "all"
    ACTIVE = "active"
    LEFT = "left"


CouncilSet = frozenset[int | None]
"""Council ids a member must be in (``None`` in the set: members in none)."""


class MemberFilter(QSortFilterProxyModel):
    """Sorts by raw values and shows members matching the search, councils and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._words: list[str] = []
        self._teams: CouncilSet | None = None
        self._consumer_councils: CouncilSet | None = None
        self._status = Status.ALL

    @property
    def status(self) -> Status:
        """The status shown."""
        return self._status

    def set_search(self, text: str) -> None:
        """Show members whose fields contain every word of ``text``."""
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_teams(self, teams: CouncilSet | None) -> None:
        """Show members of these teams (``None``: any team)."""
        self._refilter(lambda: setattr(self, "_teams", teams))

    def set_consumer_councils(self, councils: CouncilSet | None) -> None:
        """Show members of these consumer councils (``None``: any)."""
        self._refilter(lambda: setattr(self, "_consumer_councils", councils))

    def set_status(self, status: Status) -> None:
        """Show active members, those who left, or all."""
        self._refilter(lambda: setattr(self, "_status", status))

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 deprecates invalidateRowsFilter() in favour of begin/endFilterChange().
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt before 6.10
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Whether a member matches every filter."""
        model = self.sourceModel()
        if not isinstance(model, MemberTableModel) or source_parent.isValid():
            return True
        member = model.row_at(source_row)
        if self._status is Status.ACTIVE and not member.active:
            return False
        if self._status is Status.LEFT and member.active:
            return False
        if self._teams is not None and member.team_id not in self._teams:
            return False
        if (
            self._consumer_councils is not None
            and member.consumer_council_id not in self._consumer_councils
        ):
            return False
        if not self._words:
            return True
        haystack = " ".join(
            (
                member.display_name,
                member.name,
                member.team,
                member.consumer_council,
                member.contact,
                *member.skills,
            )
        ).casefold()
        return all(word in haystack for word in self._words)
