"""Undo steps of the Members page.

Each change is made first and pushed only if it succeeded, so a step's first ``redo()``
(which ``QUndoStack.push`` calls) does nothing. Undoing or redoing goes through the service
again; if that is refused (say, a display name was taken in the meantime) the user sees the
reason and the step is dropped from the stack, since it can no longer be replayed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from pareconapp.services.members import MemberFields
    from pareconapp.store.models import CouncilKind


class MemberStore(Protocol):
    """What the undo steps need: changes through the service that report success."""

    def update(self, member_id: int, fields: MemberFields) -> bool:
        """Set a member's fields."""

    def remove(self, member_id: int) -> bool:
        """Delete a member."""

    def restore(self, member_id: int, fields: MemberFields) -> bool:
        """Re-create a deleted member with its id."""

    def add_council_again(
        self, council_id: int, name: str, kind: CouncilKind, parent_id: int | None
    ) -> bool:
        """Re-create a council; later steps see the new one in place of ``council_id``."""

    def rename_council(self, council_id: int, name: str) -> bool:
        """Rename a council."""

    def delete_council(self, council_id: int) -> bool:
        """Delete an empty council."""


class DoneStep(QUndoCommand):
    """An undo step for a change already made when it is pushed."""

    def __init__(self, store: MemberStore, text: str) -> None:
        super().__init__(text)
        self.store = store
        self._pushed = False

    def redo(self) -> None:
        """Make the change again (nothing on the push itself: it is already made)."""
        if not self._pushed:
            self._pushed = True
            return
        if not self.forward():
            self.setObsolete(True)

    def undo(self) -> None:
        """Take the change back."""
        if not self.backward():
            self.setObsolete(True)

    def forward(self) -> bool:
        """Make the change; ``False`` if the service refused."""
        raise NotImplementedError

    def backward(self) -> bool:
        """Revert the change; ``False`` if the service refused."""
        raise NotImplementedError


class EditMember(DoneStep):
    """A member's fields changed (an edit, marking as left or as returned)."""

    def __init__(
        self,
        store: MemberStore,
        text: str,
        member_id: int,
        before: MemberFields,
        after: MemberFields,
    ) -> None:
        super().__init__(store, text)
        self.member_id = member_id
        self.before = before
        self.after = after

    def forward(self) -> bool:
        """Set the new fields."""
        return self.store.update(self.member_id, self.after)

    def backward(self) -> bool:
        """Set the former fields."""
        return self.store.update(self.member_id, self.before)


class AddMembers(DoneStep):
    """Members were added (one by the form, many by an import)."""

    def __init__(
        self, store: MemberStore, text: str, members: list[tuple[int, MemberFields]]
    ) -> None:
        super().__init__(store, text)
        self.members = members

    def forward(self) -> bool:
        """Add them again, with their ids."""
        done = [self.store.restore(i, fields) for i, fields in self.members]  # each one
        return all(done)

    def backward(self) -> bool:
        """Delete them."""
        done = [self.store.remove(i) for i, _fields in reversed(self.members)]  # each one
        return all(done)


class DeleteMember(DoneStep):
    """A member was deleted."""

    def __init__(self, store: MemberStore, text: str, member_id: int, fields: MemberFields) -> None:
        super().__init__(store, text)
        self.member_id = member_id
        self.fields = fields

    def forward(self) -> bool:
        """Delete the member again."""
        return self.store.remove(self.member_id)

    def backward(self) -> bool:
        """Bring the member back with their id."""
        return self.store.restore(self.member_id, self.fields)


class AddCouncil(DoneStep):
    """A council was added."""

    def __init__(
        self,
        store: MemberStore,
        text: str,
        council_id: int,
        name: str,
        kind: CouncilKind,
        parent_id: int | None,
    ) -> None:
        super().__init__(store, text)
        self.council_id = council_id
        self.name = name
        self.kind = kind
        self.parent_id = parent_id

    def forward(self) -> bool:
        """Add the council again."""
        return self.store.add_council_again(self.council_id, self.name, self.kind, self.parent_id)

    def backward(self) -> bool:
        """Delete it (it is still empty unless someone moved members in)."""
        return self.store.delete_council(self.council_id)


class DeleteCouncil(AddCouncil):
    """An empty council was deleted."""

    def forward(self) -> bool:
        """Delete it again."""
        return self.store.delete_council(self.council_id)

    def backward(self) -> bool:
        """Add it back."""
        return self.store.add_council_again(self.council_id, self.name, self.kind, self.parent_id)


class RenameCouncil(DoneStep):
    """A council was renamed."""

    def __init__(
        self, store: MemberStore, text: str, council_id: int, before: str, after: str
    ) -> None:
        super().__init__(store, text)
        self.council_id = council_id
        self.before = before
        self.after = after

    def forward(self) -> bool:
        """Give it the new name."""
        return self.store.rename_council(self.council_id, self.after)

    def backward(self) -> bool:
        """Give it the former name."""
        return self.store.rename_council(self.council_id, self.before)
