"""User-visible text produced below the UI layer, kept translatable.

Layers under ``ui`` may not import Qt, yet their error messages reach users. They mark each
message with :func:`QT_TRANSLATE_NOOP` (which Qt's ``lupdate`` extracts by name) and carry it
as a :class:`UserMessage`; the UI and CLI translate it with ``QCoreApplication.translate``
and then fill in the named ``{placeholders}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


class SourceText(NamedTuple):
    """An untranslated message and the translation context it belongs to."""

    context: str
    text: str


def QT_TRANSLATE_NOOP(context: str, text: str) -> SourceText:  # noqa: N802 - lupdate's name
    """Mark ``text`` for translation in ``context`` without translating it yet."""
    return SourceText(context, text)


def QT_TRANSLATE_N_NOOP(context: str, text: str) -> SourceText:  # noqa: N802 - lupdate's name
    """Mark a plural ``text`` (with ``%n``) for translation; give its count to ``UserMessage``."""
    return SourceText(context, text)


@dataclass(frozen=True)
class UserMessage:
    """A translatable message with named ``{placeholders}`` and their values."""

    source: SourceText
    params: Mapping[str, object] = field(default_factory=dict)
    count: int | None = None
    """For plural messages: the number that ``%n`` stands for (Qt's plural forms)."""

    def render(self, translated_text: str | None = None) -> str:
        """Fill the placeholders into ``translated_text`` (or the source text)."""
        template = self.source.text if translated_text is None else translated_text
        try:
            return self._fill(template)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source.
            return self._fill(self.source.text)

    def _fill(self, template: str) -> str:
        if self.count is not None:
            template = template.replace("%n", str(self.count))
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.render()


class UserError(Exception):
    """An expected problem the user can act on (bad input, a file in use, a full disk).

    The UI shows :attr:`message` in a dialog; the CLI prints it and exits non-zero. Anything
    that is not a ``UserError`` is a bug and goes to the crash handler.
    """

    def __init__(self, message: UserMessage) -> None:
        super().__init__(message.render())
        self.message = message


def user_error(source: SourceText, count: int | None = None, **params: object) -> UserError:
    """A :class:`UserError` for ``source`` with named values (and a plural count)."""
    return UserError(UserMessage(source, params, count))
