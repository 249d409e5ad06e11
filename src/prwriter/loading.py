"""From a release file to a resolved `Release`: validate, look up, parse, apply house style.

Every problem found on the way is collected and reported together, each located in the file
(release or library) where it was written. Fields that are wrong in shape are reported by
validation; the fields that are right are still looked up, so one run shows everything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from prwriter.errors import (
    InputError,
    Loc,
    Problem,
    closest,
    did_you_mean,
    format_field_path,
    quote_list,
)
from prwriter.library import Entry, Library
from prwriter.markup import MarkupError, parse_blocks
from prwriter.model import (
    Block,
    Company,
    CompanyMention,
    Contact,
    ContactGroup,
    Embargo,
    Emphasis,
    Inline,
    LegalBlock,
    Link,
    ListBlock,
    Listing,
    Media,
    Paragraph,
    Person,
    Phone,
    Place,
    Province,
    Quote,
    Release,
    Silence,
    State,
    Strong,
    Text,
    Tickers,
)
from prwriter.origins import Origins
from prwriter.paths import check_image
from prwriter.project import Project
from prwriter.schema import (
    CompanyFile,
    CompanyRefInput,
    ContactFile,
    ContactGroupInput,
    DatelineInput,
    EmbargoInput,
    LegalFile,
    LegalRefInput,
    MediaInput,
    PersonFile,
    PersonInput,
    QuotePart,
    ReleaseInput,
    TablePart,
    TranslationInput,
)
from prwriter.settings import setting_position
from prwriter.style.languages import known_language, labels, primary
from prwriter.style.places import (
    find_province,
    find_state,
    needs_region,
    suggest_provinces,
    suggest_states,
)
from prwriter.style.quotes import quote_text_problem
from prwriter.tables import resolve_table
from prwriter.validation import raise_problems, validate_fields
from prwriter.wires import unknown_wire_problem
from prwriter.yaml_source import YamlSource, parse_yaml, read_yaml

# Limits on a release body (documented in SECURITY.md): a real release has a few dozen
# blocks; these keep a runaway file from taking minutes and gigabytes to render.
MAX_BLOCKS = 1000
MAX_LIST_ITEMS = 1000

TICKERS = "{tickers}"
# Release fields a translation gives in its own words.
_TRANSLATED = frozenset({"headline", "subheadlines", "body", "source"})


def load_release(
    path: str | Path,
    overrides: Mapping[str, str] | None = None,
    project: Project | None = None,
    language: str | None = None,
) -> Release:
    """Read, validate and resolve one release file. `overrides` replace fields by dotted
    path (`{"headline": "...", "dateline.city": "Boston"}`); each value is read as YAML.
    `project` defaults to the release's own; `language` picks one of its `translations:`
    (`Release.translations` lists them). Raises InputError listing every problem."""
    return load_with_origins(path, overrides, project, language)[0]


def load_with_origins(
    path: str | Path,
    overrides: Mapping[str, str] | None = None,
    project: Project | None = None,
    language: str | None = None,
) -> tuple[Release, Origins]:
    """`load_release`, and where each part of the release was written. `language` names
    one of the file's `translations:`: its words with the file's shared facts."""
    path = Path(path)
    source = read_yaml(path)
    set_problems = [_override(source, key, value) for key, value in (overrides or {}).items()]
    fields, problems = validate_fields(ReleaseInput, source)
    if project is None:
        project = Project.find(path.parent)
    settings = project.settings
    resolver = _Resolver(source, project.library(path.parent), project)
    translations: dict[str, TranslationInput] = fields.pop("translations", None) or {}
    if language is not None:
        # BCP 47 tags are case-insensitive: fr-ca is the file's fr-CA.
        language = next((t for t in translations if t.casefold() == language.casefold()),
                        language)  # fmt: skip
    if language is not None and language in translations:
        # The translation's words replace the original's; the facts stay shared.
        translation = translations[language]
        for key in translation.model_fields_set | {"subheadlines"}:
            fields[key] = getattr(translation, key)
        fields["language"] = language
        resolver.translation = language
        # Findings on the translation's words point at them, not at the original's.
        where: Loc = ("translations", language)
        resolver.origins.add(("language",), source, where)
        for key in ("headline", "source", "body"):
            resolver.origins.add((key,), source, (*where, key))
        for i in range(len(translation.subheadlines)):
            resolver.origins.add(("subheadlines", i), source, (*where, "subheadlines", i))
    elif language is not None:
        raise InputError(
            [source.problem(("translations",), f"the release has no {language} translation")]
        )
    fields["translations"] = list(translations) if language is None else []
    resolver.problems.extend(p for p in set_problems if p is not None)
    resolver.problems.extend(problems)
    if fields.get("wire") is None and settings.wire and "wire" not in {p.field for p in problems}:
        known = project.wire_files()
        if settings.wire in known:
            fields["wire"] = settings.wire
        else:
            file, line = setting_position(project.folder, "wire")
            resolver.problems.append(
                unknown_wire_problem(settings.wire, list(known), file, line, 1, "wire")
            )
    return resolver.release(fields, path), resolver.origins


def _override(source: YamlSource, key: str, value: str) -> Problem | None:
    """Apply one `--set key=value`; a Problem when the key leads nowhere."""
    parsed: Any = value
    try:
        data = parse_yaml(value, path=Path("--set"), display="--set").data
    except InputError:
        data = value  # not YAML on its own: the text as typed
    # Only flow collections ([a, b], {k: v}) and plain scalars are read as YAML; text that
    # merely looks like a mapping ("Re: the plan") stays text.
    if not isinstance(data, dict | list) or value.lstrip().startswith(("[", "{")):
        parsed = data
    try:
        source.override(key, parsed)
    except ValueError as exc:
        return Problem("--set", 0, 0, key, str(exc))
    return None


class _Resolver:
    def __init__(self, source: YamlSource, library: Library, project: Project) -> None:
        self.source = source
        self.library = library
        self.project = project
        self.problems: list[Problem] = []
        # The people file of the quote being read, when its speaker is named by id.
        self.speaker_file: YamlSource | None = None
        # Where each part of the Release was written: checks point their findings there.
        self.origins = Origins(source)
        # The copy's language: it names the About heading and a quote's default verb.
        self.language = "en-US"
        # The translation being read (a tag of `translations:`), or None for the original.
        self.translation: str | None = None

    def at(self, loc: Loc) -> Loc:
        """Where `loc` is written: a translation's words sit under `translations.<tag>`."""
        if self.translation and loc and loc[0] in _TRANSLATED:
            return ("translations", self.translation, *loc)
        return loc

    def translated(self, versions: Mapping[str, Any]) -> Any:
        """A library entry's version in the copy's language (its exact tag, else its
        language), or None. A release written in French takes the French About text too;
        only a translation must find one (`missing`)."""
        by_key = {key.lower(): value for key, value in versions.items()}
        tag = self.language.lower()
        return by_key.get(tag, by_key.get(primary(tag)))

    def missing(self, source: YamlSource, loc: Loc, what: str, example: str) -> None:
        """A translation the library lacks: located in the library file."""
        message = (
            f"no {self.translation} version of {what}; add `translations: "
            f"{{{primary(self.translation or '')}: {example}}}` to {source.display}"
        )
        self.problems.append(source.problem(source.known_prefix(loc), message))

    def fail(self, loc: Loc, message: str) -> None:
        # A one-item shorthand (`contacts: id` for `contacts: [id]`) has no index in the file.
        loc = self.at(loc)
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
            hint = did_you_mean(entry_id, known) or ";"
            self.fail(
                loc,
                f"unknown {noun} '{entry_id}'{hint} known {plural}: {listed} "
                f"(each is a file {kind}/<id>.yaml in a boilerplates/ folder)",
            )
        return found

    def release(self, fields: dict[str, Any], path: Path) -> Release:
        date: dt.date | None = fields.get("date")
        self.language = fields.get("language") or self.language
        # A value that is no tag at all was reported by validation already.
        is_tag = re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", self.language)
        if is_tag and not known_language(self.language):
            where: Loc = ("translations", self.translation) if self.translation else ("language",)
            self.fail(
                where,
                f"no dates or labels are known for the language of '{self.language}'; write a "
                "BCP 47 tag CLDR knows, such as en-US, fr-CA, de-DE or es",
            )
        places = [self.place(p, i) for i, p in enumerate(fields.get("dateline", []))]
        companies = [
            self.company(ref, i, date) for i, ref in enumerate(fields.get("companies", []))
        ]
        body = self.body(fields["body"]) if "body" in fields else []
        contacts = [self.contact_group(g, i) for i, g in enumerate(fields.get("contacts", []))]
        legal = [self.legal(entry_id, i) for i, entry_id in enumerate(fields.get("legal", []))]
        embargo = self.embargo(fields.get("embargo"))
        media = self.media(fields.get("media", []), path.parent)
        self.check_wire(fields.get("wire"))
        resolved = [c for c in companies if c is not None]
        if body and resolved:
            # Problems point at the company as the file lists it, even after one failed.
            given_at = [i for i, c in enumerate(companies) if c is not None]
            body = self.mention_companies(resolved, given_at, body)
        raise_problems(self.problems)
        # Every field was validated already; build the model without validating again.
        facts = ReleaseInput.model_construct(**fields)
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
            silenced=self.silenced(facts),
            language=facts.language,
            translations=fields.get("translations", []),
            draft=facts.draft,
            path=path.resolve(),
        )

    # --- dateline ----------------------------------------------------------------------

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
                f"AP writes '{given.city}' with its region; add `state:`, `province:` or "
                "`country:` (only AP's stand-alone cities, such as BOSTON or LONDON, "
                "stand alone)",
            )
        return Place(city=given.city, state=state, province=province, country=given.country)

    # --- companies ---------------------------------------------------------------------

    def company(self, ref: str | CompanyRefInput, i: int, date: dt.date | None) -> Company | None:
        inline = isinstance(ref, CompanyRefInput)
        entry_id = ref.id if isinstance(ref, CompanyRefInput) else ref
        loc: Loc = ("companies", i, "id") if inline else ("companies", i)
        entry = self.entry("companies", entry_id, loc, "company")
        if entry is None:
            return None
        data = entry.data
        assert isinstance(data, CompanyFile)
        overrides: dict[str, Any] = (
            ref.model_dump(exclude_unset=True, exclude={"id"})
            if isinstance(ref, CompanyRefInput)
            else {}
        )
        about: list[Block] = []
        about_text: str | None = ""
        version = self.translated(data.translations)
        if data.about is not None and overrides.pop("about", True):
            about_text, about_loc = self.about_in_force(entry, data, date, loc)
            if version is not None and version.about is not None:
                key = next(k for k in data.translations if data.translations[k] is version)
                about_text, about_loc = version.about, ("translations", key, "about")
            elif self.translation:
                self.missing(entry.source, ("about",), f"the About text of '{entry_id}'",
                             "{about: ...}")  # fmt: skip
            about = _place_tickers(self.markdown(about_text or "", entry.source, about_loc), i)
            self.origins.add(("companies", i, "about"), entry.source, about_loc)
        name = overrides.pop("name", data.name)
        url = overrides.pop("url", data.url)
        if overrides.get("link") and not url:
            self.fail(
                ("companies", i, "link"),
                f"company '{entry_id}' has no url to link to; add `url:` to "
                f"{entry.source.display} or here, or remove `link: true`",
            )
        logo = None
        if data.logo:
            logo = entry.source.path.parent / data.logo
            why = check_image(logo, self.image_roots(entry.source.path.parent))
            if why:
                self.problems.append(
                    entry.source.problem(("logo",), f"cannot use '{data.logo}': {why}")
                )
        if about_text is None:
            return None
        return Company(
            id=entry_id,
            name=name,
            short_name=overrides.pop("short_name", data.short_name),
            mention=overrides.pop("mention", (version and version.mention) or data.mention),
            url=url,
            listings=[Listing(exchange=x.exchange, symbol=x.symbol) for x in data.listings],
            logo=logo.resolve() if logo else None,
            about_heading=(version and version.about_heading)
            or data.about_heading
            or labels(self.language).about.format(name=name),
            ticker_spacing=data.ticker_spacing,
            about=about,
            **overrides,
        )

    def about_in_force(
        self, entry: Entry, data: CompanyFile, date: dt.date | None, loc: Loc
    ) -> tuple[str | None, Loc]:
        """The About text in force on `date`, and where it is written in the company file."""
        if data.about is None or isinstance(data.about, str):
            return data.about, ("about",)
        in_force = [
            (v.since, i) for i, v in enumerate(data.about) if date is None or v.since <= date
        ]
        if not in_force:
            earliest = min(v.since for v in data.about)
            self.fail(
                loc,
                f"company '{entry.id}' has no About text in force on {date}; "
                f"its earliest version starts {earliest.isoformat()} "
                f"(add an earlier version to {entry.source.display})",
            )
            return None, ("about",)
        _, index = max(in_force)
        return data.about[index].text, ("about", index, "text")

    # --- copy --------------------------------------------------------------------------

    def markdown(self, text: str, source: YamlSource, loc: Loc) -> list[Block]:
        try:
            if source is self.source:
                # A release's own copy belongs to it alone: kept for the whole batch, each
                # release's would add to its memory and never be asked for again.
                return parse_blocks(text)
            # Parsed once per text and project run: a library text (an About, a legal block)
            # recurs in every release of a batch. The blocks are frozen; the list is copied.
            return list(self.project.memo(("markdown", text), lambda: parse_blocks(text)))
        except MarkupError as exc:
            loc = source.known_prefix(loc)
            if source.set_on_command_line(loc):
                self.problems.append(source.problem(loc, str(exc)))
                return []
            line, column = source.text_position(loc, exc.line)
            self.problems.append(
                Problem(source.display, line, column, format_field_path(loc), str(exc))
            )
            return []

    def body(self, parts: list[str | QuotePart | TablePart]) -> list[Block]:
        blocks: list[Block] = []
        items = 0
        for i, part in enumerate(parts):
            if isinstance(part, QuotePart):
                quote = self.quote(part, i)
                found: list[Block] = [quote] if quote is not None else []
                if quote is not None and self.speaker_file is not None:
                    self.origins.speakers[len(blocks)] = self.speaker_file
            elif isinstance(part, TablePart):
                table, problems = resolve_table(part.table)
                for loc, message in problems:
                    self.fail(("body", i, "table", *loc), message)
                found = [table] if table is not None else []
            else:
                found = self.markdown(part, self.source, self.at(("body", i)))
            for block in found:
                self.origins.add(("body", len(blocks)), self.source, self.at(("body", i)))
                blocks.append(block)
                if isinstance(block, ListBlock):
                    items += len(block.items)
                    if items > MAX_LIST_ITEMS:
                        self.fail(("body", i), _too_many(f"{MAX_LIST_ITEMS:,} list items"))
                        return []
            if len(blocks) > MAX_BLOCKS:
                what = f"{MAX_BLOCKS:,} paragraphs, headings, lists and quotes"
                self.fail(("body", i), _too_many(what))
                return []
        if blocks and not isinstance(blocks[0], Paragraph):
            self.fail(
                ("body", 0),
                "the body must open with the lead paragraph, which carries the dateline; "
                "move subheads, lists and quotes after it",
            )
        return blocks

    def quote(self, part: QuotePart, i: int) -> Quote | None:
        given = part.quote
        loc: Loc = ("body", i, "quote")
        self.speaker_file = None
        speaker: Person | None
        if isinstance(given.speaker, PersonInput):
            speaker = Person(
                name=given.speaker.name,
                title=given.speaker.title,
                last_name=given.speaker.last_name,
            )
        else:
            entry = self.entry("people", given.speaker, (*loc, "speaker"), "person")
            if entry is None:
                return None
            person = entry.data
            assert isinstance(person, PersonFile)
            self.speaker_file = entry.source
            title = person.title
            version = self.translated(person.translations)
            if version is not None and version.title is not None:
                title = version.title
            elif self.translation and title is not None and given.title is None:
                self.missing(entry.source, ("title",), f"the title of '{given.speaker}'",
                             "{title: ...}")  # fmt: skip
            speaker = Person(name=person.name, title=title, last_name=person.last_name)
        if given.title is not None:
            speaker = speaker.model_copy(update={"title": given.title})
        problem = quote_text_problem(given.text)
        if problem:
            self.fail((*loc, "text"), problem)
            return None
        words = {
            field: self.paragraph(text, (*loc, field))
            for field, text in (("text", given.text), ("before", given.before),
                                ("after", given.after))
            if text is not None
        }  # fmt: skip
        if any(found is None for found in words.values()):
            return None
        return Quote(
            speaker=speaker,
            verb=given.verb or labels(self.language).quote_verb,
            children=words["text"] or [],
            form=given.form,
            before=words.get("before") or [],
            after=words.get("after") or [],
        )

    def paragraph(self, text: str, loc: Loc) -> list[Inline] | None:
        """One paragraph of Markdown as inline content; None (reported) otherwise."""
        blocks = self.markdown(text, self.source, self.at(loc))
        if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
            if blocks:
                self.fail(loc, f"a quote's {loc[-1]} is one paragraph of text")
            return None
        return blocks[0].children

    def contact_group(self, group: ContactGroupInput, i: int) -> ContactGroup | None:
        contacts: list[Contact] = []
        for j, contact_id in enumerate(group.contacts):
            entry = self.entry("contacts", contact_id, ("contacts", i, "contacts", j), "contact")
            if entry is not None:
                assert isinstance(entry.data, ContactFile)
                self.origins.add(("contacts", i, "contacts", len(contacts)), entry.source, ())
                contacts.append(_contact(entry.data))
        label = group.label
        if self.translation:
            label = self.translated(group.translations)
            if label is None:
                self.fail(
                    ("contacts", i, "label"),
                    f"no {self.translation} version of the label '{group.label}'; add "
                    f"`translations: {{{self.translation}: ...}}` beside it",
                )
                label = group.label
        return ContactGroup(label=label, contacts=contacts)

    def legal(self, ref: str | LegalRefInput, i: int) -> LegalBlock | None:
        entry_id = ref if isinstance(ref, str) else ref.id
        loc: Loc = ("legal", i) if isinstance(ref, str) else ("legal", i, "id")
        entry = self.entry("legal", entry_id, loc, "legal block")
        if entry is None:
            return None
        data = entry.data
        assert isinstance(data, LegalFile)
        text, heading = data.text, data.heading
        text_loc: Loc = ("text",)
        version = self.translated(data.translations)
        if version is not None:
            text, heading = version.text, version.heading
            key = next(k for k in data.translations if data.translations[k] is version)
            text_loc = ("translations", key, "text")
        elif self.translation:
            self.missing(entry.source, ("text",), f"legal block '{entry_id}'", "{text: ...}")
        body = self.markdown(text, entry.source, text_loc)
        self.origins.add(("legal", i), entry.source, text_loc)
        before = not isinstance(ref, str) and ref.before_about
        return LegalBlock(id=entry_id, kind=data.kind, heading=heading, body=body,
                          before_about=before)  # fmt: skip

    # --- timing, media, wire -----------------------------------------------------------

    def embargo(self, given: EmbargoInput | None) -> Embargo | None:
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
            try:
                until = (
                    until.replace(tzinfo=zone) if until.tzinfo is None else until.astimezone(zone)
                )
                until.utcoffset()
            except OverflowError:
                self.fail(("embargo", "until"), "the embargo time is out of range")
                return None
            if given.until.tzinfo is None:
                why = _local_time_problem(until, given.timezone)
                if why:
                    self.fail(("embargo", "until"), why)
                    return None
        elif until.tzinfo is None:
            self.fail(
                ("embargo", "until"),
                "the embargo time has no time zone; add `timezone:` (e.g. America/New_York) "
                "or an offset (e.g. 2014-11-13T08:00-05:00)",
            )
            return None
        return Embargo(until=until, timezone=given.timezone)

    def image_roots(self, release_dir: Path) -> list[Path]:
        return [self.project.folder, release_dir, *self.library.allowed]

    def media(self, items: list[MediaInput], release_dir: Path) -> list[Media]:
        found: list[Media] = []
        for i, item in enumerate(items):
            path = release_dir / item.file
            why = check_image(path, self.image_roots(release_dir))
            if why:
                self.fail(("media", i, "file"), f"cannot use '{item.file}': {why}")
                continue
            found.append(
                Media(path=path.resolve(), caption=item.caption, credit=item.credit, alt=item.alt)
            )
        return found

    def silenced(self, facts: ReleaseInput) -> list[Silence]:
        # Which rules exist is the checks' business: they refuse unknown ones when they run.
        return [Silence(rule=c.rule, field=c.field, reason=c.reason) for c in facts.checks or []]

    def check_wire(self, wire: str | None) -> None:
        if wire is None:
            return
        wires = self.project.wire_files()
        if wire not in wires:
            line, column = self.source.position(("wire",))
            file = self.source.display
            if self.source.set_on_command_line(("wire",)):
                file, line, column = "--set", 0, 0
            self.problems.append(
                unknown_wire_problem(wire, list(wires), file, line, column, "wire")
            )

    # --- first mentions ----------------------------------------------------------------

    def mention_companies(
        self, companies: list[Company], given_at: list[int], body: list[Block]
    ) -> list[Block]:
        """Mark each company's first mention in the body's paragraphs and list items (not in
        quotes, headings or link text), where writers put its link and ticker. The mention
        is found by the company's first-mention form, its name or its short name, and is
        written in the first-mention form when it has one."""
        for index, company in enumerate(companies):
            if not (company.link or (company.ticker and company.listings)):
                continue
            forms = [f for f in (company.mention, company.name, company.short_name) if f]
            placed = _mark_first_mention(body, forms, index, company.mention)
            if placed is None:
                field = "link" if company.link else "ticker"
                names = " or ".join(f"'{f}'" for f in dict.fromkeys(forms))
                self.fail(
                    ("companies", given_at[index]),
                    f"the body never names {names} outside quotes, headings and links, so "
                    f"its {field} has no place; write '{company.name}' in a body paragraph, "
                    f"or set `{field}: false`",
                )
            else:
                body = placed
        return body


