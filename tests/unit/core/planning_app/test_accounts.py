"""SB, SC and SB/SC of worker councils; consumer councils' budgets and members' allowances."""

from __future__ import annotations

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.planning_exchange.accounts import (
    Line,
    check_consumer_lines,
    check_worker_lines,
    consumer_account,
    consumer_cost,
    line_changes,
    worker_account,
)
from pareconapp.core.planning_exchange.catalogue import (
    Good,
    GoodCategory,
    check_code,
    make_catalogue,
)

PRICES = {"bread": 4.0, "park": 900.0, "flour": 2.0, "land": 50.0, "labour": 20.0}


def test_sb_sc_and_their_ratio() -> None:
    # 100 loaves at 4 = 400; 60 kg flour at 2 + 10 h at 20 = 320
    account = worker_account(
        [Line("bread", 100), Line("flour", 0, 60), Line("labour", 0, 10)], PRICES
    )
    assert account.benefit == 400
    assert account.cost == 320
    assert account.ratio == pytest.approx(1.25)
    assert not account.below_one


def test_a_ratio_below_one_is_flagged() -> None:
    account = worker_account([Line("bread", 50), Line("labour", 0, 11)], PRICES)
    assert account.ratio == pytest.approx(200 / 220)
    assert account.below_one
    assert not worker_account([Line("bread", 55), Line("labour", 0, 11)], PRICES).below_one


def test_pollutants_are_a_cost() -> None:
    prices = {**PRICES, "co2": 30.0}
    account = worker_account([Line("bread", 100), Line("co2", 0, 5)], prices)
    assert account.cost == 150


def test_no_inputs_has_no_ratio() -> None:
    assert worker_account([Line("bread", 1)], PRICES).ratio is None


def test_a_public_good_costs_a_share_of_its_price(catalogue) -> None:
    # 3 loaves at 4 and a park at 900 shared by 3 councils: 12 + 300
    cost = consumer_cost([Line("bread", 0, 3), Line("park", 0, 1)], PRICES, catalogue, 3)
    assert cost == pytest.approx(312)


def test_members_against_allowances_and_the_council_against_its_budget(catalogue) -> None:
    account = consumer_account(
        member_requests={1: [Line("bread", 0, 50)], 2: [Line("bread", 0, 20)]},
        names={1: "Ana", 2: "Bilal"},
        allowances={1: 150.0, 2: 100.0},
        collective=[Line("park", 0, 1)],
        budget=450.0,
        prices=PRICES,
        catalogue=catalogue,
        consumer_councils=3,
    )
    assert [m.name for m in account.members_over] == ["Ana"]  # 200 > 150
    assert account.members_cost == 280
    assert account.collective_cost == 300
    assert account.total_cost == 580
    assert account.over_budget
    assert not consumer_account(
        {}, {}, {}, [Line("park", 0, 1)], 300.0, PRICES, catalogue, 3
    ).over_budget


def test_a_member_without_allowance_is_not_over(catalogue) -> None:
    account = consumer_account(
        {1: [Line("bread", 0, 500)]}, {1: "Ana"}, {}, [], None, PRICES, catalogue, 3
    )
    assert not account.members[0].over
    assert not account.over_budget


def test_worker_lines_offer_products_and_use_inputs(catalogue) -> None:
    check_worker_lines([Line("bread", 10), Line("flour", 0, 5), Line("land", 0, 1)], catalogue)
    with pytest.raises(UserError, match="cannot offer"):
        check_worker_lines([Line("labour", 10)], catalogue)
    with pytest.raises(UserError, match="cannot ask for"):
        check_worker_lines([Line("bread", 0, 10)], catalogue)
    with pytest.raises(UserError, match="twice"):
        check_worker_lines([Line("bread", 10), Line("bread", 5)], catalogue)
    with pytest.raises(UserError, match="at least 0"):
        check_worker_lines([Line("bread", -1)], catalogue)
    with pytest.raises(UserError, match="catalogue"):
        check_worker_lines([Line("cake", 1)], catalogue)


def test_consumer_lines_ask_for_final_goods(catalogue) -> None:
    check_consumer_lines([Line("bread", 0, 1), Line("park", 0, 1)], catalogue)
    with pytest.raises(UserError, match="consumer councils ask only"):
        check_consumer_lines([Line("flour", 0, 1)], catalogue)
    with pytest.raises(UserError, match="consumer councils ask only"):
        check_consumer_lines([Line("park", 0, 1)], catalogue, private_only=True)


def test_changes_from_the_last_round() -> None:
    changes = line_changes(
        [Line("bread", 110), Line("labour", 0, 10)],
        [Line("bread", 100), Line("labour", 0, 10), Line("flour", 0, 5)],
    )
    assert [(c.good, c.changed) for c in changes] == [
        ("bread", True),
        ("labour", False),
        ("flour", True),
    ]
    assert changes[2].demanded_now == 0


def test_codes_and_catalogues_are_checked() -> None:
    assert check_code("steel-tubing.2", "x") == "steel-tubing.2"
    for bad in ("", "Steel", "-x", "a b", "x\n", "é"):
        with pytest.raises(UserError):
            check_code(bad, "code")
    with pytest.raises(UserError, match="twice"):
        make_catalogue([Good("a", "A", GoodCategory.PRIVATE), Good("a", "B", GoodCategory.PUBLIC)])
    with pytest.raises(UserError, match="needs a name"):
        make_catalogue([Good("a", " ", GoodCategory.PRIVATE)])
