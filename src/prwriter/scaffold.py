"""Starting points: a new release project (`prwriter init`) and a new release (`prwriter new`).

Neither ever replaces a file that exists.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from prwriter.errors import InputError, Problem, quote_list
from prwriter.style.names import slug, without_legal_suffix
from prwriter.style.places import find_state, needs_region, suggest_states

SCHEMA_FILE = "release.schema.json"
# Library ids are file names, and releases write them unquoted.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same string: plain when that is
    safe, quoted when the text holds `: `, `#`, quotes, or looks like a number or date."""
    from io import StringIO

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.width = 1_000_000  # one line, however long
    out = StringIO()
    yaml.dump(value, out)
    return out.getvalue().removesuffix("\n...\n").removesuffix("\n")


def check_company(company: Company) -> None:
    """InputError unless the id can be a file name and the name is one line of text."""
    problems = []
    if not _ID.fullmatch(company.id):
        why = f"'{company.id}' cannot be a library id; use letters, digits, '-', '_' and '.'"
        problems.append(Problem("", 0, 0, "--company-id", why))
    if not company.name.strip() or any(ch in company.name for ch in "\r\n"):
        problems.append(Problem("", 0, 0, "--company-name", "give the name on one line"))
    if problems:
        raise InputError(problems)


@dataclass(frozen=True, slots=True)
class Company:
    id: str
    name: str


def _write_new(path: Path, text: str, written: list[Path], root: Path) -> None:
    from prwriter.output import UnsafeTarget, create_new

    try:
        if create_new(path, text.encode("utf-8"), root):
            written.append(path)
    except UnsafeTarget as exc:
        raise InputError([Problem(str(path), 0, 0, "", str(exc))]) from None


def init_project(folder: Path, company: Company, today: dt.date, version: str) -> list[Path]:
    """Scaffold a release project in `folder`, whose workflow installs prwriter `version`;
    the files written (existing ones are kept)."""
    from prwriter.resources import shipped

    check_company(company)
    written: list[Path] = []
    c = company
    name = yaml_scalar(c.name)
    files = {
        "prwriter.toml": SETTINGS,
        SCHEMA_FILE: (shipped("templates") / "schema" / SCHEMA_FILE).read_text("utf-8"),
        f"boilerplates/companies/{c.id}.yaml": COMPANY.format(
            name=name, text_name=c.name, id=c.id, short=yaml_scalar(without_legal_suffix(c.name))
        ),
        f"boilerplates/contacts/{c.id}-media.yaml": CONTACT.format(name=name),
        f"boilerplates/people/{c.id}-ceo.yaml": PERSON.format(
            title=yaml_scalar(f"chief executive officer of {c.name}")
        ),
        f"boilerplates/legal/{c.id}-forward-looking.yaml": LEGAL.format(name=c.name),
        "templates/README.md": TEMPLATES_README,
        ".github/workflows/releases.yml": WORKFLOW.format(version=version),
        ".gitignore": "drafts/\n",
    }
    for name, text in files.items():
        _write_new(folder / name, text, written, folder)
    first = folder / "releases" / "first-release.yaml"
    _write_new(first, release_text(c, today, "../" + SCHEMA_FILE), written, folder)
    return written


# --- answers to `new`: checked when typed, so that a wrong one is asked again -------------

_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d+")


def date_problem(text: str) -> str | None:
    """Why `text` is not a release date (YYYY-MM-DD), or None."""
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-05"
    return None


def city_problem(text: str) -> str | None:
    """Why `text` is not a dateline city, or None."""
    city = text.strip()
    if not city:
        return "give the city the news comes from, e.g. Dayton"
    if _DATE_LIKE.fullmatch(city):
        return f"'{city}' looks like a date or a number, not a city; write e.g. Dayton"
    if find_state(city) is not None and city.casefold() not in ("new york", "washington"):
        return f"'{city}' is a state; give the city (the state comes next)"
    return None


def state_problem(text: str, city: str) -> str | None:
    """Why `text` is not the U.S. state of `city` (empty: none, for AP's stand-alone
    cities), or None."""
    state = text.strip()
    if not state:
        if needs_region(city):
            return f"AP writes '{city}' with its state; give it, e.g. Ohio"
        return None
    if find_state(state) is None:
        near = suggest_states(state)
        hint = f"; did you mean {quote_list(near)}?" if near else ""
        return f"'{state}' is not a U.S. state{hint}"
    return None


