"""Wire profiles: how one wire (or the print copy) writes a release, as data.

A profile is a YAML file `templates/wires/<name>.yaml`; a project's `templates/wires/` can add
profiles or replace shipped ones (`project.Project.wire` finds and reads them). Writers read
settings from the profile instead of branching on the wire's name.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from prwriter.errors import Problem, closest, did_you_mean, quote_list
from prwriter.schema import Flag, Input

DEFAULT_WIRE = "businesswire"

# Placeholders each format string may use; anything else is refused when the profile loads.
_PLACEHOLDERS: dict[str, set[str]] = {
    "date_line": {"date"},
    "dateline": {"place", "date"},
    "subheadline": {"text"},
    "ticker": {"exchange", "symbol"},
    "quote": {"name", "title", "verb", "text"},
    "quote_untitled": {"name", "verb", "text"},
    "media_line": {"caption", "file"},
    "media_credit": {"credit"},
    "immediate_line": set(),
    "embargo_line": {"moment"},
    "source_line": {"source"},
}


class WireProfile(Input):
    """Settings of one wire (or of the print copy). The shipped profiles set each field
    they need; the README documents them."""

    description: str
    template: str = Field(default="text/wire.txt.j2", description="Jinja text template.")
    # Dates and datelines
    date_style: Literal["ap", "ap-padded", "full"] = "ap"
    date_line: str | None = Field(default=None, description="A line above the headline.")
    dateline: str = Field(description="Put before the lead, e.g. '{place}--(BUSINESS WIRE)--'.")
    state_style: Literal["ap", "postal", "full"] = "ap"
    standalone_cities: Flag = Field(
        default=True, description="Write AP stand-alone cities (BOSTON) without a region."
    )
    city_separator: str = " & "
    # Release timing (print copy only: wires schedule releases themselves)
    timing: Flag = False
    immediate_line: str = "FOR IMMEDIATE RELEASE"
    embargo_line: str = "EMBARGOED UNTIL {moment}"
    # Inline forms
    subheadline: str = "{text}"
    links: Literal["markdown", "plain", "text"] = Field(
        default="plain",
        description="markdown: [text](url); plain: text (url) unless equal; text: text only.",
    )
    company_links: Flag = Field(
        default=False,
        description="Write the link a release puts on a company's first mention. Plain-text "
        "wires leave it out: a URL between the name and the ticker reads badly.",
    )
    emphasis: Literal["markdown", "plain"] = "plain"
    trademarks: Literal["unicode", "ascii", "bracketed"] = "unicode"
    ticker: str = "({exchange}: {symbol})"
    ticker_separator: str = " "
    exchange_labels: dict[str, str] = {}
    quote: str = Field(
        default='{name}, {title}, {verb}, "{text}"',
        description="A quote whose speaker has a title.",
    )
    quote_untitled: str = '{name} {verb}, "{text}"'
    bullet: str = "- "
    # Media: wires carry photos as attachments; the text can list their captions.
    media: Literal["omit", "captions"] = "omit"
    media_line: str = "Photo: {caption}"
    media_credit: str = Field(default="({credit})", description="After the caption, if credited.")
    # Contacts, source line, trailer, end mark
    contacts_position: Literal["top", "end"] = "end"
    contacts_layout: Literal["block", "hanging"] = Field(
        default="block",
        description="block: heading line, then groups; hanging: 'CONTACT:' then an indent.",
    )
    contacts_heading: str | None = None
    contact_group_separator: str | None = None
    source_line: str | None = None
    trailer: str | None = None
    end_mark: str | None = None
    # Character set and line length
    ascii: Flag = Field(default=False, description="Fold the copy to pure ASCII.")
    wrap: int | None = Field(default=None, ge=20, description="Wrap lines at this width.")

    @field_validator(*_PLACEHOLDERS)
    @classmethod
    def _known_placeholders(cls, pattern: str | None, info: ValidationInfo) -> str | None:
        if pattern is None:
            return None
        allowed = _PLACEHOLDERS[str(info.field_name)]
        try:
            fields = [
                (name, spec, conversion)
                for _, name, spec, conversion in string.Formatter().parse(pattern)
                if name is not None
            ]
        except ValueError as exc:
            raise ValueError(f"{exc}; write a literal brace as {{{{ or }}}}") from None
        # Only bare names: format specs and conversions could evaluate attributes.
        if any(spec or conversion for _, spec, conversion in fields):
            raise ValueError("placeholders take no format spec or conversion; write {name}")
        used = [name for name, _, _ in fields]
        unknown = sorted(set(used) - allowed)
        if unknown:
            hint = f"use {quote_list(sorted(allowed))}" if allowed else "it takes none"
            raise ValueError(f"unknown placeholder {quote_list(unknown)}; {hint}")
        return pattern


def find_profiles(folders: Iterable[Path]) -> dict[str, Path]:
    """Every profile name in `folders` (`*.yaml` files) and the file that wins for it."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                found.setdefault(path.stem, path)
    return found


def read_profile(path: Path) -> WireProfile:
    """The profile in `path`, validated; InputError located in the file when it is wrong."""
    from prwriter.validation import validate
    from prwriter.yaml_source import read_yaml

    return validate(WireProfile, read_yaml(path))


def unknown_wire_problem(
    name: str, known: Sequence[str], file: str, line: int, column: int, field: str
) -> Problem:
    choices = quote_list(closest(name, known))
    hint = did_you_mean(name, known) or ";"
    return Problem(file, line, column, field, f"unknown wire '{name}'{hint} available: {choices}")
