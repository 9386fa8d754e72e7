"""Plain meeting rules: the speakers' stack, timeboxes, presence intervals, PINs, CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pareconapp.core.meetings import (
    ActionStatus,
    Presence,
    TimerPhase,
    check_interval_order,
    format_clock,
    is_overdue,
    present_at,
    timebox_state,
    warning_threshold,
)
from pareconapp.core.secrets import check_pin, hash_secret, verify_secret
from pareconapp.core.stack import (
    QueuedSpeaker,
    TurnKind,
    insertion_index,
    is_already_waiting,
    progressive_order,
)

N, DR, PO = TurnKind.NORMAL, TurnKind.DIRECT_RESPONSE, TurnKind.POINT_OF_ORDER


def q(*entries: tuple[int, TurnKind]) -> list[QueuedSpeaker]:
    return [QueuedSpeaker(i, member, kind) for i, (member, kind) in enumerate(entries)]


class TestStack:
    def test_plain_stack_is_first_come_first_served(self) -> None:
        queue = q((1, N), (2, N))
        assert insertion_index(queue, 3, N, {1: 5, 2: 5}, progressive=False) == 2

    def test_progressive_puts_those_who_spoke_less_first(self) -> None:
        queue = q((1, N), (2, N), (3, N))
        turns = {1: 0, 2: 2, 3: 3}
        # member 4 spoke once: goes behind member 1 (0 turns), ahead of 2 and 3
        assert insertion_index(queue, 4, N, turns | {4: 1}, progressive=True) == 1

    def test_progressive_ties_are_first_come_first_served(self) -> None:
        queue = q((1, N), (2, N))
        turns = {1: 1, 2: 1, 3: 1}
        assert insertion_index(queue, 3, N, turns, progressive=True) == 2

    def test_never_spoken_goes_first_in_the_ordinary_queue(self) -> None:
        queue = q((1, N), (2, N))
        assert insertion_index(queue, 3, N, {1: 1, 2: 4}, progressive=True) == 0

    def test_points_of_order_jump_everything_but_earlier_points_of_order(self) -> None:
        queue = q((1, PO), (2, DR), (3, N))
        assert insertion_index(queue, 4, PO, {}, progressive=True) == 1
        assert insertion_index(queue, 4, PO, {}, progressive=False) == 1

    def test_direct_responses_go_after_points_of_order_and_earlier_responses(self) -> None:
        queue = q((1, PO), (2, DR), (3, N), (4, N))
        assert insertion_index(queue, 5, DR, {}, progressive=False) == 2

    def test_progressive_never_jumps_ahead_of_priority_entries(self) -> None:
        queue = q((1, PO), (2, DR), (3, N))
        assert insertion_index(queue, 4, N, {3: 2}, progressive=True) == 2

    def test_progressive_order_resorts_only_the_ordinary_queue_stably(self) -> None:
        queue = q((1, DR), (2, N), (3, N), (4, N), (5, N))
        turns = {2: 2, 3: 0, 4: 2, 5: 1}
        order = [e.member_id for e in progressive_order(queue, turns)]
        assert order == [1, 3, 5, 2, 4]

    def test_one_ordinary_place_each(self) -> None:
        queue = q((1, N))
        assert is_already_waiting(queue, 1, N)
        assert not is_already_waiting(queue, 1, PO)
        assert not is_already_waiting(queue, 2, N)


NOW = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)


class TestTimebox:
    def test_not_started(self) -> None:
        state = timebox_state(timedelta(minutes=10), timedelta(), None, NOW)
        assert state.phase is TimerPhase.NOT_STARTED
        assert state.remaining == timedelta(minutes=10)

    def test_running_then_warning_then_overtime(self) -> None:
        box = timedelta(minutes=10)
        start = NOW
        assert (
            timebox_state(box, timedelta(), start, NOW + timedelta(minutes=7)).phase
            is TimerPhase.RUNNING
        )
        # warning: the last fifth, at most 2 minutes -> from 8:00 on
        assert (
            timebox_state(box, timedelta(), start, NOW + timedelta(minutes=8)).phase
            is TimerPhase.WARNING
        )
        over = timebox_state(box, timedelta(), start, NOW + timedelta(minutes=11))
        assert over.phase is TimerPhase.OVERTIME
        assert over.remaining == timedelta(minutes=-1)

    def test_accumulated_time_survives_pauses(self) -> None:
        state = timebox_state(timedelta(minutes=5), timedelta(minutes=3), None, NOW)
        assert state.elapsed == timedelta(minutes=3)
        assert not state.running
        assert state.phase is TimerPhase.RUNNING

    def test_warning_threshold(self) -> None:
        assert warning_threshold(timedelta(minutes=5)) == timedelta(minutes=1)
        assert warning_threshold(timedelta(minutes=60)) == timedelta(minutes=2)

    def test_format_clock(self) -> None:
        assert format_clock(timedelta(seconds=65)) == "1:05"
        assert format_clock(timedelta(seconds=-61)) == "-1:01"
        assert format_clock(timedelta(hours=1, seconds=5)) == "1:00:05"


class TestPresence:
    def test_present_at_a_moment(self) -> None:
        t = NOW
        intervals = [
            Presence(1, t, t + timedelta(minutes=30)),
            Presence(2, t + timedelta(minutes=10)),
            Presence(1, t + timedelta(minutes=40)),
        ]
        assert present_at(intervals, t) == {1}
        assert present_at(intervals, t + timedelta(minutes=10)) == {1, 2}
        assert present_at(intervals, t + timedelta(minutes=30)) == {2}  # leaving counts
        assert present_at(intervals, t + timedelta(minutes=45)) == {1, 2}
        assert present_at(intervals, t - timedelta(seconds=1)) == set()

    def test_interval_checks(self) -> None:
        check_interval_order(
            [Presence(1, NOW, NOW + timedelta(1)), Presence(1, NOW + timedelta(2))]
        )
        with pytest.raises(ValueError, match="overlapping"):
            check_interval_order([Presence(1, NOW), Presence(1, NOW + timedelta(1))])
        with pytest.raises(ValueError, match="before arriving"):
            check_interval_order([Presence(1, NOW, NOW - timedelta(1))])

    def test_overdue(self) -> None:
        today = date(2026, 5, 4)
        assert is_overdue(date(2026, 5, 3), ActionStatus.OPEN, today)
        assert not is_overdue(date(2026, 5, 4), ActionStatus.OPEN, today)
        assert not is_overdue(date(2026, 5, 3), ActionStatus.DONE, today)
        assert not is_overdue(None, ActionStatus.OPEN, today)


class TestSecrets:
    def test_hash_and_verify(self) -> None:
        stored = hash_secret("4711", n=2**10)
        assert "4711" not in stored
        assert verify_secret("4711", stored)
        assert not verify_secret("4712", stored)

    def test_salt_is_per_secret(self) -> None:
        assert hash_secret("1234", n=2**10) != hash_secret("1234", n=2**10)

    def test_garbage_hash_never_verifies(self) -> None:
        assert not verify_secret("x", "not-a-hash")
        assert not verify_secret("x", "bcrypt$1$2$3$4$5")

    def test_pin_rules(self) -> None:
        assert check_pin(" 1234 ") == "1234"
        for bad in ("123", "12a4", "1234567890123", ""):
            with pytest.raises(Exception, match="PIN"):
                check_pin(bad)
