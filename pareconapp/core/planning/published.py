"""The published DEP trajectory (``dep1ex01.csv``) and how closely a run reproduces it.

csvgen.clj (msszczep/pequod-cljs) logs one CSV row per planning round: the prices it set
after the round (``:private-good-prices-1`` ...), and the round's supply, demand, surplus and
threshold report per good, then every worker council's output and effort. A row
``exponent-sum`` ends year one; the rows after it are the warm "year two".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning.goods import GoodKind, GoodsLayout
from pareconapp.core.planning.simulation import PlanningRun

# csvgen.clj's column names per kind: prices, then supply/demand suffixes.
_PRICE_COLUMNS = {
    GoodKind.PRIVATE: "private-good-prices",
    GoodKind.INTERMEDIATE: "intermediate-good-prices",
    GoodKind.NATURE: "nature-prices",
    GoodKind.LABOUR: "labor-prices",
    GoodKind.PUBLIC: "public-good-prices",
}
_QUANTITY_COLUMNS = {
    GoodKind.PRIVATE: "private-goods",
    GoodKind.INTERMEDIATE: "intermediate-goods",
    GoodKind.NATURE: "nature",
    GoodKind.LABOUR: "labor",
    GoodKind.PUBLIC: "public-goods",
}


@dataclass(frozen=True)
class PublishedRound:
    """One logged round: the totals of its proposals and the prices set after it."""

    number: int
    prices_after: FloatArray
    supply: FloatArray
    demand: FloatArray
    worker_output: FloatArray
    """Every worker council's output, in file order."""
    worker_effort: FloatArray


@dataclass(frozen=True)
class PublishedTrajectory:
    """The two years of a published run."""

    year_one: tuple[PublishedRound, ...]
    year_two: tuple[PublishedRound, ...]


def read_published_trajectory(path: Path, layout: GoodsLayout) -> PublishedTrajectory:
    """Read a csvgen.clj log such as ``dep1ex01.csv``."""
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.reader(stream))
    except OSError as error:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Planning", "Cannot read {path}: {reason}"),
                {"path": str(path), "reason": str(error)},
            )
        ) from error
    if not rows:
        raise _bad_column(path, ":iteration")
    header = {name: i for i, name in enumerate(rows[0])}
    years: list[list[PublishedRound]] = [[]]
    for row in rows[1:]:
        if row and row[0] == "exponent-sum":
            years.append([])
        elif row and row[0]:
            years[-1].append(_round(row, header, layout, path))
    return PublishedTrajectory(tuple(years[0]), tuple(years[1]) if len(years) > 1 else ())


def _round(
    row: list[str], header: dict[str, int], layout: GoodsLayout, path: Path
) -> PublishedRound:
    def values(names: list[str]) -> FloatArray:
        try:
            return np.array([float(row[header[name]]) for name in names])
        except KeyError as missing:
            raise _bad_column(path, str(missing.args[0])) from None

    def per_good(prefix: str, columns: dict[GoodKind, str]) -> FloatArray:
        return values(
            [
                f":{prefix}{columns[kind]}-{n}"
                for kind in GoodKind
                for n in range(1, layout.count(kind) + 1)
            ]
        )

    workers = sorted(int(name.split("_")[1]) for name in header if name.endswith("_output"))
    return PublishedRound(
        number=int(row[0]),
        prices_after=per_good("", _PRICE_COLUMNS),
        supply=per_good("supply-", _QUANTITY_COLUMNS),
        demand=per_good("demand-", _QUANTITY_COLUMNS),
        worker_output=values([f"wc_{i}_output" for i in workers]),
        worker_effort=values([f"wc_{i}_effort" for i in workers]),
    )


def _bad_column(path: Path, column: str) -> UserError:
    return UserError(
        UserMessage(
            QT_TRANSLATE_NOOP("Planning", "{path} is not a csvgen.clj log: no column {column}."),
            {"path": str(path), "column": column},
        )
    )


def largest_price_differences(
    run: PlanningRun, published: tuple[PublishedRound, ...]
) -> list[float]:
    """For every published round the run also has, the largest relative price difference.

    Compares the prices each set after the round: ``max |p_run / p_published - 1|``.
    """
    rounds = min(len(run.rounds), len(published))
    return [
        float(np.max(np.abs(run.prices_after(n) / published[n - 1].prices_after - 1.0)))
        for n in range(1, rounds + 1)
    ]
