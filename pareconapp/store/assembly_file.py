"""Opening, creating, migrating and closing assembly files.

An assembly file is one SQLite database (suffix ``.parecon``) marked with our
``application_id``. Opening it:

1. refuses a file already open in this process, a missing file, a file that is not SQLite,
   another SQLite database, or a truncated file - by reading the 100-byte header only;
2. takes an exclusive advisory lock (a second running copy is told the file is in use);
3. inspects the file through a read-only connection (schema revision, ``quick_check``), so a
   file from a newer version or a damaged file is refused byte-for-byte untouched;
4. backs up an older file beside it (SQLite's online backup) and upgrades it in one
   transaction;
5. opens it with WAL journalling, foreign keys on and ``synchronous=FULL``, so a committed
   transaction survives a crash or power loss.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pareconapp import __version__
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserMessage
from pareconapp.store import load_models, migrate
from pareconapp.store.errors import (
    DamagedFile,
    FileInUse,
    FileMissing,
    NewerVersionFile,
    NotAnAssemblyFile,
    environment_problem,
)
from pareconapp.store.lock import FileLock, LockUnavailableError
from pareconapp.store.models import Assembly

APPLICATION_ID = 0x50415243  # "PARC"; written by the first migration
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

_open_paths: set[Path] = set()
_open_paths_guard = threading.Lock()


@dataclass(frozen=True)
class SQLiteHeader:
    """The fields of a SQLite file header that tell us what the file is."""

    page_size: int
    page_count: int | None  # None when the in-header size is not valid
    application_id: int


def read_header(path: Path) -> SQLiteHeader:
    """Read and check the 100-byte header; raise if the file is not an intact assembly."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        raise FileMissing(path) from None
    except IsADirectoryError:
        raise NotAnAssemblyFile(path, _reason("it is a folder")) from None
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise NotAnAssemblyFile(path, _reason("the file is of another kind"))
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotAnAssemblyFile(path, _reason("it is a database of another program"))
    count = page_count if valid_for == change_counter and page_count > 0 else None
    if count is not None and size < count * page_size:
        raise DamagedFile(path, f"truncated: {size} of {count * page_size} bytes")
    return SQLiteHeader(page_size, count, application_id)


def _reason(text: str) -> UserMessage:
    # The few reasons are marked where they are used so lupdate sees each literal.
    return UserMessage(_REASONS[text])


