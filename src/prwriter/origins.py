"""Where each part of a resolved release was written, so that findings point at the file,
line and field a writer has to change."""

from __future__ import annotations

from prwriter.errors import Loc, format_field_path
from prwriter.yaml_source import YamlSource


class Origins:
    """Where the parts of a Release were written: in the release file, or in the library
    file a part came from (an About text, a legal block, a contact)."""

    def __init__(self, release: YamlSource | None, display: str = "<release>") -> None:
        """`release` None is a Release built in code: parts are named by field only."""
        self.release = release
        self.display = display
        self.parts: dict[Loc, tuple[YamlSource, Loc]] = {}
        # The people files quotes' speakers came from, by the quote's block in the body.
        self.speakers: dict[int, YamlSource] = {}

    def add(self, path: Loc, source: YamlSource, loc: Loc) -> None:
        self.parts[path] = (source, loc)

    def locate(self, path: Loc) -> tuple[str, int, int, str]:
        """File, line, column and field path for the Release part at `path`."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.parts:
                source, loc = self.parts[path[:end]]
                # Deeper parts written as they are in the file (a table's row) keep their place.
                loc = source.known_prefix((*loc, *path[end:]))
                line, column = source.position(loc)
                return source.display, line, column, format_field_path(loc)
        if self.release is None:
            return self.display, 0, 0, format_field_path(path)
        loc = self.release.known_prefix(path)
        problem = self.release.problem(loc, "")
        return problem.file, problem.line, problem.column, problem.field
