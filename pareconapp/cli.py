"""Command-line entry points: ``pareconapp`` (GUI by default) and its subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pareconapp import APP_NAME, __version__
from pareconapp.commands import COMMAND_MODULES
from pareconapp.core.i18n import UserError
from pareconapp.i18n import render, translate


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="pareconapp",
        description=translate(
            "cli",
            "{app}: run a workplace assembly on the principles of participatory economics. "
            "Without a subcommand the desktop app starts.",
        ).format(app=APP_NAME),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("cli", "start the desktop app on the demo assembly (created if missing)"),
    )
    subparsers = parser.add_subparsers(
        title=translate("cli", "subcommands"), dest="command", metavar="COMMAND"
    )
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _route_file_to_gui(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Let ``pareconapp [--demo] FILE`` open a file without clashing with subcommand names."""
    positional = [arg for arg in argv if not arg.startswith("-")]
    if positional and positional[0] not in _command_names(parser):
        return ["gui", *argv]
    return argv


def _install_cli_translations(argv: list[str]) -> None:
    """Translate the command line's texts (not for the GUI, which sets up its own app).

    The application object is a ``QGuiApplication`` (offscreen without a display) because
    some commands draw: the minutes' PDF and ODT writers need fonts.
    """
    positional = [arg for arg in argv if not arg.startswith("-")]
    wants_gui = (
        not positional and "--help" not in argv and "-h" not in argv and "--version" not in argv
    ) or (positional[:1] == ["gui"])
    if wants_gui:
        return
    from pareconapp.exports.qt_app import gui_application

    gui_application()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    routed = _route_file_to_gui(parser, arguments)
    _install_cli_translations(routed)
    parser = build_parser()  # again, now with the translations installed
    args = parser.parse_args(routed)
    handler = getattr(args, "handler", None)
    if handler is None:
        from pareconapp.commands.gui import run_gui

        return run_gui(file=None, demo=args.demo)
    try:
        return int(handler(args))
    except UserError as error:
        print(
            translate("cli", "error: {message}").format(message=render(error.message)),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(translate("cli", "interrupted"), file=sys.stderr)
        return 130


def gui_main() -> int:
    """Entry point of the ``pareconapp-gui`` launcher (no console window on Windows)."""
    return main()
