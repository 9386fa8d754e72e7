"""Opening files that are not usable: each gives its own clear error and stays untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.errors import (
    DamagedFile,
    EnvironmentProblem,
    FileInUse,
    FileMissing,
    NewerVersionFile,
    NotAnAssemblyFile,
    environment_problem,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _assert_refused_untouched(path: Path, error_type: type[UserError]) -> UserError:
    before, listing = _digest(path), _folder_listing(path)
    with pytest.raises(error_type) as caught:
        AssemblyFile.open(path)
    assert _digest(path) == before, "the file changed"
    assert _folder_listing(path) == listing, "files appeared beside it (backup, journal)"
    assert str(path.name) in str(caught.value)
    return caught.value


def test_newer_version_is_refused_untouched(demo_file: Path) -> None:
    connection = sqlite3.connect(demo_file)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    error = _assert_refused_untouched(demo_file, NewerVersionFile)
    assert "newer version" in str(error)
    # and it can be opened again later by a newer app: nothing was left locked
    with pytest.raises(NewerVersionFile):
        AssemblyFile.open(demo_file)


def test_random_bytes_are_not_an_assembly(tmp_path: Path) -> None:
    path = tmp_path / "noise.parecon"
    path.write_bytes(os.urandom(4096))
    error = _assert_refused_untouched(path, NotAnAssemblyFile)
    assert "another kind" in str(error)


def test_empty_file_is_not_an_assembly(tmp_path: Path) -> None:
    path = tmp_path / "empty.parecon"
    path.write_bytes(b"")
    _assert_refused_untouched(path, NotAnAssemblyFile)


def test_another_sqlite_database_is_not_an_assembly(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('hello')")
    connection.commit()
    connection.close()
    error = _assert_refused_untouched(path, NotAnAssemblyFile)
    assert "another program" in str(error)


def test_truncated_file_is_damaged(demo_file: Path) -> None:
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 2])
    error = _assert_refused_untouched(demo_file, DamagedFile)
    assert "truncated" in str(error)


def test_corrupted_page_is_damaged(demo_file: Path) -> None:
    data = bytearray(demo_file.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size + 8, 3 * page_size):  # scribble over pages 2 and 3
        data[offset] = 0xA5
    demo_file.write_bytes(bytes(data))
    _assert_refused_untouched(demo_file, DamagedFile)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissing):
        AssemblyFile.open(tmp_path / "nowhere.parecon")


def test_folder_is_not_an_assembly(tmp_path: Path) -> None:
    with pytest.raises(NotAnAssemblyFile):
        AssemblyFile.open(tmp_path)


def test_second_open_in_the_same_process_is_refused(demo_file: Path) -> None:
    first = AssemblyFile.open(demo_file)
    try:
        with pytest.raises(FileInUse):
            AssemblyFile.open(demo_file)
        assert first.is_open
        with first.transaction() as session:  # the first one still works
            assert session.connection().exec_driver_sql("SELECT count(*) FROM member").scalar()
    finally:
        first.close()
    AssemblyFile.open(demo_file).close()  # released on close


def test_file_open_in_another_process_is_refused_untouched(demo_file: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from pareconapp.store.assembly_file import AssemblyFile
            f = AssemblyFile.open(Path({str(demo_file)!r}))
            print("open", flush=True)
            sys.stdin.read()
            f.close()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = _digest(demo_file)
        with pytest.raises(FileInUse) as caught:
            AssemblyFile.open(demo_file)
        assert "already open" in str(caught.value)
        assert _digest(demo_file) == before
    finally:
        holder.communicate("", timeout=30)
    AssemblyFile.open(demo_file).close()  # free again once the other copy closed it


def test_create_refuses_to_replace_an_open_file(demo_file: Path) -> None:
    first = AssemblyFile.open(demo_file)
    try:
        with pytest.raises(FileInUse):
            AssemblyFile.create(demo_file, "Another")
    finally:
        first.close()


def test_create_replaces_a_closed_file_atomically(demo_file: Path) -> None:
    created = AssemblyFile.create(demo_file, "Fresh")
    try:
        with created.transaction() as session:
            count = session.connection().exec_driver_sql("SELECT count(*) FROM member").scalar()
        assert count == 0
    finally:
        created.close()
    assert sorted(p.name for p in demo_file.parent.iterdir()) == [demo_file.name]


def test_committed_data_is_durable_and_journal_cleaned_on_close(demo_file: Path) -> None:
    file = AssemblyFile.open(demo_file)
    with file.transaction() as session:
        session.connection().exec_driver_sql("UPDATE assembly SET name = 'Renamed'")
    file.close()
    assert sorted(p.name for p in demo_file.parent.iterdir()) == [demo_file.name]
    connection = sqlite3.connect(demo_file)
    assert connection.execute("SELECT name FROM assembly").fetchone()[0] == "Renamed"
    connection.close()


def test_failed_transaction_rolls_back(demo_assembly) -> None:
    file = demo_assembly._file
    with pytest.raises(RuntimeError), file.transaction() as session:
        session.connection().exec_driver_sql("UPDATE assembly SET name = 'Half done'")
        raise RuntimeError("boom")
    assert demo_assembly.name() != "Half done"


def test_connection_settings(demo_assembly) -> None:
    with demo_assembly._file.transaction() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("database or disk is full", "disk is full"),
        ("attempt to write a readonly database", "read-only"),
        ("database is locked", "locked by another program"),
        ("disk I/O error", "could not be read or written"),
    ],
)
def test_environment_errors_become_messages(text: str, expected: str) -> None:
    problem = environment_problem(sqlite3.OperationalError(text))
    assert isinstance(problem, EnvironmentProblem)
    assert expected in str(problem)


def test_bugs_are_not_mistaken_for_environment_problems() -> None:
    assert environment_problem(sqlite3.OperationalError("no such column: x")) is None
    assert environment_problem(ValueError("bug")) is None


def test_disk_full_during_a_write_becomes_a_message(demo_assembly) -> None:
    file = demo_assembly._file
    with file.transaction() as session:  # limit the file to its current size
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()
    before = demo_assembly.name()

    def fill(session) -> None:
        connection = session.connection()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        connection.exec_driver_sql("UPDATE member SET contact = hex(randomblob(4000)) WHERE 1")

    with pytest.raises(EnvironmentProblem) as caught, file.transaction() as session:
        fill(session)
    assert "disk is full" in str(caught.value)
    assert demo_assembly.name() == before
