"""Self-management decisions: impact weights, decision rules, tallies and their records.

Pure logic, no Qt and no database: plain frozen dataclasses and functions.

- :mod:`.impact` - impact assessment: impacts from levels, groups, declarations, hours or
  consumption; normalised to weights summing to 1 with a floor and a cap.
- :mod:`.weight_classes` - weight classes for secret ballots, small-class warnings, merges.
- :mod:`.rules` - :class:`DecisionRule` (rule, abstentions, ties, quorum), :class:`TieBreak`,
  :class:`Attendance`.
- :mod:`.ballots` - what a ballot holds for each rule: a ``(weight, choice)`` pair.
- :mod:`.tally` - :func:`tally` counts any rule; each rule also has its own function:
  :mod:`.yes_no`, :mod:`.consensus`, :mod:`.alternatives`, :mod:`.schulze`,
  :mod:`.instant_runoff`.
- :mod:`.results` - :class:`DecisionResult` and its parts, with ``to_dict``/``from_dict``.
- :mod:`.receipts` - receipt codes (off by default: they allow coercion).
- :mod:`.audit` - the hash-chained log and its check.
"""

from pareconapp.core.canonical import canonical_json
from pareconapp.core.decisions.alternatives import tally_approval, tally_plurality
from pareconapp.core.decisions.audit import (
    GENESIS_HASH,
    AuditEntry,
    BreakKind,
    ChainBreak,
    append_entry,
    entry_hash,
    verify_chain,
)
from pareconapp.core.decisions.ballots import (
    Ballot,
    Choice,
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    YesNo,
    choice_from_json,
    choice_to_json,
)
from pareconapp.core.decisions.consensus import tally_consensus, tally_consent
from pareconapp.core.decisions.impact import (
    DEFAULT_LEVEL_VALUES,
    GroupOverlap,
    ImpactLevel,
    ImpactWeights,
    assess_impact,
    combine_impacts,
    consumption_of_goods,
    hours_on_tasks,
    impacts_from_declarations,
    impacts_from_groups,
    impacts_from_levels,
    impacts_from_quantities,
)
from pareconapp.core.decisions.instant_runoff import tally_instant_runoff
from pareconapp.core.decisions.receipts import (
    RECEIPT_SETTING_WARNING,
    RECEIPTS_BY_DEFAULT,
    format_receipt_code,
    new_receipt_code,
    parse_receipt_code,
)
from pareconapp.core.decisions.results import (
    Block,
    ClassTally,
    Count,
    DecisionResult,
    Objection,
    OptionCount,
    Outcome,
    PairwiseTable,
    QuorumCheck,
    RunoffRound,
    TieRecord,
    TieStage,
)
from pareconapp.core.decisions.rules import (
    NO_TIE_BREAK,
    AbstentionRule,
    Attendance,
    DecisionRule,
    RuleKind,
    TieBreak,
    TieRule,
    describe_rule,
)
from pareconapp.core.decisions.schulze import tally_schulze
from pareconapp.core.decisions.tally import tally
from pareconapp.core.decisions.ties import draw_lot, new_lot_seed
from pareconapp.core.decisions.weight_classes import (
    SECRECY_MINIMUM,
    ClassMerge,
    ClassMergeProposal,
    SmallClassWarning,
    WeightClass,
    propose_class_merges,
    small_class_warnings,
    weight_classes,
)
from pareconapp.core.decisions.yes_no import tally_yes_no

__all__ = [
    "DEFAULT_LEVEL_VALUES",
    "GENESIS_HASH",
    "NO_TIE_BREAK",
    "RECEIPTS_BY_DEFAULT",
    "RECEIPT_SETTING_WARNING",
    "SECRECY_MINIMUM",
    "AbstentionRule",
    "Attendance",
    "AuditEntry",
    "Ballot",
    "Block",
    "BreakKind",
    "ChainBreak",
    "Choice",
    "ClassMerge",
    "ClassMergeProposal",
    "ClassTally",
    "ConsensusStance",
    "ConsensusVote",
    "ConsentStance",
    "ConsentVote",
    "Count",
    "DecisionResult",
    "DecisionRule",
    "GroupOverlap",
    "ImpactLevel",
    "ImpactWeights",
    "Objection",
    "OptionCount",
    "Outcome",
    "PairwiseTable",
    "QuorumCheck",
    "RuleKind",
    "RunoffRound",
    "SmallClassWarning",
    "TieBreak",
    "TieRecord",
    "TieRule",
    "TieStage",
    "WeightClass",
    "YesNo",
    "append_entry",
    "assess_impact",
    "canonical_json",
    "choice_from_json",
    "choice_to_json",
    "combine_impacts",
    "consumption_of_goods",
    "describe_rule",
    "draw_lot",
    "entry_hash",
    "format_receipt_code",
    "hours_on_tasks",
    "impacts_from_declarations",
    "impacts_from_groups",
    "impacts_from_levels",
    "impacts_from_quantities",
    "new_lot_seed",
    "new_receipt_code",
    "parse_receipt_code",
    "propose_class_merges",
    "small_class_warnings",
    "tally",
    "tally_approval",
    "tally_consensus",
    "tally_consent",
    "tally_instant_runoff",
    "tally_plurality",
    "tally_schulze",
    "tally_yes_no",
    "verify_chain",
    "weight_classes",
]
