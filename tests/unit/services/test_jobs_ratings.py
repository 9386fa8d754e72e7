"""Rating rounds: preparing, rating (anonymously), closing, results, follow-up, history."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.jobs import AggregateMethod, AggregationSettings, TaskRating
from pareconapp.core.meetings import AgendaKind
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.meetings import ItemFields, MeetingFields
from pareconapp.services.ratings import RoundFields
from pareconapp.services.tasks import TaskFields
from pareconapp.store.models_jobs import RoundStatus


@pytest.fixture
def members(assembly: AssemblyService) -> list[int]:
    return [m.id for m in assembly.members.list_members(active_only=True)][:4]


@pytest.fixture
def tasks(assembly: AssemblyService) -> list[int]:
    return [
        assembly.tasks.add_task(TaskFields(name, weekly_hours=4)).id
        for name in ("Tune the jig", "Paint the door")
    ]


def _round(assembly, tasks, members, **changes) -> int:
    fields = RoundFields("Test round", tuple(tasks), frozenset(members))
    return assembly.ratings.create_round(replace(fields, **changes))


def _rate(assembly, round_id, members, tasks) -> None:
    given = {0: (4, 10), 1: (8, 10), 2: (12, 11), 3: (20, 11)}
    for index, member in enumerate(members):
        e, d = given[index]
        skip_second = index == 3  # the last rater skips the second task
        ratings = [TaskRating(tasks[0], e, d)]
        if not skip_second:
            ratings.append(TaskRating(tasks[1], 5, 6))
        assembly.ratings.submit(round_id, member, ratings)


def test_a_round_from_draft_to_results(assembly, tasks, members) -> None:
    round_id = _round(assembly, tasks, members)
    row = assembly.ratings.round(round_id)
    assert row.status is RoundStatus.DRAFT and row.task_ids == tuple(tasks)
    with pytest.raises(UserError, match="not open yet"):
        assembly.ratings.submit(round_id, members[0], [TaskRating(tasks[0], 5, 5)])
    assembly.ratings.open_round(round_id)
    with pytest.raises(UserError, match="can no longer change"):
        assembly.ratings.update_round(round_id, row.fields())
    _rate(assembly, round_id, members, tasks)
    assert assembly.ratings.progress(round_id) == (4, 4)
    with pytest.raises(UserError, match="once the round is closed"):
        assembly.ratings.results(round_id)
    assembly.ratings.close_round(round_id)
    results = assembly.ratings.results(round_id)
    first = results.result(tasks[0])
    assert first is not None
    assert first.empowerment == (4, 8, 12, 20)
    e = first.summary.empowerment
    assert e is not None
    assert e.count == 4 and e.mean == 11 and e.median == 10
    assert e.sd == pytest.approx(6.8313, abs=1e-4)
    assert (e.lower_quartile, e.upper_quartile, e.iqr) == (7, 14, 7)
    assert e.contested
    d = first.summary.desirability
    assert d is not None and d.mean == 10.5 and not d.contested
    second = results.result(tasks[1])
    assert second is not None and second.summary.empowerment.count == 3
    assert results.contested == (tasks[0],)
    assert results.threshold == pytest.approx(3.8)
    with pytest.raises(UserError, match="is closed"):
        assembly.ratings.submit(round_id, members[0], [])


def test_each_rater_rates_once_and_only_chosen_raters_rate(assembly, tasks, members) -> None:
    round_id = _round(assembly, tasks, members[:2])
    assembly.ratings.open_round(round_id)
    assembly.ratings.submit(round_id, members[0], [TaskRating(tasks[0], 3, 4)])
    with pytest.raises(UserError, match="already rated"):
        assembly.ratings.submit(round_id, members[0], [TaskRating(tasks[0], 3, 4)])
    with pytest.raises(UserError, match="not one of this round's raters"):
        assembly.ratings.submit(round_id, members[3], [TaskRating(tasks[0], 3, 4)])
    with pytest.raises(UserError, match="not on the scale"):
        assembly.ratings.submit(round_id, members[1], [TaskRating(tasks[0], 21, 4)])
    raters = {r.member_id: r for r in assembly.ratings.raters(round_id)}
    assert raters[members[0]].done and not raters[members[0]].may_rate
    assert raters[members[1]].may_rate  # the refused ratings stored nothing
    assert not raters[members[3]].chosen


def _rows(path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT round_id, task_id, empowerment, desirability, rater_id FROM task_rating"
        ).fetchall()
    finally:
        connection.close()


def test_anonymous_ratings_name_no_rater_and_sit_in_a_table_without_rowid(
    assembly, tasks, members
) -> None:
    anonymous = _round(assembly, tasks, members)
    named = _round(assembly, tasks, members, anonymous=False, title="Open round")
    for round_id in (anonymous, named):
        assembly.ratings.open_round(round_id)
        assembly.ratings.submit(round_id, members[0], [TaskRating(tasks[0], 7, 9)])
    rows = _rows(assembly.path)
    assert (anonymous, tasks[0], 7.0, 9.0, None) in rows
    assert (named, tasks[0], 7.0, 9.0, members[0]) in rows
    connection = sqlite3.connect(assembly.path)
    try:
        ddl = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name IN ('task_rating', 'rating_done')"
        ).fetchall()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(task_rating)")]
    finally:
        connection.close()
    assert all("WITHOUT ROWID" in sql for (sql,) in ddl)
    assert columns == ["id", "round_id", "task_id", "empowerment", "desirability", "rater_id"]
    wal = assembly.path.with_name(assembly.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed after the write


def test_follow_up_round_rerates_the_contested_tasks(assembly, tasks, members) -> None:
    round_id = _round(assembly, tasks, members)
    assembly.ratings.open_round(round_id)
    _rate(assembly, round_id, members, tasks)
    assembly.ratings.close_round(round_id)
    follow_up = assembly.ratings.follow_up(round_id, "Contested")
    row = assembly.ratings.round(follow_up)
    assert row.task_ids == (tasks[0],)
    assert row.follows_id == round_id
    assert row.rater_ids == frozenset(members)
    assembly.ratings.open_round(follow_up)
    for member, e in zip(members, (10, 11, 11, 12), strict=True):
        assembly.ratings.submit(follow_up, member, [TaskRating(tasks[0], e, 10)])
    assembly.ratings.close_round(follow_up)
    history = assembly.ratings.task_history(tasks[0])
    assert [h.round_id for h in history] == [round_id, follow_up]
    assert history[-1].summary.empowerment.mean == 11
    current = assembly.ratings.current_ratings()
    assert current[tasks[0]].round_id == follow_up
    assert current[tasks[0]].empowerment == 11
    assert current[tasks[1]].round_id == round_id
    with pytest.raises(UserError, match="No task of this round is contested"):
        assembly.ratings.follow_up(follow_up, "Again")


def test_aggregation_setting_picks_the_aggregate(assembly, tasks, members) -> None:
    median = AggregationSettings(AggregateMethod.MEDIAN, contested_threshold=10)
    round_id = _round(assembly, tasks, members, aggregation=median)
    assembly.ratings.open_round(round_id)
    _rate(assembly, round_id, members, tasks)
    assembly.ratings.close_round(round_id)
    results = assembly.ratings.results(round_id)
    assert results.round.aggregation == median
    assert results.result(tasks[0]).summary.empowerment.aggregate == 10
    assert results.contested == ()


def test_round_links_to_a_rating_agenda_item(assembly, clock, tasks, members) -> None:
    meeting = assembly.meetings.create_meeting(MeetingFields("Ratings evening", clock()))
    item = assembly.meetings.add_item(meeting, ItemFields("Rate", AgendaKind.RATING_ROUND))
    other = assembly.meetings.add_item(meeting, ItemFields("Chat"))
    assert item in {i.id for i in assembly.ratings.rating_agenda_items()}
    round_id = _round(assembly, tasks, members, agenda_item_id=item)
    assert assembly.ratings.round(round_id).agenda_item_id == item
    with pytest.raises(UserError, match="Agenda item"):
        _round(assembly, tasks, members, agenda_item_id=other)
    assembly.meetings.delete_item(item)
    assert assembly.ratings.round(round_id).agenda_item_id is None


def test_draft_checks(assembly, tasks, members) -> None:
    with pytest.raises(UserError, match="Scale"):
        _round(assembly, tasks, members, scale_low=5, scale_high=5)
    with pytest.raises(UserError, match="needs a title"):
        _round(assembly, tasks, members, title=" ")
    empty = _round(assembly, (), members)
    with pytest.raises(UserError, match="at least one task"):
        assembly.ratings.open_round(empty)
    assembly.ratings.delete_round(empty)
    assert empty not in {r.id for r in assembly.ratings.list_rounds()}


def test_the_demo_has_a_round_and_its_follow_up(assembly) -> None:
    rounds = assembly.ratings.list_rounds()
    assert [r.status for r in rounds] == [RoundStatus.CLOSED, RoundStatus.CLOSED]
    follow_up, first = rounds
    assert follow_up.follows_id == first.id
    assert len(first.task_ids) == 30
    assert set(follow_up.task_ids) == set(assembly.ratings.results(first.id).contested)
    assert len(follow_up.task_ids) >= 2
