"""Atomic file output: temporary files in the target folders, then one rename each.

The outputs of one release are written together: every file goes to a temporary file first,
and only when all of them are complete are they renamed over the old ones, so a full disk or
a folder in the way leaves the previous set as it was. A temporary file is named
`.NAME.prwriter-PID-RANDOM.part`; one left behind by a killed run (its process is gone) is
removed by the next run that writes to the same folder. Nothing is ever written through a
symbolic link.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

PART_SUFFIX = ".part"
_PART = re.compile(r"^\..+\.prwriter-(\d+)-[0-9a-f]{8}\.part$")


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


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


_cleaned: set[Path] = set()


class UnsafeTarget(OSError):
    """The target is a symbolic link or a folder: prwriter will not replace it."""


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its files alone
    return True


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temporary files that runs killed mid-write left in `folder`."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not _alive(int(match.group(1))):
            try:
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def check_target(path: Path) -> None:
    """UnsafeTarget when `path` is a symbolic link (even a dangling one) or a folder."""
    if path.is_symlink():
        raise UnsafeTarget(
            f"{path} is a symbolic link; prwriter never writes through one (remove the link)"
        )
    if path.is_dir():
        raise UnsafeTarget(f"{path} is a folder; move it away or choose another output name")


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `path`; return the temporary file."""
    temp = path.parent / f".{path.name}.prwriter-{os.getpid()}-{secrets.token_hex(4)}.part"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # Give the output the permissions a normal write would.
        temp.chmod(_file_mode())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


class WriteFailed(OSError):
    """Writing one of the outputs failed; `filename` is that output, `strerror` the reason."""

    def __init__(self, target: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(target))


def write_all(files: Mapping[Path, str | bytes]) -> None:
    """Replace every file in `files` or none of them: an error (UnsafeTarget, or WriteFailed
    naming the output) leaves every old file as it was and no temporary file behind."""
    for path in files:
        check_target(path)
    # Ctrl-C or SIGTERM waits until the files are written and renamed (milliseconds): a
    # signal landing between creating a temporary file and recording it would leave the
    # file behind, and one among the renames half of a release's files new and half old.
    with _signals_held():
        _write_staged(files)


def _write_staged(files: Mapping[Path, str | bytes]) -> None:
    staged: list[tuple[Path, Path]] = []
    path = next(iter(files), Path())
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent not in _cleaned:  # once per folder and run
                _cleaned.add(path.parent)
                remove_stale_parts(path.parent)
            data = content.encode("utf-8") if isinstance(content, str) else content
            staged.append((_stage(path, data), path))
        for path in files:
            check_target(path)  # again: the folder may have changed while we wrote
    except BaseException as error:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        if isinstance(error, OSError) and not isinstance(error, UnsafeTarget):
            raise WriteFailed(path, error) from error
        raise
    for index, (temp, path) in enumerate(staged):
        try:
            temp.replace(path)
        except BaseException as error:
            for rest, _ in staged[index:]:
                rest.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise WriteFailed(path, error) from error
            raise


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (main thread, POSIX) until the block ends."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write one file all at once: readers see the old file or the new one."""
    write_all({path: content})


def create_new(path: Path, data: bytes, root: Path | None = None) -> bool:
    """Create `path` with `data` unless something (a file, a folder, a symbolic link, even a
    dangling one) is there already; True when written. Never follows a link: UnsafeTarget
    when a folder between `root` (the folder the caller named) and `path` is one."""
    if root is not None:
        for folder in reversed(path.relative_to(root).parents):
            if folder != Path() and (root / folder).is_symlink():
                raise UnsafeTarget(
                    f"{root / folder} is a symbolic link; prwriter never writes through one"
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(path):
        return False
    temp = _stage(path, data)
    try:
        # A hard link fails when the name exists, a symbolic link included.
        os.link(temp, path, follow_symlinks=False)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: exclusive creation is as safe
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, _file_mode())
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    finally:
        temp.unlink(missing_ok=True)
    return True
