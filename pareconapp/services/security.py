"""The facilitator passphrase and the assembly's PIN setting."""

from __future__ import annotations

from sqlalchemy import select

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage
from pareconapp.core.secrets import check_passphrase, hash_secret, verify_secret
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import Assembly


class WrongPassphrase(UserError):
    """The facilitator passphrase given was wrong."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(QT_TRANSLATE_NOOP("Security", "That is not the facilitator passphrase."))
        )


class FacilitatorSecurity:
    """Guards the actions only a facilitator may take (open/close votes, leave kiosks...)."""

    def __init__(self, file: AssemblyFile) -> None:
        self._file = file

    def has_passphrase(self) -> bool:
        """Whether the assembly has a facilitator passphrase yet."""
        with self._file.transaction() as session:
            return session.scalars(select(Assembly.facilitator_passphrase)).one() is not None

    def set_passphrase(self, new: str, current: str | None = None) -> None:
        """Set the passphrase; changing an existing one needs the current one."""
        check_passphrase(new)
        with self._file.transaction() as session:
            assembly = session.scalars(select(Assembly)).one()
            stored = assembly.facilitator_passphrase
            if stored is not None and (current is None or not verify_secret(current, stored)):
                raise WrongPassphrase
            assembly.facilitator_passphrase = hash_secret(new)

    def verify(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is the facilitator passphrase."""
        with self._file.transaction() as session:
            stored = session.scalars(select(Assembly.facilitator_passphrase)).one()
        return stored is not None and verify_secret(passphrase, stored)

    def require(self, passphrase: str) -> None:
        """Raise :class:`WrongPassphrase` unless ``passphrase`` is right."""
        if not self.verify(passphrase):
            raise WrongPassphrase

    def uses_pins(self) -> bool:
        """Whether members confirm who they are with a PIN on the shared laptop."""
        with self._file.transaction() as session:
            return bool(session.scalars(select(Assembly.uses_pins)).one())

    def set_uses_pins(self, value: bool) -> None:
        """Turn PINs on or off for the shared laptop."""
        with self._file.transaction() as session:
            session.scalars(select(Assembly)).one().uses_pins = value
