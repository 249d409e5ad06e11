"""The names of things prwriter knows, defined once: library kinds, schema kinds, legal
block kinds, check report formats, severities and PDF variants (output formats are the
writers' registry).

Kept free of imports so that the command line's help can name them without loading
anything else.
"""

from __future__ import annotations

from typing import Literal

LibraryKind = Literal["companies", "contacts", "people", "legal"]
LIBRARY_KINDS: tuple[LibraryKind, ...] = ("companies", "contacts", "people", "legal")

SchemaKind = Literal["release", "company", "contact", "person", "legal", "wire", "settings"]
SCHEMA_KINDS: tuple[SchemaKind, ...] = (
    "release", "company", "contact", "person", "legal", "wire", "settings",
)  # fmt: skip

ReportFormat = Literal["text", "json", "github", "sarif"]
CHECK_FORMATS: tuple[ReportFormat, ...] = ("text", "json", "github", "sarif")

LegalKind = Literal["trademark", "forward-looking", "disclaimer", "notice"]

QuoteForm = Literal["attribution-first", "quote-first", "quote-first-split"]
QUOTE_FORMS: tuple[QuoteForm, ...] = ("attribution-first", "quote-first", "quote-first-split")

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

PdfVariant = Literal["pdf/a-3b", "pdf/ua-1"]
# Not validated by an independent validator (veraPDF); see the README.
PDF_VARIANTS: tuple[PdfVariant, ...] = ("pdf/a-3b", "pdf/ua-1")


def choose(value: str, choices: tuple[str, ...], what: str) -> None:
    """ValueError naming the choices unless `value` is one of them."""
    if value not in choices:
        raise ValueError(f"unknown {what} {value!r}; choose from {', '.join(choices)}")
