"""Wire-ready plain text: the release formatted by a wire profile and a Jinja text template.

All wire rules (dateline grammar, link and trademark forms, tickers) are applied here, in
Python, so the template only arranges finished lines.
"""

from __future__ import annotations

from typing import Any

from prwriter.model import (
    Block,
    Company,
    CompanyMention,
    Contact,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Release,
    Strong,
    Text,
)
from prwriter.style.dates import format_date
from prwriter.style.places import find_state, format_place
from prwriter.style.tickers import format_listings
from prwriter.templating import render_template
from prwriter.wires import DEFAULT_WIRE, WireProfile, load_wire
from prwriter.writers import RenderOptions

# How each trademark encoding writes the marks (wire-format.md, section 13).
_TRADEMARKS: dict[str, dict[str, str]] = {
    "unicode": {},
    "bracketed": {"®": "[®]", "™": "[™]", "℠": "[℠]"},
    "ascii": {"®": "(R)", "™": "(TM)", "℠": "(SM)", "©": "(C)"},
}


def write(release: Release, options: RenderOptions) -> str:
    wire_name = options.wire or release.wire or DEFAULT_WIRE
    wire = load_wire(wire_name, release.project)
    text = render_template(release.project, wire.template, _TextWriter(release, wire).context())
    # One line ending per line, no trailing spaces, one newline at the end.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


class _TextWriter:
    def __init__(self, release: Release, wire: WireProfile) -> None:
        self.release = release
        self.wire = wire
        self.marks = _TRADEMARKS[wire.trademarks]

    def context(self) -> dict[str, Any]:
        release, wire = self.release, self.wire
        date = format_date(release.date, wire.date_style)
        return {
            "wire": wire,
            "date_line": wire.date_line.format(date=date) if wire.date_line else None,
            "headline": self.text(release.headline),
            "subheadlines": [self.text(s) for s in release.subheadlines],
            "body": self.body(wire.dateline.format(place=self.place(), date=date)),
            "abouts": [
                {"heading": self.text(c.about_heading), "blocks": self.blocks(c.about)}
                for c in release.companies
            ],
            "legal": [
                {
                    "kind": block.kind,
                    "heading": self.text(block.heading) if block.heading else None,
                    "blocks": self.blocks(block.body),
                }
                for block in release.legal
            ],
            "contacts_heading": wire.contacts_heading,
            "contact_group_separator": wire.contact_group_separator,
            "contact_groups": [
                {
                    "label": self.text(group.label),
                    "contacts": [self.contact_lines(c) for c in group.contacts],
                }
                for group in release.contacts
            ],
            "source_line": (
                wire.source_line.format(source=self.text(release.source))
                if wire.source_line
                else None
            ),
            "trailer": wire.trailer,
            "end_mark": wire.end_mark,
        }

    def place(self) -> str:
        place = self.release.dateline
        state = find_state(place.state.postal) if place.state else None
        return format_place(
            place.city, state=state, country=place.country, state_style=self.wire.state_style
        )

    def body(self, dateline: str) -> list[str]:
        blocks = self.blocks(self.release.body)
        lead = next((i for i, b in enumerate(self.release.body) if isinstance(b, Paragraph)), None)
        if lead is not None:
            blocks[lead] = dateline + blocks[lead]
        return blocks

    def blocks(self, blocks: list[Block]) -> list[str]:
        return [self.block(b) for b in blocks]

    def block(self, block: Block) -> str:
        if isinstance(block, Paragraph | Heading):
            return self.inline(block.children)
        if isinstance(block, ListBlock):
            items = []
            for n, item in enumerate(block.items, start=block.start):
                marker = f"{n}. " if block.ordered else self.wire.bullet
                items.append(marker + self.inline(item))
            return "\n".join(items)
        speaker = block.speaker.name + (f", {block.speaker.title}," if block.speaker.title else "")
        return self.wire.quote.format(
            speaker=self.text(speaker), verb=block.verb, text=self.inline(block.children)
        )

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
        return self.mention(node)

    def mention(self, node: CompanyMention) -> str:
        company: Company = self.release.companies[node.company]
        text = self.text(node.text)
        if company.link and company.url:
            text = self.link(text, company.url)
        if company.ticker and company.listings:
            listings = [(x.exchange, x.symbol) for x in company.listings]
            ticker = format_listings(
                listings, self.wire.ticker, self.wire.ticker_separator, self.wire.exchange_labels
            )
            text = f"{text} {ticker}"
        return text

    def link(self, text: str, url: str) -> str:
        if self.wire.links == "markdown":
            return f"[{text}]({url})"
        if self.wire.links == "plain" and _bare(url) != _bare(text):
            return f"{text} ({url})"
        return text

    def text(self, value: str) -> str:
        for mark, written in self.marks.items():
            value = value.replace(mark, written)
        return value

    def contact_lines(self, contact: Contact) -> list[str]:
        person = ", ".join(self.text(v) for v in (contact.name, contact.title, contact.phone) if v)
        if not contact.name:
            person = ", ".join(self.text(v) for v in (contact.title, contact.phone) if v)
        lines = [contact.organization, person, contact.email]
        return [self.text(line) for line in lines if line]


def _bare(url: str) -> str:
    for prefix in ("https://", "http://", "mailto:"):
        url = url.removeprefix(prefix)
    return url.rstrip("/")
