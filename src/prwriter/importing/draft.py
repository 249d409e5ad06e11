"""What an import reads from one release, before the library decides ids: the release's
facts, its companies, quotes, legal blocks and contacts, and what was not recognized."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prwriter.importing.contacts import FoundGroup
from prwriter.importing.quotes import FoundQuote


@dataclass
class FoundCompany:
    name: str
    line: int
    listings: list[dict[str, str]] = field(default_factory=list)
    url: str | None = None
    link: bool = False
    ticker: bool = True
    about: str | None = None
    mentioned: bool = False
    mention: str | None = None
    about_heading: str | None = None
    # The listing written with a space before its colon, `(TSX : LUMB)` (French copy).
    ticker_spaced: bool = False


@dataclass
class FoundLegal:
    kind: str
    text: str
    line: int
    heading: str | None = None
    before_about: bool = False


@dataclass
class Draft:
    """One release read back; `notes` are (line, what was not recognized)."""

    path: Path
    wire: str
    language: str | None = None  # the copy's tag; None for English
    headline: str = ""
    subheadlines: list[str] = field(default_factory=list)
    date: dt.date | None = None
    dateline: list[dict[str, str]] = field(default_factory=list)
    embargo: dict[str, Any] | None = None
    companies: list[FoundCompany] = field(default_factory=list)
    body: list[str | FoundQuote | dict[str, Any]] = field(default_factory=list)
    legal: list[FoundLegal] = field(default_factory=list)
    contacts: list[FoundGroup] = field(default_factory=list)
    source: str | None = None
    contact_notice: FoundLegal | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)

    def note(self, line: int, what: str) -> None:
        self.notes.append((line, what))
