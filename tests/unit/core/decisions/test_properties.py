"""Properties every weighted rule must have (hypothesis).

- With equal weights each weighted rule equals its ordinary unweighted form; the unweighted
  forms are written out below, simply, by counting heads.
- Multiplying every weight by the same constant changes nothing but the weights shown.
- Adding a voter of weight 0 changes nothing.
- Schulze elects the (weighted) Condorcet winner whenever there is one. Instant-runoff does
  not always (see Burlington 2009 in test_ranked.py); it does elect an option holding a
  majority of first preferences, which is checked instead.
"""

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pareconapp.core.decisions import (
    AbstentionRule,
    Choice,
    ConsensusStance,
    ConsensusVote,
    ConsentStance,
    ConsentVote,
    DecisionResult,
    DecisionRule,
    Outcome,
    RuleKind,
    TieBreak,
    TieRule,
    YesNo,
    tally,
)

OPTIONS = ("A", "B", "C", "D")
Ranking = tuple[str, ...]
SETTINGS = settings(max_examples=25, deadline=None)

weights = st.fractions(min_value=Fraction(1, 12), max_value=Fraction(3), max_denominator=12)
rankings = st.permutations(OPTIONS).flatmap(
    lambda order: st.integers(0, len(order)).map(lambda k: tuple(order[:k]))
)
CHOICES: dict[RuleKind, st.SearchStrategy[Choice]] = {
    RuleKind.SIMPLE_MAJORITY: st.sampled_from(YesNo),
    RuleKind.SUPER_MAJORITY: st.sampled_from(YesNo),
    RuleKind.CONSENSUS: st.sampled_from(
        [
            ConsensusVote(ConsensusStance.AGREE),
            ConsensusVote(ConsensusStance.STAND_ASIDE),
            ConsensusVote(ConsensusStance.BLOCK, "a reason"),
        ]
    ),
    RuleKind.CONSENT: st.sampled_from(
        [
            ConsentVote(ConsentStance.CONSENT),
            ConsentVote(ConsentStance.ABSTAIN),
            ConsentVote(ConsentStance.OBJECT, "a reason", upheld=False),
            ConsentVote(ConsentStance.OBJECT, "a reason", upheld=True),
            ConsentVote(ConsentStance.OBJECT, "a reason"),
        ]
    ),
    RuleKind.PLURALITY: st.sampled_from((*OPTIONS, None)),
    RuleKind.APPROVAL: st.frozensets(st.sampled_from(OPTIONS)),
    RuleKind.SCHULZE: rankings,
    RuleKind.INSTANT_RUNOFF: rankings,
}


@st.composite
def rules(draw: st.DrawFn, kind: RuleKind) -> DecisionRule:
    threshold = None
    if kind is RuleKind.SUPER_MAJORITY:
        threshold = draw(st.fractions(min_value=Fraction(1, 5), max_value=1, max_denominator=5))
    return DecisionRule(
        kind,
        threshold=threshold,
        abstentions=draw(st.sampled_from(AbstentionRule)),
        ties=draw(st.sampled_from([TieRule.STATUS_QUO, TieRule.CASTING_CHOICE])),
    )


@st.composite
def cases(draw: st.DrawFn, kind: RuleKind) -> tuple[DecisionRule, list[Choice], TieBreak]:
    rule = draw(rules(kind))
    # Few voters, so that ties (and the tie rules) come up often.
    choices = draw(st.lists(CHOICES[rule.kind], max_size=draw(st.sampled_from([4, 8, 14]))))
    order = draw(st.permutations(OPTIONS if rule.kind.chooses_alternative else ("yes", "no")))
    return rule, choices, TieBreak(tuple(order))


# --- unweighted reference forms: one voter, one vote ------------------------------------


