"""A secret ballot on the shared laptop: the kiosk session of one open decision.

:class:`DecisionKioskSession` plugs a decision into the generic
:class:`~pareconapp.ui.kiosk.window.KioskWindow`: the name screen lists the members (only
those eligible, present and not yet voted can be picked), a PIN is asked when the assembly
uses PINs and the member has one, the form is the ballot for the decision's rule
(:mod:`.ballot_forms`), and Confirm casts it with
:meth:`~pareconapp.services.decisions.DecisionService.cast_secret`, which stores it in a slot
that names no voter. The session keeps nothing of a ballot once it is cast, never shows a
tally, and offers the facilitator "Close the ballot now" (after the passphrase).

    session = DecisionKioskSession(assembly, decision_id)
    window = KioskWindow(session, parent)
    window.finished.connect(...)   # KioskOutcome.ACTION_DONE: the ballot was closed
    window.start()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pareconapp.core.decisions import format_receipt_code
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.i18n import translate
from pareconapp.store.models import BallotMode, DecisionStatus
from pareconapp.ui.decisions.ballot_forms import BallotForm, make_ballot_form
from pareconapp.ui.kiosk.session import KioskAction, KioskForm, KioskPerson, KioskSession

if TYPE_CHECKING:
    from pareconapp.services.assembly import AssemblyService
    from pareconapp.services.decisions import DecisionRow, Voter


class DecisionKioskSession(KioskSession):
    """The kiosk session of one decision's open secret ballot."""

    def __init__(self, assembly: AssemblyService, decision_id: int) -> None:
        decision = assembly.decisions.decision(decision_id)
        if decision.ballot_mode is not BallotMode.SECRET or (
            decision.status is not DecisionStatus.OPEN
        ):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "DecisionKiosk",
                    '"{title}" has no open secret ballot: open the ballot first.',
                ),
                title=decision.title,
            )
        self._assembly = assembly
        self._decision: DecisionRow = decision  # locked while the ballot is open
        self.security = assembly.security

    @property
    def decision_id(self) -> int:
        """The decision voted on."""
        return self._decision.id

    def title(self) -> str:
        """The window title."""
        return translate("DecisionKiosk", "Secret ballot: {title}").format(
            title=self._decision.title
        )

    def _voters(self) -> dict[int, Voter]:
        return {v.member_id: v for v in self._assembly.decisions.voters(self.decision_id)}

    def people(self) -> list[KioskPerson]:
        """Every active member; only those eligible, present and not voted can be picked."""
        people = []
        for voter in self._voters().values():
            if voter.voted:
                note = translate("DecisionKiosk", "voted")
            elif not voter.eligible:
                note = translate("DecisionKiosk", "not affected by this decision")
            elif not voter.present:
                note = translate("DecisionKiosk", "not checked in")
            else:
                note = ""
            people.append(
                KioskPerson(voter.member_id, voter.display_name, voter.may_vote, voter.voted, note)
            )
        return people

    def needs_pin(self, member_id: int) -> bool:
        """When the assembly uses PINs, members who have one type it."""
        if not self.security.uses_pins():
            return False
        voter = self._voters().get(member_id)
        return voter is not None and voter.has_pin

    def verify_pin(self, member_id: int, pin: str) -> bool:
        """Whether ``pin`` is the member's PIN."""
        return self._assembly.members.verify_pin(member_id, pin)

    def make_form(self, member_id: int) -> KioskForm:
        """A blank ballot for the decision's rule."""
        return make_ballot_form(self._decision)

    def submit(self, member_id: int, form: KioskForm) -> str | None:
        """Cast the ballot; return the receipt code (formatted) when the decision uses them."""
        if not isinstance(form, BallotForm):
            raise TypeError("a decision's kiosk takes ballot forms only")
        receipt = self._assembly.decisions.cast_secret(self.decision_id, member_id, form.choice())
        return format_receipt_code(receipt) if receipt else None

    def done_text(self, receipt: str | None) -> str:
        """Thanks (and, with a receipt, what the code is)."""
        if receipt:
            return translate("DecisionKiosk", "Your ballot is in the box. Your receipt code:")
        return translate("DecisionKiosk", "✓  Your ballot is in the box. Thank you!")

    def handover_text(self) -> str:
        """Heading of the hand-over screen."""
        return translate("DecisionKiosk", "Pass the laptop to the next voter")

    def pick_text(self) -> str:
        """Heading of the name screen."""
        return translate("DecisionKiosk", "Who is voting? Find your name")

    def confirm_text(self) -> str:
        """The Confirm button."""
        return translate("DecisionKiosk", "Cast my ballot")

    def progress_text(self) -> str:
        """Ballots cast so far (a count, never a choice)."""
        progress = self._assembly.decisions.progress(self.decision_id)
        return translate(
            "DecisionKiosk", "Ballots cast: {cast} of {present} present ({eligible} eligible)"
        ).format(cast=progress.cast, present=progress.present, eligible=progress.eligible)

    def close_action(self) -> KioskAction:
        """Close the ballot (the results are then counted, and shown outside the kiosk)."""
        progress = self._assembly.decisions.progress(self.decision_id)
        missing = max(0, progress.present - progress.cast)
        question = translate(
            "DecisionKiosk",
            "Close the ballot on “{title}” now? Nobody can vote after this. "
            "Members present who have not voted: {missing}.",
        ).format(title=self._decision.title, missing=missing)
        return KioskAction(
            translate("DecisionKiosk", "Close the ballot now"), question, self._close
        )

    def _close(self) -> None:
        self._assembly.decisions.close_ballot(self.decision_id)
