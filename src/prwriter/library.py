"""The boilerplate library: companies, contacts, people and legal blocks, one YAML file each.

A library is an ordered list of `boilerplates/` folders; for the same id the first folder
wins. A release sees, in order: its own folder's `boilerplates/`, its project's, the user's
configuration folder's, and the library shipped with prwriter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prwriter.schema import LIBRARY_KINDS, Input
from prwriter.yaml_source import YamlSource, read_yaml

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Entry:
    """One library file, validated, with where it came from."""

    kind: str
    id: str
    data: Input
    source: YamlSource


@dataclass
class LibraryFiles:
    """What the libraries of one project have read, shared by them all: every folder listed
    and every file read at most once, however many release folders see it."""

    listings: dict[Path, list[Path]] = field(default_factory=dict)
    entries: dict[Path, Entry] = field(default_factory=dict)

    def listing(self, folder: Path) -> list[Path]:
        if folder not in self.listings:
            self.listings[folder] = (
                sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)
                if folder.is_dir()
                else []
            )
        return self.listings[folder]


class Library:
    """Ordered boilerplate folders, read lazily. A Library lives as long as its Project,
    one run; the next run (a --watch change, a preview reload) builds a new Project and
    sees the files as they are then."""

    def __init__(
        self,
        roots: Sequence[Path],
        allowed: Sequence[Path] = (),
        files: LibraryFiles | None = None,
    ) -> None:
        self.roots: tuple[Path, ...] = tuple(dict.fromkeys(r.resolve() for r in roots))
        # Where library files (and the logos they name) may really be: a symbolic link in a
        # boilerplates/ folder must not pull in a file from elsewhere.
        self.allowed: tuple[Path, ...] = tuple(r.resolve() for r in allowed) or self.roots
        self.files = files if files is not None else LibraryFiles()
        self._index: dict[str, dict[str, Path]] = {}

    def ids(self, kind: str) -> dict[str, Path]:
        """Every id of `kind` and the file that wins for it."""
        if kind not in self._index:
            found: dict[str, Path] = {}
            for root in self.roots:
                for path in self.files.listing(root / kind):
                    found.setdefault(path.stem, path)
            self._index[kind] = found
        return self._index[kind]

    def get(self, kind: str, entry_id: str) -> Entry | None:
        """The validated entry, or None when no folder has it. Raises InputError when the
        file exists but is broken (located in that file), every time it is asked for."""
        path = self.ids(kind).get(entry_id)
        if path is None:
            return None
        from prwriter.paths import check_read

        # Each library checks where the file really is against its own folders.
        check_read(path, self.allowed, "library file")
        entries = self.files.entries
        if path not in entries:
            from prwriter.validation import validate

            source = read_yaml(path)
            entries[path] = Entry(kind, entry_id, validate(LIBRARY_KINDS[kind], source), source)
        return entries[path]
