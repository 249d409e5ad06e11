"""Names made from a release: company names as headlines use them ("Acme, Inc." is "Acme"
once the legal suffix goes), and the slug a headline gives file names."""

from __future__ import annotations

import re

_LEGAL_SUFFIX = re.compile(
    r",? (?:Inc|Corp|Corporation|Co|Ltd|LLC|PLC|AG|SE|S\.A|N\.V|Holdings)\.?$"
)


def without_legal_suffix(name: str) -> str:
    """'Acme, Inc.' -> 'Acme'; a name without a suffix comes back as it is."""
    return _LEGAL_SUFFIX.sub("", name).strip() or name


def slug(text: str, limit: int = 60) -> str:
    """`ImmunoGen, Inc. Again Named...` -> `immunogen-inc-again-named...` (ASCII, safe)."""
    from prwriter.style.charset import to_ascii

    words = re.sub(r"[^a-z0-9]+", "-", to_ascii(text).lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0]
    return words or "release"
