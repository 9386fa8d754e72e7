"""Rating rounds: members rate tasks for empowerment and desirability; aggregates and spread.

Life of a round: ``draft`` (tasks, raters, scale, anchors and aggregation can change) ->
``open`` (members rate on the shared laptop, or the facilitator types their paper forms in)
-> ``closed`` (no more ratings; the aggregates, spreads and dot plots are shown, and a
follow-up round can re-rate the contested tasks).

Anonymous rounds follow the secret-ballot rule: each rating is a row with a random key in a
table without rowid, with no rater and no time; that a member has rated is a separate
marker; the journal is checkpointed after each member's ratings
(:func:`~pareconapp.store.assembly_file.checkpoint`), so the file keeps no trace of the order
of the writes.

``pareconapp.core.jobs`` (which loads OR-Tools) is imported where it is used, not at start-up.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.meetings import AgendaKind
from pareconapp.services.clock import Clock, system_clock
from pareconapp.store.assembly_file import AssemblyFile, checkpoint
from pareconapp.store.models import AgendaItem, Meeting, Member
from pareconapp.store.models_jobs import (
    RatingDone,
    RatingRound,
    RatingRoundRater,
    RatingRoundTask,
    RoundStatus,
    Task,
    TaskRatingRow,
)

if TYPE_CHECKING:
    from pareconapp.core.jobs import (
        AggregationSettings,
        RatingScale,
        TaskRating,
        TaskRatingSummary,
    )

MAX_SCALE = 1000
"""The widest scale a round may use (ratings are whole numbers from low to high)."""


@dataclass(frozen=True)
class Anchors:
    """What the ends of the scale mean, shown to raters ("1 = ..., 20 = ...")."""

    empowerment_low: str = "no say over anything; routine, following instructions"
    empowerment_high: str = "shapes the workplace; planning, deciding, learning"
    desirability_low: str = "exhausting, dirty, dangerous or dull"
    desirability_high: str = "pleasant, safe, satisfying"


def default_aggregation() -> AggregationSettings:
    """The core's default settings: mean, SD, a fifth of the range as threshold."""
    from pareconapp.core.jobs import AggregationSettings

    return AggregationSettings()


@dataclass(frozen=True)
class RoundFields:
    """What the round form sets while the round is a draft.

    Attributes:
        title: The round's title ("Spring ratings").
        task_ids: The tasks rated, in the order raters see them.
        rater_ids: The members asked to rate.
        scale_low: The lowest rating (whole number).
        scale_high: The highest rating.
        anchors: What the ends of the scale mean.
        anonymous: Store no link between a rating and its rater.
        aggregation: Aggregate method, spread and contested threshold.
        agenda_item_id: The agenda item (of kind rating round) the round is held under.
    """

    title: str
    task_ids: tuple[int, ...]
    rater_ids: frozenset[int]
    scale_low: int = 1
    scale_high: int = 20
    anchors: Anchors = field(default_factory=Anchors)
    anonymous: bool = True
    aggregation: AggregationSettings = field(default_factory=default_aggregation)
    agenda_item_id: int | None = None


@dataclass(frozen=True)
class RatingRoundRow:
    """A rating round as the screens show it."""

    id: int
    title: str
    status: RoundStatus
    task_ids: tuple[int, ...]
    rater_ids: frozenset[int]
    done_count: int
    scale_low: int
    scale_high: int
    anchors: Anchors
    anonymous: bool
    aggregation: AggregationSettings
    follows_id: int | None
    agenda_item_id: int | None
    created_at: datetime
    opened_at: datetime | None
    closed_at: datetime | None

    @property
    def scale(self) -> RatingScale:
        """The round's rating scale."""
        from pareconapp.core.jobs import RatingScale

        return RatingScale(self.scale_low, self.scale_high)

    def fields(self) -> RoundFields:
        """The editable fields of this round."""
        return RoundFields(
            self.title,
            self.task_ids,
            self.rater_ids,
            self.scale_low,
            self.scale_high,
            self.anchors,
            self.anonymous,
            self.aggregation,
            self.agenda_item_id,
        )


@dataclass(frozen=True)
class Rater:
    """A member on a round's list: chosen to rate, and whether they have."""

    member_id: int
    display_name: str
    chosen: bool
    done: bool
    has_pin: bool

    @property
    def may_rate(self) -> bool:
        """Chosen and not done yet."""
        return self.chosen and not self.done


