"""The Members page: councils as a tree, members as a searchable, sortable table."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pareconapp.services.members import CouncilNode, MemberRow
from pareconapp.store.models import CouncilKind
from pareconapp.ui.pages.base import Page
from pareconapp.ui.table_model import Column, RowTableModel, SortRole


def _hours(value: float) -> str:
    return f"{value:g}"


class MembersPage(Page):
    """Who belongs to the assembly, in which team and consumer council."""

    area_id = "members"
    icon_name = "members"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search members (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search members"))

        self.councils = QTreeView()
        self.councils.setHeaderHidden(False)
        self.councils.setAccessibleName(self.tr("Councils and teams"))
        self.council_model = QStandardItemModel(self)
        self.councils.setModel(self.council_model)

        self.model: RowTableModel[MemberRow] = RowTableModel(self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Members"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        right_layout.addWidget(self.count_label)

        splitter = QSplitter()
        splitter.addWidget(self.councils)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 900])

        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        """Sidebar title."""
        return self.tr("Members")

    def _columns(self) -> list[Column[MemberRow]]:
        yes, no = self.tr("active"), self.tr("left")
        return [
            Column(
                self.tr("Display name"), lambda m: m.display_name, lambda m: m.display_name.lower()
            ),
            Column(self.tr("Name"), lambda m: m.name, lambda m: m.name.lower()),
            Column(self.tr("Team"), lambda m: m.team, lambda m: m.team.lower()),
            Column(
                self.tr("Consumer council"),
                lambda m: m.consumer_council,
                lambda m: m.consumer_council.lower(),
            ),
            Column(
                self.tr("Hours/week"),
                lambda m: _hours(m.weekly_hours),
                lambda m: m.weekly_hours,
                align_right=True,
            ),
            Column(self.tr("Status"), lambda m: yes if m.active else no, lambda m: not m.active),
            Column(self.tr("Contact"), lambda m: m.contact, lambda m: m.contact.lower()),
        ]

    def refresh(self) -> None:
        """Reload councils and members."""
        if self.assembly is None:
            self.model.set_rows([])
            self.council_model.clear()
            return
        members = self.assembly.members.list_members()
        self.model.set_rows(members)
        self.table.resizeColumnsToContents()
        self._fill_councils(self.assembly.members.council_tree())
        active = sum(1 for m in members if m.active)
        self.heading.setText(self.tr("Members"))
        self.count_label.setText(
            self.tr("%n active member(s)", "", active)
            + " · "
            + self.tr("%n in total", "", len(members))
        )

    def _fill_councils(self, roots: list[CouncilNode]) -> None:
        self.council_model.clear()
        self.council_model.setHorizontalHeaderLabels([self.tr("Council"), self.tr("Members")])
        kinds = {
            CouncilKind.WORKER: self.tr("Worker council"),
            CouncilKind.TEAM: self.tr("Team"),
            CouncilKind.CONSUMER: self.tr("Consumer council"),
        }

        def add(parent: QStandardItem, node: CouncilNode) -> None:
            name = QStandardItem(node.name)
            name.setEditable(False)
            name.setToolTip(kinds[node.kind])
            count = QStandardItem(str(node.member_count))
            count.setEditable(False)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent.appendRow([name, count])
            for child in node.children:
                add(name, child)

        root = self.council_model.invisibleRootItem()
        for node in roots:
            add(root, node)
        self.councils.expandAll()
        self.councils.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.councils.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.councils.header().setStretchLastSection(False)