def reference(
    rule: DecisionRule, choices: list[Choice], order: Sequence[str]
) -> tuple[Outcome, str | None]:
    kind = rule.kind
    if kind.is_yes_no:
        return ref_yes_no(rule, Counter(choices), order), None
    if kind is RuleKind.CONSENSUS:
        blocked = any(c.stance is ConsensusStance.BLOCK for c in choices)  # type: ignore[union-attr]
        return (Outcome.FAILED if blocked else Outcome.PASSED), None
    if kind is RuleKind.CONSENT:
        rulings = [c.upheld for c in choices if c.stance is ConsentStance.OBJECT]  # type: ignore[union-attr]
        if True in rulings:
            return Outcome.FAILED, None
        return (Outcome.PENDING if None in rulings else Outcome.PASSED), None
    if kind is RuleKind.PLURALITY:
        return ref_most(rule, Counter(c for c in choices if c is not None), order)  # type: ignore[misc]
    if kind is RuleKind.APPROVAL:
        return ref_most(rule, Counter(o for c in choices for o in c), order)  # type: ignore[union-attr]
    if kind is RuleKind.SCHULZE:
        return ref_schulze(rule, choices, order)  # type: ignore[arg-type]
    return ref_irv(rule, choices, order)  # type: ignore[arg-type]


def ref_yes_no(rule: DecisionRule, votes: Counter[Choice], order: Sequence[str]) -> Outcome:
    yes, no, abstain = votes[YesNo.YES], votes[YesNo.NO], votes[YesNo.ABSTAIN]
    counted = yes + no + (abstain if rule.abstentions is AbstentionRule.COUNT_AS_NO else 0)
    if counted == 0:
        return Outcome.FAILED
    if rule.kind is RuleKind.SUPER_MAJORITY:
        return Outcome.PASSED if yes >= rule.threshold * counted else Outcome.FAILED  # type: ignore[operator]
    if 2 * yes != counted:
        return Outcome.PASSED if 2 * yes > counted else Outcome.FAILED
    casting_yes = rule.ties is TieRule.CASTING_CHOICE and order[0] == "yes"
    return Outcome.PASSED if casting_yes else Outcome.FAILED


def ref_pick(
    rule: DecisionRule, tied: list[str], order: Sequence[str]
) -> tuple[Outcome, str | None]:
    if len(tied) == 1:
        return Outcome.PASSED, tied[0]
    if rule.ties is TieRule.STATUS_QUO:
        return Outcome.FAILED, None
    return Outcome.PASSED, min(tied, key=order.index)


def ref_most(
    rule: DecisionRule, votes: Counter[str], order: Sequence[str]
) -> tuple[Outcome, str | None]:
    if not votes:
        return Outcome.FAILED, None
    top = max(votes.values())
    return ref_pick(rule, [o for o in OPTIONS if votes[o] == top], order)


def ref_schulze(
    rule: DecisionRule, ballots: list[Ranking], order: Sequence[str]
) -> tuple[Outcome, str | None]:
    if not any(ballots):
        return Outcome.FAILED, None

    def above(ballot: Ranking, x: str, y: str) -> bool:
        return x in ballot and (y not in ballot or ballot.index(x) < ballot.index(y))

    d = {(x, y): sum(above(b, x, y) for b in ballots) for x in OPTIONS for y in OPTIONS}
    p = {(x, y): d[x, y] if d[x, y] > d[y, x] else 0 for x in OPTIONS for y in OPTIONS if x != y}
    for k in OPTIONS:
        for i in OPTIONS:
            for j in OPTIONS:
                if len({i, j, k}) == 3:
                    p[i, j] = max(p[i, j], min(p[i, k], p[k, j]))
    winners = [x for x in OPTIONS if all(p[x, y] >= p[y, x] for y in OPTIONS if y != x)]
    return ref_pick(rule, winners, order)


def ref_irv(
    rule: DecisionRule, ballots: list[Ranking], order: Sequence[str]
) -> tuple[Outcome, str | None]:
    left = list(OPTIONS)
    while True:
        firsts = Counter(next(o for o in b if o in left) for b in ballots if set(b) & set(left))
        in_play = sum(firsts.values())
        if in_play == 0:
            return Outcome.FAILED, None
        leader = max(left, key=lambda o: firsts[o])
        if 2 * firsts[leader] > in_play:
            return Outcome.PASSED, leader
        least = min(firsts[o] for o in left)
        last = [o for o in left if firsts[o] == least]
        if len(last) == len(left):
            return ref_pick(rule, last, order)
        if rule.ties is TieRule.STATUS_QUO:
            left = [o for o in left if o not in last]
        else:
            left.remove(max(last, key=order.index))


