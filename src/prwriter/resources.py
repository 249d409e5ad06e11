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
