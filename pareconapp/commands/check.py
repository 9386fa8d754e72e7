"""``pareconapp check FILE``: integrity check; exit code 1 on any problem."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pareconapp.i18n import render, translate
from pareconapp.services.checks import check_file


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = subparsers.add_parser(
        "check",
        help=translate(
            "cli",
            "check an assembly file (integrity, foreign keys, schema revision) without changing it",
        ),
    )
    parser.add_argument(
        "path", metavar="FILE", type=Path, help=translate("cli", "the assembly file to check")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print each check and return 0 when all pass, 1 otherwise."""
    report = check_file(args.path)
    for message in report.passed:
        print(translate("cli", "ok: {message}").format(message=render(message)))
    for message in report.problems:
        print(translate("cli", "PROBLEM: {message}").format(message=render(message)))
    if report.ok:
        print(translate("cli", "{path}: no problems found").format(path=args.path))
        return 0
    print(
        translate("cli", "{path}: %n problem(s) found", "", len(report.problems)).format(
            path=args.path
        )
    )
    return 1
