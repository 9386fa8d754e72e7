"""Test setup shared by every test.

Qt runs offscreen; every test gets fresh, temporary user directories (data, settings, cache)
so no test ever touches the user's real files; assembly files are made per test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: no windows on a real display, ever.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every per-user directory at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PARECONAPP_DATA_DIR", str(home / "data"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        yield home
        return
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "settings"))
    yield home


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """Create the QApplication first, so code that would make a QCoreApplication (the CLI,
    when run in-process) finds one and every GUI test gets a real QApplication."""
    return


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pareconapp.services.demo import create_demo_file

    path = tmp_path_factory.mktemp("template") / "demo.parecon"
    create_demo_file(path)
    return path


@pytest.fixture
def demo_file(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo assembly for this test."""
    path = tmp_path / "demo.parecon"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.fixture
def demo_assembly(demo_file: Path) -> Iterator[object]:
    """The demo assembly, open, closed after the test."""
    from pareconapp.services.assembly import AssemblyService

    assembly = AssemblyService.open(demo_file)
    yield assembly
    assembly.close()
