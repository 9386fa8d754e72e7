"""The user's settings (window geometry, recent files) as typed options over QSettings.

Assembly-specific settings live in the assembly file, never here. Settings are INI files in
the user scope, so tests redirect them with ``QSettings.setPath``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from pathlib import Path

T = TypeVar("T")

MAX_RECENT_FILES = 10


def qsettings() -> QSettings:
    """The app's settings store (INI format, user scope)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pareconapp", "pareconapp"
    )


class Option(Generic[T]):
    """A typed setting: ``Settings.recent_files`` reads and writes one key."""

    def __init__(self, key: str, default: T, kind: type) -> None:
        self.key = key
        self.default = default
        self.kind = kind

    def __get__(self, settings: Settings, owner: type | None = None) -> T:
        value = settings.store.value(self.key, self.default)
        if value is None:
            return self.default
        if self.kind is list:
            # INI files give a bare string for one-element lists.
            return cast("T", [value] if isinstance(value, str) else list(cast("list[str]", value)))
        if self.kind is bool and isinstance(value, str):
            return cast("T", value.lower() == "true")
        try:
            return cast("T", self.kind(value))
        except (TypeError, ValueError):
            return self.default

    def __set__(self, settings: Settings, value: T) -> None:
        settings.store.setValue(self.key, value)


class Settings:
    """Every user-level option of the app."""

    recent_files: Option[list[str]] = Option("files/recent", [], list)
    last_directory: Option[str] = Option("files/last_directory", "", str)
    window_geometry: Option[QByteArray] = Option("window/geometry", QByteArray(), QByteArray)
    window_state: Option[QByteArray] = Option("window/state", QByteArray(), QByteArray)
    last_page: Option[str] = Option("window/last_page", "", str)
    projector_screen: Option[str | None] = Option("projector/screen", None, str)
    projector_full_screen: Option[bool] = Option("projector/full_screen", True, bool)
    projector_theme: Option[str] = Option("projector/theme", "light", str)

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or qsettings()

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` first in the recent files, keeping at most ten."""
        text = str(path)
        recent = [p for p in self.recent_files if p != text]
        self.recent_files = [text, *recent][:MAX_RECENT_FILES]

    def remove_recent_file(self, path: Path | str) -> None:
        """Drop ``path`` from the recent files."""
        self.recent_files = [p for p in self.recent_files if p != str(path)]

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.store.sync()
