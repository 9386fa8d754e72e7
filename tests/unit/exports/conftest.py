"""Documents of the demo meetings for the writers' tests (built once per test module)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pareconapp.services.assembly import AssemblyService


@pytest.fixture(scope="module")
def demo_documents(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path):
    """The minutes of the demo's two held meetings: ``{"jig": ..., "spring": ...}``."""
    path = tmp_path_factory.mktemp("minutes") / "demo.parecon"
    shutil.copyfile(_demo_template, path)
    assembly = AssemblyService.open(path)
    try:
        meetings = {m.title: m.id for m in assembly.minutes.held_meetings()}
        yield {
            "jig": assembly.minutes.document(meetings["General assembly - jig quotes"]),
            "spring": assembly.minutes.document(meetings["General assembly - spring"]),
            "spring_voters": [
                v.display_name
                for v in assembly.decisions.voters(
                    assembly.decisions.list_decisions(meetings["General assembly - spring"])[0].id
                )
            ],
        }
    finally:
        assembly.close()


def poppler(tool: str) -> str:
    """The path of a poppler tool, or skip the test saying it is missing."""
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed, so the PDF cannot be read")
    return found


def pdf_text(path: Path) -> str:
    """The text of a PDF, laid out as on the page (pages separated by form feeds)."""
    import subprocess

    return subprocess.run(
        [poppler("pdftotext"), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
