"""Write the demo assembly (a bicycle cooperative) into a new assembly file."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pareconapp.core.decisions import (
    DecisionRule,
    ImpactLevel,
    RuleKind,
    choice_from_json,
    impacts_from_levels,
)
from pareconapp.core.demo import DemoAssembly, DemoDecision, DemoMeeting, demo_assembly
from pareconapp.core.meetings import ActionStatus, AgendaKind, AttendanceStatus, MeetingStatus
from pareconapp.core.secrets import hash_secret
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock, system_clock
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.demo_planning import write_demo_planning
from pareconapp.services.demo_remuneration import write_demo_remuneration
from pareconapp.services.meetings import ensure_action_review
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import (
    ActionItem,
    AgendaItem,
    Assembly,
    Attendance,
    BallotMode,
    Council,
    CouncilKind,
    ItemState,
    Meeting,
    Member,
    PresenceInterval,
)

DEFAULT_MEMBERS = 24
DEFAULT_SEED = 2026


def create_demo_file(path: Path, members: int = DEFAULT_MEMBERS, seed: int = DEFAULT_SEED) -> None:
    """Create ``path`` as a demo assembly (replacing a file that is not open)."""
    demo = demo_assembly(members=members, seed=seed)
    file = AssemblyFile.create(path, demo.name, demo.description)
    try:
        meeting_ids = _write(file, demo)
        for decision in demo.decisions:
            _write_decision(file, decision, meeting_ids)
        write_demo_jobs(file, demo, seed, meeting_ids)  # remuneration's hours come from these
        if demo.decisions:
            write_demo_remuneration(file, demo.today, seed)
            write_demo_planning(file, demo.today, seed)
    finally:
        file.close()


def _write(file: AssemblyFile, demo: DemoAssembly) -> list[int]:
    """Write councils, members and meetings; return the meetings' ids in demo order."""
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
        members: dict[str, Member] = {}
        for person in demo.members:
            member = Member(
                name=person.name,
                display_name=person.display_name,
                contact=person.contact,
                weekly_hours=person.weekly_hours,
                team=councils[person.team],
                consumer_council=councils[person.consumer_council],
                active=person.active,
            )
            session.add(member)
            members[person.display_name] = member
        session.flush()
        meetings = [_write_meeting(session, meeting, members) for meeting in demo.meetings]
        session.flush()
        for meeting in meetings:
            ensure_action_review(session, meeting)
        if demo.facilitator_passphrase:
            assembly = session.scalars(select(Assembly)).one()
            assembly.facilitator_passphrase = hash_secret(demo.facilitator_passphrase)
        session.flush()
        return [meeting.id for meeting in meetings]


def _write_decision(file: AssemblyFile, spec: DemoDecision, meeting_ids: list[int]) -> None:
    """Take a demo decision through the real services up to the stage it has reached."""
    meeting_id = meeting_ids[spec.meeting] if spec.meeting is not None else None
    clock = ManualClock(system_clock())
    service = AssemblyService(file, clock)
    if meeting_id is not None:
        meeting = service.meetings.meeting(meeting_id).meeting
        clock.now = meeting.starts_at + timedelta(minutes=spec.opens_after_minutes)
        items = service.meetings.meeting(meeting_id).items
        item_id = next((i.id for i in items if i.title == spec.item), None)
    else:
        item_id = None
    rule = DecisionRule(
        RuleKind(spec.rule), threshold=Fraction(*spec.threshold) if spec.threshold else None
    )
    decision = service.decisions.create(
        DecisionFields(
            spec.title,
            spec.text,
            spec.options,
            rule,
            BallotMode(spec.mode),
            False,
            meeting_id,
            item_id,
        )
    )
    teams = {c.name: c.id for c in service.members.councils(CouncilKind.TEAM)}
    levels = dict(spec.team_levels)
    members = service.members.list_members(active_only=True)
    impacts = impacts_from_levels(
        {m.id: ImpactLevel(levels.get(m.team, ImpactLevel.NONE.value)) for m in members}
    )
    service.decisions.assess(
        decision,
        ImpactInput(
            "groups",
            impacts,
            spec.rationale,
            entered={
                "groups": {f"council:{teams[name]}": level for name, level in levels.items()},
                "overlap": "highest",
            },
        ),
    )
    if spec.mode == BallotMode.SECRET and service.decisions.secrecy_report(decision).small:
        service.decisions.merge_small_classes(decision)
    if spec.stage == "assessed":
        return
    service.decisions.open_ballot(decision)
    kind = rule.kind
    voters = [v for v in service.decisions.voters(decision) if v.may_vote]
    for voter, vote in zip(voters, spec.votes, strict=False):
        choice = choice_from_json(kind, vote)  # type: ignore[arg-type]
        if spec.mode == BallotMode.SECRET:
            service.decisions.cast_secret(decision, voter.member_id, choice)
        else:
            service.decisions.cast_roll_call(decision, voter.member_id, choice)
    if spec.stage == "closed":
        clock.advance(minutes=5)
        service.decisions.close_ballot(decision)


