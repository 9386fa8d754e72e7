"""``pareconapp demo FILE``: write the deterministic demo assembly."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.i18n import translate
from pareconapp.services.demo import DEFAULT_MEMBERS, DEFAULT_SEED, create_demo_file


def register(subparsers: Any) -> None:
    """Add the ``demo`` subcommand."""
    parser = subparsers.add_parser(
        "demo", help=translate("cli", "create the demo assembly (a bicycle cooperative) in FILE")
    )
    parser.add_argument(
        "path", metavar="FILE", type=Path, help=translate("cli", "the assembly file to write")
    )
    parser.add_argument(
        "--members",
        type=int,
        default=DEFAULT_MEMBERS,
        help=translate("cli", "number of members (default: %(default)s)"),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=translate("cli", "random seed (default: %(default)s)"),
    )
    parser.add_argument(
        "--force", action="store_true", help=translate("cli", "replace FILE if it exists")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the demo assembly."""
    path: Path = args.path
    if args.members < 1 or args.members > 100_000:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli", "--members must be between 1 and 100000, not {value}"),
                {"value": args.members},
            )
        )
    if path.exists() and not args.force:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("cli", "{path} exists; use --force to replace it"),
                {"path": str(path)},
            )
        )
    create_demo_file(path, members=args.members, seed=args.seed)
    print(translate("cli", "Wrote the demo assembly to {path}").format(path=path))
    return 0
