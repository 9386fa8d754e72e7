"""The built wheel ships migrations, resources and every subpackage inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(REPO_ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("pareconapp-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_contains_migrations_and_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    versions = sorted(p.name for p in (REPO_ROOT / "migrations" / "versions").glob("*.py"))
    for version in versions:
        assert f"pareconapp/migrations/versions/{version}" in names
    assert "pareconapp/migrations/env.py" in names
    assert "pareconapp/migrations/script.py.mako" in names
    for resource in (REPO_ROOT / "resources").rglob("*"):
        if resource.is_file() and "__pycache__" not in resource.parts:
            relative = resource.relative_to(REPO_ROOT / "resources").as_posix()
            assert f"pareconapp/resources/{relative}" in names, relative


def test_wheel_contains_every_subpackage(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for init in (REPO_ROOT / "pareconapp").rglob("__init__.py"):
        relative = init.relative_to(REPO_ROOT).as_posix()
        assert relative in names, f"{relative} missing: list the package in pyproject.toml"


def test_entry_points(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "pareconapp = pareconapp.cli:main" in text
    assert "pareconapp-gui = pareconapp.cli:gui_main" in text
