"""The one check for files prwriter reads: images, logos, library files, templates,
stylesheets and wire profiles stay inside the project, the release's folder, a library
folder or prwriter's own folders, after `..` and symbolic links are resolved."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prwriter.errors import InputError, Problem

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """Whether `path`, resolved, lies inside one of `roots` (resolved too)."""
    try:
        resolved = path.resolve()
        return any(resolved.is_relative_to(root.resolve()) for root in roots)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def as_given(path: Path) -> str:
    """`path` as the user would type it, without following its symbolic links."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def check_read(path: Path, roots: Sequence[Path], what: str) -> None:
    """InputError located at `path` unless it resolves inside one of `roots`: a symbolic
    link in a library or template folder must not pull in a file from elsewhere."""
    if not inside(path, roots):
        message = (
            f"refused: this {what} leads outside the project (a symbolic link?); "
            "keep the file itself inside the project"
        )
        raise InputError([Problem(as_given(path), 1, 1, "", message)])


def check_image(path: Path, roots: Sequence[Path]) -> str | None:
    """Why `path` cannot be used as an image, or None when it can.

    The path is resolved first, so `..` and symbolic links cannot lead outside `roots`.
    """
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return "no such file"
    if not any(resolved.is_relative_to(root.resolve()) for root in roots):
        return "it lies outside the project; keep images inside the project folder"
    if not resolved.exists():
        return "no such file"
    if not resolved.is_file():
        return "not a file"
    if resolved.suffix.lower() not in IMAGE_SUFFIXES:
        return f"not a PNG, JPEG or GIF image (use {', '.join(IMAGE_SUFFIXES)})"
    from prwriter.images import check_image_file

    return check_image_file(resolved)
