"""Reading a release to import: size limits, encodings, and the copy split into blocks
(runs of lines between blank lines) that keep their line numbers for reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from prwriter.errors import InputError, Problem, display_path

# Wire copy is a few kilobytes; a Word file with photos a few megabytes.
MAX_TEXT_BYTES = 1024 * 1024
MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_LINES = 20_000

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Block:
    """Lines of copy between blank lines; `line` is the 1-based number of the first."""

    lines: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def problem(path: Path, message: str, line: int = 0, column: int = 1) -> InputError:
    return InputError([Problem(display_path(path), line, column if line else 0, "", message)])


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing folders, devices, symbolic links and files over `limit`."""
    try:
        if path.is_symlink():
            raise problem(path, "is a symbolic link; import the file it points to")
        if path.is_dir():
            raise problem(path, "is a folder, not a release")
        if not path.is_file():
            raise problem(path, "no such file" if not path.exists() else "is not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError:
        raise problem(path, "permission denied: prwriter cannot read this file") from None
    except OSError as exc:
        raise problem(path, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise problem(path, f"the file is larger than {limit:,} bytes, the most prwriter imports")
    return raw


def read_text(path: Path) -> str:
    """The text of a `.txt` or `.md` release, checked line by line."""
    raw = read_bytes(path, MAX_TEXT_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise problem(
            path,
            "is not UTF-8 text; save it as UTF-8 (a binary file is not a release)",
            at,
            column,
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) > MAX_LINES:
        raise problem(path, f"has more than {MAX_LINES:,} lines, more than any release")
    for number, line in enumerate(lines, start=1):
        found = _CONTROL.search(line)
        if found:
            code = f"U+{ord(found.group()):04X}"
            raise problem(
                path,
                f"contains the control character {code}; remove it",
                number,
                found.start() + 1,
            )
    return text


def blocks(text: str) -> list[Block]:
    """The copy's blocks, in order; lines keep their text without trailing spaces."""
    found: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            found.append(Block(tuple(current), start))
            current = []
    if current:
        found.append(Block(tuple(current), start))
    return found
