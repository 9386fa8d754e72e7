"""Members and councils of the open assembly."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Council, CouncilKind, Member


@dataclass(frozen=True)
class MemberRow:
    """A member as the screens show it."""

    id: int
    name: str
    display_name: str
    contact: str
    weekly_hours: float
    team_id: int | None
    team: str
    consumer_council_id: int | None
    consumer_council: str
    active: bool


@dataclass(frozen=True)
class CouncilNode:
    """A council with its nested councils (teams) and its member count."""

    id: int
    name: str
    kind: CouncilKind
    member_count: int
    children: tuple[CouncilNode, ...]


class MemberService:
    """Reads (and, from the members issue on, edits) the assembly's members and councils."""

    def __init__(self, file: AssemblyFile) -> None:
        self._file = file

    def list_members(self) -> list[MemberRow]:
        """Every member, active first, by display name."""
        with self._file.transaction() as session:
            councils = {c.id: c.name for c in session.scalars(select(Council))}
            members = session.scalars(
                select(Member).order_by(Member.active.desc(), Member.display_name)
            ).all()
            return [
                MemberRow(
                    id=m.id,
                    name=m.name,
                    display_name=m.display_name,
                    contact=m.contact,
                    weekly_hours=m.weekly_hours,
                    team_id=m.team_id,
                    team=councils.get(m.team_id, "") if m.team_id else "",
                    consumer_council_id=m.consumer_council_id,
                    consumer_council=(
                        councils.get(m.consumer_council_id, "") if m.consumer_council_id else ""
                    ),
                    active=m.active,
                )
                for m in members
            ]

    def council_tree(self) -> list[CouncilNode]:
        """Top-level councils (worker councils, then consumer councils) with their teams."""
        with self._file.transaction() as session:
            councils = session.scalars(
                select(Council).order_by(Council.position, Council.name)
            ).all()
            counts: dict[int, int] = {}
            for member in session.scalars(select(Member).where(Member.active)):
                for council_id in (member.team_id, member.consumer_council_id):
                    if council_id is not None:
                        counts[council_id] = counts.get(council_id, 0) + 1
            children: dict[int | None, list[Council]] = {}
            for council in councils:
                children.setdefault(council.parent_id, []).append(council)

            def build(council: Council) -> CouncilNode:
                kids = tuple(build(child) for child in children.get(council.id, []))
                own = counts.get(council.id, 0)
                return CouncilNode(
                    council.id,
                    council.name,
                    council.kind,
                    own + sum(k.member_count for k in kids),
                    kids,
                )

            order = {CouncilKind.WORKER: 0, CouncilKind.TEAM: 1, CouncilKind.CONSUMER: 2}
            roots = sorted(children.get(None, []), key=lambda c: (order[c.kind], c.position))
            return [build(root) for root in roots]
