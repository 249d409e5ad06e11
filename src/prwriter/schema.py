"""What a writer types: the release file and the library files, as pydantic models.

These models check shape and types only. Looking up ids, choosing the About text in force and
applying house style happen in `loading`, which turns them into the resolved `model.Release`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from prwriter.kinds import LegalKind, QuoteForm
from prwriter.style.tickers import canonical_exchange

# Characters XML 1.0 forbids: passed through, they corrupt a DOCX and confuse wire systems.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def no_control_characters(value: str) -> str:
    found = _ILLEGAL.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise ValueError(
            f"contains the control character {code} at position {found.start() + 1}; remove it"
        )
    return value


# What editors are told about text: something besides spaces, and no control characters,
# as the validators below decide.
_TEXT_SCHEMA = {
    "type": "string",
    "pattern": r"\S",
    "not": {"pattern": r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]"},
}

# Surrounding whitespace is never meaningful in a fact, and "   " is as empty as "".
FactText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(no_control_characters),
    WithJsonSchema(_TEXT_SCHEMA, mode="validation"),
]


# true or false as YAML writes them; "yes", "1" or "on" are text, as editors read them too.
Flag = Annotated[bool, Strict()]


def _iso_only(value: Any) -> Any:
    """Dates and times are written as ISO text; a bare number is not a date."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"{value} is a number, not a date; write it as YYYY-MM-DD")
    return value


Date = Annotated[
    dt.date,
    BeforeValidator(_iso_only),
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}, mode="validation"
    ),
]
# A local time (with `timezone:`) is allowed, so this is not JSON Schema's "date-time",
# which demands an offset.
DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_only),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d"
            r"(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$",
        },
        mode="validation",
    ),
]


def _as_list(value: Any) -> Any:
    """Let a single item stand for a list of one (`body: text` or `legal: id`)."""
    return [value] if isinstance(value, str | dict) else value


def one_or_many(item: Any) -> BeforeValidator:
    """A list field that also takes one item; the JSON Schema says so too, so that editors
    accept the shorthand the loader accepts."""
    return BeforeValidator(_as_list, json_schema_input_type=item | list[item])


def _str_or_mapping(value: Any) -> str:
    return "plain" if isinstance(value, str) else "mapping"


class Input(BaseModel):
    """Base of every input model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- release file ---------------------------------------------------------------------------


class DatelineInput(Input):
    """Where the news comes from: a `city` and, unless AP writes the city alone, a U.S.
    `state`, a Canadian `province` or a `country`."""

    city: FactText
    state: FactText | None = None
    province: FactText | None = None
    country: FactText | None = None

    @model_validator(mode="after")
    def _one_region(self) -> DatelineInput:
        if sum(x is not None for x in (self.state, self.province, self.country)) > 1:
            raise ValueError("give one of state, province or country, not several")
        return self


class MediaInput(Input):
    """A photo or other asset that travels with the release."""

    file: FactText = Field(description="Path relative to the release file.")
    caption: FactText
    credit: FactText | None = None
    alt: FactText | None = Field(default=None, description="Text alternative for the image.")


class CompanyRefInput(Input):
    """A library company, with this release's choices for it."""

    id: FactText
    name: FactText | None = None
    short_name: FactText | None = None
    url: FactText | None = None
    link: Flag = Field(
        default=False, description="Link the company's first mention in the body to its URL."
    )
    ticker: Flag = Field(
        default=True, description="Put the listings, e.g. (Nasdaq: IMGN), after the first mention."
    )
    mention: FactText | None = Field(
        default=None,
        description='How the first mention is written, e.g. "NETGEAR®, Inc."; the name '
        "stays in the About heading, source line and document properties.",
    )
    about: bool = Field(default=True, description="false: no About section in this release.")


CompanyRef = Annotated[
    Annotated[FactText, Tag("plain")] | Annotated[CompanyRefInput, Tag("mapping")],
    Discriminator(_str_or_mapping),
]


class PersonInput(Input):
    """A speaker written inline instead of taken from the library."""

    name: FactText
    title: FactText | None = None
    last_name: FactText | None = Field(
        default=None,
        description='For a second reference when it is not the last word: "de la Croix".',
    )


Speaker = Annotated[
    Annotated[FactText, Tag("plain")] | Annotated[PersonInput, Tag("mapping")],
    Discriminator(_str_or_mapping),
]


