"""The print copy as CommonMark, for CMSs, repositories and anything that takes Markdown.

It follows the `print` profile's house style (timing line, AP dateline, quote forms, contacts
where the profile puts them, end mark), as the HTML layout does. Every fact and every piece
of copy is escaped here, so a `#`, `*` or `[` in a name stays text when a Markdown reader
parses the file back.
"""

from __future__ import annotations

import re

from prwriter.formatting import Facts, column_headings, row_cells
from prwriter.model import (
    Block,
    CompanyMention,
    ContactGroup,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Release,
    Strong,
    Table,
    Text,
    Tickers,
)
from prwriter.quoting import QuoteWriter
from prwriter.style.typography import space_before_marks
from prwriter.wires import PRINT_WIRE, WireProfile
from prwriter.writers import RenderOptions

LINK_SCHEMES = ("http://", "https://", "mailto:")
HARD_BREAK = "\\\n"

# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Company.logo",  # images stay files beside the copy; the copy lists photo captions
        "Media.alt",
        "Media.path",
        "Release.language",  # CommonMark has no metadata
        "LegalBlock.kind",  # the legal text says what it is
        "Release.source",  # the source line is a wire's; the print copy has none
    }
)

# Characters that can start Markdown syntax anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Entity and character references (`&amp;`, `&#35;`) that a reader would decode.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What makes a line a heading, list item, block quote, setext underline or thematic break.
_BLOCK_START = re.compile(r"^(#|[-+=>]|\d{1,9}(?=[.)]))")


def write(release: Release, options: RenderOptions) -> str:
    return _MarkdownWriter(release, options.project.wire(PRINT_WIRE, release.language)).document()


def escape(text: str) -> str:
    """Plain text as Markdown that reads back as the same text, wherever it stands."""
    text = " ".join(text.split("\n"))
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub("\\&", text)
    return text.replace("![", "\\![")


def guard_line(line: str) -> str:
    """Keep a line of copy from opening a block: `# 1` and `1. Sales` stay paragraphs."""
    line = line.lstrip(" \t")
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1)[0].isdigit():
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return "\\" + line


def heading(level: int, text: str) -> str:
    """An ATX heading; a `#` at the end of its text stays text, not a closing sequence."""
    return "#" * level + " " + re.sub(r"(#+)$", r"\\\1", text.strip())


def link_destination(url: str) -> str:
    """A URL that a Markdown reader takes whole: brackets escaped, spaces encoded."""
    url = re.sub(r"([\\()])", r"\\\1", url)
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


