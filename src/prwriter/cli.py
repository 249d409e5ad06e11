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


@app.command(short_help="Render releases to wire text, DOCX, PDF, HTML and more.")
def generate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Release YAML files, folders (every release below them) or glob patterns.",
            show_default=False,
            metavar="PATHS",
        ),
    ],
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=f"Output formats, comma-separated or repeated: {', '.join(prwriter.FORMATS)}.",
            show_default="the project's formats, else txt",
            metavar="FORMAT",
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-o",
            help="Folder for the output files; '-' writes the one file of one release and "
            "one format to standard output.",
            show_default="the project's output_dir, else each release's own folder",
            file_okay=False,
            metavar="DIR",
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
            metavar="PATTERN",
        ),
    ] = None,
    wire: Annotated[
        str | None,
        typer.Option(
            "--wire",
            "-w",
            help="Wire profile for text, e.g. businesswire (prwriter list wires).",
            show_default="the release's wire:, the project's, else businesswire",
            metavar="NAME",
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            help="Override a field for this run: FIELD=VALUE, e.g. dateline.city=Boston.",
            metavar="FIELD=VALUE",
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
            metavar="VARIANT",
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Only this language of a bilingual release, e.g. fr-CA.",
            show_default="every language the file holds",
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Mark every format DRAFT - NOT FOR DISTRIBUTION (a line in text and HTML, "
            "a watermark in PDF and DOCX); a release's `draft: true` does too.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Render in this many processes.",
            show_default="the number of cores",
            metavar="N",
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Say what would be written; write nothing. With -o -, show it too.",
        ),
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
    to_stdout = output_dir == Path("-")
    if to_stdout and watch:
        raise typer.BadParameter("--watch writes files; give a folder", param_hint="-o")
    try:
        options = prwriter.BatchOptions(
            formats=formats,
            output_dir=None if to_stdout else output_dir,
            name_pattern=name_pattern,
            wire=wire,
            overrides=_overrides(sets or []),
            ascii=ascii_only,
            pdf_variant=pdf_variant,
            checks=not no_checks,
            strict=strict,
            raise_errors=debug,
            keep_contents=to_stdout,
            draft=draft,
            language=language,
        )
    except ValueError as exc:  # the options check themselves (a PDF variant, say)
        raise typer.BadParameter(str(exc), param_hint="--pdf-variant") from None
    # --debug renders in this process, so that a traceback can reach the terminal.
    workers = 1 if debug else jobs or os.cpu_count() or 1
    run = _Run(options, workers, dry_run, fail_fast, quiet, debug, to_stdout)
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
        to_stdout: bool = False,
    ) -> None:
        self.options, self.jobs, self.dry_run = options, jobs, dry_run
        self.fail_fast, self.quiet, self.debug = fail_fast, quiet, debug
        self.to_stdout = to_stdout
        self.outcomes: list[prwriter.Outcome] = []  # of the latest run

    def once(self, paths: list[str]) -> int:
        verb = "would write" if self.dry_run else "wrote"
        # With -o -, standard output carries the release itself and nothing else.
        quiet = self.quiet or self.to_stdout
        progress = _Progress(enabled=not quiet and sys.stderr.isatty())
        try:
            with progress:
                outcomes = prwriter.generate(
                    paths,
                    self.options,
                    jobs=self.jobs,
                    dry_run=self.dry_run or self.to_stdout,
                    fail_fast=self.fail_fast,
                    on_outcome=lambda outcome: progress.step(outcome, verb, quiet),
                )
        except prwriter.InputError as error:
            _report(error)
            self.outcomes = []
            return EXIT_INPUT_ERROR
        self.outcomes = outcomes
        for outcome in outcomes:
            for finding in outcome.findings:
                if (finding.severity != "info" and not self.quiet) or outcome.stopped_by_checks:
                    typer.echo(str(finding), err=True)
        failed = [o for o in outcomes if not o.ok]
        printed: set[prwriter.Problem] = set()
        for outcome in failed:
            # A problem shared by many releases (their project's settings) is printed once.
            for problem in outcome.problems:
                if problem not in printed:
                    printed.add(problem)
                    typer.echo(str(problem), err=True)
            if outcome.error:
                typer.echo(
                    printable(f"{outcome.source}: internal error: {outcome.error}")
                    + " (please report it; "
                    "rerun with --debug for a traceback)",
                    err=True,
                )
        if failed:
            typer.echo(_failure_summary(failed, len(outcomes)), err=True)
            if any(o.error for o in failed):
                return EXIT_INTERNAL_ERROR
            if any(o.problems for o in failed):
                return EXIT_INPUT_ERROR
            return EXIT_FINDINGS
        if self.to_stdout:
            return self.show(outcomes)
        return 0

    def show(self, outcomes: list[prwriter.Outcome]) -> int:
        """-o -: the one file on standard output; with --dry-run, every file, each under a
        `==> name <==` line when there are several."""
        files = [(path, content) for o in outcomes for path, content in
                 zip(o.written, o.contents, strict=True)]  # fmt: skip
        if not self.dry_run and len(files) != 1:
            typer.echo(
                f"-o: '-' writes one file to standard output, and this run makes {len(files)}; "
                "give one release and one --format (or --dry-run to see them all)",
                err=True,
            )
            return EXIT_INPUT_ERROR
        binary = [path for path, content in files if isinstance(content, bytes)]
        if binary and sys.stdout.isatty():
            typer.echo(f"-o: {binary[0].name} is binary; redirect it to a file", err=True)
            return EXIT_INPUT_ERROR
        for path, content in files:
            if len(files) > 1:
                typer.echo(f"==> {path} <==")
            if isinstance(content, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(content)
                sys.stdout.buffer.flush()
            else:
                typer.echo(content, nl=False)
        return 0


def _failure_summary(failed: list[prwriter.Outcome], total: int) -> str:
    """`2 of 5 release(s) failed: 1 could not be read, 1 failed validation`."""
    kinds = {
        "could not be read": sum(bool(o.problems) and o.unreadable for o in failed),
        "failed validation": sum(bool(o.problems) and not o.unreadable for o in failed),
        "held back by a check error (--strict)": sum(o.stopped_by_checks for o in failed),
        "hit an internal error": sum(o.error is not None for o in failed),
    }
    parts = ", ".join(f"{count} {kind}" for kind, count in kinds.items() if count)
    return f"{len(failed)} of {total} release(s) failed: {parts}"


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
    """Regenerate what each change affects until Ctrl-C (exit 130) or SIGTERM (143)."""
    import signal
    import threading

    stop = threading.Event()
    received: list[int] = []

    def on_signal(signum: int, frame: object) -> None:
        received.append(signum)
        stop.set()

    def waiting() -> None:
        signal.signal(signal.SIGINT, on_signal)
        signal.signal(signal.SIGTERM, on_signal)

    def regenerate(releases: list[Path]) -> list[prwriter.Outcome]:
        # A signal while rendering stops at once (a file being written is removed).
        signal.signal(signal.SIGINT, _terminate)
        signal.signal(signal.SIGTERM, _terminate)
        try:
            run.once([str(r) for r in releases])
        finally:
            waiting()
        return run.outcomes

    from prwriter.batch import watch_folders

    folders = watch_folders(paths)
    typer.echo(f"watching {', '.join(str(f) for f in folders)} (Ctrl-C stops)", err=True)
    waiting()
    prwriter.watch(
        paths,
        regenerate,
        stop_event=stop,
        on_removed=lambda path: typer.echo(f"removed {path} (an earlier output)"),
        first=run.outcomes,
    )
    raise typer.Exit(128 + received[0] if received else 0)


@app.command(short_help="Validate releases and run the release checks.")
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Release YAML files, folders or glob patterns.",
            show_default=False,
            metavar="PATHS",
        ),
    ] = None,
    report: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text (colours on a terminal), json, github (Actions annotations) or "
            "sarif (2.1.0); markdown with --list-rules.",
            metavar="FORMAT",
        ),
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings at or above this severity: error, warning or info.",
            show_default="the project's check.fail_on, else error",
            metavar="SEVERITY",
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set", "-s", help="Override a field for this run: FIELD=VALUE.", metavar="FIELD=VALUE"
        ),
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


