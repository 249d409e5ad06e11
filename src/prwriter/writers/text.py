"""Wire-ready plain text: the release formatted by a wire profile and a Jinja text template.

All wire rules (dateline grammar, link and trademark forms, tickers, contact layout, ASCII
folding and wrapping) are applied here, in Python, so the template only arranges blocks.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import Any

from prwriter.draft import is_draft, mark_text
from prwriter.errors import InputError, Problem
from prwriter.formatting import Facts, row_cells
from prwriter.model import (
    Block,
    CompanyMention,
    Contact,
    ContactGroup,
    Emphasis,
    Heading,
    Inline,
    LegalBlock,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Release,
    Strong,
    Table,
    Text,
    Tickers,
)
from prwriter.quoting import QuoteWriter
from prwriter.style.charset import TRADEMARK_FORMS, to_ascii, wrap_lines
from prwriter.style.numbers import NIL
from prwriter.style.typography import space_before_marks, space_for
from prwriter.wires import DEFAULT_WIRE, WireProfile
from prwriter.writers import RenderOptions

ASCII_WRAP = 80
_KEEP = "\x1f"  # a non-breaking space while ASCII copy is wrapped

# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Company.logo",  # plain text carries no images
        "Media.alt",  # wires carry photos as attachments; the print copy lists captions
        "Media.path",
        "Release.language",  # plain text has no metadata
        "LegalBlock.kind",  # the legal text says what it is
    }
)


def write(release: Release, options: RenderOptions) -> str:
    name = options.wire or release.wire or DEFAULT_WIRE
    project = options.project
    wire = project.wire(name, release.language)
    ascii_only = wire.ascii or options.ascii
    writer = _TextWriter(release, wire, ascii_only)
    text = project.render_template(
        wire.template, writer.context(), chosen_in=project.wire_files().get(name)
    )
    # One line ending per line, no trailing spaces, one newline at the end.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip("\n") + "\n"
    if ascii_only:
        # « Bonjour » folds to "Bonjour": the spaces belong to the guillemets. The other
        # non-breaking spaces hold through wrapping (as an ASCII control character) and
        # become plain spaces after it, so no line starts with a colon.
        gap = space_for("«", wire.space_before_marks) or "\u00a0"
        text = text.replace("«" + gap, "«").replace(gap + "»", "»")
        text = to_ascii(text.replace("\u00a0", _KEEP).replace("\u202f", _KEEP))
    width = wire.wrap or (ASCII_WRAP if ascii_only else None)
    text = wrap_lines(text, width) if width else text
    text = text.replace(_KEEP, " ")
    return mark_text(text) if is_draft(release, options) else text


class _TextWriter:
    def __init__(self, release: Release, wire: WireProfile, ascii_only: bool) -> None:
        self.ascii_only = ascii_only
        self.release = release
        self.wire = wire
        self.facts = Facts(release, wire)
        marks = "ascii" if ascii_only else wire.trademarks
        # A profile names an encoding, or maps only the marks it changes.
        self.marks = TRADEMARK_FORMS[marks] if isinstance(marks, str) else marks
        # Copy goes through `text` a few hundred times a release (every table label and
        # heading): most profiles change nothing in it, and say so once here.
        self.as_typed = not self.marks and wire.space_before_marks == "none"
        self.quotes = QuoteWriter(release, wire)

    def context(self) -> dict[str, Any]:
        release, wire, facts = self.release, self.wire, self.facts
        contacts = self.contacts_block()
        source_line = facts.source_line()
        return {
            "wire": wire,
            "timing_line": facts.timing_line() if wire.timing else None,
            "date_line": facts.date_line(),
            "headline": self.text(release.headline),
            "subheadlines": [
                wire.subheadline.format(text=self.text(s)) for s in release.subheadlines
            ],
            "body": self.body(facts.dateline()),
            "media": self.media_lines(),
            "abouts": [
                {
                    "heading": self.text(wire.about_heading.format(heading=c.about_heading)),
                    "blocks": self.blocks(c.about),
                }
                for c in release.companies
                if c.about
            ],
            "legal_before_about": [self.legal(b) for b in release.legal if b.before_about],
            "legal": [self.legal(b) for b in release.legal if not b.before_about],
            "contacts_top": contacts if wire.contacts_position == "top" else None,
            "contacts_end": contacts if wire.contacts_position == "end" else None,
            "source_line": self.text(source_line) if source_line else None,
            "source_before_contacts": wire.source_before_contacts,
            "trailer": wire.trailer,
            "end_mark": wire.end_mark,
        }

    def legal(self, block: LegalBlock) -> dict[str, Any]:
        return {
            "kind": block.kind,
            "heading": self.text(block.heading) if block.heading else None,
            "blocks": self.blocks(block.body),
        }

    def media_lines(self) -> list[str]:
        if self.wire.media == "omit":
            return []
        lines = []
        for item in self.release.media:
            line = self.wire.media_line.format(caption=self.text(item.caption), file=item.path.name)
            if item.credit:
                line += " " + self.wire.media_credit.format(credit=self.text(item.credit))
            lines.append(line)
        return lines

    # --- blocks ------------------------------------------------------------------------

    def body(self, dateline: str) -> list[str]:
        blocks = self.blocks(self.release.body)
        lead = next((i for i, b in enumerate(self.release.body) if isinstance(b, Paragraph)), None)
        if lead is not None:
            blocks[lead] = dateline + blocks[lead]
        return blocks

    def blocks(self, blocks: list[Block]) -> list[str]:
        return [self.block(b) for b in blocks]

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return self.inline(block.children)
        if isinstance(block, Heading):
            return self.wire.heading.format(text=self.inline(block.children))
        if isinstance(block, ListBlock):
            items = []
            for n, item in enumerate(block.items, start=block.start):
                marker = f"{n}. " if block.ordered else self.wire.bullet
                items.append(marker + self.inline(item))
            return "\n".join(items)
        if isinstance(block, Table):
            return self.table(block)
        pieces = self.quotes.pieces(block)
        return "".join(self.text(p) if isinstance(p, str) else self.node(p) for p in pieces)

    def table(self, table: Table) -> str:
        """Aligned fixed-width columns within the profile's width, as plain-text earnings
        releases carry their statements."""
        width = self.wire.wrap or ASCII_WRAP
        copy = (lambda t: to_ascii(self.text(t))) if self.ascii_only else self.text
        lines = text_table(table, width, copy)
        widest = max(len(line) for line in lines)
        if widest > width:
            # Wrapped, the columns would no longer line up: say so rather than mangle them.
            index = next(i for i, b in enumerate(self.release.body) if b is table)
            file = str(self.release.path or "<release>")
            raise InputError([Problem(file, 0, 0, f"body[{index}].table",
                f"this table needs {widest} characters a line and the wire profile allows "
                f"{width}; give it fewer columns or shorter headings")])  # fmt: skip
        return "\n".join(lines)

    # --- inline content ----------------------------------------------------------------

    def inline(self, children: list[Inline]) -> str:
        return "".join(self.node(child) for child in children)

    def node(self, node: Inline) -> str:
        if isinstance(node, Text):
            return self.text(node.text)
        if isinstance(node, LineBreak):
            return "\n"
        if isinstance(node, Emphasis | Strong):
            inner = self.inline(node.children)
            if self.wire.emphasis == "plain":
                return inner
            return f"_{inner}_" if isinstance(node, Emphasis) else f"**{inner}**"
        if isinstance(node, Link):
            return self.link(self.inline(node.children), node.url)
        if isinstance(node, Tickers):
            return self.facts.listings(self.release.companies[node.company]) or ""
        return self.mention(node)

    def mention(self, node: CompanyMention) -> str:
        company = self.release.companies[node.company]
        text = self.text(node.text)
        if company.link and company.url and self.wire.company_links:
            text = self.link(text, company.url)
        ticker = self.facts.ticker(company)
        return f"{text} {ticker}" if ticker else text

    def link(self, text: str, url: str) -> str:
        if self.wire.links == "markdown":
            return f"[{text}]({url})"
        if self.wire.links == "plain" and _bare(url) != _bare(text):
            return f"{text} ({url})"
        return text

    def text(self, value: str) -> str:
        if self.as_typed:
            return value
        for mark, written in self.marks.items():
            value = value.replace(mark, written)
        return space_before_marks(value, self.wire.space_before_marks)

    # --- contacts ----------------------------------------------------------------------

    def contacts_block(self) -> str | None:
        groups = self.release.contacts
        if not groups:
            return None
        if self.wire.contacts_layout in ("hanging", "run-in"):
            return self.hanging_contacts(groups)
        separator = self.wire.contact_group_separator
        joiner = "\n\n" + (f"{separator}\n" if separator else "")
        text = joiner.join("\n".join(self.group_lines(g)) for g in groups)
        heading = self.wire.contacts_heading
        heading = space_before_marks(heading, self.wire.space_before_marks) if heading else None
        return f"{heading}\n\n{text}" if heading else text

    def hanging_contacts(self, groups: list[ContactGroup]) -> str:
        """GlobeNewswire's form: 'CONTACT: ' then every line under the first one's text."""
        heading = self.wire.contacts_heading or "CONTACT:"
        lead = space_before_marks(heading, self.wire.space_before_marks) + " "
        run_in = self.wire.contacts_layout == "run-in"
        lines: list[str] = []
        for group in groups:
            if lines:
                lines.append("")
            lines.extend(self.group_lines(group))
        indent = "" if run_in else " " * len(lead)
        return "\n".join(
            (lead if i == 0 else indent if line else "") + line for i, line in enumerate(lines)
        )

    def group_lines(self, group: ContactGroup) -> list[str]:
        lines = []
        if self.wire.contact_label is not None:
            label = self.wire.contact_label.format(label=self.text(group.label))
            lines.append(space_before_marks(label, self.wire.space_before_marks))
        for n, contact in enumerate(group.contacts):
            if n:
                lines.append("")
            lines.extend(self.contact_lines(contact))
        return lines

    def contact_lines(self, contact: Contact) -> list[str]:
        return [self.text(line) for line in self.facts.contact_lines(contact)]


GAP = 2  # spaces between columns
INDENT = 2  # spaces per indent level of a row label
LABEL_MIN = 16


def text_table(table: Table, width: int, text: Callable[[str], str]) -> list[str]:
    """`table` as lines no longer than `width`: labels on the left (wrapped if long), each
    column right-aligned, a rule over subtotals and totals and a double rule under totals.
    `text` prepares copy for the output (trademarks, ASCII folding)."""
    # Each piece of copy goes through `text` once: measured, then written as measured.
    headings = [[text(c.text) for c in heading] for heading in table.header]
    labels = [" " * (INDENT * r.indent) + text(r.label) for r in table.rows]
    stub = text(table.stub or "")
    nil = text(NIL)
    cells = [row_cells(table, row) for row in table.rows]
    if nil != NIL:
        cells = [[nil if c == NIL else c for c in found] for found in cells]
    # The amounts column by column: every row of amounts has one per column, a heading
    # row none.
    columns = [list(c) for c in zip(*(found for found in cells if found), strict=True)]
    widths = [len(words) for words in headings[-1]]
    closing = [False] * table.columns
    for j, column in enumerate(columns):
        widths[j] = max(widths[j], *map(len, column))
        shut = [amount.endswith(")") for amount in column]
        closing[j] = any(shut)
        if closing[j] and not all(shut):
            # A positive amount leaves room for the parenthesis of a negative one, and
            # hangs clear of it.
            widths[j] += 1
            columns[j] = [a if ends else a + " " for a, ends in zip(column, shut, strict=True)]
    for heading, texts in zip(table.header[:-1], headings, strict=False):
        start = 0
        for over, words in zip(heading, texts, strict=True):
            spanned = range(start, start + over.span)
            have = sum(widths[j] for j in spanned) + GAP * (over.span - 1)
            extra = max(0, len(words) - have)
            for n, j in enumerate(spanned):  # shared out, the remainder to the first columns
                widths[j] += extra // over.span + (1 if n < extra % over.span else 0)
            start += over.span
    numbers = sum(widths) + GAP * table.columns
    label_width = max(LABEL_MIN, width - numbers)
    label_width = min(label_width, max([len(stub), *map(len, labels)]))
    lines: list[str] = []
    for given in (table.caption, table.units):
        if given:
            lines.extend(wrap_copy(text(given), width) or [""])
    if lines:
        lines.append("")
    gap = " " * GAP
    for depth, (heading, texts) in enumerate(zip(table.header, headings, strict=True)):
        last = depth == len(headings) - 1
        parts, start = [], 0
        for over, words in zip(heading, texts, strict=True):
            room = sum(widths[start : start + over.span]) + GAP * (over.span - 1)
            if over.span > 1 and not last:
                parts.append(words.center(room))
            else:  # over the digits, clear of a negative's closing parenthesis
                hang = 1 if closing[start] and len(words) < room else 0
                parts.append(words.rjust(room - hang) + " " * hang)
            start += over.span
        lines.append((stub if last else "").ljust(label_width) + "".join(gap + p for p in parts))
    lines.append("")
    # One format for every row of amounts, each right-aligned in its column.
    amounts_line = "".join(f"{gap}{{:>{w}}}" for w in widths)
    rule = {mark: amounts_line.format(*(mark * w for w in widths)) for mark in "-="}
    rows = zip(*columns, strict=True)
    for row, label, found in zip(table.rows, labels, cells, strict=True):
        if row.kind in ("subtotal", "total"):
            lines.append(" " * label_width + rule["-"])
        if len(label) > label_width:
            hanging = " " * (INDENT * row.indent + INDENT)
            wrapped = textwrap.wrap(label, label_width, subsequent_indent=hanging)
            lines.extend(wrapped[:-1])
            label = wrapped[-1]
        amounts = amounts_line.format(*next(rows)) if found else ""
        lines.append(label.ljust(label_width) + amounts)
        if row.kind == "total":
            lines.append(" " * label_width + rule["="])
    for note in table.footnotes:
        lines.append("")
        lines.extend(wrap_copy(text(note), width))
    return [line.rstrip() for line in lines]


def wrap_copy(copy: str, width: int) -> list[str]:
    """`textwrap.wrap(copy, width)`, the quick way for the common case (a caption, a
    footnote): words free of whitespace and hyphens, one space apart, none longer than a
    line. For those textwrap's rules come down to filling each line greedily."""
    if not _PLAIN_COPY.fullmatch(copy):
        return textwrap.wrap(copy, width)
    if len(copy) <= width:
        return [copy]
    words = copy.split(" ")
    if max(map(len, words)) > width:
        return textwrap.wrap(copy, width)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


# Copy textwrap would split only at its single spaces (no tab, no other whitespace, no
# hyphen to break after).
_PLAIN_COPY = re.compile(r"[^\s-]+(?: [^\s-]+)*")


def _bare(url: str) -> str:
    for prefix in ("https://", "http://", "mailto:"):
        url = url.removeprefix(prefix)
    return url.rstrip("/")
