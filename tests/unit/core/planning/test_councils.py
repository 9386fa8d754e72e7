"""Consumer demand and worker-council choice: hand-computed values and csvgen's closed forms."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from pareconapp.core.planning import (
    ConsumerCouncils,
    Economy,
    GoodKind,
    GoodsLayout,
    PublishedTrajectory,
    WorkerGroup,
    consumer_requests,
    start_prices,
    worker_proposals,
)

ClosedForm = Callable[..., tuple[list[float], float]]
LAYOUT = GoodsLayout(private=2, intermediate=1, nature=1, labour=1, public=1)


def one_worker(b: list[float], a: float, c: float, du: float, s: float = 1.0) -> WorkerGroup:
    """A group of one council making private good 1 from the first len(b) non-private goods."""
    return WorkerGroup(
        council_numbers=np.array([0]),
        product=np.array([0]),
        inputs=np.arange(len(b))[None, :] + 2,
        input_exponents=np.array([b]),
        productivity=np.array([a]),
        effort_exponent=np.array([c]),
        disutility_exponent=np.array([du]),
        disutility_scale=np.array([s]),
    )


def test_consumer_demand_by_hand() -> None:
    consumers = ConsumerCouncils(
        income=np.array([5000.0, 5000.0]),
        private_exponents=np.array([[0.03, 0.04]] * 2),
        public_exponents=np.array([[0.05]] * 2),
    )
    prices = np.array([100.0, 200.0, 1, 1, 1, 500.0])
    requests = consumer_requests(consumers, LAYOUT, prices)
    # 5000 * 0.03 / (0.12 * 100) and 5000 * 0.04 / (0.12 * 200)
    np.testing.assert_allclose(requests.private[0], [12.5, 25 / 3])
    # Each of the 2 councils pays 500 / 2 for the public good: 5000 * 0.05 / (0.12 * 250).
    np.testing.assert_allclose(requests.public[:, 0], [25 / 3, 25 / 3])


def test_worker_choice_by_hand() -> None:
    # a=1, c=0.5, du=2, s=1, b=0.25, lambda=4, p=1: p x = b lambda Q gives x = Q,
    # s du e^du = c lambda Q gives e^2 = Q, and Q = e^0.5 x^0.25 = Q^0.5, so Q = x = e = 1.
    group = one_worker([0.25], a=1.0, c=0.5, du=2.0)
    prices = np.array([4.0, 1, 1, 1, 1, 1])
    proposal = worker_proposals(group, np.log(prices))
    np.testing.assert_allclose(
        [proposal.output[0], proposal.inputs[0, 0], proposal.effort[0]], [1.0, 1.0, 1.0]
    )


def csvgen_output(
    a: float, s: float, c: float, k: float, p: np.ndarray, b: np.ndarray, lam: float
) -> float:
    """The output of csvgen.clj's solution-n, the pattern its closed forms follow for n inputs."""
    p, b = np.asarray(p), np.asarray(b)
    numerator = (
        -k * np.log(a)
        - np.sum(b * k * np.log(b))
        - c * np.log(c)
        + c * np.log(k)
        + np.sum(b * k * np.log(p))
        + c * np.log(s)
        - c * np.log(lam)
        - np.sum(b) * k * np.log(lam)
    )
    return float(np.exp(numerator / (c - k + k * np.sum(b))))


def csvgen_inputs_1(
    a: float, s: float, c: float, k: float, p: np.ndarray, b: np.ndarray, lam: float
) -> tuple[list[float], float]:
    """x1 and effort of csvgen.clj's solution-1."""
    (b1,), (p1,) = b, p
    den = c - k + k * b1
    x1 = np.exp(
        (
            -k * np.log(a)
            + c * np.log(b1)
            - k * np.log(b1)
            - c * np.log(c)
            + c * np.log(k)
            - c * np.log(p1)
            + k * np.log(p1)
            + c * np.log(s)
            - k * np.log(lam)
        )
        / den
    )
    effort = np.exp(
        (
            -np.log(a)
            - b1 * np.log(b1)
            - np.log(c)
            + b1 * np.log(c)
            + np.log(k)
            - b1 * np.log(k)
            + b1 * np.log(p1)
            + np.log(s)
            - b1 * np.log(s)
            - np.log(lam)
        )
        / den
    )
    return [x1], effort


def csvgen_inputs_2(
    a: float, s: float, c: float, k: float, p: np.ndarray, b: np.ndarray, lam: float
) -> tuple[list[float], float]:
    """x1, x2 and effort of csvgen.clj's solution-2."""
    (b1, b2), (p1, p2) = b, p
    den = c - k + k * b1 + k * b2
    common = -k * np.log(a) - c * np.log(c) + c * np.log(k) + c * np.log(s) - k * np.log(lam)
    x1 = np.exp(
        (
            common
            + c * np.log(b1)
            - k * np.log(b1)
            + b2 * k * np.log(b1)
            - b2 * k * np.log(b2)
            - c * np.log(p1)
            + k * np.log(p1)
            - b2 * k * np.log(p1)
            + b2 * k * np.log(p2)
        )
        / den
    )
    x2 = np.exp(
        (
            common
            - b1 * k * np.log(b1)
            + c * np.log(b2)
            - k * np.log(b2)
            + b1 * k * np.log(b2)
            + b1 * k * np.log(p1)
            - c * np.log(p2)
            + k * np.log(p2)
            - b1 * k * np.log(p2)
        )
        / den
    )
    effort = np.exp(
        (
            -np.log(a)
            - b1 * np.log(b1)
            - b2 * np.log(b2)
            - np.log(c)
            + (b1 + b2) * np.log(c)
            + np.log(k)
            - (b1 + b2) * np.log(k)
            + b1 * np.log(p1)
            + b2 * np.log(p2)
            + np.log(s)
            - (b1 + b2) * np.log(s)
            - np.log(lam)
        )
        / den
    )
    return [x1, x2], effort


