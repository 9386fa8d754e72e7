"""The lot: reproducible from its seed, fair in shape, independent of listing order."""

from collections import Counter

from pareconapp.core.decisions import (
    DecisionRule,
    RuleKind,
    TieBreak,
    TieRule,
    draw_lot,
    new_lot_seed,
    tally_instant_runoff,
)


def test_a_draw_depends_on_seed_and_draw_number_not_on_listing_order() -> None:
    assert draw_lot(42, 0, ["A", "B", "C"]) == draw_lot(42, 0, ["C", "A", "B"])
    picks = Counter(draw_lot(seed, 0, "ABC") for seed in range(600))
    assert set(picks) == {"A", "B", "C"}
    assert all(150 < n < 250 for n in picks.values())  # roughly a third each
    assert len({draw_lot(7, draw, "ABCDEFGH") for draw in range(40)}) > 1


def test_new_seeds_differ() -> None:
    assert len({new_lot_seed() for _ in range(50)}) == 50


def test_each_tie_of_a_count_uses_the_next_draw() -> None:
    # Round 1: B, C, D tie for last; later rounds tie again. Each draw has its own number.
    ballots = [(3, ("A",)), (1, ("B",)), (1, ("C",)), (1, ("D",))]
    rule = DecisionRule(RuleKind.INSTANT_RUNOFF, ties=TieRule.LOT)
    result = tally_instant_runoff(rule, "ABCD", ballots, tie_break=TieBreak(lot_seed=99))
    draws = [tie.lot_draw for tie in result.ties]
    assert draws == list(range(len(draws)))
    assert len(draws) >= 1
    first = result.ties[0]
    assert first.chosen == (draw_lot(99, 0, first.tied),)
    assert result.winner == "A"
