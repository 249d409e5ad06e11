"""The release as an SEC EDGAR exhibit (Exhibit 99.1 to a Form 8-K): the print copy's layout
tree written in the HTML subset EDGAR accepts.

EDGAR takes a small, HTML 3.2-era tag set with inline `style` attributes; it refuses
scripts, style sheets, links to other sites and anything outside ASCII. So this writer
uses only the tags and attributes in `TAGS` and `ATTRIBUTES`, writes every character
beyond ASCII as a numeric character reference, turns web links into their text followed by
the address, and carries no pictures (a logo is left out; a photo is named by its
caption), so the exhibit is one self-contained `.htm` file. Tables are real tables, heading
rows first, amounts right-aligned.
"""

from __future__ import annotations

import html
import re

import prwriter.document as doc
from prwriter.layout import build_document
from prwriter.model import Release
from prwriter.writers import RenderOptions

# What the exhibit may contain (the EDGAR Filer Manual's HTML subset, narrowed to what the
# writer needs); tests/writers/test_edgar.py holds the output to it.
TAGS = frozenset(
    {"html", "head", "title", "body", "p", "br", "b", "i", "u", "h1", "h2", "h3", "ul", "ol",
     "li", "table", "tr", "td", "div", "hr"}
)  # fmt: skip
ATTRIBUTES = frozenset({"align", "valign", "width", "colspan", "style", "start", "nowrap"})
EXHIBIT = "Exhibit 99.1"

# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Release.source",  # the source line is a wire's; the print copy has none
        "Release.language",  # HTML 3.2 has no language attribute
        "LegalBlock.kind",  # the legal text says what it is
        "Company.logo",  # EDGAR exhibits carry no decoration
        "Media.path",  # photos travel on the wire, not in the filing: the caption stays
        "Media.alt",
    }
)

_LOOK = {
    "headline": "font-size: 14pt; font-weight: bold; text-align: center",
    "subheadline": "font-style: italic; text-align: center",
    "timing": "font-weight: bold",
    "caption": "font-style: italic",
    "legal-text": "font-size: 9pt",
    "table-footnote": "font-size: 8pt",
    "end-mark": "text-align: center",
}
_FONT = "font-family: 'Times New Roman', Times, serif; font-size: 10pt"


def write(release: Release, options: RenderOptions) -> str:
    tree = build_document(release, options.project)
    writer = _Exhibit()
    writer.blocks(tree.blocks)
    title = entities(tree.metadata.title)
    return (
        "<html>\n<head>\n"
        f"<title>{title}</title>\n"
        "</head>\n"
        f'<body style="{_FONT}">\n'
        f'<p align="right"><b>{EXHIBIT}</b></p>\n' + "".join(writer.out) + "</body>\n</html>\n"
    )


def entities(text: str) -> str:
    """Text escaped for HTML, every character beyond ASCII as a numeric reference."""
    if text.isascii() and not _ESCAPED.search(text):
        return text  # most of it: amounts, labels, headings
    return html.escape(text, quote=True).encode("ascii", "xmlcharrefreplace").decode("ascii")


_ESCAPED = re.compile("[&<>\"']")  # what html.escape changes


