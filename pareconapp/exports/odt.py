"""ODT minutes through Qt's OpenDocument writer (LibreOffice, OpenOffice, Word open them).

The same text document as the PDF, with charts as images (the ODF writer keeps images, not
drawings): a minute-taker can open the file and edit it in a word processor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocumentWriter

from pareconapp.exports.document import Document
from pareconapp.exports.qt_app import gui_application
from pareconapp.exports.qt_document import build_text_document


def write_odt(document: Document, path: Path) -> None:
    """Write ``document`` as an OpenDocument text file at ``path``.

    Raises:
        OSError: the file could not be written.
    """
    gui_application()
    text, _charts = build_text_document(document, charts="image")
    writer = QTextDocumentWriter(str(path), b"ODF")
    if not writer.write(text):
        raise OSError(f"could not write {path}: {writer.device().errorString()}")
