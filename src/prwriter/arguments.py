"""Argument checks for the public API: a wrong type is a `TypeError` naming the argument.

A caller who passes one path where a list of paths is expected must hear so: iterating a
string would treat each character as a path, and `"/"` would walk the whole disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def expect(name: str, value: object, kinds: type | tuple[type, ...], wanted: str) -> None:
    """TypeError unless `value` is an instance of `kinds` (`bool` is not an `int`)."""
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise TypeError(f"{name} must be {wanted}, not bool")
    if not isinstance(value, kinds):
        raise TypeError(f"{name} must be {wanted}, not {_kind(value)}")


def path_arg(name: str, value: object) -> Path:
    """One path (str or os.PathLike)."""
    if not isinstance(value, str | PathLike):
        raise TypeError(f"{name} must be a path (str or os.PathLike), not {_kind(value)}")
    path = Path(value)
    if "\0" in str(path):
        raise ValueError(f"{name} contains a NUL character")
    return path


def optional_path_arg(name: str, value: object) -> Path | None:
    """None, or one path."""
    return None if value is None else path_arg(name, value)


def paths_arg(name: str, value: object) -> list[str | Path]:
    """A sequence of paths. A single str, bytes or path is refused, never iterated."""
    if isinstance(value, str | bytes | PathLike):
        raise TypeError(
            f"{name} must be a list of paths, not a single {_kind(value)}; write [{value!r}]"
        )
    if not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a list of paths, not {_kind(value)}")
    items: list[str | Path] = []
    for index, item in enumerate(value):
        path_arg(f"{name}[{index}]", item)
        items.append(item)
    return items


def mapping_arg(name: str, value: object) -> Mapping[str, str] | None:
    """None, or a mapping of str to str (`--set`-style overrides)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping of field paths to values, not {_kind(value)}")
    for key, item in value.items():
        expect(f"{name} key", key, str, "a str")
        expect(f"{name}[{key!r}]", item, str, "a str")
    return value


def optional_str(name: str, value: object) -> None:
    if value is not None:
        expect(name, value, str, "a str or None")


def callable_arg(name: str, value: Any) -> None:
    if value is not None and not callable(value):
        raise TypeError(f"{name} must be callable or None, not {_kind(value)}")


def sequence_of(name: str, value: object, kind: type, wanted: str) -> None:
    """A list (or tuple) whose items are all `kind`; a str is not a sequence here."""
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise TypeError(f"{name} must be a list of {wanted}, not {_kind(value)}")
    for index, item in enumerate(value):
        expect(f"{name}[{index}]", item, kind, wanted)


def project_arg(value: object) -> None:
    """None, or a `Project`."""
    if value is not None:
        from prwriter.project import Project

        expect("project", value, Project, "a Project or None")
