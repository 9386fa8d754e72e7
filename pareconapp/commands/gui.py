"""``pareconapp gui [FILE] [--demo]``: the desktop app (also the default command)."""

from __future__ import annotations

import os
import sys
from typing import Any

from pareconapp.i18n import translate


def register(subparsers: Any) -> None:
    """Add the ``gui`` subcommand."""
    parser = subparsers.add_parser(
        "gui", help=translate("cli", "start the desktop app (the default without a subcommand)")
    )
    parser.add_argument(
        "file", nargs="?", default=None, help=translate("cli", "an assembly file to open")
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=translate("cli", "open the demo assembly (created if missing)"),
    )
    parser.set_defaults(handler=lambda args: run_gui(file=args.file, demo=args.demo))


def display_available() -> bool:
    """Whether Qt can show windows here (a display, or a platform chosen explicitly)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_gui(file: str | None = None, demo: bool = False) -> int:
    """Start the desktop app; say clearly why not when there is no display."""
    if not display_available():
        print(
            translate(
                "cli",
                "No display found: the desktop app needs a screen. Run it under a virtual "
                "display with 'xvfb-run make run', or render its screens to PNG files with "
                "'make screenshots'.",
            ),
            file=sys.stderr,
        )
        return 1
    from pareconapp.ui.app import run

    return run(file=file, demo=demo)
