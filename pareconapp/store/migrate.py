"""Run the Alembic migrations shipped inside the package, from code.

As MLflow's ``store/db/utils.py`` does, the script location points at the installed package
and one connection is passed through ``config.attributes``; the upgrade runs in a single
transaction with foreign keys off (SQLite batch migrations recreate tables, and dropping a
referenced table with foreign keys on would cascade), and the foreign keys are checked
before the transaction commits.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from pareconapp.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported where it is used: opening an up-to-date file never needs it, and it
# costs a tenth of a second at start-up.

REVISION_FILE_PATTERN = "[0-9][0-9][0-9][0-9]_*.py"


def _newest_revision_on_disk() -> str:
    """The highest ``NNNN`` of the shipped ``versions/NNNN_*.py`` scripts.

    Revisions are numbered ``0001``, ``0002``... each revising the one before (a test
    checks this), so the newest file is the head - found without loading Alembic, which
    keeps opening an up-to-date file fast.
    """
    names = sorted(p.name for p in (migrations_dir() / "versions").glob(REVISION_FILE_PATTERN))
    return names[-1][:4]


SCHEMA_REVISION = _newest_revision_on_disk()
"""The revision the models describe (the single head)."""


class ForeignKeyViolationError(RuntimeError):
    """A migration left rows pointing at rows that do not exist."""


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the shipped scripts, bound to ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    """The shipped migration scripts."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The single head revision of the shipped scripts."""
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migration scripts have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    """Every revision this version of the app knows."""
    return {rev.revision for rev in script_directory().walk_revisions()}


def upgrade(connection: Connection, target: str = "head") -> None:
    """Upgrade the database behind ``connection`` inside the caller's transaction.

    The connection must have foreign keys switched off (they cannot be switched inside a
    transaction); violations are checked here before returning.
    """
    from alembic import command

    command.upgrade(alembic_config(connection), target)
    violations = connection.execute(text("PRAGMA foreign_key_check")).all()
    if violations:
        raise ForeignKeyViolationError(f"foreign key violations after migration: {violations[:5]}")


def downgrade(connection: Connection, target: str) -> None:
    """Downgrade inside the caller's transaction (used by the migration tests)."""
    from alembic import command

    command.downgrade(alembic_config(connection), target)
