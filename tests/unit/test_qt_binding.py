"""The Qt binding keeps Python's reference counts right (PySide6 6.12.0 did not)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_calls_do_not_lose_references_to_none(qapp) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    # each lost reference brings the process closer to "Fatal Python error: none_dealloc"
    assert before - after < 50
