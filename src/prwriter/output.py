"""Atomic file output: a temporary file in the target folder, then one rename."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path


@cache
def _file_mode() -> int:
    """The mode a plain `open(..., "w")` would give a new file: 0o666 less the umask."""
    try:
        # Linux reports the umask without changing it.
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the umask can only be read by setting it; done once, on the first write.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` all at once: readers see the old file or the new one,
    never a partial one, and a failure (or a signal) leaves the old file untouched."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode()
    name: str | None = None
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; give the output the permissions a normal write would.
        Path(name).chmod(mode)
        Path(name).replace(path)
    except BaseException:
        if name is not None:
            Path(name).unlink(missing_ok=True)
        raise
