"""The print copy as a layout tree: one function from a Release to a `document.Document`
that the HTML, PDF and DOCX writers all walk.

Which blocks the visual copy has, in what order, and the style each role gets are data:
`templates/layout.yaml`, which a project overrides in its own `templates/` folder. Facts
are written in the `print` wire profile's house style (dateline, dates, tickers, contact
lines), as plain text; each writer escapes for its own format.
"""

from __future__ import annotations

from pathlib import Path
from typing import overload

from pydantic import Field

import prwriter.document as doc
from prwriter.errors import Problem, closest, display_path, quote_list
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
from prwriter.project import Project
from prwriter.schema import Input
from prwriter.style.languages import labels
from prwriter.style.typography import space_before_marks
from prwriter.validation import raise_problems
from prwriter.wires import PRINT_WIRE

LAYOUT_FILE = "layout.yaml"
LINK_SCHEMES = ("http://", "https://", "mailto:")
# How wide a picture may be on the page, by role.
MAX_INCHES = {"logo": 2.0, "figure": 6.0}

PARTS = (
    "timing", "logos", "contacts", "headline", "subheadlines", "body", "tables", "media",
    "about", "legal", "end-mark",
)  # fmt: skip


class FixedText(Input):
    """A line of the house's own, the same in every release (a confidentiality notice)."""

    text: str = Field(min_length=1)
    style: str = Field(min_length=1, description="The paragraph style (and HTML class).")


class LayoutSettings(Input):
    """`templates/layout.yaml`: the visual copy's parts in order and each role's style."""

    order: list[str | FixedText] = Field(min_length=1, description=f"Parts: {', '.join(PARTS)}.")
    styles: dict[str, str]


def layout_problem(project: Project, role: str, message: str) -> Problem:
    """A problem with the style a role is given, at its line in the layout file that wins
    (a writer that cannot represent a block says so there, never drops it)."""
    import re

    path = project.template_path(LAYOUT_FILE)
    text = path.read_text(encoding="utf-8")
    found = re.search(rf"^(\s+){re.escape(role)}\s*:", text, re.MULTILINE)
    line = text.count("\n", 0, found.start()) + 1 if found else 1
    column = len(found.group(1)) + 1 if found else 1
    return Problem(display_path(path), line, column, f"styles.{role}", message)


def layout_settings(project: Project) -> LayoutSettings:
    """The layout file that wins in `project`, validated (read once per project)."""

    def read() -> LayoutSettings:
        from prwriter.validation import validate
        from prwriter.yaml_source import read_yaml

        source = read_yaml(project.template_path(LAYOUT_FILE))
        settings = validate(LayoutSettings, source)
        problems = [
            source.problem(("order", i), f"unknown part '{part}'; parts: "
                           f"{quote_list(closest(part, PARTS))}")
            for i, part in enumerate(settings.order)
            if isinstance(part, str) and part not in PARTS
        ]  # fmt: skip
        seen: set[str] = set()
        for i, part in enumerate(settings.order):
            if isinstance(part, str) and part in seen:
                problems.append(source.problem(("order", i), f"'{part}' is listed twice; "
                                               "list each part once"))  # fmt: skip
            seen.add(part if isinstance(part, str) else "")
        problems += [
            source.problem(("styles", role), "an empty style name; name a style")
            for role, name in settings.styles.items()
            if not name.strip()
        ]
        problems += [
            source.problem(("styles", role), f"unknown role '{role}'; roles: "
                           f"{quote_list(closest(role, sorted(ROLES)))}")
            for role in settings.styles
            if role not in ROLES
        ]  # fmt: skip
        missing = sorted(ROLES - set(settings.styles))
        if missing:
            message = f"no style for {', '.join(missing)}; give every role a style name"
            problems.append(source.problem(("styles",), message))
        raise_problems(problems)
        return settings

    return project.memo(LAYOUT_FILE, read)


# Every role the layout gives a block or span; layout.yaml names a style for each.
ROLES = frozenset(
    {
        "timing", "logo", "headline", "subheadline", "paragraph", "lead", "dateline",
        "heading-1", "heading-2", "heading-3", "bullet-list", "numbered-list", "quote",
        "figure", "caption", "about-heading", "about-text", "legal-heading", "legal-text",
        "end-mark", "contacts-heading", "contact-label", "contact", "hyperlink",
        "table", "table-caption", "table-units", "table-heading", "table-label",
        "table-number", "table-total", "table-total-number", "table-footnote",
    }
)  # fmt: skip


def build_document(release: Release, project: Project) -> doc.Document:
    """The release's print copy as a layout tree."""
    return _Builder(release, project).document()


