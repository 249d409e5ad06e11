"""Atomic file output: a temporary file in the target folder, then one rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _current_umask() -> int:
    # The umask can only be read by setting it; do it once, before any threads exist.
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_current_umask()


def write_atomic(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; give the output the permissions a normal write would.
        temp.chmod(_FILE_MODE)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
