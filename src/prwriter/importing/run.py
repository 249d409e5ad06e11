"""One import run: each source read in the wire form that reproduces it best, its facts
given ids in the growing library, the release written, loaded and rendered again to
measure what it reproduces, and every file written only when all sources are read."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import difflib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.errors import InputError, Problem, display_path
from prwriter.importing.catalog import Catalog
from prwriter.importing.draft import Draft
from prwriter.importing.languages import read_tags

if TYPE_CHECKING:
    from prwriter.importing.docx import DocxCopy
from prwriter.importing.quotes import FoundQuote
from prwriter.importing.reading import problem, read_text
from prwriter.importing.wiretables import tabular
from prwriter.importing.wiretext import WireTextReader
from prwriter.library import Library
from prwriter.project import Project
from prwriter.style.languages import labels, primary
from prwriter.wires import WireProfile, for_language
from prwriter.writers import RenderOptions
from prwriter.writers.text import ASCII_WRAP
from prwriter.writers.text import write as write_text

SUFFIXES = (".txt", ".md", ".docx")
# Characters JSON writes raw that a YAML reader refuses (C1 controls) or takes for a
# line break: the staged copy escapes them as YAML's double-quoted strings allow.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _special_files(folder: str, names: list[str]) -> set[str]:
    """A named pipe, socket or device among a project's profiles: not copied (reading a
    pipe would wait for a writer). Links are copied as links, for the project to refuse."""
    found = set()
    for name in names:
        path = Path(folder) / name
        if not (path.is_symlink() or path.is_dir() or path.is_file()):
            found.add(name)
    return found


@dataclass(frozen=True, slots=True)
class ImportedRelease:
    """One source: where its release went, the wire profile read, and how many of its
    text lines the release, rendered again, reproduces."""

    source: Path
    release: Path
    wire: str
    lines: int
    reproduced: int
    ascii: bool = False
    # Profile settings the copy's forms needed (prwriter.importing.house).
    house: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportResult:
    """An import's releases, the files written and `FILE:LINE: what` for everything that
    was not recognized or not reproduced."""

    releases: list[ImportedRelease] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def normalize(text: str) -> str:
    """Copy as a wire profile writes it: no trailing spaces, one blank line between blocks,
    one newline at the end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


class StagingProject(Project):
    """The project an import checks its releases in. A Project reads its library once per
    run; this one reads it again after the import changed an entry, and keeps its wire
    profiles and compiled templates."""

    stale = False

    def __init__(self, root: Path, *, user_library: Path) -> None:
        super().__init__(root, user_library=user_library)
        # A profile with the settings a source is being read with, by name.
        self.house: dict[str, WireProfile] = {}

    def wire(self, name: str, language: str | None = None) -> WireProfile:
        if name in self.house:
            profile = self.house[name]
            return for_language(profile, language) if language else profile
        return super().wire(name, language)

    def library(self, release_dir: Path) -> Library:
        if self.stale:
            self.forget_library()
            self.stale = False
        return super().library(release_dir)


