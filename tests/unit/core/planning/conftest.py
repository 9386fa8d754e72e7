"""Fixtures for the planning engine: the shared DEP data, read once per session."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from pareconapp.core.planning import (
    Economy,
    PublishedTrajectory,
    generate_economy,
    read_economy,
    read_published_trajectory,
)
from tests.pequod_data import pequod_path

CACHE = Path(tempfile.gettempdir()) / "pareconapp-tests-pequod"
"""Where the repository's compressed copy is unpacked (once) when ../shared is absent."""


def pequod_file(name: str) -> Path:
    """A file of the Pequod data (../shared, else the repository's copy)."""
    path = pequod_path(name, CACHE)
    if path is None:
        pytest.fail(f"Pequod data {name} is neither in ../shared nor in tests/data/pequod")
    return path


@pytest.fixture(scope="session")
def dep_economy() -> Economy:
    """Experiment 1 of Democratic Economic Planning (3000 + 3000 councils)."""
    return read_economy(pequod_file("dep1ex01.clj"))


@pytest.fixture(scope="session")
def published(dep_economy: Economy) -> PublishedTrajectory:
    """The trajectory csvgen.clj logged for that experiment."""
    return read_published_trajectory(pequod_file("dep1ex01.csv"), dep_economy.layout)


@pytest.fixture(scope="session")
def small_economy() -> Economy:
    """A 300 + 300 council economy drawn like the DEP experiments."""
    return generate_economy(seed=11, consumer_councils=300, worker_councils=300)