@dataclass(frozen=True)
class TaskResult:
    """One task's ratings in a closed round: every value (for the dot plot) and the summary.

    ``empowerment`` and ``desirability`` hold every rating given, sorted; they carry no
    rater, so showing them keeps an anonymous round anonymous.
    """

    task_id: int
    name: str
    empowerment: tuple[float, ...]
    desirability: tuple[float, ...]
    summary: TaskRatingSummary


@dataclass(frozen=True)
class RoundResults:
    """A closed round's results, per task in the round's order."""

    round: RatingRoundRow
    tasks: tuple[TaskResult, ...]
    contested: tuple[int, ...]
    """Contested task ids, widest spread first."""
    threshold: float
    """The contested threshold in rating points."""

    def result(self, task_id: int) -> TaskResult | None:
        """The result of one task (``None`` if the round does not cover it)."""
        return next((t for t in self.tasks if t.task_id == task_id), None)


@dataclass(frozen=True)
class TaskHistoryEntry:
    """A task's aggregate in one closed round."""

    round_id: int
    round_title: str
    closed_at: datetime | None
    scale_low: int
    scale_high: int
    summary: TaskRatingSummary


@dataclass(frozen=True)
class CurrentRating:
    """A task's latest aggregated ratings (from the newest closed round that rated both)."""

    task_id: int
    empowerment: float
    desirability: float
    round_id: int
    scale_low: int
    scale_high: int


@dataclass(frozen=True)
class RatingAgendaItem:
    """An agenda item of kind rating round, for linking a round to it."""

    id: int
    meeting_title: str
    title: str
    starts_at: datetime


