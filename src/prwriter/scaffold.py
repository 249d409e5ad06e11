"""Starting points: a new release project (`prwriter init`) and a new release (`prwriter new`).

Neither ever replaces a file that exists.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from prwriter.errors import InputError, Problem
from prwriter.style.names import slug, without_legal_suffix

SCHEMA_FILE = "release.schema.json"


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


def init_project(folder: Path, company: Company, today: dt.date) -> list[Path]:
    """Scaffold a release project in `folder`; the files written (existing ones are kept)."""
    from prwriter.resources import shipped

    written: list[Path] = []
    c = company
    files = {
        "prwriter.toml": SETTINGS,
        SCHEMA_FILE: (shipped("templates") / "schema" / SCHEMA_FILE).read_text("utf-8"),
        f"boilerplates/companies/{c.id}.yaml": COMPANY.format(
            name=c.name, id=c.id, short=without_legal_suffix(c.name)
        ),
        f"boilerplates/contacts/{c.id}-media.yaml": CONTACT.format(name=c.name),
        f"boilerplates/people/{c.id}-ceo.yaml": PERSON.format(name=c.name),
        f"boilerplates/legal/{c.id}-forward-looking.yaml": LEGAL.format(name=c.name),
        "templates/README.md": TEMPLATES_README,
        ".github/workflows/releases.yml": WORKFLOW,
        ".gitignore": "drafts/\n",
    }
    for name, text in files.items():
        _write_new(folder / name, text, written, folder)
    first = folder / "releases" / "first-release.yaml"
    _write_new(first, release_text(c, today, "../" + SCHEMA_FILE), written, folder)
    return written


def release_text(
    company: Company,
    date: dt.date,
    schema_ref: str | None,
    headline: str | None = None,
    city: str = "New York",
    state: str = "New York",
) -> str:
    head = f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else ""
    return head + RELEASE.format(
        id=company.id,
        name=company.name,
        date=date.isoformat(),
        headline=headline or f"{company.name} Announces Its First Release With prwriter",
        city=city,
        state=state,
    )


def default_release_path(date: dt.date, headline: str | None) -> Path:
    """`releases/DATE-SLUG.yaml` when there is a releases/ folder here, else `DATE-SLUG.yaml`."""
    folder = Path("releases") if Path("releases").is_dir() else Path()
    return folder / f"{date.isoformat()}-{slug(headline or 'new release')}.yaml"


def new_release(
    path: Path, company: Company, date: dt.date, headline: str | None, city: str, state: str
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
    if not create_new(path, release_text(company, date, ref, headline, city, state).encode()):
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
      {name} is a company. Replace this with its boilerplate: what it does, for whom, where,
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
title: chief executive officer of {name}
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
  city: {city}
  state: {state}
companies: [{id}]
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
      - run: pip install prwriter
      - run: prwriter check releases/ --format github
      - run: prwriter generate releases/
      - uses: actions/upload-artifact@v4
        with:
          name: drafts
          path: drafts/
"""