class Importer:
    def __init__(
        self, output_dir: Path, *, wire: str | None, force: bool, date: dt.date | None
    ) -> None:
        self.out = output_dir
        self.wire = wire
        self.force = force
        self.date = date
        self.catalog = Catalog.read(output_dir) if output_dir.is_dir() else Catalog()
        self.existing = {
            (kind, entry_id) for kind, found in self.catalog.entries.items() for entry_id in found
        }
        self.stage = Path(tempfile.mkdtemp(prefix="prwriter-import-"))
        try:
            wires = output_dir / "templates" / "wires"
            if wires.is_dir() and not wires.is_symlink():
                shutil.copytree(wires, self.stage / "templates" / "wires", symlinks=True,
                                ignore=_special_files)  # fmt: skip
            settings = output_dir / "prwriter.toml"
            if settings.is_file() and not settings.is_symlink():
                shutil.copyfile(settings, self.stage / "prwriter.toml")
        except BaseException:
            shutil.rmtree(self.stage, ignore_errors=True)
            raise
        self.project = StagingProject(self.stage, user_library=self.stage / "no-user-library")
        self.releases: dict[Path, dict[str, Any]] = {}
        self.matchers: dict[tuple[str, str | None, bool, bool], WireTextReader] = {}
        self.binaries: dict[Path, bytes] = {}
        self.staged: dict[Path, str] = {}
        self.library_changed = False
        # Each text source's copy, and the house settings each wire's profile gets.
        self.texts: dict[Path, str] = {}
        self.votes: dict[Path, dict[str, Any]] = {}
        self.settled: dict[str, dict[str, Any]] = {}
        # The folder's own library is what the imported releases are checked against.
        for kind, found in self.catalog.entries.items():
            for entry_id, data in found.items():
                self._stage_file(self.stage / "boilerplates" / kind / f"{entry_id}.yaml", data)
        self.result = ImportResult()

    def as_written(self, problem: Problem) -> Problem:
        """`problem` with a staged file's path as the file in the output folder."""
        staged = str(self.stage)
        if not problem.file.startswith(staged):
            return problem
        file = display_path(self.out / Path(problem.file).relative_to(self.stage))
        return dataclasses.replace(problem, file=file)

    def close(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)

    # --- one source ----------------------------------------------------------------------

    def add(self, path: Path) -> None:
        word: DocxCopy | None = None
        loose = False
        # The copy unwrapped, when it is ASCII at 80 columns, and its lines' first lines.
        folded_text, folded_lines = "", dict[int, int]()
        markdown = path.suffix.lower() == ".md"
        if path.suffix.lower() in (".docx", ".md"):
            from prwriter.importing.docx import read_docx
            from prwriter.importing.markdown import read_markdown

            # Word and Markdown are the print copy: read as the print profile's text.
            word = read_markdown(path) if markdown else read_docx(path)
            text = word.text
            wires = self._candidates(text, loose=False, names=["print"]) or [("print", None)]
        else:
            text = read_text(path)
            wires = self._forced(text) if self.wire else self._candidates(text, loose=False)
            # Copy reprinted by a syndicator (other dashes, the lead on its own line).
            loose = not wires and not self.wire
            wires = wires or self._candidates(text, loose=True)
            # A wire's dateline with an older name in its tag (/Canada NewsWire/).
            wires = wires or [(name, None) for name in self._retagged(text)]
            if _folded(text):
                folded_text, folded_lines = unwrap(text, ASCII_WRAP)
                folded_wires = (
                    self._forced(folded_text, folded=True)
                    if self.wire
                    else self._candidates(folded_text, loose=False, folded=True)
                )
                readings = [(*found, False) for found in wires]
                readings += [(*found, True) for found in folded_wires]
                wires = wires or folded_wires
        if self.wire and word is None:
            known = self.project.wire_files()
            if self.wire not in known:
                raise problem(
                    path, f"unknown wire profile '{self.wire}'; known: {', '.join(sorted(known))}"
                )
        if not wires:
            raise problem(
                path,
                "no dateline in the form of any wire profile; name the profile with --wire",
                1,
            )
        stem = _safe_stem(path)
        target = self.stage / f"{stem}.yaml"
        if target in self.releases:
            raise problem(path, f"another source is also imported as {stem}.yaml; rename one")
        best: (
            tuple[tuple[int, int, int], Catalog, ImportedRelease, dict[str, Any], list[str]] | None
        ) = None
        saved = self.catalog
        failed: InputError | None = None
        if not folded_text:
            readings = [(*found, False) for found in wires]
        for name, language, folded, settings in self._with_house(readings, text, folded_text, word):
            self.catalog = copy.deepcopy(saved)
            self.project.house.pop(name, None)
            if settings:
                self.project.house[name] = _updated(self.project.wire(name), settings)
            wire = self.project.wire(name, language)
            # A dateline the house writes as printed is read exactly.
            exact = "dateline" in settings
            reader = WireTextReader(
                wire, name, loose=loose and not exact, folded=folded, language=language
            )
            if word is not None:
                reader.markdown, reader.tables = word.markdown, word.tables
            try:
                draft = reader.read(folded_text if folded else text, path, self.date)
                if folded:
                    draft.notes = [(folded_lines.get(n, n), w) for n, w in draft.notes]
                if word is not None:
                    draft.notes = [(word.paragraph_of_line.get(n, n), w) for n, w in draft.notes]
                facts, notes = self._facts(draft)
                if word is not None:
                    facts.pop("wire")
                    if not markdown:
                        self._media(facts, word, target.stem)
            except InputError as exc:
                # A reading with house settings got further than the profile's own.
                failed = exc if failed is None or settings else failed
                self.project.house.pop(name, None)
                continue
            if markdown:
                imported, more = self._verify_markdown(path, target, facts)
            elif word is not None:
                imported, more = self._verify_docx(path, target, word, facts)
            else:
                imported, more = self._verify(path, target, name, text, facts, folded=folded)
            self.project.house.pop(name, None)
            imported = dataclasses.replace(imported, house=settings)
            # Ties go to the reading with fewer notes (a place read as a place), then to
            # the one with more of the forms the copy shows (a listing read as a listing).
            score = (imported.reproduced, -len(notes) - len(more), len(settings))
            if best is None or score > best[0]:
                best = (score, self.catalog, imported, facts, notes + more)
        if best is None:
            self.catalog = saved
            assert failed is not None
            raise failed
        self.catalog = best[1]
        self._stage_library()
        self.releases[target] = best[3]
        self.result.releases.append(best[2])
        self.result.notes.extend(best[4])
        if word is None:
            from prwriter.importing.house import language_votes, votes

            self.texts[path] = text
            read = folded_text if best[2].ascii else text
            year = self.date.year if self.date else None
            base = self.project.wire(best[2].wire)
            # The house forms are read from English copy: the profile's English settings;
            # copy in another language speaks for that language's settings.
            if "language" not in best[3]:
                self.votes[path] = votes(read, base, date_year=year)
            elif not best[2].ascii:
                self.votes[path] = language_votes(read, base, best[3]["language"])

    def _retagged(self, text: str) -> list[str]:
        from prwriter.importing.house import retagged

        return [
            n for n in sorted(self.project.wire_files()) if retagged(text, self.project.wire(n))
        ]

    def _with_house(
        self,
        readings: list[tuple[str, str | None, bool]],
        text: str,
        folded_text: str,
        word: DocxCopy | None,
    ) -> list[tuple[str, str | None, bool, dict[str, Any]]]:
        """Each reading as the profile has it, then with the settings its forms suggest
        (copy in another language: those of its language's settings, its French spacing)."""
        from prwriter.importing.house import language_readings
        from prwriter.importing.house import readings as house_readings

        out: list[tuple[str, str | None, bool, dict[str, Any]]] = []
        year = self.date.year if self.date else None
        for name, language, folded in readings:
            copy_text = folded_text if folded else text
            # Copy folded to ASCII prints every space alike: its spacing is no setting's.
            if word is not None or (language is not None and folded):
                out.append((name, language, folded, {}))
                continue
            if language is not None:
                for settings in language_readings(copy_text, self.project.wire(name), language):
                    out.append((name, language, folded, settings))
                continue
            for settings in house_readings(copy_text, self.project.wire(name), date_year=year):
                out.append((name, language, folded, settings))
        return out

    def _candidates(
        self, text: str, *, loose: bool, folded: bool = False, names: list[str] | None = None
    ) -> list[tuple[str, str | None]]:
        """(profile, language tag) for each profile whose dateline the copy has, in the
        language it has it in: English (None) or one the importer reads."""
        found: list[tuple[str, str | None]] = []
        for name in names or sorted(self.project.wire_files()):
            for language in [*read_tags(), None]:
                key = (name, language, loose, folded)
                reader = self.matchers.get(key)
                if reader is None:
                    wire = self.project.wire(name, language)
                    reader = WireTextReader(
                        wire, name, loose=loose, folded=folded, language=language
                    )
                    # Built once a run: matching keeps no state.
                    self.matchers[key] = reader
                if reader.matches(text):
                    found.append((name, language))
                    break  # a language's own forms first; English when none is there
        return found

    def _forced(self, text: str, *, folded: bool = False) -> list[tuple[str, str | None]]:
        """The profile --wire names, in the language the copy has it in (English when the
        copy matches none)."""
        assert self.wire is not None
        if self.wire not in self.project.wire_files():
            return [(self.wire, None)]
        return self._candidates(text, loose=False, folded=folded, names=[self.wire]) or [
            (self.wire, None)
        ]

    # --- facts with library ids ----------------------------------------------------------

    def _facts(self, draft: Draft) -> tuple[dict[str, Any], list[str]]:
        shown = display_path(draft.path)
        notes = [f"{shown}:{line}: {what}" for line, what in draft.notes]
        if not draft.dateline:
            # A profile named with --wire whose dateline the copy does not have.
            line = draft.notes[0][0] if draft.notes else 1
            raise problem(
                draft.path,
                f"no dateline in the form of the '{draft.wire}' profile"
                + (f" in {draft.language}" if draft.language else "")
                + "; name another with --wire, or leave it out",
                line,
            )
        if draft.date is None:
            raise problem(
                draft.path,
                "the copy carries no date (this wire's dateline has none); give it with --date",
                1,
            )
        wire = self.project.wire(draft.wire, draft.language)
        facts: dict[str, Any] = {"headline": draft.headline}
        if draft.subheadlines:
            facts["subheadlines"] = draft.subheadlines
        facts["date"] = draft.date
        facts["dateline"] = draft.dateline[0] if len(draft.dateline) == 1 else draft.dateline
        if draft.language:
            facts["language"] = draft.language
        if draft.embargo:
            until = draft.embargo["until"]
            facts["embargo"] = {
                "until": until.isoformat(timespec="minutes"),
                "timezone": draft.embargo["timezone"],
            }
        facts["wire"] = draft.wire
        owner = ""
        companies: list[Any] = []
        for company in draft.companies:
            if not company.mentioned:
                if company.about:
                    about = labels(draft.language or "en").about.format(name=company.name)
                    heading = wire.about_heading.format(heading=about)
                    from prwriter.importing.draft import FoundLegal

                    draft.legal.append(FoundLegal("notice", company.about, company.line, heading))
                    notes.append(
                        f"{shown}:{company.line}: About {company.name}: the company is not "
                        "named in the body; its About section is kept as a notice"
                    )
                continue
            entry_id, ref = self.catalog.company(company, draft.date, _translation(draft))
            owner = owner or entry_id
            companies.append(ref["id"] if list(ref) == ["id"] else ref)
        if not companies:
            raise problem(
                draft.path,
                "no company found: prwriter looks for a listing such as (Nasdaq: ACME) after "
                "a name, an About section or a source line",
                draft.notes[0][0] if draft.notes else 1,
            )
        facts["companies"] = companies
        verb = labels(draft.language or "en").quote_verb
        translation = _translation(draft)
        facts["body"] = [
            self._part(part, wire.quote_form, verb, translation) for part in draft.body
        ]
        if draft.contact_notice is not None:
            draft.legal.append(draft.contact_notice)
        if draft.legal:
            facts["legal"] = [
                {"id": self.catalog.legal(x, owner), "before_about": True}
                if x.before_about
                else self.catalog.legal(x, owner)
                for x in draft.legal
            ]
        if draft.contacts:
            facts["contacts"] = [
                {"label": g.label, "contacts": [self.catalog.contact(c.fields) for c in g.contacts]}
                for g in draft.contacts
            ]
        first = next(c for c in draft.companies if c.mentioned)
        if draft.source and draft.source != first.name:
            facts["source"] = draft.source
        return facts, notes

    def _part(
        self,
        part: str | FoundQuote | dict[str, Any],
        default_form: str,
        default_verb: str,
        language: str | None,
    ) -> Any:
        if not isinstance(part, FoundQuote):
            return part  # Markdown, or a table's facts
        speaker, title = self.catalog.person(part.name, part.title, language)
        quote: dict[str, Any] = {"speaker": speaker}
        if title:
            quote["title"] = title
        if part.verb != default_verb:
            quote["verb"] = part.verb
        if part.form != default_form:
            quote["form"] = part.form
        if part.before:
            quote["before"] = part.before
        quote["text"] = part.text
        if part.after:
            quote["after"] = part.after
        return {"quote": quote}

    # --- writing and checking --------------------------------------------------------------

    def _checking_project(self) -> Project:
        """The staging project, its library read again when an entry changed since: a
        Project reads its library once, and each release staged may change entries."""
        if self.library_changed:
            self.project.stale = True
            self.library_changed = False
        return self.project

    def _stage_library(self) -> None:
        """The chosen reading's library entries, in the staging project."""
        for kind, entry_id in sorted(self.catalog.changed):
            path = self.stage / "boilerplates" / kind / f"{entry_id}.yaml"
            self._stage_file(path, self.catalog.entries[kind][entry_id])

    def _stage_file(self, path: Path, data: Any) -> None:
        """Write `data` for the staging project, as JSON (which is YAML, and quick), only
        when it changed since last written: the loader then rereads only what changed."""
        text = json.dumps(data, ensure_ascii=False, default=str)
        # JSON leaves C1 controls and line separators raw; YAML refuses or breaks on them.
        text = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        if self.staged.get(path) != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.staged[path] = text
            self.library_changed = self.library_changed or "boilerplates" in path.parts

    def _verify(
        self,
        path: Path,
        target: Path,
        name: str,
        text: str,
        facts: dict[str, Any],
        *,
        folded: bool = False,
    ) -> tuple[ImportedRelease, list[str]]:
        from prwriter.loading import load_release

        self._stage(target, facts)
        original = normalize(text).split("\n")[:-1]
        try:
            project = self._checking_project()
            release = load_release(target, project=project)
            options = RenderOptions(project, wire=name, ascii=folded)
            again = str(write_text(release, options))
        except InputError as exc:
            notes = [f"{display_path(path)}:1: the facts read do not load: {p.message}"
                     for p in exc.problems]  # fmt: skip
            total = sum(1 for line in original if line)
            return ImportedRelease(path, target, name, total, 0), notes
        found, notes = self._compare(path, target, name, original, again.split("\n")[:-1])
        return dataclasses.replace(found, ascii=folded), notes

    def _media(self, facts: dict[str, Any], word: DocxCopy, stem: str) -> None:
        """A Word file's pictures become the release's media, in `media/` beside it; the
        credit a caption ends with in parentheses is the photo's credit."""
        items = []
        for n, figure in enumerate(word.media, start=1):
            name = f"media/{stem}-{n}{Path(figure.name).suffix.lower()}"
            self.binaries[self.stage / name] = figure.data
            (self.stage / "media").mkdir(exist_ok=True)
            (self.stage / name).write_bytes(figure.data)
            caption, credit = figure.caption, None
            found = re.fullmatch(r"(.+?) \(([^()]+)\)", caption)
            if found:
                caption, credit = found[1], found[2]
            item: dict[str, Any] = {"file": name, "caption": caption}
            if credit:
                item["credit"] = credit
            if figure.alt:
                item["alt"] = figure.alt
            items.append(item)
        if items:
            facts["media"] = items

    def _verify_docx(
        self, path: Path, target: Path, word: DocxCopy, facts: dict[str, Any]
    ) -> tuple[ImportedRelease, list[str]]:
        """A Word file's round trip: the release's DOCX has the same paragraphs' text."""
        import io

        import docx

        from prwriter.importing.docx import paragraph_texts
        from prwriter.loading import load_release
        from prwriter.writers.docx import write as write_docx

        self._stage(target, facts)
        original = word.paragraphs
        try:
            project = self._checking_project()
            release = load_release(target, project=project)
            data = write_docx(release, RenderOptions(project))
            again = paragraph_texts(docx.Document(io.BytesIO(bytes(data))))
        except InputError as exc:
            notes = [f"{display_path(path)}:1: the facts read do not load: {p.message}"
                     for p in exc.problems]  # fmt: skip
            return ImportedRelease(path, target, "print", len(original), 0), notes
        return self._compare(path, target, "print", original, again)

    def _verify_markdown(
        self, path: Path, target: Path, facts: dict[str, Any]
    ) -> tuple[ImportedRelease, list[str]]:
        """Markdown's round trip: `--format md` of the release gives the same lines."""
        from prwriter.loading import load_release
        from prwriter.writers.markdown import write as write_markdown

        self._stage(target, facts)
        original = normalize(read_text(path)).split("\n")[:-1]
        try:
            project = self._checking_project()
            release = load_release(target, project=project)
            again = str(write_markdown(release, RenderOptions(project)))
        except InputError as exc:
            notes = [f"{display_path(path)}:1: the facts read do not load: {p.message}"
                     for p in exc.problems]  # fmt: skip
            return ImportedRelease(path, target, "print", len(original), 0), notes
        return self._compare(path, target, "print", original, normalize(again).split("\n")[:-1])

    def _stage(self, target: Path, facts: dict[str, Any]) -> None:
        for kind, entry_id in sorted(self.catalog.changed):
            path = self.stage / "boilerplates" / kind / f"{entry_id}.yaml"
            self._stage_file(path, self.catalog.entries[kind][entry_id])
        self._stage_file(target, facts)

    def _compare(
        self, path: Path, target: Path, name: str, original: list[str], again: list[str]
    ) -> tuple[ImportedRelease, list[str]]:
        """How many of the source's lines (a Word file's paragraphs) come back, and a note
        for each one that does not."""
        shown = display_path(path)
        matcher = difflib.SequenceMatcher(None, original, again, autojunk=False)
        kept: set[int] = set()
        for block in matcher.get_matching_blocks():
            kept.update(range(block.a, block.a + block.size))
        notes = []
        for n, line in enumerate(original):
            if line and n not in kept:
                first = line.split("\n")[0]
                excerpt = first if len(first) <= 60 else first[:57] + "..."
                notes.append(f"{shown}:{n + 1}: not reproduced: {excerpt}")
        total = sum(1 for line in original if line)
        reproduced = sum(1 for n, line in enumerate(original) if line and n in kept)
        return ImportedRelease(path, target, name, total, reproduced), notes

    # --- the output folder ---------------------------------------------------------------

    def commit(self) -> None:
        """Write every release and changed library entry into the output folder, after
        checking that none overwrites a file (unless forced) or leaves the folder."""
        files: dict[Path, Any] = {}
        for staged, facts in self.releases.items():
            files[self.out / staged.name] = facts
        for staged, blob in self.binaries.items():
            files[self.out / staged.relative_to(self.stage)] = blob
        for kind, entry_id in sorted(self.catalog.changed):
            data = self.catalog.entries[kind][entry_id]
            files[self.out / "boilerplates" / kind / f"{entry_id}.yaml"] = data
        files.update(self._house_profiles())
        problems = []
        for target in files:
            why = _unsafe(self.out, target)
            if why:
                problems.append(Problem(display_path(target), 0, 0, "", why))
            elif target.exists() and not self.force:
                problems.append(
                    Problem(
                        display_path(target),
                        0,
                        0,
                        "",
                        "exists; prwriter import never overwrites a file without --force",
                    )
                )
        if problems:
            raise InputError(problems)
        for target, data in files.items():
            if isinstance(data, bytes):
                _write_bytes(target, data)
            else:
                _write_yaml(target, data)
            self.result.written.append(target)

    def _house_profiles(self) -> dict[Path, bytes]:
        """The project's profiles for the forms the copy uses where its wire's profile
        writes others: `templates/wires/<wire>.yaml`, the settings most sources share."""
        from prwriter.importing.house import describe, profile_text

        files: dict[Path, bytes] = {}
        for wire, settings in self.settled.items():
            target = self.out / "templates" / "wires" / f"{wire}.yaml"
            existing = target.read_text(encoding="utf-8") if target.is_file() else None
            files[target] = profile_text(wire, settings, existing).encode("utf-8")
            self.result.notes.append(
                f"{display_path(target)}: the house profile for {wire} writes the copy's "
                f"forms: {'; '.join(describe(settings))}"
            )
        return files

    def settle_house(self) -> None:
        """Each wire's house settings, the ones most sources share; a source read with
        others is measured again in the profile the project gets."""
        from prwriter.importing.house import settle

        chosen = [(r.source, r.wire, self.votes.get(r.source, {})) for r in self.result.releases]
        profiles = {r.wire: self.project.wire(r.wire) for r in self.result.releases}
        self.settled, notes = settle(chosen, profiles)
        for n, imported in enumerate(self.result.releases):
            own = self.settled.get(imported.wire, {})
            if imported.house == own or imported.source not in self.texts:
                continue
            name = imported.wire
            if own:
                self.project.house[name] = _updated(self.project.wire(name), own)
            facts = self.releases[imported.release]
            text = self.texts[imported.source]
            again, more = self._verify(
                imported.source, imported.release, name, text, facts, folded=imported.ascii
            )
            self.project.house.pop(name, None)
            shown = display_path(imported.source)
            self.result.notes = [
                x
                for x in self.result.notes
                if not (x.startswith(f"{shown}:") and ": not reproduced: " in x)
            ] + more
            self.result.releases[n] = dataclasses.replace(again, house=own)
        self.result.notes.extend(notes)


