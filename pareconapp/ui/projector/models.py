"""What the projector shows, as plain data: one view model per view, built from the services.

This module imports no Qt. Each ``build_*`` function reads what it needs from a
:class:`ProjectorSource` (the services and the moment of one refresh) and returns a frozen
dataclass, or ``None`` when there is nothing to show (no meeting in session, no decision
chosen). Views paint these models and nothing else, so a test can inspect exactly what could
reach the room.

Privacy: decision views read only :class:`~pareconapp.services.decisions.DecisionRow` (which
carries no ballot) and :meth:`~pareconapp.services.decisions.DecisionService.progress` (counts
of ballots, never choices). The result is taken only from a *closed* decision. No builder
calls anything that reads ballots, receipts or hand counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING

from pareconapp.core.decision_states import BallotMode, DecisionStatus
from pareconapp.core.i18n import UserError
from pareconapp.core.meetings import ItemState, MeetingStatus, TimeboxState
from pareconapp.core.rating_rounds import RoundStatus

if TYPE_CHECKING:
    from datetime import datetime

    from pareconapp.core.decisions import DecisionResult, DecisionRule
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.decisions import BallotProgress, DecisionRow
    from pareconapp.services.meetings import AgendaItemRow, MeetingDetail, MeetingRow
    from pareconapp.services.ratings import RatingRoundRow, RoundResults
    from pareconapp.services.speakers import SpeakerRow, StackState

STACK_PREVIEW = 3
"""How many waiting speakers the current-item view lists beside the clock."""


class ProjectorSource:
    """The services and the moment one refresh reads; each query runs at most once.

    ``meeting_id`` is the meeting the projector follows (the one in session, else the next
    planned one); ``decision_id`` the decision in focus; ``planning_year_id`` the planning
    year on the Planning page. Each may be ``None``. ``now`` comes from the assembly's clock,
    so tests and rehearsals control every countdown.
    """

    def __init__(
        self,
        assembly: AssemblyService,
        *,
        meeting_id: int | None = None,
        decision_id: int | None = None,
        planning_year_id: int | None = None,
        now: datetime | None = None,
    ) -> None:
        self.assembly = assembly
        self.meeting_id = meeting_id
        self.decision_id = decision_id
        self.planning_year_id = planning_year_id
        self.now = now if now is not None else assembly.clock()

    @cached_property
    def assembly_name(self) -> str:
        """The assembly's name (the idle screen's title)."""
        return self.assembly.name()

    @cached_property
    def meeting(self) -> MeetingDetail | None:
        """The followed meeting with its agenda."""
        if self.meeting_id is None:
            return None
        try:
            return self.assembly.meetings.meeting(self.meeting_id)
        except UserError:  # deleted meanwhile
            return None

    @property
    def in_session(self) -> bool:
        """Whether the followed meeting is running."""
        return self.meeting is not None and self.meeting.meeting.status is MeetingStatus.IN_SESSION

    @cached_property
    def stack(self) -> StackState | None:
        """The speakers' stack of the meeting in session."""
        if not self.in_session or self.meeting_id is None:
            return None
        try:
            return self.assembly.speakers.state(self.meeting_id)
        except UserError:
            return None

    @cached_property
    def decision(self) -> DecisionRow | None:
        """The decision in focus (its row carries no ballot, only a closed result)."""
        if self.decision_id is None:
            return None
        try:
            return self.assembly.decisions.decision(self.decision_id)
        except UserError:
            return None

    @cached_property
    def progress(self) -> BallotProgress | None:
        """How many have voted on the decision in focus - never what they chose."""
        decision = self.decision
        if decision is None or decision.status not in (DecisionStatus.OPEN, DecisionStatus.CLOSED):
            return None
        return self.assembly.decisions.progress(decision.id)


# -- the meeting -------------------------------------------------------------------------


@dataclass(frozen=True)
class IdleModel:
    """Nothing chosen to show: the assembly's name (and what is next, if anything)."""

    assembly_name: str


@dataclass(frozen=True)
class AgendaModel:
    """A meeting's title and agenda; the current item (if any) is highlighted."""

    assembly_name: str
    meeting: MeetingRow
    items: tuple[AgendaItemRow, ...]

    @property
    def current_index(self) -> int | None:
        """The position of the current item in :attr:`items`."""
        return next(
            (i for i, item in enumerate(self.items) if item.state is ItemState.CURRENT), None
        )


@dataclass(frozen=True)
class StackModel:
    """The speakers' stack: who speaks, for how long, and who comes next."""

    meeting_title: str
    current: SpeakerRow | None
    speaking_seconds: float
    limit_seconds: int | None
    waiting: tuple[SpeakerRow, ...]
    progressive: bool

    @property
    def over_limit(self) -> bool:
        """Whether the current speaker is past the per-speaker limit."""
        return self.limit_seconds is not None and self.speaking_seconds > self.limit_seconds


