"""The boilerplate library: companies, contacts, people and legal blocks, one YAML file each.

A library is an ordered list of `boilerplates/` folders; for the same id the first folder
wins. The usual order is the release's own folder, the project's, the user's configuration
folder, and the library shipped with prwriter.
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


class Library:
    """Ordered boilerplate folders, read lazily and each file at most once."""

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots: tuple[Path, ...] = tuple(dict.fromkeys(r.resolve() for r in roots if r))
        self._index: dict[str, dict[str, Path]] = {}
        self._entries: dict[Path, Entry] = {}

    def ids(self, kind: str) -> dict[str, Path]:
        """Every id of `kind` and the file that wins for it."""
        if kind not in self._index:
            found: dict[str, Path] = {}
            for root in self.roots:
                folder = root / kind
                if not folder.is_dir():
                    continue
                for path in sorted(folder.iterdir()):
                    if path.suffix in SUFFIXES and path.is_file():
                        found.setdefault(path.stem, path)
            self._index[kind] = found
        return self._index[kind]

    def get(self, kind: str, entry_id: str) -> Entry | None:
        """The validated entry, or None when no folder has it. Raises InputError when
        the file exists but is broken (located in that file)."""
        path = self.ids(kind).get(entry_id)
        if path is None:
            return None
        if path not in self._entries:
            from prwriter.validation import validate

            source = read_yaml(path)
            data = validate(LIBRARY_KINDS[kind], source)
            self._entries[path] = Entry(kind, entry_id, data, source)
        return self._entries[path]
