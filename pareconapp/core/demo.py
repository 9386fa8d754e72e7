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


# -- tasks, rating rounds and job complexes (balanced job complexes) ------------------------


@dataclass(frozen=True)
class DemoTask:
    """A task of the demo workshop and the ratings its raters lean towards.

    ``empowerment`` and ``desirability`` are the centre of the demo's ratings; ``split`` names
    a dimension ("empowerment" or "desirability") the room disagrees about (ratings fall
    into two camps), which makes the task contested in the first round. ``qualified`` and
    ``training`` are display names (empty ``qualified``: everyone may do it).
    """

    name: str
    description: str
    category: str
    weekly_hours: float
    block_hours: float
    empowerment: float
    desirability: float
    split: str = ""
    qualified: tuple[str, ...] = ()
    training: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoRatings:
    """One member's ratings in a round.

    ``ratings`` holds ``(task name, empowerment, desirability)``, ``None`` where skipped.
    """

    rater: str
    ratings: tuple[tuple[str, int | None, int | None], ...]


@dataclass(frozen=True)
class DemoJobs:
    """The demo's tasks, its first rating round and the follow-up of the contested tasks.

    ``follow_up`` holds a rating of every task; only those the first round flags as
    contested are asked for. ``meeting`` indexes the meetings the rounds were held at. A
    large demo asks a sample of :data:`MAX_DEMO_RATERS` members to rate (every member
    still gets a job complex).
    """

    tasks: tuple[DemoTask, ...]
    raters: tuple[str, ...]
    first_round: tuple[DemoRatings, ...]
    follow_up: tuple[DemoRatings, ...]
    first_meeting: int = 0
    follow_up_meeting: int = 1
    max_tasks: int = 6


# fmt: off
_TASK_SPECS = (
    # name, category, weight (share of the hours), block, empowerment, desirability, split,
    # description
    ("Wheel truing and building", "Repair shop", 5, 2, 9, 13, "",
     "True wheels, lace new ones, replace spokes and rims."),
    ("Brake and gear servicing", "Repair shop", 6, 2, 8, 11, "",
     "Adjust and replace brakes, cables, derailleurs and chains."),
    ("Puncture repairs at the counter", "Repair shop", 4, 1, 5, 9, "",
     "Quick repairs while the customer waits."),
    ("Diagnosing difficult faults", "Repair shop", 3, 1, 14, 15, "",
     "Find what is wrong with bikes others could not fix; teach the fix."),
    ("Bike intake and repair estimates", "Repair shop", 3, 1, 11, 10, "",
     "Talk to customers, estimate the work, book it in."),
    ("Restoring donated bikes", "Repair shop", 4, 2, 10, 14, "",
     "Rebuild donated bikes for the neighbourhood scheme."),
    ("Frame welding and brazing", "Frame building", 4, 2, 13, 12, "",
     "Weld and braze steel frames in the jig."),
    ("Frame design with customers", "Frame building", 2, 1, 17, 16, "",
     "Measure riders and design their frames with them."),
    ("Cutting and mitring tubes", "Frame building", 3, 2, 7, 8, "",
     "Cut, mitre and prepare tubes for welding."),
    ("Paint preparation and sanding", "Frame building", 3, 2, 4, 4, "",
     "Strip, sand and mask frames before coating; dusty work."),
    ("Powder coating", "Frame building", 2, 2, 6, 6, "",
     "Coat and cure frames in the booth."),
    ("Jig and tool maintenance", "Frame building", 2, 1, 8, 9, "",
     "Keep the jig, stands and hand tools in order."),
    ("Shop counter and sales", "Shop & logistics", 5, 2, 9, 11, "",
     "Serve customers, sell parts and bikes, take payments."),
    ("Ordering parts and stock", "Shop & logistics", 2, 1, 13, 10, "",
     "Keep stock levels, order from suppliers and the federation."),
    ("Receiving deliveries", "Shop & logistics", 2, 1, 4, 6, "",
     "Unpack, check and shelve deliveries."),
    ("Cargo-bike deliveries", "Shop & logistics", 3, 2, 6, 11, "desirability",
     "Deliver repaired bikes and parts by cargo bike, in any weather."),
    ("Online orders and website", "Shop & logistics", 2, 1, 11, 12, "",
     "Answer online orders and keep the website current."),
    ("Bookkeeping", "Coordination", 2, 2, 15, 9, "desirability",
     "Keep the books, pay invoices, prepare the quarterly accounts."),
    ("Budget and planning proposals", "Coordination", 1, 1, 19, 12, "",
     "Draft the workplace's proposals for the planning rounds."),
    ("Preparing assemblies and agendas", "Coordination", 1, 1, 17, 11, "",
     "Collect items, prepare papers, draft agendas."),
    ("Minutes and correspondence", "Coordination", 1, 1, 12, 8, "",
     "Write minutes, answer letters and e-mail."),
    ("Training new members", "Coordination", 2, 1, 16, 15, "",
     "Show new members every task and check their work."),
    ("Federation liaison", "Coordination", 1, 1, 18, 13, "",
     "Represent the workplace in the federation's meetings."),
    ("Neighbourhood repair workshops", "Coordination", 2, 2, 14, 17, "empowerment",
     "Teach neighbours to repair their own bikes on Saturday mornings."),
    ("Cleaning the workshop", "Care of the place", 3, 1, 2, 4, "",
     "Sweep, degrease benches, tidy tools at the end of the day."),
    ("Bins and scrap recycling", "Care of the place", 2, 1, 2, 3, "",
     "Empty bins, sort metal and rubber for recycling."),
    ("Cleaning toilets and kitchen", "Care of the place", 2, 1, 1, 2, "",
     "Clean the toilets, the kitchen and the break room."),
    ("Waste oil and chemicals disposal", "Care of the place", 1, 1, 3, 2, "",
     "Collect, label and hand over used oil, solvents and batteries."),
    ("Building maintenance", "Care of the place", 2, 2, 7, 8, "",
     "Fix doors, lights, shelves and the roof gutter."),
    ("Safety checks and first aid", "Care of the place", 1, 1, 10, 9, "",
     "Run the daily checklist; keep the first aid kit stocked."),
)
# fmt: on
MAX_DEMO_RATERS = 40
"""The most members who rate in the demo's rounds (keeps a large demo quick to write)."""
_SPLIT_DISTANCE = 6.0
"""How far each camp of a contested task sits from its centre, in rating points."""