@dataclass(frozen=True)
class ItemModel:
    """The current agenda item with its timebox (and a glimpse of the stack)."""

    meeting_title: str
    item: AgendaItemRow
    position: int
    """1-based place of the item on the agenda."""
    count: int
    timer: TimeboxState
    stack: StackModel | None
    """The stack, when someone speaks or waits; ``None`` otherwise."""


def build_idle(source: ProjectorSource) -> IdleModel:
    """The idle screen."""
    return IdleModel(source.assembly_name)


def build_agenda(source: ProjectorSource) -> AgendaModel | None:
    """The followed meeting's agenda."""
    detail = source.meeting
    if detail is None:
        return None
    return AgendaModel(source.assembly_name, detail.meeting, detail.items)


def build_stack(source: ProjectorSource) -> StackModel | None:
    """The stack of the meeting in session."""
    state, detail = source.stack, source.meeting
    if state is None or detail is None:
        return None
    return StackModel(
        detail.meeting.title,
        state.current,
        state.speaking_seconds(source.now),
        state.limit_seconds,
        state.waiting,
        state.progressive,
    )


def build_item(source: ProjectorSource) -> ItemModel | None:
    """The current item of the meeting in session, its clock at ``source.now``."""
    detail = source.meeting
    if detail is None or not source.in_session:
        return None
    current = detail.current_item
    if current is None:
        return None
    stack = build_stack(source)
    if stack is not None and stack.current is None and not stack.waiting:
        stack = None
    return ItemModel(
        detail.meeting.title,
        current,
        detail.items.index(current) + 1,
        len(detail.items),
        current.timer(source.now),
        stack,
    )


# -- decisions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalModel:
    """A proposal as the room reads it: text, options, rule and how members vote."""

    decision_id: int
    title: str
    text: str
    """Rich text (HTML) as the proposal form stores it."""
    options: tuple[str, ...]
    rule: DecisionRule
    ballot_mode: BallotMode
    status: DecisionStatus


@dataclass(frozen=True)
class WeightGroup:
    """The members of one team: how many vote and the share of the weight they hold."""

    name: str
    """The team's name ("" for members in no team)."""
    level: str | None
    """The impact level the assessment gave the team (an ``ImpactLevel`` value), if any."""
    voters: int
    weight: Fraction


@dataclass(frozen=True)
class WeightsModel:
    """A decision's impact weights by team, with the rationale the room is told."""

    decision_id: int
    title: str
    status: DecisionStatus
    assessed: bool
    method: str
    groups: tuple[WeightGroup, ...]
    voters: int
    not_affected: int
    floor: Fraction | None
    cap: Fraction | None
    rationale: str


@dataclass(frozen=True)
class ProgressModel:
    """How far a ballot is: ballots cast of eligible, share of weight voted. No choices."""

    decision_id: int
    title: str
    ballot_mode: BallotMode
    status: DecisionStatus
    cast: int
    eligible: int
    present: int
    weight_cast: Fraction


@dataclass(frozen=True)
class ResultModel:
    """A closed decision's result; ``result`` is ``None`` until the ballot has closed."""

    decision_id: int
    title: str
    status: DecisionStatus
    result: DecisionResult | None
    accepted_small_classes: bool


def build_proposal(source: ProjectorSource) -> ProposalModel | None:
    """The proposal in focus."""
    decision = source.decision
    if decision is None:
        return None
    return ProposalModel(
        decision.id,
        decision.title,
        decision.text,
        decision.ballot_options,
        decision.rule,
        decision.ballot_mode,
        decision.status,
    )


def build_weights(source: ProjectorSource) -> WeightsModel | None:
    """The decision's weights summed by team (individual weights stay on the laptop)."""
    decision = source.decision
    if decision is None:
        return None
    weights = decision.weights
    groups: tuple[WeightGroup, ...] = ()
    if weights is not None:
        members = source.assembly.members.list_members()
        teams = {m.id: (m.team_id, m.team) for m in members}
        levels = _group_levels(decision.impact_input)
        by_team: dict[int | None, list[Fraction]] = {}
        names: dict[int | None, str] = {}
        for member_id, weight in weights.weights.items():
            if weight <= 0:
                continue
            team_id, team = teams.get(member_id, (None, ""))
            by_team.setdefault(team_id, []).append(weight)
            names[team_id] = team
        groups = tuple(
            sorted(
                (
                    WeightGroup(
                        names[team_id],
                        levels.get(team_id) if team_id is not None else None,
                        len(shares),
                        sum(shares, Fraction(0)),
                    )
                    for team_id, shares in by_team.items()
                ),
                key=lambda g: (-g.weight, g.name),
            )
        )
    return WeightsModel(
        decision.id,
        decision.title,
        decision.status,
        weights is not None,
        decision.impact_method,
        groups,
        len([w for w in weights.weights.values() if w > 0]) if weights else 0,
        len(weights.excluded) if weights else 0,
        weights.floor if weights else None,
        weights.cap if weights else None,
        decision.rationale,
    )


