"""Breaking ties: the status quo, the chair's casting choice, or a lot with a recorded seed.

The lot is drawn from SHA-256 rather than from :mod:`random`, so anyone holding the recorded
seed can redraw it by hand-checkable arithmetic, on any Python version:
``int(sha256("<seed>:<draw>:<options sorted, joined by '|'>")) mod <number of options>``
picks the option at that position of the sorted list.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Collection, Sequence

from pareconapp.core.decisions.results import TieRecord, TieStage
from pareconapp.core.decisions.rules import TieBreak, TieRule


def new_lot_seed() -> int:
    """Draw a fresh 64-bit lot seed from the operating system's secure random source."""
    return secrets.randbits(64)


def draw_lot(seed: int, draw: int, tied: Collection[str]) -> str:
    """Draw one of ``tied`` by lot; the same seed and draw number always give the same option.

    Args:
        seed: the recorded lot seed.
        draw: which draw from this seed (0 for the first tie of a count, 1 for the next...).
        tied: the tied options (at least one).
    """
    ordered = sorted(tied)
    text = f"{seed}:{draw}:" + "|".join(ordered)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return ordered[int.from_bytes(digest, "big") % len(ordered)]


class TieBreaker:
    """Breaks the ties of one count by its rule, keeping a record of each."""

    def __init__(self, rule: TieRule, tie_break: TieBreak) -> None:
        self._rule = rule
        self._tie_break = tie_break
        self._draws = 0
        self.records: list[TieRecord] = []

    @property
    def pending(self) -> bool:
        """Whether a tie is still waiting for the chair's casting choice or the lot seed."""
        return any(not record.resolved for record in self.records)

    def choose_winner(self, tied: Sequence[str], round_number: int | None = None) -> str | None:
        """Return the tied option that wins, or ``None`` (status quo, or :attr:`pending`)."""
        chosen: tuple[str, ...] | None
        if self._rule is TieRule.STATUS_QUO:
            chosen = ()
        elif self._rule is TieRule.CASTING_CHOICE:
            best = min(tied, key=self._rank)
            chosen = (best,) if best in self._tie_break.casting_order else None
        else:
            chosen = self._lot(tied)
        self._record(TieStage.RESULT, round_number, tied, chosen)
        return chosen[0] if chosen else None

    def choose_eliminated(self, tied: Sequence[str], round_number: int) -> tuple[str, ...] | None:
        """Return the tied options to eliminate, or ``None`` while the chair's choice is due.

        Under the status quo rule every tied option goes, so that no option is favoured.
        """
        chosen: tuple[str, ...] | None
        if self._rule is TieRule.STATUS_QUO:
            chosen = tuple(tied)
        elif self._rule is TieRule.CASTING_CHOICE:
            unlisted = [o for o in tied if o not in self._tie_break.casting_order]
            # Unlisted options rank last, level with each other: two of them cannot be split.
            chosen = None if len(unlisted) > 1 else (max(tied, key=self._rank),)
        else:
            chosen = self._lot(tied)
        self._record(TieStage.ELIMINATION, round_number, tied, chosen)
        return chosen

    def _rank(self, option: str) -> int:
        order = self._tie_break.casting_order
        return order.index(option) if option in order else len(order)

    def _lot(self, tied: Sequence[str]) -> tuple[str, ...] | None:
        seed = self._tie_break.lot_seed
        if seed is None:
            return None
        self._draws += 1
        return (draw_lot(seed, self._draws - 1, tied),)

    def _record(
        self,
        stage: TieStage,
        round_number: int | None,
        tied: Sequence[str],
        chosen: tuple[str, ...] | None,
    ) -> None:
        self.records.append(
            TieRecord(
                stage=stage,
                round_number=round_number,
                tied=tuple(tied),
                rule=self._rule,
                chosen=chosen or (),
                resolved=chosen is not None,
                lot_draw=self._draws - 1 if self._rule is TieRule.LOT and chosen else None,
            )
        )
