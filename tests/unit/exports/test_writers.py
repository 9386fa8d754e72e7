"""Every format writes the same document: PDF, ODT, HTML, Markdown and CSV of the demo minutes."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.core.progress import Cancelled, Progress
from pareconapp.exports.csv_files import csv_path, read_csv
from pareconapp.exports.document import (
    Chart,
    Document,
    Facts,
    Label,
    Paragraph,
    Section,
    Table,
    plain,
)
from pareconapp.exports.formats import ExportFormat, export_minutes, format_of
from pareconapp.exports.html import html_text
from pareconapp.exports.markdown import markdown_text, md_escape, md_unescape
from tests.unit.exports.conftest import pdf_text, poppler

CHOICE_WORDS = re.compile(r"\b(Yes|No|Abstain)\b")


def _tables(document: Document) -> list[Table]:
    return [b for _l, s in document.walk() for b in s.blocks if isinstance(b, Table)]


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_text_has_the_decisions_tallies_and_weights(qapp, tmp_path, demo_documents) -> None:
    path = tmp_path / "minutes.pdf"
    assert export_minutes(demo_documents["jig"], ExportFormat.PDF, path, "a4") == [path]
    text = pdf_text(path)
    flat = " ".join(text.split())
    for expected in (
        "Minutes of General assembly - jig quotes",
        "Decision: Adopt the workshop safety checklist",
        "Decision: Colour of the new workshop door",
        "PASSED",
        "CHOSEN: Teal",
        "Agree 60.87 % (14/23) 93.3 % 14",  # weighted tally beside the head count
        "4.35 % (1/23) medium (2)",  # the weights
        "Five points are too many for short shifts.",  # a stand-aside's reason
        "Book the safety inspector",
        "DRAFT minutes - not approved",
    ):
        assert expected in flat, expected
    pages = text.count("\f")
    assert 2 <= pages <= 8
    assert f"Page {pages} of {pages}" in flat
    assert not list(tmp_path.glob(".*")), "no temporary file is left behind"


def test_pdf_paper_sizes(qapp, tmp_path, demo_documents) -> None:
    pdfinfo = poppler("pdfinfo")
    for paper, size in (("a4", "(A4)"), ("letter", "(letter)")):
        path = tmp_path / f"{paper}.pdf"
        export_minutes(demo_documents["jig"], ExportFormat.PDF, path, paper)
        info = subprocess.run(
            [pdfinfo, str(path)], capture_output=True, text=True, check=True
        ).stdout
        assert size in info


def _long_document(sections: int = 12) -> Document:
    long_text = " ".join(["The assembly discussed this at length."] * 60)
    return Document(
        title="Minutes of a long meeting",
        subtitle="Test",
        language="en",
        facts=(("Date", "2026-06-06"),),
        status="Draft",
        sections=tuple(
            Section(
                f"s{n}",
                f"Section number {n}",
                (Label("Notes"), Paragraph(plain(long_text))),
                (Section(f"s{n}-child", f"Subsection {n}.1", (Paragraph(plain(long_text)),)),),
            )
            for n in range(1, sections + 1)
        ),
        contents_title="Contents",
        page_label="Page {page} of {pages}",
    )


def test_contents_give_the_page_each_section_starts_on(qapp, tmp_path) -> None:
    path = tmp_path / "long.pdf"
    export_minutes(_long_document(), ExportFormat.PDF, path, "a4")
    text = pdf_text(path)
    for n in (1, 7, 12):  # in the contents and as a heading, never twice across a cut
        assert len(re.findall(rf"Section number {n}\b", text)) == 2
    pages = text.split("\f")
    contents = pages[0]
    for n in (1, 5, 12):
        listed = re.search(rf"Section number {n}\s+(\d+)", contents)
        assert listed is not None
        page = int(listed.group(1))
        starts = [
            i + 1
            for i, text in enumerate(pages)
            if re.search(rf"^\s*Section number {n}\s*$", text, re.MULTILINE)
        ]
        assert page in starts, (n, page, starts)


def test_headings_are_never_left_alone_at_the_foot_of_a_page(qapp, tmp_path) -> None:
    path = tmp_path / "long.pdf"
    export_minutes(_long_document(20), ExportFormat.PDF, path, "letter")
    for page in pdf_text(path).split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Page ", "DRAFT"))]
        if body:
            assert not body[-1].startswith(("Section number", "Subsection", "Notes")), body[-3:]


def test_cancelled_pdf_leaves_no_file(qapp, tmp_path, demo_documents) -> None:
    progress = Progress(lambda done, total, message: progress.cancel() if done == 1 else None)
    path = tmp_path / "minutes.pdf"
    with pytest.raises(Cancelled):
        export_minutes(demo_documents["jig"], ExportFormat.PDF, path, None, progress)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_clear_error(qapp, tmp_path, demo_documents) -> None:
    with pytest.raises(UserError, match="Could not write"):
        export_minutes(
            demo_documents["jig"], ExportFormat.HTML, tmp_path / "missing" / "minutes.html"
        )


# -- ODT ------------------------------------------------------------------------------------


def test_odt_is_a_valid_opendocument_package(qapp, tmp_path, demo_documents) -> None:
    path = tmp_path / "minutes.odt"
    export_minutes(demo_documents["jig"], ExportFormat.ODT, path)
    with zipfile.ZipFile(path) as package:
        first = package.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        manifest = ET.fromstring(package.read("META-INF/manifest.xml"))
        listed = {
            e.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path") for e in manifest
        }
        assert "content.xml" in listed
        pictures = [n for n in package.namelist() if n.startswith("Pictures/")]
        charts = sum(
            isinstance(b, Chart) for _l, s in demo_documents["jig"].walk() for b in s.blocks
        )
        assert len(pictures) == charts
        assert set(pictures) <= listed
        content = ET.fromstring(package.read("content.xml"))
    text = " ".join("".join(content.itertext()).split())
    assert "Decision: Colour of the new workshop door" in text
    assert "60.87 % (14/23)" in text


def test_libreoffice_converts_the_odt(qapp, tmp_path, demo_documents) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed here; the package checks above still ran")
    path = tmp_path / "minutes.odt"
    export_minutes(demo_documents["jig"], ExportFormat.ODT, path)
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert "CHOSEN: Teal" in pdf_text(tmp_path / "minutes.pdf")


# -- HTML -----------------------------------------------------------------------------------


class _Collector(HTMLParser):
    """Collects references, inline SVGs, the text of each row or paragraph, and open tags."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.svgs = 0
        self.records: list[str] = []
        self.stack: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "data", "poster") and value:
                self.references.append(value)
            if name == "style" and value and "url(" in value:
                self.references.append(value)
        if tag == "svg":
            self.svgs += 1
        if tag == "link":
            self.references.append("<link>")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
        if tag in ("tr", "p", "li", "dd", "h2", "h3", "h4", "h5", "div", "caption"):
            self.records.append(" ".join("".join(self._text).split()))
            self._text = []

    def handle_data(self, data):
        self._text.append(data + " ")


