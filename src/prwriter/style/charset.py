"""Plain-ASCII copy for SEC EDGAR exhibits and old systems, and hard wrapping.

The folding table follows wire-format.md section 14: typographic punctuation becomes its
typewriter form, trademark marks their bracketed letters, accents are dropped, and anything
still outside ASCII becomes "?" so the result is always pure ASCII.
"""

from __future__ import annotations

import textwrap
import unicodedata

# How each trademark encoding of a wire profile writes the marks (wire-format.md, section 13).
TRADEMARK_FORMS: dict[str, dict[str, str]] = {
    "unicode": {},
    "bracketed": {"®": "[®]", "™": "[™]", "℠": "[℠]"},
    "ascii": {"®": "(R)", "™": "(TM)", "℠": "(SM)", "©": "(C)"},
}

# Applied before accent stripping; the order of entries does not matter (single characters).
ASCII_TABLE: dict[str, str] = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark, apostrophe
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9 quotation mark
    "\u2032": "'",  # prime
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # left guillemet
    "\u00bb": '"',  # right guillemet
    "\u2014": "--",  # em dash
    "\u2013": "-",  # en dash
    "\u2012": "-",  # figure dash
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u2026": "...",  # ellipsis
    "\u00a0": " ",  # no-break space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u200b": "",  # zero-width space
    "\u00ad": "",  # soft hyphen
    "\u2022": "*",  # bullet
    "\u00ae": "(R)",  # registered sign
    "\u2122": "(TM)",  # trade mark sign
    "\u2120": "(SM)",  # service mark
    "\u00a9": "(C)",  # copyright sign
    "\u00b0": " degrees",
    "\u20ac": "EUR ",
    "\u00a3": "GBP ",
    "\u00a5": "JPY ",
    "\u00d7": "x",  # multiplication sign
    "\u00bd": "1/2",
    "\u00bc": "1/4",
    "\u00be": "3/4",
    "\u00df": "ss",  # sharp s
    "\u00e6": "ae",
    "\u00c6": "AE",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00f8": "o",
    "\u00d8": "O",
    "\u0142": "l",
    "\u0141": "L",
}
_TRANSLATE = str.maketrans(ASCII_TABLE)


def to_ascii(text: str) -> str:
    """Fold `text` to pure ASCII by the table above, then by dropping accents."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    kept = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return kept.encode("ascii", "replace").decode("ascii")


def wrap_lines(text: str, width: int) -> str:
    """Wrap every line longer than `width`; list items keep a hanging indent.

    Words longer than a line (long URLs) are broken, so no line ever exceeds `width`.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        marker = next((m for m in ("- ", "* ") if stripped.startswith(m)), "")
        if not marker and stripped[:1].isdigit() and ". " in stripped[:5]:
            marker = stripped[: stripped.index(". ") + 2]
        out.extend(
            textwrap.wrap(
                line,
                width=width,
                subsequent_indent=indent + " " * len(marker),
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)