def random_council(rng: np.random.Generator, n: int) -> tuple[WorkerGroup, np.ndarray]:
    b = list(rng.uniform(0.75 / n, 0.85 / n, n))
    group = one_worker(
        b,
        a=rng.uniform(4, 6),
        c=rng.uniform(0.05, 0.1),
        du=rng.uniform(3, 4),
        s=rng.uniform(0.5, 2),
    )
    prices = rng.uniform(400, 900, 2 + n)
    return group, prices


def layout_for(n: int) -> GoodsLayout:
    return GoodsLayout(private=2, intermediate=n, nature=1, labour=1, public=1)


@pytest.mark.parametrize("n", [1, 2, 8])
def test_output_matches_csvgen_closed_form(n: int) -> None:
    rng = np.random.default_rng(n)
    for _ in range(20):
        group, prices = random_council(rng, n)
        proposal = worker_proposals(group, np.log(prices))
        expected = csvgen_output(
            group.productivity[0],
            group.disutility_scale[0],
            group.effort_exponent[0],
            group.disutility_exponent[0],
            prices[2:],
            group.input_exponents[0],
            prices[0],
        )
        assert proposal.output[0] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("n", "closed_form"), [(1, csvgen_inputs_1), (2, csvgen_inputs_2)])
def test_inputs_and_effort_match_csvgen_closed_form(n: int, closed_form: ClosedForm) -> None:
    rng = np.random.default_rng(10 + n)
    for _ in range(20):
        group, prices = random_council(rng, n)
        proposal = worker_proposals(group, np.log(prices))
        inputs, effort = closed_form(
            group.productivity[0],
            group.disutility_scale[0],
            group.effort_exponent[0],
            group.disutility_exponent[0],
            prices[2:],
            group.input_exponents[0],
            prices[0],
        )
        np.testing.assert_allclose(proposal.inputs[0], inputs, rtol=1e-12)
        assert proposal.effort[0] == pytest.approx(effort, rel=1e-12)


@pytest.mark.parametrize("n", [1, 2, 8])
def test_proposal_maximises_the_councils_objective(n: int) -> None:
    rng = np.random.default_rng(20 + n)
    group, prices = random_council(rng, n)
    proposal = worker_proposals(group, np.log(prices))

    def objective(inputs: np.ndarray, effort: float) -> float:
        output = (
            group.productivity[0]
            * effort ** group.effort_exponent[0]
            * np.prod(inputs ** group.input_exponents[0])
        )
        return float(
            prices[0] * output
            - prices[2:] @ inputs
            - group.disutility_scale[0] * effort ** group.disutility_exponent[0]
        )

    best = objective(proposal.inputs[0], proposal.effort[0])
    for _ in range(200):
        nudge = np.exp(rng.normal(0, 0.05, n + 1))
        assert objective(proposal.inputs[0] * nudge[:n], proposal.effort[0] * nudge[n]) < best


def test_round_one_worker_proposals_match_the_published_log(
    dep_economy: Economy, published: PublishedTrajectory
) -> None:
    """Every worker council's round-1 output (3 to 8 inputs) equals csvgen's logged output."""
    logged = published.year_one[0]
    prices = np.log(start_prices(dep_economy))
    for group in dep_economy.worker_groups:
        proposal = worker_proposals(group, prices)
        np.testing.assert_allclose(
            proposal.output, logged.worker_output[group.council_numbers], rtol=1e-12
        )
        if group.input_count < 8:
            np.testing.assert_allclose(
                proposal.effort, logged.worker_effort[group.council_numbers], rtol=1e-12
            )


def test_logged_effort_of_eight_input_councils_has_csvgens_sign_slip(
    dep_economy: Economy, published: PublishedTrajectory
) -> None:
    """csvgen's solution-8 adds b_j ln du where the optimum subtracts it (docs/planning-engine).

    Effort does not enter supply or demand, so the trajectory is unaffected.
    """
    (group,) = [g for g in dep_economy.worker_groups if g.input_count == 8]
    proposal = worker_proposals(group, np.log(start_prices(dep_economy)))
    du, c = group.disutility_exponent, group.effort_exponent
    total = group.input_exponents.sum(axis=1)
    slipped = proposal.effort * np.exp(2 * total * np.log(du) / (c - du + du * total))
    logged = published.year_one[0].worker_effort[group.council_numbers]
    np.testing.assert_allclose(slipped, logged, rtol=1e-12)
    assert not np.allclose(proposal.effort, logged, rtol=1e-3)


def test_layout_indices_follow_pequods_order() -> None:
    layout = GoodsLayout()
    assert layout.index(GoodKind.PRIVATE, 1) == 0
    assert layout.index(GoodKind.LABOUR, 10) == 39
    assert layout.describe(40) == (GoodKind.PUBLIC, 1)
    assert layout.labels()[10] == "intermediate-1"
    with pytest.raises(IndexError):
        layout.index(GoodKind.NATURE, 11)
