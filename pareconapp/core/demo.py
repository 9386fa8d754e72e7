"""A deterministic demo assembly as plain data: a bicycle cooperative.

The services layer writes this into an assembly file (``pareconapp demo FILE`` and the GUI's
``--demo``); later areas add their own demo records. The same seed always gives the same
assembly, so screenshots and benchmarks are reproducible.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

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
class DemoItem:
    """An agenda item; ``elapsed_minutes`` is how long it ran (past meetings)."""

    title: str
    kind: str
    timebox_minutes: int
    presenter: str | None = None
    notes: str = ""
    outcome: str = ""
    elapsed_minutes: float = 0.0


@dataclass(frozen=True)
class DemoAction:
    """An action item: owner (display name), what, due date, status, agenda item index."""

    owner: str
    description: str
    due_on: date
    status: str
    item_index: int


@dataclass(frozen=True)
class DemoAttendance:
    """A member's attendance: status and minutes after the start they arrived and left."""

    member: str
    status: str
    arrived_after: int = 0
    left_after: int | None = None


@dataclass(frozen=True)
class DemoMeeting:
    """A meeting of the demo (held or planned)."""

    title: str
    starts_at: datetime
    place: str
    status: str
    facilitators: tuple[str, ...]
    minute_taker: str
    items: tuple[DemoItem, ...]
    attendance: tuple[DemoAttendance, ...] = ()
    actions: tuple[DemoAction, ...] = ()
    length_minutes: int = 0


@dataclass(frozen=True)
class DemoAssembly:
    """Everything the demo generator produces."""

    name: str
    description: str
    councils: tuple[DemoCouncil, ...]
    members: tuple[DemoMember, ...]
    meetings: tuple[DemoMeeting, ...] = field(default=())
    facilitator_passphrase: str = ""


WORKER_COUNCIL = "Wheelwright Workers' Council"
TEAMS = ("Repair shop", "Frame building", "Shop & logistics")
CONSUMER_COUNCILS = ("Riverside Neighbourhood Council", "Old Town Neighbourhood Council")
HOURS_CHOICES = (35.0, 35.0, 35.0, 30.0, 28.0, 20.0)


DEMO_PASSPHRASE = "wheelwright"
"""The facilitator passphrase of the demo assembly (documented in the README)."""


def demo_assembly(members: int = 24, seed: int = 2026, today: date | None = None) -> DemoAssembly:
    """The demo bicycle cooperative with ``members`` members (deterministic for ``seed``).

    Meetings are placed around ``today`` (two held, one planned), so the demo always has an
    overdue action item and an upcoming meeting.
    """
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
        meetings=_demo_meetings(
            [p.display_name for p in people if p.active], rng, today or date.today()
        ),
        facilitator_passphrase=DEMO_PASSPHRASE,
    )


def _evening(day: date) -> datetime:
    return datetime.combine(day, time(17, 30), tzinfo=UTC)


