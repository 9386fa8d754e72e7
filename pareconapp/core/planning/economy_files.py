"""Economy files: Pequod EDN (see :mod:`pequod_edn`) and a fast numpy archive (``.npz``).

A ``.npz`` file holds the same economy as arrays and loads in milliseconds, which matters for
federation-sized economies (30,000 councils a side make a 30 MB EDN file that takes tens of
seconds to parse).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.planning.economy import (
    ConsumerCouncils,
    Economy,
    WorkerTable,
    group_workers,
    validate_economy,
    worker_table,
)
from pareconapp.core.planning.goods import GoodKind, GoodsLayout
from pareconapp.core.planning.pequod_edn import format_pequod_edn, parse_pequod_edn

NPZ_FORMAT_VERSION = 1


def _error(text: SourceText, **params: object) -> UserError:
    return UserError(UserMessage(text, params))


def read_economy(path: Path) -> Economy:
    """Read an economy from a Pequod EDN file (any suffix but ``.npz``) or a ``.npz`` file."""
    try:
        if path.suffix == ".npz":
            return _read_npz(path)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "Economy file {path} does not exist."), path=str(path)
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "Cannot read economy file {path}: {reason}"),
            path=str(path),
            reason=str(error),
        ) from error
    return parse_pequod_edn(text, source=str(path))


def write_economy(economy: Economy, path: Path, name: str = "economy") -> None:
    """Write ``economy`` as EDN (Pequod's format) or, for a ``.npz`` path, as arrays."""
    try:
        if path.suffix == ".npz":
            _write_npz(economy, path)
        else:
            path.write_text(format_pequod_edn(economy, name), encoding="utf-8")
    except OSError as error:
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "Cannot write economy file {path}: {reason}"),
            path=str(path),
            reason=str(error),
        ) from error


def _write_npz(economy: Economy, path: Path) -> None:
    table = worker_table(economy.worker_groups)
    layout = economy.layout
    with path.open("wb") as stream:
        np.savez_compressed(
            stream,
            format_version=np.array([NPZ_FORMAT_VERSION]),
            layout=np.array([layout.count(kind) for kind in GoodKind], dtype=np.int64),
            income=economy.consumers.income,
            private_exponents=economy.consumers.private_exponents,
            public_exponents=economy.consumers.public_exponents,
            resource_supply=economy.resource_supply,
            product=table.product,
            input_counts=table.input_counts,
            inputs=table.inputs,
            input_exponents=table.input_exponents,
            productivity=table.productivity,
            effort_exponent=table.effort_exponent,
            disutility_exponent=table.disutility_exponent,
            disutility_scale=table.disutility_scale,
        )


def _read_npz(path: Path) -> Economy:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "{path} is not an economy archive: {reason}"),
            path=str(path),
            reason=str(error),
        ) from error
    try:
        if int(arrays["format_version"][0]) != NPZ_FORMAT_VERSION:
            raise _error(
                QT_TRANSLATE_NOOP("Planning", "{path} was written by a newer version of the app."),
                path=str(path),
            )
        table = WorkerTable(
            product=arrays["product"].astype(np.int64),
            input_counts=arrays["input_counts"].astype(np.int64),
            inputs=arrays["inputs"].astype(np.int64),
            input_exponents=arrays["input_exponents"].astype(np.float64),
            productivity=arrays["productivity"].astype(np.float64),
            effort_exponent=arrays["effort_exponent"].astype(np.float64),
            disutility_exponent=arrays["disutility_exponent"].astype(np.float64),
            disutility_scale=arrays["disutility_scale"].astype(np.float64),
        )
        economy = Economy(
            layout=GoodsLayout(*(int(n) for n in arrays["layout"])),
            consumers=ConsumerCouncils(
                income=arrays["income"].astype(np.float64),
                private_exponents=arrays["private_exponents"].astype(np.float64),
                public_exponents=arrays["public_exponents"].astype(np.float64),
            ),
            worker_groups=group_workers(table),
            resource_supply=arrays["resource_supply"].astype(np.float64),
        )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "{path} is not an economy archive: {reason}"),
            path=str(path),
            reason=str(error),
        ) from error
    validate_economy(economy)
    return economy
