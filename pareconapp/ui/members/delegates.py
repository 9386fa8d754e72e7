"""Cell editors of the members table: a council picker and an hours spin box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pareconapp.core.member_import import MAX_WEEKLY_HOURS

Index = QModelIndex | QPersistentModelIndex
Choices = Callable[[], list[tuple[str, int]]]
"""The ``(label, council id)`` pairs to offer, fetched each time an editor opens."""


class CouncilDelegate(QStyledItemDelegate):
    """Picks a council from a combo box (or none) for a member's team or consumer council."""

    def __init__(self, choices: Choices, none_label: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._none_label = none_label

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A combo box with "none" and every council of the kind."""
        combo = QComboBox(parent)
        combo.setObjectName("councilEditor")
        combo.addItem(self._none_label, 0)
        for label, council_id in self._choices():
            combo.addItem(label, council_id)
        combo.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Select the member's council."""
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current if isinstance(current, int) else 0)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Store the chosen council (0 for none)."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class HoursDelegate(QStyledItemDelegate):
    """Weekly hours from 0 to 168 in steps of half an hour."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A spin box limited to a week's hours."""
        spin = QDoubleSpinBox(parent)
        spin.setObjectName("hoursEditor")
        spin.setRange(0.0, MAX_WEEKLY_HOURS)
        spin.setSingleStep(0.5)
        spin.setDecimals(2)
        spin.setAccessibleName(self.tr("Hours per week"))
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Show the member's hours."""
        assert isinstance(editor, QDoubleSpinBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if isinstance(value, int | float) else 0.0)
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Store the hours typed or stepped to."""
        assert isinstance(editor, QDoubleSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