class _Exhibit:
    def __init__(self) -> None:
        self.out: list[str] = []
        # The opening tags of table cells, each written once per exhibit, keyed by all
        # that makes it.
        self.openings: dict[tuple[int, bool, int, bool, bool, str], str] = {}

    def blocks(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: doc.Block) -> None:
        if isinstance(block, doc.Heading):
            level = min(block.level, 3)
            look = _LOOK.get(block.role)
            style = f' style="{look}"' if look else ""
            self.out.append(f"<h{level}{style}>{self.inlines(block.children)}</h{level}>\n")
        elif isinstance(block, doc.Paragraph):
            self.out.append(self.paragraph(block))
        elif isinstance(block, doc.ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{self.inlines(item)}</li>\n" for item in block.items)
            self.out.append(f"<{tag}{start}>\n{items}</{tag}>\n")
        elif isinstance(block, doc.Figure):
            self.out.append(self.paragraph(block.caption))
        elif isinstance(block, doc.Table):
            self.table(block)
        elif isinstance(block, doc.Section):
            self.blocks(block.blocks)
        # A lone picture (a logo) is left out.

    def paragraph(self, block: doc.Paragraph) -> str:
        look = _LOOK.get(block.role)
        style = f' style="{look}"' if look else ""
        return f"<p{style}>{self.inlines(block.children)}</p>\n"

    def table(self, table: doc.Table) -> None:
        for given in (table.caption, table.units):
            if given is not None:
                words = self.inlines(given.children)
                bold = given.role == "table-caption"
                self.out.append(f'<p align="center">{f"<b>{words}</b>" if bold else words}</p>\n')
        rows = [self.row(row, heading=True) for row in table.header]
        for row in table.rows:
            bold = row.kind in ("subtotal", "total")
            rows.append(self.row(row, bold=bold, rule="border-top: 1px solid #000" if bold else ""))
        self.out.append(
            '<table width="100%" style="border-collapse: collapse; font-size: 9pt">\n'
            + "".join(rows)
            + "</table>\n"
        )
        for note in table.footnotes:
            self.out.append(self.paragraph(note))

    def row(
        self, row: doc.TableRow, *, heading: bool = False, bold: bool = False, rule: str = ""
    ) -> str:
        parts = ["<tr>"]
        for cell in row.cells:
            # A statement's hundreds of cells share a handful of opening tags.
            key = (cell.span, cell.numeric, cell.indent, heading, not cell.text, rule)
            opening = self.openings.get(key)
            if opening is None:
                opening = self.openings[key] = _opening(cell, heading, rule)
            text = entities(cell.text) or "&#160;"
            parts.append(
                f"{opening}<b>{text}</b></td>" if heading or bold else f"{opening}{text}</td>"
            )
        parts.append("</tr>\n")
        return "".join(parts)

    def inlines(self, children: tuple[doc.Inline, ...]) -> str:
        parts: list[str] = []
        for child in children:
            if isinstance(child, doc.Run):
                parts.append(entities(child.text))
            elif isinstance(child, doc.LineBreak):
                parts.append("<br>")
            elif isinstance(child, doc.Emphasis):
                parts.append(f"<i>{self.inlines(child.children)}</i>")
            elif isinstance(child, doc.Strong):
                parts.append(f"<b>{self.inlines(child.children)}</b>")
            elif isinstance(child, doc.Hyperlink):
                # EDGAR refuses links to other sites: the text, then the address as text.
                words = self.inlines(child.children)
                address = child.url.removeprefix("mailto:")
                bare = address.removeprefix("https://").removeprefix("http://").rstrip("/")
                plain = html.unescape(words)
                parts.append(words if bare in plain else f"{words} ({entities(address)})")
            else:
                inner = self.inlines(child.children)
                parts.append(f"<b>{inner}</b>" if child.role == "dateline" else inner)
        return "".join(parts)


def _opening(cell: doc.Cell, heading: bool, rule: str) -> str:
    """A cell's `<td>` tag: its span, alignment, indent and rules."""
    attrs = [f'colspan="{cell.span}"'] if cell.span > 1 else []
    styles = [rule] if rule and cell.numeric else []
    if cell.indent:
        styles.append(f"padding-left: {cell.indent}em")
    if heading:
        attrs.append('align="center"')
        styles.append("border-bottom: 1px solid #000" if cell.text else "")
    elif cell.numeric:
        attrs += ['align="right"', "nowrap"]
    attrs.append('valign="bottom"')
    style = "; ".join(s for s in styles if s)
    if style:
        attrs.append(f'style="{style}"')
    return f"<td {' '.join(attrs)}>"
