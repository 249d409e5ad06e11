"""Generating many releases at once: finding them, naming outputs, rendering in one or more
processes, and writing every good release whatever happens to the others.

Rendering happens in workers; writing happens here, in the calling process, so that two
releases can never write the same file and a failed release never leaves part of its set.
"""

from __future__ import annotations

import gc
import glob
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from prwriter.errors import InputError, Problem, ReadError, display_path
from prwriter.kinds import PDF_VARIANTS, choose
from prwriter.library import SUFFIXES
from prwriter.output import write_all
from prwriter.paths import check_read
from prwriter.project import Project, find_project
from prwriter.settings import check_name_pattern, setting_position
from prwriter.style.names import slug
from prwriter.wires import DEFAULT_WIRE

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from prwriter.checks import Finding
    from prwriter.checks.report import CheckResult
    from prwriter.model import Release

DEFAULT_PATTERN = "{stem}.{ext}"
# Folders inside a project that hold library files and templates, not releases.
NOT_RELEASES = {"boilerplates", "templates", "node_modules"}


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What a batch run chooses; None means: the project's setting, then the default."""

    formats: Sequence[str] | None = None
    output_dir: Path | None = None
    name_pattern: str | None = None
    wire: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)
    ascii: bool = False
    pdf_variant: str | None = None
    checks: bool = True  # run the release checks too
    strict: bool = False  # a finding at error severity stops the release
    raise_errors: bool = False  # let unexpected errors out, with their traceback (--debug)
    draft: bool = False  # mark every output DRAFT
    language: str | None = None  # only this language of each release (a bilingual file's)
    keep_contents: bool = False  # put what is rendered in Outcome.contents (for -o -)

    def __post_init__(self) -> None:
        if self.pdf_variant is not None:
            choose(self.pdf_variant, PDF_VARIANTS, "PDF variant")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one release."""

    source: Path
    written: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str | None = None  # an unexpected failure inside prwriter
    findings: tuple[Finding, ...] = ()
    stopped_by_checks: bool = False  # strict mode: an error finding kept it from being written
    unreadable: bool = False  # the problems are that a file could not be read at all
    # With BatchOptions.keep_contents: what each of `written` holds (or would hold).
    contents: tuple[str | bytes, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and self.error is None and not self.stopped_by_checks


@dataclass(frozen=True, slots=True)
class _Rendered:
    source: Path
    outputs: dict[Path, str | bytes] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    unreadable: bool = False


def find_releases(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Release files named by `paths`: files as given, every release YAML below a folder
    (not in boilerplates/ or templates/), and the matches of glob patterns."""
    found: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        text = str(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            # glob.glob takes absolute patterns too, which Path.glob does not.
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))  # noqa: PTH207
            if not matches:
                problems.append(Problem(text, 0, 0, "", "no file matches this pattern"))
            found.extend(m for m in matches if m.suffix in SUFFIXES and m.is_file())
        elif Path(text).is_dir():
            inside = sorted(
                p
                for p in Path(text).rglob("*")
                if p.suffix in SUFFIXES
                and p.is_file()
                and not NOT_RELEASES & set(p.relative_to(text).parts[:-1])
                and not any(part.startswith(".") for part in p.relative_to(text).parts)
            )
            if not inside:
                problems.append(Problem(text, 0, 0, "", "no release YAML files in this folder"))
            for path in inside:
                try:  # a symbolic link in the folder must not pull in a file from elsewhere
                    check_read(path, [Path(text)], "release file")
                    found.append(path)
                except InputError as error:
                    problems.extend(error.problems)
        else:
            found.append(Path(text))
    return list(dict.fromkeys(found)), problems


class Projects:
    """The projects of one run, each read once: every release of a project shares its
    settings, library, profiles and compiled templates. A new run reads them again."""

    def __init__(self) -> None:
        self._found: dict[Path, Project] = {}

    def of(self, release_file: Path) -> Project:
        root = find_project(release_file.parent)
        if root not in self._found:
            self._found[root] = Project(root)
        return self._found[root]


# The projects a worker process has read; a pool lives for one run, and so do they.
_worker_projects: Projects | None = None


