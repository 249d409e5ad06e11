"""The visual layout shared by the HTML, PDF and DOCX writers.

One Jinja template (`templates/html/release.html.j2`, overridable per project) decides which
blocks a visual document has and in what order. This module fills it: facts are written in
the `print` profile's house style and escaped here, in Python, so the template never has to
remember to. Images are embedded as data URIs, so the HTML stands alone and rendering never
fetches anything.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from prwriter.formatting import Facts
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
    Text,
)
from prwriter.project import Project

LAYOUT = "html/release.html.j2"
VISUAL_WIRE = "print"  # DOCX, PDF and HTML are the print copy
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif"}  # fmt: skip
LINK_SCHEMES = ("http://", "https://", "mailto:")


def render_layout(release: Release, project: Project, *, css: str | None = None) -> str:
    """The release as one HTML document; `css` is inlined in a <style> element if given."""
    context = _Layout(release, project).context()
    context["css"] = Markup(css) if css else None
    return project.render_template(LAYOUT, context, html=True)


def data_uri(path: Path) -> str:
    kind = IMAGE_TYPES[path.suffix.lower()]
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


class _Layout:
    def __init__(self, release: Release, project: Project) -> None:
        self.release = release
        self.wire = project.wire(VISUAL_WIRE)
        self.facts = Facts(release, self.wire)

    def context(self) -> dict[str, Any]:
        release, facts = self.release, self.facts
        names = [c.name for c in release.companies]
        return {
            "lang": release.language,
            "title": release.headline,
            "author": names[0],
            "subject": release.subheadlines[0] if release.subheadlines else release.headline,
            "keywords": ", ".join([*names, "press release"]),
            "created": release.date.isoformat(),
            "timing_line": facts.timing_line() if self.wire.timing else None,
            "logos": [
                {"src": data_uri(c.logo), "alt": f"{c.name} logo"}
                for c in release.companies
                if c.logo
            ],
            "headline": release.headline,
            "subheadlines": release.subheadlines,
            "body": self.body(),
            "media": [
                {
                    "src": data_uri(m.path),
                    "alt": m.alt or m.caption,
                    "caption": m.caption,
                    "credit": m.credit,
                }
                for m in release.media
            ],
            "abouts": [
                {"heading": c.about_heading, "blocks": [self.block(b) for b in c.about]}
                for c in release.companies
            ],
            "legal": [
                {
                    "kind": b.kind,
                    "heading": b.heading,
                    "blocks": [self.block(x, style="Legal Text") for x in b.body],
                }
                for b in release.legal
            ],
            "contacts_position": self.wire.contacts_position,
            "contacts_heading": self.wire.contacts_heading,
            "contact_groups": [
                {"label": g.label, "contacts": [facts.contact_lines(c) for c in g.contacts]}
                for g in release.contacts
            ],
            "end_mark": self.wire.end_mark,
        }

    def body(self) -> list[Markup]:
        blocks = [self.block(b) for b in self.release.body]
        # The loader guarantees the body opens with the lead paragraph.
        lead = self.release.body[0]
        if isinstance(lead, Paragraph):
            dateline = Markup('<span class="dateline" data-style="Dateline">{}</span>').format(
                self.facts.dateline()
            )
            blocks[0] = Markup('<p class="lead" data-style="Body Text">{}{}</p>').format(
                dateline, self.inline(lead.children)
            )
        return blocks

    def block(self, block: Block, style: str = "Body Text") -> Markup:
        if isinstance(block, Paragraph):
            return Markup('<p data-style="{}">{}</p>').format(style, self.inline(block.children))
        if isinstance(block, Heading):
            level = min(block.level, 3)
            return Markup('<h{0} data-style="Heading {0}">{1}</h{0}>').format(
                level, self.inline(block.children)
            )
        if isinstance(block, ListBlock):
            items = Markup("").join(
                Markup("<li>{}</li>").format(self.inline(item)) for item in block.items
            )
            if block.ordered:
                return Markup('<ol start="{}" data-style="List Number">{}</ol>').format(
                    block.start, items
                )
            return Markup('<ul data-style="List Bullet">{}</ul>').format(items)
        return self.quote(block)

    def quote(self, quote: Quote) -> Markup:
        speaker, text = quote.speaker, self.inline(quote.children)
        pattern = self.wire.quote if speaker.title else self.wire.quote_untitled
        words = Markup(escape(pattern)).format(
            name=speaker.name, title=speaker.title or "", verb=quote.verb, text=text
        )
        return Markup('<p class="quote" data-style="Quote">{}</p>').format(words)

    def inline(self, children: list[Inline]) -> Markup:
        return Markup("").join(self.node(child) for child in children)

    def node(self, node: Inline) -> Markup:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, LineBreak):
            return Markup("<br>")
        if isinstance(node, Emphasis):
            return Markup("<em>{}</em>").format(self.inline(node.children))
        if isinstance(node, Strong):
            return Markup("<strong>{}</strong>").format(self.inline(node.children))
        if isinstance(node, Link):
            return self.link(self.inline(node.children), node.url)
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
        # Only web and mail links become hyperlinks; anything else (javascript:, file:)
        # stays plain text.
        if not url.lower().startswith(LINK_SCHEMES):
            return text
        return Markup('<a href="{}">{}</a>').format(url, text)