class RatingService:
    """Rating rounds of the open assembly."""

    def __init__(self, file: AssemblyFile, clock: Clock = system_clock) -> None:
        self._file = file
        self._clock = clock

    # -- reading --------------------------------------------------------------------------

    def list_rounds(self) -> list[RatingRoundRow]:
        """Every round, newest first."""
        with self._file.transaction() as session:
            rounds = session.scalars(
                select(RatingRound).order_by(RatingRound.created_at.desc(), RatingRound.id.desc())
            )
            return [_row(session, r) for r in rounds]

    def round(self, round_id: int) -> RatingRoundRow:
        """One round."""
        with self._file.transaction() as session:
            return _row(session, _get(session, round_id))

    def rating_agenda_items(self) -> list[RatingAgendaItem]:
        """Agenda items of kind rating round, newest meeting first."""
        with self._file.transaction() as session:
            rows = session.execute(
                select(AgendaItem, Meeting)
                .join(Meeting, AgendaItem.meeting_id == Meeting.id)
                .where(AgendaItem.kind == AgendaKind.RATING_ROUND)
                .order_by(Meeting.starts_at.desc(), AgendaItem.position)
            )
            return [RatingAgendaItem(i.id, m.title, i.title, m.starts_at) for i, m in rows]

    def raters(self, round_id: int) -> list[Rater]:
        """Every active member (and any chosen member), with whether chosen and done."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            chosen = {r.member_id for r in rating_round.raters}
            done = _done(session, round_id)
            members = session.scalars(
                select(Member)
                .where(Member.active | Member.id.in_(chosen))
                .order_by(Member.display_name)
            )
            return [
                Rater(m.id, m.display_name, m.id in chosen, m.id in done, m.pin_hash is not None)
                for m in members
            ]

    def progress(self, round_id: int) -> tuple[int, int]:
        """Raters done and raters chosen."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            return len(_done(session, round_id)), len(rating_round.raters)

    # -- preparing ------------------------------------------------------------------------

    def create_round(self, fields: RoundFields) -> int:
        """Prepare a new round (a draft)."""
        with self._file.transaction() as session:
            fields = _validated(session, fields)
            rating_round = RatingRound(created_at=self._clock())
            _apply(rating_round, fields)
            session.add(rating_round)
            session.flush()
            return rating_round.id

    def update_round(self, round_id: int, fields: RoundFields) -> RatingRoundRow:
        """Change a draft round."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            _require(rating_round, RoundStatus.DRAFT)
            fields = _validated(session, fields)
            _apply(rating_round, fields)
            session.flush()
            return _row(session, rating_round)

    def delete_round(self, round_id: int) -> None:
        """Delete a draft round (open and closed rounds are kept for the record)."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            _require(rating_round, RoundStatus.DRAFT)
            session.delete(rating_round)

    def follow_up(self, round_id: int, title: str) -> int:
        """A draft round re-rating the contested tasks of a closed round (widest spread first).

        Raters, scale, anchors, anonymity and aggregation are those of the round followed up.
        """
        results = self.results(round_id)
        if not results.contested:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Ratings", "No task of this round is contested: no follow-up is needed."
                )
            )
        previous = results.round
        fields = RoundFields(
            title=title,
            task_ids=results.contested,
            rater_ids=previous.rater_ids,
            scale_low=previous.scale_low,
            scale_high=previous.scale_high,
            anchors=previous.anchors,
            anonymous=previous.anonymous,
            aggregation=previous.aggregation,
        )
        with self._file.transaction() as session:
            active = set(session.scalars(select(Member.id).where(Member.active)))
            fields = replace(fields, rater_ids=previous.rater_ids & active)
            fields = _validated(session, fields)
            rating_round = RatingRound(created_at=self._clock(), follows_id=round_id)
            _apply(rating_round, fields)
            session.add(rating_round)
            session.flush()
            return rating_round.id

    # -- taking the round -----------------------------------------------------------------

    def open_round(self, round_id: int) -> RatingRoundRow:
        """Open a draft round for rating (its tasks, raters and scale are then fixed)."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            _require(rating_round, RoundStatus.DRAFT)
            if not rating_round.tasks or not rating_round.raters:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Ratings", "Choose at least one task and one rater before opening."
                    )
                )
            rating_round.status = RoundStatus.OPEN
            rating_round.opened_at = self._clock()
            return _row(session, rating_round)

    def submit(self, round_id: int, member_id: int, ratings: Sequence[TaskRating]) -> None:
        """Store one member's ratings (tasks left out, or ``None`` values, are skipped).

        One transaction stores the ratings and marks the member as done; in an anonymous
        round the rows name no rater, and the journal is checkpointed afterwards.

        Raises:
            UserError: The round is not open, the member is not a rater or has rated
                already, a task is not in the round, or a rating is off the scale.
        """
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            _require(rating_round, RoundStatus.OPEN)
            _check_rater(session, rating_round, member_id)
            names = _task_names(session, rating_round)
            from pareconapp.core.jobs import Dimension, RatingScale

            scale = RatingScale(rating_round.scale_low, rating_round.scale_high)

            seen: set[int] = set()
            for rating in ratings:
                if rating.task_id not in names or rating.task_id in seen:
                    raise ValueError(f"task {rating.task_id} is not in round {round_id} once")
                seen.add(rating.task_id)
                name = names[rating.task_id]
                for value, dimension in (
                    (rating.empowerment, Dimension.EMPOWERMENT),
                    (rating.desirability, Dimension.DESIRABILITY),
                ):
                    if value is not None:
                        scale.check(value, name, dimension)
            rows: list[TaskRatingRow] = [
                TaskRatingRow(
                    id=secrets.token_hex(16),
                    round_id=round_id,
                    task_id=r.task_id,
                    empowerment=None if r.empowerment is None else float(r.empowerment),
                    desirability=None if r.desirability is None else float(r.desirability),
                    rater_id=None if rating_round.anonymous else member_id,
                )
                for r in ratings
                if r.empowerment is not None or r.desirability is not None
            ]
            session.add_all(rows)
            session.add(RatingDone(round_id=round_id, member_id=member_id))
        checkpoint(self._file)

    def close_round(self, round_id: int) -> RatingRoundRow:
        """Close an open round: no more ratings; results become visible."""
        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            _require(rating_round, RoundStatus.OPEN)
            rating_round.status = RoundStatus.CLOSED
            rating_round.closed_at = self._clock()
            return _row(session, rating_round)

    # -- results --------------------------------------------------------------------------

    def results(self, round_id: int) -> RoundResults:
        """Every rating and the summaries of a closed round (results stay hidden until then)."""
        from pareconapp.core.jobs import (
            TaskRating,
            TaskRatingSummary,
            aggregate_ratings,
            contested_tasks,
        )

        with self._file.transaction() as session:
            rating_round = _get(session, round_id)
            if rating_round.status is not RoundStatus.CLOSED:
                raise user_error(
                    QT_TRANSLATE_NOOP("Ratings", "The results are shown once the round is closed.")
                )
            row = _row(session, rating_round)
            names = _task_names(session, rating_round)
            stored = session.scalars(
                select(TaskRatingRow).where(TaskRatingRow.round_id == round_id)
            ).all()
            ratings = [TaskRating(r.task_id, r.empowerment, r.desirability) for r in stored]
        summaries = aggregate_ratings(ratings, row.aggregation, row.scale, names)
        values: dict[int, tuple[list[float], list[float]]] = {t: ([], []) for t in row.task_ids}
        for rating in ratings:
            empowerment, desirability = values[rating.task_id]
            if rating.empowerment is not None:
                empowerment.append(rating.empowerment)
            if rating.desirability is not None:
                desirability.append(rating.desirability)
        tasks = [
            TaskResult(
                task_id,
                names[task_id],
                tuple(sorted(values[task_id][0])),
                tuple(sorted(values[task_id][1])),
                summaries.get(task_id) or TaskRatingSummary(task_id, None, None),
            )
            for task_id in row.task_ids
        ]
        return RoundResults(
            row,
            tuple(tasks),
            tuple(contested_tasks(summaries.values())),
            row.aggregation.threshold(row.scale),
        )

    def task_history(self, task_id: int) -> list[TaskHistoryEntry]:
        """The task's aggregate in every closed round that rated it, oldest first."""
        with self._file.transaction() as session:
            ids = session.scalars(
                select(RatingRound.id)
                .join(RatingRoundTask, RatingRoundTask.round_id == RatingRound.id)
                .where(
                    RatingRoundTask.task_id == task_id,
                    RatingRound.status == RoundStatus.CLOSED,
                )
                .order_by(RatingRound.closed_at, RatingRound.id)
            ).all()
        history = []
        for round_id in ids:
            results = self.results(round_id)
            result = results.result(task_id)
            if result is None:
                continue
            row = results.round
            history.append(
                TaskHistoryEntry(
                    row.id, row.title, row.closed_at, row.scale_low, row.scale_high, result.summary
                )
            )
        return history

    def current_ratings(self) -> dict[int, CurrentRating]:
        """Each task's latest aggregates: from the newest closed round that rated both."""
        with self._file.transaction() as session:
            ids = session.scalars(
                select(RatingRound.id)
                .where(RatingRound.status == RoundStatus.CLOSED)
                .order_by(RatingRound.closed_at, RatingRound.id)
            ).all()
        current: dict[int, CurrentRating] = {}
        for round_id in ids:
            results = self.results(round_id)
            row = results.round
            for task in results.tasks:
                empowerment, desirability = task.summary.empowerment, task.summary.desirability
                if empowerment is None or desirability is None:
                    continue
                current[task.task_id] = CurrentRating(
                    task.task_id,
                    empowerment.aggregate,
                    desirability.aggregate,
                    row.id,
                    row.scale_low,
                    row.scale_high,
                )
        return current