def _write_meeting(session: Session, spec: DemoMeeting, members: dict[str, Member]) -> Meeting:
    held = spec.status != MeetingStatus.PLANNED
    meeting = Meeting(
        title=spec.title,
        starts_at=spec.starts_at,
        place=spec.place,
        status=MeetingStatus(spec.status),
        minute_taker=members[spec.minute_taker],
        facilitators=[members[name] for name in spec.facilitators],
        started_at=spec.starts_at if held else None,
        ended_at=spec.starts_at + timedelta(minutes=spec.length_minutes) if held else None,
    )
    session.add(meeting)
    items = []
    for position, item in enumerate(spec.items):
        row = AgendaItem(
            position=position,
            title=item.title,
            kind=AgendaKind(item.kind),
            timebox_minutes=item.timebox_minutes,
            presenter=members[item.presenter] if item.presenter else None,
            notes=item.notes,
            outcome=item.outcome,
            state=ItemState.DONE if held else ItemState.PENDING,
            elapsed_seconds=item.elapsed_minutes * 60,
        )
        meeting.items.append(row)
        items.append(row)
    session.flush()
    end = meeting.ended_at
    for record in spec.attendance:
        member = members[record.member]
        session.add(
            Attendance(
                meeting_id=meeting.id, member_id=member.id, status=AttendanceStatus(record.status)
            )
        )
        if record.status == AttendanceStatus.PRESENT:
            arrived = spec.starts_at + timedelta(minutes=record.arrived_after)
            left = (
                spec.starts_at + timedelta(minutes=record.left_after)
                if record.left_after is not None
                else end
            )
            session.add(
                PresenceInterval(
                    meeting_id=meeting.id, member_id=member.id, arrived_at=arrived, left_at=left
                )
            )
    for action in spec.actions:
        status = ActionStatus(action.status)
        session.add(
            ActionItem(
                meeting_id=meeting.id,
                agenda_item_id=items[action.item_index].id,
                owner_id=members[action.owner].id,
                description=action.description,
                due_on=action.due_on,
                status=status,
                created_at=spec.starts_at,
                closed_at=spec.starts_at + timedelta(days=14)
                if status is not ActionStatus.OPEN
                else None,
            )
        )
    return meeting


def ensure_demo_file(path: Path) -> bool:
    """Create the demo assembly at ``path`` unless it exists; return whether it was made."""
    if path.exists():
        return False
    create_demo_file(path)
    return True


def write_demo_jobs(
    file: AssemblyFile, demo: DemoAssembly, seed: int, meeting_ids: list[int]
) -> None:
    """Tasks, a rating round and its follow-up, and saved balanced job complexes."""
    from pareconapp.core.demo import demo_jobs
    from pareconapp.core.jobs import TaskRating
    from pareconapp.services.job_complexes import JobSettings, SolverReport, balanced_draft
    from pareconapp.services.ratings import RoundFields
    from pareconapp.services.tasks import TaskFields

    jobs = demo_jobs(demo, seed)
    if jobs is None or len(meeting_ids) < 2:
        return
    clock = ManualClock(system_clock())
    service = AssemblyService(file, clock)
    ids = {m.display_name: m.id for m in service.members.list_members()}
    task_ids = {}
    for task in jobs.tasks:
        row = service.tasks.add_task(
            TaskFields(
                task.name,
                task.description,
                task.weekly_hours,
                task.block_hours,
                task.category,
                restricted=bool(task.qualified),
                qualified=frozenset(ids[n] for n in task.qualified),
                training=frozenset(ids[n] for n in task.training),
            )
        )
        task_ids[task.name] = row.id

    def take(round_id: int, ratings: tuple[object, ...], meeting: int, minutes: int) -> None:
        from pareconapp.core.demo import DemoRatings

        asked = set(service.ratings.round(round_id).task_ids)
        clock.now = service.meetings.meeting(meeting_ids[meeting]).meeting.starts_at
        clock.advance(minutes=10)
        service.ratings.open_round(round_id)
        for given in ratings:
            assert isinstance(given, DemoRatings)
            service.ratings.submit(
                round_id,
                ids[given.rater],
                [
                    TaskRating(task_ids[name], e, d)
                    for name, e, d in given.ratings
                    if task_ids[name] in asked
                ],
            )
        clock.advance(minutes=minutes)
        service.ratings.close_round(round_id)

    first_meeting = service.meetings.meeting(meeting_ids[jobs.first_meeting]).meeting
    clock.now = first_meeting.starts_at - timedelta(days=3)
    first = service.ratings.create_round(
        RoundFields(
            "Task ratings - spring",
            tuple(task_ids.values()),
            frozenset(ids[n] for n in jobs.raters),
        )
    )
    take(first, jobs.first_round, jobs.first_meeting, 50)
    clock.advance(minutes=60 * 24)
    follow_up = service.ratings.follow_up(first, "Task ratings - spring, contested tasks")
    take(follow_up, jobs.follow_up, jobs.follow_up_meeting, 45)

    settings = JobSettings(max_tasks=jobs.max_tasks, time_limit=10.0)
    inputs = service.job_complexes.inputs()
    problem = inputs.problem(settings.max_tasks)
    balance = balanced_draft(problem, seed=seed)
    clock.advance(minutes=30)
    service.job_complexes.save(
        "Job complexes after the spring ratings",
        "Balanced from the spring ratings and their follow-up round.",
        problem,
        balance.cells(),
        SolverReport(found_by="exchanges"),
    )
    service.job_complexes.save_settings(
        replace(
            settings,
            society_empowerment=round(balance.workplace_empowerment - 0.8, 1),
            society_desirability=round(balance.workplace_desirability + 0.6, 1),
            outside_empowerment=6.0,
            outside_desirability=12.0,
        )
    )
