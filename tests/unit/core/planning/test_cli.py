"""``pareconapp plan simulate`` and ``pareconapp plan generate``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pareconapp.cli import main
from pareconapp.core.planning import Economy, write_economy
from tests.unit.core.planning.conftest import pequod_file


@pytest.fixture
def economy_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "small.npz"
    code = main(
        [
            "plan",
            "generate",
            str(path),
            "--seed",
            "5",
            "--consumer-councils",
            "300",
            "--worker-councils",
            "300",
        ]
    )
    assert code == 0
    assert "Wrote 300 consumer and 300 worker councils (50 goods)" in capsys.readouterr().out
    return path


def test_simulate_prints_the_round_each_threshold_is_reached(
    economy_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "simulate", str(economy_file)]) == 0
    out = capsys.readouterr().out
    assert "300 consumer councils, 300 worker councils, 50 goods; rule newton" in out
    assert "round 1: largest imbalance" in out
    assert "within 5%: round" in out and "within 3%: round" in out


def test_simulate_writes_a_csv_per_round(
    economy_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv = tmp_path / "rounds.csv"
    code = main(
        [
            "plan",
            "simulate",
            str(economy_file),
            "--rule",
            "dep",
            "--threshold",
            "0.1",
            "--max-rounds",
            "30",
            "--csv",
            str(out_csv),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    with out_csv.open(newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == sum(1 for line in printed.splitlines() if "largest imbalance" in line)
    assert rows[0]["round"] == "1" and rows[0]["price:private-1"] == "700.0"
    assert {"supply:labour-10", "demand:public-10"} <= set(rows[0])
    assert float(rows[-1]["largest_imbalance"]) <= 0.1
    assert "within 10%: round" in printed


def test_simulate_warm_start_reports_both_years(
    economy_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "simulate", str(economy_file), "--warm-start", "--rule", "secant"]) == 0
    out = capsys.readouterr().out
    assert "Year 1:" in out and "Year 2:" in out
    assert out.count("within 5%: round") == 2


def test_generate_writes_pequod_edn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.clj"
    assert (
        main(
            [
                "plan",
                "generate",
                str(path),
                "--consumer-councils",
                "30",
                "--worker-councils",
                "30",
                "--goods",
                "3",
            ]
        )
        == 0
    )
    assert "(def ccs" in path.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["plan", "simulate", str(path), "--threshold", "0.05"]) == 0
    assert "30 consumer councils, 30 worker councils, 15 goods" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["simulate", "missing.clj"], "does not exist"),
        (["simulate", "ECONOMY", "--threshold", "0"], "--threshold must be between 0 and 2"),
        (["simulate", "ECONOMY", "--max-rounds", "0"], "--max-rounds must be at least 1"),
        (["generate", "x.npz", "--goods", "0"], "--goods must be at least 1"),
    ],
)
def test_bad_arguments_are_reported_with_exit_code_2(
    economy_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = [str(economy_file) if a == "ECONOMY" else a for a in args]
    assert main(["plan", *args]) == 2
    assert message in capsys.readouterr().err


def test_unknown_rule_is_refused(economy_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["plan", "simulate", str(economy_file), "--rule", "nope"])
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_compare_with_the_published_trajectory(
    dep_economy: Economy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The session's dep1ex01 as an archive, so the EDN file is parsed only once per session.
    economy = tmp_path / "dep1ex01.npz"
    write_economy(dep_economy, economy)
    log = pequod_file("dep1ex01.csv")
    code = main(["plan", "simulate", str(economy), "--rule", "dep", "--compare", str(log)])
    assert code == 0
    out = capsys.readouterr().out
    assert "within 5%: round 11" in out and "within 3%: round 19" in out
    differences = [
        float(line.split(":")[1])
        for line in out.splitlines()
        if line.startswith("  round") and "imbalance" not in line
    ]
    assert len(differences) == 19 and max(differences) < 1e-12
