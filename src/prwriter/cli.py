"""The `prwriter` command: a thin Typer layer over the public API in `prwriter`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

import prwriter
from prwriter.errors import printable

EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 70

app = typer.Typer(
    name="prwriter",
    help=(
        "Write a press release once as YAML facts and render it wire-ready.\n\n"
        "Example: prwriter generate releases/launch.yaml --format txt --output-dir out"
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: Rich's help formatter costs more to import (~50 ms)
    # than the rest of `prwriter --help` together.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"prwriter {prwriter.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Write a press release once as YAML facts and render it wire-ready."""


def _formats(values: list[str]) -> list[str]:
    """`--format txt,docx --format pdf` -> ["txt", "docx", "pdf"], checked and deduplicated."""
    chosen: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if name and name not in chosen:
                chosen.append(name)
    unknown = [f for f in chosen if f not in prwriter.FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(
            f"unknown format {', '.join(repr(f) for f in unknown) or '(none)'}; "
            f"choose from {', '.join(prwriter.FORMATS)}",
            param_hint="--format",
        )
    return chosen


def _report(error: prwriter.InputError) -> None:
    for problem in error.problems:
        typer.echo(str(problem), err=True)


def _overrides(values: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        key, equals, text = value.partition("=")
        if not equals or not key.strip():
            raise typer.BadParameter(
                f"'{value}' is not FIELD=VALUE, e.g. --set dateline.city=Boston",
                param_hint="--set",
            )
        found[key.strip()] = text
    return found


@app.command()
def generate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Release YAML files, folders (every release below them) or glob patterns.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Output formats, comma-separated or repeated: {', '.join(prwriter.FORMATS)}.",
            show_default="the project's formats, else txt",
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Folder for the output files.",
            show_default="the project's output_dir, else each release's own folder",
            file_okay=False,
        ),
    ] = None,
    name_pattern: Annotated[
        str | None,
        typer.Option(
            "--name-pattern",
            "-n",
            help="Output file names from {stem}, {date}, {slug}, {ext}, {wire}, "
            "e.g. '{date}-{slug}.{ext}'.",
            show_default="{stem}.{ext}",
        ),
    ] = None,
    wire: Annotated[
        str | None,
        typer.Option(
            "--wire",
            "-w",
            help="Wire profile for text, e.g. businesswire (prwriter list wires).",
            show_default="the release's wire:, the project's, else businesswire",
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="Override a field for this run: FIELD=VALUE, e.g. dateline.city=Boston.",
        ),
    ] = None,
    ascii_only: Annotated[
        bool,
        typer.Option(
            "--ascii",
            help="Fold the text to pure ASCII, wrapped at 80 columns (SEC EDGAR exhibits).",
        ),
    ] = False,
    pdf_variant: Annotated[
        str | None,
        typer.Option(
            "--pdf-variant",
            help="Archival or accessible PDF: pdf/a-3b or pdf/ua-1 (not checked by an "
            "independent validator).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Render in this many processes.",
            show_default="the number of cores",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be written; write nothing.")
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Write nothing for a release with a check finding at error severity."
        ),
    ] = False,
    no_checks: Annotated[
        bool, typer.Option("--no-checks", help="Skip the release checks.")
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first release that fails.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print problems only, no progress.")
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Stay running and regenerate when a release, library file, template or "
            "setting changes (Ctrl-C stops).",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback for unexpected errors.")
    ] = False,
) -> None:
    """Render releases to files (release.yaml -> release.txt, release.pdf, ...).

    A batch goes on past a broken release and writes every good one. Problems are printed
    at the end as FILE:LINE:COL: field: message, with the release checks' warnings and
    errors; the exit status is 2 when any release had a problem, 1 when --strict held one
    back for a check error, 70 when prwriter itself failed.
    """
    formats = _formats(fmt) if fmt else None
    try:
        options = prwriter.BatchOptions(
            formats=formats,
            output_dir=output_dir,
            name_pattern=name_pattern,
            wire=wire,
            overrides=_overrides(sets or []),
            ascii=ascii_only,
            pdf_variant=pdf_variant,
            checks=not no_checks,
            strict=strict,
            raise_errors=debug,
        )
    except ValueError as exc:  # the options check themselves (a PDF variant, say)
        raise typer.BadParameter(str(exc), param_hint="--pdf-variant") from None
    # --debug renders in this process, so that a traceback can reach the terminal.
    workers = 1 if debug else jobs or os.cpu_count() or 1
    run = _Run(options, workers, dry_run, fail_fast, quiet, debug)
    status = run.once(paths)
    if not watch:
        raise typer.Exit(status)
    _watch(paths, run)


