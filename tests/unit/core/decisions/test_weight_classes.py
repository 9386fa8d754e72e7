"""Weight classes for secret ballots: sizes, warnings and merge proposals."""

from fractions import Fraction

from pareconapp.core.decisions import (
    SECRECY_MINIMUM,
    propose_class_merges,
    small_class_warnings,
    weight_classes,
)


def test_classes_group_members_sharing_a_weight() -> None:
    weights: dict[str, Fraction | int] = {
        "ana": Fraction(1, 5),
        "ben": Fraction(1, 5),
        "cai": Fraction(1, 10),
        "dee": Fraction(1, 2),
        "eve": 0,
    }
    classes = weight_classes(weights)
    assert [(c.weight, c.size) for c in classes] == [
        (Fraction(1, 2), 1),
        (Fraction(1, 5), 2),
        (Fraction(1, 10), 1),
    ]
    assert classes[1].members == {"ana", "ben"}
    assert all("eve" not in c.members for c in classes)


def test_classes_under_three_members_are_warned_about() -> None:
    weights = {m: Fraction(1, 8) for m in "abcdefgh"}
    assert small_class_warnings(weight_classes(weights)) == ()
    weights = {"a": Fraction(1, 2), "b": Fraction(1, 6), "c": Fraction(1, 6), "d": Fraction(1, 6)}
    (warning,) = small_class_warnings(weight_classes(weights))
    assert (warning.weight, warning.size, warning.minimum) == (Fraction(1, 2), 1, SECRECY_MINIMUM)
    assert "Only 1 eligible member(s) share the weight 1/2" in str(warning.message)


def test_merging_joins_a_small_class_to_the_nearest_and_keeps_the_total() -> None:
    weights = {m: Fraction(1, 20) for m in "abcdefgh"}  # 8 x 1/20 = 2/5
    weights |= {"i": Fraction(1, 5), "j": Fraction(1, 5)}  # 2 x 1/5 = 2/5
    weights |= {"k": Fraction(1, 10), "l": Fraction(1, 10)}  # 2 x 1/10 = 1/5
    assert sum(weights.values()) == 1
    proposal = propose_class_merges(weights)
    # Both pairs are small; 1/10 goes first (lighter), into 1/20 (0.05 away) rather than
    # 1/5 (0.1 away): 10 members share 1/2, i.e. 1/20 each - then 1/5 joins them too.
    assert sum(proposal.weights.values()) == 1
    assert proposal.warnings == ()
    assert all(c.size >= SECRECY_MINIMUM for c in proposal.classes)
    (merge,) = proposal.merges
    assert merge.size == 12
    assert merge.weight == Fraction(1, 12)
    assert merge.sources == ((Fraction(1, 5), 2), (Fraction(1, 10), 2), (Fraction(1, 20), 8))


def test_merging_stops_as_soon_as_every_class_is_big_enough() -> None:
    weights = (
        {m: Fraction(1, 12) for m in "abcd"}
        | {m: Fraction(2, 15) for m in "efg"}
        | {"h": Fraction(4, 15)}
    )
    assert sum(weights.values()) == 1
    proposal = propose_class_merges(weights)
    # h (4/15) joins the nearest class, e, f, g (2/15): the four share 1/6 each; a-d stay.
    assert [(c.weight, c.size) for c in proposal.classes] == [
        (Fraction(1, 6), 4),
        (Fraction(1, 12), 4),
    ]
    assert proposal.weights["a"] == Fraction(1, 12)


def test_too_few_members_for_any_secret_still_warns_after_merging() -> None:
    proposal = propose_class_merges({"a": Fraction(2, 3), "b": Fraction(1, 3)})
    assert [(c.weight, c.size) for c in proposal.classes] == [(Fraction(1, 2), 2)]
    assert len(proposal.warnings) == 1


def test_no_merges_are_proposed_when_none_are_needed() -> None:
    weights = {m: Fraction(1, 6) for m in "abcdef"}
    proposal = propose_class_merges(weights)
    assert proposal.merges == ()
    assert dict(proposal.weights) == weights
