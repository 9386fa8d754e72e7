"""Member and council changes: through the service, onto the screen, into the undo stack."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from pareconapp.core.i18n import UserError
from pareconapp.services.members import MemberFields, MemberRow, MemberService
from pareconapp.ui.errors import show_user_error
from pareconapp.ui.members.commands import (
    AddCouncil,
    AddMembers,
    DeleteCouncil,
    DeleteMember,
    EditMember,
    RenameCouncil,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from pareconapp.store.models import CouncilKind
    from pareconapp.ui.members.table import MemberTableModel

T = TypeVar("T")


class MemberChanges(QObject):
    """Makes each change through the service, updates the table, and records the undo step.

    Councils re-created by an undo get a new id; :meth:`council_id` maps the id a step
    remembers to the council's current one.
    """

    counts_changed = Signal()
    """Members moved between councils, joined, left or were deleted: recount the tree."""
    councils_changed = Signal()
    """Councils were added, renamed or deleted: reload the tree and the members' rows."""

    def __init__(self, widget: QWidget, model: MemberTableModel, undo_stack: QUndoStack) -> None:
        super().__init__(widget)
        self._widget = widget
        self._model = model
        self._undo = undo_stack
        self._service: MemberService | None = None
        self._aliases: dict[int, int] = {}
        model.set_commit(self.commit_edit)

    def set_service(self, service: MemberService | None) -> None:
        """Work on another assembly (the undo stack is cleared with it)."""
        self._service = service
        self._aliases.clear()

    @property
    def service(self) -> MemberService:
        """The open assembly's member service."""
        if self._service is None:
            raise RuntimeError("no assembly is open")
        return self._service

    def council_id(self, council_id: int | None) -> int | None:
        """The current id of a council an undo step remembers by an older id."""
        while council_id is not None and council_id in self._aliases:
            council_id = self._aliases[council_id]
        return council_id

    def _current(self, fields: MemberFields) -> MemberFields:
        return replace(
            fields,
            team_id=self.council_id(fields.team_id),
            consumer_council_id=self.council_id(fields.consumer_council_id),
        )

    def _try(self, action: Callable[[], T], later: bool = False) -> T | None:
        """Run a service call; show a refusal (after the current event if ``later``)."""
        try:
            return action()
        except UserError as error:
            if later:
                # Inside an item editor's commit a modal box would steal the editor's focus
                # and commit it a second time; show it once the editor has closed instead.
                QTimer.singleShot(0, partial(show_user_error, self._widget, error))
            else:
                show_user_error(self._widget, error)
            return None

    def _ok(self, action: Callable[[], object]) -> bool:
        """Run a service call that returns nothing; ``False`` (and the reason shown) if refused."""
        return self._try(lambda: action() or True) is not None

    # -- changes the user makes -------------------------------------------------------------

    def commit_edit(self, member: MemberRow, fields: MemberFields) -> MemberRow | None:
        """Store an edit made in the table; push its undo step."""
        stored = self._try(
            lambda: self.service.update_member(member.id, self._current(fields)), later=True
        )
        if stored is not None:
            self._model.upsert(stored)
            self._recorded_edit(member, stored, self._edit_text(member, stored))
        return stored

    def change(self, member: MemberRow, fields: MemberFields, text: str) -> MemberRow | None:
        """Store changed fields from an action (marking as left or returned)."""
        stored = self._try(lambda: self.service.update_member(member.id, self._current(fields)))
        if stored is not None:
            self._model.upsert(stored)
            self._recorded_edit(member, stored, text)
        return stored

    def _recorded_edit(self, member: MemberRow, stored: MemberRow, text: str) -> None:
        self._undo.push(
            EditMember(self, text, member.id, MemberFields.of(member), MemberFields.of(stored))
        )
        if (member.team_id, member.consumer_council_id, member.active) != (
            stored.team_id,
            stored.consumer_council_id,
            stored.active,
        ):
            self.counts_changed.emit()

    def added(self, members: list[MemberRow], text: str) -> None:
        """Record members just added (by the form or an import)."""
        for member in members:
            self._model.upsert(member)
        self._undo.push(AddMembers(self, text, [(m.id, MemberFields.of(m)) for m in members]))
        self.counts_changed.emit()

    def delete(self, member: MemberRow) -> bool:
        """Delete a member (the service refuses members in any record)."""
        fields = self._try(lambda: self.service.delete_member(member.id))
        if fields is None:
            return False
        self._model.remove(member.id)
        text = self.tr("Delete {name}").format(name=member.display_name)
        self._undo.push(DeleteMember(self, text, member.id, fields))
        self.counts_changed.emit()
        return True

    def new_council(self, name: str, kind: CouncilKind, parent_id: int | None) -> int | None:
        """Add a council."""
        council_id = self._try(lambda: self.service.add_council(name, kind, parent_id))
        if council_id is None:
            return None
        stored = self._council_name(council_id) or name.strip()
        text = self.tr("Add {name}").format(name=stored)
        self._undo.push(AddCouncil(self, text, council_id, stored, kind, parent_id))
        self.councils_changed.emit()
        return council_id

    def rename(self, council_id: int, before: str, name: str) -> bool:
        """Rename a council."""
        if not self._ok(lambda: self.service.rename_council(council_id, name)):
            return False
        after = self._council_name(council_id) or name.strip()
        text = self.tr("Rename {before} to {after}").format(before=before, after=after)
        self._undo.push(RenameCouncil(self, text, council_id, before, after))
        self.councils_changed.emit()
        return True

    def remove_council(self, council_id: int) -> bool:
        """Delete an empty council."""
        council = next((c for c in self.service.councils() if c.id == council_id), None)
        if council is None or not self._ok(lambda: self.service.delete_council(council_id)):
            return False
        text = self.tr("Delete {name}").format(name=council.name)
        self._undo.push(
            DeleteCouncil(self, text, council_id, council.name, council.kind, council.parent_id)
        )
        self.councils_changed.emit()
        return True

    def _council_name(self, council_id: int) -> str | None:
        return next((c.name for c in self.service.councils() if c.id == council_id), None)

    # -- replaying undo steps (MemberStore) -------------------------------------------------

    def update(self, member_id: int, fields: MemberFields) -> bool:
        """Set a member's fields again (undo/redo)."""
        stored = self._try(lambda: self.service.update_member(member_id, self._current(fields)))
        if stored is not None:
            self._model.upsert(stored)
            self.counts_changed.emit()
        return stored is not None

    def remove(self, member_id: int) -> bool:
        """Delete a member again (undo of adding, redo of deleting)."""
        if self._try(lambda: self.service.delete_member(member_id)) is None:
            return False
        self._model.remove(member_id)
        self.counts_changed.emit()
        return True

    def restore(self, member_id: int, fields: MemberFields) -> bool:
        """Bring a member back with their id (undo of deleting, redo of adding)."""
        stored = self._try(lambda: self.service.restore_member(self._current(fields), member_id))
        if stored is not None:
            self._model.upsert(stored)
            self.counts_changed.emit()
        return stored is not None

    def add_council_again(
        self, council_id: int, name: str, kind: CouncilKind, parent_id: int | None
    ) -> bool:
        """Re-create a council; later steps find it under its new id."""
        new_id = self._try(lambda: self.service.add_council(name, kind, self.council_id(parent_id)))
        if new_id is None:
            return False
        current = self.council_id(council_id)
        if current is not None and current != new_id:
            self._aliases[current] = new_id
        self.councils_changed.emit()
        return True

    def rename_council(self, council_id: int, name: str) -> bool:
        """Rename a council again."""
        current = self.council_id(council_id)
        if current is None or not self._ok(lambda: self.service.rename_council(current, name)):
            return False
        self.councils_changed.emit()
        return True

    def delete_council(self, council_id: int) -> bool:
        """Delete a council again."""
        current = self.council_id(council_id)
        if current is None or not self._ok(lambda: self.service.delete_council(current)):
            return False
        self.councils_changed.emit()
        return True

    # -- undo texts -------------------------------------------------------------------------

    def _edit_text(self, before: MemberRow, after: MemberRow) -> str:
        labels = {
            "name": self.tr("name"),
            "display_name": self.tr("display name"),
            "contact": self.tr("contact"),
            "weekly_hours": self.tr("hours"),
            "team_id": self.tr("team"),
            "consumer_council_id": self.tr("consumer council"),
            "skills": self.tr("skills"),
        }
        old, new = MemberFields.of(before), MemberFields.of(after)
        changed = [
            f.name
            for f in dataclass_fields(MemberFields)
            if getattr(old, f.name) != getattr(new, f.name)
        ]
        if len(changed) == 1 and changed[0] in labels:
            return self.tr("Change the {field} of {name}").format(
                field=labels[changed[0]], name=before.display_name
            )
        return self.tr("Edit {name}").format(name=before.display_name)
