"""prwriter: write a press release once as YAML facts, render it for every wire.

The public API is what `__all__` lists. Heavy modules load on first use, so importing
prwriter (and running `prwriter --help`) stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.errors import InputError, Problem

if TYPE_CHECKING:
    import threading

    from prwriter.batch import BatchOptions, Outcome
    from prwriter.checks.report import CheckResult
    from prwriter.model import Release
    from prwriter.project import Project

__version__ = "0.1.0"

__all__ = [
    "CHECK_FORMATS",
    "FORMATS",
    "LIBRARY_KINDS",
    "PDF_VARIANTS",
    "REDLINE_FORMATS",
    "SCHEMA_KINDS",
    "BatchOptions",
    "InputError",
    "Outcome",
    "Problem",
    "Release",
    "__version__",
    "check",
    "check_report",
    "check_rules",
    "check_rules_markdown",
    "check_status",
    "company_choices",
    "export_templates",
    "generate",
    "init_project",
    "json_schema",
    "list_entries",
    "list_templates",
    "list_wires",
    "load_release",
    "new_release",
    "new_release_problem",
    "redline",
    "render",
    "watch",
    "watch_folders",
    "write_atomic",
]


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

    release, origins = load_with_origins(path, overrides, project)
    check_silences(release, origins)
    return release


def render(
    release: Release,
    fmt: str = "txt",
    *,
    wire: str | None = None,
    ascii: bool = False,
    pdf_variant: str | None = None,
    project: Project | None = None,
    draft: bool = False,
) -> str | bytes:
    """Render `release` as `fmt`, one of FORMATS: `str` for "txt" and "html", `bytes` for
    "docx" and "pdf".

    `wire` names the wire profile of the text (e.g. "businesswire"); it defaults to the
    release's own `wire:` and then to "businesswire". HTML, PDF and DOCX are the print copy
    and follow the "print" profile. `ascii=True` folds the text to pure ASCII wrapped at 80
    columns (for SEC EDGAR exhibits). `pdf_variant` is "pdf/a-3b" or "pdf/ua-1". `draft=True`
    (or the release's own `draft: true`) marks it: a `DRAFT - NOT FOR DISTRIBUTION` line at
    the top of text and HTML, a diagonal watermark across PDF and DOCX pages. Raises
    `InputError` for an unknown wire or a broken project template or stylesheet.
    """
    from prwriter.writers import WRITERS, RenderOptions, get_writer

    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(WRITERS)}")
    if pdf_variant is not None and pdf_variant not in PDF_VARIANTS:
        raise ValueError(f"unknown PDF variant {pdf_variant!r}; choose from {PDF_VARIANTS}")
    from prwriter.project import Project

    if project is None:
        project = Project.of_release(release)
    options = RenderOptions(project, wire=wire, ascii=ascii, pdf_variant=pdf_variant, draft=draft)
    return get_writer(fmt).write(release, options)


LIBRARY_KINDS: tuple[str, ...] = ("companies", "contacts", "people", "legal")
# Not validated by an independent validator (veraPDF); see the README.
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-3b", "pdf/ua-1")


def list_wires(folder: str | Path | None = None) -> dict[str, Path]:
    """Every wire profile name and the file that defines it, as a release in `folder` sees
    them: its project's `templates/wires/` first, then the shipped profiles."""
    from prwriter.project import Project

    return (Project.find(folder) if folder is not None else Project()).wire_files()


def list_entries(kind: str, folder: str | Path = ".") -> dict[str, Path]:
    """Every library id of `kind` (one of LIBRARY_KINDS) and the file that wins for it, as a
    release in `folder` sees them."""
    from prwriter.project import Project

    if kind not in LIBRARY_KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(LIBRARY_KINDS)}")
    return dict(Project.find(folder).library(Path(folder)).ids(kind))


def export_templates(destination: str | Path) -> list[Path]:
    """Copy the shipped templates (text layout, wire profiles, HTML layout and stylesheets,
    the DOCX reference document, fonts) into `destination`, a project's `templates/` folder,
    to start customising them. Files that exist already are left as they are; returns the
    files written."""
    from prwriter.resources import export_shipped

    return export_shipped("templates", Path(destination))


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
    from prwriter.batch import generate as run

    return run(
        paths, options, jobs=jobs, dry_run=dry_run, fail_fast=fail_fast, on_outcome=on_outcome
    )


CHECK_FORMATS: tuple[str, ...] = ("text", "json", "github", "sarif")


def check(
    paths: Iterable[str | Path], overrides: Mapping[str, str] | None = None
) -> list[CheckResult]:
    """Validate every release named by `paths` (files, folders, globs) and run the release
    checks its project enables. Each `CheckResult` has the release's `findings` (rule,
    severity, message, file, line, column, field) or the input `problems` that stopped it."""
    from prwriter.batch import check as run

    return run(paths, overrides)


