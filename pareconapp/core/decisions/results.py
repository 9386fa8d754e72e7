"""The result of a decision, as plain data the store keeps and the minutes print.

Every result shows the weighted tally and the plain head count side by side, the rule and
its settings, whether the quorum was met, the abstentions, blocks and objections with their
reasons, every tie and how it was broken, the instant-runoff rounds and the Schulze pairwise
matrix with its strongest paths. Nothing in a result names a voter: ballots reach the tally
as (weight, choice) pairs, and :attr:`DecisionResult.classes` breaks the count down per
weight class, never per voter.

``DecisionResult.to_dict()`` gives JSON-ready data (fractions as ``"p/q"`` strings) and
``DecisionResult.from_dict()`` reads it back to an equal result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.exact import JsonObject, fraction_from_json, fraction_to_json
from pareconapp.core.decisions.rules import Attendance, DecisionRule, TieBreak, TieRule
from pareconapp.core.decisions.stored import (
    as_object,
    get_fraction,
    get_int,
    get_list,
    get_object,
    get_optional,
    get_str,
    objects,
    str_tuple,
)

T = TypeVar("T")

RESULT_FORMAT = 1
"""The version of the stored result format; raised when its meaning changes."""


class Outcome(StrEnum):
    """What the count decided."""

    PASSED = "passed"
    """The proposal passed, or (for alternatives) :attr:`DecisionResult.winner` was chosen."""
    FAILED = "failed"
    """The proposal failed, or no alternative was chosen."""
    NO_QUORUM = "no_quorum"
    """Too little impact weight was present when the ballot opened; nothing was decided."""
    PENDING = "pending"
    """The count needs more input: the chair's casting choice for a tie
    (:attr:`DecisionResult.pending_tie`), or the assembly's ruling on an objection."""


class TieStage(StrEnum):
    """Where in the count a tie arose."""

    RESULT = "result"
    """A tie for the result: yes against no, or for the winning alternative."""
    ELIMINATION = "elimination"
    """A tie for the last place of an instant-runoff round."""


@dataclass(frozen=True)
class Count:
    """A weight and the number of ballots (heads) that make it up."""

    weight: Fraction
    head_count: int

    def __add__(self, other: Count) -> Count:
        return Count(self.weight + other.weight, self.head_count + other.head_count)

    def to_dict(self) -> JsonObject:
        """Return the count as plain JSON data."""
        return {"weight": fraction_to_json(self.weight), "head_count": self.head_count}

    @classmethod
    def from_dict(cls, data: JsonObject) -> Count:
        """Read a count written by :meth:`to_dict`."""
        return cls(get_fraction(data, "weight"), get_int(data, "head_count"))


ZERO = Count(Fraction(0), 0)