class _Run:
    """One `generate` invocation: runs batches and reports on them."""

    def __init__(
        self,
        options: prwriter.BatchOptions,
        jobs: int,
        dry_run: bool,
        fail_fast: bool,
        quiet: bool,
        debug: bool,
    ) -> None:
        self.options, self.jobs, self.dry_run = options, jobs, dry_run
        self.fail_fast, self.quiet, self.debug = fail_fast, quiet, debug

    def once(self, paths: list[str]) -> int:
        verb = "would write" if self.dry_run else "wrote"
        progress = _Progress(enabled=not self.quiet and sys.stderr.isatty())
        try:
            with progress:
                outcomes = prwriter.generate(
                    paths,
                    self.options,
                    jobs=self.jobs,
                    dry_run=self.dry_run,
                    fail_fast=self.fail_fast,
                    on_outcome=lambda outcome: progress.step(outcome, verb, self.quiet),
                )
        except prwriter.InputError as error:
            _report(error)
            return EXIT_INPUT_ERROR
        for outcome in outcomes:
            for finding in outcome.findings:
                if (finding.severity != "info" and not self.quiet) or outcome.stopped_by_checks:
                    typer.echo(str(finding), err=True)
        failed = [o for o in outcomes if not o.ok]
        for outcome in failed:
            for problem in outcome.problems:
                typer.echo(str(problem), err=True)
            if outcome.error:
                typer.echo(
                    printable(f"{outcome.source}: internal error: {outcome.error}")
                    + " (please report it; "
                    "rerun with --debug for a traceback)",
                    err=True,
                )
        if failed:
            typer.echo(f"{len(failed)} of {len(outcomes)} release(s) failed", err=True)
            if any(o.error for o in failed):
                return EXIT_INTERNAL_ERROR
            if any(o.problems for o in failed):
                return EXIT_INPUT_ERROR
            return EXIT_FINDINGS
        return 0