@app.command("list", short_help="List wire profiles, templates or library entries.")
def list_(
    kind: Annotated[
        str,
        typer.Argument(
            help=f"What to list: wires, templates, {', '.join(prwriter.LIBRARY_KINDS)}.",
            show_default=False,
            metavar="KIND",
        ),
    ],
    folder: Annotated[
        Path,
        typer.Option(
            "--folder",
            help="List what a release in this folder sees (its project and library).",
            file_okay=False,
            exists=True,
            metavar="DIR",
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


@app.command(short_help="Print the JSON Schema of a release or library file.")
def schema(
    kind: Annotated[
        str, typer.Argument(help=f"Which file: {', '.join(prwriter.SCHEMA_KINDS)}.", metavar="KIND")
    ] = "release",
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            help="Write every schema into this folder instead.",
            file_okay=False,
            metavar="DIR",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a release file (or of a library file, wire profile or
    settings), for editors that complete and check YAML as you type."""
    if write is not None:
        from prwriter.json_schemas import write_schemas

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
    from prwriter.json_schemas import schema_text

    typer.echo(schema_text(kind), nl=False)


@app.command(short_help="Start a release project.")
def init(
    folder: Annotated[
        Path, typer.Argument(help="Where to start the project.", metavar="FOLDER")
    ] = Path(),
    company_id: Annotated[
        str,
        typer.Option("--company-id", help="Library id of your company (file name).", metavar="ID"),
    ] = "example",
    company_name: Annotated[
        str,
        typer.Option(
            "--company-name", help="Its legal name, as releases print it.", metavar="NAME"
        ),
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


@app.command("import", short_help="Turn existing releases into release files and a library.")
def import_(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Releases to import: wire text (.txt), Markdown (.md), Word (.docx); "
            "folders and glob patterns too."
        ),
    ],
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="The project folder to write.")
    ],
    wire: Annotated[
        str | None,
        typer.Option("--wire", help="Read every text source in this profile's form."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="YYYY-MM-DD, for copy that carries no date."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that exist in the folder.")
    ] = False,
) -> None:
    """Read releases you already have back into release files and a library (companies,
    people, contacts, legal blocks) under OUTPUT_DIR. Reports FILE:LINE for what it did not
    recognize; never overwrites a file without --force."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise typer.BadParameter(f"'{date}' is not YYYY-MM-DD", param_hint="--date") from None
    try:
        result = prwriter.import_releases(sources, output_dir, wire=wire, force=force, date=day)
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    for path in result.written:
        typer.echo(f"wrote {path}")
    for note in result.notes:
        typer.echo(note, err=True)
    for item in result.releases:
        form = f"{item.wire} (--ascii)" if item.ascii else item.wire
        typer.echo(
            f"{item.source}: {form}, {item.reproduced} of {item.lines} lines reproduced",
            err=True,
        )


@app.command(short_help="Write a commented release to fill in.")
def new(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The release file to write.",
            show_default="releases/DATE-SLUG.yaml",
            metavar="PATH",
        ),
    ] = None,
    company: Annotated[
        str | None,
        typer.Option(
            "--company",
            help="Library id of the issuing company.",
            show_default="the project's only company",
            metavar="ID",
        ),
    ] = None,
    headline: Annotated[
        str | None, typer.Option("--headline", help="The headline to start from.", metavar="TEXT")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="The release date.", show_default="today", metavar="YYYY-MM-DD"
        ),
    ] = None,
    city: Annotated[
        str | None, typer.Option("--city", show_default="New York", metavar="CITY")
    ] = None,
    state: Annotated[
        str | None,
        typer.Option(
            "--state", help="U.S. state; '' for AP's stand-alone cities.", metavar="STATE"
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option("--language", help="BCP 47 tag of the copy; fr-CA writes a French release."),
    ] = None,
) -> None:
    """Write a commented release to fill in. Asks for what is missing on a terminal (and asks
    again when an answer is not a date, a city or a state); in CI give the options. Never
    replaces a file."""
    import datetime as dt

    folder = path.parent if path and path.parent.exists() else Path()
    # A French release starts in Montreal, which AP writes alone (MONTRÉAL in French copy).
    french = (language or "").lower().startswith("fr")
    default_city, default_state = ("Montreal", None) if french else ("New York", "New York")
    if _can_ask():
        from prwriter.scaffold import company_choices

        choices = company_choices(folder)  # the project's own; any library id is taken
        known = prwriter.list_entries("companies", folder)
        if company is None:
            company = _ask(
                "Company id",
                choices[0] if len(choices) == 1 else None,
                lambda text: None if text in known else f"choose one of: {', '.join(choices)}",
            )
        if headline is None:
            headline = typer.prompt("Headline")
        if date is None:
            date = _ask("Date (YYYY-MM-DD)", dt.date.today().isoformat(), _problem_of("date"))
        if city is None:
            city = _ask("Dateline city", default_city, _problem_of("city"))
        if state is None:
            state = _ask("State (empty for none)", "", _problem_of("state", city))
    try:
        written = prwriter.new_release(
            path,
            company,
            headline=headline,
            date=date,
            city=default_city if city is None else city,
            state=default_state if state is None and city is None else state,
            language=language,
        )
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    typer.echo(f"wrote {written}")


def _problem_of(field: str, city: str = "") -> Any:
    from prwriter.scaffold import answer_problem

    return lambda text: answer_problem(field, text, city=city)


def _can_ask() -> bool:
    """Prompts only for a person at a terminal; CI gets errors instead of a hung job."""
    return sys.stdin.isatty()


def _ask(question: str, default: str | None, problem: Any) -> str:
    """Ask until `problem(answer)` finds nothing wrong; say what was wrong each time."""

    def check(text: str) -> str:
        why = problem(text)
        if why:
            raise typer.BadParameter(why)  # the prompt prints "Error: <why>" and asks again
        return text.strip()

    answer: str = typer.prompt(
        question, default=default, value_proc=check, show_default=bool(default)
    )
    return answer


@app.command("diff", short_help="Redline two versions of a release, word by word.")
def diff(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="OLD NEW: two versions of a release; with --rev, one file (or OLD NEW).",
            show_default=False,
            metavar="PATHS",
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="txt (wire text), html or docx (print copy).", metavar="FORMAT"
        ),
    ] = "txt",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the redline here.", show_default="stdout", metavar="FILE"
        ),
    ] = None,
    wire: Annotated[
        str | None,
        typer.Option("--wire", "-w", help="Wire profile of the text redline.", metavar="NAME"),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            help="Compare with OLD as it was at this git revision, e.g. HEAD.",
            metavar="REV",
        ),
    ] = None,
    author: Annotated[
        str, typer.Option("--author", help="Author of the DOCX tracked changes.", metavar="NAME")
    ] = "prwriter",
) -> None:
    """Redline two versions of a release, word by word, library blocks included: text with
    [-removed-]{+added+}, HTML with <del> and <ins>, DOCX with tracked changes that Word and
    LibreOffice accept or reject.

    Example: prwriter diff releases/launch.yaml --rev HEAD -f docx -o launch-redline.docx
    """
    if fmt not in prwriter.REDLINE_FORMATS:
        raise typer.BadParameter(
            f"unknown format '{fmt}'; choose from {', '.join(prwriter.REDLINE_FORMATS)}",
            param_hint="--format",
        )
    if len(paths) > 2 or (len(paths) == 1 and rev is None):
        raise typer.BadParameter("give OLD and NEW, or one file with --rev REV", param_hint="PATHS")
    old, new = paths[0], paths[-1]
    try:
        result = prwriter.redline(old, new, fmt, rev=rev, wire=wire, author=author)
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None
    if output is not None:
        from prwriter.output import write_atomic

        write_atomic(output, result)
        typer.echo(f"wrote {output}", err=True)
    elif isinstance(result, bytes):
        if sys.stdout.isatty():
            raise typer.BadParameter("a DOCX redline needs -o FILE", param_hint="--output")
        sys.stdout.buffer.write(result)
    else:
        typer.echo(result, nl=False)