def answer_problem(field: str, value: str, *, city: str = "") -> str | None:
    """Why `value` cannot be the `field` ("date", "city" or "state") of a new release;
    a state is judged for `city` (AP's stand-alone cities need none)."""
    if field == "date":
        return date_problem(value)
    if field == "city":
        return city_problem(value)
    return state_problem(value, city)


def answer_problems(date: str, city: str, state: str | None) -> list[Problem]:
    """The problems of `new`'s answers, each named by its option."""
    found = [
        ("--date", date_problem(date)),
        ("--city", city_problem(city)),
        ("--state", state_problem(state or "", city) if not city_problem(city) else None),
    ]
    return [Problem("", 0, 0, option, why) for option, why in found if why]


def release_text(
    company: Company,
    date: dt.date,
    schema_ref: str | None,
    headline: str | None = None,
    city: str = "New York",
    state: str | None = "New York",
    language: str | None = None,
) -> str:
    """The commented release `prwriter new` writes; French (`fr`, `fr-CA`) has its own
    sample copy; any other language is written as the release's `language:`."""
    head = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    french = language is not None and language.lower().split("-")[0] == "fr"
    if french:
        default = f"{company.name} publie son premier communiqué avec prwriter"
        template = RELEASE_FR
    else:
        default = f"{company.name} Announces Its First Release With prwriter"
        template = RELEASE
    text = template.format(
        id=company.id,
        name=company.name,
        date=date.isoformat(),
        headline=yaml_scalar(headline or default),
        place=_place_lines(city, state),
        language=yaml_scalar(language or "fr-CA"),
    )
    if language is not None and not french:
        text = text.replace("\ndateline:", f"\nlanguage: {yaml_scalar(language)}\ndateline:", 1)
    return head + text


def _place_lines(city: str, state: str | None) -> str:
    lines = f"  city: {yaml_scalar(city)}\n"
    return lines + (f"  state: {yaml_scalar(state)}\n" if state else "")


def company_choices(folder: Path) -> list[str]:
    """The companies a release in `folder` may name, the project's own first: the shipped
    example company counts only where there is no other."""
    from prwriter.project import Project
    from prwriter.resources import shipped

    where = folder.resolve()
    found = Project.find(where).library(where).ids("companies")
    example = shipped("boilerplates").resolve()
    own = [name for name, path in found.items() if not path.resolve().is_relative_to(example)]
    return own or list(found)


def default_release_path(date: dt.date, headline: str | None) -> Path:
    """`releases/DATE-SLUG.yaml` when there is a releases/ folder here, else `DATE-SLUG.yaml`."""
    folder = Path("releases") if Path("releases").is_dir() else Path()
    return folder / f"{date.isoformat()}-{slug(headline or 'new release')}.yaml"


def new_release(
    path: Path,
    company: Company,
    date: dt.date,
    headline: str | None,
    city: str,
    state: str | None,
    language: str | None = None,
) -> Path:
    """Write a commented release file at `path`; InputError if it exists."""
    from prwriter.output import create_new
    from prwriter.project import find_project

    exists = Problem(str(path), 0, 0, "", "exists already; prwriter new never replaces a file")
    if os.path.lexists(path):
        raise InputError([exists])
    project = find_project(path.parent if path.parent.exists() else Path.cwd())
    schema = project / SCHEMA_FILE
    ref = None
    if schema.is_file():
        ref = Path(_relative(schema, path.parent.resolve())).as_posix()
    text = release_text(company, date, ref, headline, city, state, language)
    if not create_new(path, text.encode()):
        raise InputError([exists])
    return path


def _relative(target: Path, start: Path) -> str:
    import os

    return os.path.relpath(target, start)


SETTINGS = """\
# prwriter project settings. Command-line options win over these, and a release's own
# fields (such as wire:) win over the defaults here.

# wire = "businesswire"          # profile for releases without wire:; prwriter list wires
formats = ["txt", "docx", "pdf"]
output_dir = "drafts"
name_pattern = "{date}-{slug}.{ext}"
# library = ["../shared-boilerplates"]   # more boilerplates/ folders, after this project's
shipped_library = false          # keep prwriter's fictional example library (Acme) out

[check]
fail_on = "error"                # error, warning or info
# words = ["NETGEAR", "lantibiotics"]   # names and terms the checks accept as written

# [check.rules.HL001]            # turn a rule off, change its severity or thresholds
# enabled = false
"""

