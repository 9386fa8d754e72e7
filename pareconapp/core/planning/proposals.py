"""What the simulated councils propose at a list of indicative prices, and the IFB's totals.

The behaviour is the one of the Pequod simulations behind *Democratic Economic Planning*
(Hahnel 2021, ch. 9), read from ``csvgen.clj`` (functions ``consume``, ``proposal`` and
``solution-1`` ... ``solution-8``) in the public repository msszczep/pequod-cljs:

* Consumer council: Cobb-Douglas demand spending its whole income. For private good i,
  ``d_i = income * u_i / (U * p_i)`` with ``U`` the sum of all its utility and public-good
  exponents. A public good j is shared: each council pays ``p_j / N`` (N consumer councils),
  so it asks for ``income * g_j / (U * p_j / N)``, and the IFB counts the mean request.
* Worker council: chooses inputs ``x_j`` and effort ``e`` to maximise
  ``lambda * a * e^c * prod_j x_j^b_j - sum_j p_j x_j - s * e^du`` (lambda: the price of its
  product). csvgen.clj spells out the optimum for 1 to 8 inputs; the first-order conditions
  ``p_j x_j = b_j * lambda * Q`` and ``s * du * e^du = c * lambda * Q`` give it for any number
  of inputs (derivation in docs/planning-engine.md):
  ``ln Q = (du ln a + c ln(lambda c / (s du)) + du sum_j b_j ln(lambda b_j / p_j))
  / (du - c - du sum_j b_j)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning.economy import ConsumerCouncils, Economy, WorkerGroup
from pareconapp.core.planning.goods import GoodKind, GoodsLayout
from pareconapp.core.planning.ifb import Proposal, RoundTotals


@dataclass(frozen=True)
class ConsumerRequests:
    """Every consumer council's request: one row per council."""

    private: FloatArray
    """Shape ``(councils, private goods)``."""
    public: FloatArray
    """Shape ``(councils, public goods)``: each council's own request (the IFB takes the mean)."""


@dataclass(frozen=True)
class WorkerProposals:
    """The proposals of one :class:`WorkerGroup`: one row per council."""

    output: FloatArray
    """Shape ``(councils,)``: how much of its product each council offers."""
    effort: FloatArray
    """Shape ``(councils,)``: the effort each council plans."""
    inputs: FloatArray
    """Shape ``(councils, inputs)``: how much of each input each council asks for."""


def consumer_requests(
    consumers: ConsumerCouncils, layout: GoodsLayout, prices: FloatArray
) -> ConsumerRequests:
    """Every consumer council's Cobb-Douglas request at ``prices``."""
    share_of_public_price = prices[layout.span(GoodKind.PUBLIC)] / consumers.count
    return ConsumerRequests(
        private=consumers.private_spending / prices[layout.span(GoodKind.PRIVATE)],
        public=consumers.public_spending / share_of_public_price,
    )


def worker_proposals(group: WorkerGroup, log_prices: FloatArray) -> WorkerProposals:
    """Every council's best proposal in ``group`` given the logarithms of all prices."""
    b = group.input_exponents
    du = group.disutility_exponent
    c = group.effort_exponent
    log_lambda = log_prices[group.product]
    log_input_prices = log_prices[group.inputs]
    gains = b * (np.log(b) - log_input_prices)
    log_output = (
        du * np.log(group.productivity)
        + c * (log_lambda + np.log(c / (group.disutility_scale * du)))
        + du * (b.sum(axis=1) * log_lambda + gains.sum(axis=1))
    ) / (du - c - du * b.sum(axis=1))
    output = np.exp(log_output)
    inputs = np.exp((log_lambda + log_output)[:, None] + np.log(b) - log_input_prices)
    log_effort = (log_lambda + log_output + np.log(c / (group.disutility_scale * du))) / du
    return WorkerProposals(output=output, effort=np.exp(log_effort), inputs=inputs)


