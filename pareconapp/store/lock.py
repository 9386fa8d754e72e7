"""An exclusive, advisory lock that tells a second running copy the file is in use.

On POSIX the lock is ``flock`` on the assembly file itself: it does not interact with
SQLite's own ``fcntl`` byte-range locks, leaves no stray file behind, and the kernel drops it
when the process dies (so a crash never leaves a stale lock). The descriptor stays open until
:meth:`FileLock.release`, which the caller does only after SQLite has closed the file (closing
another descriptor of the file would drop SQLite's POSIX locks). On Windows a sidecar
``.lock`` file is locked with ``msvcrt``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class LockUnavailableError(Exception):
    """Another process (or another window of this one) holds the lock."""


class FileLock:
    """Hold an exclusive lock on ``path`` for as long as the object is acquired."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock without waiting; raise :class:`LockUnavailableError` if held."""
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            self._acquire_windows()
            return
        import fcntl

        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            os.close(fd)
            raise LockUnavailableError(str(self.path)) from error
        self._fd = fd

    def _acquire_windows(self) -> None:  # pragma: no cover - Windows only
        import msvcrt

        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError as error:
            os.close(fd)
            raise LockUnavailableError(str(self.path)) from error
        self._fd = fd

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None
