"""``pareconapp plan ...``: participatory planning on the command line.

Simulations: ``simulate`` (run planning rounds on an economy file and report the rounds to
each threshold) and ``generate`` (write a synthetic economy drawn like the DEP experiments).

A planning year in an assembly file, exchanging files (``docs/exchange-files.md``):
``year`` (create one: IFB, worker or consumer council), ``status``; for an IFB ``round-file``
(write the current round file), ``import`` (proposal files or folders of them) and
``close-round`` (import, close the round, write the next round file); for a council
``import-round``, ``propose`` (set the proposal's goods) and ``export-proposal``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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
from pareconapp.core.planning_exchange.accounts import Line, add_lines
from pareconapp.core.planning_exchange.files import Question, QuestionReason
from pareconapp.files import write_bytes_atomically
from pareconapp.i18n import render, translate
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.planning import DEFAULT_RULE as DEFAULT_YEAR_RULE
from pareconapp.services.planning import YearFields
from pareconapp.services.planning_ifb import RoundReport
from pareconapp.store.models_planning import PlanningRole

Handler = Callable[[argparse.Namespace], int]


def _tr(text: str) -> str:
    return translate("cli.plan", text)


def register(subparsers: Any) -> None:
    """Add the ``plan`` command and its subcommands."""
    parser = subparsers.add_parser(
        "plan",
        help=_tr(
            "participatory planning: planning years and exchange files, simulations, economies"
        ),
        description=_tr(
            "Participatory planning. An IFB creates a year with 'plan year FILE NAME --role ifb "
            "--goods goods.csv --councils councils.csv', sends 'plan round-file', then each "
            "round runs 'plan close-round FILE --import INCOMING --out OUTGOING'. A council "
            "creates its year ('--role worker' or '--role consumer'), then each round runs "
            "'plan import-round', 'plan propose' and 'plan export-proposal'. Files are checked "
            "(format version, schema, SHA-256, year, round, council) and a bad one is refused "
            "with its reason, storing nothing."
        ),
    )
    plan_subparsers = parser.add_subparsers(
        title=_tr("planning commands"), dest="plan_command", metavar="PLAN_COMMAND"
    )
    parser.set_defaults(handler=lambda _args: _missing_subcommand(parser))
    _add_simulate(plan_subparsers)
    _add_generate(plan_subparsers)
    _add_year(plan_subparsers)
    _add_status(plan_subparsers)
    _add_round_file(plan_subparsers)
    _add_import(plan_subparsers)
    _add_close_round(plan_subparsers)
    _add_import_round(plan_subparsers)
    _add_propose(plan_subparsers)
    _add_export_proposal(plan_subparsers)


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


# -- planning years in an assembly file ---------------------------------------------------------


def _assembly_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help=_tr("the assembly file"))
    parser.add_argument(
        "--year",
        metavar="NAME",
        help=_tr("the planning year (default: the newest)"),
    )


@contextmanager
def _open(path: Path) -> Iterator[AssemblyService]:
    assembly = AssemblyService.open(path)
    try:
        yield assembly
    finally:
        assembly.close()


def _add_year(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "year",
        _tr("create a planning year in which this assembly is the IFB or a council"),
        run_year,
    )
    parser.add_argument("file", metavar="FILE", type=Path, help=_tr("the assembly file"))
    parser.add_argument("name", metavar="NAME", help=_tr("the year's name, e.g. 2027"))
    parser.add_argument(
        "--role", required=True, choices=[r.value for r in PlanningRole], help=_tr("its part")
    )
    parser.add_argument(
        "--code",
        required=True,
        help=_tr("this assembly's id in the federation (lower-case, e.g. wheelwright)"),
    )
    parser.add_argument(
        "--name", dest="display_name", required=True, help=_tr("its name in the federation")
    )
    parser.add_argument(
        "--council",
        metavar="COUNCIL",
        help=_tr("consumer councils: the local consumer council whose members make requests"),
    )
    parser.add_argument(
        "--rule",
        default=DEFAULT_YEAR_RULE,
        choices=list(PRICE_RULES),
        help=_tr("IFB: the price rule (default {rule})").format(rule=DEFAULT_YEAR_RULE),
    )
    parser.add_argument(
        "--threshold", type=float, default=0.05, help=_tr("IFB: stop within this imbalance")
    )
    parser.add_argument(
        "--max-rounds", type=int, default=20, help=_tr("IFB: stop after this many rounds")
    )
    parser.add_argument(
        "--goods",
        type=Path,
        metavar="CSV",
        help=_tr("IFB: the catalogue (code,name,category,unit,start_price,fixed_supply)"),
    )
    parser.add_argument(
        "--councils", type=Path, metavar="CSV", help=_tr("IFB: the councils (code,name,kind)")
    )


def run_year(args: argparse.Namespace) -> int:
    """Create a planning year (and, for an IFB, its catalogue and councils)."""
    role = PlanningRole(args.role)
    with _open(args.file) as assembly:
        council_id = None
        if args.council:
            council_id = next(
                (c.id for c in assembly.members.councils() if c.name == args.council), None
            )
            if council_id is None:
                raise UserError(
                    UserMessage(
                        QT_TRANSLATE_NOOP("cli.plan", 'There is no council "{name}".'),
                        {"name": args.council},
                    )
                )
        year_id = assembly.planning.create_year(
            YearFields(
                args.name,
                role,
                args.code,
                args.display_name,
                council_id,
                args.rule,
                args.threshold,
                args.max_rounds,
            )
        )
        if args.goods is not None:
            assembly.planning.import_goods_csv(year_id, _read_text(args.goods))
        if args.councils is not None:
            assembly.planning.import_councils_csv(year_id, _read_text(args.councils))
        print(_tr("Created the planning year {name} ({role}).").format(name=args.name, role=role))
    return 0


def _add_status(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "status",
        _tr("show a planning year's round, prices and totals"),
        run_status,
    )
    _assembly_arguments(parser)


def run_status(args: argparse.Namespace) -> int:
    """Print the current round of a planning year."""
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        view = assembly.planning.round_view(year.id)
        print(
            _tr("{name}: {role}, {status}").format(
                name=year.name, role=year.role.value, status=year.status.value
            )
        )
        if view is None:
            print(_tr("  no round yet"))
            return 0
        print(
            _tr("  round {number}{final}").format(
                number=view.number, final=_tr(" (final plan)") if view.final else ""
            )
        )
        catalogue = assembly.planning.catalogue(year.id)
        for good in catalogue.goods:
            last = view.last.get(good.code)
            extra = (
                ""
                if last is None
                else _tr("  last round: supply {s}, demand {d}, imbalance {v}").format(
                    s=f"{last.supply:.2f}", d=f"{last.demand:.2f}", v=f"{last.imbalance:.1%}"
                )
            )
            print(f"  {good.code:<20} {view.prices.get(good.code, 0.0):>12.4f}{extra}")
        if year.role is PlanningRole.IFB and not view.final:
            missing = assembly.planning.ifb.missing(year.id)
            received = assembly.planning.ifb.received(year.id)
            print(_tr("  proposals received: {count}").format(count=len(received)))
            if missing:
                print(_tr("  missing: {codes}").format(codes=", ".join(c.id for c in missing)))
    return 0


def _add_round_file(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "round-file",
        _tr("IFB: write the current round file (e.g. round 1's prices) into a folder"),
        run_round_file,
    )
    _assembly_arguments(parser)
    parser.add_argument(
        "--out", type=Path, default=Path(), metavar="DIR", help=_tr("folder to write into")
    )


def run_round_file(args: argparse.Namespace) -> int:
    """Write the IFB's current round file."""
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        exported = assembly.planning.ifb.round_file(year.id)
    _write(args.out / exported.name, exported.data)
    return 0


