"""Help > Keyboard Shortcuts: every key of the main window, the projector and the meeting.

Menu and page actions are read from the actions themselves, so the sheet never disagrees with
the keys; keys that belong to a single widget (the speakers' name field, the agenda table, the
kiosk) are listed in :func:`widget_keys`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from pareconapp.i18n import translate

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class KeyEntry:
    """One line of the sheet: the keys and what they do."""

    keys: str
    what: str


@dataclass(frozen=True)
class KeySection:
    """A titled group of lines."""

    title: str
    entries: tuple[KeyEntry, ...]


def action_text(action: QAction) -> str:
    """An action's menu text without its mnemonic ("&Open" -> "Open", "A && B" -> "A & B")."""
    return re.sub(r"&(&|(?=\S))", lambda m: m.group(1), action.text()).strip()


def action_entries(actions: Iterable[QAction]) -> tuple[KeyEntry, ...]:
    """The actions that have a shortcut, as sheet lines."""
    entries = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys and action_text(action):
            entries.append(KeyEntry(", ".join(dict.fromkeys(keys)), action_text(action)))
    return tuple(entries)


def widget_keys() -> list[KeySection]:
    """Keys that work inside one widget (listed by hand; a test checks the facilitation ones)."""

    def t(text: str) -> str:
        return translate("Projector", text)

    return [
        KeySection(
            t("Meetings page"),
            (
                KeyEntry("Enter", t("Add the speaker typed in the stack's name field")),
                KeyEntry("Ctrl+Enter", t("… as a direct response")),
                KeyEntry("Shift+Enter", t("… as a point of order")),
                KeyEntry("Alt+Up, Alt+Down", t("Move the selected speaker or agenda item")),
                KeyEntry("Delete", t("Take the selected speaker off the stack")),
                KeyEntry("Ctrl+Shift+I", t("Check-in screen (facilitation view)")),
                KeyEntry("Ctrl+Shift+A", t("Action item for the current item")),
                KeyEntry("Insert", t("Add an agenda item (agenda table)")),
                KeyEntry("P, A, E, L", t("Present, absent, excused, left (attendance table)")),
                KeyEntry("Ctrl+Shift+N", t("New meeting")),
            ),
        ),
        KeySection(
            t("Decisions page"),
            (KeyEntry("Ctrl+Shift+N", t("New proposal")),),
        ),
        KeySection(
            t("Ballot kiosk on the shared laptop"),
            (
                KeyEntry("Enter", t("Go on: begin, pick the name, PIN, review, confirm")),
                KeyEntry("Backspace", t("From the review back to the ballot")),
                KeyEntry("Esc", t("Facilitator (asks for the passphrase)")),
            ),
        ),
    ]


def sheet_html(sections: Iterable[KeySection]) -> str:
    """The sheet as an HTML table per section."""
    parts = []
    for section in sections:
        if not section.entries:
            continue
        rows = "".join(
            f"<tr><td style='padding:2px 16px 2px 0'><b>{escape(e.keys)}</b></td>"
            f"<td style='padding:2px 0'>{escape(e.what)}</td></tr>"
            for e in section.entries
        )
        parts.append(f"<h3>{escape(section.title)}</h3><table>{rows}</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    """The keyboard cheat sheet."""

    def __init__(self, sections: list[KeySection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.sections = sections
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.text.setHtml(sheet_html(sections))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 680)
