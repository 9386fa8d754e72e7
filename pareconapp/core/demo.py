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
class DemoDecision:
    """A decision of the demo, at the stage it has reached.

    ``meeting`` indexes the demo's meetings (``None``: outside any meeting) and ``item``
    names the agenda item it belongs to. ``team_levels`` set each team's impact level
    (teams not named are not affected). ``votes`` are choices in the core's JSON form,
    given in turn to the eligible members present (fewer votes than voters: the rest do
    not vote).
    """

    title: str
    text: str
    meeting: int | None
    item: str | None
    rule: str
    mode: str
    team_levels: tuple[tuple[str, str], ...]
    rationale: str
    stage: str  # "assessed", "open" or "closed"
    votes: tuple[object, ...] = ()
    options: tuple[str, ...] = ()
    threshold: tuple[int, int] | None = None
    opens_after_minutes: int = 0


@dataclass(frozen=True)
class DemoAssembly:
    """Everything the demo generator produces."""

    name: str
    description: str
    councils: tuple[DemoCouncil, ...]
    members: tuple[DemoMember, ...]
    meetings: tuple[DemoMeeting, ...] = field(default=())
    decisions: tuple[DemoDecision, ...] = field(default=())
    facilitator_passphrase: str = ""
    today: date = field(default_factory=date.today)
    """The day the demo is built around (meetings, periods)."""


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
        decisions=DEMO_DECISIONS if members >= 12 else (),
        facilitator_passphrase=DEMO_PASSPHRASE,
        today=today or date.today(),
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
                DemoItem(
                    "Decide: Saturday opening in summer",
                    "decision",
                    10,
                    pick(4),
                    "<p>Secret ballot, weighted by how much each team's week changes.</p>",
                    "Passed.",
                    elapsed_minutes=11,
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
                DemoItem(
                    "Adopt the safety checklist",
                    "decision",
                    10,
                    pick(2),
                    "<p>Consensus; one member stood aside.</p>",
                    "Adopted.",
                    elapsed_minutes=7,
                ),
                DemoItem(
                    "Colour of the workshop door",
                    "decision",
                    10,
                    pick(5),
                    "<p>Ranked ballot by roll call.</p>",
                    "Teal.",
                    elapsed_minutes=9,
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


_ALL_TEAMS_MEDIUM = tuple((team, "medium") for team in TEAMS)

DEMO_DECISIONS = (
    DemoDecision(
        title="Open on Saturdays from June to August",
        text="<p>The shop opens on Saturdays 10:00-16:00 in June, July and August. Hours "
        "worked on Saturdays replace weekday hours; nobody works more.</p>",
        meeting=0,
        item="Decide: Saturday opening in summer",
        rule="simple_majority",
        mode="secret",
        team_levels=(
            ("Shop & logistics", "high"),
            ("Repair shop", "medium"),
            ("Frame building", "low"),
        ),
        rationale="Shop staff carry most Saturday hours; repairs follow the customers; "
        "frame building is hardly affected.",
        stage="closed",
        opens_after_minutes=62,
        votes=(
            "yes",
            "yes",
            "no",
            "yes",
            "abstain",
            "yes",
            "no",
            "yes",
            "yes",
            "no",
            "yes",
            "yes",
            "no",
            "yes",
            "yes",
        ),
    ),
    DemoDecision(
        title="Adopt the workshop safety checklist",
        text="<p>Every shift starts with the five-point checklist (extraction, guards, first "
        "aid kit, fire exit, tool wear) and signs it on the board.</p>",
        meeting=1,
        item="Adopt the safety checklist",
        rule="consensus",
        mode="roll_call",
        team_levels=_ALL_TEAMS_MEDIUM,
        rationale="Everyone on the floor works under the same safety routine.",
        stage="closed",
        opens_after_minutes=40,
        votes=({"stance": "agree", "reason": ""},) * 9
        + ({"stance": "stand_aside", "reason": "Five points are too many for short shifts."},)
        + ({"stance": "agree", "reason": ""},) * 5,
    ),
    DemoDecision(
        title="Colour of the new workshop door",
        text="<p>The new street door needs a colour; rank the three the neighbours liked.</p>",
        meeting=1,
        item="Colour of the workshop door",
        rule="schulze",
        mode="roll_call",
        options=("Teal", "Signal orange", "Deep blue"),
        team_levels=_ALL_TEAMS_MEDIUM,
        rationale="Everyone passes the door every day; all teams equally.",
        stage="closed",
        opens_after_minutes=50,
        votes=(
            ["Teal", "Deep blue", "Signal orange"],
            ["Signal orange", "Teal", "Deep blue"],
            ["Teal", "Signal orange", "Deep blue"],
            ["Deep blue", "Teal", "Signal orange"],
            ["Teal", "Signal orange"],
            ["Signal orange", "Deep blue", "Teal"],
            ["Deep blue", "Teal"],
            ["Teal", "Deep blue", "Signal orange"],
            ["Signal orange", "Teal", "Deep blue"],
            ["Teal"],
            ["Deep blue", "Signal orange"],
            ["Teal", "Signal orange", "Deep blue"],
            ["Signal orange", "Teal"],
        ),
    ),
    DemoDecision(
        title="Buy the frame jig (middle quote, with training)",
        text="<p>Buy the jig of the middle quote (3,100) including two days of training for "
        "the frame team, paid from the equipment reserve.</p>",
        meeting=2,
        item="Buy the frame jig?",
        rule="super_majority",
        threshold=(2, 3),
        mode="secret",
        team_levels=(
            ("Frame building", "high"),
            ("Repair shop", "low"),
            ("Shop & logistics", "low"),
        ),
        rationale="The frame team works with the jig every day; the others share the reserve "
        "it is paid from.",
        stage="assessed",
    ),
    DemoDecision(
        title="Tyre supplier for the federation's bulk order",
        text="<p>The federation bundles tyre orders; choose our supplier.</p>",
        meeting=None,
        item=None,
        rule="plurality",
        mode="secret",
        options=("Ciclo cooperative", "Northern Rubber Works", "Velo Supply"),
        team_levels=(("Repair shop", "high"), ("Shop & logistics", "medium")),
        rationale="The repair shop fits the tyres; the shop handles stock and returns.",
        stage="open",
        votes=(
            "Ciclo cooperative",
            "Velo Supply",
            "Ciclo cooperative",
            "Ciclo cooperative",
            "Northern Rubber Works",
            "Ciclo cooperative",
            "Velo Supply",
        ),
    ),
)