def check_report(results: Sequence[CheckResult], fmt: str = "text", *, color: bool = False) -> str:
    """Check results as "text", "json", "github" (Actions annotations) or "sarif" (2.1.0)."""
    from prwriter.checks import report

    if fmt == "json":
        return report.as_json(results)
    if fmt == "github":
        return report.as_github(results)
    if fmt == "sarif":
        return report.as_sarif(results, __version__)
    if fmt == "text":
        return report.as_text(results, color=color)
    raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(CHECK_FORMATS)}")


def check_status(results: Sequence[CheckResult], fail_on: str | None = None) -> int:
    """0 clean; 1 when a finding is at or above `fail_on` ("error", "warning", "info"; by
    default each project's `check.fail_on`); 2 when a release could not be read."""
    from prwriter.checks.report import exit_status

    if fail_on not in (None, "error", "warning", "info"):
        raise ValueError(f"unknown severity {fail_on!r}; choose error, warning or info")
    return exit_status(results, fail_on)  # type: ignore[arg-type]


def check_rules_markdown() -> str:
    """The rule catalogue as Markdown, as in docs/rules.md."""
    from prwriter.checks.report import rules_markdown

    return rules_markdown()


def check_rules() -> list[tuple[str, str, str, str]]:
    """Every rule as (id, name, default severity, summary)."""
    from prwriter.checks import iter_rules

    return [(r.id, r.name, r.severity, r.summary) for r in iter_rules()]


SCHEMA_KINDS: tuple[str, ...] = (
    "release", "company", "contact", "person", "legal", "wire", "settings",
)  # fmt: skip


def json_schema(kind: str = "release") -> dict[str, Any]:
    """The JSON Schema of a file kind (one of SCHEMA_KINDS), for editors and tools."""
    from prwriter.schemas import json_schema as schema

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

    return scaffold(Path(folder), Company(company_id, company_name), dt.date.today())


def new_release(
    path: str | Path | None,
    company_id: str | None = None,
    *,
    headline: str | None = None,
    date: str | None = None,
    city: str = "New York",
    state: str | None = "New York",
) -> Path:
    """Write a commented release file for `company_id` at `path` (never over a file), with a
    yaml-language-server $schema line when the project has release.schema.json. Without a
    path: `releases/DATE-SLUG.yaml`, or `DATE-SLUG.yaml` where there is no releases/ folder.
    Without a company: the only one the project has. `state` may be None for AP's
    stand-alone cities. Raises `InputError` for a date, city, state or company that is not
    one, each problem named by the command's option."""
    import datetime as dt

    from prwriter.errors import did_you_mean
    from prwriter.scaffold import Company, answer_problems, company_choices, default_release_path
    from prwriter.scaffold import new_release as write

    problems = answer_problems(date or dt.date.today().isoformat(), city, state)
    if problems:
        raise InputError(problems)
    day = dt.date.fromisoformat(date.strip()) if date else dt.date.today()
    target = Path(path) if path is not None else default_release_path(day, headline)
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
                 state.strip() if state else None)  # fmt: skip


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

    if fmt not in REDLINE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(REDLINE_FORMATS)}")
    return redline_files(Path(old), Path(new), fmt, rev=rev, wire=wire, author=author)


def company_choices(folder: str | Path = ".") -> list[str]:
    """The companies a new release in `folder` may name: the project's own (its library
    folders), or, where it has none, every one including prwriter's example company."""
    from prwriter.scaffold import company_choices as choices

    return choices(Path(folder))


def new_release_problem(field: str, value: str, *, city: str = "") -> str | None:
    """Why `value` cannot be the `field` ("date", "city" or "state") of a new release, or
    None; a state is judged for `city` (AP's stand-alone cities need none)."""
    from prwriter.scaffold import city_problem, date_problem, state_problem

    if field == "date":
        return date_problem(value)
    if field == "city":
        return city_problem(value)
    if field == "state":
        return state_problem(value, city)
    raise ValueError(f"unknown field {field!r}; choose date, city or state")


def list_templates(folder: str | Path = ".") -> dict[str, Path]:
    """Every template file and the folder that wins for it (a project's own first)."""
    from prwriter.project import Project

    found: dict[str, Path] = {}
    for root in Project.find(folder).template_dirs:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found.setdefault(path.relative_to(root).as_posix(), path)
    return found


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

    run(paths, regenerate, stop_event=stop_event, on_removed=on_removed, first=first)


def watch_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders whose changes can change the output of these releases (each release's
    folder and its project, with its library and templates)."""
    from prwriter.batch import watch_folders as folders

    return folders(paths)


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write `content` to `path` all at once: readers see the old file or the new one,
    never a partial one, and a failure leaves the old file untouched."""
    from prwriter.output import write_atomic as write

    write(Path(path), content)


def __getattr__(name: str) -> Any:
    # `Release` loads pydantic; import it only when someone asks for it.
    if name == "Release":
        from prwriter.model import Release

        return Release
    if name in ("BatchOptions", "Outcome"):
        from prwriter import batch

        return getattr(batch, name)
    if name == "FORMATS":
        from prwriter.writers import WRITERS

        return tuple(WRITERS)
    raise AttributeError(f"module 'prwriter' has no attribute {name!r}")
