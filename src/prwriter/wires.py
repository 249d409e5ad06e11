"""Wire profiles: how one wire (or the print copy) writes a release, as data.

A profile is a YAML file `templates/wires/<name>.yaml`; a project's `templates/wires/` can add
profiles or replace shipped ones (`project.Project.wire` finds and reads them). Writers read
settings from the profile instead of branching on the wire's name.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, ValidationInfo, field_validator

from prwriter.errors import Problem, closest, did_you_mean, quote_list
from prwriter.kinds import QuoteForm
from prwriter.schema import Flag, Input
from prwriter.style.typography import SpacingMode

DEFAULT_WIRE = "businesswire"
# The print copy's profile: HTML, PDF, DOCX, Markdown and ninjs all follow it.
PRINT_WIRE = "print"

# Placeholders each format string may use; anything else is refused when the profile loads.
_PLACEHOLDERS: dict[str, set[str]] = {
    "date_line": {"date"},
    "dateline": {"place", "date"},
    "subheadline": {"text"},
    "heading": {"text"},
    "about_heading": {"heading"},
    "ticker": {"exchange", "symbol"},
    "quote": {"name", "title", "verb", "text"},
    "quote_untitled": {"name", "verb", "text"},
    "quote_first": {"name", "title", "verb", "text"},
    "quote_first_untitled": {"name", "verb", "text"},
    "quote_rest": {"text"},
    "media_line": {"caption", "file"},
    "media_credit": {"credit"},
    "immediate_line": set(),
    "embargo_line": {"moment"},
    "source_line": {"source"},
    "contact_label": {"label"},
    "phone_label": {"label", "number"},
    "email_form": {"email"},
}


class WireProfile(Input):
    """Settings of one wire (or of the print copy). The shipped profiles set each field
    they need; the README documents them."""

    description: str = Field(
        description="One line saying what the profile writes (inherited with `extends`)."
    )
    extends: str | None = Field(
        default=None,
        description="Start from this profile (shipped or the project's) and set only what differs.",
    )
    template: str = Field(default="text/wire.txt.j2", description="Jinja text template.")
    # Dates and datelines
    date_style: Literal["ap", "ap-padded", "full", "short"] = Field(
        default="ap",
        description="ap: Nov. 13, 2014; ap-padded: May 03, 2022; full: November 13, 2014; "
        "short: Sep 26, 2024.",
    )
    date_line: str | None = Field(default=None, description="A line above the headline.")
    dateline: str = Field(description="Put before the lead, e.g. '{place}--(BUSINESS WIRE)--'.")
    date_pattern: str | None = Field(
        default=None,
        description="For copy in a language other than English: the CLDR date pattern, e.g. "
        "\"'le' d MMM y\" (CNW French); CLDR's long date when left out. English copy "
        "follows date_style.",
    )
    month_names: dict[int, str] = Field(
        default={},
        description="Months the wire spells differently from CLDR in date_pattern's "
        "MMM or MMMM, e.g. {4: avril} (CNW French).",
    )
    first_day: str | None = Field(
        default=None,
        description="How date_pattern writes the first of the month, e.g. '1er' (French "
        "print); CLDR writes 1.",
    )
    dateline_year: bool = Field(
        default=True,
        description="Write the year in the dateline's date (PR Newswire before 2011 did not).",
    )
    state_style: Literal["ap", "postal", "full"] = "ap"
    city_case: Literal["upper", "as-written"] = Field(
        default="upper", description="upper: VANCOUVER; as-written: Vancouver (Newsfile)."
    )
    standalone_cities: Flag = Field(
        default=True, description="Write AP stand-alone cities (BOSTON) without a region."
    )
    standalone_also: list[str] = Field(
        default=[],
        description="Cities the house writes alone besides AP's, as Canadian Press style "
        "lets large Canadian cities stand alone (VANCOUVER, Aug. 7, 2013 /CNW/).",
    )
    dateline_region: bool = Field(
        default=True,
        description="Write the state, province or country after the city; DGAP issuer copy "
        "writes the city alone (Walldorf, 19. März 2020).",
    )
    city_separator: str = " & "
    # Release timing (print copy only: wires schedule releases themselves)
    timing: Flag = False
    immediate_line: str = "FOR IMMEDIATE RELEASE"
    embargo_line: str = "EMBARGOED UNTIL {moment}"
    # Inline forms
    subheadline: str = "{text}"
    heading: str = Field(default="{text}", description="A subhead in the body, e.g. '**{text}**'.")
    about_heading: str = Field(
        default="{heading}", description="An About heading, e.g. '{heading}:' or '**{heading}**'."
    )
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
    trademarks: Literal["unicode", "ascii", "bracketed"] | dict[str, str] = Field(
        default="unicode",
        description="unicode: ® ™ as typed; ascii: (R) (TM); bracketed: [®] [™]; or a "
        'mapping of the marks to change, e.g. {"™": "(TM)"} (others stay as typed).',
    )
    ticker: str = "({exchange}: {symbol})"
    ticker_separator: str = " "
    exchange_labels: dict[str, str] = {}
    quote: str = Field(
        default='{name}, {title}, {verb}, "{text}"',
        description="A quote whose speaker has a title.",
    )
    quote_untitled: str = '{name} {verb}, "{text}"'
    quote_first: str = Field(
        default='"{text}" {verb} {name}, {title}.',
        description="A quote before its titled speaker; the text's closing period becomes "
        "a comma (AP).",
    )
    quote_first_untitled: str = '"{text}" {name} {verb}.'
    quote_form: QuoteForm = Field(
        default="attribution-first",
        description="attribution-first, quote-first, or quote-first-split (the first "
        "sentence, the attribution, then the rest). A quote may choose its own.",
    )
    quote_rest: str = Field(
        default='"{text}"',
        description="quote-first-split: the rest of the quote after the attribution.",
    )
    quote_comma: Literal["inside", "outside"] = Field(
        default="inside",
        description="A quote before its attribution: inside ends the text with a comma "
        "(AP); outside drops its period, and the quote_first template writes the comma "
        "after the closing mark (French, German).",
    )
    quote_marks: Literal["straight", "typographic"] = Field(
        default="straight",
        description="typographic: curly quotation marks and apostrophes in quotes.",
    )
    second_reference: Literal["last-name", "full"] = Field(
        default="last-name",
        description="AP: a speaker quoted again is named by last name alone, without title.",
    )
    bullet: str = "- "
    # Media: wires carry photos as attachments; the text can list their captions.
    media: Literal["omit", "captions"] = "omit"
    media_line: str = "Photo: {caption}"
    media_credit: str = Field(default="({credit})", description="After the caption, if credited.")
    # Contacts, source line, trailer, end mark
    contacts_position: Literal["top", "end"] = "end"
    contacts_layout: Literal["block", "hanging", "run-in"] = Field(
        default="block",
        description="block: heading line, then groups; hanging: 'CONTACT:' then an indent; "
        "run-in: the heading starts the first line, no indent.",
    )
    contacts_heading: str | None = None
    contact_group_separator: str | None = None
    contact_label: str | None = Field(
        default="{label}:",
        description="A contact group's label, e.g. '**{label}**'; null writes no label "
        "line (GlobeNewswire's 'CONTACT: Name' with the lines under it).",
    )
    contact_lines: list[str] = Field(
        default=["{organization}", "{name}, {title}, {phones}", "{emails}", "{web}"],
        description="One template per line, with {organization}, {name}, {title}, {phones}, "
        "{emails} and {web}; a field a contact lacks takes the text before it along, and a "
        "line with none of its fields is left out.",
    )
    phone_label: str = Field(default="{label}: {number}", description="A labelled number.")
    phone_separator: str = ", "
    email_form: str = Field(
        default="{email}", description="One address, e.g. '[{email}](mailto:{email})'."
    )
    email_separator: str = ", "
    source_line: str | None = None
    source_before_contacts: bool = Field(
        default=False, description="Put the source line above end-of-release contacts (CNW)."
    )
    trailer: str | None = None
    end_mark: str | None = None
    # Typography of the copy's language
    space_before_marks: SpacingMode = Field(
        default="none",
        description="French spacing: none; plain (U+0020 before : ; ! ? and inside « »); "
        "nbsp (U+00A0 there); narrow (U+202F before ; ! ?, as printers do).",
    )
    # Character set and line length
    ascii: Flag = Field(default=False, description="Fold the copy to pure ASCII.")
    wrap: int | None = Field(default=None, ge=20, description="Wrap lines at this width.")
    # Last: validating it reads the settings above.
    languages: dict[str, dict[str, Any]] = Field(
        default={},
        description="Settings that differ for copy in one language, by BCP 47 tag or "
        "language: {fr: {dateline: ..., date_pattern: ...}, fr-CA: {...}}. The language's "
        "entry applies first, then the exact tag's.",
    )

    @field_validator("date_pattern")
    @classmethod
    def _date_fields(cls, pattern: str | None) -> str | None:
        # Checked without Babel, so that loading a profile for English copy stays light.
        if pattern is None:
            return None
        unquoted = re.sub(r"'(?:[^']|'')*'", "", pattern)
        if unquoted.count("'"):
            raise ValueError("an unclosed quote; write literal text as 'le' and a quote as ''")
        wrong = sorted({c for c in unquoted if c.isascii() and c.isalpha()} - set("dMLyEc"))
        if wrong:
            raise ValueError(
                f"unknown date field {quote_list(wrong)}; use d, M, y and E, and quote "
                "literal words: 'le' d MMM y"
            )
        return pattern

    @field_validator("month_names")
    @classmethod
    def _months(cls, names: dict[int, str]) -> dict[int, str]:
        wrong = sorted(str(m) for m in names if not 1 <= m <= 12)
        if wrong:
            raise ValueError(f"months are 1 to 12, not {', '.join(wrong)}")
        return names

    @field_validator("languages")
    @classmethod
    def _language_settings(
        cls, languages: dict[str, dict[str, Any]], info: ValidationInfo
    ) -> dict[str, dict[str, Any]]:
        for tag, settings in languages.items():
            if not isinstance(settings, dict):
                raise ValueError(f"'{tag}' takes a mapping of profile settings")
            if "languages" in settings or "extends" in settings:
                raise ValueError(f"'{tag}' cannot set languages or extends")
            for key in settings:
                if key not in WireProfile.model_fields:
                    hint = did_you_mean(str(key), WireProfile.model_fields)
                    raise ValueError(f"{tag}: unknown setting '{key}'{hint}")
            try:
                WireProfile.model_validate({**info.data, **settings})
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise ValueError(f"{tag}.{where}: {first['msg']}") from None
        return {tag.lower(): settings for tag, settings in languages.items()}

    @field_validator("exchange_labels")
    @classmethod
    def _known_exchanges(cls, labels: dict[str, str]) -> dict[str, str]:
        from prwriter.style.tickers import canonical_exchange

        # Keys may be any name of an exchange ("Frankfurt"); each maps its canonical label.
        return {canonical_exchange(key): label for key, label in labels.items()}

    @field_validator("standalone_also")
    @classmethod
    def _cities_alone(cls, cities: list[str]) -> list[str]:
        from prwriter.style.places import needs_region

        for city in cities:
            if not re.fullmatch(r"[^\W\d_][\w.'\- ]*", city.strip()):
                raise ValueError(f"'{city}' is not a city name; write the city alone: Vancouver")
            if not needs_region(city):
                raise ValueError(f"'{city}' already stands alone in AP style; leave it out")
        return cities

    @field_validator("contact_label")
    @classmethod
    def _label_or_none(cls, label: str | None) -> str | None:
        if label is not None and not label.strip():
            raise ValueError("a blank label writes an empty line; write null for no label")
        return label

    @field_validator("contact_lines")
    @classmethod
    def _contact_line_fields(cls, lines: list[str]) -> list[str]:
        return _check_line_templates(lines)

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


def _check_line_templates(lines: list[str]) -> list[str]:
    from prwriter.style.contacts import CONTACT_FIELDS

    for line in lines:
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(line) if f is not None}
        except ValueError as exc:
            raise ValueError(f"{exc}; write a literal brace as {{{{ or }}}}") from None
        unknown = sorted(used - CONTACT_FIELDS)
        if unknown:
            raise ValueError(
                f"unknown placeholder {quote_list(unknown)} in '{line}'; "
                f"use {quote_list(sorted(CONTACT_FIELDS))}"
            )
    return lines


def for_language(profile: WireProfile, tag: str) -> WireProfile:
    """The profile with its settings for copy in language `tag` applied: the language's
    entry (`fr`), then the exact tag's (`fr-ca`)."""
    from prwriter.style.languages import primary

    keys = [primary(tag), tag.replace("_", "-").lower()]
    overrides: dict[str, Any] = {}
    for key in dict.fromkeys(keys):
        overrides.update(profile.languages.get(key, {}))
    if not overrides:
        return profile
    data = {**profile.model_dump(exclude={"languages"}), **overrides}
    return WireProfile.model_validate(data)


