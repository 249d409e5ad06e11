"""Watching releases while they are edited: which releases a change on disk affects, and
which of prwriter's own earlier outputs a new run leaves behind (a headline that changed the
slug changes the file name) and so removes.

Only files this watch wrote are ever removed, and only while they are as it wrote them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.batch import NOT_RELEASES, find_releases, watch_folders
from prwriter.library import SUFFIXES
from prwriter.project import find_project
from prwriter.settings import PROJECT_FILE, PYPROJECT

if TYPE_CHECKING:
    import threading

    from prwriter.batch import Outcome

LIBRARY_KINDS = ("companies", "contacts", "people", "legal")
# Images a release or a company can show: a change to one reaches HTML, PDF and DOCX.
IMAGES = {".png", ".jpg", ".jpeg", ".gif"}
# What prwriter writes: never a reason to run again (a .docx counts only in templates/).
OUTPUTS = {".txt", ".html", ".pdf", ".docx", ".md", ".json", ".htm"}

Stamp = tuple[int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def library_entry(path: Path) -> tuple[str, str] | None:
    """`(kind, id)` for `.../boilerplates/companies/acme.yaml`, else None."""
    kind = path.parent.name
    if (
        path.suffix in SUFFIXES
        and kind in LIBRARY_KINDS
        and path.parent.parent.name == "boilerplates"
    ):
        return kind, path.stem
    return None


def referenced_ids(release: Path) -> dict[str, set[str]] | None:
    """The library ids a release file names, by kind; None when it cannot be read (then
    every change may matter to it)."""
    from prwriter.errors import InputError
    from prwriter.yaml_source import read_yaml

    try:
        data = read_yaml(release).data
    except InputError:
        return None
    if not isinstance(data, dict):
        return None

    def listed(value: Any) -> list[Any]:
        return value if isinstance(value, list) else [value]

    found: dict[str, set[Any]] = {kind: set() for kind in LIBRARY_KINDS}
    for company in listed(data.get("companies", [])):
        found["companies"].add(company.get("id") if isinstance(company, dict) else company)
    for group in listed(data.get("contacts", [])):
        if isinstance(group, dict):
            found["contacts"].update(listed(group.get("contacts", [])))
    found["legal"].update(listed(data.get("legal", [])))
    for part in listed(data.get("body", [])):
        quote = part.get("quote") if isinstance(part, dict) else None
        if isinstance(quote, dict) and isinstance(quote.get("speaker"), str):
            found["people"].add(quote["speaker"])
    return {kind: {i for i in ids if isinstance(i, str)} for kind, ids in found.items()}


class ReleaseWatch:
    """The releases named by some paths, and the outputs written for each so far."""

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self.paths = list(paths)
        self.outputs: dict[Path, dict[Path, Stamp]] = {}

    def releases(self) -> list[Path]:
        """The release files now (one may have been added since the start)."""
        return [p.resolve() for p in find_releases(self.paths)[0] if p.is_file()]

    def folders(self) -> list[Path]:
        return watch_folders(self.paths)

    def affected(self, changed: Iterable[str | Path]) -> list[Path]:
        """The releases whose output a change to these files can change: a release file, its
        own release; a library file, the releases that name its id; a template, a wire
        profile, the settings or an image, every release of that project."""
        releases = self.releases()
        known = set(releases)
        projects = {release: find_project(release.parent) for release in releases}
        hit: set[Path] = set()
        for given in changed:
            path = Path(given).resolve()
            if path in known:
                hit.add(path)
                continue
            entry = library_entry(path)
            for release in releases:
                project = projects[release]
                if not (path.is_relative_to(project) or path.is_relative_to(release.parent)):
                    continue
                if entry is not None:
                    ids = referenced_ids(release)
                    if ids is None or entry[1] in ids[entry[0]]:
                        hit.add(release)
                elif self._concerns_project(path, project):
                    hit.add(release)
        return sorted(hit)

    @staticmethod
    def _concerns_project(path: Path, project: Path) -> bool:
        inside = path.relative_to(project).parts
        if path.parent == project and path.name in (PROJECT_FILE, PYPROJECT):
            return True
        if inside and inside[0] == "templates":
            return True
        return path.suffix.lower() in IMAGES

    def record(self, outcomes: Sequence[Outcome]) -> list[Path]:
        """Note what each release wrote this time; remove what it wrote before and did not
        write again, when that file is still as it was written. Returns the removed files.
        A release that failed keeps its last good outputs."""
        removed: list[Path] = []
        for outcome in outcomes:
            if not outcome.ok or not outcome.written:
                continue
            source = outcome.source.resolve()
            now = {p.resolve(): _stamp(p) for p in outcome.written}
            for old, stamp in self.outputs.get(source, {}).items():
                if old not in now and stamp is not None and _stamp(old) == stamp:
                    old.unlink()
                    removed.append(old)
            self.outputs[source] = {p: s for p, s in now.items() if s is not None}
        return removed


def relevant_change(path: str) -> bool:
    """Changes worth a look: not prwriter's own outputs, temporary or hidden files."""
    candidate = Path(path)
    if candidate.name.startswith((".", "~")) or candidate.name.endswith(("~", ".part")):
        return False
    if candidate.suffix.lower() in OUTPUTS:
        return candidate.suffix.lower() == ".docx" and "templates" in candidate.parts
    return (
        not NOT_RELEASES.isdisjoint(candidate.parts)
        or candidate.suffix in SUFFIXES
        or (candidate.name in (PROJECT_FILE, PYPROJECT) or candidate.suffix.lower() in IMAGES)
    )


def watch(
    paths: Iterable[str | Path],
    regenerate: Callable[[list[Path]], Sequence[Outcome]],
    *,
    stop_event: threading.Event | None = None,
    on_removed: Callable[[Path], None] | None = None,
    first: Sequence[Outcome] = (),
) -> None:
    """Call `regenerate(releases)` with the releases each change affects, until
    `stop_event` is set; `first` is the outcome of the run made before watching."""
    import watchfiles

    state = ReleaseWatch(paths)
    state.record(first)

    def keep(change: watchfiles.Change, path: str) -> bool:
        return relevant_change(path)

    for changes in watchfiles.watch(
        *state.folders(), watch_filter=keep, stop_event=stop_event, raise_interrupt=False
    ):
        releases = state.affected(path for _, path in changes)
        if not releases:
            continue
        for path in state.record(regenerate(releases)):
            if on_removed:
                on_removed(path)
