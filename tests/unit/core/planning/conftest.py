"""Fixtures for the planning engine: the shared DEP data, read once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pareconapp.core.planning import (
    Economy,
    PublishedTrajectory,
    generate_economy,
    read_economy,
    read_published_trajectory,
)

# The CI keeps ../shared beside the repository root.
PEQUOD_DIR = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "pequod"


def pequod_file(name: str) -> Path:
    """A file of the shared Pequod data, or skip the test if the data is not there."""
    path = PEQUOD_DIR / name
    if not path.is_file():
        pytest.skip(f"shared Pequod data not found at {path} (needs ../shared beside the repo)")
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
