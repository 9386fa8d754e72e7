"""The settings a decision is counted by: its rule, abstentions, ties and quorum.

A :class:`DecisionRule` is chosen before the ballot opens and printed with the result.
:class:`TieBreak` holds what the chair or the lot adds when a tie arises, and
:class:`Attendance` the impact weight present when the ballot opened (for the quorum).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from pareconapp.core.decisions.exact import (
    JsonObject,
    Number,
    as_non_negative,
    as_share,
    fraction_to_json,
)
from pareconapp.core.decisions.stored import (
    get_fraction,
    get_int,
    get_optional,
    get_str,
    str_tuple,
)
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

MemberId = TypeVar("MemberId", bound=Hashable)
"""A member's identifier (the store's id or a name); stored results need int or str."""


class RuleKind(StrEnum):
    """How the ballots decide."""

    SIMPLE_MAJORITY = "simple_majority"
    """Yes/no: passes when the yes weight is more than the no weight."""
    SUPER_MAJORITY = "super_majority"
    """Yes/no: passes when the yes weight is at least ``threshold`` of the counted weight."""
    CONSENSUS = "consensus"
    """Passes unless someone blocks; a block carries its reason."""
    CONSENT = "consent"
    """Passes unless a paramount objection is upheld."""
    PLURALITY = "plurality"
    """Alternatives, one choice each: the most weight wins."""
    APPROVAL = "approval"
    """Alternatives, approve any number: the most approving weight wins."""
    SCHULZE = "schulze"
    """Alternatives ranked: the Schulze method (beatpath), weighted."""
    INSTANT_RUNOFF = "instant_runoff"
    """Alternatives ranked: instant-runoff voting, weighted."""

    @property
    def is_yes_no(self) -> bool:
        """Whether ballots are yes / no / abstain."""
        return self in (RuleKind.SIMPLE_MAJORITY, RuleKind.SUPER_MAJORITY)

    @property
    def is_ranked(self) -> bool:
        """Whether ballots rank the alternatives."""
        return self in (RuleKind.SCHULZE, RuleKind.INSTANT_RUNOFF)

    @property
    def chooses_alternative(self) -> bool:
        """Whether the decision picks one of several alternatives."""
        return self in (
            RuleKind.PLURALITY,
            RuleKind.APPROVAL,
            RuleKind.SCHULZE,
            RuleKind.INSTANT_RUNOFF,
        )


class AbstentionRule(StrEnum):
    """How a yes/no rule treats abstentions.

    Quorum is judged on the weight present when the ballot opens, so abstainers always count
    toward it; this setting only says whether they enter the denominator.
    """

    NOT_COUNTED = "not_counted"
    """Abstentions are left out of the counted weight (the usual rule)."""
    COUNT_AS_NO = "count_as_no"
    """Abstentions are counted, so they weigh like "no"."""


class TieRule(StrEnum):
    """What happens when the count cannot separate two or more options."""

    STATUS_QUO = "status_quo"
    """A tied yes/no vote fails; tied alternatives choose none. An instant-runoff round
    that ties at the bottom eliminates every tied option together."""
    CASTING_CHOICE = "casting_choice"
    """The chair's casting choice, given as :attr:`TieBreak.casting_order`, decides."""
    LOT = "lot"
    """A lot drawn from :attr:`TieBreak.lot_seed`, recorded so anyone can redraw it."""


