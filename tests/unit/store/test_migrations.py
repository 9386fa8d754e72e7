"""The migration scripts: one head, clean upgrades and downgrades, schema equals models."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from pareconapp.store import load_models, migrate
from pareconapp.store.assembly_file import AssemblyFile, make_engine
from pareconapp.store.models import Assembly, Member
from tests.conftest import FIXTURES


def test_single_head_matches_the_models_revision() -> None:
    heads = migrate.script_directory().get_heads()
    assert len(heads) == 1
    assert heads[0] == migrate.SCHEMA_REVISION == migrate.head_revision()


def test_revisions_are_numbered_in_a_line() -> None:
    revisions = sorted(migrate.script_directory().walk_revisions(), key=lambda r: r.revision)
    for number, revision in enumerate(revisions, start=1):
        assert revision.revision == f"{number:04d}"
        assert revision.down_revision == (None if number == 1 else f"{number - 1:04d}")
        assert Path(revision.path).name.startswith(revision.revision + "_")


def _empty_engine(tmp_path: Path):
    return make_engine(tmp_path / "empty.parecon", foreign_keys=False)


def test_upgrade_from_empty_to_head(tmp_path: Path) -> None:
    engine = _empty_engine(tmp_path)
    with engine.begin() as connection:
        migrate.upgrade(connection)
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    engine.dispose()
    assert version == migrate.SCHEMA_REVISION


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    engine = _empty_engine(tmp_path)
    with engine.begin() as connection:
        migrate.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, load_models())
    engine.dispose()
    assert differences == []


def test_every_step_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    revisions = list(reversed(list(migrate.script_directory().walk_revisions())))
    engine = _empty_engine(tmp_path)
    for revision in revisions:  # up one step at a time
        with engine.begin() as connection:
            migrate.upgrade(connection, revision.revision)
    for revision in reversed(revisions):  # and down again
        with engine.begin() as connection:
            migrate.downgrade(connection, revision.down_revision or "base")
    with engine.begin() as connection:
        tables = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table'"
            )
        }
        assert tables <= {"alembic_version"}
        migrate.upgrade(connection)
    engine.dispose()


FIXTURE_FILES = sorted(FIXTURES.glob("schema_*.parecon"))


def test_a_fixture_exists_for_every_schema() -> None:
    fixture_revisions = {path.stem.removeprefix("schema_") for path in FIXTURE_FILES}
    assert fixture_revisions == migrate.known_revisions()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_files_of_every_released_schema_open_and_keep_their_data(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with sqlite3.connect(fixture) as original:
        members = original.execute("SELECT count(*) FROM member").fetchone()[0]
        name = original.execute("SELECT name FROM assembly").fetchone()[0]
    original.close()
    file = AssemblyFile.open(path)
    try:
        with file.transaction() as session:
            assert session.scalars(select(Assembly.name)).one() == name
            assert len(session.scalars(select(Member)).all()) == members
        revision = fixture.stem.removeprefix("schema_")
        if revision == migrate.SCHEMA_REVISION:
            assert file.migration_backup is None
        else:
            backup = file.migration_backup
            assert backup is not None and backup.exists()
            assert backup.read_bytes() == fixture.read_bytes() or _same_content(backup, fixture)
    finally:
        file.close()
    with sqlite3.connect(path) as migrated:
        assert migrated.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            migrate.SCHEMA_REVISION
        )
    migrated.close()


def _same_content(a: Path, b: Path) -> bool:
    def dump(path: Path) -> list[str]:
        connection = sqlite3.connect(path)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()

    return dump(a) == dump(b)
