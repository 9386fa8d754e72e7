"""Notes and proposal texts (Qt's rich-text HTML) as paragraphs and lists of the document.

The editors store HTML written by Qt (``QTextEdit.toHtml``: a whole page with a style sheet
and spans for bold and italic). The minutes keep what a reader needs - paragraphs, bulleted
and numbered lists, bold and italic - and drop everything else (styles, colours, fonts,
images, links' targets), so no format ever copies foreign markup into the minutes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pareconapp.exports.document import Block, BulletList, Inline, Paragraph, Span

_SKIPPED = {"head", "style", "script", "title"}
_BREAKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br"}
_BOLD_TAGS = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"}
_ITALIC_TAGS = {"i", "em", "cite"}
_SPACE = re.compile(r"\s+")
_WEIGHT = re.compile(r"font-weight\s*:\s*(\d+|bold)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)


def blocks_from_html(text: str) -> tuple[Block, ...]:
    """Paragraphs and lists of ``text`` (rich-text HTML, or plain text with line breaks)."""
    if "<" not in text:
        return tuple(
            Paragraph((Span(line),))
            for line in (_SPACE.sub(" ", part).strip() for part in text.splitlines())
            if line
        )
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.finish_paragraph()
    parser.finish_list()
    return tuple(parser.blocks)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._spans: list[Span] = []
        self._styles: list[tuple[str, bool, bool]] = []  # (tag, bold, italic) per open tag
        self._skip = 0
        self._list_items: list[Inline] = []
        self._list_depth = 0
        self._ordered = False

    # -- state ---------------------------------------------------------------------------

    @property
    def _bold(self) -> bool:
        return any(bold for _tag, bold, _italic in self._styles)

    @property
    def _italic(self) -> bool:
        return any(italic for _tag, _bold, italic in self._styles)

    def finish_paragraph(self) -> None:
        spans = _trimmed(_merged(self._spans))
        self._spans = []
        if not spans:
            return
        if self._list_depth:
            self._list_items.append(spans)
        else:
            self.blocks.append(Paragraph(spans))

    def finish_list(self) -> None:
        if self._list_items:
            self.blocks.append(BulletList(tuple(self._list_items), self._ordered))
        self._list_items = []

    # -- parser callbacks ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
            return
        if tag in ("ul", "ol"):
            self.finish_paragraph()
            if not self._list_depth:
                self.finish_list()
                self._ordered = tag == "ol"
            self._list_depth += 1
        elif tag == "li" or tag in _BREAKS:
            self.finish_paragraph()
        if tag == "br":
            return
        style = dict(attrs).get("style") or ""
        weight = _WEIGHT.search(style)
        bold = tag in _BOLD_TAGS or bool(
            weight and (weight.group(1) == "bold" or int(weight.group(1)) >= 600)
        )
        italic = tag in _ITALIC_TAGS or bool(_ITALIC_STYLE.search(style))
        self._styles.append((tag, bold, italic))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag == "br" or tag in _BREAKS:
            self.finish_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "li" or tag in _BREAKS:
            self.finish_paragraph()
        for index in range(len(self._styles) - 1, -1, -1):
            if self._styles[index][0] == tag:
                del self._styles[index:]
                break
        if tag in ("ul", "ol"):
            self.finish_paragraph()
            self._list_depth = max(0, self._list_depth - 1)
            if not self._list_depth:
                self.finish_list()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = _SPACE.sub(" ", data)
        if text:
            self._spans.append(Span(text, self._bold, self._italic))


def _merged(spans: list[Span]) -> Inline:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        elif out and span.text.isspace():
            out[-1] = Span(out[-1].text + span.text, out[-1].bold, out[-1].italic)
        else:
            out.append(span)
    return _collapsed(out)


def _collapsed(spans: list[Span]) -> Inline:
    """No double spaces where runs meet."""
    out: list[Span] = []
    for span in spans:
        text = span.text
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            out.append(Span(text, span.bold, span.italic))
    return tuple(out)


def _trimmed(spans: Inline) -> Inline:
    items = list(spans)
    while items and not items[0].text.strip():
        items.pop(0)
    while items and not items[-1].text.strip():
        items.pop()
    if not items:
        return ()
    items[0] = Span(items[0].text.lstrip(), items[0].bold, items[0].italic)
    items[-1] = Span(items[-1].text.rstrip(), items[-1].bold, items[-1].italic)
    return tuple(items)
