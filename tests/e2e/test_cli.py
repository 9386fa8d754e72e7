"""The command line: help, demo, check, and the GUI's message without a display."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pareconapp.cli import main

pytestmark = pytest.mark.e2e


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "demo", "check", "plan"):
        assert command in out


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.parecon"
    assert main(["demo", str(path), "--members", "40"]) == 0
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM member").fetchone()[0] == 40
    connection.close()


def test_demo_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.parecon"
    path.write_text("keep me")
    assert main(["demo", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_text() == "keep me"
    assert main(["demo", str(path), "--force"]) == 0


def test_demo_validates_member_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "x.parecon"), "--members", "0"]) == 2
    assert "--members" in capsys.readouterr().err


def test_check_exit_code_on_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.parecon"
    path.write_bytes(b"\x00" * 300)
    assert main(["check", str(path)]) == 1
    assert "PROBLEM" in capsys.readouterr().out


def test_gui_without_display_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["--demo"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "xvfb-run make run" in err
    assert "make screenshots" in err


def test_python_dash_m_works_from_any_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pareconapp", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("pareconapp ")
