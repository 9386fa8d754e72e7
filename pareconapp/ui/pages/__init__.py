"""The pages of the main window's sidebar, one per area.

An area not built yet is absent, never an empty page. Add a page by subclassing
:class:`~pareconapp.ui.pages.base.Page` and listing its module and class in
:data:`PAGES` (in sidebar order).
"""

from __future__ import annotations

import importlib

from pareconapp.ui.pages.base import Page

PAGES = (
    ("pareconapp.ui.pages.members", "MembersPage"),
    ("pareconapp.ui.pages.meetings", "MeetingsPage"),
    ("pareconapp.ui.pages.decisions", "DecisionsPage"),
    ("pareconapp.ui.pages.jobs", "JobsPage"),
    ("pareconapp.ui.pages.remuneration", "RemunerationPage"),
    ("pareconapp.ui.pages.planning", "PlanningPage"),
)
"""Every page, in sidebar order: Members, Meetings, Decisions, (Tasks & Jobs), Remuneration,
(Planning)."""


def page_classes() -> list[type[Page]]:
    """The page classes in sidebar order."""
    classes = []
    for module_name, class_name in PAGES:
        page_class = getattr(importlib.import_module(module_name), class_name)
        assert issubclass(page_class, Page)
        classes.append(page_class)
    return classes


__all__ = ["PAGES", "Page", "page_classes"]
