"""Subcommands of the ``pareconapp`` command line.

Each module here defines ``register(subparsers)``, which adds its parser(s) and sets
``handler`` (a function taking the parsed ``argparse.Namespace`` and returning an exit code)
with ``parser.set_defaults(handler=...)``. List a new module in :data:`COMMAND_MODULES`.
Every user-visible string goes through :func:`pareconapp.i18n.translate`; expected problems
arrive as :class:`~pareconapp.core.i18n.UserError` and are printed by ``cli.main`` with exit
code 2, so handlers may simply let them propagate.
"""

COMMAND_MODULES = (
    "pareconapp.commands.gui",
    "pareconapp.commands.demo",
    "pareconapp.commands.check",
    "pareconapp.commands.plan",
    "pareconapp.commands.minutes",
    "pareconapp.commands.remuneration",
)
