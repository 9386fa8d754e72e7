"""Service tests run on a fresh demo assembly with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pareconapp.services.assembly import AssemblyService
from pareconapp.services.clock import ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def assembly(demo_file: Path, clock: ManualClock) -> Iterator[AssemblyService]:
    service = AssemblyService.open(demo_file, clock)
    yield service
    service.close()