def _updated(profile: WireProfile, settings: dict[str, Any]) -> WireProfile:
    from prwriter.importing.house import merged

    return WireProfile.model_validate(merged(profile.model_dump(exclude_unset=True), settings))


def expand(sources: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder's releases (`.txt`, `.md`, `.docx`) below it, in name order,
    without following symbolic links; a glob pattern's matches."""
    import glob

    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir() and not path.is_symlink():
            for folder, subfolders, names in os.walk(path):
                subfolders.sort()
                found.extend(
                    Path(folder) / n for n in sorted(names) if Path(n).suffix.lower() in SUFFIXES
                )
        elif not path.exists() and glob.has_magic(str(source)):
            matches = glob.glob(str(source), recursive=True)  # noqa: PTH207 (a pattern, not a folder)
            found.extend(Path(p) for p in sorted(matches))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _translation(draft: Draft) -> str | None:
    """The language a library entry keeps this copy's words under (`fr`), or None for
    English copy, whose words are the entries' own."""
    return primary(draft.language) if draft.language else None


def _folded(text: str) -> bool:
    """Copy folded to ASCII and wrapped at 80 columns (`--ascii`, for SEC EDGAR)."""
    lines = text.split("\n")
    return (
        text.isascii()
        and max(map(len, lines)) <= ASCII_WRAP
        and any(len(line) > ASCII_WRAP - 15 for line in lines)
    )


_ITEM = re.compile(r"(?:[-*]|\d+\.) ")


def unwrap(text: str, width: int) -> tuple[str, dict[int, int]]:
    """Lines a greedy wrap at `width` split, joined again: a line continues the one before
    when that one had no room for its first word. Also each joined line's first line."""
    out: list[str] = []
    first_line: dict[int, int] = {}
    last = ""  # the last physical line of the current logical one
    for number, line in enumerate(text.split("\n"), start=1):
        word = line.lstrip(" ").split(" ")[0]
        # A table's lines stand as written; a list item starts its own line.
        joins = not tabular(last) and not tabular(line) and not _ITEM.match(line)
        if out and last.strip() and line.strip() and joins and len(last) + 1 + len(word) > width:
            out[-1] += " " + line.lstrip(" ")
        else:
            out.append(line)
            first_line[len(out)] = number
        last = line
    return "\n".join(out), first_line


def _safe_stem(path: Path) -> str:
    stem = re.sub(r"[^\w.\-]+", "-", path.stem).strip(".-")
    return stem or "release"


def _unsafe(root: Path, target: Path) -> str | None:
    """Why writing `target` could leave `root` (a symbolic link on the way), or None."""
    relative = target.relative_to(root)
    current = root
    if root.is_symlink():
        return f"{display_path(root)} is a symbolic link; prwriter import writes into a real folder"
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            return "is a symbolic link; prwriter import does not write through links"
    return None


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".import-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Literal(str):
    """Text written as a YAML literal block (`|-`): Markdown with its lines as typed."""

    __slots__ = ()


@cache
def _dumper() -> Any:
    # The safe dumper, in C when ruamel.yaml.clib is there: keys in the order given.
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.representer.add_representer(
        _Literal,
        lambda r, text: r.represent_scalar("tag:yaml.org,2002:str", str(text), style="|"),
    )
    # A table row's amounts on one line, as a writer types them: [Total revenue, 47560, 41400].
    yaml.representer.add_representer(
        list,
        lambda r, items: r.represent_sequence(
            "tag:yaml.org,2002:seq", items, flow_style=True if _amounts(items) else None
        ),
    )
    return yaml


def _amounts(items: list[Any]) -> bool:
    """A list of plain values with a number or a nil among them: a table row."""
    scalars = all(isinstance(x, str | int | float) or x is None for x in items)
    return scalars and any(
        x is None or isinstance(x, int | float) or re.fullmatch(r"-?[\d.]+%", str(x)) for x in items
    )


def _literal(value: Any) -> Any:
    """Multi-line text as literal blocks, wherever it is in `value`."""
    if isinstance(value, str):
        lines = value.split("\n")
        plain = all(line == line.rstrip() for line in lines) and "\t" not in value
        return _Literal(value) if len(lines) > 1 and plain and value.strip() else value
    if isinstance(value, dict):
        return {k: _literal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_literal(v) for v in value]
    return value


def _write_yaml(path: Path, data: Any) -> None:
    """`data` as YAML at `path`, written whole or not at all."""
    from io import StringIO

    from prwriter.importing.yamlout import Unsupported, dump

    try:
        text = dump(_literal(data), _Literal, _amounts)
    except Unsupported:  # data the quick writer does not set: ruamel.yaml's
        buffer = StringIO()
        _dumper().dump(_literal(data), buffer)
        text = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_sources(
    sources: Iterable[str | Path],
    output_dir: str | Path,
    *,
    wire: str | None = None,
    force: bool = False,
    date: dt.date | None = None,
) -> ImportResult:
    paths = expand(sources)
    out = Path(output_dir)
    if out.is_symlink():
        raise problem(out, "is a symbolic link; give the real folder")
    if out.exists() and not out.is_dir():
        raise problem(out, "is not a folder")
    problems: list[Problem] = []
    for path in paths:
        if path.suffix.lower() not in SUFFIXES:
            problems.append(
                Problem(
                    display_path(path),
                    0,
                    0,
                    "",
                    "is not a release prwriter imports (.txt, .md or .docx)",
                )
            )
    if problems:
        raise InputError(problems)
    importer = Importer(out, wire=wire, force=force, date=date)
    try:
        errors: list[Problem] = []
        for path in paths:
            try:
                importer.add(path)
            except InputError as exc:
                errors.extend(exc.problems)
        if errors:
            raise InputError(errors)
        importer.settle_house()
        importer.out.mkdir(parents=True, exist_ok=True)
        importer.commit()
    except InputError as exc:
        # A problem in the project's own files (its wire profiles) was found in the
        # staging copy: name the file the user has.
        raise InputError([importer.as_written(p) for p in exc.problems]) from None
    finally:
        importer.close()
    return importer.result


__all__: Sequence[str] = ["ImportResult", "ImportedRelease", "import_sources"]