def _local_time_problem(moment: dt.datetime, zone: str) -> str | None:
    """Why a wall-clock time in `zone` does not name one moment: it falls in the hour the
    clocks skip, or in the hour they repeat."""
    shown = moment.strftime("%Y-%m-%d %H:%M")
    back = moment.astimezone(dt.UTC).astimezone(moment.tzinfo)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return (
            f"{shown} does not exist in {zone}: the clocks skip it that day; "
            "choose a time outside the skipped hour"
        )
    first, second = moment.replace(fold=0), moment.replace(fold=1)
    if first.utcoffset() != second.utcoffset():
        return (
            f"{shown} happens twice in {zone}, as the clocks go back; write the time with "
            f"its offset: {first.isoformat(timespec='minutes')} or "
            f"{second.isoformat(timespec='minutes')}"
        )
    return None


def _too_many(what: str) -> str:
    return f"more than {what} in the body, the most a release may have; split the release"


def _contact(data: ContactFile) -> Contact:
    phones = [data.phone] if data.phone else []
    return Contact(
        organization=data.organization,
        name=data.name,
        title=data.title,
        phones=[
            Phone(number=p) if isinstance(p, str) else Phone(number=p.number, label=p.label)
            for p in [*phones, *data.phones]
        ],
        emails=[*([data.email] if data.email else []), *data.emails],
        web=data.web,
        text=data.text,
    )


