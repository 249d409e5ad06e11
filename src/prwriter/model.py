"""The resolved release: the one contract between input and every writer.

Everything here is already looked up and parsed: companies with the About text in force on the
release date, contacts and people from the library, Markdown turned into the small document tree
below. Writers read a `Release` and nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from prwriter.kinds import LegalKind, QuoteForm

# A number in a table, as parsed: a frozen dataclass rather than a model of its own, as an
# earnings release holds hundreds of them and each is built once, already valid. Built in
# code it converts nothing: give `value` as a Decimal (`style.numbers.parse_amount` reads
# what a writer types); a row validated from plain data still converts and checks it.
from prwriter.style.numbers import Amount as Amount


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- inline content --------------------------------------------------------------------------


class Text(Node):
    kind: Literal["text"] = "text"
    text: str


class LineBreak(Node):
    kind: Literal["break"] = "break"


class Emphasis(Node):
    kind: Literal["emphasis"] = "emphasis"
    children: list[Inline]


class Strong(Node):
    kind: Literal["strong"] = "strong"
    children: list[Inline]


class Link(Node):
    kind: Literal["link"] = "link"
    url: str
    children: list[Inline]


class CompanyMention(Node):
    """The first mention of a company in the body: where its link and ticker go."""

    kind: Literal["mention"] = "mention"
    company: int = Field(description="Index into Release.companies.")
    text: str


class Tickers(Node):
    """A company's listings written inside copy (`{tickers}` in an About text)."""

    kind: Literal["tickers"] = "tickers"
    company: int = Field(description="Index into Release.companies.")


Inline = Annotated[
    Text | LineBreak | Emphasis | Strong | Link | CompanyMention | Tickers,
    Field(discriminator="kind"),
]


# --- blocks ----------------------------------------------------------------------------------


class Paragraph(Node):
    kind: Literal["paragraph"] = "paragraph"
    children: list[Inline]


class Heading(Node):
    """A subhead inside the body (Markdown `##`)."""

    kind: Literal["heading"] = "heading"
    level: int
    children: list[Inline]


class ListBlock(Node):
    kind: Literal["list"] = "list"
    ordered: bool = False
    start: int = 1
    items: list[list[Inline]]


class Person(Node):
    name: str
    title: str | None = None
    last_name: str | None = Field(default=None, description="For second references.")


class Quote(Node):
    kind: Literal["quote"] = "quote"
    speaker: Person
    verb: str
    children: list[Inline]
    form: QuoteForm | None = Field(default=None, description="None: the profile's form.")
    before: list[Inline] = Field(default=[], description="Narrative before, same paragraph.")
    after: list[Inline] = Field(default=[], description="Narrative after, same paragraph.")


class HeadingCell(Node):
    text: str
    span: int = 1


class TableRow(Node):
    label: str
    kind: Literal["normal", "subtotal", "total", "heading"] = "normal"
    indent: int = 0
    cells: list[Amount] = Field(default=[], description="One per column; none on a heading.")
    currency: bool = Field(default=False, description="The currency sign shows on this row.")
    places: int | None = Field(default=None, description="Decimals shown, if fixed.")
    sums: bool = Field(default=True, description="A total that sums the rows above it.")


class Reconciles(Node):
    measure: str
    gaap: str


class Table(Node):
    """A financial table: heading rows over the columns, labelled rows of amounts."""

    kind: Literal["table"] = "table"
    caption: str | None = None
    units: str | None = None
    currency: str | None = None
    stub: str | None = None
    header: list[list[HeadingCell]] = Field(min_length=1)
    rows: list[TableRow] = Field(min_length=1)
    footnotes: list[str] = []
    purpose: Literal["statement", "reconciliation", "guidance"] = "statement"
    reconciles: Reconciles | None = None

    @property
    def columns(self) -> int:
        return sum(cell.span for cell in self.header[-1])


Block = Annotated[Paragraph | Heading | ListBlock | Quote | Table, Field(discriminator="kind")]


# --- facts -----------------------------------------------------------------------------------


class Listing(Node):
    exchange: str = Field(description='Canonical label, e.g. "Nasdaq".')
    symbol: str


class Company(Node):
    id: str
    name: str
    short_name: str | None = None
    url: str | None = None
    listings: list[Listing] = []
    logo: Path | None = None
    mention: str | None = Field(default=None, description="Form of the first mention.")
    about_heading: str
    about: list[Block] = Field(description="Empty: no About section.")
    link: bool = False
    ticker: bool = True
    ticker_spacing: Literal["tight", "spaced"] = Field(
        default="tight", description="spaced: (TSX : X) in French copy."
    )


class Phone(Node):
    number: str
    label: str | None = Field(default=None, description='e.g. "Office", "Mobile".')


class Contact(Node):
    organization: str | None = None
    name: str | None = None
    title: str | None = None
    phones: list[Phone] = []
    emails: list[str] = []
    web: str | None = None
    text: str | None = Field(default=None, description="A contact written as free text.")


class ContactGroup(Node):
    label: str
    contacts: list[Contact]


class LegalBlock(Node):
    id: str
    kind: LegalKind
    heading: str | None = None
    body: list[Block]
    before_about: bool = Field(default=False, description="Placed before the About sections.")


class State(Node):
    name: str
    ap: str
    postal: str


class Province(Node):
    name: str
    postal: str


class Place(Node):
    """A dateline place; writers format it with their wire's rules."""

    city: str
    state: State | None = None
    province: Province | None = None
    country: str | None = None


class Media(Node):
    path: Path
    caption: str
    credit: str | None = None
    alt: str | None = None


class Embargo(Node):
    until: AwareDatetime
    timezone: str | None = None


class Silence(Node):
    """A check turned off for one release (and maybe one field), with its reason."""

    rule: str
    field: str | None = None
    reason: str


class Release(Node):
    """A release ready to render."""

    headline: str
    subheadlines: list[str] = []
    date: dt.date
    dateline: list[Place] = Field(min_length=1)
    companies: list[Company] = Field(min_length=1)
    body: list[Block] = Field(min_length=1)
    contacts: list[ContactGroup] = []
    legal: list[LegalBlock] = []
    source: str
    wire: str | None = None
    embargo: Embargo | None = None
    media: list[Media] = []
    silenced: list[Silence] = []
    language: str = Field(default="en-US", description="BCP 47 tag of the copy's language.")
    translations: list[str] = Field(
        default=[], description="Tags of the same release in other languages, in its file."
    )
    draft: bool = Field(default=False, description="Marked DRAFT in every format.")
    path: Path | None = Field(default=None, description="The release file, when read from one.")


for _model in (Emphasis, Strong, Link, Paragraph, Heading, ListBlock, Quote, Release):
    _model.model_rebuild()
