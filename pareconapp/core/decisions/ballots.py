"""What a ballot holds: a weight and a choice, never a member id.

A ballot reaches the tally as a ``(weight, choice)`` pair. A secret ballot carries the weight
of its weight class (see :mod:`~pareconapp.core.decisions.weight_classes`), so the pair names
no voter. The choice depends on the rule:

========================  =======================================================
rule                      choice
========================  =======================================================
simple / super-majority   :class:`YesNo`
consensus                 :class:`ConsensusVote` (a block must give a reason)
consent                   :class:`ConsentVote` (an objection gives a reason and
                          later the assembly's ruling)
plurality                 the chosen option (``str``), or ``None`` to abstain
approval                  the approved options (``frozenset[str]``), empty to abstain
Schulze, instant-runoff   the options in order of preference (``tuple[str, ...]``),
                          best first; a partial ranking is allowed, empty abstains
========================  =======================================================

Ballots of weight 0 come from members who are not affected and so not eligible; they are
dropped before counting (by weight and by head), so they never change a result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.exact import JsonValue, Number, as_non_negative
from pareconapp.core.decisions.rules import RuleKind
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

C = TypeVar("C")


class YesNo(StrEnum):
    """A choice on a yes/no proposal."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class ConsensusStance(StrEnum):
    """A member's stance in a consensus decision."""

    AGREE = "agree"
    STAND_ASIDE = "stand_aside"
    """Does not support it but lets it pass (consensus's abstention); a reason may be given."""
    BLOCK = "block"
    """Stops the decision; a reason is required."""


@dataclass(frozen=True)
class ConsensusVote:
    """A stance in a consensus decision, with the reason for a block or stand-aside."""

    stance: ConsensusStance
    reason: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "stance", ConsensusStance(self.stance))
        object.__setattr__(self, "reason", self.reason.strip())
        if self.stance is ConsensusStance.BLOCK and not self.reason:
            raise UserError(
                UserMessage(QT_TRANSLATE_NOOP("Decisions", "A block must give its reason."))
            )


class ConsentStance(StrEnum):
    """A member's stance in a consent decision."""

    CONSENT = "consent"
    OBJECT = "object"
    ABSTAIN = "abstain"


@dataclass(frozen=True)
class ConsentVote:
    """A stance in a consent decision.

    An objection states its reason when raised; the assembly then rules whether it is
    paramount: ``upheld`` is ``None`` until it has ruled, then ``True`` or ``False``.
    """

    stance: ConsentStance
    reason: str = ""
    upheld: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "stance", ConsentStance(self.stance))
        object.__setattr__(self, "reason", self.reason.strip())
        if self.stance is ConsentStance.OBJECT and not self.reason:
            raise UserError(
                UserMessage(QT_TRANSLATE_NOOP("Decisions", "An objection must give its reason."))
            )
        if self.stance is not ConsentStance.OBJECT and self.upheld is not None:
            raise ValueError("only an objection can be upheld")


Choice = YesNo | ConsensusVote | ConsentVote | str | None | frozenset[str] | tuple[str, ...]
"""Any ballot's choice; which kind a rule takes is in the module's table."""

Ballot = tuple[Number, Choice]


def counted_ballots(ballots: Iterable[tuple[Number, C]]) -> list[tuple[Fraction, C]]:
    """Return the ballots with exact weights, dropping those of weight 0.

    Raises:
        UserError: a weight is negative or not a number.
    """
    weighed = [(as_non_negative(weight, "Ballot weight"), choice) for weight, choice in ballots]
    return [(weight, choice) for weight, choice in weighed if weight.numerator]


def check_options(options: Sequence[str]) -> tuple[str, ...]:
    """Return the alternatives as a tuple after checking there is one or more, all distinct.

    Raises:
        UserError: no options, an empty name, or a name given twice.
    """
    names = tuple(options)
    if not names or any(not name.strip() for name in names):
        raise UserError(
            UserMessage(QT_TRANSLATE_NOOP("Decisions", "Every alternative needs a name."))
        )
    if len(set(names)) != len(names):
        raise UserError(
            UserMessage(QT_TRANSLATE_NOOP("Decisions", "Two alternatives have the same name."))
        )
    return names


def unknown_option(option: object) -> UserError:
    """The error for a ballot that names an option the decision does not have."""
    return UserError(
        UserMessage(
            QT_TRANSLATE_NOOP("Decisions", "A ballot names {option}, which is not an option."),
            {"option": repr(option)},
        )
    )


def choice_to_json(kind: RuleKind, choice: Choice) -> JsonValue:
    """Write a ballot's choice for a rule as plain JSON data (for the ballot table)."""
    match choice:
        case YesNo():
            return choice.value
        case ConsensusVote(stance=stance, reason=reason):
            return {"stance": stance.value, "reason": reason}
        case ConsentVote(stance=stance, reason=reason, upheld=upheld):
            return {"stance": stance.value, "reason": reason, "upheld": upheld}
        case frozenset():
            return list[JsonValue](sorted(choice))
        case tuple():
            return list[JsonValue](choice)
    if kind is RuleKind.PLURALITY and (choice is None or isinstance(choice, str)):
        return choice
    raise TypeError(f"{choice!r} is not a choice for {kind}")


def choice_from_json(kind: RuleKind, data: JsonValue) -> Choice:
    """Read a choice written by :func:`choice_to_json` for a decision of rule ``kind``."""
    if kind.is_yes_no and isinstance(data, str):
        return YesNo(data)
    if kind is RuleKind.PLURALITY and (data is None or isinstance(data, str)):
        return data
    if isinstance(data, list) and all(isinstance(item, str) for item in data):
        names = [str(item) for item in data]
        if kind is RuleKind.APPROVAL:
            return frozenset(names)
        if kind.is_ranked:
            return tuple(names)
    if isinstance(data, dict) and isinstance(data.get("reason"), str):
        reason = str(data["reason"])
        if kind is RuleKind.CONSENSUS:
            return ConsensusVote(ConsensusStance(str(data.get("stance"))), reason)
        upheld = data.get("upheld")
        if kind is RuleKind.CONSENT and (upheld is None or isinstance(upheld, bool)):
            return ConsentVote(ConsentStance(str(data.get("stance"))), reason, upheld)
    raise ValueError(f"stored choice {data!r} does not fit a {kind} decision")
