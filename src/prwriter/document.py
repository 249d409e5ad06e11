"""The layout tree: one neutral description of a visual document (HTML, PDF and DOCX).

`layout.build_document` turns a Release into a `Document`: an ordered list of typed blocks,
each carrying its role (what it is: `headline`, `lead`, `about-heading`) and its style (the
name a house gives it: a Word paragraph style in DOCX, a class in HTML). Writers walk the
tree; none of them parses another's output. Text in the tree is plain and unescaped: each
writer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

# --- inlines -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """Plain text."""

    text: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Hyperlink:
    """A web or mail link; the layout only makes these for http, https and mailto URLs."""

    url: str
    style: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Span:
    """Text in a named character style (the dateline, say)."""

    role: str
    style: str
    children: tuple[Inline, ...]


Inline = Run | LineBreak | Emphasis | Strong | Hyperlink | Span


# --- blocks ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    role: str
    style: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    kind: ClassVar[str] = "heading"
    role: str
    style: str
    level: int
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ListBlock:
    kind: ClassVar[str] = "list"
    role: str
    style: str
    ordered: bool
    start: int
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class Image:
    """A picture from a file the loader checked (inside the project, a known format)."""

    kind: ClassVar[str] = "image"
    role: str
    style: str
    path: Path
    alt: str
    max_inches: float


@dataclass(frozen=True, slots=True)
class Figure:
    """An image with its caption."""

    kind: ClassVar[str] = "figure"
    role: str
    image: Image
    caption: Paragraph


@dataclass(frozen=True, slots=True)
class Section:
    """A group of blocks (an About section, a legal block, the contacts): a <section> in
    HTML; in DOCX its blocks follow one another."""

    kind: ClassVar[str] = "section"
    role: str
    blocks: tuple[Block, ...]
    variant: str | None = None  # a legal block's kind, say


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text (amounts already in statement form), the paragraph style of
    its role (`table-label`, `table-number`, `table-heading`), the columns it spans."""

    role: str
    style: str
    text: str
    span: int = 1
    numeric: bool = False  # right-aligned, in tabular figures
    indent: int = 0


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row; `kind` (normal, subtotal, total, heading) sets its rules and weight."""

    kind: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A financial table: `style` is the Word table style (an HTML data-style); the heading
    rows repeat on every page the table runs onto."""

    kind: ClassVar[str] = "table"
    role: str
    style: str
    caption: Paragraph | None
    units: Paragraph | None
    header: tuple[TableRow, ...]
    rows: tuple[TableRow, ...]
    footnotes: tuple[Paragraph, ...]
    variant: str = "statement"  # statement, reconciliation or guidance


Block = Paragraph | Heading | ListBlock | Image | Figure | Section | Table


# --- the document ------------------------------------------------------------------------


ENGLISH_PAGE_LABEL = "Page {page} of {pages}"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What every visual format records about itself (HTML meta, PDF info, DOCX core
    properties); dates come from the release, never from the clock."""

    title: str
    author: str
    subject: str
    keywords: str
    created: dt.date
    language: str
    page_label: str = ENGLISH_PAGE_LABEL  # the footer's page number, in the copy's language


@dataclass(frozen=True, slots=True)
class Document:
    metadata: Metadata
    blocks: tuple[Block, ...]


# Every type of the tree: frozen dataclasses whose public attributes are their fields, plain
# data with no methods. Templates read them through the sandbox's fast path.
PLAIN_DATA: frozenset[type] = frozenset(
    {Run, LineBreak, Emphasis, Strong, Hyperlink, Span, Paragraph, Heading, ListBlock, Image,
     Figure, Section, Cell, TableRow, Table, Metadata, Document}
)  # fmt: skip