# --- properties -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(RuleKind))
@SETTINGS
@given(data=st.data(), weight=weights)
def test_equal_weights_give_the_unweighted_result(
    kind: RuleKind, data: st.DataObject, weight: Fraction
) -> None:
    rule, choices, tie_break = data.draw(cases(kind))
    result = tally(rule, [(weight, c) for c in choices], OPTIONS, tie_break=tie_break)
    expected = reference(rule, choices, tie_break.casting_order)
    assert (result.outcome, result.winner) == expected


@pytest.mark.parametrize("kind", list(RuleKind))
@SETTINGS
@given(
    data=st.data(),
    factor=st.fractions(min_value=Fraction(1, 7), max_value=Fraction(9), max_denominator=7),
)
def test_scaling_every_weight_changes_nothing(
    kind: RuleKind, data: st.DataObject, factor: Fraction
) -> None:
    rule, choices, tie_break = data.draw(cases(kind))
    ballots = [(data.draw(weights), c) for c in choices]
    plain = tally(rule, ballots, OPTIONS, tie_break=tie_break)
    scaled = tally(rule, [(w * factor, c) for w, c in ballots], OPTIONS, tie_break=tie_break)
    assert scaled == rescaled(plain, factor)


@pytest.mark.parametrize("kind", list(RuleKind))
@SETTINGS
@given(data=st.data())
def test_a_voter_of_weight_zero_changes_nothing(kind: RuleKind, data: st.DataObject) -> None:
    rule, choices, tie_break = data.draw(cases(kind))
    ballots: list[tuple[Fraction, Choice]] = [(data.draw(weights), c) for c in choices]
    before = tally(rule, ballots, OPTIONS, tie_break=tie_break)
    where = data.draw(st.integers(0, len(ballots)))
    ballots.insert(where, (Fraction(0), data.draw(CHOICES[rule.kind])))
    assert tally(rule, ballots, OPTIONS, tie_break=tie_break) == before


weighted_rankings = st.lists(st.tuples(weights, rankings), min_size=1, max_size=14)


def condorcet_winner(ballots: list[tuple[Fraction, Ranking]]) -> str | None:
    def weight_above(x: str, y: str) -> Fraction:
        return sum(
            (w for w, b in ballots if x in b and (y not in b or b.index(x) < b.index(y))),
            Fraction(0),
        )

    for x in OPTIONS:
        if all(weight_above(x, y) > weight_above(y, x) for y in OPTIONS if y != x):
            return x
    return None


@settings(max_examples=60, deadline=None)
@given(weighted_rankings)
def test_schulze_elects_the_weighted_condorcet_winner(
    ballots: list[tuple[Fraction, Ranking]],
) -> None:
    winner = condorcet_winner(ballots)
    if winner is not None:
        assert tally(DecisionRule(RuleKind.SCHULZE), ballots, OPTIONS).winner == winner


@settings(max_examples=60, deadline=None)
@given(weighted_rankings)
def test_instant_runoff_elects_a_first_preference_majority(
    ballots: list[tuple[Fraction, Ranking]],
) -> None:
    firsts: Counter[str] = Counter()
    for w, b in ballots:
        if b:
            firsts[b[0]] += w  # type: ignore[assignment]
    leader, most = max(firsts.items(), key=lambda item: item[1], default=("", 0))
    if 2 * most > sum(firsts.values()):
        assert tally(DecisionRule(RuleKind.INSTANT_RUNOFF), ballots, OPTIONS).winner == leader


# --- helpers ----------------------------------------------------------------------------


def rescaled(result: DecisionResult, factor: Fraction) -> DecisionResult:
    """``result`` with every weight in it multiplied by ``factor`` (via its stored form)."""
    return DecisionResult.from_dict(scale_weights(result.to_dict(), factor))  # type: ignore[arg-type]


WEIGHT_KEYS = {"weight", "required_weight"}


def scale_weights(data: object, factor: Fraction, key: str = "") -> object:
    if isinstance(data, dict):
        return {k: scale_weights(v, factor, k) for k, v in data.items()}
    if isinstance(data, list):
        return [scale_weights(v, factor, key) for v in data]
    scalable = key in WEIGHT_KEYS or key in ("preferences", "strongest_paths")
    if isinstance(data, str) and scalable:
        return str(Fraction(data) * factor)
    return data