class _Progress:
    """A Rich progress bar on a terminal; one plain line per file otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                transient=True,
            )
            self.bar.__enter__()
            self.task = self.bar.add_task("generating", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def step(self, outcome: prwriter.Outcome, verb: str, quiet: bool) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
            self.bar.update(self.task, description=outcome.source.name)
        if quiet:
            return
        for path in outcome.written:
            line = printable(f"{verb} {path}")
            if self.bar is not None:
                self.bar.console.print(line, highlight=False, markup=False)
            else:
                typer.echo(line)


def _watch(paths: list[str], run: _Run) -> None:
    import watchfiles

    from prwriter.batch import watch_folders

    folders = watch_folders(paths)
    outputs = {".txt", ".html", ".pdf", ".md", ".json", ".htm"}
    typer.echo(f"watching {', '.join(str(f) for f in folders)} (Ctrl-C stops)", err=True)

    def relevant(change: watchfiles.Change, path: str) -> bool:
        # Our own output must not trigger another run; a .docx counts only in templates/.
        suffix = Path(path).suffix
        if suffix == ".docx":
            return "templates" in Path(path).parts
        return suffix not in outputs and not Path(path).name.startswith(".")

    for _changes in watchfiles.watch(*folders, watch_filter=relevant, raise_interrupt=False):
        run.once(paths)
    # watchfiles ends its loop quietly on a signal, swallowing the SystemExit raised by
    # _terminate: exit as that signal asks.
    if _signals_received:
        raise SystemExit(128 + _signals_received[-1])


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Release YAML files, folders or glob patterns.", show_default=False),
    ] = None,
    report: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text (colours on a terminal), json, github (Actions annotations) or "
            "sarif (2.1.0); markdown with --list-rules.",
        ),
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at or above this severity: error, warning or info.",
            show_default="the project's check.fail_on, else error",
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", "-s", help="Override a field for this run: FIELD=VALUE."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List every rule and exit.")
    ] = False,
) -> None:
    """Validate releases and run the release checks.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 a release could not be read.
    """
    if list_rules:
        if report == "markdown":
            from prwriter.checks.report import rules_markdown

            typer.echo(rules_markdown(), nl=False)
            raise typer.Exit(0)
        for rule in prwriter.check_rules():
            typer.echo(f"{rule.id}  {rule.severity:<7}  {rule.name}: {rule.summary}")
        raise typer.Exit(0)
    if not paths:
        raise typer.BadParameter("give release files, folders or patterns", param_hint="PATHS")
    if report not in prwriter.CHECK_FORMATS:
        raise typer.BadParameter(
            f"unknown format '{report}'; choose from {', '.join(prwriter.CHECK_FORMATS)}",
            param_hint="--format",
        )
    if fail_on is not None and fail_on not in get_args(prwriter.Severity):
        raise typer.BadParameter("choose error, warning or info", param_hint="--fail-on")
    results = prwriter.check(paths, _overrides(sets or []))
    color = report == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    typer.echo(prwriter.check_report(results, report, color=color), nl=False)
    from prwriter.checks.report import exit_status

    raise typer.Exit(exit_status(results, fail_on))  # type: ignore[arg-type]


@app.command("list")
def list_(
    kind: Annotated[
        str,
        typer.Argument(
            help=f"What to list: wires, templates, {', '.join(prwriter.LIBRARY_KINDS)}.",
            show_default=False,
        ),
    ],
    folder: Annotated[
        Path,
        typer.Option(
            "--folder",
            help="List what a release in this folder sees (its project and library).",
            file_okay=False,
        ),
    ] = Path(),
) -> None:
    """List the wire profiles, templates or library entries a release can use, and where each
    comes from (the first folder that has it wins)."""
    if kind == "wires":
        found = prwriter.list_wires(folder)
    elif kind == "templates":
        found = prwriter.list_templates(folder)
    elif kind in prwriter.LIBRARY_KINDS:
        found = prwriter.list_entries(kind, folder)
    else:
        choices = ", ".join(("wires", "templates", *prwriter.LIBRARY_KINDS))
        raise typer.BadParameter(f"unknown kind '{kind}'; choose from {choices}")
    width = max((len(name) for name in found), default=0)
    for name, path in found.items():
        typer.echo(printable(f"{name:<{width}}  {path}"))


@app.command()
def schema(
    kind: Annotated[
        str, typer.Argument(help=f"Which file: {', '.join(prwriter.SCHEMA_KINDS)}.")
    ] = "release",
    write: Annotated[
        Path | None,
        typer.Option(
            "--write", help="Write every schema into this folder instead.", file_okay=False
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a release file (or of a library file, wire profile or
    settings), for editors that complete and check YAML as you type."""
    if write is not None:
        from prwriter.schemas import write_schemas

        try:
            written = write_schemas(write)
        except OSError as error:  # a symbolic link or a folder in the way, a full disk
            typer.echo(f"{write}: cannot write the schemas: {error.strerror or error}", err=True)
            raise typer.Exit(EXIT_INPUT_ERROR) from None
        for target in written:
            typer.echo(f"wrote {target}")
        return
    if kind not in prwriter.SCHEMA_KINDS:
        raise typer.BadParameter(
            f"unknown schema '{kind}'; choose from {', '.join(prwriter.SCHEMA_KINDS)}",
            param_hint="KIND",
        )
    from prwriter.schemas import schema_text

    typer.echo(schema_text(kind), nl=False)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to start the project.")] = Path(),
    company_id: Annotated[
        str, typer.Option("--company-id", help="Library id of your company (file name).")
    ] = "example",
    company_name: Annotated[
        str, typer.Option("--company-name", help="Its legal name, as releases print it.")
    ] = "Example Company, Inc.",
) -> None:
    """Start a release project: settings, a company with a contact, a spokesperson and a
    legal block to edit, a first release, the release schema, a templates/ folder and a
    GitHub Actions workflow that checks releases and builds drafts. Never replaces a file."""
    try:
        written = prwriter.init_project(folder, company_id, company_name)
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(
        f"next: edit boilerplates/, then prwriter check {folder / 'releases'} and "
        f"prwriter generate {folder / 'releases'}",
        err=True,
    )


