"""The Tasks & Jobs page: the task catalogue, rating rounds, job complexes, outside hours.

Four tabs in the order the work goes: **Tasks** (what needs doing, who may do it),
**Rating rounds** (members rate the tasks on the shared laptop or on paper; dot plots and
follow-up rounds for contested tasks), **Job complexes** (the members x tasks hours editor
with the optimiser, pins, the balance chart and saving; its edits go on the page's undo
stack) and **Across workplaces** (hours outside to reach the society's averages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from pareconapp.ui.jobs.editor import JobComplexEditor
from pareconapp.ui.jobs.outside import OutsidePanel
from pareconapp.ui.jobs.rounds_panel import RoundsPanel
from pareconapp.ui.jobs.tasks_panel import TasksPanel
from pareconapp.ui.pages.base import Page

if TYPE_CHECKING:
    from pareconapp.core.jobs import Balance
    from pareconapp.services.assembly import AssemblyService


class JobsPage(Page):
    """Tasks, their ratings and balanced job complexes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Tasks & Jobs"))
        heading.setObjectName("pageHeading")
        self.tasks = TasksPanel()
        self.rounds = RoundsPanel()
        self.editor = JobComplexEditor(self.undo_stack)
        self.outside = OutsidePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tasks, self.tr("1 &Tasks"))
        self.tabs.addTab(self.rounds, self.tr("2 &Rating rounds"))
        self.tabs.addTab(self.editor, self.tr("3 &Job complexes"))
        self.tabs.addTab(self.outside, self.tr("4 &Across workplaces"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self._stale_tabs: set[int] = set()
        self._loaded: AssemblyService | None = None
        self.tasks.changed.connect(lambda: self._changed(self.tasks))
        self.rounds.changed.connect(lambda: self._changed(self.rounds))
        self.editor.saved.connect(lambda _id: self.data_changed.emit())
        self.editor.balance_changed.connect(self._balance_changed)
        self.tabs.currentChanged.connect(self._tab_shown)

    def refresh(self) -> None:
        """Load a newly attached assembly into every tab, or reload them."""
        if self.assembly is not self._loaded:
            self._load(self.assembly)
            return
        if self.assembly is None:
            return
        self.tasks.refresh()
        self.rounds.refresh()
        if not self.editor.busy:
            self.editor.refresh()
        self.outside.set_assembly(self.assembly)
        self._stale_tabs.clear()

    def _load(self, assembly: AssemblyService | None) -> None:
        self._loaded = assembly
        self.tasks.set_assembly(assembly)
        self.rounds.set_assembly(assembly)
        self.editor.set_assembly(assembly)
        self.outside.set_assembly(assembly)
        self.outside.show_balance(self._balance())
        self._stale_tabs.clear()

    def _changed(self, source: QWidget) -> None:
        """Tasks or ratings changed: the other tabs reload when next shown."""
        self._stale_tabs = {
            i for i in range(self.tabs.count()) if self.tabs.widget(i) is not source
        }
        self.data_changed.emit()

    def _tab_shown(self, index: int) -> None:
        if index not in self._stale_tabs or self.assembly is None:
            return
        self._stale_tabs.discard(index)
        widget = self.tabs.widget(index)
        if widget is self.tasks:
            self.tasks.refresh()
        elif widget is self.rounds:
            self.rounds.refresh()
        elif widget is self.editor and not self.editor.busy:
            self.editor.refresh()

    def _balance(self) -> Balance | None:
        assessment = self.editor.assessment
        return assessment.balance if assessment is not None else None

    def _balance_changed(self) -> None:
        self.outside.show_balance(self._balance())
