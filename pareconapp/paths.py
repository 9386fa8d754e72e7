"""Where the app finds its shipped files and keeps the user's files.

Shipped files (migrations, icons, schemas, translations) are located through
``importlib.resources`` so they work from a source checkout, an editable install, a wheel and
a frozen bundle alike. User files live in the platform's data directory; tests redirect it
through the XDG variables (or ``PARECONAPP_DATA_DIR``) so they never touch real data.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from pareconapp import FILE_SUFFIX


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def migrations_dir() -> Path:
    """The Alembic script directory shipped inside the package."""
    return _package_dir("pareconapp.migrations")


def resources_dir() -> Path:
    """The shipped resources (icons, themes, schemas, translations, demo data)."""
    return _package_dir("pareconapp.resources")


def icon_path(name: str) -> Path:
    """The path of a shipped SVG icon, e.g. ``icon_path("members")``."""
    return resources_dir() / "icons" / f"{name}.svg"


def translations_dir() -> Path:
    """Compiled translations (``.qm``)."""
    return resources_dir() / "translations"


def user_data_dir() -> Path:
    """The user's data directory for this app (created on demand)."""
    override = os.environ.get("PARECONAPP_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir("pareconapp"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_assembly_path() -> Path:
    """Where ``--demo`` keeps the demo assembly."""
    return user_data_dir() / f"demo{FILE_SUFFIX}"


def log_dir() -> Path:
    """Where crash reports are written."""
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