@dataclass(frozen=True)
class DecisionRule:
    """The rule a decision is counted by, with its abstention, tie and quorum settings.

    Attributes:
        kind: how the ballots decide.
        threshold: for a super-majority, the share tau of the counted weight the yes votes
            must reach (e.g. ``Fraction(2, 3)``); ``None`` for every other kind.
        abstentions: whether abstentions enter a yes/no rule's denominator.
        ties: what decides a tie.
        quorum: the share q of the eligible impact weight that must be present when the
            ballot opens (0 means no quorum).
    """

    kind: RuleKind
    threshold: Fraction | None = None
    abstentions: AbstentionRule = AbstentionRule.NOT_COUNTED
    ties: TieRule = TieRule.STATUS_QUO
    quorum: Fraction = Fraction(0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RuleKind(self.kind))
        object.__setattr__(self, "abstentions", AbstentionRule(self.abstentions))
        object.__setattr__(self, "ties", TieRule(self.ties))
        object.__setattr__(self, "quorum", as_share(self.quorum, "Quorum"))
        if self.kind is RuleKind.SUPER_MAJORITY:
            threshold = as_share(self.threshold, "Threshold")
            if threshold == 0:
                raise UserError(
                    UserMessage(QT_TRANSLATE_NOOP("Decisions", "Threshold must be above 0."))
                )
            object.__setattr__(self, "threshold", threshold)
        elif self.threshold is not None:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP("Decisions", "Only a super-majority takes a threshold.")
                )
            )

    def to_dict(self) -> JsonObject:
        """Return the rule as plain JSON data."""
        return {
            "kind": self.kind.value,
            "threshold": None if self.threshold is None else fraction_to_json(self.threshold),
            "abstentions": self.abstentions.value,
            "ties": self.ties.value,
            "quorum": fraction_to_json(self.quorum),
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> DecisionRule:
        """Read a rule written by :meth:`to_dict`."""
        return cls(
            kind=RuleKind(get_str(data, "kind")),
            threshold=get_optional(data, "threshold", get_fraction),
            abstentions=AbstentionRule(get_str(data, "abstentions")),
            ties=TieRule(get_str(data, "ties")),
            quorum=get_fraction(data, "quorum"),
        )


@dataclass(frozen=True)
class TieBreak:
    """What the chair or the lot adds when the count ties.

    Attributes:
        casting_order: the chair's casting choice as an order of preference (best first).
            Options listed rank above options not listed. For yes/no, ``("yes",)`` passes a
            tied vote and ``("no",)`` fails it. When a tie needs an order the chair has not
            given, the result is ``Outcome.PENDING`` and names the tied options.
        lot_seed: the seed of the lot (see :func:`~pareconapp.core.decisions.ties.draw_lot`),
            drawn once with :func:`~pareconapp.core.decisions.ties.new_lot_seed` and kept.
    """

    casting_order: tuple[str, ...] = ()
    lot_seed: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "casting_order", tuple(self.casting_order))
        if len(set(self.casting_order)) != len(self.casting_order):
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP("Decisions", "The casting choice lists an option twice.")
                )
            )

    def to_dict(self) -> JsonObject:
        """Return the tie break as plain JSON data (the seed as a string: it may be long)."""
        return {
            "casting_order": list(self.casting_order),
            "lot_seed": None if self.lot_seed is None else str(self.lot_seed),
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> TieBreak:
        """Read a tie break written by :meth:`to_dict`."""
        seed = get_optional(data, "lot_seed", get_str)
        return cls(str_tuple(data, "casting_order"), None if seed is None else int(seed))


NO_TIE_BREAK = TieBreak()
"""No casting choice given and no lot seed drawn (the default)."""


@dataclass(frozen=True)
class Attendance:
    """Who could vote and who was present when the ballot opened, by weight and by head.

    Attributes:
        present_weight: the sum of the weights of eligible members present.
        eligible_weight: the sum of the weights of all eligible members (1 when normalised).
        present_count: how many eligible members were present.
        eligible_count: how many members were eligible.
    """

    present_weight: Fraction
    eligible_weight: Fraction
    present_count: int
    eligible_count: int

    def __post_init__(self) -> None:
        present = as_non_negative(self.present_weight, "Weight present")
        eligible = as_non_negative(self.eligible_weight, "Eligible weight")
        if present > eligible or not 0 <= self.present_count <= self.eligible_count:
            raise ValueError(f"more present than eligible: {self!r}")
        object.__setattr__(self, "present_weight", present)
        object.__setattr__(self, "eligible_weight", eligible)

    @classmethod
    def of_members(
        cls, weights: Mapping[MemberId, Number], present: Collection[MemberId]
    ) -> Attendance:
        """Sum the weights of the members present; members of weight 0 are not eligible."""
        eligible = {member: as_non_negative(w, "Weight") for member, w in weights.items()}
        eligible = {member: w for member, w in eligible.items() if w > 0}
        here = [member for member in eligible if member in present]
        return cls(
            present_weight=sum((eligible[m] for m in here), Fraction(0)),
            eligible_weight=sum(eligible.values(), Fraction(0)),
            present_count=len(here),
            eligible_count=len(eligible),
        )

    def to_dict(self) -> JsonObject:
        """Return the attendance as plain JSON data."""
        return {
            "present_weight": fraction_to_json(self.present_weight),
            "eligible_weight": fraction_to_json(self.eligible_weight),
            "present_count": self.present_count,
            "eligible_count": self.eligible_count,
        }

    @classmethod
    def from_dict(cls, data: JsonObject) -> Attendance:
        """Read an attendance written by :meth:`to_dict`."""
        return cls(
            get_fraction(data, "present_weight"),
            get_fraction(data, "eligible_weight"),
            get_int(data, "present_count"),
            get_int(data, "eligible_count"),
        )


def describe_rule(rule: DecisionRule) -> tuple[UserMessage, ...]:
    """Say in words how a decision is counted, one sentence per setting, for the minutes.

    Shares are given as exact fractions in ``{threshold}`` and ``{quorum}``, and as
    percentages (one decimal) in ``{threshold_percent}`` and ``{quorum_percent}``.
    """
    params = {
        "threshold": str(rule.threshold),
        "threshold_percent": _percent(rule.threshold or Fraction(0)),
        "quorum": str(rule.quorum),
        "quorum_percent": _percent(rule.quorum),
    }
    sentences = [_KIND_SENTENCES[rule.kind]]
    if rule.kind.is_yes_no:
        sentences.append(_ABSTENTION_SENTENCES[rule.abstentions])
    if rule.kind not in (RuleKind.CONSENSUS, RuleKind.CONSENT, RuleKind.SUPER_MAJORITY):
        sentences.append(_TIE_SENTENCES[rule.ties])
    sentences.append(
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Quorum: at least {quorum_percent} of the eligible impact weight present "
            "when the ballot opens.",
        )
        if rule.quorum > 0
        else QT_TRANSLATE_NOOP("Decisions", "No quorum is required.")
    )
    return tuple(UserMessage(text, params) for text in sentences)


