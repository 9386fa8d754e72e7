"""Alembic environment for assembly files.

The app runs migrations from code (``pareconapp.store.migrate``), passing one open
connection through ``config.attributes["connection"]``, so the whole upgrade is one
transaction on that connection. ``render_as_batch`` makes ALTERs work on SQLite.
"""

from alembic import context
from sqlalchemy import create_engine

from pareconapp.store import load_models

config = context.config
target_metadata = load_models()


def _configure(connection):
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        transaction_per_migration=False,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        # The caller owns the transaction (one transaction for the whole upgrade).
        context.run_migrations()
        return
    # Developer use: `alembic -x url=sqlite:///file.parecon revision --autogenerate`.
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported for assembly files.")
run_migrations_online()
