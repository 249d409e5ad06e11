"""Input problems located in a file, and the error that carries them.

Kept free of heavy imports: the command line imports it on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Loc = tuple[str | int, ...]


def format_field_path(path: Loc) -> str:
    """`("contacts", 0, "label")` -> `contacts[0].label`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


# Bidirectional controls can make a printed line read differently from what it holds.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """`text` with control characters (ESC, BEL, newlines, C1, lone surrogates, bidi
    controls) written as escapes, so that input printed to a terminal or a CI log cannot
    move the cursor, set the title or forge a line."""
    import unicodedata

    if text.isprintable() and not _BIDI.intersection(text):
        return text
    out = []
    for char in text:
        code = ord(char)
        if char in _BIDI or unicodedata.category(char) in ("Cc", "Cs", "Cf", "Co", "Cn"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def excerpt(text: str, limit: int = 60) -> str:
    """A short, printable excerpt of `text` (input echoed in a message never runs long)."""
    shown = printable(text[:limit])
    return shown + ("…" if len(text) > limit else "")


@dataclass(frozen=True, slots=True)
class Problem:
    """One input problem: where it is and what to do about it.

    `line` and `column` are 1-based; `field` is the dotted path inside the file
    (empty for problems about the file as a whole).
    """

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # Line 0: a problem about something that has no line, such as a `--set` override.
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        parts = [where] if self.file else []
        if self.field:
            # A key from input can be long: print only the start of it.
            parts.append(excerpt(self.field, 200))
        return printable(": ".join([*parts, excerpt(self.message, 600)]))


class InputError(Exception):
    """Raised when a release or a library file cannot be used as written.

    Carries every problem found, so a writer fixes them all in one pass.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("InputError needs at least one problem")
        # In file order, so a writer can fix them top to bottom.
        self.problems: tuple[Problem, ...] = tuple(
            sorted(dict.fromkeys(problems), key=lambda p: (p.file, p.line, p.column))
        )
        super().__init__("\n".join(str(p) for p in self.problems))


class ReadError(InputError):
    """An InputError raised because a file could not be read as YAML or TOML at all (missing,
    not UTF-8, a syntax error), as opposed to one that was read and failed validation."""


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a symlink loop
        return str(path)


def likely(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> list[str]:
    """The choices that look like `word`, likeliest first, compared without case; the one
    fuzzy match behind every "did you mean"."""
    import difflib  # only on the error path; it is slow to import

    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(choice.casefold(), choice)
    if not folded:
        return []
    matches = difflib.get_close_matches(word.casefold(), folded, n=len(folded), cutoff=cutoff)
    return [folded[m] for m in matches]


def closest(word: str, choices: Iterable[str], limit: int = 0) -> list[str]:
    """Known names, the likeliest matches for `word` first, then the rest in order;
    at most `limit` names (0: all)."""
    options = sorted(set(choices))
    # "NASDAQ GS" is closest to "Nasdaq".
    near = likely(word, options, cutoff=0.5)
    ranked = near + [c for c in options if c not in near]
    return ranked[:limit] if limit else ranked


def quote_list(names: Sequence[str], limit: int = 8) -> str:
    """`'a', 'b', 'c'` with an ellipsis after `limit` names."""
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    return shown + (f" (and {len(names) - limit} more)" if len(names) > limit else "")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` when a known name is close to `word` (ignoring case), else ''.
    Stricter than `likely`'s default: a wrong guess in a message costs more than none."""
    near = likely(word, choices, cutoff=0.75)
    return f"; did you mean '{near[0]}'?" if near else ""
