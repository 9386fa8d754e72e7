"""``pareconapp minutes``: the minutes from the command line, in a separate process without a
display (the command draws text, so it needs Qt's GUI module but no screen)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    return subprocess.run(
        [sys.executable, "-m", "pareconapp", "minutes", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_pdf_of_the_last_meeting_without_a_display(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.pdf"
    result = _run(str(demo_file), "--meeting", "last", "--format", "pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Fatal" not in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert f"Wrote {out}" in result.stdout
    assert "Draft minutes" in result.stdout
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run(
            [pdftotext, str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Minutes of General assembly - jig quotes" in text


def test_list_then_markdown_and_csv_of_a_chosen_meeting(demo_file: Path, tmp_path: Path) -> None:
    listing = _run(str(demo_file), "--list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert len(lines) == 2 and "General assembly - spring" in lines[1]
    spring = lines[1].split()[0]
    markdown = tmp_path / "spring.md"
    result = _run(str(demo_file), "--meeting", spring, "--out", str(markdown))
    assert result.returncode == 0, result.stderr
    assert "# Minutes of General assembly - spring" in markdown.read_text(encoding="utf-8")
    result = _run(
        str(demo_file), "--meeting", spring, "--format", "csv", "--out", str(tmp_path / "spring")
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("spring-*.csv")) == [
        "spring-actions.csv",
        "spring-decisions.csv",
        "spring-votes.csv",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "x.txt"), "--format"),
        (("--meeting", "3", "--out", "x.pdf"), "has not been held"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(str(demo_file), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.startswith("error: ")
    assert not list(tmp_path.glob("x.*"))


def test_missing_assembly_file(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "nothing.parecon"), "--out", str(tmp_path / "m.pdf"))
    assert result.returncode == 2
    assert not (tmp_path / "m.pdf").exists()
