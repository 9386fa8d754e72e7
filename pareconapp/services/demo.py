"""Write the demo assembly (a bicycle cooperative) into a new assembly file."""

from __future__ import annotations

from pathlib import Path

from pareconapp.core.demo import DemoAssembly, demo_assembly
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Council, CouncilKind, Member

DEFAULT_MEMBERS = 24
DEFAULT_SEED = 2026


def create_demo_file(path: Path, members: int = DEFAULT_MEMBERS, seed: int = DEFAULT_SEED) -> None:
    """Create ``path`` as a demo assembly (replacing a file that is not open)."""
    demo = demo_assembly(members=members, seed=seed)
    file = AssemblyFile.create(path, demo.name, demo.description)
    try:
        _write(file, demo)
    finally:
        file.close()


def _write(file: AssemblyFile, demo: DemoAssembly) -> None:
    with file.transaction() as session:
        councils: dict[str, Council] = {}
        for position, spec in enumerate(demo.councils):
            council = Council(
                name=spec.name,
                kind=CouncilKind(spec.kind),
                parent=councils[spec.parent] if spec.parent else None,
                position=position,
            )
            session.add(council)
            councils[spec.name] = council
        for person in demo.members:
            session.add(
                Member(
                    name=person.name,
                    display_name=person.display_name,
                    contact=person.contact,
                    weekly_hours=person.weekly_hours,
                    team=councils[person.team],
                    consumer_council=councils[person.consumer_council],
                    active=person.active,
                )
            )


def ensure_demo_file(path: Path) -> bool:
    """Create the demo assembly at ``path`` unless it exists; return whether it was made."""
    if path.exists():
        return False
    create_demo_file(path)
    return True
