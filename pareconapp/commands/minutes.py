"""``pareconapp minutes FILE``: export a meeting's minutes (PDF, ODT, HTML, Markdown, CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.progress import Progress
from pareconapp.i18n import translate


def register(subparsers: Any) -> None:
    """Add the ``minutes`` subcommand."""
    from pareconapp.exports.formats import ExportFormat

    parser = subparsers.add_parser(
        "minutes",
        help=translate(
            "cli.minutes", "export the minutes of a meeting as PDF, ODT, HTML, Markdown or CSV"
        ),
        description=translate(
            "cli.minutes",
            "Export the minutes of a meeting. Draft minutes are drawn up from the record; "
            "approved minutes are printed as approved, with their SHA-256 and any errata.",
        ),
    )
    parser.add_argument(
        "path", metavar="FILE", type=Path, help=translate("cli.minutes", "the assembly file")
    )
    parser.add_argument(
        "--meeting",
        default="last",
        metavar="ID|last",
        help=translate(
            "cli.minutes",
            "the meeting's number (see --list), or 'last' for the last one held (default: last)",
        ),
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        help=translate("cli.minutes", "the format (default: from the ending of --out)"),
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        type=Path,
        help=translate(
            "cli.minutes",
            "the file to write (CSV writes PATH-decisions.csv, PATH-votes.csv and "
            "PATH-actions.csv)",
        ),
    )
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help=translate("cli.minutes", "the paper size of the PDF (default: from the locale)"),
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help=translate("cli.minutes", "list the meetings that have minutes and stop"),
    )
    parser.set_defaults(handler=run)


def _problem(source: SourceText, **values: object) -> UserError:
    return UserError(UserMessage(source, values))


def run(args: argparse.Namespace) -> int:
    """Export the minutes (or list the meetings)."""
    from pareconapp.exports.formats import ExportFormat, export_minutes, format_of
    from pareconapp.exports.qt_app import gui_application
    from pareconapp.exports.qt_locale import QtLocalizer
    from pareconapp.services.assembly import AssemblyService

    fmt: ExportFormat | None = None
    if not args.list:
        if args.out is None:
            raise _problem(
                QT_TRANSLATE_NOOP(
                    "cli.minutes", "--out: say which file to write, e.g. --out minutes.pdf"
                )
            )
        fmt = ExportFormat(args.format) if args.format else format_of(args.out)
        if fmt is None:
            raise _problem(
                QT_TRANSLATE_NOOP(
                    "cli.minutes",
                    "--format: give pdf, odt, html, md or csv (the ending of {path} names "
                    "none of them)",
                ),
                path=str(args.out),
            )
        if not args.out.parent.is_dir():
            raise _problem(
                QT_TRANSLATE_NOOP("cli.minutes", "--out: the folder {folder} does not exist"),
                folder=str(args.out.parent),
            )
    gui_application()
    assembly = AssemblyService.open(args.path)
    try:
        if args.list:
            return _list(assembly)
        assert fmt is not None
        meeting_id = _meeting_id(assembly, str(args.meeting))
        loc = QtLocalizer()
        progress = Progress(_progress_printer())
        document = assembly.minutes.document(meeting_id, loc, progress)
        written = export_minutes(document, fmt, args.out, args.paper, progress)
        _end_progress()
        state = assembly.minutes.state(meeting_id)
    finally:
        assembly.close()
    for path in written:
        print(translate("cli.minutes", "Wrote {path}").format(path=path))
    if state.sha256:
        print(
            translate("cli.minutes", "Approved minutes, SHA-256 {sha256}").format(
                sha256=state.sha256
            )
        )
    else:
        print(translate("cli.minutes", "Draft minutes: not approved yet"))
    return 0


def _meeting_id(assembly: Any, text: str) -> int:
    if text.strip().lower() == "last":
        return int(assembly.minutes.last_meeting_id())
    try:
        wanted = int(text)
    except ValueError:
        raise _problem(
            QT_TRANSLATE_NOOP(
                "cli.minutes",
                "--meeting: give a meeting's number (see --list) or 'last', not {value}",
            ),
            value=text,
        ) from None
    held = {m.id for m in assembly.minutes.held_meetings()}
    if wanted not in held:
        raise _problem(
            QT_TRANSLATE_NOOP(
                "cli.minutes",
                "--meeting: meeting {value} has not been held (see --list for those that were)",
            ),
            value=wanted,
        )
    return wanted


def _list(assembly: Any) -> int:
    from pareconapp.exports.qt_locale import QtLocalizer

    loc = QtLocalizer()
    meetings = assembly.minutes.held_meetings()
    if not meetings:
        print(translate("cli.minutes", "No meeting has been held yet."))
        return 0
    for meeting in meetings:
        state = assembly.minutes.state(meeting.id)
        status = (
            translate("cli.minutes", "approved")
            if state.sha256
            else translate("cli.minutes", "draft")
        )
        print(f"{meeting.id:>5}  {loc.date_time(meeting.starts_at)}  {status:<9} {meeting.title}")
    return 0


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, _message: str) -> None:
        if total:
            working = translate("cli.minutes", "Working")
            sys.stderr.write(f"\r{working}… {100 * done // total:3d} %")
            sys.stderr.flush()

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 30 + "\r")
        sys.stderr.flush()
