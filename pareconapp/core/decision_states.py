"""Where a decision is, and how members vote on it (plain enums shared by every layer)."""

from __future__ import annotations

import enum


class DecisionStatus(enum.StrEnum):
    """Where a decision is: drafted, impact assessed, ballot open, closed, or withdrawn."""

    DRAFT = "draft"
    ASSESSED = "assessed"
    OPEN = "open"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class BallotMode(enum.StrEnum):
    """How members vote on a decision."""

    SECRET = "secret"
    ROLL_CALL = "roll_call"
    SHOW_OF_HANDS = "show_of_hands"