def _add_import(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "import",
        _tr("IFB: import proposal files (and every .json file of folders) for the open round"),
        run_import,
    )
    _assembly_arguments(parser)
    parser.add_argument(
        "paths", metavar="PATH", type=Path, nargs="+", help=_tr("proposal files or folders")
    )


def run_import(args: argparse.Namespace) -> int:
    """Import proposal files; exit code 1 if any was refused."""
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        return 0 if _import(assembly, year.id, args.paths) else 1


def _import(assembly: AssemblyService, year_id: int, paths: Sequence[Path]) -> bool:
    report = assembly.planning.ifb.import_paths(year_id, paths)
    for source, council in report.imported:
        print(_tr("imported {file} ({council})").format(file=source, council=council))
    for _source, message in report.refused:
        print(_tr("REFUSED: {reason}").format(reason=render(message)), file=sys.stderr)
    return not report.refused


def _add_close_round(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "close-round",
        _tr(
            "IFB: import a folder of proposal files, close the round (supply, demand, "
            "imbalance, new prices, who says no) and write the next round file"
        ),
        run_close_round,
    )
    _assembly_arguments(parser)
    parser.add_argument(
        "--import",
        dest="incoming",
        type=Path,
        action="append",
        metavar="PATH",
        help=_tr("proposal files or folders to import first (repeatable)"),
    )
    parser.add_argument(
        "--out", type=Path, default=Path(), metavar="DIR", help=_tr("where to write the round file")
    )
    parser.add_argument(
        "--rule", choices=list(PRICE_RULES), help=_tr("close with this price rule from now on")
    )
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help=_tr("close even though some councils have not sent a proposal"),
    )
    parser.add_argument(
        "--variants",
        action="store_true",
        help=_tr("when planning stops, add 2-5 feasible plan variants to the final file"),
    )


