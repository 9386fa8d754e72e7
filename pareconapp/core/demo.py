"""A deterministic demo assembly as plain data: a bicycle cooperative.

The services layer writes this into an assembly file (``pareconapp demo FILE`` and the GUI's
``--demo``); later areas add their own demo records. The same seed always gives the same
assembly, so screenshots and benchmarks are reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_NAMES = (
    "Ana",
    "Bilal",
    "Carmen",
    "Dmitri",
    "Efua",
    "Farid",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemal",
    "Lena",
    "Mateo",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Samir",
    "Tove",
    "Umar",
    "Vera",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Amara",
    "Bruno",
    "Chiara",
    "Diego",
    "Elif",
    "Femi",
    "Gulnara",
    "Hamid",
    "Ilse",
    "Jamal",
    "Kira",
    "Luca",
    "Mina",
    "Nikolai",
)
LAST_NAMES = (
    "Alvarez",
    "Berg",
    "Castillo",
    "Dubois",
    "Eze",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Sato",
    "Toure",
    "Udeh",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zhang",
)


@dataclass(frozen=True)
class DemoCouncil:
    """A council of the demo assembly; ``parent`` names its parent council."""

    name: str
    kind: str  # "worker", "team" or "consumer"
    parent: str | None = None


@dataclass(frozen=True)
class DemoMember:
    """A member of the demo assembly; ``team`` and ``consumer_council`` name councils."""

    name: str
    display_name: str
    contact: str
    weekly_hours: float
    team: str
    consumer_council: str
    active: bool


@dataclass(frozen=True)
class DemoAssembly:
    """Everything the demo generator produces."""

    name: str
    description: str
    councils: tuple[DemoCouncil, ...]
    members: tuple[DemoMember, ...]


WORKER_COUNCIL = "Wheelwright Workers' Council"
TEAMS = ("Repair shop", "Frame building", "Shop & logistics")
CONSUMER_COUNCILS = ("Riverside Neighbourhood Council", "Old Town Neighbourhood Council")
HOURS_CHOICES = (35.0, 35.0, 35.0, 30.0, 28.0, 20.0)


def demo_assembly(members: int = 24, seed: int = 2026) -> DemoAssembly:
    """The demo bicycle cooperative with ``members`` members (deterministic for ``seed``)."""
    rng = random.Random(seed)
    councils = (
        DemoCouncil(WORKER_COUNCIL, "worker"),
        *(DemoCouncil(team, "team", WORKER_COUNCIL) for team in TEAMS),
        *(DemoCouncil(name, "consumer") for name in CONSUMER_COUNCILS),
    )
    people: list[DemoMember] = []
    used: set[str] = set()
    for index in range(members):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        last = rng.choice(LAST_NAMES)
        display = first if first not in used else f"{first} {last[0]}."
        suffix = 2
        while display in used:
            display = f"{first} {last[0]}. {suffix}"
            suffix += 1
        used.add(display)
        people.append(
            DemoMember(
                name=f"{first} {last}",
                display_name=display,
                contact=f"{first.lower()}.{last.lower()}@wheelwright.coop",
                weekly_hours=rng.choice(HOURS_CHOICES),
                team=TEAMS[index % len(TEAMS)],
                consumer_council=CONSUMER_COUNCILS[rng.random() < 0.45],
                active=index != members - 1 or members < 4,
            )
        )
    return DemoAssembly(
        name="Wheelwright Bicycle Cooperative",
        description=(
            "A bicycle repair and frame-building cooperative run by its workers' assembly, "
            "with members in two neighbourhood consumer councils."
        ),
        councils=councils,
        members=tuple(people),
    )