class QuoteInput(Input):
    speaker: Speaker
    text: FactText = Field(description="The words alone; the wire profile adds quotation marks.")
    verb: FactText | None = Field(
        default=None,
        description="How the quote is attributed: said, added, ...; the language's own "
        "(said, a déclaré, sagte, dijo) when left out.",
    )
    form: QuoteForm | None = Field(
        default=None,
        description="attribution-first, quote-first or quote-first-split (after the first "
        "sentence); the wire profile's quote_form if left out.",
    )
    title: FactText | None = Field(
        default=None, description="The speaker's title in this quote, instead of the library's."
    )
    before: FactText | None = Field(
        default=None, description="Narrative in the same paragraph, before the quote."
    )
    after: FactText | None = Field(
        default=None,
        description="Narrative in the same paragraph, after the quote; when the quote comes "
        "first it continues the attribution: 'said Roe, explaining ...'.",
    )


class QuotePart(Input):
    """A quote placed in the body between Markdown paragraphs."""

    quote: QuoteInput


# --- tables ----------------------------------------------------------------------------

RowKind = Literal["normal", "subtotal", "total", "heading"]
TablePurpose = Literal["statement", "reconciliation", "guidance"]
# A cell as typed: a number, text such as "1,234.5", "(56)" or "12.5%", or null for nil.
CellInput = int | float | str | None


class HeadingCellInput(Input):
    """A column heading that spans columns ("Three Months Ended March 31,")."""

    text: FactText
    span: int = Field(default=1, ge=1)


HeadingCell = Annotated[
    Annotated[FactText, Tag("plain")] | Annotated[HeadingCellInput, Tag("mapping")],
    Discriminator(_str_or_mapping),
]


class RowInput(Input):
    """One table row: its label, indent, kind and one cell per column."""

    label: FactText
    values: list[CellInput] = Field(default=[], description="One cell per column.")
    kind: RowKind = "normal"
    indent: int = Field(default=0, ge=0, le=4)
    places: int | None = Field(default=None, ge=0, le=6, description="Decimals shown.")
    currency: bool | None = Field(
        default=None, description="Show the currency sign (default: first and total rows)."
    )
    sums: bool = Field(
        default=True,
        description="A subtotal or total that is not the sum of the rows above it (gross "
        "profit, a difference) sets this false; the table check then skips it.",
    )


def _row_shape(value: Any) -> str:
    return "list" if isinstance(value, list) else "mapping"


# `[label, 1, 2]` is a normal row; a mapping says more.
Row = Annotated[
    Annotated[list[CellInput], Tag("list"), Field(min_length=1)]
    | Annotated[RowInput, Tag("mapping")],
    Discriminator(_row_shape),
]


class ReconcilesInput(Input):
    """What a reconciliation table reconciles: the non-GAAP measure and its GAAP one."""

    measure: FactText = Field(description='The non-GAAP measure, e.g. "Adjusted EBITDA".')
    gaap: FactText = Field(description='The most comparable GAAP measure, e.g. "Net income".')


class TableInput(Input):
    """A financial table placed in the body."""

    caption: FactText | None = None
    units: FactText | None = Field(default=None, description='"(in thousands, except per share)".')
    currency: FactText | None = Field(
        default=None, description='Sign on first and total rows: "$".'
    )
    header: Annotated[
        list[Annotated[list[HeadingCell], one_or_many(HeadingCell), Field(min_length=1)]],
        Field(min_length=1, description="Heading rows; the last one names every column."),
    ]
    stub: FactText | None = Field(default=None, description="Heading over the row labels.")
    rows: Annotated[list[Row], Field(min_length=1)]
    footnotes: Annotated[list[FactText], one_or_many(FactText)] = []
    places: int | None = Field(default=None, ge=0, le=6, description="Decimals shown.")
    purpose: TablePurpose = "statement"
    reconciles: ReconcilesInput | None = None

    @model_validator(mode="after")
    def _reconciliation(self) -> TableInput:
        if self.reconciles is not None and self.purpose != "reconciliation":
            raise ValueError("`reconciles:` belongs to a table with `purpose: reconciliation`")
        if self.purpose == "reconciliation" and self.reconciles is None:
            raise ValueError(
                "a reconciliation names what it reconciles; add `reconciles: {measure: "
                "Adjusted EBITDA, gaap: Net income}`"
            )
        return self


class TablePart(Input):
    """A table placed in the body between Markdown paragraphs."""

    table: TableInput


def _body_part(value: Any) -> str:
    if isinstance(value, str):
        return "plain"
    return "table" if isinstance(value, dict) and "table" in value else "mapping"


