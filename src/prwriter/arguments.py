"""Argument checks for the public API: a wrong type is a `TypeError` naming the argument.

A caller who passes one path where a list of paths is expected must hear so: iterating a
string would treat each character as a path, and `"/"` would walk the whole disk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

PathArg = str | PathLike


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def expect(name: str, value: object, kinds: type | tuple[type, ...], wanted: str) -> None:
    """TypeError unless `value` is an instance of `kinds` (`bool` is not an `int`)."""
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise TypeError(f"{name} must be {wanted}, not bool")
    if not isinstance(value, kinds):
        raise TypeError(f"{name} must be {wanted}, not {_kind(value)}")


def path_arg(name: str, value: object, *, optional: bool = False) -> Path | None:
    """One path (str or os.PathLike); None only when `optional`."""
    if value is None and optional:
        return None
    expect(name, value, (str, PathLike), "a path (str or os.PathLike)")
    path = Path(value)  # type: ignore[arg-type]
    if "\0" in str(path):
        raise ValueError(f"{name} contains a NUL character")
    return path


def paths_arg(name: str, value: object) -> list[str | Path]:
    """A sequence of paths. A single str, bytes or path is refused, never iterated."""
    if isinstance(value, str | bytes | PathLike):
        raise TypeError(
            f"{name} must be a list of paths, not a single {_kind(value)}; write [{value!r}]"
        )
    expect(name, value, Iterable, "a list of paths")
    items = list(value)  # type: ignore[call-overload]
    for index, item in enumerate(items):
        path_arg(f"{name}[{index}]", item)
    return items


def mapping_arg(name: str, value: object) -> Mapping[str, str] | None:
    """None, or a mapping of str to str (`--set`-style overrides)."""
    if value is None:
        return None
    expect(name, value, Mapping, "a mapping of field paths to values")
    for key, item in value.items():  # type: ignore[union-attr]
        expect(f"{name} key", key, str, "a str")
        expect(f"{name}[{key!r}]", item, str, "a str")
    return value  # type: ignore[return-value]


def optional_str(name: str, value: object) -> str | None:
    if value is not None:
        expect(name, value, str, "a str or None")
    return value  # type: ignore[return-value]


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
