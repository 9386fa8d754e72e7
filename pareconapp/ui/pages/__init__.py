"""The pages of the main window's sidebar, one per area.

An area not built yet is absent, never an empty page. Add a page by subclassing
:class:`~pareconapp.ui.pages.base.Page` and listing it in :data:`PAGES` (in sidebar order)
with its area id, icon and title. The registry is the one place these are defined: the
main window builds its sidebar from it without importing the page modules, and creates a
page the first time it is shown (start-up stays fast).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText

if TYPE_CHECKING:
    from pareconapp.ui.pages.base import Page


@dataclass(frozen=True)
class PageInfo:
    """What the sidebar needs to know of a page before it exists."""

    area_id: str
    """A stable identifier (settings, screenshots, the projector)."""
    icon: str
    """The name of the page's SVG icon in ``resources/icons``."""
    title: SourceText
    module: str
    class_name: str

    def translated_title(self) -> str:
        """The title in the user's language."""
        return QCoreApplication.translate(self.title.context, self.title.text)

    def page_class(self) -> type[Page]:
        """Import the page's module and return its class."""
        from pareconapp.ui.pages.base import Page

        page_class: type[Page] = getattr(importlib.import_module(self.module), self.class_name)
        assert issubclass(page_class, Page)
        return page_class


PAGES = (
    PageInfo(
        "members",
        "members",
        QT_TRANSLATE_NOOP("Pages", "Members"),
        "pareconapp.ui.pages.members",
        "MembersPage",
    ),
    PageInfo(
        "meetings",
        "meetings",
        QT_TRANSLATE_NOOP("Pages", "Meetings"),
        "pareconapp.ui.pages.meetings",
        "MeetingsPage",
    ),
    PageInfo(
        "decisions",
        "decisions",
        QT_TRANSLATE_NOOP("Pages", "Decisions"),
        "pareconapp.ui.pages.decisions",
        "DecisionsPage",
    ),
    PageInfo(
        "jobs",
        "tasks",
        QT_TRANSLATE_NOOP("Pages", "Tasks & Jobs"),
        "pareconapp.ui.pages.jobs",
        "JobsPage",
    ),
    PageInfo(
        "remuneration",
        "remuneration",
        QT_TRANSLATE_NOOP("Pages", "Remuneration"),
        "pareconapp.ui.pages.remuneration",
        "RemunerationPage",
    ),
    PageInfo(
        "planning",
        "planning",
        QT_TRANSLATE_NOOP("Pages", "Planning"),
        "pareconapp.ui.pages.planning",
        "PlanningPage",
    ),
)
"""Every page, in sidebar order."""


def info_of(page_class: type) -> PageInfo:
    """The registry entry of a page class."""
    return next(info for info in PAGES if info.class_name == page_class.__name__)


def page_classes() -> list[type[Page]]:
    """The page classes in sidebar order (imports every page module)."""
    return [info.page_class() for info in PAGES]


__all__ = ["PAGES", "PageInfo", "info_of", "page_classes"]
