"""The life of a task rating round (a plain enum shared by every layer)."""

from __future__ import annotations

import enum


class RoundStatus(enum.StrEnum):
    """A round is prepared (draft), taken (open), then closed and its results shown."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