def _demo_meetings(names: list[str], rng: random.Random, today: date) -> tuple[DemoMeeting, ...]:
    if len(names) < 6:
        return ()
    pick = names.__getitem__
    march, april = today - timedelta(days=35), today - timedelta(days=7)
    return (
        DemoMeeting(
            title="General assembly - spring",
            starts_at=_evening(march),
            place="Workshop floor",
            status="closed",
            facilitators=(pick(0),),
            minute_taker=pick(1),
            length_minutes=75,
            items=(
                DemoItem("Welcome and roll call", "report", 5, pick(0), elapsed_minutes=6),
                DemoItem(
                    "Repair shop report",
                    "report",
                    15,
                    pick(2),
                    "<p>Repairs up 18 % on last quarter; the waiting list is two weeks."
                    "</p><p>Tyre stock ran out twice.</p>",
                    "Report received.",
                    elapsed_minutes=14,
                ),
                DemoItem(
                    "A new frame jig",
                    "discussion",
                    20,
                    pick(3),
                    "<p>The old jig limits us to steel frames. A new one would let the "
                    "frame team build aluminium frames too.</p>",
                    "Collect three quotes before deciding.",
                    elapsed_minutes=24,
                ),
                DemoItem(
                    "Summer opening hours",
                    "discussion",
                    15,
                    pick(4),
                    "<p>Proposal: open on Saturdays from June to August.</p>",
                    "Draft a rota that keeps everyone's weekly hours.",
                    elapsed_minutes=16,
                ),
            ),
            attendance=_attendance(
                names,
                rng,
                late=2,
                early=1,
                absent=2,
                excused=1,
                length=75,
                officers=(pick(0), pick(1)),
            ),
            actions=(
                DemoAction(
                    pick(3),
                    "Get three quotes for the frame jig",
                    march + timedelta(days=21),
                    "done",
                    2,
                ),
                DemoAction(pick(4), "Draft the summer rota", march + timedelta(days=28), "open", 3),
            ),
        ),
        DemoMeeting(
            title="General assembly - jig quotes",
            starts_at=_evening(april),
            place="Workshop floor",
            status="closed",
            facilitators=(pick(1), pick(5)),
            minute_taker=pick(0),
            length_minutes=60,
            items=(
                DemoItem(
                    "Review action items",
                    "action_review",
                    10,
                    None,
                    "<p>Jig quotes are in; the summer rota is still open.</p>",
                    elapsed_minutes=8,
                ),
                DemoItem(
                    "Frame jig quotes",
                    "discussion",
                    25,
                    pick(3),
                    "<p>Three quotes: 2,400, 3,100 and 3,900. The middle one includes "
                    "training.</p>",
                    "Prepare a decision for the next assembly.",
                    elapsed_minutes=27,
                ),
                DemoItem(
                    "Safety walk-through",
                    "report",
                    15,
                    pick(2),
                    "<p>Extraction fan in the paint corner is weak.</p>",
                    "Book an inspector.",
                    elapsed_minutes=12,
                ),
            ),
            attendance=_attendance(
                names,
                rng,
                late=1,
                early=2,
                absent=3,
                excused=0,
                length=60,
                officers=(pick(0), pick(1), pick(5)),
            ),
            actions=(
                DemoAction(
                    pick(2), "Book the safety inspector", today + timedelta(days=10), "open", 2
                ),
            ),
        ),
        DemoMeeting(
            title="General assembly - early summer",
            starts_at=_evening(today + timedelta(days=6)),
            place="Workshop floor",
            status="planned",
            facilitators=(pick(2),),
            minute_taker=pick(5),
            items=(
                DemoItem("Reports from the teams", "report", 15, pick(0)),
                DemoItem("Buy the frame jig?", "decision", 25, pick(3)),
                DemoItem("Rate the new tasks", "rating_round", 30, pick(1)),
                DemoItem("Remuneration: the quarter", "remuneration_review", 20, pick(4)),
            ),
        ),
    )


def _attendance(
    names: list[str],
    rng: random.Random,
    *,
    late: int,
    early: int,
    absent: int,
    excused: int,
    length: int,
    officers: tuple[str, ...],
) -> tuple[DemoAttendance, ...]:
    order = [name for name in names if name not in officers]
    rng.shuffle(order)
    order += list(officers)  # facilitators and minute-takers are there throughout
    records: list[DemoAttendance] = []
    for index, name in enumerate(order):
        if index < absent:
            records.append(DemoAttendance(name, "absent"))
        elif index < absent + excused:
            records.append(DemoAttendance(name, "excused"))
        elif index < absent + excused + late:
            records.append(DemoAttendance(name, "present", arrived_after=rng.randint(5, 20)))
        elif index < absent + excused + late + early:
            records.append(DemoAttendance(name, "present", left_after=length - rng.randint(10, 25)))
        else:
            records.append(DemoAttendance(name, "present"))
    return tuple(records)