@app.command()
def new(
    path: Annotated[
        Path | None,
        typer.Argument(help="The release file to write.", show_default="releases/DATE-SLUG.yaml"),
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", help="Library id of the issuing company.")
    ] = None,
    headline: Annotated[str | None, typer.Option("--headline")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD", show_default="today")
    ] = None,
    city: Annotated[str | None, typer.Option("--city")] = None,
    state: Annotated[str | None, typer.Option("--state")] = None,
) -> None:
    """Write a commented release to fill in. Asks for what is missing on a terminal; in CI
    give the options. Never replaces a file."""
    import datetime as dt

    ask = sys.stdin.isatty()
    companies = list(prwriter.list_entries("companies", path.parent if path else Path()))
    if company is None:
        if not ask:
            raise typer.BadParameter(
                f"which company? one of: {', '.join(companies)}", param_hint="--company"
            )
        company = typer.prompt("Company id", default=companies[0] if companies else None)
    if headline is None and ask:
        headline = typer.prompt("Headline")
    if city is None:
        city = typer.prompt("Dateline city", default="New York") if ask else "New York"
    if state is None:
        state = typer.prompt("State", default="New York") if ask else "New York"
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise typer.BadParameter(f"'{date}' is not YYYY-MM-DD", param_hint="--date") from None
    try:
        written = prwriter.new_release(
            path, company or "", headline=headline, date=day.isoformat(), city=city, state=state
        )
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    typer.echo(f"wrote {written}")


@app.command()
def site(
    paths: Annotated[
        list[str],
        typer.Argument(help="Release YAML files, folders or glob patterns.", show_default=False),
    ],
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir",
            "-o",
            help="The site folder (replaced whole).",
            file_okay=False,
            show_default=False,
        ),
    ],
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            help="Where the site is published; the feed's and the "
            "sitemap's addresses start with it.",
        ),
    ] = "http://localhost:8000/",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Publish as of this moment, ISO 8601 with an offset or "
            "Z (2026-03-10T15:00Z): releases under embargo after it are left out. "
            "The default is now, read from the clock: the only rendering in prwriter that "
            "reads it.",
            show_default="now",
        ),
    ] = None,
    downloads: Annotated[
        list[str] | None,
        typer.Option(
            "--download",
            "-d",
            help="Also build these formats beside each page and "
            "link them: pdf, docx, md, json, txt (comma-separated or repeated).",
        ),
    ] = None,
    title: Annotated[str, typer.Option("--title", help="The index page's title.")] = (
        "News releases"
    ),
) -> None:
    """Build a static newsroom: an index of releases newest first, a page per release (its
    HTML, with any downloads), an Atom feed and sitemap.xml. Same releases and --as-of, same
    bytes; a failed build leaves the last good site in place (exit 2)."""
    chosen = [f.strip() for value in downloads or [] for f in value.split(",") if f.strip()]
    formats = list(dict.fromkeys(chosen))
    try:
        result = prwriter.build_site(
            paths, output_dir, base_url=base_url, as_of=as_of, downloads=formats, title=title
        )
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    typer.echo(f"wrote {result.folder}: {len(result.published)} release(s)")
    for path in result.withheld:
        typer.echo(f"left out {path}: under embargo as of the build", err=True)


templates_app = typer.Typer(
    help="Customise the layouts: copy the shipped templates into a project.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def export(
    destination: Annotated[
        Path,
        typer.Argument(help="Where to copy them, usually your project's templates/ folder."),
    ] = Path("templates"),
) -> None:
    """Copy the shipped templates (text layout, wire profiles, HTML layout and stylesheets,
    the DOCX reference document, fonts) to start customising them. Files that exist are
    never replaced. prwriter uses a project's templates/ before its own."""
    try:
        written = prwriter.export_templates(destination)
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    for path in written:
        typer.echo(f"wrote {path}")
    if not written:
        typer.echo(f"nothing to copy: {destination} already has every template")


_signals_received: list[int] = []


def _terminate(signum: int, frame: object) -> None:
    # Unwind (a file being written is removed, not left half done) and exit 128 + signal,
    # whatever the command was doing: Click would turn a KeyboardInterrupt into exit 1.
    _signals_received.append(signum)
    raise SystemExit(128 + signum)


def main() -> None:
    """Console entry point: exit 130 on Ctrl-C and 143 on SIGTERM, leaving no partial file."""
    import signal

    # pydantic looks for plugins among every installed package's entry points on its first
    # model (about 10 ms); the command line uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    app()
