"""A planning run as a table: one row per round with every good's price, supply and demand."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from pareconapp.core.planning.goods import GoodsLayout
from pareconapp.core.planning.simulation import PlanningRun


def round_log_header(layout: GoodsLayout) -> list[str]:
    """The column names: year, round, largest imbalance, then price/supply/demand per good."""
    columns = ["year", "round", "largest_imbalance"]
    for label in layout.labels():
        columns += [f"price:{label}", f"supply:{label}", f"demand:{label}"]
    return columns


def write_round_log(stream: TextIO, layout: GoodsLayout, years: Sequence[PlanningRun]) -> None:
    """Write the rounds of one or more planning years as CSV to ``stream``."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(round_log_header(layout))
    for year, run in enumerate(years, 1):
        for planning_round in run.rounds:
            row: list[object] = [
                year,
                planning_round.number,
                repr(planning_round.largest_imbalance),
            ]
            for price, supply, demand in zip(
                planning_round.prices, planning_round.supply, planning_round.demand, strict=True
            ):
                row += [repr(float(price)), repr(float(supply)), repr(float(demand))]
            writer.writerow(row)
