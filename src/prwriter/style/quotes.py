"""Quotation marks and names in quotes: the pure rules behind the quote forms.

`prwriter.quoting` writes whole quotes from the release's tree; the loader checks a
quote's text here.
"""

from __future__ import annotations

LDQUO, RDQUO, LSQUO, RSQUO = "\u201c", "\u201d", "\u2018", "\u2019"
# Quotation marks a quote's text must not open or close with: the profile writes them.
QUOTE_MARKS = '"' + LDQUO + RDQUO + "\u201e\u00ab\u00bb\u201f"

# Words written after a surname that are not the surname ("Jr.", "III", "Ph.D.").
_NAME_SUFFIXES = frozenset(
    [
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "iv",
        "phd",
        "ph.d.",
        "md",
        "m.d.",
        "esq",
        "esq.",
    ]
)


def quote_text_problem(text: str) -> str | None:
    """Why a quote's text cannot be used as written, or None."""
    stripped = text.strip()
    if stripped[:1] in QUOTE_MARKS or stripped[-1:] in QUOTE_MARKS:
        return (
            "the quote's text starts or ends with a quotation mark; write the words "
            "alone, the wire profile adds the marks"
        )
    return None


def last_name(name: str) -> str:
    """AP second reference: "Jane Q. Roe" -> "Roe"; "Martin Luther King Jr." -> "King"."""
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else name