def _get(session: Session, round_id: int) -> RatingRound:
    rating_round = session.get(RatingRound, round_id)
    if rating_round is None:
        raise user_error(QT_TRANSLATE_NOOP("Ratings", "That rating round no longer exists."))
    return rating_round


def _done(session: Session, round_id: int) -> set[int]:
    return set(session.scalars(select(RatingDone.member_id).where(RatingDone.round_id == round_id)))


def _task_names(session: Session, rating_round: RatingRound) -> dict[int, str]:
    rows = session.execute(
        select(Task.id, Task.name)
        .join(RatingRoundTask, RatingRoundTask.task_id == Task.id)
        .where(RatingRoundTask.round_id == rating_round.id)
    )
    return {row[0]: row[1] for row in rows}


def _require(rating_round: RatingRound, status: RoundStatus) -> None:
    if rating_round.status is status:
        return
    if status is RoundStatus.DRAFT:
        text = QT_TRANSLATE_NOOP(
            "Ratings",
            '"{title}" has been opened: its tasks, raters and scale can no longer change.',
        )
    elif status is RoundStatus.OPEN and rating_round.status is RoundStatus.DRAFT:
        text = QT_TRANSLATE_NOOP("Ratings", '"{title}" is not open yet: open it first.')
    else:
        text = QT_TRANSLATE_NOOP("Ratings", '"{title}" is closed: nobody can rate any more.')
    raise user_error(text, title=rating_round.title)


def _check_rater(session: Session, rating_round: RatingRound, member_id: int) -> None:
    member = session.get(Member, member_id)
    name = member.display_name if member else "?"
    if session.get(RatingRoundRater, (rating_round.id, member_id)) is None:
        raise user_error(
            QT_TRANSLATE_NOOP("Ratings", "{name} is not one of this round's raters."), name=name
        )
    if session.get(RatingDone, (rating_round.id, member_id)) is not None:
        raise user_error(
            QT_TRANSLATE_NOOP("Ratings", "{name} has already rated in this round."), name=name
        )


def _aggregation_json(settings: AggregationSettings) -> dict[str, Any]:
    return {
        "method": settings.method.value,
        "trim_share": settings.trim_share,
        "spread": settings.spread.value,
        "threshold": settings.contested_threshold,
    }


