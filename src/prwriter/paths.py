"""The one check for files a release points at: images and logos stay inside the project,
the release's folder or a library folder, and are images prwriter can place."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


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
