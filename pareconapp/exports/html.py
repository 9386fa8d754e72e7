"""Self-contained HTML minutes: one file, inline CSS, charts as inline SVG, no external links.

The file opens in any browser offline, prints on A4 or Letter (print CSS), and can be
attached to an e-mail or put on a wiki as it is: it references nothing outside itself.
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
    Label,
    Paragraph,
    Section,
    Table,
)
from pareconapp.exports.qt_document import esc, inline_html

CSS = """
:root { --ink: #1b1b1b; --muted: #4a5a56; --accent: #1d4f45; --rule: #9aa8a4; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink);
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45;
       font-size: 15px; }
header.minutes { border-bottom: 2px solid var(--accent); margin-bottom: 1.2rem; }
h1 { font-size: 1.8rem; margin: 0; }
p.subtitle { font-size: 1.1rem; color: var(--muted); margin: 0.2rem 0 0.8rem; }
p.status { font-style: italic; color: var(--muted); }
p.mark { float: right; color: #b3261e; font-weight: bold; letter-spacing: 0.1em; margin: 0; }
h2 { font-size: 1.35rem; color: var(--accent); margin-top: 2rem;
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
h4 { font-size: 1.05rem; color: var(--accent); margin-top: 1.3rem; }
h5 { font-size: 0.95rem; color: var(--accent); margin: 1rem 0 0.2rem; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, 28%) 1fr; gap: 0.1rem 1rem;
           margin: 0.4rem 0 0.8rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.2rem 0 0.9rem; }
caption { caption-side: top; text-align: left; font-style: italic; color: var(--muted);
          font-size: 0.9rem; padding-bottom: 0.2rem; }
th, td { border: 1px solid var(--rule); padding: 0.2rem 0.45rem; text-align: left;
         vertical-align: top; }
th { background: #e6efec; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
div.callout { border: 1px solid; padding: 0.4rem 0.7rem; margin: 0.5rem 0 0.7rem; }
div.outcome { background: #e3f1ec; border-color: #1d6f5f; }
div.note { background: #f3f5f7; border-color: #8a9aaa; }
div.warning { background: #fff1dc; border-color: #c77d00; }
figure { margin: 0.6rem 0 1rem; }
figure svg { max-width: 100%; height: auto; }
nav.contents ol { padding-left: 1.2rem; }
footer.minutes { margin-top: 2.5rem; border-top: 1px solid var(--rule); color: var(--muted);
                 font-size: 0.8rem; word-break: break-all; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2, h3, h4, h5, caption { break-after: avoid; }
  tr, figure, div.callout { break-inside: avoid; }
}
"""

_XML_DECLARATION = re.compile(r"<\?xml[^>]*\?>\s*")
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*", re.IGNORECASE)


def html_text(document: Document) -> str:
    """The minutes as one self-contained HTML page."""
    writer = _HtmlWriter()
    return writer.page(document)


def write_html(document: Document, path: Path) -> None:
    """Write the self-contained HTML minutes to ``path``."""
    path.write_text(html_text(document), encoding="utf-8")


class _HtmlWriter:
    def __init__(self) -> None:
        self.out: list[str] = []

    def page(self, document: Document) -> str:
        out = self.out
        out.append("<!DOCTYPE html>\n")
        out.append(f'<html lang="{esc(document.language)}">\n<head>\n<meta charset="utf-8">\n')
        out.append('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        out.append(f"<title>{esc(document.title)}</title>\n<style>{CSS}</style>\n</head>\n")
        out.append('<body>\n<header class="minutes">\n')
        if document.mark:
            out.append(f'<p class="mark">{esc(document.mark)}</p>\n')
        out.append(f"<h1>{esc(document.title)}</h1>\n")
        out.append(f'<p class="subtitle">{esc(document.subtitle)}</p>\n')
        self.facts(Facts(document.facts))
        out.append(f'<p class="status">{esc(document.status)}</p>\n</header>\n')
        contents = document.contents()
        if contents:
            out.append(f'<nav class="contents">\n<h2>{esc(document.contents_title)}</h2>\n<ol>\n')
            open_sub = False
            for level, section in contents:
                link = f'<a href="#{esc(section.key)}">{esc(section.title)}</a>'
                if level == 1:
                    if open_sub:
                        out.append("</ol></li>\n")
                        open_sub = False
                    out.append(f"<li>{link}")
                    out.append("</li>\n" if not section.children else "<ol>\n")
                    open_sub = bool(section.children)
                else:
                    out.append(f"<li>{link}</li>\n")
            if open_sub:
                out.append("</ol></li>\n")
            out.append("</ol>\n</nav>\n")
        out.append("<main>\n")
        for section in document.sections:
            self.section(section, 1)
        out.append("</main>\n")
        out.append(f'<footer class="minutes"><p>{esc(document.footer)}</p></footer>\n')
        out.append("</body>\n</html>\n")
        return "".join(out)

    def section(self, section: Section, level: int) -> None:
        tag = f"h{min(level + 1, 4)}"
        self.out.append(f'<section id="{esc(section.key)}">\n<{tag}>{esc(section.title)}</{tag}>\n')
        for block in section.blocks:
            self.block(block)
        for child in section.children:
            self.section(child, level + 1)
        self.out.append("</section>\n")

    def block(self, block: Block) -> None:
        out = self.out
        if isinstance(block, Paragraph):
            out.append(f"<p>{inline_html(block.spans)}</p>\n")
        elif isinstance(block, Label):
            out.append(f"<h5>{esc(block.text)}</h5>\n")
        elif isinstance(block, BulletList):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>\n")
        elif isinstance(block, Facts):
            self.facts(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Chart):
            self.chart(block)
        elif isinstance(block, Callout):
            out.append(f'<div class="callout {esc(block.kind)}">{inline_html(block.spans)}</div>\n')

    def facts(self, facts: Facts) -> None:
        if not facts.pairs:
            return
        rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts.pairs)
        self.out.append(f'<dl class="facts">{rows}</dl>\n')

    def table(self, table: Table) -> None:
        out = self.out
        key = f' data-key="{esc(table.key)}"' if table.key else ""
        out.append(f"<table{key}>")
        if table.caption:
            out.append(f"<caption>{esc(table.caption)}</caption>")
        cls = [' class="num"' if table.is_numeric(i) else "" for i in range(len(table.columns))]
        out.append(
            "<thead><tr>"
            + "".join(f"<th{cls[i]}>{esc(c)}</th>" for i, c in enumerate(table.columns))
            + "</tr></thead><tbody>"
        )
        for row in table.rows:
            out.append(
                "<tr>" + "".join(f"<td{cls[i]}>{esc(c)}</td>" for i, c in enumerate(row)) + "</tr>"
            )
        out.append("</tbody></table>\n")

    def chart(self, chart: Chart) -> None:
        from pareconapp.exports.qt_app import gui_application
        from pareconapp.exports.qt_charts import chart_svg

        gui_application()
        svg = _DOCTYPE.sub("", _XML_DECLARATION.sub("", chart_svg(chart)))
        self.out.append(f'<figure role="img" aria-label="{esc(chart.title)}">{svg}</figure>\n')
