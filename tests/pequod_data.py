"""Where the Pequod experiment data is: ``../shared/data/pequod``, else the copy in the repo.

The tests and the benchmarks read ``dep1ex01.clj`` and ``dep1ex01.csv``. A checkout next to
the project's shared folder uses that; a clean clone uses the gzip copies in
``tests/data/pequod/`` (see its README for the source), decompressed once into ``cache``.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data" / "pequod"
COPY = ROOT / "tests" / "data" / "pequod"


def pequod_path(name: str, cache: Path) -> Path | None:
    """The file ``name`` (e.g. ``dep1ex01.clj``), or ``None`` if neither place has it."""
    shared = SHARED / name
    if shared.is_file():
        return shared
    packed = COPY / f"{name}.gz"
    if not packed.is_file():
        return None
    target = cache / name
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        with gzip.open(packed, "rb") as source, partial.open("wb") as out:
            shutil.copyfileobj(source, out)
        partial.replace(target)
    return target