def _render_in_worker(path: Path, options: BatchOptions) -> _Rendered:
    global _worker_projects
    if _worker_projects is None:
        _worker_projects = Projects()
    return _render(path, options, _worker_projects)


def _render(path: Path, options: BatchOptions, projects: Projects) -> _Rendered:
    """Load and render one release in every format; never raises."""
    from prwriter.loading import load_with_origins
    from prwriter.writers import EXTENSIONS, STEM_SUFFIXES, WRITERS, RenderOptions, get_writer

    try:
        project = projects.of(path)
        release, origins = load_with_origins(path, options.overrides, project)
        # A bilingual file renders as one release per language: release.fr-CA.txt, ...
        versions = [(path.stem, release, origins)] + [
            (f"{path.stem}.{tag}", *load_with_origins(path, options.overrides, project, tag))
            for tag in release.translations
        ]
        if options.language is not None:
            wanted = options.language.casefold()  # BCP 47 tags are case-insensitive
            versions = [v for v in versions if v[1].language.casefold() == wanted]
            if not versions:
                languages = ", ".join([release.language, *release.translations])
                message = f"the release is in {languages}, not {options.language}"
                raise InputError([Problem(display_path(path), 0, 0, "--language", message)])
        settings = project.settings
        findings: tuple[Finding, ...] = ()
        if options.checks:
            from prwriter.checks import run_checks

            # The slow rules (readability) are left to `prwriter check`.
            findings = tuple(
                finding
                for _, version, where in versions
                for finding in run_checks(version, where, project, slow=False)
            )
        formats = list(options.formats or settings.formats or ["txt"])
        unknown = [f for f in formats if f not in WRITERS]
        if unknown:
            file, line = setting_position(project.folder, "formats")
            message = f"unknown format '{unknown[0]}'; choose from {', '.join(WRITERS)}"
            raise InputError([Problem(file, line, 1, "formats", message)])
        folder = options.output_dir
        if folder is None:
            folder = path.parent
            if settings.output_dir:
                folder = _inside_project(project.folder, settings.output_dir)
        pattern = options.name_pattern or settings.name_pattern or DEFAULT_PATTERN
        render_options = RenderOptions(
            project,
            wire=options.wire,
            ascii=options.ascii,
            pdf_variant=options.pdf_variant,
            draft=options.draft,
        )
        outputs: dict[Path, str | bytes] = {}
        for fmt, (stem, release, _) in ((f, v) for v in versions for f in formats):
            name = pattern.format(
                stem=stem + STEM_SUFFIXES.get(fmt, ""),
                date=release.date.isoformat(),
                slug=slug(release.headline),
                ext=EXTENSIONS.get(fmt, fmt),
                wire=options.wire or release.wire or DEFAULT_WIRE,
            )
            if folder / name in outputs:
                raise InputError([Problem("--name-pattern", 0, 0, "", f"every format gets the "
                                          f"name {name}; put {{ext}} in the pattern")])  # fmt: skip
            outputs[folder / name] = get_writer(fmt).write(release, render_options)
        return _Rendered(path, outputs, findings=findings)
    except InputError as error:
        return _Rendered(path, problems=error.problems, unreadable=isinstance(error, ReadError))
    except Exception as error:  # a bug: reported per release, the batch goes on
        if options.raise_errors:
            raise
        return _Rendered(path, error=f"{type(error).__name__}: {error}")


def _inside_project(project: Path, output_dir: str) -> Path:
    """The settings' output folder; it must stay inside the project (after `..` and
    symbolic links), since a settings file travels with the releases it sits beside."""
    folder = project / output_dir
    if not folder.resolve().is_relative_to(project.resolve()):
        file, line = setting_position(project, "output_dir")
        message = (
            f"'{output_dir}' lies outside the project folder; keep output_dir inside it, "
            "or choose the folder on the command line with --output-dir"
        )
        raise InputError([Problem(file, line, 1, "output_dir", message)])
    return folder


def _write(
    rendered: _Rendered, written: set[Path], dry_run: bool, options: BatchOptions
) -> Outcome:
    outcome = _write_files(rendered, written, dry_run, options.strict)
    if options.keep_contents and outcome.ok:
        contents = tuple(rendered.outputs[target] for target in outcome.written)
        return replace(outcome, contents=contents)
    return outcome


