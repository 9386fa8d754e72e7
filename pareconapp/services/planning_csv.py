"""Goods catalogues and councils of the federation as CSV (from a spreadsheet)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import CouncilEntry, CouncilKind
from pareconapp.services.planning_rows import GoodFields

GOODS_COLUMNS = ("code", "name", "category", "unit", "start_price", "fixed_supply")
COUNCIL_COLUMNS = ("code", "name", "kind")


def _rows(text: str, columns: Sequence[str]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in columns[:3] if c not in (reader.fieldnames or ())]
    if missing:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", "The CSV file needs the columns {columns}; missing: {missing}."
            ),
            columns=", ".join(columns),
            missing=", ".join(missing),
        )
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def parse_goods_csv(text: str) -> list[GoodFields]:
    """Goods from CSV: ``code,name,category,unit,start_price,fixed_supply`` (with a header)."""
    goods = []
    for number, row in enumerate(_rows(text, GOODS_COLUMNS), 2):
        try:
            category = GoodCategory(row["category"].lower())
        except ValueError:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    'Line {line}: category "{value}" is not one of private, public, '
                    "intermediate, nature, labour, pollutant.",
                ),
                line=number,
                value=row["category"],
            ) from None
        goods.append(
            GoodFields(
                row["code"],
                row["name"],
                category,
                row.get("unit", ""),
                _number(row.get("start_price") or "100", number, "start_price"),
                _number(row["fixed_supply"], number, "fixed_supply")
                if row.get("fixed_supply")
                else None,
            )
        )
    return goods


def parse_councils_csv(text: str) -> list[CouncilEntry]:
    """Councils from CSV: ``code,name,kind`` (kind ``worker`` or ``consumer``)."""
    councils = []
    for number, row in enumerate(_rows(text, COUNCIL_COLUMNS), 2):
        try:
            kind = CouncilKind(row["kind"].lower())
        except ValueError:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning", 'Line {line}: kind "{value}" is not worker or consumer.'
                ),
                line=number,
                value=row["kind"],
            ) from None
        councils.append(CouncilEntry(row["code"], row["name"], kind))
    return councils


def _number(text: str, line: int, column: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'Line {line}: {column} "{value}" is not a number.'),
            line=line,
            column=column,
            value=text,
        ) from None
