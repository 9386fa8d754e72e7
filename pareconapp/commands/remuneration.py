"""``pareconapp remuneration FILE --period NAME|last [--csv OUT]``: a period's table as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pareconapp.files import write_text_atomically
from pareconapp.i18n import translate
from pareconapp.services.assembly import AssemblyService


def register(subparsers: Any) -> None:
    """Add the ``remuneration`` subcommand."""
    parser = subparsers.add_parser(
        "remuneration",
        help=translate("cli", "export a remuneration period's table (one row per member) as CSV"),
    )
    parser.add_argument(
        "path", metavar="FILE", type=Path, help=translate("cli", "the assembly file")
    )
    parser.add_argument(
        "--period",
        default="last",
        metavar="NAME",
        help=translate("cli", "the period's name (e.g. 2026-Q2), or 'last' (the default)"),
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="OUT",
        default=None,
        help=translate("cli", "write the CSV to OUT (default: print it)"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Compute the period's table and write it."""
    assembly = AssemblyService.open(args.path)
    try:
        period = assembly.remuneration.find(args.period)
        text = assembly.remuneration.export_csv(period.id)
    finally:
        assembly.close()
    if args.csv is None:
        sys.stdout.write(text)
    else:
        write_text_atomically(args.csv, text)
        print(
            translate("cli", "Wrote the table of {period} to {path}").format(
                period=period.name, path=args.csv
            ),
            file=sys.stderr,
        )
    return 0