@dataclass(frozen=True)
class OptionCount:
    """The weight and head count an option (or a choice such as "yes") received."""

    option: str
    weight: Fraction
    head_count: int

    def to_dict(self) -> JsonObject:
        """Return the count as plain JSON data."""
        return {
            "option": self.option,
            "weight": fraction_to_json(self.weight),
            "head_count": self.head_count,
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> OptionCount:
        """Read a count written by :meth:`to_dict`."""
        return cls(
            get_str(data, "option"), get_fraction(data, "weight"), get_int(data, "head_count")
        )


@dataclass(frozen=True)
class QuorumCheck:
    """The quorum required and the weight present when the ballot opened."""

    required_share: Fraction
    attendance: Attendance

    @property
    def present_share(self) -> Fraction:
        """The share of the eligible weight that was present."""
        eligible = self.attendance.eligible_weight
        return self.attendance.present_weight / eligible if eligible else Fraction(0)

    @property
    def met(self) -> bool:
        """Whether the weight present reached the required share of the eligible weight."""
        attendance = self.attendance
        return attendance.present_weight >= self.required_share * attendance.eligible_weight

    def to_dict(self) -> JsonObject:
        """Return the check as plain JSON data (``met`` is written for readers)."""
        return {
            "required_share": fraction_to_json(self.required_share),
            "attendance": self.attendance.to_dict(),
            "met": self.met,
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> QuorumCheck:
        """Read a check written by :meth:`to_dict`."""
        return cls(
            get_fraction(data, "required_share"),
            Attendance.from_dict(get_object(data, "attendance")),
        )


@dataclass(frozen=True)
class TieRecord:
    """A tie in the count and how it was broken.

    Attributes:
        stage: a tie for the result, or for elimination in an instant-runoff round.
        round_number: the instant-runoff round (from 1), or ``None``.
        tied: the tied options (for yes/no: ``("yes", "no")``), in a fixed order.
        rule: the tie rule that applied.
        chosen: the option chosen (the winner, or the option eliminated); several when the
            status quo rule eliminated tied options together; empty when nothing was chosen.
        resolved: ``False`` when the chair's casting choice is still needed.
        lot_draw: the number of the draw from the lot seed (from 0), when a lot was drawn.
    """

    stage: TieStage
    round_number: int | None
    tied: tuple[str, ...]
    rule: TieRule
    chosen: tuple[str, ...]
    resolved: bool = True
    lot_draw: int | None = None

    def to_dict(self) -> JsonObject:
        """Return the record as plain JSON data."""
        return {
            "stage": self.stage.value,
            "round_number": self.round_number,
            "tied": list(self.tied),
            "rule": self.rule.value,
            "chosen": list(self.chosen),
            "resolved": self.resolved,
            "lot_draw": self.lot_draw,
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> TieRecord:
        """Read a record written by :meth:`to_dict`."""
        return cls(
            stage=TieStage(get_str(data, "stage")),
            round_number=get_optional(data, "round_number", get_int),
            tied=str_tuple(data, "tied"),
            rule=TieRule(get_str(data, "rule")),
            chosen=str_tuple(data, "chosen"),
            resolved=data.get("resolved") is True,
            lot_draw=get_optional(data, "lot_draw", get_int),
        )


@dataclass(frozen=True)
class RunoffRound:
    """One round of an instant-runoff count.

    Attributes:
        number: the round, from 1.
        totals: the weight and head count each continuing option holds this round.
        exhausted: ballots whose ranked options have all been eliminated (or that rank none).
        eliminated: the options eliminated at the end of this round (empty in the last).
        tie: the tie for last place and how it was broken, if there was one.
    """

    number: int
    totals: tuple[OptionCount, ...]
    exhausted: Count
    eliminated: tuple[str, ...]
    tie: TieRecord | None = None

    def to_dict(self) -> JsonObject:
        """Return the round as plain JSON data."""
        return {
            "number": self.number,
            "totals": [total.to_dict() for total in self.totals],
            "exhausted": self.exhausted.to_dict(),
            "eliminated": list(self.eliminated),
            "tie": None if self.tie is None else self.tie.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> RunoffRound:
        """Read a round written by :meth:`to_dict`."""
        tie = data.get("tie")
        return cls(
            number=get_int(data, "number"),
            totals=tuple(OptionCount.from_dict(item) for item in objects(data, "totals")),
            exhausted=Count.from_dict(get_object(data, "exhausted")),
            eliminated=str_tuple(data, "eliminated"),
            tie=None if tie is None else TieRecord.from_dict(as_object(tie)),
        )


@dataclass(frozen=True)
class PairwiseTable:
    """The Schulze method's pairwise preferences and strongest paths.

    Attributes:
        options: the options, in the order of the rows and columns.
        preferences: ``preferences[i][j]`` is the weight of ballots ranking option i above
            option j.
        strongest_paths: ``strongest_paths[i][j]`` is the strength of the strongest path from
            option i to option j (0 on the diagonal).
    """

    options: tuple[str, ...]
    preferences: tuple[tuple[Fraction, ...], ...]
    strongest_paths: tuple[tuple[Fraction, ...], ...]

    def preference(self, over: str, under: str) -> Fraction:
        """The weight of ballots ranking ``over`` above ``under``."""
        return self.preferences[self.options.index(over)][self.options.index(under)]

    def strongest_path(self, source: str, target: str) -> Fraction:
        """The strength of the strongest path from ``source`` to ``target``."""
        return self.strongest_paths[self.options.index(source)][self.options.index(target)]

    @property
    def condorcet_winner(self) -> str | None:
        """The option preferred to every other by more weight than the reverse, if any."""
        for option in self.options:
            others = (other for other in self.options if other != option)
            if all(self.preference(option, o) > self.preference(o, option) for o in others):
                return option
        return None

    def to_dict(self) -> JsonObject:
        """Return the table as plain JSON data."""
        return {
            "options": list(self.options),
            "preferences": [[fraction_to_json(v) for v in row] for row in self.preferences],
            "strongest_paths": [[fraction_to_json(v) for v in row] for row in self.strongest_paths],
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> PairwiseTable:
        """Read a table written by :meth:`to_dict`."""
        return cls(
            options=str_tuple(data, "options"),
            preferences=_read_matrix(data, "preferences"),
            strongest_paths=_read_matrix(data, "strongest_paths"),
        )


@dataclass(frozen=True)
class Block:
    """A block of a consensus decision, with its reason and the blocker's weight."""

    reason: str
    weight: Fraction

    def to_dict(self) -> JsonObject:
        """Return the block as plain JSON data."""
        return {"reason": self.reason, "weight": fraction_to_json(self.weight)}

    @classmethod
    def from_dict(cls, data: JsonObject) -> Block:
        """Read a block written by :meth:`to_dict`."""
        return cls(get_str(data, "reason"), get_fraction(data, "weight"))


@dataclass(frozen=True)
class Objection:
    """An objection raised in a consent decision and the assembly's ruling on it.

    ``upheld`` is ``None`` while the assembly has not yet ruled whether it is paramount.
    """

    reason: str
    weight: Fraction
    upheld: bool | None

    def to_dict(self) -> JsonObject:
        """Return the objection as plain JSON data."""
        return {
            "reason": self.reason,
            "weight": fraction_to_json(self.weight),
            "upheld": self.upheld,
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> Objection:
        """Read an objection written by :meth:`to_dict`."""
        upheld = data.get("upheld")
        if upheld is not None and not isinstance(upheld, bool):
            raise ValueError(f"stored 'upheld' is not a ruling: {upheld!r}")
        return cls(get_str(data, "reason"), get_fraction(data, "weight"), upheld)


@dataclass(frozen=True)
class ClassTally:
    """The count within one weight class (all ballots of one weight): never per voter.

    Attributes:
        weight: the weight each ballot of the class carries.
        ballots: how many ballots the class cast.
        counts: per choice (yes/no/abstain, an option, an approved option, or a first
            preference), the class's weight and head count.
    """

    weight: Fraction
    ballots: int
    counts: tuple[OptionCount, ...]

    def to_dict(self) -> JsonObject:
        """Return the class tally as plain JSON data."""
        return {
            "weight": fraction_to_json(self.weight),
            "ballots": self.ballots,
            "counts": [count.to_dict() for count in self.counts],
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> ClassTally:
        """Read a class tally written by :meth:`to_dict`."""
        return cls(
            get_fraction(data, "weight"),
            get_int(data, "ballots"),
            tuple(OptionCount.from_dict(item) for item in objects(data, "counts")),
        )


@dataclass(frozen=True)
class DecisionResult:
    """The outcome of a decision with everything needed to show and check it.

    Attributes:
        rule: the rule and settings the ballots were counted by.
        tie_break: the casting choice and lot seed that were available.
        options: for yes/no rules ``("yes", "no")``; for consensus and consent the stances;
            otherwise the alternatives, in the order the decision lists them.
        outcome: passed, failed, no quorum, or pending further input.
        winner: the alternative chosen (rules choosing between alternatives), else ``None``.
        counts: weight and head count per choice: yes/no/abstain; agree/stand aside/block;
            consent/object/abstain; per alternative the choices, approvals, or first
            preferences.
        ballots: all ballots counted (weight and head count).
        abstentions: abstentions (for consensus, stand-asides; for alternatives, blank
            ballots).
        counted: yes/no rules: the weight in the denominator, after the abstention rule.
        required_weight: yes/no rules: the yes weight needed (a simple majority needs more
            than this, a super-majority at least this).
        quorum: the quorum check, or ``None`` when the rule requires no quorum and no
            attendance was given.
        blocks: consensus blocks with their reasons.
        objections: consent objections with their reasons and rulings.
        rounds: instant-runoff rounds.
        pairwise: the Schulze pairwise matrix and strongest paths.
        ties: every tie met in the count, in order, with how it was broken.
        classes: the count per weight class.
    """

    rule: DecisionRule
    tie_break: TieBreak
    options: tuple[str, ...]
    outcome: Outcome
    winner: str | None
    counts: tuple[OptionCount, ...]
    ballots: Count
    abstentions: Count
    counted: Count | None = None
    required_weight: Fraction | None = None
    quorum: QuorumCheck | None = None
    blocks: tuple[Block, ...] = ()
    objections: tuple[Objection, ...] = ()
    rounds: tuple[RunoffRound, ...] = ()
    pairwise: PairwiseTable | None = None
    ties: tuple[TieRecord, ...] = ()
    classes: tuple[ClassTally, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether the proposal passed (or an alternative was chosen)."""
        return self.outcome is Outcome.PASSED

    @property
    def pending_tie(self) -> TieRecord | None:
        """The tie still waiting for the chair's casting choice, if any."""
        unresolved = [tie for tie in self.ties if not tie.resolved]
        return unresolved[-1] if unresolved else None

    def count_of(self, option: str) -> OptionCount:
        """The count of one choice or option in :attr:`counts`."""
        for count in self.counts:
            if count.option == option:
                return count
        raise KeyError(option)

    def to_dict(self) -> JsonObject:
        """Return the result as JSON-ready data; :meth:`from_dict` reads it back."""
        return {
            "format": RESULT_FORMAT,
            "rule": self.rule.to_dict(),
            "tie_break": self.tie_break.to_dict(),
            "options": list(self.options),
            "outcome": self.outcome.value,
            "winner": self.winner,
            "counts": [count.to_dict() for count in self.counts],
            "ballots": self.ballots.to_dict(),
            "abstentions": self.abstentions.to_dict(),
            "counted": None if self.counted is None else self.counted.to_dict(),
            "required_weight": (
                None if self.required_weight is None else fraction_to_json(self.required_weight)
            ),
            "quorum": None if self.quorum is None else self.quorum.to_dict(),
            "blocks": [block.to_dict() for block in self.blocks],
            "objections": [objection.to_dict() for objection in self.objections],
            "rounds": [round_.to_dict() for round_ in self.rounds],
            "pairwise": None if self.pairwise is None else self.pairwise.to_dict(),
            "ties": [tie.to_dict() for tie in self.ties],
            "classes": [tally.to_dict() for tally in self.classes],
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> DecisionResult:
        """Read a result written by :meth:`to_dict`.

        Raises:
            ValueError: the data is not a result of a format this version reads.
        """
        if get_int(data, "format") != RESULT_FORMAT:
            raise ValueError(f"result format {data.get('format')!r} is not {RESULT_FORMAT}")
        return cls(
            rule=DecisionRule.from_dict(get_object(data, "rule")),
            tie_break=TieBreak.from_dict(get_object(data, "tie_break")),
            options=str_tuple(data, "options"),
            outcome=Outcome(get_str(data, "outcome")),
            winner=get_optional(data, "winner", get_str),
            counts=tuple(OptionCount.from_dict(item) for item in objects(data, "counts")),
            ballots=Count.from_dict(get_object(data, "ballots")),
            abstentions=Count.from_dict(get_object(data, "abstentions")),
            counted=_optional(data, "counted", Count.from_dict),
            required_weight=get_optional(data, "required_weight", get_fraction),
            quorum=_optional(data, "quorum", QuorumCheck.from_dict),
            blocks=tuple(Block.from_dict(item) for item in objects(data, "blocks")),
            objections=tuple(Objection.from_dict(item) for item in objects(data, "objections")),
            rounds=tuple(RunoffRound.from_dict(item) for item in objects(data, "rounds")),
            pairwise=_optional(data, "pairwise", PairwiseTable.from_dict),
            ties=tuple(TieRecord.from_dict(item) for item in objects(data, "ties")),
            classes=tuple(ClassTally.from_dict(item) for item in objects(data, "classes")),
        )


def _optional(data: JsonObject, key: str, read: Callable[[JsonObject], T]) -> T | None:
    value = data.get(key)
    return None if value is None else read(as_object(value))


def _read_matrix(data: JsonObject, key: str) -> tuple[tuple[Fraction, ...], ...]:
    rows = []
    for row in get_list(data, key):
        if not isinstance(row, list):
            raise ValueError(f"stored {key!r} row is not a list: {row!r}")
        rows.append(tuple(fraction_from_json(cell) for cell in row))
    return tuple(rows)
