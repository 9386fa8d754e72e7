"""What a shared-laptop kiosk asks of the use it serves (a secret ballot, a rating round).

:class:`~pareconapp.ui.kiosk.window.KioskWindow` is one generic frame: it passes the laptop
from person to person and knows nothing of decisions or tasks. Everything specific comes from
a :class:`KioskSession`, which the frame drives in this order for each person::

    hand-over  ->  pick a name  ->  PIN (if needs_pin)  ->  form  ->  review  ->  Confirm
        ^                                                                           |
        +------------ "Recorded" (done_text; a receipt waits for "Done") <----------+

To use the kiosk for something new, subclass :class:`KioskSession` and :class:`KioskForm`:

``KioskSession`` (plain Python; the frame calls it on the GUI thread)
    ``security``
        the assembly's :class:`~pareconapp.services.security.FacilitatorSecurity`: leaving
        the kiosk and the facilitator's action need its passphrase.
    ``title() -> str``
        what the kiosk is for ("Secret ballot: Buy the frame jig"); the window title.
    ``people() -> list[KioskPerson]``
        everyone to list on the name screen, in display order, read fresh each time the name
        screen opens. People who may not take part (not present, not affected, already done)
        are listed greyed with a short ``note`` and cannot be picked.
    ``needs_pin(member_id)`` / ``verify_pin(member_id, pin)``
        whether this person confirms who they are with a PIN, and whether ``pin`` is right.
        After :data:`~pareconapp.ui.kiosk.window.PIN_TRIES` wrong PINs the frame returns to
        the hand-over screen.
    ``make_form(member_id) -> KioskForm``
        a *new* form for this person. The frame owns it and destroys it (``deleteLater``)
        after Confirm or cancel, so nothing of one person's entries survives to the next.
    ``submit(member_id, form) -> str | None``
        store what the form holds, in one transaction; return a receipt code to show the
        person (the frame then waits for "Done" so they can write it down) or ``None``. Raise
        :class:`~pareconapp.core.i18n.UserError` when it cannot be stored: the frame shows
        the message and stays on the review screen. Keep nothing of the form afterwards and
        log nothing of it.
    ``done_text(receipt) -> str``
        the thank-you line after Confirm (plain text, no hint of what was chosen).
    ``close_action() -> KioskAction | None``
        an optional facilitator action offered after the passphrase next to "Leave" (e.g.
        "Close the ballot now"); when it succeeds the kiosk closes with
        :attr:`~pareconapp.ui.kiosk.window.KioskOutcome.ACTION_DONE`.
    ``handover_text()``, ``pick_text()``, ``confirm_text()``, ``progress_text()``
        wording with defaults: the hand-over heading, the name screen's heading, the Confirm
        button's label, and a line of progress on the hand-over screen ("12 of 30 have
        voted": counts only, never what anyone chose).

``KioskForm`` (a ``QWidget``)
    ``changed`` (signal)
        emitted whenever ``is_complete()`` or the review may have changed.
    ``is_complete() -> bool``
        whether the person may go on to the review screen.
    ``hint() -> str``
        what is missing while the form is not complete (shown under the form).
    ``review_html() -> str``
        rich text the review screen shows: what will be stored, in words. Escape user text.
    ``focus_first()``
        put the keyboard focus where the person starts.

The form handles its own keys (number keys, letters, Alt+Up...) in ``keyPressEvent``; keys it
ignores reach the frame, where Enter goes on to the review and Escape asks for the facilitator
passphrase. Large fonts come from ``resources/themes/kiosk.qss``, which styles every widget
inside the kiosk window; forms set object names from that file where they want more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from pareconapp.services.security import FacilitatorSecurity


@dataclass(frozen=True)
class KioskPerson:
    """A person on the name screen.

    Attributes:
        member_id: the member's id (what the session's other methods take).
        display_name: the name shown, and what typing filters on.
        can_take_part: whether they may be picked now (eligible, present, not done).
        done: whether they have already taken part (shown with a tick).
        note: why they cannot be picked ("voted", "not checked in"); empty otherwise.
    """

    member_id: int
    display_name: str
    can_take_part: bool
    done: bool = False
    note: str = ""


@dataclass(frozen=True)
class KioskAction:
    """A facilitator action the kiosk offers after the passphrase (e.g. close the ballot).

    Attributes:
        label: the button text ("Close the ballot now").
        question: asked before running it ("Close the ballot? 3 members have not voted.").
        run: does it; raises :class:`~pareconapp.core.i18n.UserError` when it cannot.
    """

    label: str
    question: str
    run: Callable[[], None]


class KioskForm(QWidget):
    """One person's form on the shared laptop (a ballot, a set of ratings).

    Subclasses implement :meth:`is_complete` and :meth:`review_html`, and emit
    :attr:`changed` whenever either may have changed.
    """

    changed = Signal()

    def is_complete(self) -> bool:
        """Whether the person may go on to review what they entered."""
        raise NotImplementedError

    def hint(self) -> str:
        """What is still missing (shown while the form is not complete)."""
        return ""

    def review_html(self) -> str:
        """What will be stored, in words, as rich text for the review screen."""
        raise NotImplementedError

    def focus_first(self) -> None:
        """Give the keyboard focus to where the person starts."""
        self.setFocus()


class KioskSession:
    """What the kiosk frame needs from a use of the shared laptop (see the module)."""

    security: FacilitatorSecurity

    def title(self) -> str:
        """What the kiosk is for (the window title)."""
        raise NotImplementedError

    def people(self) -> list[KioskPerson]:
        """Everyone to list on the name screen, in order."""
        raise NotImplementedError

    def needs_pin(self, member_id: int) -> bool:
        """Whether this person confirms who they are with a PIN."""
        raise NotImplementedError

    def verify_pin(self, member_id: int, pin: str) -> bool:
        """Whether ``pin`` is this person's PIN."""
        raise NotImplementedError

    def make_form(self, member_id: int) -> KioskForm:
        """A new, empty form for this person."""
        raise NotImplementedError

    def submit(self, member_id: int, form: KioskForm) -> str | None:
        """Store the form; return a receipt code or ``None``; raise ``UserError`` if refused."""
        raise NotImplementedError

    def done_text(self, receipt: str | None) -> str:
        """The thank-you line after Confirm."""
        return QCoreApplication.translate("Kiosk", "Recorded. Thank you!")

    def close_action(self) -> KioskAction | None:
        """The facilitator's optional action next to "Leave" (``None``: only leaving)."""
        return None

    def handover_text(self) -> str:
        """The hand-over screen's heading."""
        return QCoreApplication.translate("Kiosk", "Pass the laptop to the next person")

    def pick_text(self) -> str:
        """The name screen's heading."""
        return QCoreApplication.translate("Kiosk", "Find your name")

    def confirm_text(self) -> str:
        """The Confirm button's label on the review screen."""
        return QCoreApplication.translate("Kiosk", "Confirm")

    def progress_text(self) -> str:
        """A line of progress for the hand-over screen (counts only), or empty."""
        return ""