def _group_levels(entered: Mapping[str, object] | None) -> dict[int, str]:
    """Council id -> impact level, from an assessment entered by groups."""
    groups = (entered or {}).get("groups")
    if not isinstance(groups, Mapping):
        return {}
    levels: dict[int, str] = {}
    for key, level in groups.items():
        kind, _, number = str(key).partition(":")
        if kind == "council" and number.isdigit() and isinstance(level, str):
            levels[int(number)] = level
    return levels


def build_progress(source: ProjectorSource) -> ProgressModel | None:
    """The ballot progress of the decision in focus (open or closed)."""
    decision, progress = source.decision, source.progress
    if decision is None:
        return None
    return ProgressModel(
        decision.id,
        decision.title,
        decision.ballot_mode,
        decision.status,
        progress.cast if progress else 0,
        progress.eligible if progress else 0,
        progress.present if progress else 0,
        progress.weight_cast if progress else Fraction(0),
    )


def build_result(source: ProjectorSource) -> ResultModel | None:
    """The result of the decision in focus, only once its ballot has closed."""
    decision = source.decision
    if decision is None:
        return None
    closed = decision.status is DecisionStatus.CLOSED
    return ResultModel(
        decision.id,
        decision.title,
        decision.status,
        decision.result if closed else None,
        bool(decision.secrecy and decision.secrecy.get("accepted_small_classes")),
    )


# -- rating rounds -----------------------------------------------------------------------


@dataclass(frozen=True)
class RatingsModel:
    """A rating round: while open how many have rated; once closed every task's spread.

    ``results`` is ``None`` until the round has closed (ratings stay hidden until then, as
    the rating service itself insists).
    """

    round: RatingRoundRow
    results: RoundResults | None
    done: int
    raters: int


def build_ratings(source: ProjectorSource) -> RatingsModel | None:
    """The round of the current agenda item, else the newest round that has opened."""
    ratings = source.assembly.ratings
    rounds = [r for r in ratings.list_rounds() if r.status is not RoundStatus.DRAFT]
    current = source.meeting.current_item if source.in_session and source.meeting else None
    chosen = next(
        (r for r in rounds if current is not None and r.agenda_item_id == current.id), None
    ) or next(iter(rounds), None)
    if chosen is None:
        return None
    results = ratings.results(chosen.id) if chosen.status is RoundStatus.CLOSED else None
    done, raters = ratings.progress(chosen.id)
    return RatingsModel(chosen, results, done, raters)


# -- job complexes -----------------------------------------------------------------------


@dataclass(frozen=True)
class ComplexPoint:
    """One member's job complex: its hour-weighted average ratings."""

    name: str
    empowerment: float
    desirability: float


@dataclass(frozen=True)
class JobBalanceModel:
    """The current job complexes around the workplace average, and how far they are."""

    title: str
    created_at: datetime
    points: tuple[ComplexPoint, ...]
    average: tuple[float, float]
    largest_deviations: tuple[float, float]
    scale: tuple[int, int]


_BALANCES: dict[tuple[str, int, int | None], JobBalanceModel] = {}
"""The last balance computed, by file, saved assignment (which never changes) and newest
closed rating round (new ratings move the complexes)."""


def build_job_balance(source: ProjectorSource) -> JobBalanceModel | None:
    """The workplace's current job complexes, assessed against the current ratings."""
    jobs = source.assembly.job_complexes
    saved = jobs.current()
    if saved is None:
        return None
    rounds = source.assembly.ratings.list_rounds()
    newest = next((r.id for r in rounds if r.status is RoundStatus.CLOSED), None)
    key = (str(source.assembly.path), saved.id, newest)
    if key not in _BALANCES:
        inputs = jobs.inputs()
        try:
            problem = inputs.problem(saved.max_tasks)
        except UserError:  # a task is not rated yet: nothing sound to show
            return None
        balance = jobs.assess(problem, saved.cells).balance
        names = {m.id: m.name for m in inputs.members}
        _BALANCES.clear()
        _BALANCES[key] = JobBalanceModel(
            saved.title,
            saved.created_at,
            tuple(
                ComplexPoint(names.get(c.member_id, "?"), c.empowerment, c.desirability)
                for c in balance.complexes
                if c.total_hours > 0
            ),
            (balance.workplace_empowerment, balance.workplace_desirability),
            (balance.largest_empowerment_deviation, balance.largest_desirability_deviation),
            (inputs.scale_low, inputs.scale_high),
        )
    return _BALANCES[key]
