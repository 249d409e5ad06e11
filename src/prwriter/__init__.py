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

    from prwriter.batch import BatchOptions, Outcome
    from prwriter.checks import Finding, Rule
    from prwriter.checks.report import CheckResult
    from prwriter.document import Document
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
    "init_project",
    "json_schema",
    "list_entries",
    "list_templates",
    "list_wires",
    "load_release",
    "new_release",
    "render",
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
    "Project": "prwriter.project",
    "SiteResult": "prwriter.site",
}


def load_release(
    path: str | Path, overrides: Mapping[str, str] | None = None, project: Project | None = None
) -> Release:
    """Read, validate and resolve a release file. `overrides` replace fields by dotted path
    before validation (`{"dateline.city": "Boston"}`), each value read as YAML.

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
    release, origins = load_with_origins(path, overrides, project)
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
) -> str | bytes: ...
def render(
    release: Release,
    fmt: str = "txt",
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: PdfVariant | None = None,
    project: Project | None = None,
) -> str | bytes:
    """Render `release` as `fmt`, one of FORMATS: `str` for "txt", "html", "md", "json" and
    "edgar" (the SEC exhibit),
    `bytes` for "docx" and "pdf".

    `wire` names the wire profile of the text (e.g. "businesswire"); it defaults to the
    release's own `wire:` and then to "businesswire". HTML, PDF and DOCX are the print copy
    and follow the "print" profile and the project's layout. `ascii=True` folds the text to
    pure ASCII wrapped at 80 columns (for SEC EDGAR exhibits). `pdf_variant` is "pdf/a-3b"
    or "pdf/ua-1". `project` (templates, profiles, settings) defaults to the release's own;
    pass one to render many releases of a project without reading it again. Raises
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
    choose(fmt, tuple(WRITERS), "format")
    if pdf_variant is not None:
        choose(pdf_variant, PDF_VARIANTS, "PDF variant")
    if project is None:
        project = Project.of_release(release)
    options = RenderOptions(project, wire=wire, ascii=ascii, pdf_variant=pdf_variant)
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
    `error`), and calls `on_outcome` as each finishes.
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
        return [check_release(releases, project)]
    return run(_args.paths_arg("releases", releases), _args.mapping_arg("overrides", overrides))


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
    from prwriter.schemas import json_schema as schema

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
    return scaffold(Path(folder), Company(company_id, company_name), dt.date.today())


def new_release(
    path: str | Path | None,
    company_id: str,
    *,
    headline: str | None = None,
    date: str | None = None,
    city: str = "New York",
    state: str = "New York",
) -> Path:
    """Write a commented release file for `company_id` at `path` (never over a file), with a
    yaml-language-server $schema line when the project has release.schema.json. Without a
    path: `releases/DATE-SLUG.yaml`, or `DATE-SLUG.yaml` where there is no releases/ folder."""
    import datetime as dt

    from prwriter.scaffold import Company, default_release_path
    from prwriter.scaffold import new_release as write

    path = _args.optional_path_arg("path", path)
    _args.expect("company_id", company_id, str, "a str")
    for name, value in (("headline", headline), ("date", date)):
        _args.optional_str(name, value)
    _args.expect("city", city, str, "a str")
    _args.expect("state", state, str, "a str")
    day = dt.date.fromisoformat(date) if date else dt.date.today()
    target = path if path is not None else default_release_path(day, headline)
    name = company_id
    entry = list_entries("companies", target.parent).get(company_id)
    if entry is None:
        raise InputError(
            [Problem("", 0, 0, "--company", f"no company '{company_id}' in the library; "
                     "see prwriter list companies")]
        )  # fmt: skip
    from prwriter.yaml_source import read_yaml

    data = read_yaml(entry).data
    if isinstance(data, dict) and isinstance(data.get("name"), str):
        name = data["name"]
    return write(target, Company(company_id, name), day, headline, city, state)


def list_templates(folder: str | Path = ".") -> dict[str, Path]:
    """Every template file and the folder that wins for it (a project's own first)."""
    from prwriter.project import Project

    found: dict[str, Path] = {}
    for root in Project.find(_args.path_arg("folder", folder)).template_dirs:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found.setdefault(path.relative_to(root).as_posix(), path)
    return found


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
