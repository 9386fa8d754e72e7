"""Synthetic economies drawn like the DEP experiments, and next year's economy ("year two").

The distributions are those of the DEP experiment files (``dep1ex01.clj`` ... in the public
repository msszczep/pequod-cljs), read off ``dep1ex01.clj`` and the generators ``ccs.clj`` and
``wcs.clj`` of the same repository:

* consumer council: income 5000; every utility exponent (private and public goods) uniform on
  ``[z, 2z)`` with ``z = 0.5 / (private goods + public goods)`` (0.025 to 0.05 for 10 + 10);
* worker councils: spread evenly over every private, intermediate and public good; each uses
  1 to 4 intermediate goods, 1 or 2 natural resources and 1 or 2 labour types (uniform count,
  distinct goods drawn uniformly); each input's exponent uniform on ``[0.75/n, 0.85/n)`` with
  ``n`` its number of inputs; ``a`` uniform on [4, 6), ``c`` on [0.05, 0.1), ``du`` on [3, 4),
  ``s = 1``;
* 1000 of every natural resource and labour type per 3000 worker councils.

Year two follows csvgen.clj's ``augmented-reset``: each worker council's exponent grows by
one of 0, 0.001, 0.002, 0.003, 0.004 and each consumer council's exponent moves by one of
-0.002 ... 0.002, drawn uniformly.
"""

from __future__ import annotations

import numpy as np

from pareconapp.core.planning.economy import (
    DEP_RESOURCE_SUPPLY,
    ConsumerCouncils,
    Economy,
    WorkerTable,
    dep_resource_supply,
    group_workers,
    validate_economy,
)
from pareconapp.core.planning.goods import INDUSTRY_KINDS, GoodKind, GoodsLayout

DEP_INCOME = 5000.0
DEP_WORKER_COUNCILS = 3000
# (kind, fewest, most) inputs of each kind a worker council uses.
_INPUT_RANGES = ((GoodKind.INTERMEDIATE, 1, 4), (GoodKind.NATURE, 1, 2), (GoodKind.LABOUR, 1, 2))
_WORKER_NUDGES = np.array([0.0, 0.001, 0.002, 0.003, 0.004])
_CONSUMER_NUDGES = np.array([-0.002, -0.001, 0.0, 0.001, 0.002])


def generate_economy(
    seed: int,
    consumer_councils: int = 3000,
    worker_councils: int = 3000,
    layout: GoodsLayout | None = None,
    resource_supply: float | None = None,
) -> Economy:
    """A random economy drawn from the DEP experiments' distributions (module docstring).

    ``resource_supply`` is the supply of every natural resource and labour type; by default
    1000 per 3000 worker councils, so that economies of every size share the equilibrium
    prices of the DEP experiments (1000 for their 3000 councils).
    """
    layout = layout or GoodsLayout()
    rng = np.random.default_rng(seed)
    if resource_supply is None:
        resource_supply = DEP_RESOURCE_SUPPLY * worker_councils / DEP_WORKER_COUNCILS
    economy = Economy(
        layout=layout,
        consumers=_consumers(rng, consumer_councils, layout),
        worker_groups=group_workers(_workers(rng, worker_councils, layout)),
        resource_supply=dep_resource_supply(layout) * (resource_supply / DEP_RESOURCE_SUPPLY),
    )
    validate_economy(economy)
    return economy


def _consumers(rng: np.random.Generator, count: int, layout: GoodsLayout) -> ConsumerCouncils:
    private = layout.count(GoodKind.PRIVATE)
    public = layout.count(GoodKind.PUBLIC)
    low = 0.5 / (private + public)
    return ConsumerCouncils(
        income=np.full(count, DEP_INCOME),
        private_exponents=rng.uniform(low, 2 * low, size=(count, private)),
        public_exponents=rng.uniform(low, 2 * low, size=(count, public)),
    )


def _workers(rng: np.random.Generator, count: int, layout: GoodsLayout) -> WorkerTable:
    made = np.concatenate(
        [np.arange(layout.count(kind)) + layout.offset(kind) for kind in INDUSTRY_KINDS]
    )
    product = np.sort(made[np.arange(count) % made.size])
    chosen = [_choose_inputs(rng, count, layout, spec) for spec in _INPUT_RANGES]
    mask = np.concatenate([c[0] for c in chosen], axis=1)
    goods = np.concatenate([c[1] for c in chosen], axis=1)
    counts = mask.sum(axis=1)
    share = rng.uniform(0.75, 0.85, size=mask.shape) / counts[:, None]
    return WorkerTable(
        product=product.astype(np.int64),
        input_counts=counts.astype(np.int64),
        inputs=goods[mask].astype(np.int64),
        input_exponents=share[mask],
        productivity=rng.uniform(4.0, 6.0, count),
        effort_exponent=rng.uniform(0.05, 0.1, count),
        disutility_exponent=rng.uniform(3.0, 4.0, count),
        disutility_scale=np.ones(count),
    )


def _choose_inputs(
    rng: np.random.Generator, count: int, layout: GoodsLayout, spec: tuple[GoodKind, int, int]
) -> tuple[np.ndarray, np.ndarray]:
    """Which goods of ``kind`` each council uses: a mask and the goods, in ascending order."""
    kind, low, high = spec
    available = layout.count(kind)
    high = min(high, available)
    how_many = rng.integers(low, high + 1, size=count)
    # A random permutation per council; keep its first ``how_many`` goods, sorted.
    picks = np.argsort(rng.random((count, available)), axis=1)[:, :high]
    mask = np.arange(high)[None, :] < how_many[:, None]
    picks = np.where(mask, picks, available)
    picks = np.sort(picks, axis=1)
    mask = picks < available
    return mask, np.where(mask, picks, 0) + layout.offset(kind)


def next_year(economy: Economy, seed: int) -> Economy:
    """The economy a year later: every exponent nudged as csvgen.clj's ``augmented-reset``."""
    rng = np.random.default_rng(seed)
    consumers = economy.consumers
    nudged = ConsumerCouncils(
        income=consumers.income,
        private_exponents=consumers.private_exponents
        + rng.choice(_CONSUMER_NUDGES, consumers.private_exponents.shape),
        public_exponents=consumers.public_exponents
        + rng.choice(_CONSUMER_NUDGES, consumers.public_exponents.shape),
    )
    groups = tuple(
        group.with_input_exponents(
            group.input_exponents + rng.choice(_WORKER_NUDGES, group.input_exponents.shape)
        )
        for group in economy.worker_groups
    )
    following = Economy(economy.layout, nudged, groups, economy.resource_supply)
    validate_economy(following)
    return following