class _Builder:
    def __init__(self, release: Release, project: Project) -> None:
        self.release = release
        self.settings = layout_settings(project)
        self.wire = project.wire(PRINT_WIRE, release.language)
        self.facts = Facts(release, self.wire)

    def style(self, role: str) -> str:
        return self.settings.styles[role]

    def document(self) -> doc.Document:
        release = self.release
        names = [c.name for c in release.companies]
        metadata = doc.Metadata(
            title=release.headline,
            author=names[0],
            subject=release.subheadlines[0] if release.subheadlines else release.headline,
            keywords=", ".join([*names, "press release"]),
            created=release.date,
            language=release.language,
            page_label=labels(release.language).page,
        )
        blocks: list[doc.Block] = []
        for part in self.settings.order:
            if isinstance(part, FixedText):
                text = (doc.Run(self.copy(part.text)),)
                blocks.append(doc.Paragraph("fixed-text", part.style, text))
            else:
                blocks.extend(self.part(part))
        return doc.Document(metadata, tuple(blocks))

    def part(self, part: str) -> list[doc.Block]:
        release, wire = self.release, self.wire
        if part == "timing":
            return [self.line("timing", self.facts.timing_line())] if wire.timing else []
        if part == "logos":
            return [
                doc.Image("logo", self.style("logo"), c.logo, f"{c.name} logo", MAX_INCHES["logo"])
                for c in release.companies
                if c.logo
            ]
        if part == "contacts":
            return self.contacts()
        if part == "headline":
            return [
                doc.Heading("headline", self.style("headline"), 1, (doc.Run(release.headline),))
            ]
        if part == "subheadlines":
            return [self.line("subheadline", line) for line in release.subheadlines]
        if part == "body":
            return self.body()
        if part == "tables":
            return [self.table(b) for b in release.body if isinstance(b, Table)]
        if part == "media":
            return [self.figure(m.path, m.alt or m.caption, m.caption, m.credit)
                    for m in release.media]  # fmt: skip
        if part == "about":
            # Legal blocks the release places before the About sections come first.
            return [
                *self.legal(before_about=True),
                *(
                    doc.Section(
                        "about",
                        (
                            self.line("about-heading", c.about_heading, heading=2),
                            *(self.block(b, "about-text") for b in c.about),
                        ),
                    )
                    for c in release.companies
                    if c.about
                ),
            ]
        if part == "legal":
            return self.legal(before_about=False)
        return [self.line("end-mark", wire.end_mark)] if wire.end_mark else []

    # --- parts ---------------------------------------------------------------------------

    def legal(self, *, before_about: bool) -> list[doc.Block]:
        return [
            doc.Section(
                "legal",
                (
                    *([self.line("legal-heading", b.heading, heading=2)] if b.heading else []),
                    *(self.block(x, "legal-text") for x in b.body),
                ),
                variant=b.kind,
            )
            for b in self.release.legal
            if b.before_about == before_about
        ]

    def copy(self, text: str) -> str:
        """Words of the copy in the language's typography (French spacing)."""
        return space_before_marks(text, self.wire.space_before_marks)

    @overload
    def line(self, role: str, text: str) -> doc.Paragraph: ...
    @overload
    def line(self, role: str, text: str, *, heading: int) -> doc.Paragraph | doc.Heading: ...
    def line(self, role: str, text: str, *, heading: int = 0) -> doc.Paragraph | doc.Heading:
        text = self.copy(text)
        if heading:
            return doc.Heading(role, self.style(role), heading, (doc.Run(text),))
        return doc.Paragraph(role, self.style(role), (doc.Run(text),))

    def body(self) -> list[doc.Block]:
        # With a `tables` part in the order, the tables gather there instead.
        gathered = "tables" in self.settings.order
        blocks = [
            self.block(b, "paragraph")
            for b in self.release.body
            if not (gathered and isinstance(b, Table))
        ]
        lead = self.release.body[0]
        # The loader guarantees the body opens with the lead paragraph.
        if isinstance(lead, Paragraph):
            dateline = doc.Span(
                "dateline", self.style("dateline"), (doc.Run(self.facts.dateline()),)
            )
            blocks[0] = doc.Paragraph(
                "lead", self.style("lead"), (dateline, *self.inlines(lead.children))
            )
        return blocks

    def figure(self, path: Path, alt: str, caption: str, credit: str | None) -> doc.Figure:
        image = doc.Image("figure", self.style("figure"), path, alt, MAX_INCHES["figure"])
        words = self.copy(f"{caption} ({credit})" if credit else caption)
        return doc.Figure("figure", image, doc.Paragraph("caption", self.style("caption"),
                                                          (doc.Run(words),)))  # fmt: skip

    def contacts(self) -> list[doc.Block]:
        groups = self.release.contacts
        if not groups:
            return []
        blocks: list[doc.Block] = []
        if self.wire.contacts_heading:
            blocks.append(self.line("contacts-heading", self.wire.contacts_heading, heading=2))
        for group in groups:
            blocks.append(self.line("contact-label", group.label))
            for contact in group.contacts:
                lines = self.facts.contact_lines(contact)
                children: list[doc.Inline] = []
                for n, text in enumerate(lines):
                    if n:
                        children.append(doc.LineBreak())
                    children.append(doc.Run(self.copy(text)))
                blocks.append(doc.Paragraph("contact", self.style("contact"), tuple(children)))
        return [doc.Section("contacts", tuple(blocks))]

    # --- copy ----------------------------------------------------------------------------

    def block(self, block: Block, role: str) -> doc.Block:
        if isinstance(block, Paragraph):
            return doc.Paragraph(role, self.style(role), self.inlines(block.children))
        if isinstance(block, Heading):
            level = min(block.level, 3)
            heading_role = f"heading-{level}"
            return doc.Heading(heading_role, self.style(heading_role), level,
                               self.inlines(block.children))  # fmt: skip
        if isinstance(block, ListBlock):
            list_role = "numbered-list" if block.ordered else "bullet-list"
            return doc.ListBlock(
                list_role,
                self.style(list_role),
                block.ordered,
                block.start,
                tuple(self.inlines(item) for item in block.items),
            )
        if isinstance(block, Table):
            return self.table(block)
        return self.quote(block)

    def table(self, table: Table) -> doc.Table:
        # A statement has hundreds of cells: each role's style is looked up once.
        heading = self.style("table-heading")
        label, total_label = self.style("table-label"), self.style("table-total")
        number, total_number = self.style("table-number"), self.style("table-total-number")
        header = []
        for depth, given in enumerate(header_rows(table)):
            stub = table.stub if depth == len(table.header) - 1 else None
            header.append(doc.TableRow("heading", (
                doc.Cell("table-heading", heading, stub or ""),
                *[doc.Cell("table-heading", heading, text, span, True) for text, span in given],
            )))  # fmt: skip
        rows = []
        for row in table.rows:
            if row.kind in ("subtotal", "total"):
                first = doc.Cell("table-total", total_label, row.label, indent=row.indent)
                role, style = "table-total-number", total_number
            else:
                first = doc.Cell("table-label", label, row.label, indent=row.indent)
                role, style = "table-number", number
            amounts = [doc.Cell(role, style, text, 1, True) for text in row_cells(table, row)]
            rows.append(doc.TableRow(row.kind, (first, *amounts)))
        return doc.Table(
            "table",
            self.style("table"),
            self.line("table-caption", table.caption) if table.caption else None,
            self.line("table-units", table.units) if table.units else None,
            tuple(header),
            tuple(rows),
            tuple(self.line("table-footnote", note) for note in table.footnotes),
            table.purpose,
        )

    def quote(self, quote: Quote) -> doc.Paragraph:
        from prwriter.quoting import QuoteWriter

        pieces = QuoteWriter(self.release, self.wire).pieces(quote)
        children = tuple(
            part
            for piece in pieces
            for part in (_runs(self.copy(piece)) if isinstance(piece, str) else self.inline(piece))
        )
        return doc.Paragraph("quote", self.style("quote"), children)

    def inlines(self, children: list[Inline]) -> tuple[doc.Inline, ...]:
        return tuple(piece for child in children for piece in self.inline(child))

    def inline(self, node: Inline) -> tuple[doc.Inline, ...]:
        if isinstance(node, Text):
            return (doc.Run(self.copy(node.text)),)
        if isinstance(node, LineBreak):
            return (doc.LineBreak(),)
        if isinstance(node, Emphasis):
            return (doc.Emphasis(self.inlines(node.children)),)
        if isinstance(node, Strong):
            return (doc.Strong(self.inlines(node.children)),)
        if isinstance(node, Link):
            return self.link(node.url, self.inlines(node.children))
        if isinstance(node, Tickers):
            return _runs(self.facts.listings(self.release.companies[node.company]) or "")
        return self.mention(node)

    def mention(self, node: CompanyMention) -> tuple[doc.Inline, ...]:
        """The company's first mention: its link (if the release asks) and its ticker."""
        company = self.release.companies[node.company]
        name: tuple[doc.Inline, ...] = (doc.Run(node.text),)
        if company.link and company.url:
            name = self.link(company.url, name)
        ticker = self.facts.ticker(company)
        return (*name, doc.Run(f" {ticker}")) if ticker else name

    def link(self, url: str, children: tuple[doc.Inline, ...]) -> tuple[doc.Inline, ...]:
        # Only web and mail links become hyperlinks; anything else (javascript:, file:)
        # stays plain text.
        if not url.lower().startswith(LINK_SCHEMES):
            return children
        return (doc.Hyperlink(url, self.style("hyperlink"), children),)


def _runs(text: str) -> tuple[doc.Inline, ...]:
    return (doc.Run(text),) if text else ()
