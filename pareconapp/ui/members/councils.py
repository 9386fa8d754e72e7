"""The assembly's councils as the Members page needs them: a tree, pickers and filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pareconapp.store.models import CouncilKind

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pareconapp.services.members import CouncilNode

CouncilIdRole = Qt.ItemDataRole.UserRole + 10
"""A tree item's council id."""
KindRole = Qt.ItemDataRole.UserRole + 11
"""A tree item's :class:`CouncilKind` value."""

ALL_MEMBERS = 0
"""Stands for "no council chosen" (council ids start at 1)."""
INDENT = "\u2003"  # an em space per level of nesting in pickers


@dataclass(frozen=True)
class Councils:
    """The council tree, flattened for look-ups."""

    roots: tuple[CouncilNode, ...] = ()
    _nodes: dict[int, tuple[CouncilNode, int]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, roots: list[CouncilNode]) -> Councils:
        """Index the tree the service returned."""
        nodes: dict[int, tuple[CouncilNode, int]] = {}

        def walk(node: CouncilNode, depth: int) -> None:
            nodes[node.id] = (node, depth)
            for child in node.children:
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return cls(tuple(roots), nodes)

    def __iter__(self) -> Iterator[CouncilNode]:
        """Every council, parents before their teams, in display order."""
        return (node for node, _depth in self._nodes.values())

    def get(self, council_id: int | None) -> CouncilNode | None:
        """A council by id."""
        found = self._nodes.get(council_id) if council_id is not None else None
        return found[0] if found else None

    def depth(self, council_id: int) -> int:
        """How deeply a council is nested (0 for a top-level council)."""
        return self._nodes[council_id][1]

    def with_teams(self, council_id: int) -> frozenset[int | None]:
        """A council's id and those of every team nested inside it."""
        node = self.get(council_id)
        if node is None:
            return frozenset({council_id})
        ids: set[int | None] = {node.id}
        for child in node.children:
            ids |= self.with_teams(child.id)
        return frozenset(ids)

    def of_kind(self, *kinds: CouncilKind) -> list[CouncilNode]:
        """Councils of these kinds, in display order."""
        return [node for node in self if node.kind in kinds]

    def choices(self, *kinds: CouncilKind) -> list[tuple[str, int]]:
        """``(label, id)`` for pickers, nested teams indented."""
        lowest = min((self.depth(n.id) for n in self.of_kind(*kinds)), default=0)
        return [
            (INDENT * (self.depth(node.id) - lowest) + node.name, node.id)
            for node in self.of_kind(*kinds)
        ]


class CouncilTreeModel(QStandardItemModel):
    """Worker councils with their teams, then consumer councils, with member counts."""

    def fill(self, councils: Councils) -> None:
        """Show ``councils`` with their counts of active members."""
        self.clear()
        self.setHorizontalHeaderLabels([self.tr("Council"), self.tr("Members")])
        root = self.invisibleRootItem()
        kinds = {
            CouncilKind.WORKER: self.tr("Worker council"),
            CouncilKind.TEAM: self.tr("Team"),
            CouncilKind.CONSUMER: self.tr("Consumer council"),
        }

        def add(parent: QStandardItem, node: CouncilNode) -> None:
            items = self._items(
                node.name,
                node.id,
                node.kind.value,
                node.member_count,
                self.tr("{kind}: {count}").format(
                    kind=kinds[node.kind],
                    count=self.tr("%n active member(s)", "", node.member_count),
                ),
            )
            parent.appendRow(items)
            for child in node.children:
                add(items[0], child)

        for node in councils.roots:
            add(root, node)

    @staticmethod
    def _items(name: str, council_id: int, kind: str, count: int, tip: str) -> list[QStandardItem]:
        label = QStandardItem(name)
        number = QStandardItem(str(count))
        number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for item in (label, number):
            item.setEditable(False)
            item.setData(council_id, CouncilIdRole)
            item.setData(kind, KindRole)
            item.setToolTip(tip)
        return [label, number]

    def find(self, council_id: int) -> QModelIndex:
        """The first-column index of a council (invalid if there is none)."""
        hits = self.match(
            self.index(0, 0),
            CouncilIdRole,
            council_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return hits[0] if hits else QModelIndex()


def council_of(index: QModelIndex) -> tuple[int, CouncilKind | None]:
    """The council id and kind of a tree index (``ALL_MEMBERS, None`` for none)."""
    council_id: Any = index.data(CouncilIdRole)
    kind: Any = index.data(KindRole)
    if not isinstance(council_id, int) or council_id == ALL_MEMBERS or not kind:
        return ALL_MEMBERS, None
    return council_id, CouncilKind(kind)
