"""Writing exported files so that a crash never leaves half of one behind.

Used by every export (CSV, minutes, exchange files) from the GUI and the CLI alike.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically (see :func:`write_bytes_atomically`)."""
    write_bytes_atomically(path, text.encode(encoding))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place.

    ``os.replace`` is atomic on one file system, so ``path`` holds either its old content or
    all of the new one. Raises ``OSError`` (read-only folder, full disk...) and then leaves
    no temporary file behind.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; give it the usual mode (or the replaced file's).
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
