"""The document model: rich text from the editors, JSON, localisation, the section registry."""

from __future__ import annotations

import json

from pareconapp.exports.document import (
    BulletList,
    Callout,
    Chart,
    Dataset,
    Document,
    Facts,
    Label,
    Paragraph,
    Section,
    Span,
    Table,
    document_sha256,
)
from pareconapp.exports.rich_text import blocks_from_html


def test_notes_from_the_rich_text_editor(qapp) -> None:
    from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextListFormat
    from PySide6.QtWidgets import QTextEdit

    editor = QTextEdit()
    cursor = editor.textCursor()
    cursor.insertText("Repairs up ")
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    cursor.insertText("18 %", bold)
    cursor.insertText(" on last quarter.", QTextCharFormat())
    cursor.insertBlock()
    cursor.createList(QTextListFormat.Style.ListDisc)
    cursor.insertText("Tyres ran out twice")
    cursor.insertBlock()
    italic = QTextCharFormat()
    italic.setFontItalic(True)
    cursor.insertText("Van brakes", italic)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    blocks = blocks_from_html(editor.toHtml())  # a whole page with a style sheet
    assert blocks == (
        Paragraph((Span("Repairs up "), Span("18 %", bold=True), Span(" on last quarter."))),
        BulletList(((Span("Tyres ran out twice"),), (Span("Van brakes", italic=True),))),
    )


def test_plain_text_and_markup_that_is_dropped() -> None:
    assert blocks_from_html("First line\n\nSecond   line") == (
        Paragraph((Span("First line"),)),
        Paragraph((Span("Second line"),)),
    )
    assert blocks_from_html(
        '<p>See <a href="http://example.org/x">the plan</a>'
        '<img src="file:///etc/passwd"><script>alert(1)</script></p><p></p>'
    ) == (Paragraph((Span("See the plan"),)),)
    assert blocks_from_html("") == ()


def _every_block() -> Document:
    return Document(
        title="T",
        subtitle="S",
        language="en",
        facts=(("Date", "today"),),
        status="Draft",
        sections=(
            Section(
                "a",
                "A",
                (
                    Paragraph((Span("x", bold=True, italic=True),)),
                    Label("L"),
                    BulletList(((Span("i"),),), ordered=True),
                    Facts((("k", "v"),)),
                    Table(("c", "n"), (("1", "2"),), (False, True), "cap", "key"),
                    Chart(
                        "c",
                        ("a", "b"),
                        ("s",),
                        ((0.5,), (0.25,)),
                        (("50 %",), ("25 %",)),
                        highlight=(0,),
                        marker=0.5,
                        marker_label="needed",
                    ),
                    Callout("warning", (Span("w"),)),
                ),
                (Section("b", "B"),),
            ),
        ),
        datasets=(Dataset("d", ("x",), (("1",),)),),
        running_head="head",
        footer="foot",
        contents_title="Contents",
        mark="DRAFT",
    )


def test_json_round_trip_of_every_block() -> None:
    document = _every_block()
    stored = json.loads(json.dumps(document.to_dict()))
    assert Document.from_dict(stored) == document
    assert document_sha256(Document.from_dict(stored)) == document_sha256(document)
    assert [s.key for _l, s in document.contents()] == ["a", "b"]


def test_hash_changes_with_any_word() -> None:
    document = _every_block()
    changed = Document.from_dict({**document.to_dict(), "status": "Draft!"})
    assert document_sha256(changed) != document_sha256(document)


def test_document_language_and_local_formats(qapp, demo_documents) -> None:
    from PySide6.QtCore import QLocale

    from pareconapp.exports.qt_locale import QtLocalizer

    german = QtLocalizer(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert german.language == "de-DE" or german.language == "de"
    assert german.number(87.0, 1) == "87,0"
    from datetime import date

    assert german.date(date(2026, 5, 4)) == "04.05.2026"
    us = QtLocalizer(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert us.date(date(2026, 5, 4)) == "5/4/2026"  # never a two-digit year
    assert us.number(1234.5, 1) == "1,234.5"


def test_minutes_in_the_locale_of_the_app(qapp, demo_assembly) -> None:
    from PySide6.QtCore import QLocale

    from pareconapp.exports.document import Table as TableBlock
    from pareconapp.exports.qt_locale import QtLocalizer

    meeting = demo_assembly.minutes.last_meeting_id()
    german = QtLocalizer(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    document = demo_assembly.minutes.document(meeting, german)
    votes = next(
        b
        for b in document.section("attendance").blocks
        if isinstance(b, TableBlock) and b.key == "vote-attendance"
    )
    assert votes.rows[0][3] == "87,0 %"
    assert "." in dict(document.facts)["Date"]  # the German long date "22. November 2026"