def find_profiles(folders: Iterable[Path]) -> dict[str, Path]:
    """Every profile name in `folders` (`*.yaml` files) and the file that wins for it."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                found.setdefault(path.stem, path)
    return found


def read_profile(
    path: Path, folders: Sequence[Path] = (), _chain: tuple[Path, ...] = ()
) -> WireProfile:
    """The profile in `path`, validated; InputError located in the file when it is wrong.

    A profile with `extends: NAME` starts from the profile NAME found in `folders` (any file
    of that name but this one, so a project's `prnewswire.yaml` may extend the shipped
    `prnewswire`) and sets only what differs.
    """
    import dataclasses

    from prwriter.errors import InputError
    from prwriter.validation import validate
    from prwriter.yaml_source import read_yaml

    source = read_yaml(path)
    data = source.data
    base_name = data.get("extends") if isinstance(data, dict) else None
    if isinstance(base_name, str):
        chain = (*_chain, path.resolve())
        base_path = next(
            (
                candidate
                for folder in folders
                if (candidate := folder / f"{base_name}.yaml").is_file()
                and candidate.resolve() not in chain
            ),
            None,
        )
        if base_path is None:
            known = sorted({p.stem for f in folders if f.is_dir() for p in f.glob("*.yaml")})
            message = f"no other profile '{base_name}' to extend; profiles: {quote_list(known)}"
            raise InputError([source.problem(("extends",), message)])
        base = read_profile(base_path, folders, chain)
        inherited = base.model_dump(exclude_unset=True, exclude={"extends"})
        merged = {**inherited, **data}
        if isinstance(data.get("languages"), dict) and inherited.get("languages"):
            # A house profile changes one language's settings without repeating the others.
            own: dict[str, Any] = data["languages"]
            base_languages: dict[str, dict[str, Any]] = inherited["languages"]
            merged["languages"] = {
                tag: {**base_languages.get(tag.lower(), {}), **(settings or {})}
                if isinstance(settings, dict)
                else settings
                for tag, settings in {**base_languages, **own}.items()
            }
        source = dataclasses.replace(source, data=merged)
    return validate(WireProfile, source)


def unknown_wire_problem(
    name: str, known: Sequence[str], file: str, line: int, column: int, field: str
) -> Problem:
    choices = quote_list(closest(name, known))
    hint = did_you_mean(name, known) or ";"
    return Problem(file, line, column, field, f"unknown wire '{name}'{hint} available: {choices}")