def _percent(share: Fraction) -> str:
    return f"{float(share * 100):.1f} %"


_KIND_SENTENCES = {
    RuleKind.SIMPLE_MAJORITY: QT_TRANSLATE_NOOP(
        "Decisions", "Weighted simple majority: passes when the yes weight exceeds the no weight."
    ),
    RuleKind.SUPER_MAJORITY: QT_TRANSLATE_NOOP(
        "Decisions",
        "Weighted super-majority: passes when the yes weight is at least {threshold} "
        "({threshold_percent}) of the counted weight.",
    ),
    RuleKind.CONSENSUS: QT_TRANSLATE_NOOP(
        "Decisions", "Consensus: passes unless someone blocks; a block states its reason."
    ),
    RuleKind.CONSENT: QT_TRANSLATE_NOOP(
        "Decisions", "Consent: passes unless a paramount objection is upheld."
    ),
    RuleKind.PLURALITY: QT_TRANSLATE_NOOP(
        "Decisions", "Weighted plurality: the option chosen with the most weight wins."
    ),
    RuleKind.APPROVAL: QT_TRANSLATE_NOOP(
        "Decisions", "Weighted approval: the option approved with the most weight wins."
    ),
    RuleKind.SCHULZE: QT_TRANSLATE_NOOP(
        "Decisions",
        "Weighted Schulze method on ranked ballots; options a ballot leaves unranked "
        "count as ranked below all it ranks, level with each other.",
    ),
    RuleKind.INSTANT_RUNOFF: QT_TRANSLATE_NOOP(
        "Decisions",
        "Weighted instant-runoff on ranked ballots: the weakest option is eliminated each "
        "round until one holds more than half the weight still in play; a ballot whose "
        "ranked options are all eliminated is exhausted.",
    ),
}

_ABSTENTION_SENTENCES = {
    AbstentionRule.NOT_COUNTED: QT_TRANSLATE_NOOP(
        "Decisions", "Abstentions count toward the quorum but not toward the counted weight."
    ),
    AbstentionRule.COUNT_AS_NO: QT_TRANSLATE_NOOP("Decisions", "Abstentions count as no."),
}

_TIE_SENTENCES = {
    TieRule.STATUS_QUO: QT_TRANSLATE_NOOP(
        "Decisions",
        "A tie keeps the status quo: a tied vote fails and tied options are not chosen; "
        "options tied for elimination in an instant-runoff round are eliminated together.",
    ),
    TieRule.CASTING_CHOICE: QT_TRANSLATE_NOOP(
        "Decisions", "The chair's casting choice breaks a tie."
    ),
    TieRule.LOT: QT_TRANSLATE_NOOP(
        "Decisions", "A tie is broken by lot, drawn from a recorded seed."
    ),
}