def demo_jobs(demo: DemoAssembly, seed: int = 2026) -> DemoJobs | None:
    """Thirty tasks whose hours add up to the active members' hours, and two rating rounds.

    ``None`` for a demo too small for job complexes (fewer than eleven active members).
    """
    rng = random.Random(seed * 7 + 5)
    active = [m for m in demo.members if m.active]
    names = [m.display_name for m in active]
    frame = [m.display_name for m in active if m.team == TEAMS[1]]
    others = [name for name in names if name not in frame]
    if len(frame) < 2 or len(others) < 7:
        return None  # too few people to share the restricted tasks
    hours = _task_hours(sum(m.weekly_hours for m in active))
    books = max(2, len(others) // 5)  # about a fifth of the others, however large the demo
    waste = max(3, len(others) // 5)
    qualified = {
        "Frame welding and brazing": (tuple(frame), (others[0],)),
        "Frame design with customers": (tuple(frame[:-1]), (frame[-1],)),
        "Bookkeeping": ((*others[1 : 1 + books], frame[0]), (others[1 + books],)),
        "Waste oil and chemicals disposal": (
            (*others[2 + books : 2 + books + waste], frame[1]),
            (),
        ),
    }
    tasks = tuple(
        DemoTask(
            name,
            description,
            category,
            hours[index],
            float(block),
            float(e),
            float(d),
            split,
            *qualified.get(name, ((), ())),
        )
        for index, (name, category, _, block, e, d, split, description) in enumerate(_TASK_SPECS)
    )
    raters = names[:MAX_DEMO_RATERS]
    absent = set(rng.sample(raters, 2))
    first = tuple(
        _demo_ratings(name, tasks, rng, spread=1.8, contested=True, skip=0.04)
        for name in raters
        if name not in absent
    )
    follow_up = tuple(
        _demo_ratings(name, tasks, rng, spread=1.4, contested=False, skip=0.0)
        for name in raters
        if name != raters[-1]
    )
    return DemoJobs(tasks, tuple(raters), first, follow_up)


def _task_hours(total: float) -> list[float]:
    """Whole hours per task in proportion to the weights, adding up to ``total`` exactly."""
    weights = [spec[2] for spec in _TASK_SPECS]
    raw = [total * w / sum(weights) for w in weights]
    hours = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (raw[i] - int(raw[i]), -i), reverse=True)
    step = 0
    while sum(hours) != round(total):
        index = order[step % len(order)]
        if sum(hours) < round(total):
            hours[index] += 1
        elif hours[index] > 1:
            hours[index] -= 1
        step += 1
    return [float(h) for h in hours]


def _demo_ratings(
    rater: str,
    tasks: tuple[DemoTask, ...],
    rng: random.Random,
    *,
    spread: float,
    contested: bool,
    skip: float,
) -> DemoRatings:
    camp = rng.choice((-1.0, 1.0))

    def rate(task: DemoTask, dimension: str, centre: float) -> int:
        if contested and task.split == dimension:
            centre += camp * _SPLIT_DISTANCE
        return min(20, max(1, round(rng.gauss(centre, spread))))

    ratings: list[tuple[str, int | None, int | None]] = []
    for task in tasks:
        e = rate(task, "empowerment", task.empowerment)
        d = rate(task, "desirability", task.desirability)
        if rng.random() < skip:
            ratings.append((task.name, None, None))
        else:
            ratings.append((task.name, e, d))
    return DemoRatings(rater, tuple(ratings))
