"""The speakers' stack: where someone who asks to speak goes in the queue.

Rules (shown to the room in a tooltip and in the user guide, ``docs/meetings.md``):

1. A **point of order** goes to the front of the queue, behind points of order raised
   earlier.
2. A **direct response** (to the person speaking now) goes behind the points of order and
   the direct responses raised earlier, ahead of everyone else.
3. Everyone else queues **first come, first served** - or, with the **progressive stack**
   on, ahead of everyone waiting who has spoken *more times in this meeting* than they have
   (among people who have spoken equally often: first come, first served).
4. The facilitator may move anyone by hand; the queue keeps that order. Switching the
   progressive stack on re-sorts the ordinary queue by times spoken, keeping the present
   order among equals.

The queue is an explicit order (stored as positions); these functions only decide where a
new entry goes and how a re-sort orders the queue, so the GUI, the projector and the tests
share one implementation.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pareconapp.core.i18n import QT_TRANSLATE_NOOP

RULES = QT_TRANSLATE_NOOP(
    "Stack",
    "Progressive stack: people who have spoken fewer times in this meeting go ahead of those "
    "who have spoken more; among people who have spoken equally often, first come, first "
    "served. Points of order go first, then direct responses, whatever the setting. Moving "
    "someone by hand keeps them where they were put.",
)
"""The rules in one sentence, for tooltips and the projector."""


class TurnKind(enum.StrEnum):
    """Why someone asked to speak."""

    NORMAL = "normal"
    DIRECT_RESPONSE = "direct_response"
    POINT_OF_ORDER = "point_of_order"


@dataclass(frozen=True)
class QueuedSpeaker:
    """Someone waiting to speak."""

    entry_id: int
    member_id: int
    kind: TurnKind


def _leading_run(queue: Sequence[QueuedSpeaker], kinds: set[TurnKind]) -> int:
    count = 0
    for entry in queue:
        if entry.kind not in kinds:
            break
        count += 1
    return count


def insertion_index(
    queue: Sequence[QueuedSpeaker],
    member_id: int,
    kind: TurnKind,
    turns_taken: Mapping[int, int],
    *,
    progressive: bool,
) -> int:
    """Where a new entry for ``member_id`` of ``kind`` goes in ``queue`` (an index).

    ``turns_taken`` maps member ids to how many turns they have had in this meeting
    (including a turn in progress).
    """
    if kind is TurnKind.POINT_OF_ORDER:
        return _leading_run(queue, {TurnKind.POINT_OF_ORDER})
    if kind is TurnKind.DIRECT_RESPONSE:
        return _leading_run(queue, {TurnKind.POINT_OF_ORDER, TurnKind.DIRECT_RESPONSE})
    if progressive:
        mine = turns_taken.get(member_id, 0)
        start = _leading_run(queue, {TurnKind.POINT_OF_ORDER, TurnKind.DIRECT_RESPONSE})
        for index in range(start, len(queue)):
            entry = queue[index]
            if entry.kind is TurnKind.NORMAL and turns_taken.get(entry.member_id, 0) > mine:
                return index
    return len(queue)


def progressive_order(
    queue: Sequence[QueuedSpeaker], turns_taken: Mapping[int, int]
) -> list[QueuedSpeaker]:
    """The queue re-sorted for the progressive stack.

    Points of order and direct responses at the front keep their places; the ordinary
    entries are sorted by turns taken, keeping the present order among equals.
    """
    front = _leading_run(queue, {TurnKind.POINT_OF_ORDER, TurnKind.DIRECT_RESPONSE})
    rest = sorted(
        enumerate(queue[front:]),
        key=lambda pair: (
            0 if pair[1].kind is not TurnKind.NORMAL else 1,
            turns_taken.get(pair[1].member_id, 0) if pair[1].kind is TurnKind.NORMAL else 0,
            pair[0],
        ),
    )
    return [*queue[:front], *(entry for _, entry in rest)]


def is_already_waiting(queue: Sequence[QueuedSpeaker], member_id: int, kind: TurnKind) -> bool:
    """Whether ``member_id`` already waits in the ordinary queue (one place each).

    Points of order and direct responses may be raised by someone who also waits for an
    ordinary turn.
    """
    return kind is TurnKind.NORMAL and any(
        e.member_id == member_id and e.kind is TurnKind.NORMAL for e in queue
    )
