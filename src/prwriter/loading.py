"""From a release file to a resolved `Release`: validate, look up, parse, apply house style.

Every problem found on the way is collected and reported together, each located in the file
(release or library) where it was written.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from prwriter.errors import InputError, Loc, Problem, closest, quote_list
from prwriter.library import Entry, Library
from prwriter.markup import MarkupError, parse_blocks
from prwriter.model import (
    Block,
    Company,
    CompanyMention,
    Contact,
    ContactGroup,
    Embargo,
    Inline,
    LegalBlock,
    Listing,
    Media,
    Paragraph,
    Person,
    Place,
    Province,
    Quote,
    Release,
    State,
    Text,
)
from prwriter.resources import shipped
from prwriter.schema import (
    CompanyFile,
    CompanyRefInput,
    ContactFile,
    DatelineInput,
    LegalFile,
    PersonFile,
    PersonInput,
    QuotePart,
    ReleaseInput,
)
from prwriter.style.places import (
    find_province,
    find_state,
    needs_region,
    suggest_provinces,
    suggest_states,
)
from prwriter.validation import raise_problems, validate
from prwriter.wires import available_wires, unknown_wire_problem
from prwriter.yaml_source import YamlSource, read_yaml

PROJECT_FILE = "prwriter.yaml"


def find_project(folder: Path) -> Path:
    """The project a release in `folder` belongs to: the nearest folder at or above it
    holding `prwriter.yaml`, else the nearest holding `boilerplates/`, else `folder`."""
    folder = folder.resolve()
    candidates = (folder, *folder.parents)
    for marker, is_there in ((PROJECT_FILE, Path.is_file), ("boilerplates", Path.is_dir)):
        for candidate in candidates:
            if is_there(candidate / marker):
                return candidate
    return folder


@cache
def user_library() -> Path:
    """`boilerplates/` in the user's configuration folder (XDG on Linux, AppData on
    Windows, Application Support on macOS)."""
    import os
    import sys

    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "prwriter" / "boilerplates"


_libraries: dict[tuple[Path, ...], Library] = {}


def library_for(release_dir: Path, project: Path) -> Library:
    """The library a release in `release_dir` sees; shared by releases of the same folders."""
    roots = (
        release_dir / "boilerplates",
        project / "boilerplates",
        user_library(),
        shipped("boilerplates"),
    )
    key = tuple(r.resolve() for r in roots)
    if key not in _libraries:
        _libraries[key] = Library(key)
    return _libraries[key]


def load_release(path: str | Path) -> Release:
    """Read, validate and resolve one release file. Raises InputError listing every problem."""
    path = Path(path)
    source = read_yaml(path)
    facts = validate(ReleaseInput, source)
    project = find_project(path.parent)
    resolver = _Resolver(source, library_for(path.parent.resolve(), project), project)
    return resolver.release(facts, path)


class _Resolver:
    def __init__(self, source: YamlSource, library: Library, project: Path) -> None:
        self.source = source
        self.library = library
        self.project = project
        self.problems: list[Problem] = []

    def fail(self, loc: Loc, message: str) -> None:
        # A one-item shorthand (`contacts: id` for `contacts: [id]`) has no index in the file.
        self.problems.append(self.source.problem(self.source.known_prefix(loc), message))

    def entry(self, kind: str, entry_id: str, loc: Loc, noun: str) -> Entry | None:
        try:
            found = self.library.get(kind, entry_id)
        except InputError as exc:
            self.problems.extend(exc.problems)
            return None
        if found is None:
            known = list(self.library.ids(kind))
            listed = quote_list(closest(entry_id, known)) if known else "none"
            plural = "legal blocks" if kind == "legal" else kind
            self.fail(
                loc,
                f"unknown {noun} '{entry_id}'; known {plural}: {listed} "
                f"(each is a file {kind}/<id>.yaml in a boilerplates/ folder)",
            )
        return found

    def release(self, facts: ReleaseInput, path: Path) -> Release:
        places = self.places(facts)
        media = self.media(facts, path.parent)
        companies = [self.company(ref, i, facts.date) for i, ref in enumerate(facts.companies)]
        body = self.body(facts)
        contacts = [self.contact_group(facts, i) for i in range(len(facts.contacts))]
        legal = [self.legal(entry_id, i) for i, entry_id in enumerate(facts.legal)]
        embargo = self.embargo(facts)
        if facts.wire is not None:
            wires = available_wires(self.project)
            if facts.wire not in wires:
                line, column = self.source.position(("wire",))
                self.problems.append(
                    unknown_wire_problem(
                        facts.wire, list(wires), self.source.display, line, column, "wire"
                    )
                )
        raise_problems(self.problems)
        resolved = [c for c in companies if c is not None]
        body = self.mention_companies(resolved, body)
        raise_problems(self.problems)
        return Release(
            headline=facts.headline,
            subheadlines=facts.subheadlines,
            date=facts.date,
            dateline=places,
            companies=resolved,
            body=body,
            contacts=[g for g in contacts if g is not None],
            legal=[b for b in legal if b is not None],
            source=facts.source or resolved[0].name,
            wire=facts.wire,
            embargo=embargo,
            media=media,
            path=path.resolve(),
            project=self.project,
        )

    def places(self, facts: ReleaseInput) -> list[Place]:
        return [self.place(given, i) for i, given in enumerate(facts.dateline)]

    def place(self, given: DatelineInput, i: int) -> Place:
        state = province = None
        if given.state is not None:
            found = find_state(given.state)
            if found is None:
                near = suggest_states(given.state)
                hint = f"; did you mean {quote_list(near)}?" if near else ""
                self.fail(
                    ("dateline", i, "state"),
                    f"'{given.state}' is not a U.S. state{hint} (for places outside the "
                    "U.S., write `province:` or `country:` instead)",
                )
            else:
                state = State(name=found.name, ap=found.ap, postal=found.postal)
        elif given.province is not None:
            known = find_province(given.province)
            if known is None:
                near = suggest_provinces(given.province)
                hint = f"; did you mean {quote_list(near)}?" if near else ""
                self.fail(
                    ("dateline", i, "province"),
                    f"'{given.province}' is not a Canadian province or territory{hint} "
                    "(elsewhere, write `country:`)",
                )
            else:
                province = Province(name=known.name, postal=known.postal)
        elif given.country is None and needs_region(given.city):
            self.fail(
                ("dateline", i, "city"),
                f"AP writes '{given.city}' with a region; add `state:`, `province:` or "
                "`country:` (only AP's stand-alone cities, such as BOSTON or LONDON, stand alone)",
            )
        return Place(city=given.city, state=state, province=province, country=given.country)

    def media(self, facts: ReleaseInput, release_dir: Path) -> list[Media]:
        found: list[Media] = []
        for i, item in enumerate(facts.media):
            path = (release_dir / item.file).resolve()
            if not path.is_file():
                self.fail(
                    ("media", i, "file"),
                    f"no file '{item.file}' next to the release; give a path relative to it",
                )
                continue
            found.append(Media(path=path, caption=item.caption, credit=item.credit, alt=item.alt))
        return found

    def company(self, ref: str | CompanyRefInput, i: int, date: dt.date) -> Company | None:
        inline = isinstance(ref, CompanyRefInput)
        entry_id = ref.id if isinstance(ref, CompanyRefInput) else ref
        loc: Loc = ("companies", i, "id") if inline else ("companies", i)
        entry = self.entry("companies", entry_id, loc, "company")
        if entry is None:
            return None
        data = entry.data
        assert isinstance(data, CompanyFile)
        about_text = self.about_in_force(entry, data, date, loc)
        if about_text is None:
            return None
        about = self.markdown(about_text, entry.source, ("about",))
        overrides: dict[str, Any] = (
            ref.model_dump(exclude_unset=True, exclude={"id"}) if inline else {}
        )
        name = overrides.pop("name", data.name)
        return Company(
            id=entry_id,
            name=name,
            short_name=overrides.pop("short_name", data.short_name),
            url=overrides.pop("url", data.url),
            listings=[Listing(exchange=x.exchange, symbol=x.symbol) for x in data.listings],
            logo=(entry.source.path.parent / data.logo) if data.logo else None,
            about_heading=data.about_heading or f"About {name}",
            about=about,
            **overrides,
        )

    def about_in_force(
        self, entry: Entry, data: CompanyFile, date: dt.date, loc: Loc
    ) -> str | None:
        if isinstance(data.about, str):
            return data.about
        in_force = [v for v in data.about if v.since <= date]
        if not in_force:
            earliest = min(v.since for v in data.about)
            self.fail(
                loc,
                f"company '{entry.id}' has no About text in force on {date.isoformat()}; "
                f"its earliest version starts {earliest.isoformat()} "
                f"(add an earlier version to {entry.source.display})",
            )
            return None
        return max(in_force, key=lambda v: v.since).text

    def markdown(self, text: str, source: YamlSource, loc: Loc) -> list[Block]:
        try:
            return parse_blocks(text)
        except MarkupError as exc:
            self.problems.append(source.problem(loc, str(exc)))
            return []

    def body(self, facts: ReleaseInput) -> list[Block]:
        blocks: list[Block] = []
        for i, part in enumerate(facts.body):
            if isinstance(part, QuotePart):
                quote = self.quote(part, i)
                if quote is not None:
                    blocks.append(quote)
            else:
                blocks.extend(self.markdown(part, self.source, ("body", i)))
        if not blocks and not self.problems:
            self.fail(("body",), "the body has no text; write at least the lead paragraph")
        return blocks

    def quote(self, part: QuotePart, i: int) -> Quote | None:
        given = part.quote
        loc: Loc = ("body", i, "quote")
        speaker: Person | None
        if isinstance(given.speaker, PersonInput):
            speaker = Person(name=given.speaker.name, title=given.speaker.title)
        else:
            entry = self.entry("people", given.speaker, (*loc, "speaker"), "person")
            if entry is None:
                return None
            person = entry.data
            assert isinstance(person, PersonFile)
            speaker = Person(name=person.name, title=person.title)
        blocks = self.markdown(given.text, self.source, (*loc, "text"))
        if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
            self.fail((*loc, "text"), "a quote is one paragraph of text")
            return None
        return Quote(speaker=speaker, verb=given.verb, children=blocks[0].children)

    def contact_group(self, facts: ReleaseInput, i: int) -> ContactGroup | None:
        group = facts.contacts[i]
        contacts: list[Contact] = []
        for j, contact_id in enumerate(group.contacts):
            loc: Loc = ("contacts", i, "contacts", j)
            entry = self.entry("contacts", contact_id, loc, "contact")
            if entry is not None:
                assert isinstance(entry.data, ContactFile)
                contacts.append(Contact(**entry.data.model_dump()))
        return ContactGroup(label=group.label, contacts=contacts)

    def legal(self, entry_id: str, i: int) -> LegalBlock | None:
        entry = self.entry("legal", entry_id, ("legal", i), "legal block")
        if entry is None:
            return None
        data = entry.data
        assert isinstance(data, LegalFile)
        body = self.markdown(data.text, entry.source, ("text",))
        return LegalBlock(id=entry_id, kind=data.kind, heading=data.heading, body=body)

    def embargo(self, facts: ReleaseInput) -> Embargo | None:
        given = facts.embargo
        if given is None:
            return None
        until = given.until
        if given.timezone is not None:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                zone = ZoneInfo(given.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                self.fail(
                    ("embargo", "timezone"),
                    f"unknown time zone '{given.timezone}'; use an IANA name "
                    "such as America/New_York",
                )
                return None
            until = until.replace(tzinfo=zone) if until.tzinfo is None else until.astimezone(zone)
        elif until.tzinfo is None:
            self.fail(
                ("embargo", "until"),
                "the embargo time has no time zone; add `timezone:` (e.g. America/New_York) "
                "or an offset (e.g. 2014-11-13T08:00-05:00)",
            )
            return None
        return Embargo(until=until, timezone=given.timezone)

    def mention_companies(self, companies: list[Company], body: list[Block]) -> list[Block]:
        """Mark each company's first mention by name in a body paragraph, where the
        writers put its link and ticker."""
        for index, company in enumerate(companies):
            if not (company.link or (company.ticker and company.listings)):
                continue
            placed = _mark_first_mention(body, company.name, index)
            if placed is None:
                field = "link" if company.link else "ticker"
                self.fail(
                    ("companies", index),
                    f"the body never names '{company.name}', so its {field} has no place; "
                    f"mention the company by that name, or set `{field}: false`",
                )
            else:
                body = placed
        return body


def _mark_first_mention(body: list[Block], name: str, company: int) -> list[Block] | None:
    for b, block in enumerate(body):
        if not isinstance(block, Paragraph):
            continue
        for c, child in enumerate(block.children):
            if isinstance(child, Text) and name in child.text:
                before, _, after = child.text.partition(name)
                pieces: list[Inline] = [
                    *([Text(text=before)] if before else []),
                    CompanyMention(company=company, text=name),
                    *([Text(text=after)] if after else []),
                ]
                children = [*block.children[:c], *pieces, *block.children[c + 1 :]]
                return [*body[:b], Paragraph(children=children), *body[b + 1 :]]
    return None
