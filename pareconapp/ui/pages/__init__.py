"""The pages of the main window's sidebar, one per area.

An area not built yet is absent, never an empty page. Add a page by subclassing
:class:`~pareconapp.ui.pages.base.Page` and listing it in :func:`page_classes`.
"""

from __future__ import annotations

from pareconapp.ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    """The page classes in sidebar order."""
    from pareconapp.ui.pages.decisions import DecisionsPage
    from pareconapp.ui.pages.meetings import MeetingsPage
    from pareconapp.ui.pages.members import MembersPage

    return [MembersPage, MeetingsPage, DecisionsPage]


__all__ = ["Page", "page_classes"]
