"""Output writers, found by format name and imported only when used.

A writer is a module with one entry point, `write(release, options) -> str | bytes`.
Writers never import each other.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from prwriter.model import Release
    from prwriter.project import Project


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a run chooses beyond the release itself: the project whose templates, profiles
    and settings apply, the wire of the text, ASCII folding, the PDF variant."""

    project: Project
    wire: str | None = None
    ascii: bool = False
    pdf_variant: str | None = None
    draft: bool = False  # mark it DRAFT (a release's own `draft: true` does too)


class Writer(Protocol):
    def write(self, release: Release, options: RenderOptions) -> str | bytes: ...


# Format name -> module. Kept as strings so that choosing one format never imports another.
WRITERS: dict[str, str] = {
    "txt": "prwriter.writers.text",
    "html": "prwriter.writers.html",
    "pdf": "prwriter.writers.pdf",
    "docx": "prwriter.writers.docx",
    "md": "prwriter.writers.markdown",
    "json": "prwriter.writers.ninjs",
    "edgar": "prwriter.writers.edgar",
}
# A format whose file is not named `{stem}.{format}`: its extension, and what its stem gets
# (an EDGAR file name holds one period, and the exhibit is named for its number).
EXTENSIONS: dict[str, str] = {"edgar": "htm"}
STEM_SUFFIXES: dict[str, str] = {"edgar": "-ex99-1"}


def get_writer(fmt: str) -> Writer:
    module: Writer = importlib.import_module(WRITERS[fmt])
    return module
