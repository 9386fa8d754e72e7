"""Synthetic economies follow the DEP experiments' distributions; year two nudges them."""

from __future__ import annotations

import numpy as np

from pareconapp.core.planning import (
    Economy,
    GoodKind,
    GoodsLayout,
    generate_economy,
    next_year,
    worker_table,
)


def test_same_seed_same_economy_and_the_requested_sizes() -> None:
    a = generate_economy(seed=7, consumer_councils=120, worker_councils=90)
    b = generate_economy(seed=7, consumer_councils=120, worker_councils=90)
    c = generate_economy(seed=8, consumer_councils=120, worker_councils=90)
    assert (a.consumer_count, a.worker_count) == (120, 90)
    np.testing.assert_array_equal(a.consumers.private_exponents, b.consumers.private_exponents)
    assert not np.array_equal(a.consumers.private_exponents, c.consumers.private_exponents)
    np.testing.assert_allclose(a.resource_supply, 1000 * 90 / 3000)


def test_distributions_match_the_dep_experiment(small_economy: Economy) -> None:
    consumers = small_economy.consumers
    assert np.all(consumers.income == 5000)
    for exponents in (consumers.private_exponents, consumers.public_exponents):
        assert exponents.min() >= 0.025 and exponents.max() < 0.05
    table = worker_table(small_economy.worker_groups)
    assert np.all((table.productivity >= 4) & (table.productivity < 6))
    assert np.all((table.effort_exponent >= 0.05) & (table.effort_exponent < 0.1))
    assert np.all((table.disutility_exponent >= 3) & (table.disutility_exponent < 4))
    assert np.all(table.disutility_scale == 1)
    assert set(np.unique(table.input_counts)) <= set(range(3, 9))
    layout = small_economy.layout
    for group in small_economy.worker_groups:
        share = group.input_exponents * group.input_count
        assert share.min() >= 0.75 and share.max() < 0.85
        for kind, most in ((GoodKind.INTERMEDIATE, 4), (GoodKind.NATURE, 2), (GoodKind.LABOUR, 2)):
            span = layout.span(kind)
            used = ((group.inputs >= span.start) & (group.inputs < span.stop)).sum(axis=1)
            assert used.min() >= 1 and used.max() <= most
    # Every private, intermediate and public good has 300 / 30 = 10 makers.
    makers = np.bincount(table.product, minlength=layout.total)
    for kind in (GoodKind.PRIVATE, GoodKind.INTERMEDIATE, GoodKind.PUBLIC):
        assert set(makers[layout.span(kind)]) == {10}


def test_generated_economy_with_more_goods() -> None:
    economy = generate_economy(
        seed=1,
        consumer_councils=50,
        worker_councils=300,
        layout=GoodsLayout(100, 100, 100, 100, 100),
    )
    assert economy.layout.total == 500
    assert economy.consumers.private_exponents.shape == (50, 100)


def test_next_year_nudges_exponents_like_csvgen(small_economy: Economy) -> None:
    following = next_year(small_economy, seed=4)
    consumer_nudge = (
        following.consumers.private_exponents - small_economy.consumers.private_exponents
    )
    assert set(np.round(np.unique(consumer_nudge), 6)) <= {-0.002, -0.001, 0.0, 0.001, 0.002}
    before = worker_table(small_economy.worker_groups).input_exponents
    after = worker_table(following.worker_groups).input_exponents
    assert set(np.round(np.unique(after - before), 6)) == {0.0, 0.001, 0.002, 0.003, 0.004}
