"""prwriter: write a press release once as YAML facts, render it for every wire.

The public API is what `__all__` lists. Heavy modules load on first use, so importing
prwriter (and running `prwriter --help`) stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from prwriter import arguments as _args
from prwriter.errors import InputError, Problem
from prwriter.kinds import (
    CHECK_FORMATS,
    LIBRARY_KINDS,
    PDF_VARIANTS,
    SCHEMA_KINDS,
    LibraryKind,
    PdfVariant,
    ReportFormat,
    SchemaKind,
    Severity,
    choose,
)

if TYPE_CHECKING:
    import datetime as dt
    import threading

    from prwriter.batch import BatchOptions, Outcome
    from prwriter.checks import Finding, Rule
    from prwriter.checks.report import CheckResult
    from prwriter.document import Document
    from prwriter.importing import ImportResult
    from prwriter.model import (
        Block,
        Company,
        CompanyMention,
        Contact,
        ContactGroup,
        Embargo,
        Emphasis,
        Heading,
        Inline,
        LegalBlock,
        LineBreak,
        Link,
        ListBlock,
        Listing,
        Media,
        Paragraph,
        Person,
        Place,
        Quote,
        Release,
        Strong,
        Text,
    )
    from prwriter.project import Project
    from prwriter.site import SiteResult

__version__ = "0.1.0"

__all__ = [
    "CHECK_FORMATS",
    "FORMATS",
    "LIBRARY_KINDS",
    "PDF_VARIANTS",
    "REDLINE_FORMATS",
    "SCHEMA_KINDS",
    "BatchOptions",
    "Block",
    "CheckResult",
    "Company",
    "CompanyMention",
    "Contact",
    "ContactGroup",
    "Document",
    "Embargo",
    "Emphasis",
    "Finding",
    "Heading",
    "ImportResult",
    "Inline",
    "InputError",
    "LegalBlock",
    "LibraryKind",
    "LineBreak",
    "Link",
    "ListBlock",
    "Listing",
    "Media",
    "Outcome",
    "Paragraph",
    "PdfVariant",
    "Person",
    "Place",
    "Problem",
    "Project",
    "Quote",
    "Release",
    "ReportFormat",
    "Rule",
    "SchemaKind",
    "Severity",
    "SiteResult",
    "Strong",
    "Text",
    "__version__",
    "build_document",
    "build_site",
    "check",
    "check_report",
    "check_rules",
    "export_templates",
    "generate",
    "import_releases",
    "init_project",
    "json_schema",
    "list_entries",
    "list_templates",
    "list_wires",
    "load_release",
    "new_release",
    "preview",
    "redline",
    "render",
    "watch",
]

# Public names that live in modules loaded on first use (pydantic alone costs ~50 ms).
_MODEL_NAMES = (
    "Block", "Company", "CompanyMention", "Contact", "ContactGroup", "Embargo", "Emphasis",
    "Heading", "Inline", "LegalBlock", "LineBreak", "Link", "ListBlock", "Listing", "Media",
    "Paragraph", "Person", "Place", "Quote", "Release", "Strong", "Text",
)  # fmt: skip
_LAZY = {
    **dict.fromkeys(_MODEL_NAMES, "prwriter.model"),
    "BatchOptions": "prwriter.batch",
    "Outcome": "prwriter.batch",
    "CheckResult": "prwriter.checks.report",
    "Finding": "prwriter.checks",
    "Rule": "prwriter.checks",
    "Document": "prwriter.document",
    "ImportResult": "prwriter.importing",
    "Project": "prwriter.project",
    "SiteResult": "prwriter.site",
}


def load_release(
    path: str | Path,
    overrides: Mapping[str, str] | None = None,
    project: Project | None = None,
    language: str | None = None,
) -> Release:
    """Read, validate and resolve a release file. `overrides` replace fields by dotted path
    before validation (`{"dateline.city": "Boston"}`), each value read as YAML. `language`
    picks one of the file's `translations:` (`Release.translations` lists their tags).

    Library files (companies, contacts, people, legal blocks) are looked up in the release's
    `boilerplates/`, the project's `boilerplates/`, the user's configuration folder and the
    library shipped with prwriter, in that order. Raises `InputError` listing every problem,
    each located as file, line, column and field.
    """
    from prwriter.checks import check_silences
    from prwriter.loading import load_with_origins

    path = _args.path_arg("path", path)
    overrides = _args.mapping_arg("overrides", overrides)
    _args.project_arg(project)
    if language is not None and not isinstance(language, str):
        raise TypeError(f"language must be a BCP 47 tag such as 'fr-CA', not {language!r}")
    release, origins = load_with_origins(path, overrides, project, language)
    check_silences(release, origins)
    return release


@overload
def render(
    release: Release,
    fmt: Literal["txt", "html", "md", "json", "edgar"] = "txt",
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: PdfVariant | None = None,
    project: Project | None = None,
    draft: bool = False,
) -> str: ...
@overload
def render(
    release: Release,
    fmt: Literal["pdf", "docx"],
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: PdfVariant | None = None,
    project: Project | None = None,
    draft: bool = False,
) -> bytes: ...
@overload
def render(
    release: Release,
    fmt: str,
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: PdfVariant | None = None,
    project: Project | None = None,
    draft: bool = False,
) -> str | bytes: ...
def render(
    release: Release,
    fmt: str = "txt",
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: PdfVariant | None = None,
    project: Project | None = None,
    draft: bool = False,
) -> str | bytes:
    """Render `release` as `fmt`, one of FORMATS: `str` for "txt", "html", "md", "json" and
    "edgar" (the SEC exhibit),
    `bytes` for "docx" and "pdf".

    `wire` names the wire profile of the text (e.g. "businesswire"); it defaults to the
    release's own `wire:` and then to "businesswire". HTML, PDF and DOCX are the print copy
    and follow the "print" profile and the project's layout. `ascii=True` folds the text to
    pure ASCII wrapped at 80 columns (for SEC EDGAR exhibits). `pdf_variant` is "pdf/a-3b"
    or "pdf/ua-1". `project` (templates, profiles, settings) defaults to the release's own;
    pass one to render many releases of a project without reading it again. `draft=True`
    (or the release's own `draft: true`) marks it: a `DRAFT - NOT FOR DISTRIBUTION` line at
    the top of text and HTML, a diagonal watermark across PDF and DOCX pages. Raises
    `InputError` for an unknown wire or a broken project template or stylesheet.
    """
    from prwriter.model import Release
    from prwriter.project import Project
    from prwriter.writers import WRITERS, RenderOptions, get_writer

    _args.expect("release", release, Release, "a Release (see load_release)")
    _args.expect("fmt", fmt, str, "a str")
    _args.optional_str("wire", wire)
    _args.expect("ascii", ascii, bool, "a bool")
    _args.optional_str("pdf_variant", pdf_variant)
    _args.project_arg(project)
    _args.expect("draft", draft, bool, "a bool")
    choose(fmt, tuple(WRITERS), "format")
    if pdf_variant is not None:
        choose(pdf_variant, PDF_VARIANTS, "PDF variant")
    if project is None:
        project = Project.of_release(release)
    options = RenderOptions(project, wire=wire, ascii=ascii, pdf_variant=pdf_variant, draft=draft)
    return get_writer(fmt).write(release, options)


def build_document(release: Release, project: Project | None = None) -> Document:
    """The release's print copy as a layout tree (`prwriter.document`): the blocks, their
    order and their styles that HTML, PDF and DOCX are made from. For tools that write a
    visual format of their own."""
    from prwriter.layout import build_document as build
    from prwriter.model import Release
    from prwriter.project import Project

    _args.expect("release", release, Release, "a Release (see load_release)")
    _args.project_arg(project)
    return build(release, project if project is not None else Project.of_release(release))


def list_wires(folder: str | Path | None = None) -> dict[str, Path]:
    """Every wire profile name and the file that defines it, as a release in `folder` sees
    them: its project's `templates/wires/` first, then the shipped profiles."""
    from prwriter.project import Project

    folder = _args.optional_path_arg("folder", folder)
    return (Project.find(folder) if folder is not None else Project()).wire_files()


def list_entries(kind: LibraryKind, folder: str | Path = ".") -> dict[str, Path]:
    """Every library id of `kind` (one of LIBRARY_KINDS) and the file that wins for it, as a
    release in `folder` sees them."""
    from prwriter.project import Project

    _args.expect("kind", kind, str, "a str")
    folder = _args.path_arg("folder", folder)
    choose(kind, LIBRARY_KINDS, "kind")
    return dict(Project.find(folder).library(Path(folder)).ids(kind))


def export_templates(destination: str | Path) -> list[Path]:
    """Copy the shipped templates (text layout, wire profiles, HTML layout and stylesheets,
    the DOCX reference document, fonts) into `destination`, a project's `templates/` folder,
    to start customising them. Files that exist already are left as they are; returns the
    files written."""
    from prwriter.resources import export_shipped

    return export_shipped("templates", Path(_args.path_arg("destination", destination)))


def generate(
    paths: Iterable[str | Path],
    options: BatchOptions | None = None,
    *,
    jobs: int = 1,
    dry_run: bool = False,
    fail_fast: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Render and write every release named by `paths`: files, folders (every release YAML
    below, outside boilerplates/ and templates/) and glob patterns.

    `options` (a `BatchOptions`) picks formats, the output folder, the file-name pattern
    (`{stem}`, `{date}`, `{slug}`, `{ext}`, `{wire}`), the wire and `--set`-style overrides;
    what it leaves as None comes from each release's project settings. A broken release
    never stops the others unless `fail_fast`; `jobs` > 1 renders in that many processes;
    `dry_run` writes nothing. Returns one `Outcome` per release (`written`, `problems`,
    `error`, and with `BatchOptions(keep_contents=True)` the rendered `contents` of each
    written file), and calls `on_outcome` as each finishes.
    """
    from prwriter.batch import BatchOptions
    from prwriter.batch import generate as run

    paths = _args.paths_arg("paths", paths)
    if options is not None:
        _args.expect("options", options, BatchOptions, "a BatchOptions or None")
    _args.expect("jobs", jobs, int, "an int")
    _args.expect("dry_run", dry_run, bool, "a bool")
    _args.expect("fail_fast", fail_fast, bool, "a bool")
    _args.callable_arg("on_outcome", on_outcome)
    return run(
        paths, options, jobs=jobs, dry_run=dry_run, fail_fast=fail_fast, on_outcome=on_outcome
    )


def check(
    releases: Release | Iterable[str | Path],
    overrides: Mapping[str, str] | None = None,
    *,
    project: Project | None = None,
) -> list[CheckResult]:
    """Run the release checks. `releases` is a loaded `Release` (its findings name fields,
    and lines where it was read from a file), or files, folders and globs to read; each
    `CheckResult` has the release's `findings` (rule, severity, message, file, line, column,
    field) or the input `problems` that stopped it. The rules' settings come from `project`,
    by default each release's own."""
    from prwriter.batch import check as run
    from prwriter.batch import check_release
    from prwriter.model import Release

    _args.project_arg(project)
    if isinstance(releases, Release):
        if overrides:
            raise ValueError("overrides apply to release files; a Release is already loaded")
        return [check_release(releases, project)]
    return run(
        _args.paths_arg("releases", releases), _args.mapping_arg("overrides", overrides), project
    )


def check_report(
    results: Sequence[CheckResult], fmt: ReportFormat = "text", *, color: bool = False
) -> str:
    """Check results as "text", "json", "github" (Actions annotations) or "sarif" (2.1.0)."""
    from prwriter.checks import report
    from prwriter.checks.report import CheckResult

    _args.sequence_of("results", results, CheckResult, "CheckResult")
    _args.expect("fmt", fmt, str, "a str")
    choose(fmt, CHECK_FORMATS, "report format")
    if fmt == "json":
        return report.as_json(results)
    if fmt == "github":
        return report.as_github(results)
    if fmt == "sarif":
        return report.as_sarif(results, __version__)
    return report.as_text(results, color=color)


def check_rules() -> list[Rule]:
    """Every rule, by id: its name, default severity, summary and settings."""
    from prwriter.checks import iter_rules

    return list(iter_rules())


def json_schema(kind: SchemaKind = "release") -> dict[str, Any]:
    """The JSON Schema of a file kind (one of SCHEMA_KINDS), for editors and tools."""
    from prwriter.json_schemas import json_schema as schema

    _args.expect("kind", kind, str, "a str")
    return schema(kind)


def init_project(
    folder: str | Path, company_id: str = "example", company_name: str = "Example Company, Inc."
) -> list[Path]:
    """Scaffold a release project in `folder`: settings, a company with contacts, a person and
    a legal block to edit, a first release, the release schema, a templates/ folder and a
    GitHub Actions workflow. Existing files are kept; returns the files written."""
    import datetime as dt

    from prwriter.scaffold import Company
    from prwriter.scaffold import init_project as scaffold

    folder = _args.path_arg("folder", folder)
    _args.expect("company_id", company_id, str, "a str")
    _args.expect("company_name", company_name, str, "a str")
    return scaffold(Path(folder), Company(company_id, company_name), dt.date.today(), __version__)


def import_releases(
    sources: Iterable[str | Path],
    output_dir: str | Path,
    *,
    wire: str | None = None,
    force: bool = False,
    date: dt.date | None = None,
) -> ImportResult:
    """Read releases a team already has (wire text `.txt`, Markdown `.md`, Word `.docx`)
    back into facts: `output_dir/<stem>.yaml` for each, and the library entries they need
    under `output_dir/boilerplates/`, so that the folder is a prwriter project. `wire`
    forces a profile instead of detecting it; `date` is the release date when the copy has
    none (Business Wire's dateline). Nothing is written unless every source is read; an
    existing file is overwritten only with `force`. Raises `InputError`, located."""
    from prwriter.importing import import_sources

    return import_sources(sources, output_dir, wire=wire, force=force, date=date)


def new_release(
    path: str | Path | None,
    company_id: str | None = None,
    *,
    headline: str | None = None,
    date: str | None = None,
    city: str = "New York",
    state: str | None = "New York",
    language: str | None = None,
) -> Path:
    """Write a commented release file for `company_id` at `path` (never over a file), with a
    yaml-language-server $schema line when the project has release.schema.json. Without a
    path: `releases/DATE-SLUG.yaml`, or `DATE-SLUG.yaml` where there is no releases/ folder.
    Without a company: the only one the project has. `state` may be None for AP's
    stand-alone cities. `language` (a BCP 47 tag) starts the release in that language:
    `fr-CA` writes French sample copy. Raises `InputError` for a date, city, state, company
    or language that is not one, each problem named by the command's option."""
    import datetime as dt

    from prwriter.errors import did_you_mean
    from prwriter.scaffold import Company, answer_problems, company_choices, default_release_path
    from prwriter.scaffold import new_release as write

    path = _args.optional_path_arg("path", path)
    for name, value in (("company_id", company_id), ("headline", headline), ("date", date),
                        ("state", state)):  # fmt: skip
        _args.optional_str(name, value)
    _args.expect("city", city, str, "a str")
    import re as _re

    problems = answer_problems(date or dt.date.today().isoformat(), city, state)
    _args.optional_str("language", language)
    if language is not None and not _re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
        why = f"'{language}' is not a language tag; write one such as en-US or fr-CA"
        problems.append(Problem("", 0, 0, "--language", why))
    if problems:
        raise InputError(problems)
    day = dt.date.fromisoformat(date.strip()) if date else dt.date.today()
    target = path if path is not None else default_release_path(day, headline)
    choices = company_choices(target.parent if target.parent.exists() else Path())
    if company_id is None:
        if len(choices) != 1:
            raise InputError([Problem("", 0, 0, "--company", "which company issues the release? "
                                      f"give one of: {', '.join(choices)}")])  # fmt: skip
        company_id = choices[0]
    entry = list_entries("companies", target.parent).get(company_id)
    if entry is None:
        hint = did_you_mean(company_id, list_entries("companies", target.parent))
        raise InputError(
            [Problem("", 0, 0, "--company", f"no company '{company_id}' in the library{hint} "
                     "(prwriter list companies shows them)")]
        )  # fmt: skip
    from prwriter.yaml_source import read_yaml

    name = company_id
    data = read_yaml(entry).data
    if isinstance(data, dict) and isinstance(data.get("name"), str):
        name = data["name"]
    return write(target, Company(company_id, name), day, headline, city.strip(),
                 state.strip() if state else None, language)  # fmt: skip


REDLINE_FORMATS: tuple[str, ...] = ("txt", "html", "docx")


def redline(
    old: str | Path,
    new: str | Path,
    fmt: str = "txt",
    *,
    rev: str | None = None,
    wire: str | None = None,
    author: str = "prwriter",
) -> str | bytes:
    """What changed from release file `old` to `new`, word by word, in the whole rendered
    release (library blocks included): "txt" marks `[-removed-]{+added+}` in the wire text
    (`wire` as for `render`), "html" uses `<del>`/`<ins>` in the print copy, "docx" is the
    new print copy with Word tracked changes by `author`, dated the new release's date. With
    `rev`, `old` is read as it was at that git revision (its library, templates and settings
    too); `old` and `new` may then be the same file. Raises `InputError` for a release that
    cannot be read or a revision git does not know."""
    from prwriter.redlines import redline_files

    old, new = _args.path_arg("old", old), _args.path_arg("new", new)
    _args.expect("fmt", fmt, str, "a str")
    choose(fmt, REDLINE_FORMATS, "format")
    for name, value in (("rev", rev), ("wire", wire)):
        _args.optional_str(name, value)
    _args.expect("author", author, str, "a str")
    return redline_files(old, new, fmt, load=load_release, render=render, rev=rev,
                         wire=wire, author=author)  # fmt: skip


def list_templates(folder: str | Path = ".") -> dict[str, Path]:
    """Every template file and the folder that wins for it (a project's own first)."""
    from prwriter.project import Project

    found: dict[str, Path] = {}
    for root in Project.find(_args.path_arg("folder", folder)).template_dirs:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found.setdefault(path.relative_to(root).as_posix(), path)
    return found


def preview(
    path: str | Path,
    *,
    port: int = 0,
    wire: str | None = None,
    host: str = "127.0.0.1",
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve a live preview of the release file `path` at http://`host`:`port`/ (port 0: a
    free one; `on_ready` hears the address): the copy with the check findings beside the
    parts they point at, the print copy and the wire text (`wire` as for `render`). The page
    reloads itself when the release, a library file, a template, a wire profile or the
    settings change. Serves until interrupted. Raises `InputError` when `path` is not a file
    or the port cannot be had."""
    from prwriter.previewing import Preview

    release = _args.path_arg("path", path)
    _args.expect("port", port, int, "an int")
    _args.optional_str("wire", wire)
    _args.expect("host", host, str, "a str")
    _args.callable_arg("on_ready", on_ready)
    if not release.is_file():
        raise InputError([Problem(str(path), 0, 0, "", "no such release file")])
    try:
        server = Preview(release, wire=wire, host=host, port=port)
    except OSError as error:
        raise InputError([Problem("", 0, 0, "--port", f"cannot serve on {host}:{port}: "
                                  f"{error.strerror or error}")]) from None  # fmt: skip
    server.serve(on_ready)


def watch(
    paths: Iterable[str | Path],
    regenerate: Callable[[list[Path]], Sequence[Outcome]],
    *,
    stop_event: threading.Event | None = None,
    on_removed: Callable[[Path], None] | None = None,
    first: Sequence[Outcome] = (),
) -> None:
    """Watch the releases named by `paths` and call `regenerate(releases)` (for instance
    `lambda rs: prwriter.generate(rs, options)`) with the releases each change affects: a
    release file, that release; a library file, the releases that name it; a template, wire
    profile, the settings or an image, every release of the project. Outputs a release wrote
    before (`first`, the run made before watching, and every regeneration) and did not write
    again, such as drafts named from an old headline, are removed when still as written; no
    other file is. Returns when `stop_event` is set."""
    from prwriter.watching import watch as run

    paths = _args.paths_arg("paths", paths)
    if not callable(regenerate):
        raise TypeError("regenerate must be callable")
    _args.callable_arg("on_removed", on_removed)
    run(paths, regenerate, stop_event=stop_event, on_removed=on_removed, first=first)


def build_site(
    paths: Iterable[str | Path],
    output_dir: str | Path,
    *,
    base_url: str = "http://localhost:8000/",
    as_of: dt.datetime | str | None = None,
    downloads: Sequence[str] = (),
    title: str = "News releases",
) -> SiteResult:
    """Build a static newsroom from the releases named by `paths` into `output_dir`: an
    index newest first, one page per release (its HTML, with links to the `downloads`
    formats built beside it: "pdf", "docx", "md", "json", "txt"), an Atom feed and a
    sitemap, whose addresses start with `base_url`.

    A release whose embargo lifts after `as_of` (a datetime with an offset, or ISO 8601
    text with an offset or Z) is left out of every file. `as_of` None is now, read
    from the clock: the only rendering in prwriter that reads it. The same releases and
    `as_of` give the same bytes. The site is built beside `output_dir` and swapped in
    whole, so a failed build (an `InputError` listing every problem, bad options included)
    leaves the last good site in place; a folder holding files prwriter site did not write
    is never replaced.
    """
    import datetime as dt

    from prwriter.site import build_site as build

    if as_of is None:
        as_of = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return build(paths, Path(output_dir), as_of=as_of, base_url=base_url,
                 downloads=downloads, title=title)  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        import importlib

        return getattr(importlib.import_module(module), name)
    if name == "FORMATS":
        from prwriter.writers import WRITERS

        return tuple(WRITERS)
    raise AttributeError(f"module 'prwriter' has no attribute {name!r}")
