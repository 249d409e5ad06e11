"""Where the shipped templates and boilerplates are.

In a wheel they sit inside the package (`prwriter/templates`, `prwriter/boilerplates`); in a
source checkout (an editable install) they are at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def shipped(name: str) -> Path:
    """The shipped `templates` or `boilerplates` folder."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"prwriter's shipped {name}/ folder is missing from {_PACKAGE}")


def export_shipped(name: str, destination: Path) -> list[Path]:
    """Copy the shipped `name` folder's files into `destination`, never over an existing
    file; the files written, in order."""
    from prwriter.output import UnsafeTarget, create_new

    source = shipped(name)
    written: list[Path] = []
    for path in sorted(source.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        target = destination / path.relative_to(source)
        # Never through a symbolic link, even a dangling one: a link is "a file there".
        try:
            if create_new(target, path.read_bytes(), destination):
                written.append(target)
        except UnsafeTarget as exc:
            from prwriter.errors import InputError, Problem

            raise InputError([Problem(str(target), 0, 0, "", str(exc))]) from None
    return written