BodyPart = Annotated[
    Annotated[FactText, Tag("plain")]
    | Annotated[QuotePart, Tag("mapping")]
    | Annotated[TablePart, Tag("table")],
    Discriminator(_body_part),
]


class LegalRefInput(Input):
    """A library legal block, with where this release places it."""

    id: FactText
    before_about: bool = Field(
        default=False, description="Place it before the About sections (a 'no offer' legend)."
    )


LegalRef = Annotated[
    Annotated[FactText, Tag("plain")] | Annotated[LegalRefInput, Tag("mapping")],
    Discriminator(_str_or_mapping),
]


class ContactGroupInput(Input):
    label: FactText = Field(description='Heading of the group, e.g. "For Investors".')
    translations: dict[str, FactText] = Field(
        default={},
        description="The label in the release's other languages, by tag: {fr-CA: Médias}.",
    )
    contacts: Annotated[list[FactText], one_or_many(FactText), Field(min_length=1)]


class EmbargoInput(Input):
    until: DateTime = Field(description="Local date and time, or an ISO instant with offset.")
    timezone: FactText | None = Field(default=None, description="IANA zone, e.g. America/New_York.")


class SilenceInput(Input):
    """One check turned off for this release, with the reason a reviewer will read."""

    rule: FactText = Field(description="Rule id, e.g. PR001 (prwriter check --list-rules).")
    field: FactText | None = Field(
        default=None, description="Only here, e.g. body[2] or headline; everywhere if left out."
    )
    reason: FactText


_LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


class TranslationInput(Input):
    """A release's copy in another language: the facts (date, dateline, companies, contacts,
    legal blocks) are shared, the words are the translation's."""

    headline: FactText
    subheadlines: Annotated[list[FactText], one_or_many(FactText)] = []
    body: Annotated[list[BodyPart], one_or_many(BodyPart), Field(min_length=1)]
    source: FactText | None = None


class ReleaseInput(Input):
    """One release file."""

    headline: FactText
    subheadlines: Annotated[list[FactText], one_or_many(FactText)] = []
    date: Date
    dateline: Annotated[
        list[DatelineInput],
        one_or_many(DatelineInput),
        Field(min_length=1, description="One place, or a list of places for several cities."),
    ]
    companies: Annotated[list[CompanyRef], one_or_many(CompanyRef), Field(min_length=1)]
    body: Annotated[list[BodyPart], one_or_many(BodyPart), Field(min_length=1)]
    contacts: list[ContactGroupInput] = []
    legal: Annotated[list[LegalRef], one_or_many(LegalRef)] = Field(
        default=[], description="Legal block ids, or {id, before_about: true}."
    )
    source: FactText | None = None
    wire: FactText | None = None
    embargo: EmbargoInput | None = None
    media: list[MediaInput] = []
    checks: list[SilenceInput] = Field(default=[], description="Checks silenced, with reasons.")
    draft: Flag = Field(
        default=False, description="Mark every format DRAFT - NOT FOR DISTRIBUTION."
    )
    language: str = Field(
        default="en-US",
        description="Language of the copy, e.g. en-US, fr-CA.",
        json_schema_extra={"pattern": _LANGUAGE_TAG},
    )
    translations: dict[str, TranslationInput] = Field(
        default={},
        description="The same release in other languages, by BCP 47 tag ({fr-CA: {headline, "
        "subheadlines, body}}); each renders as its own release.",
        json_schema_extra={"propertyNames": {"pattern": _LANGUAGE_TAG}},
    )

    @field_validator("language")
    @classmethod
    def _language_tag(cls, value: str) -> str:
        if not re.fullmatch(_LANGUAGE_TAG, value):
            raise ValueError(f"'{value}' is not a language tag; write one such as en-US or fr-CA")
        return value

    @field_validator("translations")
    @classmethod
    def _translation_tags(cls, value: dict[str, TranslationInput]) -> dict[str, TranslationInput]:
        for tag in value:
            if not re.fullmatch(_LANGUAGE_TAG, tag):
                raise ValueError(
                    f"'{tag}' is not a language tag; name each translation by one, e.g. fr-CA"
                )
        return value


# --- library files ---------------------------------------------------------------------------


class ListingInput(Input):
    exchange: FactText
    symbol: FactText

    @field_validator("exchange")
    @classmethod
    def _known_exchange(cls, value: str) -> str:
        return canonical_exchange(value)