def _aggregation(data: dict[str, Any]) -> AggregationSettings:
    from pareconapp.core.jobs import AggregateMethod, AggregationSettings, SpreadMeasure

    threshold = data.get("threshold")
    return AggregationSettings(
        AggregateMethod(data.get("method", "mean")),
        float(data.get("trim_share", 0.1)),
        SpreadMeasure(data.get("spread", "sd")),
        None if threshold is None else float(threshold),
    )


def _row(session: Session, rating_round: RatingRound) -> RatingRoundRow:
    done = session.scalar(
        select(func.count()).select_from(RatingDone).where(RatingDone.round_id == rating_round.id)
    )
    return RatingRoundRow(
        id=rating_round.id,
        title=rating_round.title,
        status=rating_round.status,
        task_ids=tuple(t.task_id for t in rating_round.tasks),
        rater_ids=frozenset(r.member_id for r in rating_round.raters),
        done_count=int(done or 0),
        scale_low=rating_round.scale_low,
        scale_high=rating_round.scale_high,
        anchors=Anchors(
            rating_round.empowerment_low,
            rating_round.empowerment_high,
            rating_round.desirability_low,
            rating_round.desirability_high,
        ),
        anonymous=rating_round.anonymous,
        aggregation=_aggregation(rating_round.aggregation),
        follows_id=rating_round.follows_id,
        agenda_item_id=rating_round.agenda_item_id,
        created_at=rating_round.created_at,
        opened_at=rating_round.opened_at,
        closed_at=rating_round.closed_at,
    )


def _apply(rating_round: RatingRound, fields: RoundFields) -> None:
    rating_round.title = fields.title
    rating_round.scale_low = fields.scale_low
    rating_round.scale_high = fields.scale_high
    rating_round.empowerment_low = fields.anchors.empowerment_low
    rating_round.empowerment_high = fields.anchors.empowerment_high
    rating_round.desirability_low = fields.anchors.desirability_low
    rating_round.desirability_high = fields.anchors.desirability_high
    rating_round.anonymous = fields.anonymous
    rating_round.aggregation = _aggregation_json(fields.aggregation)
    rating_round.agenda_item_id = fields.agenda_item_id
    rating_round.tasks = [
        RatingRoundTask(task_id=task_id, position=position)
        for position, task_id in enumerate(fields.task_ids)
    ]
    rating_round.raters = [RatingRoundRater(member_id=m) for m in sorted(fields.rater_ids)]


def _validated(session: Session, fields: RoundFields) -> RoundFields:
    """The fields cleaned up, or a clear error naming the field and what is allowed."""
    from pareconapp.core.jobs import RatingScale

    title = fields.title.strip()
    if not title:
        raise user_error(QT_TRANSLATE_NOOP("Ratings", "Title: a rating round needs a title."))
    if len(title) > 200:
        raise user_error(QT_TRANSLATE_NOOP("Ratings", "Title: at most 200 characters."))
    if not -MAX_SCALE <= fields.scale_low < fields.scale_high <= MAX_SCALE:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Ratings",
                "Scale: the lowest rating must be below the highest, both from -1000 to 1000 "
                "(not {low} to {high}).",
            ),
            low=fields.scale_low,
            high=fields.scale_high,
        )
    RatingScale(fields.scale_low, fields.scale_high)
    anchors = Anchors(*(text.strip()[:300] for text in _anchor_texts(fields.anchors)))
    if len(set(fields.task_ids)) != len(fields.task_ids):
        raise user_error(QT_TRANSLATE_NOOP("Ratings", "Tasks: each task may appear only once."))
    known_tasks = set(session.scalars(select(Task.id).where(Task.id.in_(fields.task_ids))))
    if known_tasks != set(fields.task_ids):
        raise user_error(QT_TRANSLATE_NOOP("Tasks", "That task no longer exists."))
    known = set(session.scalars(select(Member.id).where(Member.id.in_(fields.rater_ids))))
    if known != set(fields.rater_ids):
        raise user_error(QT_TRANSLATE_NOOP("Members", "That member no longer exists."))
    item_id = fields.agenda_item_id
    if item_id is not None:
        item = session.get(AgendaItem, item_id)
        if item is None or item.kind is not AgendaKind.RATING_ROUND:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Ratings", "Agenda item: choose an item of kind rating round, or none."
                )
            )
    return replace(fields, title=title, anchors=anchors)


def _anchor_texts(anchors: Anchors) -> tuple[str, str, str, str]:
    return (
        anchors.empowerment_low,
        anchors.empowerment_high,
        anchors.desirability_low,
        anchors.desirability_high,
    )
