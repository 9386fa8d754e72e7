"""Markdown minutes for newsletters and wikis (CommonMark with pipe tables).

Charts become small tables of their figures (Markdown has no drawings that every wiki
shows); everything else maps to headings, lists, tables and quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

from pareconapp.exports.document import (
    Block,
    BulletList,
    Callout,
    Chart,
    Document,
    Facts,
    Inline,
    Label,
    Paragraph,
    Section,
    Table,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Text with Markdown's special characters escaped by a backslash."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def md_unescape(text: str) -> str:
    """The inverse of :func:`md_escape`."""
    return re.sub(r"\\([\\`*_\[\]<>#|~])", r"\1", text)


def inline_markdown(spans: Inline) -> str:
    """A run with ``**bold**`` and ``*italic*`` (emphasis kept inside the spaces)."""
    parts = []
    for span in spans:
        text = md_escape(span.text)
        core = text.strip()
        if not core or not (span.bold or span.italic):
            parts.append(text)
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        marker = "***" if span.bold and span.italic else "**" if span.bold else "*"
        parts.append(f"{lead}{marker}{core}{marker}{trail}")
    return "".join(parts)


def markdown_text(document: Document) -> str:
    """The minutes as Markdown."""
    out: list[str] = []
    title = md_escape(document.title)
    if document.mark:
        title += f" ({md_escape(document.mark)})"
    out.append(f"# {title}\n")
    out.append(f"*{md_escape(document.subtitle)}*\n")
    out.append(_facts(Facts(document.facts)))
    out.append(f"*{md_escape(document.status)}*\n")
    contents = document.contents()
    if contents:
        out.append(f"## {md_escape(document.contents_title)}\n")
        out.append(
            "".join(
                f"{'  ' * (level - 1)}- {md_escape(section.title)}\n" for level, section in contents
            )
        )
    for section in document.sections:
        _section(out, section, 1)
    out.append("---\n")
    out.append(f"{md_escape(document.footer)}\n")
    return "\n".join(out)


def write_markdown(document: Document, path: Path) -> None:
    """Write the Markdown minutes to ``path``."""
    path.write_text(markdown_text(document), encoding="utf-8")


def _section(out: list[str], section: Section, level: int) -> None:
    out.append(f"{'#' * min(level + 1, 6)} {md_escape(section.title)}\n")
    for block in section.blocks:
        out.append(_block(block))
    for child in section.children:
        _section(out, child, level + 1)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return inline_markdown(block.spans) + "\n"
    if isinstance(block, Label):
        return f"**{md_escape(block.text)}**\n"
    if isinstance(block, BulletList):
        return "".join(
            f"{n}. {inline_markdown(item)}\n" if block.ordered else f"- {inline_markdown(item)}\n"
            for n, item in enumerate(block.items, start=1)
        )
    if isinstance(block, Facts):
        return _facts(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return _table(
            Table(
                ("", *block.series),
                tuple(
                    (category, *block.labels[row]) for row, category in enumerate(block.categories)
                ),
                (False, *(True for _ in block.series)),
                block.title,
            )
        )
    assert isinstance(block, Callout)
    return f"> {inline_markdown(block.spans)}\n"


def _facts(facts: Facts) -> str:
    return "".join(f"- **{md_escape(k)}:** {md_escape(v)}\n" for k, v in facts.pairs)


def _table(table: Table) -> str:
    lines = []
    if table.caption:
        lines.append(f"*{md_escape(table.caption)}*\n")
    lines.append("| " + " | ".join(md_escape(c) for c in table.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if table.is_numeric(i) else "---" for i in range(len(table.columns)))
        + "|"
    )
    lines.extend("| " + " | ".join(md_escape(c) for c in row) + " |" for row in table.rows)
    return "\n".join(lines) + "\n"