class AboutVersion(Input):
    since: Date = Field(description="First release date this text applies to.")
    text: FactText


class CompanyFile(Input):
    """`companies/<id>.yaml`."""

    name: FactText = Field(description='Legal name as used in releases, e.g. "ImmunoGen, Inc."')
    short_name: FactText | None = None
    url: FactText | None = None
    listings: list[ListingInput] = []
    logo: FactText | None = None
    mention: FactText | None = Field(
        default=None,
        description='How the first mention in the body is written, e.g. "NETGEAR®, Inc.".',
    )
    about_heading: FactText | None = Field(
        default=None,
        description='Default "About <name>" in the release\'s language ("À propos de <name>").',
    )
    translations: dict[str, CompanyTranslation] = Field(
        default={},
        description="The About text (and heading, first mention) in other languages, by "
        "language or tag: {fr: {about: ...}}.",
    )
    ticker_spacing: Literal["tight", "spaced"] = Field(
        default="tight",
        description="French copy only: tight writes (TSX: X), spaced (TSX : X) with a "
        "non-breaking space, as the issuer prefers.",
    )
    about: (
        Annotated[
            Annotated[FactText, Tag("plain")]
            | Annotated[list[AboutVersion], Tag("versions"), Field(min_length=1)],
            Discriminator(lambda v: "plain" if isinstance(v, str) else "versions"),
            Field(
                description="The About text, or dated versions of it (the one in force wins); "
                "{tickers} in it writes the listings in the wire's form. Without it, "
                "releases carry no About section for the company."
            ),
        ]
        | None
    ) = None


class CompanyTranslation(Input):
    """A company's words in another language."""

    about: FactText | None = None
    about_heading: FactText | None = None
    mention: FactText | None = None


class PhoneInput(Input):
    """A phone number with its label, e.g. `{label: Mobile, number: 555-010-0199}`."""

    number: FactText
    label: FactText | None = None


PhoneEntry = Annotated[
    Annotated[FactText, Tag("plain")] | Annotated[PhoneInput, Tag("mapping")],
    Discriminator(_str_or_mapping),
]


class ContactFile(Input):
    """`contacts/<id>.yaml`: a person, a desk or a mailbox, or a contact written as text."""

    organization: FactText | None = None
    name: FactText | None = None
    title: FactText | None = None
    phone: FactText | None = Field(default=None, description="One number; `phones` for several.")
    phones: Annotated[list[PhoneEntry], BeforeValidator(_as_list)] = Field(
        default=[], description="Numbers, each plain or {label, number}."
    )
    email: FactText | None = Field(default=None, description="One address; `emails` for several.")
    emails: Annotated[list[FactText], BeforeValidator(_as_list)] = []
    web: FactText | None = Field(default=None, description="A web address, e.g. www.acme.example.")
    text: FactText | None = Field(
        default=None,
        description="The contact written as free text (a sentence, or lines), used as is.",
    )

    @model_validator(mode="after")
    def _someone(self) -> ContactFile:
        fields = ("organization", "name", "title", "phone", "phones", "email", "emails", "web")
        if self.text is not None:
            others = [f for f in fields if getattr(self, f)]
            if others:
                raise ValueError(
                    f"a contact written as `text` takes no other fields; remove {others[0]}"
                )
            return self
        if not (self.name or self.organization or self.email or self.emails):
            raise ValueError("a contact needs a name, an organization, an email or a `text`")
        return self


class PersonTranslation(Input):
    title: FactText | None = None


class LegalTranslation(Input):
    heading: FactText | None = None
    text: FactText


class PersonFile(Input):
    """`people/<id>.yaml`."""

    name: FactText
    title: FactText | None = None
    last_name: FactText | None = Field(
        default=None,
        description='For a second reference when it is not the last word: "de la Croix".',
    )
    translations: dict[str, PersonTranslation] = Field(
        default={}, description="The title in other languages: {fr: {title: président}}."
    )


class LegalFile(Input):
    """`legal/<id>.yaml`: a trademark legend, safe-harbor statement or other notice."""

    kind: LegalKind
    heading: FactText | None = None
    text: FactText
    translations: dict[str, LegalTranslation] = Field(
        default={}, description="The heading and text in other languages: {fr: {text: ...}}."
    )


LIBRARY_KINDS: dict[str, type[Input]] = {
    "companies": CompanyFile,
    "contacts": ContactFile,
    "people": PersonFile,
    "legal": LegalFile,
}
