"""What the minutes are built from: one meeting's record, read once through the services."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction

from pareconapp.core.decisions import Choice
from pareconapp.services.actions import ActionRow
from pareconapp.services.attendance import AttendanceRow
from pareconapp.services.decisions import DecisionRow
from pareconapp.services.meetings import AgendaItemRow, MeetingRow


@dataclass(frozen=True)
class RollCallEntry:
    """One member's open vote (roll-call decisions only)."""

    member_id: int
    name: str
    weight: Fraction
    choice: Choice


@dataclass(frozen=True)
class DecisionRecord:
    """A decision with what its mode of voting lets the minutes print.

    ``roll_call`` is empty unless the decision was a roll call; ``receipts`` is empty unless
    a secret ballot used receipt codes (code, the choice recorded).
    """

    decision: DecisionRow
    roll_call: tuple[RollCallEntry, ...] = ()
    receipts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MemberInfo:
    """A member as the minutes name them."""

    display_name: str
    team: str


@dataclass(frozen=True)
class Approval:
    """How the minutes were approved."""

    approved_at: datetime
    decision_id: int
    decision_title: str
    meeting_title: str


@dataclass(frozen=True)
class MeetingRecord:
    """Everything recorded about one meeting that its minutes show."""

    assembly_name: str
    meeting: MeetingRow
    items: tuple[AgendaItemRow, ...]
    roll: tuple[AttendanceRow, ...]
    decisions: tuple[DecisionRecord, ...]
    """Oldest first."""
    actions: tuple[ActionRow, ...]
    open_earlier: tuple[ActionRow, ...]
    members: Mapping[int, MemberInfo]
    preface: str
    generated_at: datetime
    approval: Approval | None = None
    councils: Mapping[int, str] = field(default_factory=dict)
    """Council names by id (impact assessed per group names councils)."""

    def member_name(self, member_id: int) -> str:
        """A member's display name (``#id`` for a member no longer in the file)."""
        info = self.members.get(member_id)
        return info.display_name if info else f"#{member_id}"

    def decisions_of_item(self, item_id: int) -> list[DecisionRecord]:
        """The decisions taken under one agenda item."""
        return [d for d in self.decisions if d.decision.agenda_item_id == item_id]

    def actions_of_item(self, item_id: int) -> list[ActionRow]:
        """The action items agreed under one agenda item."""
        return [a for a in self.actions if a.agenda_item_id == item_id]
