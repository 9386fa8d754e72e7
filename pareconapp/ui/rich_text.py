"""A small rich-text editor (bold, italic, lists) for notes and proposal texts."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QToolButton, QVBoxLayout, QWidget

SAVE_DELAY_MS = 800


class RichTextEditor(QWidget):
    """Rich text with a tiny toolbar; emits ``edited`` (HTML) after typing pauses.

    The pending text is also emitted when the editor loses focus or :meth:`flush` is called,
    so nothing typed is lost when the user moves on.
    """

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QTextEdit()
        self.editor.setAcceptRichText(True)
        self.editor.setTabChangesFocus(True)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.editor.textChanged.connect(self._changed)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for text, tip, keys, slot in (
            (self.tr("B"), self.tr("Bold (Ctrl+B)"), "Ctrl+B", self._bold),
            (self.tr("I"), self.tr("Italic (Ctrl+I)"), "Ctrl+I", self._italic),
            (
                self.tr("• List"),
                self.tr("Bulleted list (Ctrl+Shift+L)"),
                "Ctrl+Shift+L",
                self._bullets,
            ),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setShortcut(QKeySequence(keys))
            button.setFocusPolicy(button.focusPolicy().NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.editor, 1)
        self.editor.installEventFilter(self)

    def set_html(self, html: str) -> None:
        """Show ``html`` without emitting ``edited``."""
        self._timer.stop()
        self.editor.blockSignals(True)
        self.editor.setHtml(html)
        self.editor.blockSignals(False)
        self._dirty = False

    def html(self) -> str:
        """The text as HTML (empty when there is no text)."""
        return self.editor.toHtml() if self.editor.toPlainText().strip() else ""

    def flush(self) -> None:
        """Emit pending changes now."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.edited.emit(self.html())

    def _changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def eventFilter(self, watched: object, event: object) -> bool:
        """Save when the editor loses focus."""
        from PySide6.QtCore import QEvent

        if (
            watched is self.editor
            and getattr(event, "type", lambda: None)() == QEvent.Type.FocusOut
        ):
            self.flush()
        return False

    def _bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.editor.fontWeight() < QFont.Weight.Bold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.editor.mergeCurrentCharFormat(fmt)

    def _italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.editor.fontItalic())
        self.editor.mergeCurrentCharFormat(fmt)

    def _bullets(self) -> None:
        cursor = self.editor.textCursor()
        if cursor.currentList() is not None:
            block = cursor.blockFormat()
            block.setObjectIndex(-1)
            cursor.currentList().remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)
