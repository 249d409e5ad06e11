"""Company names as headlines use them: "Acme, Inc." is "Acme" once the legal suffix goes."""

from __future__ import annotations

import re

_LEGAL_SUFFIX = re.compile(
    r",? (?:Inc|Corp|Corporation|Co|Ltd|LLC|PLC|AG|SE|S\.A|N\.V|Holdings)\.?$"
)


def without_legal_suffix(name: str) -> str:
    """'Acme, Inc.' -> 'Acme'; a name without a suffix comes back as it is."""
    return _LEGAL_SUFFIX.sub("", name).strip() or name
