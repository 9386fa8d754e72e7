"""Participatory planning: councils' proposals, the IFB's price rules and planning rounds.

Reproduces the simulations of Robin Hahnel, *Democratic Economic Planning* (2021), ch. 9
(the Pequod code in the public repository msszczep/pequod-cljs, ``csvgen.clj``) and adds price
rules that reach a feasible plan in fewer rounds. See docs/planning-engine.md.

Typical use::

    economy = read_economy(Path("dep1ex01.clj"))
    run = run_planning(economy, price_rule("newton"), thresholds=(0.05, 0.03))
    run.rounds_to(0.05)
"""

from pareconapp.core.planning.economy import (
    ConsumerCouncils,
    Economy,
    WorkerGroup,
    WorkerTable,
    group_workers,
    validate_economy,
    worker_table,
)
from pareconapp.core.planning.economy_files import read_economy, write_economy
from pareconapp.core.planning.generate import generate_economy, next_year
from pareconapp.core.planning.goods import GoodKind, GoodsLayout
from pareconapp.core.planning.ifb import Proposal, RoundTotals, imbalance, totals_from_proposals
from pareconapp.core.planning.pequod_edn import format_pequod_edn, parse_pequod_edn
from pareconapp.core.planning.price_rules import (
    DEFAULT_RULE,
    PRICE_RULES,
    DepBookRule,
    DepRule,
    NewtonRule,
    PriceRule,
    RuleState,
    SecantRule,
    price_rule,
)
from pareconapp.core.planning.proposals import (
    consumer_requests,
    council_proposals,
    plan_totals,
    worker_proposals,
    worker_responses,
)
from pareconapp.core.planning.published import (
    PublishedRound,
    PublishedTrajectory,
    largest_price_differences,
    read_published_trajectory,
)
from pareconapp.core.planning.round_log import round_log_header, write_round_log
from pareconapp.core.planning.simulation import (
    DEFAULT_THRESHOLDS,
    PlanningRound,
    PlanningRun,
    run_planning,
    run_two_years,
    start_prices,
)

__all__ = [
    "DEFAULT_RULE",
    "DEFAULT_THRESHOLDS",
    "PRICE_RULES",
    "ConsumerCouncils",
    "DepBookRule",
    "DepRule",
    "Economy",
    "GoodKind",
    "GoodsLayout",
    "NewtonRule",
    "PlanningRound",
    "PlanningRun",
    "PriceRule",
    "Proposal",
    "PublishedRound",
    "PublishedTrajectory",
    "RoundTotals",
    "RuleState",
    "SecantRule",
    "WorkerGroup",
    "WorkerTable",
    "consumer_requests",
    "council_proposals",
    "format_pequod_edn",
    "generate_economy",
    "group_workers",
    "imbalance",
    "largest_price_differences",
    "next_year",
    "parse_pequod_edn",
    "plan_totals",
    "price_rule",
    "read_economy",
    "read_published_trajectory",
    "round_log_header",
    "run_planning",
    "run_two_years",
    "start_prices",
    "totals_from_proposals",
    "validate_economy",
    "worker_proposals",
    "worker_responses",
    "worker_table",
    "write_economy",
    "write_round_log",
]