COMPANY = """\
# The issuing company. Releases name it by its id: {id}.
name: {name}
short_name: {short}
url: https://www.example.com
listings: []                     # e.g. [{{exchange: Nasdaq, symbol: EXMP}}]
about:
  # Dated versions: a release uses the latest one in force on its date.
  - since: 2020-01-01
    text: >-
      {text_name} is a company. Replace this with its boilerplate: what it does, for whom, where,
      and where to learn more.
"""

CONTACT = """\
organization: {name}
name: Jordan Lee
title: Media Relations
phone: 555-010-0100
email: press@example.com
"""

PERSON = """\
name: Alex Morgan
title: {title}
"""

LEGAL = """\
kind: forward-looking
heading: Forward-Looking Statements
text: >-
  This press release contains forward-looking statements, such as statements about {name}'s
  plans. They are subject to risks and uncertainties, including those described in its
  filings, that could cause actual results to differ materially. {name} undertakes no duty
  to update them.
"""

RELEASE = """\
# A release: only this release's facts. The company, people, contacts and legal text come
# from boilerplates/. Generate it with: prwriter generate releases/
headline: {headline}
date: {date}                    # the release date, YYYY-MM-DD
dateline:                           # written in AP style, e.g. NEW YORK or WALTHAM, Mass.
{place}companies: [{id}]
body:
  - >-
    {name} today announced its first release written with prwriter. The lead paragraph
    says who, what, when and where in one or two sentences.
  - quote:
      speaker: {id}-ceo
      text: >-
        A quote from a named person with a title.
  - >-
    More paragraphs give the details. Markdown works: **bold**, *italic*,
    [links](https://www.example.com), lists and ## subheads.
contacts:
  - label: Media Contact
    contacts: [{id}-media]
# legal: [{id}-forward-looking]     # for releases with forward-looking statements
# embargo: {{until: {date}T08:00, timezone: America/New_York}}
"""

RELEASE_FR = """\
# Un communiqué en français : seulement ses faits. La société, les personnes, les contacts et
# les textes juridiques viennent de boilerplates/ (leur version française : `translations:`).
# Pour le produire : prwriter generate releases/ --wire cnw
headline: {headline}
date: {date}                    # la date du communiqué, AAAA-MM-JJ
language: {language}
dateline:                           # MONTRÉAL, le 22 avril 2024 /CNW/ - sur CNW
{place}companies: [{id}]
body:
  - >-
    {name} annonce aujourd'hui son premier communiqué rédigé avec prwriter. Le paragraphe
    d'attaque dit qui, quoi, quand et où en une ou deux phrases.
  - quote:
      speaker: {id}-ceo
      text: >-
        Une citation d'une personne nommée, avec son titre.
  - >-
    D'autres paragraphes donnent les détails. Le Markdown fonctionne : **gras**, *italique*,
    [liens](https://www.example.com), listes et intertitres ##.
contacts:
  - label: Médias
    contacts: [{id}-media]
# legal: [{id}-forward-looking]     # pour les énoncés prospectifs
"""

TEMPLATES_README = """\
# Templates

prwriter looks here first, then in its own templates, one file at a time. Copy the shipped
files here to change them:

    prwriter templates export templates/

- `text/wire.txt.j2`: the order of blocks in wire text
- `wires/NAME.yaml`: wire profiles (copy one and change it, or add your own)
- `html/release.html.j2`: the blocks of HTML, PDF and DOCX and their order
- `html/release.css`: the look of HTML and PDF
- `docx/reference.docx`: the Word styles of DOCX output (your house document)
"""

WORKFLOW = """\
# Checks every release and builds drafts on each push; the drafts are kept as an artifact.
name: releases
on: [push, pull_request]
jobs:
  releases:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: >-
          sudo apt-get update &&
          sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
      # The prwriter this project was made with. Until prwriter is published, put its
      # wheel in vendor/ (see prwriter's README); pip takes it from there.
      - run: pip install --find-links vendor/ "prwriter=={version}"
      - run: prwriter check releases/ --format github
      - run: prwriter generate releases/
      - uses: actions/upload-artifact@v4
        with:
          name: drafts
          path: drafts/
"""