def _place_tickers(blocks: list[Block], company: int) -> list[Block]:
    """`{tickers}` in an About text becomes the company's listings, written by each writer."""

    def inline(children: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for child in children:
            if isinstance(child, Text) and TICKERS in child.text:
                parts = child.text.split(TICKERS)
                for n, part in enumerate(parts):
                    if n:
                        out.append(Tickers(company=company))
                    if part:
                        out.append(Text(text=part))
            elif isinstance(child, Emphasis | Strong | Link):
                out.append(child.model_copy(update={"children": inline(child.children)}))
            else:
                out.append(child)
        return out

    placed: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            placed.append(Paragraph(children=inline(block.children)))
        elif isinstance(block, ListBlock):
            placed.append(block.model_copy(update={"items": [inline(i) for i in block.items]}))
        else:
            placed.append(block)
    return placed


def _mark_first_mention(
    body: list[Block], forms: list[str], company: int, written: str | None
) -> list[Block] | None:
    # The longest form first, so "Acme, Inc." wins over "Acme" at the same place.
    alternatives = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    for b, block in enumerate(body):
        if isinstance(block, Paragraph):
            children = _mark_in(block.children, pattern, company, written)
            if children is not None:
                return [*body[:b], Paragraph(children=children), *body[b + 1 :]]
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items):
                children = _mark_in(item, pattern, company, written)
                if children is not None:
                    items = [*block.items[:n], children, *block.items[n + 1 :]]
                    changed = ListBlock(ordered=block.ordered, start=block.start, items=items)
                    return [*body[:b], changed, *body[b + 1 :]]
    return None


def _mark_in(
    children: list[Inline], pattern: re.Pattern[str], company: int, written: str | None
) -> list[Inline] | None:
    """`children` with the first match split out as a CompanyMention, or None."""
    for c, child in enumerate(children):
        replaced: list[Inline] | None = None
        if isinstance(child, Text):
            match = pattern.search(child.text)
            if match:
                before, after = child.text[: match.start()], child.text[match.end() :]
                replaced = [
                    *([Text(text=before)] if before else []),
                    CompanyMention(company=company, text=written or match.group()),
                    *([Text(text=after)] if after else []),
                ]
        elif isinstance(child, Emphasis | Strong):
            inner = _mark_in(child.children, pattern, company, written)
            if inner is not None:
                replaced = [type(child)(children=inner)]
        if replaced is not None:
            return [*children[:c], *replaced, *children[c + 1 :]]
    return None
