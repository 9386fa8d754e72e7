"""A tiny economy computed by hand: 3 worker councils, 3 consumer councils, 5 goods."""

from __future__ import annotations

import numpy as np
import pytest

from pareconapp.core.planning_exchange.accounts import Line
from pareconapp.core.planning_exchange.catalogue import (
    Catalogue,
    Good,
    GoodCategory,
    make_catalogue,
)
from pareconapp.core.planning_exchange.files import CouncilKind
from pareconapp.core.planning_exchange.rounds import CouncilProposal

W, C = CouncilKind.WORKER, CouncilKind.CONSUMER


@pytest.fixture
def catalogue() -> Catalogue:
    return make_catalogue(
        [
            Good("bread", "Bread", GoodCategory.PRIVATE, "loaf"),
            Good("park", "Park", GoodCategory.PUBLIC, "ha"),
            Good("flour", "Flour", GoodCategory.INTERMEDIATE, "kg"),
            Good("land", "Land", GoodCategory.NATURE, "ha"),
            Good("labour", "Labour", GoodCategory.LABOUR, "h"),
        ]
    )


@pytest.fixture
def fixed_supply() -> np.ndarray:
    # land 100 ha and 200 labour hours; nobody makes them
    return np.array([0.0, 0.0, 0.0, 100.0, 200.0])


@pytest.fixture
def proposals() -> list[CouncilProposal]:
    return [
        CouncilProposal(
            "bakery", W, (Line("bread", 50), Line("flour", 0, 40), Line("labour", 0, 10))
        ),
        CouncilProposal("mill", W, (Line("flour", 45), Line("land", 0, 60), Line("labour", 0, 50))),
        CouncilProposal("parks", W, (Line("park", 5), Line("land", 0, 20), Line("labour", 0, 120))),
        CouncilProposal("north", C, (Line("bread", 0, 20), Line("park", 0, 6)), budget=300),
        CouncilProposal(
            "south", C, (Line("bread", 0, 18), Line("park", 0, 5)), budget=300, decided=False
        ),
        CouncilProposal("east", C, (Line("bread", 0, 17), Line("park", 0, 4)), budget=180),
    ]