@app.command(short_help="Build a static newsroom with an Atom feed.")
def site(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Release YAML files, folders or glob patterns.",
            show_default=False,
            metavar="PATHS",
        ),
    ],
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir",
            "-o",
            help="The site folder (replaced whole).",
            file_okay=False,
            show_default=False,
            metavar="DIR",
        ),
    ],
    base_url: Annotated[
        str,
        typer.Option(
            "--base-url",
            help="Where the site is published; the feed's and the "
            "sitemap's addresses start with it.",
            metavar="URL",
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
            metavar="DATETIME",
        ),
    ] = None,
    downloads: Annotated[
        list[str] | None,
        typer.Option(
            "--download",
            "-d",
            help="Also build these formats beside each page and "
            "link them: pdf, docx, md, json, txt (comma-separated or repeated).",
            metavar="FORMAT",
        ),
    ] = None,
    title: Annotated[
        str, typer.Option("--title", help="The index page's title.", metavar="TEXT")
    ] = ("News releases"),
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


@app.command("preview", short_help="Preview a release in the browser, live.")
def preview(
    path: Annotated[
        Path, typer.Argument(help="The release file.", show_default=False, metavar="PATH")
    ],
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="0: a free port.", metavar="PORT")
    ] = 0,
    wire: Annotated[
        str | None,
        typer.Option("--wire", "-w", help="Wire profile of the wire text.", metavar="NAME"),
    ] = None,
    host: Annotated[
        str,
        typer.Option(
            "--host", help="Interface to serve on; only this machine by default.", metavar="ADDRESS"
        ),
    ] = "127.0.0.1",
) -> None:
    """Preview a release in the browser: the copy with check findings beside it, the print
    copy and the wire text, reloaded live as you edit the release, the library, templates,
    profiles or settings. Ctrl-C stops it.

    Example: prwriter preview releases/launch.yaml
    """
    try:
        prwriter.preview(
            path,
            port=port,
            wire=wire,
            host=host,
            on_ready=lambda url: typer.echo(f"previewing {path} at {url} (Ctrl-C stops)"),
        )
    except prwriter.InputError as error:
        _report(error)
        raise typer.Exit(EXIT_INPUT_ERROR) from None


templates_app = typer.Typer(
    help="Customise the layouts: copy the shipped templates into a project.",
    short_help="Customise the layouts.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export", short_help="Copy the shipped templates into a project.")
def export(
    destination: Annotated[
        Path,
        typer.Argument(
            help="Where to copy them, usually your project's templates/ folder.",
            metavar="DESTINATION",
        ),
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
    try:
        app()
    except SystemExit as done:
        if not _signals_received:
            raise
        # Interrupted: files were cleaned up while unwinding; do not wait at exit for
        # threads a stopped process pool may have left blocked on a pipe.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code if isinstance(done.code, int) else 128 + _signals_received[-1])
