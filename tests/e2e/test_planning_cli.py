"""Three assembly files - an IFB, a worker council, a consumer council - plan through files.

Everything goes through the command line (``pareconapp plan ...``), as a federation of
offline assemblies would: the IFB sends round files, the councils send proposal files back,
and the IFB closes each round. After three rounds the prices have moved the right way.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pareconapp.cli import main

pytestmark = pytest.mark.e2e

GOODS = """code,name,category,unit,start_price,fixed_supply
bicycles,Bicycles,private,bicycle,700,
park,Riverside park,public,ha,700,
steel,Steel tubing,intermediate,m,700,
ore,Iron ore,nature,t,700,500
labour,Labour,labour,h,700,2000
"""
COUNCILS = """code,name,kind
wheelwright,Wheelwright Workers' Council,worker
riverside,Riverside Neighbourhood Council,consumer
"""


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def federation(demo_file: Path, tmp_path: Path) -> dict[str, Path]:
    files = {}
    for name in ("ifb", "worker", "consumer"):
        files[name] = tmp_path / f"{name}.parecon"
        shutil.copyfile(demo_file, files[name])
    (tmp_path / "goods.csv").write_text(GOODS)
    (tmp_path / "councils.csv").write_text(COUNCILS)
    assert (
        run(
            "plan",
            "year",
            files["ifb"],
            "2030",
            "--role",
            "ifb",
            "--code",
            "river-ifb",
            "--name",
            "Riverside IFB",
            "--rule",
            "dep",
            "--goods",
            tmp_path / "goods.csv",
            "--councils",
            tmp_path / "councils.csv",
        )
        == 0
    )
    assert (
        run(
            "plan",
            "year",
            files["worker"],
            "2030",
            "--role",
            "worker",
            "--code",
            "wheelwright",
            "--name",
            "Wheelwright Workers' Council",
        )
        == 0
    )
    assert (
        run(
            "plan",
            "year",
            files["consumer"],
            "2030",
            "--role",
            "consumer",
            "--code",
            "riverside",
            "--name",
            "Riverside Neighbourhood Council",
            "--council",
            "Riverside Neighbourhood Council",
        )
        == 0
    )
    return files


def prices_in(round_file: Path) -> dict[str, float]:
    content = json.loads(round_file.read_text())["content"]
    return {good["id"]: good["price"] for good in content["goods"]}


def test_three_assemblies_plan_three_rounds_through_files(
    federation: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outbox = tmp_path / "from-ifb"
    outbox.mkdir()
    assert run("plan", "round-file", federation["ifb"], "--out", outbox) == 0
    round_files = [outbox / "plan-2030-round-01.round.json"]
    for number in (1, 2, 3):
        inbox = tmp_path / f"to-ifb-{number}"
        inbox.mkdir()
        current = round_files[-1]
        # the worker council: bicycles from steel, ore and labour
        assert run("plan", "import-round", federation["worker"], current) == 0
        assert (
            run(
                "plan",
                "propose",
                federation["worker"],
                "--offer",
                "bicycles=100",
                "--use",
                "steel=10",
                "--use",
                "ore=50",
                "--use",
                "labour=300",
            )
            == 0
        )
        assert run("plan", "export-proposal", federation["worker"], "--out", inbox) == 0
        # the consumer council: its members' bicycles and a share of the park
        assert run("plan", "import-round", federation["consumer"], current) == 0
        assert run("plan", "propose", federation["consumer"], "--request", "park=2") == 0
        assert (
            run(
                "plan",
                "propose",
                federation["consumer"],
                "--member",
                "Ana",
                "--request",
                "bicycles=150",
            )
            == 0
        )
        assert run("plan", "export-proposal", federation["consumer"], "--out", inbox) == 0
        # the IFB imports the folder, closes the round and writes the next round file
        assert (
            run("plan", "close-round", federation["ifb"], "--import", inbox, "--out", outbox) == 0
        )
        round_files.append(outbox / f"plan-2030-round-{number + 1:02d}.round.json")
        assert round_files[-1].exists()
    out = capsys.readouterr().out
    assert "Round 3 closed" in out
    assert "SB/SC" in out

    prices = [prices_in(path) for path in round_files]
    for before, after in itertools.pairwise(prices):
        assert after["bicycles"] > before["bicycles"]  # 150 asked, 100 made
        assert after["steel"] > before["steel"]  # asked for, nobody makes it
        assert after["park"] > before["park"]
        assert after["ore"] < before["ore"]  # 500 there, 50 used
        assert after["labour"] < before["labour"]  # 2000 hours, 300 used
    last = json.loads(round_files[-1].read_text())["content"]
    bicycles = next(g for g in last["goods"] if g["id"] == "bicycles")
    assert bicycles["last"] == {
        "price": pytest.approx(prices[2]["bicycles"]),
        "supply": 100.0,
        "demand": 150.0,
    }
    # who says no: the worker council's SB/SC is below 1 at these prices; nobody voted
    reasons = {(q["council"], q["reason"]) for q in last["questions"]}
    assert ("wheelwright", "ratio") in reasons
    assert ("riverside", "undecided") in reasons

    assert run("plan", "status", federation["worker"]) == 0
    assert run("plan", "status", federation["ifb"]) == 0
    status = capsys.readouterr().out
    assert "round 3" in status  # the council has imported three round files
    assert "round 4" in status  # the IFB is in its fourth round


def test_bad_files_are_refused_and_nothing_is_stored(
    federation: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outbox = tmp_path / "out"
    outbox.mkdir()
    assert run("plan", "round-file", federation["ifb"], "--out", outbox) == 0
    round_file = outbox / "plan-2030-round-01.round.json"
    assert run("plan", "import-round", federation["worker"], round_file) == 0
    assert (
        run("plan", "propose", federation["worker"], "--offer", "bicycles=10", "--use", "labour=30")
        == 0
    )
    inbox = tmp_path / "in"
    inbox.mkdir()
    assert run("plan", "export-proposal", federation["worker"], "--out", inbox) == 0
    good = next(inbox.glob("*.json"))
    tampered = inbox / "tampered.json"
    tampered.write_text(good.read_text().replace('"supplied": 10.0', '"supplied": 99.0'))
    (inbox / "notes.json").write_text("{not json")
    capsys.readouterr()
    assert run("plan", "import", federation["ifb"], tampered, inbox / "notes.json") == 1
    err = capsys.readouterr().err
    assert "REFUSED" in err and "SHA-256" in err and "not a readable exchange file" in err
    # the round stays open and empty: closing now lists the missing councils
    assert run("plan", "close-round", federation["ifb"]) == 2
    assert "wheelwright, riverside" in capsys.readouterr().err
    # a refused file in the folder stops close-round before it closes anything (the good
    # file of the folder is imported)
    assert run("plan", "close-round", federation["ifb"], "--import", inbox, "--allow-missing") == 2
    assert "the round stays open" in capsys.readouterr().err
    assert run("plan", "import", federation["ifb"], good) == 1  # a duplicate
    assert "already imported" in capsys.readouterr().err
    assert run("plan", "status", federation["ifb"]) == 0
    status = capsys.readouterr().out
    assert "round 1" in status and "proposals received: 1" in status
    assert "missing: riverside" in status
    # an old round file is refused by the council
    assert run("plan", "import-round", federation["worker"], round_file) == 2
    assert "already imported" in capsys.readouterr().err


def test_plan_help_documents_the_exchange_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pareconapp", "plan", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for command in ("close-round", "import-round", "export-proposal", "round-file", "propose"):
        assert command in result.stdout
    assert "SHA-256" in result.stdout