def _parse_html(text: str) -> _Collector:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector


def test_html_parses_and_references_nothing_outside(demo_documents, qapp) -> None:
    text = html_text(demo_documents["jig"])
    collector = _parse_html(text)
    assert collector.stack == []  # every element closed
    assert all(ref.startswith("#") for ref in collector.references), collector.references
    assert "@import" not in text and "http://" not in text.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    ).replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    charts = sum(isinstance(b, Chart) for _l, s in demo_documents["jig"].walk() for b in s.blocks)
    assert collector.svgs == charts > 0
    assert any("Agree 60.87 % (14/23) 93.3 % 14" in r for r in collector.records)


# -- Markdown and CSV round trips -----------------------------------------------------------


def _markdown_tables(text: str) -> list[tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """Pipe tables of a Markdown text: header cells and rows, unescaped."""

    def cells(line: str) -> tuple[str, ...]:
        inner = line.strip()[1:-1]
        parts = re.split(r"(?<!\\)\|", inner)
        return tuple(md_unescape(part.strip()) for part in parts)

    tables = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.fullmatch(r"\|(-{3}:?\|)+", line.strip()) and index > 0:
            header = cells(lines[index - 1])
            rows = []
            for following in lines[index + 1 :]:
                if not following.startswith("|"):
                    break
                rows.append(cells(following))
            tables.append((header, rows))
    return tables


def test_markdown_round_trip(demo_documents) -> None:
    document = demo_documents["jig"]
    text = markdown_text(document)
    headings = [
        md_unescape(line.lstrip("#").strip())
        for line in text.splitlines()
        if line.startswith("## ") or line.startswith("### ") or line.startswith("#### ")
    ]
    assert headings == [section.title for _level, section in document.walk()]
    parsed = _markdown_tables(text)
    expected = [(t.columns, list(t.rows)) for t in _tables(document)]
    assert all(table in parsed for table in expected)
    assert "**Facilitated by:** Bilal, Farid" in text


def test_markdown_escaping_round_trips() -> None:
    text = r"a*b_c|d [e] <f> #g \h `i`"
    assert md_unescape(md_escape(text)) == text
    assert "*" not in md_escape(text).replace(r"\*", "")


def test_csv_round_trip(tmp_path, demo_documents) -> None:
    document = demo_documents["jig"]
    written = export_minutes(document, ExportFormat.CSV, tmp_path / "minutes.csv")
    assert [p.name for p in written] == [
        "minutes-decisions.csv",
        "minutes-votes.csv",
        "minutes-actions.csv",
    ]
    for dataset in document.datasets:
        columns, rows = read_csv(csv_path(tmp_path / "minutes.csv", dataset.name))
        assert columns == dataset.columns
        assert rows == list(dataset.rows)
    _columns, votes = read_csv(tmp_path / "minutes-votes.csv")
    lena = [row for row in votes if row[3] == "Lena"]
    assert lena[0][5:7] == ("stand_aside", "Five points are too many for short shifts.")


def test_format_from_the_file_name() -> None:
    assert format_of(Path("x.PDF")) is ExportFormat.PDF
    assert format_of(Path("x.markdown")) is ExportFormat.MARKDOWN
    assert format_of(Path("x.txt")) is None


# -- secret ballots -------------------------------------------------------------------------


def test_no_format_pairs_a_voter_with_a_choice_on_a_secret_ballot(
    qapp, tmp_path, demo_documents
) -> None:
    document = demo_documents["spring"]
    names = [n for n in demo_documents["spring_voters"] if len(n) > 2]
    assert len(names) > 10
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")

    def check(records: list[str], where: str) -> None:
        tallies = [r for r in records if CHOICE_WORDS.search(r)]
        assert tallies, f"{where}: the totals are printed"
        leaks = [r for r in tallies if pattern.search(r)]
        assert leaks == [], f"{where}: {leaks[:3]}"

    export_minutes(document, ExportFormat.PDF, tmp_path / "m.pdf")
    check(pdf_text(tmp_path / "m.pdf").splitlines(), "PDF")
    check(_parse_html(html_text(document)).records, "HTML")
    check(markdown_text(document).splitlines(), "Markdown")
    export_minutes(document, ExportFormat.ODT, tmp_path / "m.odt")
    with zipfile.ZipFile(tmp_path / "m.odt") as package:
        content = ET.fromstring(package.read("content.xml"))
    paragraphs = [
        "".join(p.itertext())
        for p in content.iter()
        if p.tag.endswith("}p") or p.tag.endswith("}h")
    ]
    check(paragraphs, "ODT")
    export_minutes(document, ExportFormat.CSV, tmp_path / "m.csv")
    columns, votes = read_csv(tmp_path / "m-votes.csv")
    assert {row[columns.index("choice")] for row in votes} == {"yes", "no", "abstain"}
    assert {row[columns.index("record")] for row in votes} == {"total"}
    assert not any(pattern.search(" ".join(row)) for row in votes)


def test_facts_keep_their_order_in_every_format(demo_documents) -> None:
    facts = Facts((("Date", "x"), ("Place", "y")))
    document = Document("t", "s", "en", facts.pairs, "st", ())
    assert markdown_text(document).index("Date") < markdown_text(document).index("Place")
    assert html_text(document).index("Date") < html_text(document).index("Place")
