"""Dates are readable under the bare C locale, and a real locale is never replaced."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QLocale

from pareconapp.i18n import use_readable_locale


@pytest.fixture
def restore_locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_c_locale_becomes_british_english(qapp, restore_locale) -> None:
    QLocale.setDefault(QLocale.c())
    assert QLocale().toString(QDate(2026, 12, 5), QLocale.FormatType.ShortFormat) == "5 12 2026"
    use_readable_locale()
    assert QLocale().name() == "en_GB"
    assert QLocale().toString(QDate(2026, 12, 5), QLocale.FormatType.ShortFormat) == "05/12/2026"


def test_a_real_locale_is_kept(qapp, restore_locale) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    use_readable_locale()
    assert QLocale().name() == "de_DE"
