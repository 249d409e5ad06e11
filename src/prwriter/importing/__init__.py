"""Releases a team already has, read back into facts and a library: wire text (`.txt`),
Markdown (`.md`) and Word (`.docx`) in the forms prwriter writes and real copy uses.

`import_sources` writes, for each source, `<stem>.yaml` and the library entries it needs
under `boilerplates/`, so that the output folder is a prwriter project."""

from __future__ import annotations

from prwriter.importing.run import ImportedRelease, ImportResult, import_sources

__all__ = ["ImportResult", "ImportedRelease", "import_sources"]
