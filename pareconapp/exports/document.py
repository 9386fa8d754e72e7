"""The minutes as one document model: sections of blocks, written by every format.

The model is plain data (no Qt, no database): section builders fill it from the record,
writers (PDF, ODT, HTML, Markdown, CSV) only lay it out. Every text in it is final - already
translated and with dates and numbers localised - so a writer never decides what the minutes
say, and approved minutes are frozen as :meth:`Document.to_dict` with its SHA-256
(:func:`document_sha256`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from pareconapp.core.canonical import canonical_json

FORMAT_VERSION = 1
"""Raised when the meaning of the stored document changes."""


@dataclass(frozen=True)
class Span:
    """A run of text, optionally bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


Inline: TypeAlias = tuple[Span, ...]


def plain(text: str) -> Inline:
    """Text without emphasis as an inline run (empty text: no run)."""
    return (Span(text),) if text else ()


def inline_text(spans: Sequence[Span]) -> str:
    """The text of a run without its emphasis."""
    return "".join(span.text for span in spans)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    spans: Inline


@dataclass(frozen=True)
class Label:
    """A small heading inside a section ("Result", "Impact assessment"); not in the contents."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A list; each item is an inline run."""

    items: tuple[Inline, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Facts:
    """Labelled values ("Date: 4 May 2026"), one per line."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table of text cells; ``numeric`` columns are right-aligned.

    ``key`` names the table for tests and for readers of the Markdown round trip.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()
    caption: str = ""
    key: str = ""

    def is_numeric(self, column: int) -> bool:
        """Whether a column holds numbers (right-aligned)."""
        return column < len(self.numeric) and self.numeric[column]


@dataclass(frozen=True)
class Chart:
    """Horizontal grouped bars, drawn as vectors where the format allows.

    ``values[row][series]`` are shares from 0 to ``maximum``; ``labels[row][series]`` the
    text after each bar; ``marker`` a dashed line (e.g. the weight needed to pass).
    """

    title: str
    categories: tuple[str, ...]
    series: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    labels: tuple[tuple[str, ...], ...]
    maximum: float = 1.0
    highlight: tuple[int, ...] = ()
    marker: float | None = None
    marker_label: str = ""


@dataclass(frozen=True)
class Callout:
    """A boxed remark: ``"outcome"`` (the result of a vote), ``"note"`` or ``"warning"``."""

    kind: str
    spans: Inline


Block: TypeAlias = Paragraph | Label | BulletList | Facts | Table | Chart | Callout


@dataclass(frozen=True)
class Section:
    """A titled part of the minutes; sections nest (agenda item > decision)."""

    key: str
    title: str
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    def walk(self, level: int = 1) -> Iterator[tuple[int, Section]]:
        """This section and every section under it, with their levels, in order."""
        yield level, self
        for child in self.children:
            yield from child.walk(level + 1)


@dataclass(frozen=True)
class Dataset:
    """A table of records for the CSV export (decisions, votes, action items)."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Document:
    """The minutes of one meeting, ready for any writer.

    Attributes:
        title: the document's title ("Minutes of ...").
        subtitle: the assembly's name.
        language: the language the text is in (BCP 47, e.g. ``"en-GB"``).
        facts: the header's labelled values (date, place, facilitators...).
        status: one line saying whether these are draft or approved minutes.
        sections: the body, in order.
        datasets: the tables the CSV export writes.
        running_head: the short line at the top of every printed page.
        footer: the line at the foot of every printed page (status and SHA-256).
        contents_title: the heading of the table of contents ("" when there is none:
            short meetings do not need one).
        page_label: the page-number pattern with ``{page}`` and ``{pages}``.
    """

    title: str
    subtitle: str
    language: str
    facts: tuple[tuple[str, str], ...]
    status: str
    sections: tuple[Section, ...]
    datasets: tuple[Dataset, ...] = ()
    running_head: str = ""
    footer: str = ""
    contents_title: str = ""
    page_label: str = "{page} / {pages}"
    draft: bool = True
    mark: str = ""
    """A word printed large in the running head of drafts ("DRAFT")."""

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section with its level (1 for top-level sections), in order."""
        for section in self.sections:
            yield from section.walk()

    def section(self, key: str) -> Section:
        """The section with ``key`` (raises ``KeyError``)."""
        for _level, section in self.walk():
            if section.key == key:
                return section
        raise KeyError(key)

    def dataset(self, name: str) -> Dataset:
        """The dataset called ``name`` (raises ``KeyError``)."""
        for dataset in self.datasets:
            if dataset.name == name:
                return dataset
        raise KeyError(name)

    def contents(self) -> list[tuple[int, Section]]:
        """The entries of the table of contents (levels 1 and 2); empty without one."""
        if not self.contents_title:
            return []
        return [(level, section) for level, section in self.walk() if level <= 2]

    def to_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data (stored when the minutes are approved)."""
        return {
            "format": FORMAT_VERSION,
            "title": self.title,
            "subtitle": self.subtitle,
            "language": self.language,
            "facts": [list(pair) for pair in self.facts],
            "status": self.status,
            "sections": [_section_to_dict(s) for s in self.sections],
            "datasets": [
                {"name": d.name, "columns": list(d.columns), "rows": [list(r) for r in d.rows]}
                for d in self.datasets
            ],
            "running_head": self.running_head,
            "footer": self.footer,
            "contents_title": self.contents_title,
            "page_label": self.page_label,
            "draft": self.draft,
            "mark": self.mark,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Read a document written by :meth:`to_dict`.

        Raises:
            ValueError: the data is not a document of a format this version reads.
        """
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"minutes format {data.get('format')!r} is not {FORMAT_VERSION}")
        return cls(
            title=str(data["title"]),
            subtitle=str(data["subtitle"]),
            language=str(data["language"]),
            facts=tuple(_pair(p) for p in data["facts"]),
            status=str(data["status"]),
            sections=tuple(_section_from_dict(s) for s in data["sections"]),
            datasets=tuple(
                Dataset(
                    str(d["name"]),
                    _strings(d["columns"]),
                    tuple(_strings(r) for r in d["rows"]),
                )
                for d in data["datasets"]
            ),
            running_head=str(data["running_head"]),
            footer=str(data["footer"]),
            contents_title=str(data["contents_title"]),
            page_label=str(data["page_label"]),
            draft=bool(data["draft"]),
            mark=str(data["mark"]),
        )


def document_sha256(document: Document) -> str:
    """The SHA-256 (hex) of the document's canonical JSON: what approval freezes."""
    return hashlib.sha256(canonical_json(document.to_dict()).encode("utf-8")).hexdigest()


# -- JSON of sections and blocks -------------------------------------------------------------


def _spans_to_list(spans: Inline) -> list[Any]:
    return [[s.text, s.bold, s.italic] for s in spans]


def _spans_from_list(data: Sequence[Any]) -> Inline:
    return tuple(Span(str(text), bool(bold), bool(italic)) for text, bold, italic in data)


def _block_to_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "spans": _spans_to_list(block.spans)}
    if isinstance(block, Label):
        return {"type": "label", "text": block.text}
    if isinstance(block, BulletList):
        return {
            "type": "list",
            "ordered": block.ordered,
            "items": [_spans_to_list(item) for item in block.items],
        }
    if isinstance(block, Facts):
        return {"type": "facts", "pairs": [list(p) for p in block.pairs]}
    if isinstance(block, Table):
        return {
            "type": "table",
            "columns": list(block.columns),
            "rows": [list(r) for r in block.rows],
            "numeric": list(block.numeric),
            "caption": block.caption,
            "key": block.key,
        }
    if isinstance(block, Chart):
        return {
            "type": "chart",
            "title": block.title,
            "categories": list(block.categories),
            "series": list(block.series),
            "values": [list(v) for v in block.values],
            "labels": [list(v) for v in block.labels],
            "maximum": block.maximum,
            "highlight": list(block.highlight),
            "marker": block.marker,
            "marker_label": block.marker_label,
        }
    return {"type": "callout", "kind": block.kind, "spans": _spans_to_list(block.spans)}


def _block_from_dict(data: Mapping[str, Any]) -> Block:
    kind = data.get("type")
    if kind == "paragraph":
        return Paragraph(_spans_from_list(data["spans"]))
    if kind == "label":
        return Label(str(data["text"]))
    if kind == "list":
        return BulletList(
            tuple(_spans_from_list(item) for item in data["items"]), bool(data["ordered"])
        )
    if kind == "facts":
        return Facts(tuple(_pair(p) for p in data["pairs"]))
    if kind == "table":
        return Table(
            _strings(data["columns"]),
            tuple(_strings(r) for r in data["rows"]),
            tuple(bool(n) for n in data["numeric"]),
            str(data["caption"]),
            str(data["key"]),
        )
    if kind == "chart":
        marker = data["marker"]
        return Chart(
            title=str(data["title"]),
            categories=_strings(data["categories"]),
            series=_strings(data["series"]),
            values=tuple(tuple(float(v) for v in row) for row in data["values"]),
            labels=tuple(_strings(row) for row in data["labels"]),
            maximum=float(data["maximum"]),
            highlight=tuple(int(i) for i in data["highlight"]),
            marker=None if marker is None else float(marker),
            marker_label=str(data["marker_label"]),
        )
    if kind == "callout":
        return Callout(str(data["kind"]), _spans_from_list(data["spans"]))
    raise ValueError(f"unknown block type {kind!r}")


def _section_to_dict(section: Section) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": section.title,
        "blocks": [_block_to_dict(b) for b in section.blocks],
        "children": [_section_to_dict(c) for c in section.children],
    }


def _section_from_dict(data: Mapping[str, Any]) -> Section:
    return Section(
        key=str(data["key"]),
        title=str(data["title"]),
        blocks=tuple(_block_from_dict(b) for b in data["blocks"]),
        children=tuple(_section_from_dict(c) for c in data["children"]),
    )


def _strings(values: Sequence[Any]) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _pair(values: Sequence[Any]) -> tuple[str, str]:
    label, value = values
    return str(label), str(value)


@dataclass
class SectionBuilder:
    """Collects blocks and child sections while a section is being built."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def add(self, *blocks: Block | None) -> None:
        """Append blocks (``None`` is skipped, so optional parts read naturally)."""
        self.blocks.extend(b for b in blocks if b is not None)

    def build(self) -> Section:
        """The finished section."""
        return Section(self.key, self.title, tuple(self.blocks), tuple(self.children))
