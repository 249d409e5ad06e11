"""IPTC ninjs 2.1 (News in JSON): the release as news systems ingest it.

Facts map to ninjs properties, not only to rendered text: headlines with their roles, the
dateline's places as `located`, the embargo as `embargoed`, the companies as `organisations`
with their ticker `symbols`, the quoted speakers as `people`. The body is XHTML rendered here
from the release's blocks, escaped, in the print profile's house style. Dates come from the
release, never the clock; keys are sorted and separators fixed, so the bytes are stable.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from prwriter.addresses import release_slug, release_uri
from prwriter.formatting import Facts, header_rows, row_cells
from prwriter.model import (
    Block,
    CompanyMention,
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
from prwriter.wires import PRINT_WIRE
from prwriter.writers import RenderOptions

if TYPE_CHECKING:
    from prwriter.project import Project

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
LINK_SCHEMES = ("http://", "https://", "mailto:")
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif"}  # fmt: skip

# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Company.logo",  # a logo is the company's, not the news item's
        "Media.path",  # pictures are associations named by URI; the files travel beside
    }
)


def write(release: Release, options: RenderOptions) -> str:
    item = ninjs(release, options.project)
    return json.dumps(item, ensure_ascii=False, indent=2, sort_keys=True,
                      separators=(",", ": ")) + "\n"  # fmt: skip


def ninjs(release: Release, project: Project) -> dict[str, Any]:
    """The release as one ninjs 2.1 object (a dict ready for `json.dumps`)."""
    uri = release_uri(release, project.settings.uri_base)
    facts = Facts(release, project.wire(PRINT_WIRE, release.language))
    issuer = release.companies[0]
    body = _Body(release, facts).xhtml()
    item: dict[str, Any] = {
        "uri": uri,
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
        "version": "1",
        # A release carries a day, not a moment; midnight UTC of that day stands for it.
        "versioncreated": f"{release.date.isoformat()}T00:00:00Z",
        "pubstatus": "usable",
        "language": release.language,
        "slugline": release_slug(release),
        "headlines": [
            {"role": "main", "value": release.headline},
            *({"role": "sub", "value": line} for line in release.subheadlines),
        ],
        "bodies": [
            {
                # The role Business Wire's own ninjs gives its XHTML body (IPTC's example).
                "role": "xhtml",
                "contenttype": "application/xhtml+xml",
                "value": body,
            }
        ],
        "located": facts.places(),
        "places": [{"name": facts.place(p), "rel": "located"} for p in release.dateline],
        "organisations": [
            _organisation(company, rel="issuer" if n == 0 else "about")
            for n, company in enumerate(release.companies)
        ],
        "by": issuer.name,
        "copyrightholder": issuer.name,
        "infosources": [{"name": release.source}],
    }
    if release.embargo is not None:
        item["embargoed"] = release.embargo.until.isoformat()
        zone = f" ({release.embargo.timezone})" if release.embargo.timezone else ""
        item["ednote"] = facts.timing_line() + zone
    people = _quoted(release)
    if people:
        item["people"] = people
    if release.media:
        item["associations"] = [_picture(uri, n, m) for n, m in enumerate(release.media, 1)]
    return item


def _organisation(company: Any, rel: str) -> dict[str, Any]:
    found: dict[str, Any] = {"name": company.name, "rel": rel, "literal": company.id}
    if company.url:
        found["uri"] = company.url
    if company.listings:
        found["symbols"] = [{"ticker": x.symbol, "exchange": x.exchange} for x in company.listings]
    return found


def _quoted(release: Release) -> list[dict[str, str]]:
    """Each person quoted in the body, once, in the order they speak."""
    names = [b.speaker.name for b in release.body if isinstance(b, Quote)]
    return [{"name": name, "rel": "quoted"} for name in dict.fromkeys(names)]


def _picture(uri: str, number: int, media: Any) -> dict[str, Any]:
    picture: dict[str, Any] = {
        "name": f"picture{number}",
        "uri": f"{uri}/media/{media.path.name}",
        "type": "picture",
        "headlines": [{"role": "main", "value": media.caption}],
        "descriptions": [{"role": "caption", "value": media.caption}],
        "renditions": [
            {
                "name": "original",
                "title": media.path.name,
                "contenttype": IMAGE_TYPES.get(media.path.suffix.lower(), "image"),
            }
        ],
    }
    if media.alt:
        picture["descriptions"].append({"role": "alt", "value": media.alt})
    if media.credit:
        picture["by"] = media.credit
        picture["copyrightholder"] = media.credit
    return picture


class _Body:
    """The print copy's blocks as an XHTML fragment; every value escaped here."""

    def __init__(self, release: Release, facts: Facts) -> None:
        self.release = release
        self.facts = facts
        self.wire = facts.wire

    def xhtml(self) -> str:
        release = self.release
        parts = [self.block(b) for b in release.body]
        lead = release.body[0]
        # The loader guarantees the body opens with the lead paragraph.
        if isinstance(lead, Paragraph):
            parts[0] = Markup('<p class="lead"><span class="dateline">{}</span>{}</p>').format(
                self.facts.dateline(), self.inline(lead.children)
            )
        for media in release.media:
            credit = Markup(" ({})").format(media.credit) if media.credit else ""
            parts.append(Markup('<p class="caption">{}{}</p>').format(media.caption, credit))
        parts += self.legal(before_about=True)
        for company in release.companies:
            if not company.about:
                continue
            blocks = Markup("").join(self.block(b) for b in company.about)
            parts.append(
                Markup('<section class="about"><h2>{}</h2>{}</section>').format(
                    company.about_heading, blocks
                )
            )
        parts += self.legal(before_about=False)
        parts.append(self.contacts())
        return "\n".join(str(p) for p in parts if p)

    def legal(self, *, before_about: bool) -> list[Markup]:
        parts = []
        for notice in self.release.legal:
            if notice.before_about != before_about:
                continue
            heading = Markup("<h2>{}</h2>").format(notice.heading) if notice.heading else ""
            blocks = Markup("").join(self.block(b) for b in notice.body)
            parts.append(
                Markup('<section class="legal legal-{}">{}{}</section>').format(
                    notice.kind, heading, blocks
                )
            )
        return parts

    def contacts(self) -> Markup:
        if not self.release.contacts:
            return Markup("")
        heading = self.wire.contacts_heading
        parts = [Markup("<h2>{}</h2>").format(heading)] if heading else []
        for group in self.release.contacts:
            parts.append(Markup('<p class="contact-label">{}</p>').format(group.label))
            for contact in group.contacts:
                lines = Markup("<br/>").join(escape(x) for x in self.facts.contact_lines(contact))
                parts.append(Markup('<p class="contact">{}</p>').format(lines))
        return Markup('<section class="contacts">{}</section>').format(Markup("").join(parts))

    def block(self, block: Block) -> Markup:
        if isinstance(block, Paragraph):
            return Markup("<p>{}</p>").format(self.inline(block.children))
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 6)
            return Markup("<h{0}>{1}</h{0}>").format(level, self.inline(block.children))
        if isinstance(block, ListBlock):
            items = Markup("").join(
                Markup("<li>{}</li>").format(self.inline(item)) for item in block.items
            )
            if block.ordered:
                return Markup('<ol start="{}">{}</ol>').format(block.start, items)
            return Markup("<ul>{}</ul>").format(items)
        if isinstance(block, Table):
            return html_table(block)
        return self.quote(block)

    def quote(self, quote: Quote) -> Markup:
        pieces = QuoteWriter(self.release, self.wire).pieces(quote)
        words = Markup("").join(escape(p) if isinstance(p, str) else self.node(p) for p in pieces)
        return Markup('<p class="quote">{}</p>').format(words)

    def inline(self, children: list[Inline]) -> Markup:
        return Markup("").join(self.node(child) for child in children)

    def node(self, node: Inline) -> Markup:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, LineBreak):
            return Markup("<br/>")
        if isinstance(node, Emphasis):
            return Markup("<em>{}</em>").format(self.inline(node.children))
        if isinstance(node, Strong):
            return Markup("<strong>{}</strong>").format(self.inline(node.children))
        if isinstance(node, Link):
            return self.link(self.inline(node.children), node.url)
        if isinstance(node, Tickers):
            return escape(self.facts.listings(self.release.companies[node.company]) or "")
        return self.mention(node)

    def mention(self, node: CompanyMention) -> Markup:
        company = self.release.companies[node.company]
        name: Markup = escape(node.text)
        if company.link and company.url:
            name = self.link(name, company.url)
        ticker = self.facts.ticker(company)
        return Markup("{} {}").format(name, ticker) if ticker else name

    @staticmethod
    def link(text: Markup, url: str) -> Markup:
        if not url.lower().startswith(LINK_SCHEMES):
            return text
        return Markup('<a href="{}">{}</a>').format(url, text)


def html_table(table: Table) -> Markup:
    """A table as plain XHTML: caption, heading rows in <thead>, numbers right-aligned."""
    head = Markup("").join(
        Markup("<tr><th>{}</th>{}</tr>").format(
            table.stub or "" if depth == len(table.header) - 1 else "",
            Markup("").join(
                Markup('<th colspan="{}">{}</th>').format(span, text) if span > 1
                else Markup("<th>{}</th>").format(text)
                for text, span in row
            ),
        )
        for depth, row in enumerate(header_rows(table))
    )  # fmt: skip
    body = Markup("").join(
        Markup('<tr class="{}"><td>{}</td>{}</tr>').format(
            row.kind,
            row.label,
            Markup("").join(
                Markup('<td align="right">{}</td>').format(text) for text in row_cells(table, row)
            ),
        )
        for row in table.rows
    )
    caption = " ".join(x for x in (table.caption, table.units) if x)
    notes = Markup("").join(Markup("<p>{}</p>").format(note) for note in table.footnotes)
    return Markup("<table>{}<thead>{}</thead><tbody>{}</tbody></table>{}").format(
        Markup("<caption>{}</caption>").format(caption) if caption else "", head, body, notes
    )