def run_close_round(args: argparse.Namespace) -> int:
    """Import, close the open round and write the next round file."""
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        ifb = assembly.planning.ifb
        if args.incoming and not _import(assembly, year.id, args.incoming):
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "cli.plan",
                    "Some files were refused (see above); the round stays open. Remove or "
                    "replace them and run close-round again.",
                )
            )
        missing = ifb.missing(year.id)
        if missing and not args.allow_missing:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "cli.plan",
                        "No proposal yet from {codes}; wait for them or use --allow-missing.",
                    ),
                    {"codes": ", ".join(c.id for c in missing)},
                )
            )
        report = ifb.close_round(year.id, args.rule)
        _print_report(report)
        if report.final and args.variants:
            variants = ifb.build_variants(year.id)
            print(_tr("Plan variants: {names}").format(names=", ".join(v.name for v in variants)))
        exported = ifb.round_file(year.id)
    _write(args.out / exported.name, exported.data)
    return 0


def _print_report(report: RoundReport) -> None:
    print(
        _tr("Round {number} closed: largest imbalance {imbalance}").format(
            number=report.number, imbalance=f"{report.largest_imbalance:.2%}"
        )
    )
    for row in report.out_of_balance:
        side = _tr("demand exceeds supply") if row.excess_demand else _tr("supply exceeds demand")
        print(
            _tr("  {good}: supply {s}, demand {d}, imbalance {v} ({side})").format(
                good=row.good,
                s=f"{row.supply:.2f}",
                d=f"{row.demand:.2f}",
                v=f"{row.imbalance:.1%}",
                side=side,
            )
        )
    for question in report.questions:
        print(
            _tr("  question {council}: {why}").format(
                council=question.council, why=_question_text(question)
            )
        )
    if report.final:
        print(
            _tr("Planning stops: the plan is final.")
            if report.within_threshold
            else _tr("Planning stops: the round limit is reached.")
        )


def _question_text(question: Question) -> str:
    if question.reason is QuestionReason.RATIO:
        return _tr("SB/SC {ratio} is below 1").format(ratio=f"{question.value or 0:.2f}")
    if question.reason is QuestionReason.BUDGET:
        return _tr("requests cost {cost}, the budget is {budget}").format(
            cost=f"{question.value or 0:.2f}", budget=f"{question.limit or 0:.2f}"
        )
    return _tr("not decided by a vote of the council")


def _add_import_round(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "import-round",
        _tr("council: import the IFB's round file (prices, last round's totals, reports)"),
        run_import_round,
    )
    _assembly_arguments(parser)
    parser.add_argument("round_file", metavar="ROUND_FILE", type=Path, help=_tr("the round file"))


def run_import_round(args: argparse.Namespace) -> int:
    """Import a round file into a council's planning year."""
    data = _read_bytes(args.round_file)
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        view = assembly.planning.import_round_file(year.id, data, str(args.round_file))
    print(
        _tr("Imported round {number} of {year}{final}.").format(
            number=view.number,
            year=year.name,
            final=_tr(" (the final plan)") if view.final else "",
        )
    )
    return 0


def _add_propose(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "propose",
        _tr("council: set the current proposal's goods and print SB/SC or the budget check"),
        run_propose,
    )
    _assembly_arguments(parser)
    parser.add_argument(
        "--offer", action="append", default=[], metavar="GOOD=QTY", help=_tr("an output")
    )
    parser.add_argument(
        "--use", action="append", default=[], metavar="GOOD=QTY", help=_tr("an input")
    )
    parser.add_argument(
        "--request",
        action="append",
        default=[],
        metavar="GOOD=QTY",
        help=_tr("consumer councils: a collective request (or a member's, with --member)"),
    )
    parser.add_argument("--member", metavar="NAME", help=_tr("the member whose requests these are"))