class _MarkdownWriter:
    def __init__(self, release: Release, wire: WireProfile) -> None:
        self.release = release
        self.wire = wire
        self.facts = Facts(release, self.wire)
        # The marker of the list just written: a list right after another of its kind must
        # change marker, or a reader joins the two into one.
        self.last_marker: str | None = None

    def copy(self, text: str) -> str:
        """Words of the copy in the language's typography (French spacing)."""
        return space_before_marks(text, self.wire.space_before_marks)

    def document(self) -> str:
        release, wire, facts = self.release, self.wire, self.facts
        blocks: list[str] = []
        if wire.timing:
            blocks.append(f"**{guard_line(escape(facts.timing_line()))}**")
        if wire.contacts_position == "top":
            blocks += self.contacts()
        blocks.append(heading(1, escape(self.copy(release.headline))))
        blocks += [f"*{guard_line(escape(self.copy(line)))}*" for line in release.subheadlines]
        blocks += self.body()
        blocks += self.media()
        blocks += self.legal(before_about=True)
        for company in release.companies:
            if company.about:
                blocks.append(heading(2, escape(company.about_heading)))
                blocks += [self.block(b) for b in company.about]
        blocks += self.legal(before_about=False)
        if wire.end_mark:
            blocks.append(guard_line(escape(wire.end_mark)))
        if wire.contacts_position == "end":
            blocks += self.contacts()
        return "\n\n".join(blocks) + "\n"

    def legal(self, *, before_about: bool) -> list[str]:
        blocks: list[str] = []
        for notice in self.release.legal:
            if notice.before_about != before_about:
                continue
            if notice.heading:
                blocks.append(heading(2, escape(notice.heading)))
            blocks += [self.block(b) for b in notice.body]
        return blocks

    def body(self) -> list[str]:
        blocks = [self.block(b) for b in self.release.body]
        lead = self.release.body[0]
        # The loader guarantees the body opens with the lead paragraph.
        if isinstance(lead, Paragraph):
            dateline = escape(self.facts.dateline())
            blocks[0] = guard_line(dateline + self.inline(lead.children))
        return blocks

    def media(self) -> list[str]:
        if self.wire.media == "omit":
            return []
        lines = []
        for item in self.release.media:
            line = self.wire.media_line.format(caption=item.caption, file=item.path.name)
            if item.credit:
                line += " " + self.wire.media_credit.format(credit=item.credit)
            lines.append(f"*{guard_line(escape(line))}*")
        return lines

    def contacts(self) -> list[str]:
        groups = self.release.contacts
        if not groups:
            return []
        blocks = []
        if self.wire.contacts_heading:
            blocks.append(heading(2, escape(self.wire.contacts_heading)))
        for group in groups:
            blocks += self.contact_group(group)
        return blocks

    def contact_group(self, group: ContactGroup) -> list[str]:
        blocks = [f"**{guard_line(escape(group.label))}**"]
        for contact in group.contacts:
            lines = [guard_line(escape(line)) for line in self.facts.contact_lines(contact)]
            if lines:
                blocks.append(HARD_BREAK.join(lines))
        return blocks

    # --- blocks ------------------------------------------------------------------------

    def block(self, block: Block) -> str:
        if not isinstance(block, ListBlock):
            self.last_marker = None
        if isinstance(block, Paragraph):
            return self.lines(self.inline(block.children))
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 6)
            return heading(level, self.inline(block.children).replace(HARD_BREAK, " "))
        if isinstance(block, ListBlock):
            return self.list_block(block)
        if isinstance(block, Table):
            return self.table(block)
        return self.quote(block)

    def table(self, table: Table) -> str:
        """A pipe table: spanning headings joined into each column's, totals in bold,
        indents as no-break spaces; caption, units and footnotes as paragraphs."""

        def cell(text: str) -> str:
            return escape(text).replace("|", "\\|")

        stub = cell(table.stub or "")
        headings = [cell(h) for h in column_headings(table)]
        lines = [
            "| " + " | ".join([stub, *headings]) + " |",
            "| :-- | " + " | ".join("--:" for _ in headings) + " |",
        ]
        for row in table.rows:
            label = cell(row.label)
            if row.kind in ("subtotal", "total", "heading"):
                label = f"**{label}**"
            label = "\u00a0" * (2 * row.indent) + label  # outside the bold, or it is no bold
            amounts = [cell(a) for a in row_cells(table, row)] or [""] * len(headings)
            lines.append("| " + " | ".join([label, *amounts]) + " |")
        before = [f"**{guard_line(escape(table.caption))}**"] if table.caption else []
        before += [f"*{guard_line(escape(table.units))}*"] if table.units else []
        after = [guard_line(escape(note)) for note in table.footnotes]
        return "\n\n".join([*before, "\n".join(lines), *after])

    def list_block(self, block: ListBlock) -> str:
        markers = (".", ")") if block.ordered else ("-", "*")
        mark = markers[1] if self.last_marker == markers[0] else markers[0]
        self.last_marker = mark
        items = []
        for n, item in enumerate(block.items, start=block.start):
            marker = f"{n}{mark} " if block.ordered else f"{mark} "
            text = self.lines(self.inline(item))
            # Continuation lines sit under the item's text, or they would leave the list.
            items.append(marker + text.replace("\n", "\n" + " " * len(marker)))
        return "\n".join(items)

    def quote(self, quote: Quote) -> str:
        pieces = QuoteWriter(self.release, self.wire).pieces(quote)
        words = "".join(
            escape(self.copy(p)) if isinstance(p, str) else self.node(p) for p in pieces
        )
        return self.lines(words)

    @staticmethod
    def lines(text: str) -> str:
        """Guard the start of every line of a block against turning into syntax."""
        return HARD_BREAK.join(guard_line(line) for line in text.split(HARD_BREAK))

    # --- inline content ----------------------------------------------------------------

    def inline(self, children: list[Inline]) -> str:
        return "".join(self.node(child) for child in children)

    def node(self, node: Inline) -> str:
        if isinstance(node, Text):
            return escape(self.copy(node.text))
        if isinstance(node, LineBreak):
            return HARD_BREAK
        if isinstance(node, Emphasis):
            return f"*{self.inline(node.children)}*"
        if isinstance(node, Strong):
            return f"**{self.inline(node.children)}**"
        if isinstance(node, Link):
            return self.link(self.inline(node.children), node.url)
        if isinstance(node, Tickers):
            return escape(self.facts.listings(self.release.companies[node.company]) or "")
        return self.mention(node)

    def mention(self, node: CompanyMention) -> str:
        company = self.release.companies[node.company]
        name = escape(node.text)
        if company.link and company.url:
            name = self.link(name, company.url)
        ticker = self.facts.ticker(company)
        return f"{name} {escape(ticker)}" if ticker else name

    @staticmethod
    def link(text: str, url: str) -> str:
        # As in the HTML: only web and mail links become links; javascript: stays text.
        if not url.lower().startswith(LINK_SCHEMES):
            return text
        return f"[{text}]({link_destination(url)})"