_REASONS = {
    "it is a folder": QT_TRANSLATE_NOOP("AssemblyFile", "it is a folder"),
    "the file is of another kind": QT_TRANSLATE_NOOP("AssemblyFile", "the file is of another kind"),
    "it is a database of another program": QT_TRANSLATE_NOOP(
        "AssemblyFile", "it is a database of another program"
    ),
}


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` and leaves no journal files behind.

    Without a ``-wal`` file nobody has the file open in WAL mode, so it is opened as
    immutable (SQLite then creates no ``-shm``/``-wal`` beside it); with one (the app has it
    open, or a crash left it) a plain read-only connection reads through the journal.
    """
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    options = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{uri}?{options}", uri=True)


def inspect_revision(path: Path) -> str:
    """The schema revision of an assembly file, read without changing the file.

    Also runs SQLite's ``quick_check``, so a damaged file is refused before anything writes.
    """
    try:
        connection = read_only_connection(path)
    except sqlite3.Error as error:
        raise DamagedFile(path, str(error)) from error
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedFile(path, "; ".join(problems[:3]))
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as error:
        if "no such table" in str(error):
            raise DamagedFile(path, "no schema version") from error
        raise DamagedFile(path, str(error)) from error
    finally:
        connection.close()
    if len(rows) != 1:
        raise DamagedFile(path, "no schema version")
    return str(rows[0][0])


def _configure_connection(foreign_keys: bool) -> Any:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves (the "begin" listener) so DDL and DML share real
        # transactions; pysqlite's own implicit transactions would split them.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return on_connect


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """A SQLAlchemy engine on ``path`` with our connection settings."""
    load_models()  # every area's tables and relationships, before any session exists
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure_connection(foreign_keys))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _outside_transaction(engine: Engine, statement: str) -> None:
    """Run a PRAGMA that SQLite refuses inside a transaction, on a pooled connection."""
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute(statement).close()


def checkpoint(file: AssemblyFile) -> None:
    """Move committed pages from the journal into the file and empty the journal.

    After a secret ballot this leaves no record of the order of writes in the ``-wal``
    file; it is as durable as the commit itself.
    """
    _outside_transaction(file.engine, "PRAGMA wal_checkpoint(TRUNCATE)")


def backup_copy(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of an open database to ``target`` atomically."""
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_dir(target.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        _fsync(path)


def backup_path_for(path: Path, revision: str, now: datetime | None = None) -> Path:
    """Where the pre-migration backup of ``path`` goes: beside it, timestamped."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-{stamp}-schema-{revision}{path.suffix}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(
            f"{path.stem}.backup-{stamp}-{counter}-schema-{revision}{path.suffix}"
        )
    return candidate


def _upgrade(path: Path, revision: str) -> Path:
    """Back up ``path`` beside itself, then upgrade it to head in one transaction."""
    backup = backup_path_for(path, revision)
    source = sqlite3.connect(path)
    try:
        backup_copy(source, backup)
    finally:
        source.close()
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
    finally:
        engine.dispose()
    return backup


class AssemblyFile:
    """An open assembly file: one engine, one lock, sessions per user action."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock, backup: Path | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.migration_backup = backup
        """The backup made before migrating this file on open, if it was migrated."""

    # -- opening and creating ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> AssemblyFile:
        """Open an existing assembly file, migrating an older one after a backup."""
        path = Path(path).resolve()
        _claim(path)
        lock = FileLock(path)
        try:
            read_header(path)
            try:
                lock.acquire()
            except LockUnavailableError:
                raise FileInUse(path) from None
            revision = inspect_revision(path)
            backup = None
            if revision != migrate.SCHEMA_REVISION:
                if revision not in migrate.known_revisions():
                    raise NewerVersionFile(path, revision)
                backup = _upgrade(path, revision)
            return cls(path, make_engine(path), lock, backup)
        except BaseException as error:
            lock.release()
            _release(path)
            problem = environment_problem(error)
            if problem is not None:
                raise problem from error
            raise

    @classmethod
    def create(cls, path: Path, name: str, description: str = "") -> AssemblyFile:
        """Create a new assembly file at ``path`` (replacing a file that is not open)."""
        path = Path(path).resolve()
        temporary = path.with_name(f".{path.name}.creating-{os.getpid()}")
        try:
            # Claim first: probing the lock opens and closes a descriptor of the file, which
            # must never happen while this process has it open in SQLite.
            with _claimed(path):
                if path.exists():
                    # Refuse to replace a file another copy of the app has open.
                    guard = FileLock(path)
                    try:
                        guard.acquire()
                    except LockUnavailableError:
                        raise FileInUse(path) from None
                    finally:
                        guard.release()
                temporary.unlink(missing_ok=True)
                engine = make_engine(temporary, foreign_keys=False)
                try:
                    with engine.begin() as connection:
                        migrate.upgrade(connection)
                    with Session(engine) as session, session.begin():
                        session.add(
                            Assembly(name=name, description=description, created_with=__version__)
                        )
                    _outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
                    _outside_transaction(engine, "PRAGMA journal_mode=DELETE")
                finally:
                    engine.dispose()
                _fsync(temporary)
                os.replace(temporary, path)
                _fsync_dir(path.parent)
        except BaseException as error:
            temporary.unlink(missing_ok=True)
            problem = environment_problem(error)
            if problem is not None:
                raise problem from error
            raise
        return cls.open(path)

    # -- using ------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session for one user action: commit on success, roll back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as error:
            session.rollback()
            problem = environment_problem(error)
            if problem is not None:
                raise problem from error
            raise
        finally:
            session.close()

    def save_copy(self, target: Path) -> None:
        """Write a consistent copy of the open file to ``target`` (never half-written)."""
        target = Path(target).resolve()
        if target == self.path:
            raise ValueError("a copy cannot replace the open file itself")
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            try:
                backup_copy(raw, target)
            except BaseException as error:
                problem = environment_problem(error)
                if problem is not None:
                    raise problem from error
                raise

    def close(self) -> None:
        """Close the file: checkpoint the journal, release the engine, then the lock."""
        if not self._lock.held:
            return
        try:
            _outside_transaction(self.engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        except Exception:
            pass
        finally:
            self.engine.dispose()
            self._lock.release()
            _release(self.path)

    @property
    def is_open(self) -> bool:
        """Whether the file is still open."""
        return self._lock.held


def _claim(path: Path) -> None:
    with _open_paths_guard:
        if path in _open_paths:
            raise FileInUse(path)
        _open_paths.add(path)


def _release(path: Path) -> None:
    with _open_paths_guard:
        _open_paths.discard(path)


@contextlib.contextmanager
def _claimed(path: Path) -> Iterator[None]:
    _claim(path)
    try:
        yield
    finally:
        _release(path)
