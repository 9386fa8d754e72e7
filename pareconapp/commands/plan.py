"""``pareconapp plan ...``: planning simulations on the command line.

Subcommands: ``simulate`` (run planning rounds on an economy file and report the rounds to
each threshold) and ``generate`` (write a synthetic economy drawn like the DEP experiments).
Later issues add more (``import``, ``close-round``) with :func:`_add_subcommand`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.planning import (
    DEFAULT_RULE,
    DEFAULT_THRESHOLDS,
    PRICE_RULES,
    Economy,
    GoodsLayout,
    PlanningRun,
    generate_economy,
    largest_price_differences,
    price_rule,
    read_economy,
    read_published_trajectory,
    run_planning,
    run_two_years,
    write_economy,
    write_round_log,
)
from pareconapp.i18n import translate

Handler = Callable[[argparse.Namespace], int]


def _tr(text: str) -> str:
    return translate("cli.plan", text)


def register(subparsers: Any) -> None:
    """Add the ``plan`` command and its subcommands."""
    parser = subparsers.add_parser(
        "plan", help=_tr("participatory planning: simulate planning rounds, generate economies")
    )
    plan_subparsers = parser.add_subparsers(
        title=_tr("planning commands"), dest="plan_command", metavar="PLAN_COMMAND"
    )
    parser.set_defaults(handler=lambda _args: _missing_subcommand(parser))
    _add_simulate(plan_subparsers)
    _add_generate(plan_subparsers)


def _add_subcommand(plan_subparsers: Any, name: str, help_text: str, handler: Handler) -> Any:
    """Add one ``plan`` subcommand that runs ``handler``."""
    parser = plan_subparsers.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=handler)
    return parser


def _missing_subcommand(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _add_simulate(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "simulate",
        _tr("run planning rounds on an economy and report the round each threshold is reached"),
        run_simulate,
    )
    parser.add_argument(
        "economy",
        metavar="ECONOMY",
        type=Path,
        help=_tr("economy file: Pequod EDN (e.g. dep1ex01.clj) or .npz from 'plan generate'"),
    )
    rules = "; ".join(f"{name}: {rule.description}" for name, rule in PRICE_RULES.items())
    parser.add_argument(
        "--rule",
        default=DEFAULT_RULE,
        choices=list(PRICE_RULES),
        metavar="NAME",
        help=_tr("the IFB's price rule (default {default}). Rules: {rules}").format(
            default=DEFAULT_RULE, rules=rules
        ),
    )
    parser.add_argument(
        "--threshold",
        type=float,
        action="append",
        metavar="FRACTION",
        help=_tr(
            "largest imbalance accepted, e.g. 0.05; repeat for several "
            "(default 0.05 and 0.03); the run stops at the smallest"
        ),
    )
    parser.add_argument(
        "--max-rounds",
        type=int,
        default=200,
        metavar="N",
        help=_tr("stop after this many rounds (default 200)"),
    )
    parser.add_argument(
        "--warm-start",
        action="store_true",
        help=_tr(
            "plan a cold year one, then report a warm 'year two' with nudged "
            "preferences starting from year one's prices"
        ),
    )
    parser.add_argument(
        "--seed", type=int, default=1, help=_tr("seed of year two's nudges (default 1)")
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        help=_tr("write every round's prices, supply and demand to this CSV file"),
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="LOG",
        help=_tr(
            "a csvgen.clj log (e.g. dep1ex01.csv): print the largest relative price "
            "difference from it in every round of year one"
        ),
    )


def _add_generate(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "generate",
        _tr("write a synthetic economy drawn from the distributions of the DEP experiments"),
        run_generate,
    )
    parser.add_argument(
        "output",
        metavar="OUT",
        type=Path,
        help=_tr("file to write: .npz (fast to load) or EDN (any other suffix)"),
    )
    parser.add_argument("--seed", type=int, default=1, help=_tr("random seed (default 1)"))
    parser.add_argument(
        "--consumer-councils",
        type=int,
        default=3000,
        metavar="N",
        help=_tr("number of consumer councils (default 3000)"),
    )
    parser.add_argument(
        "--worker-councils",
        type=int,
        default=3000,
        metavar="N",
        help=_tr("number of worker councils (default 3000)"),
    )
    parser.add_argument(
        "--goods",
        type=int,
        default=10,
        metavar="N",
        help=_tr("goods of each of the five kinds (default 10)"),
    )
    parser.add_argument(
        "--resource-supply",
        type=float,
        metavar="AMOUNT",
        help=_tr(
            "supply of each natural resource and labour type "
            "(default 1000 per 3000 worker councils)"
        ),
    )


def _refuse(text: SourceText) -> UserError:
    return UserError(UserMessage(text))


def run_simulate(args: argparse.Namespace) -> int:
    """Run planning on the economy file and print the rounds to each threshold."""
    thresholds = sorted(set(args.threshold or DEFAULT_THRESHOLDS), reverse=True)
    if not all(0 < t < 2 for t in thresholds):
        raise _refuse(
            QT_TRANSLATE_NOOP("cli.plan", "--threshold must be between 0 and 2 (e.g. 0.05).")
        )
    if args.max_rounds < 1:
        raise _refuse(QT_TRANSLATE_NOOP("cli.plan", "--max-rounds must be at least 1."))
    rule = price_rule(args.rule)
    economy = read_economy(args.economy)
    print(
        _tr(
            "{consumers} consumer councils, {workers} worker councils, {goods} goods; rule {rule}"
        ).format(
            consumers=economy.consumer_count,
            workers=economy.worker_count,
            goods=economy.layout.total,
            rule=rule.name,
        )
    )
    if args.warm_start:
        years = list(
            run_two_years(
                economy, rule, seed=args.seed, thresholds=thresholds, max_rounds=args.max_rounds
            )
        )
    else:
        years = [run_planning(economy, rule, thresholds=thresholds, max_rounds=args.max_rounds)]
    for year, run in enumerate(years, 1):
        if len(years) > 1:
            print(_tr("Year {year}:").format(year=year))
        _print_run(run, thresholds)
    if args.compare is not None:
        _print_comparison(years[0], args.compare, economy.layout)
    if args.csv is not None:
        _write_csv(args.csv, economy, years)
    return 0


def _print_run(run: PlanningRun, thresholds: Sequence[float]) -> None:
    for planning_round in run.rounds:
        print(
            _tr("  round {round}: largest imbalance {imbalance}").format(
                round=planning_round.number, imbalance=f"{planning_round.largest_imbalance:.2%}"
            )
        )
    for threshold in thresholds:
        reached = run.rounds_to(threshold)
        if reached is None:
            print(
                _tr("  within {threshold}: not reached in {rounds} rounds").format(
                    threshold=f"{threshold:.0%}", rounds=len(run.rounds)
                )
            )
        else:
            print(
                _tr("  within {threshold}: round {round}").format(
                    threshold=f"{threshold:.0%}", round=reached
                )
            )


def _print_comparison(run: PlanningRun, log: Path, layout: GoodsLayout) -> None:
    published = read_published_trajectory(log, layout)
    print(_tr("Largest relative price difference from {log}:").format(log=log))
    for number, difference in enumerate(largest_price_differences(run, published.year_one), 1):
        print(
            _tr("  round {round}: {difference}").format(
                round=number, difference=f"{difference:.3g}"
            )
        )


def _write_csv(path: Path, economy: Economy, years: Sequence[PlanningRun]) -> None:
    try:
        with path.open("w", newline="", encoding="utf-8") as stream:
            write_round_log(stream, economy.layout, years)
    except OSError as error:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli.plan", "Cannot write {path}: {reason}"),
                {"path": str(path), "reason": str(error)},
            )
        ) from error
    print(_tr("Rounds written to {path}").format(path=path))


def run_generate(args: argparse.Namespace) -> int:
    """Write a synthetic economy file."""
    if min(args.consumer_councils, args.worker_councils, args.goods) < 1:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "cli.plan", "--consumer-councils, --worker-councils and --goods must be at least 1."
            )
        )
    if args.resource_supply is not None and not args.resource_supply > 0:
        raise _refuse(QT_TRANSLATE_NOOP("cli.plan", "--resource-supply must be positive."))
    layout = GoodsLayout(*([args.goods] * 5))
    economy = generate_economy(
        args.seed,
        args.consumer_councils,
        args.worker_councils,
        layout,
        resource_supply=args.resource_supply,
    )
    write_economy(economy, args.output, name=args.output.stem.replace("_", "-"))
    print(
        _tr(
            "Wrote {consumers} consumer and {workers} worker councils ({goods} goods) to {path}"
        ).format(
            consumers=economy.consumer_count,
            workers=economy.worker_count,
            goods=layout.total,
            path=args.output,
        )
    )
    return 0