def run_propose(args: argparse.Namespace) -> int:
    """Replace the proposal's lines and print its account."""
    with _open(args.file) as assembly:
        planning = assembly.planning
        year = planning.find_year(args.year)
        if args.member:
            member = next(
                (m for m in assembly.members.list_members() if m.display_name == args.member),
                None,
            )
            if member is None:
                raise UserError(
                    UserMessage(
                        QT_TRANSLATE_NOOP("cli.plan", 'There is no member "{name}".'),
                        {"name": args.member},
                    )
                )
            planning.set_member_requests(
                year.id, member.id, [Line(g, 0.0, q) for g, q in _pairs(args.request)]
            )
        else:
            lines = add_lines(
                [Line(g, q, 0.0) for g, q in _pairs(args.offer)],
                [Line(g, 0.0, q) for g, q in _pairs(args.use + args.request)],
            )
            planning.set_lines(year.id, lines)
        if year.role is PlanningRole.WORKER:
            account = planning.worker_account(year.id)
            ratio = "-" if account.ratio is None else f"{account.ratio:.3f}"
            print(
                _tr("SB {benefit}, SC {cost}, SB/SC {ratio}").format(
                    benefit=f"{account.benefit:.2f}", cost=f"{account.cost:.2f}", ratio=ratio
                )
            )
            if account.below_one:
                print(_tr("warning: SB/SC < 1 - other councils will likely reject this"))
        else:
            check = planning.consumer_account(year.id)
            budget = "-" if check.budget is None else f"{check.budget:.2f}"
            print(
                _tr("cost {cost}, budget {budget}").format(
                    cost=f"{check.total_cost:.2f}", budget=budget
                )
            )
            for over in check.members_over:
                print(
                    _tr("warning: {name} asks for more than their allowance").format(name=over.name)
                )
            if check.over_budget:
                print(_tr("warning: the requests cost more than the council's budget"))
    return 0


def _pairs(items: Sequence[str]) -> list[tuple[str, float]]:
    pairs = []
    for item in items:
        good, sep, quantity = item.partition("=")
        try:
            if not sep:
                raise ValueError(item)
            pairs.append((good.strip(), float(quantity)))
        except ValueError:
            raise UserError(
                UserMessage(
                    QT_TRANSLATE_NOOP(
                        "cli.plan", '"{item}" is not GOOD=QUANTITY (e.g. bicycles=120).'
                    ),
                    {"item": item},
                )
            ) from None
    return pairs


def _add_export_proposal(plan_subparsers: Any) -> None:
    parser = _add_subcommand(
        plan_subparsers,
        "export-proposal",
        _tr("council: write the current proposal as a proposal file for the IFB"),
        run_export_proposal,
    )
    _assembly_arguments(parser)
    parser.add_argument(
        "--out", type=Path, default=Path(), metavar="DIR", help=_tr("folder to write into")
    )


def run_export_proposal(args: argparse.Namespace) -> int:
    """Write the proposal file."""
    with _open(args.file) as assembly:
        year = assembly.planning.find_year(args.year)
        proposal = assembly.planning.own_proposal(year.id)
        exported = assembly.planning.export_proposal(year.id)
    if proposal is not None and (proposal.decision is None or not proposal.decision.passed):
        print(
            _tr(
                "note: the assembly has not adopted this proposal by a vote; the IFB will see that."
            ),
            file=sys.stderr,
        )
    _write(args.out / exported.name, exported.data)
    return 0


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli.plan", "Cannot read {path}: {reason}"),
                {"path": str(path), "reason": error.strerror or str(error)},
            )
        ) from error


def _read_text(path: Path) -> str:
    try:
        return _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as error:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli.plan", "{path} is not UTF-8 text."), {"path": str(path)}
            )
        ) from error


def _write(path: Path, data: bytes) -> None:
    try:
        write_bytes_atomically(path, data)
    except OSError as error:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli.plan", "Cannot write {path}: {reason}"),
                {"path": str(path), "reason": error.strerror or str(error)},
            )
        ) from error
    print(_tr("Wrote {path}").format(path=path))
