"""Receipt codes for secret ballots: off by default, because they enable coercion.

With receipts on, the kiosk shows each voter a short code and the results list every code
with the choice it was counted for, so each member can check their ballot was counted as
cast. The price: a voter can now *prove* how they voted - show the code to whoever pressed
them, and the published list confirms the choice. That opens the door to vote buying and
pressure, which a secret ballot exists to shut. So :data:`RECEIPTS_BY_DEFAULT` is ``False``,
and the setting must say why when an assembly turns receipts on.

Codes are 8 characters from :data:`RECEIPT_ALPHABET` (digits and capitals without 0/O, 1/I/L),
drawn with :mod:`secrets`: about 40 bits, shown as two groups of four (``K7QM-3XTP``).
"""

from __future__ import annotations

import secrets
from collections.abc import Collection

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

RECEIPTS_BY_DEFAULT = False
"""Receipt codes are off unless the assembly turns them on for a decision (see module)."""

RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Characters that cannot be mistaken for one another when read aloud or copied by hand."""

RECEIPT_LENGTH = 8

RECEIPT_SETTING_WARNING = UserMessage(
    QT_TRANSLATE_NOOP(
        "Decisions",
        "Receipt codes let each member check their ballot was counted as cast, but a "
        "published code and its choice also let a member prove their vote to someone "
        "pressing them. Leave them off unless the assembly has weighed that risk.",
    )
)
"""The explanation the setting shows next to the receipt-code switch."""


def new_receipt_code(taken: Collection[str] = (), length: int = RECEIPT_LENGTH) -> str:
    """Draw a receipt code not in ``taken`` (codes already issued for this decision)."""
    while True:
        code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(length))
        if code not in taken:
            return code


def format_receipt_code(code: str) -> str:
    """Show a code in groups of four characters: ``K7QM3XTP`` -> ``K7QM-3XTP``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def parse_receipt_code(text: str) -> str:
    """Read a code a member typed: case, spaces and dashes do not matter.

    Raises:
        UserError: the text holds a character no receipt code has, or has the wrong length.
    """
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != RECEIPT_LENGTH or any(char not in RECEIPT_ALPHABET for char in code):
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{text} is not a receipt code: a code has {length} letters and digits "
                    "(no 0, O, 1, I or L).",
                ),
                {"text": text, "length": RECEIPT_LENGTH},
            )
        )
    return code