def worker_responses(
    group: WorkerGroup, proposals: WorkerProposals
) -> tuple[FloatArray, FloatArray]:
    """The price responses each council of ``group`` reports with its proposal.

    Returns ``(output_response, input_response)``: ``output_response[i, m]`` is
    ``dQ / d ln p`` of council i for the m-th good of ``[product, *inputs]`` and
    ``input_response[i, j, m]`` the same for its j-th input. From the closed form:
    ``d ln Q / d ln lambda = (c + du B) / (du - c - du B)``,
    ``d ln Q / d ln p_l = -du b_l / (du - c - du B)`` and ``ln x_j = ln(lambda b_j Q / p_j)``.
    """
    b = group.input_exponents
    du = group.disutility_exponent
    c = group.effort_exponent
    total = b.sum(axis=1)
    slack = du - c - du * total
    output_elasticity = np.column_stack(
        [(c + du * total) / slack, -du[:, None] * b / slack[:, None]]
    )
    own_price = np.zeros((group.count, group.input_count, group.input_count + 1))
    own_price[:, :, 0] = 1.0
    own_price[:, :, 1:] -= np.eye(group.input_count)
    input_elasticity = output_elasticity[:, None, :] + own_price
    return (
        proposals.output[:, None] * output_elasticity,
        proposals.inputs[:, :, None] * input_elasticity,
    )


def plan_totals(economy: Economy, prices: FloatArray, responses: bool = False) -> RoundTotals:
    """Supply and demand of every good when every council answers ``prices``.

    With ``responses`` the totals also carry the sums of the councils' reported responses.
    """
    layout = economy.layout
    goods = layout.total
    requests = consumer_requests(economy.consumers, layout, prices)
    demand = np.zeros(goods)
    demand[layout.span(GoodKind.PRIVATE)] = requests.private.sum(axis=0)
    demand[layout.span(GoodKind.PUBLIC)] = requests.public.mean(axis=0)
    supply = economy.fixed_supply()
    # Cobb-Douglas requests fall by 1 % per 1 % rise of their own price and no other.
    supply_response = np.zeros(goods * goods) if responses else None
    demand_response = np.diag(-demand).ravel() if responses else None
    log_prices = np.log(prices)
    for group in economy.worker_groups:
        proposals = worker_proposals(group, log_prices)
        supply += np.bincount(group.product, proposals.output, minlength=goods)
        demand += np.bincount(group.inputs.ravel(), proposals.inputs.ravel(), minlength=goods)
        if supply_response is not None and demand_response is not None:
            output_response, input_response = worker_responses(group, proposals)
            goods_used = np.column_stack([group.product, group.inputs])
            supply_response += np.bincount(
                (group.product[:, None] * goods + goods_used).ravel(),
                output_response.ravel(),
                minlength=goods * goods,
            )
            demand_response += np.bincount(
                (group.inputs[:, :, None] * goods + goods_used[:, None, :]).ravel(),
                input_response.ravel(),
                minlength=goods * goods,
            )
    if supply_response is None or demand_response is None:
        return RoundTotals(supply, demand)
    return RoundTotals(
        supply, demand, supply_response.reshape(goods, goods), demand_response.reshape(goods, goods)
    )


def council_proposals(economy: Economy, prices: FloatArray) -> list[Proposal]:
    """Every council's proposal one by one, with its reported price responses.

    This is the form proposals take on their way to the IFB (one per council); the IFB adds
    them up with :func:`~pareconapp.core.planning.ifb.totals_from_proposals`. The simulation
    itself uses the vectorised :func:`plan_totals`, which gives the same totals.
    """
    layout = economy.layout
    requests = consumer_requests(economy.consumers, layout, prices)
    goods = np.r_[
        np.arange(layout.total)[layout.span(GoodKind.PRIVATE)],
        np.arange(layout.total)[layout.span(GoodKind.PUBLIC)],
    ]
    proposals = []
    for private, public in zip(requests.private, requests.public, strict=True):
        demanded = np.r_[private, public / economy.consumer_count]
        proposals.append(
            Proposal(
                goods,
                np.zeros(goods.size),
                demanded,
                np.zeros((goods.size,) * 2),
                np.diag(-demanded),
            )
        )
    log_prices = np.log(prices)
    for group in economy.worker_groups:
        offers = worker_proposals(group, log_prices)
        output_response, input_response = worker_responses(group, offers)
        size = group.input_count + 1
        for i in range(group.count):
            supply_response = np.zeros((size, size))
            supply_response[0] = output_response[i]
            demand_response = np.zeros((size, size))
            demand_response[1:] = input_response[i]
            proposals.append(
                Proposal(
                    goods=np.r_[group.product[i], group.inputs[i]],
                    supplied=np.r_[offers.output[i], np.zeros(group.input_count)],
                    demanded=np.r_[0.0, offers.inputs[i]],
                    supply_response=supply_response,
                    demand_response=demand_response,
                )
            )
    return proposals