def _write_files(rendered: _Rendered, written: set[Path], dry_run: bool, strict: bool) -> Outcome:
    if rendered.problems or rendered.error:
        return Outcome(rendered.source, problems=rendered.problems, error=rendered.error,
                       unreadable=rendered.unreadable)  # fmt: skip
    if strict and any(f.severity == "error" for f in rendered.findings):
        return Outcome(rendered.source, findings=rendered.findings, stopped_by_checks=True)
    shown = display_path(rendered.source)
    for target in rendered.outputs:
        resolved = target.resolve()
        why = None
        if resolved == rendered.source.resolve():
            why = f"writing {target} would replace the release itself; choose --output-dir"
        elif resolved in written:
            why = (
                f"{target} was already written in this run; give the releases different "
                "file names, output folders, or a name pattern that tells them apart"
            )
        if why:
            return Outcome(rendered.source, problems=(Problem(shown, 0, 0, "", why),))
    if not dry_run:
        try:
            # All of a release's files or none: a failure keeps the previous set whole.
            write_all(rendered.outputs)
        except OSError as error:
            reason = error.strerror or str(error)
            where = f" {error.filename}" if error.filename else ""
            message = f"cannot write{where}: {reason}; nothing was written for this release"
            return Outcome(rendered.source, problems=(Problem(shown, 0, 0, "", message),))
    written.update(target.resolve() for target in rendered.outputs)
    return Outcome(rendered.source, tuple(rendered.outputs), findings=rendered.findings)


def generate(
    paths: Iterable[str | Path],
    options: BatchOptions | None = None,
    *,
    jobs: int = 1,
    dry_run: bool = False,
    fail_fast: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Render every release named by `paths` (files, folders, globs) and write the files.

    A broken release does not stop the others unless `fail_fast`. `jobs` > 1 renders in that
    many processes. `on_outcome` hears of each release as it finishes. Returns one Outcome
    per release, in the order the releases were found.
    """
    options = options or BatchOptions()
    if options.name_pattern:
        try:
            check_name_pattern(options.name_pattern)
        except ValueError as exc:
            raise InputError([Problem("--name-pattern", 0, 0, "", str(exc))]) from None
    releases, problems = find_releases(paths)
    outcomes: dict[Path, Outcome] = {}
    written: set[Path] = set()
    for problem in problems:
        outcome = Outcome(Path(problem.file), problems=(problem,), unreadable=True)
        outcomes[outcome.source] = outcome
        if on_outcome:
            on_outcome(outcome)
    if fail_fast and problems:
        return list(outcomes.values())

    def finish(rendered: _Rendered) -> bool:
        outcome = _write(rendered, written, dry_run, options)
        outcomes[rendered.source] = outcome
        if on_outcome:
            on_outcome(outcome)
        return outcome.ok

    if jobs <= 1 or len(releases) <= 1:
        projects = Projects()
        with _young_objects_die_young():
            for path in releases:
                if not finish(_render(path, options, projects)) and fail_fast:
                    break
    else:
        _render_in_pool(releases, options, jobs, finish, fail_fast)
    return list(outcomes.values())


# Young-generation size for a batch: a release with tables makes tens of thousands of
# objects (YAML nodes, models, layout) that live as long as the release.
BATCH_YOUNG_GENERATION = 10_000


@contextmanager
def _young_objects_die_young() -> Iterator[None]:
    """Collect the youngest generation less often while a batch runs. With Python's default
    (700 objects) a release's objects outlive several collections, get promoted, and are
    scanned again in the older generations before they die; about a tenth of the time an
    earnings release takes. The caller's setting is theirs: left alone when collection is
    off (a threshold of 0), and put back after the batch unless something else (another
    batch in another thread) changed it meanwhile."""
    before = gc.get_threshold()
    if before[0] == 0 or before[0] >= BATCH_YOUNG_GENERATION:
        yield
        return
    ours = (BATCH_YOUNG_GENERATION, *before[1:])
    gc.set_threshold(*ours)
    try:
        yield
    finally:
        if gc.get_threshold() == ours:
            gc.set_threshold(*before)


def _render_in_pool(
    releases: list[Path],
    options: BatchOptions,
    jobs: int,
    finish: Callable[[_Rendered], bool],
    fail_fast: bool,
) -> None:
    # Imported here: a batch of one, or --jobs 1, never needs process pools.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_worker_started, initargs=(os.getpid(),)
    )
    try:
        futures: list[Future[_Rendered]] = [
            pool.submit(_render_in_worker, path, options) for path in releases
        ]
        # Written in input order, so which of two clashing releases wins is stable.
        for path, future in zip(releases, futures, strict=True):
            try:
                rendered = future.result()
            except BrokenProcessPool:
                rendered = _Rendered(path, error="the process rendering it stopped (killed?)")
            if not finish(rendered) and fail_fast:
                break
    except BaseException:
        # Ctrl-C or SIGTERM: stop the workers now rather than wait for their releases.
        _stop_pool(pool)
        raise
    pool.shutdown(wait=True, cancel_futures=True)


def _stop_pool(pool: ProcessPoolExecutor, grace: float = 5.0) -> None:
    # Let the executor cancel what has not started (cancelling futures from here races
    # with its own thread). Each worker then finishes the release in its hands and exits:
    # a worker killed while it sends a result leaves half a message in the pipe, and the
    # executor's thread waits for the rest forever. Only a worker stuck past `grace`
    # seconds is terminated.
    import time

    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.terminate()
            process.join(timeout=5)
        if process.is_alive():
            process.kill()


def _worker_started(parent: int) -> None:
    """In each rendering process: leave Ctrl-C to the parent (the terminal sends it to the
    whole group), and exit when the parent is gone, even if it was killed outright."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The process renders nothing but releases: the batch's collection setting for good.
    gc.set_threshold(BATCH_YOUNG_GENERATION, *gc.get_threshold()[1:])

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="prwriter-parent-watch", daemon=True).start()


