"""Reading economies: the shipped DEP file, malformed EDN, round trips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.planning import (
    Economy,
    GoodKind,
    format_pequod_edn,
    parse_pequod_edn,
    read_economy,
    worker_table,
    write_economy,
)

CONSUMER = (
    "{:income 5000 :utility-exponents [0.03 0.04] :public-good-exponents [0.05]"
    " :effort 1 :num-workers 10}"
)
WORKER = (
    "{:industry 0 :product 2 :a 5.0 :c 0.07 :du 3.5 :s 1"
    " :production-inputs [[1] [2] [1 2]] :input-exponents [0.2]"
    " :nature-exponents [0.15] :labor-exponents [0.2 0.18]}"
)


def experiment(consumers: str = CONSUMER, workers: str = WORKER) -> str:
    return f"(ns pequod-cljs.test)\n(def ccs [{consumers}])\n(def wcs [{workers}])\n"


def test_shipped_file_is_read_into_the_council_model(dep_economy: Economy) -> None:
    assert dep_economy.consumer_count == 3000
    assert dep_economy.worker_count == 3000
    assert all(dep_economy.layout.count(kind) == 10 for kind in GoodKind)
    # First consumer council of dep1ex01.clj.
    assert dep_economy.consumers.income[0] == 5000
    assert dep_economy.consumers.private_exponents[0, 0] == 0.027194872020097658
    assert dep_economy.consumers.public_exponents[0, 9] == 0.039607643903465904
    # Worker councils grouped by number of inputs (3 to 8 in this file).
    assert sorted(g.input_count for g in dep_economy.worker_groups) == [3, 4, 5, 6, 7, 8]
    # The last worker council: public? no - industry 0, product 10, inputs [[1 4 8] [10] [8]].
    table = worker_table(dep_economy.worker_groups)
    last = slice(int(table.input_counts[:-1].sum()), None)
    assert table.product[-1] == dep_economy.layout.index(GoodKind.PRIVATE, 10)
    assert list(table.inputs[last]) == [10, 13, 17, 29, 37]
    assert table.input_exponents[last][-1] == 0.15733625248015726
    assert table.productivity[-1] == 5.748050618382182
    assert table.disutility_exponent[-1] == 3.049267146179462
    assert np.all(dep_economy.resource_supply == 1000)


def test_small_experiment_layout_and_inputs() -> None:
    economy = parse_pequod_edn(experiment())
    layout = economy.layout
    assert (layout.private, layout.intermediate, layout.nature, layout.labour) == (2, 1, 2, 2)
    assert layout.public == 1
    (group,) = economy.worker_groups
    assert group.input_count == 4
    assert list(group.inputs[0]) == [
        layout.index(GoodKind.INTERMEDIATE, 1),
        layout.index(GoodKind.NATURE, 2),
        layout.index(GoodKind.LABOUR, 1),
        layout.index(GoodKind.LABOUR, 2),
    ]
    assert list(group.input_exponents[0]) == [0.2, 0.15, 0.2, 0.18]
    assert group.product[0] == layout.index(GoodKind.PRIVATE, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(def ccs [{:income 5000}", "not valid EDN"),
        ("(def ccs [{:income}])", "not valid EDN"),
        ("#unknown/tag 1", "not valid EDN"),
        ("(def wcs [])", "no (def ccs [...]) form"),
        (experiment(workers="[1 2]"), "Council 1 of wcs is not a map"),
        (experiment(workers=WORKER.replace(":industry 0", ":industry 3")), ":industry must be"),
        (experiment(workers=WORKER.replace(":a 5.0", ':a "five"')), ":a must be a number"),
        (
            experiment(workers=WORKER.replace("[0.2 0.18]", "[0.2]")),
            ":labor-exponents needs one exponent per input",
        ),
        (
            experiment(workers=WORKER.replace("[[1] [2] [1 2]]", "[[1] [2]]")),
            ":production-inputs must be",
        ),
        (
            experiment(consumers=CONSUMER.replace("0.03 0.04", "0.03 -0.04")),
            "Consumer council 1: income and exponents must be positive",
        ),
        (
            experiment(consumers=CONSUMER + " " + CONSUMER.replace("[0.05]", "[0.05 0.01]")),
            "Council 2 of ccs has a different number of exponents",
        ),
        (
            experiment() + "(def goods {:private-goods 2 :resources 0})",
            "(def goods {...}) needs a positive whole number",
        ),
        (
            experiment() + "(def labor-supply [1000 1000 1000])",
            "labor-supply needs one number per good",
        ),
        (
            experiment(workers=WORKER.replace(":product 2", ":product 3")),
            ":product must be a whole number from 1 to 2",
        ),
        (
            experiment(workers=WORKER.replace(":du 3.5", ":du 0.2")),
            "Worker council 1 needs du > c + du * (sum of exponents)",
        ),
    ],
)
def test_malformed_input_gives_a_clear_error(text: str, expected: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_pequod_edn(text, source="broken.clj")
    assert expected in str(caught.value)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        read_economy(tmp_path / "missing.clj")
    archive = tmp_path / "bad.npz"
    archive.write_bytes(b"not a zip file")
    with pytest.raises(UserError, match="not an economy archive"):
        read_economy(archive)


def assert_same_economy(a: Economy, b: Economy) -> None:
    assert a.layout == b.layout
    np.testing.assert_array_equal(a.consumers.private_exponents, b.consumers.private_exponents)
    np.testing.assert_array_equal(a.consumers.public_exponents, b.consumers.public_exponents)
    np.testing.assert_array_equal(a.resource_supply, b.resource_supply)
    ta, tb = worker_table(a.worker_groups), worker_table(b.worker_groups)
    for field in (
        "product",
        "input_counts",
        "inputs",
        "input_exponents",
        "productivity",
        "effort_exponent",
        "disutility_exponent",
        "disutility_scale",
    ):
        np.testing.assert_array_equal(getattr(ta, field), getattr(tb, field))


@pytest.mark.parametrize("suffix", [".clj", ".npz"])
def test_written_economy_reads_back_identically(
    small_economy: Economy, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"economy{suffix}"
    write_economy(small_economy, path)
    assert_same_economy(read_economy(path), small_economy)


def test_edn_output_keeps_pequods_keys(small_economy: Economy) -> None:
    text = format_pequod_edn(small_economy, "ex")
    assert text.startswith("(ns pequod-cljs.ex)")
    assert "(def goods {:private-goods 10 :intermediate-inputs 10" in text
    assert ":production-inputs [[" in text and ":labor-exponents [" in text
