"""What every sidebar page provides."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pareconapp.ui.pages import info_of

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService


class Page(QWidget):
    """A page of the main window, shown when its sidebar entry is chosen."""

    data_changed = Signal()
    """Emitted after the page changed data other pages show (members, meetings...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assembly: AssemblyService | None = None
        self.undo_stack = QUndoStack(self)
        """Edits on this page; the main window's Edit menu undoes and redoes them."""
        self.stale = False
        """Set when another page changed data this page shows; it refreshes when shown."""

    @property
    def area_id(self) -> str:
        """The page's stable identifier, from the registry in :mod:`pareconapp.ui.pages`."""
        return info_of(type(self)).area_id

    @property
    def icon_name(self) -> str:
        """The page's icon, from the registry."""
        return info_of(type(self)).icon

    def title(self) -> str:
        """The translated title shown in the sidebar."""
        return info_of(type(self)).translated_title()

    def set_assembly(self, assembly: AssemblyService | None) -> None:
        """Show ``assembly`` (``None`` when the file is closed)."""
        self.attach(assembly)
        self.stale = False
        self.refresh()

    def attach(self, assembly: AssemblyService | None) -> None:
        """Take ``assembly`` without loading it yet: the page loads when it is first shown.

        The main window attaches every page and refreshes only the one on screen, so opening
        a large assembly does not build every page at start-up.
        """
        self.assembly = assembly
        self.undo_stack.clear()
        self.stale = True

    def refresh(self) -> None:
        """Reload what the page shows from the services."""