def watch_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders whose changes can change these releases' output: each release's
    folder and its project (library files, templates, settings)."""
    releases, _ = find_releases(paths)
    folders = {p.parent.resolve() for p in releases}
    folders |= {find_project(p.parent) for p in releases}
    return sorted(f for f in folders if not any(f.is_relative_to(o) and f != o for o in folders))


def check_release(release: Release, project: Project | None = None) -> CheckResult:
    """The checks of a Release already loaded (or built in code); findings name the field,
    and the release file without a line, since where each part was written is not known."""
    from prwriter.checks import check_silences, run_checks
    from prwriter.checks.report import CheckResult
    from prwriter.errors import display_path
    from prwriter.origins import Origins

    if project is None:
        project = Project.of_release(release)
    source = release.path or Path("<release>")
    origins = Origins(None, display_path(source))
    try:
        check_silences(release, origins)
        findings = run_checks(release, origins, project)
    except InputError as error:
        return CheckResult(source, problems=error.problems)
    return CheckResult(source, tuple(findings), fail_on=project.settings.check.fail_on)


def check(
    paths: Iterable[str | Path],
    overrides: Mapping[str, str] | None = None,
    project: Project | None = None,
) -> list[CheckResult]:
    """Validate every release named by `paths` and run the checks its project enables
    (`project`, when given, for every release)."""
    from prwriter.checks import run_checks
    from prwriter.checks.report import CheckResult
    from prwriter.loading import load_with_origins

    releases, problems = find_releases(paths)
    results = [CheckResult(Path(p.file), problems=(p,), unreadable=True) for p in problems]
    projects = Projects()
    given = project
    for path in releases:
        try:
            project = given or projects.of(path)
            release, origins = load_with_origins(path, overrides, project)
            findings = run_checks(release, origins, project)
            for tag in release.translations:  # a bilingual file: each language's copy too
                findings += run_checks(
                    *load_with_origins(path, overrides, project, tag), project=project
                )
            findings.sort(key=lambda f: (f.file, f.line, f.column, f.rule))
        except InputError as error:
            unreadable = isinstance(error, ReadError)
            results.append(CheckResult(path, problems=error.problems, unreadable=unreadable))
            continue
        results.append(CheckResult(path, tuple(findings), fail_on=project.settings.check.fail_on))
    return results
