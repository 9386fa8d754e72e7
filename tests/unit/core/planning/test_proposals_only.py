"""The improved rules run on what the IFB sees: prices and the proposals councils sent."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

import pareconapp.core.planning.ifb as ifb_module
import pareconapp.core.planning.price_rules as rules_module
from pareconapp.core.planning import (
    Economy,
    NewtonRule,
    Proposal,
    SecantRule,
    council_proposals,
    plan_totals,
    totals_from_proposals,
)


def imported_modules(module: ModuleType) -> set[str]:
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", [rules_module, ifb_module])
def test_rules_and_ifb_do_not_import_the_council_model(module: ModuleType) -> None:
    council_internals = {
        "pareconapp.core.planning.economy",
        "pareconapp.core.planning.proposals",
        "pareconapp.core.planning.generate",
        "pareconapp.core.planning.economy_files",
        "pareconapp.core.planning.pequod_edn",
        "pareconapp.core.planning.simulation",
    }
    assert not imported_modules(module) & council_internals


def hand_made_round() -> list[Proposal]:
    """Two goods: bread (0) and labour (1, 100 hours available).

    A consumer council asks for 12 loaves (and would ask 1 % less per 1 % dearer bread); a
    worker council offers 10 loaves for 80 hours of labour, and reports that 1 % dearer bread
    would raise its offer by 4 % and its labour request by 5 %, while 1 % dearer labour would
    cut them by 3 % and 4 %.
    """
    consumer = Proposal(
        np.array([0]), np.array([0.0]), np.array([12.0]), np.zeros((1, 1)), np.array([[-12.0]])
    )
    worker = Proposal(
        goods=np.array([0, 1]),
        supplied=np.array([10.0, 0.0]),
        demanded=np.array([0.0, 80.0]),
        supply_response=np.array([[40.0, -30.0], [0.0, 0.0]]),
        demand_response=np.array([[0.0, 0.0], [400.0, -320.0]]),
    )
    return [consumer, worker]


def test_newton_rule_runs_on_hand_made_proposals() -> None:
    totals = totals_from_proposals(2, hand_made_round(), fixed_supply=np.array([0.0, 100.0]))
    np.testing.assert_allclose(totals.supply, [10, 100])
    np.testing.assert_allclose(totals.demand, [12, 80])
    rule = NewtonRule()
    prices, _ = rule.next_prices(np.array([10.0, 5.0]), totals, rule.initial_state(2))
    # J = [[-1 - 4, 3], [5, -4]], gap = ln(12 / 10), ln(80 / 100): solve J dx = -gap.
    jacobian = np.array([[-5.0, 3.0], [5.0, -4.0]])
    step = np.linalg.solve(jacobian, -np.log([1.2, 0.8]))
    np.testing.assert_allclose(prices, [10.0, 5.0] * np.exp(step), rtol=1e-12)
    assert prices[0] > 10.0  # bread was short


def test_secant_rule_runs_on_totals_without_responses() -> None:
    proposals = [Proposal(p.goods, p.supplied, p.demanded) for p in hand_made_round()]
    totals = totals_from_proposals(2, proposals, fixed_supply=np.array([0.0, 100.0]))
    assert not totals.has_responses
    rule = SecantRule()
    prices, state = rule.next_prices(np.array([10.0, 5.0]), totals, rule.initial_state(2))
    # The starting estimate moves the price level by mean gap / 0.5 and relative prices by
    # (gap - mean gap) / 6.
    gap = np.log([12 / 10, 80 / 100])
    step = gap.mean() / 0.5 + (gap - gap.mean()) / 6
    np.testing.assert_allclose(prices, [10.0, 5.0] * np.exp(step), rtol=1e-12)
    assert set(state) == {"response", "log_prices", "log_gap"}


def test_proposals_one_by_one_add_up_to_the_simulated_totals(small_economy: Economy) -> None:
    prices = np.random.default_rng(5).uniform(500, 900, small_economy.layout.total)
    simulated = plan_totals(small_economy, prices, responses=True)
    sent = totals_from_proposals(
        small_economy.layout.total,
        council_proposals(small_economy, prices),
        fixed_supply=small_economy.fixed_supply(),
    )
    for field in ("supply", "demand", "supply_response", "demand_response"):
        np.testing.assert_allclose(
            getattr(sent, field), getattr(simulated, field), rtol=1e-10, atol=1e-9
        )
    rule = NewtonRule()
    state = rule.initial_state(prices.size)
    np.testing.assert_allclose(
        rule.next_prices(prices, sent, state)[0],
        rule.next_prices(prices, simulated, state)[0],
        rtol=1e-9,
    )


def test_reported_responses_are_the_true_price_responses(small_economy: Economy) -> None:
    prices = np.random.default_rng(6).uniform(500, 900, small_economy.layout.total)
    totals = plan_totals(small_economy, prices, responses=True)
    assert totals.supply_response is not None and totals.demand_response is not None
    for good in (0, 12, 25, 33, 45):
        nudged = prices.copy()
        nudged[good] *= np.exp(1e-6)
        moved = plan_totals(small_economy, nudged)
        np.testing.assert_allclose(
            (moved.supply - totals.supply) / 1e-6,
            totals.supply_response[:, good],
            rtol=1e-4,
            atol=1e-4,
        )
        np.testing.assert_allclose(
            (moved.demand - totals.demand) / 1e-6,
            totals.demand_response[:, good],
            rtol=1e-4,
            atol=1e-4,
        )
