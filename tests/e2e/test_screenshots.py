"""The screenshot script keeps working: a screen of each area renders to a real image."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCREENS = (
    "members",
    "jobs-tasks",
    "planning-round",
    "minutes-dialog",
    "projector-agenda-1024x768-dark",
)


def test_screens_of_each_area_render(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCREENSHOTS_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "make_screenshots.py"), *SCREENS],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in tmp_path.glob("*.png")) == sorted(SCREENS)
    for name in SCREENS:
        image = QImage(str(tmp_path / f"{name}.png"))
        assert image.width() >= 1024 and image.height() >= 620, name
        # not blank: a painted screen has many colours
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 23)
        }
        assert len(colours) > 8, name
