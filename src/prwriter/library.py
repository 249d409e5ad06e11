"""The boilerplate library: companies, contacts, people and legal blocks, one YAML file each.

A library is an ordered list of `boilerplates/` folders; for the same id the first folder
wins. A release sees, in order: its own folder's `boilerplates/`, its project's, the user's
configuration folder's, and the library shipped with prwriter.

Files are read at most once per change: a batch reads each library file once, and an edit
between two loads (a long-lived process, `--watch`) is seen by the next load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


class Library:
    """Ordered boilerplate folders, read lazily."""

    def __init__(self, roots: Sequence[Path], allowed: Sequence[Path] = ()) -> None:
        self.roots: tuple[Path, ...] = tuple(dict.fromkeys(r.resolve() for r in roots))
        # Where library files (and the logos they name) may really be: a symbolic link in a
        # boilerplates/ folder must not pull in a file from elsewhere.
        self.allowed: tuple[Path, ...] = tuple(r.resolve() for r in allowed) or self.roots
        self._index: dict[str, tuple[tuple[tuple[int, int], ...], dict[str, Path]]] = {}
        self._entries: dict[Path, tuple[tuple[int, int], Entry]] = {}

    def ids(self, kind: str) -> dict[str, Path]:
        """Every id of `kind` and the file that wins for it."""
        folders = [root / kind for root in self.roots]
        # A folder's modification time changes when a file is added, removed or renamed.
        stamp = tuple(_stamp(folder) for folder in folders)
        cached = self._index.get(kind)
        if cached is None or cached[0] != stamp:
            found: dict[str, Path] = {}
            for folder in folders:
                if folder.is_dir():
                    for path in sorted(folder.iterdir()):
                        if path.suffix in SUFFIXES:
                            found.setdefault(path.stem, path)
            cached = self._index[kind] = (stamp, found)
        return cached[1]

    def get(self, kind: str, entry_id: str) -> Entry | None:
        """The validated entry, or None when no folder has it. Raises InputError when the
        file exists but is broken (located in that file)."""
        path = self.ids(kind).get(entry_id)
        if path is None:
            return None
        stamp = _stamp(path)
        cached = self._entries.get(path)
        if cached is None or cached[0] != stamp:
            from prwriter.paths import check_read
            from prwriter.validation import validate

            check_read(path, self.allowed, "library file")
            source = read_yaml(path)
            entry = Entry(kind, entry_id, validate(LIBRARY_KINDS[kind], source), source)
            cached = self._entries[path] = (stamp, entry)
        return cached[1]
