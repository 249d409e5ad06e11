"""Project settings: `prwriter.toml` at the project root, or `[tool.prwriter]` in its
`pyproject.toml`.

Either file marks the project folder (see `project.find_project`); `prwriter.toml` may be
empty. A release's own fields win over these settings, and command-line options win over
both.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator

from prwriter.errors import InputError, Problem, ReadError, did_you_mean, display_path
from prwriter.schema import Input

PROJECT_FILE = "prwriter.toml"
PYPROJECT = "pyproject.toml"
NAME_FIELDS = {"stem", "date", "slug", "ext", "wire"}


class CheckSettings(Input):
    fail_on: Literal["error", "warning", "info"] = Field(
        default="error", description="Findings at or above this severity fail `check`."
    )
    rules: dict[str, dict[str, Any]] = Field(
        default={},
        description="Per rule: `enabled = false`, `severity = ...`, thresholds (checked "
        "against the rules when the checks run).",
    )
    words: list[str] = Field(
        default=[],
        description="Words the checks accept as written: brand names in capitals (NETGEAR), "
        "product names, terms the spelling dictionary does not know.",
    )


class ProjectSettings(Input):
    wire: str | None = Field(default=None, description="Wire profile for releases without one.")
    formats: list[str] | None = Field(default=None, description='e.g. ["txt", "docx", "pdf"]')
    output_dir: str | None = Field(default=None, description="Relative to the project folder.")
    name_pattern: str | None = Field(
        default=None, description="Output file names, e.g. '{date}-{slug}.{ext}'."
    )
    library: list[str] = Field(
        default=[], description="More boilerplates/ folders, searched after the project's."
    )
    shipped_library: bool = Field(
        default=True,
        description="Let releases use the fictional example library shipped with prwriter "
        "(Acme). Turn it off in a real project, so that no sample company, contact or legal "
        "block can slip into a release or a suggestion.",
    )
    check: CheckSettings = CheckSettings()
    uri_base: str | None = Field(
        default=None,
        description="Start of each release's stable identifier in ninjs and feeds, e.g. "
        "'https://example.com/news/'; the release's date and slug follow it.",
    )

    @field_validator("uri_base")
    @classmethod
    def _absolute_uri(cls, value: str | None) -> str | None:
        return check_uri_base(value) if value is not None else None

    @field_validator("wire", "output_dir", "name_pattern", "library")
    @classmethod
    def _printable(cls, value: str | list[str] | None) -> str | list[str] | None:
        # A NUL or a control character in a path would fail deep in the file system calls.
        from prwriter.schema import no_control_characters

        for text in value if isinstance(value, list) else [value] if value else []:
            no_control_characters(text)
        return value

    @field_validator("name_pattern")
    @classmethod
    def _known_fields(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            check_name_pattern(pattern)
        return pattern


def check_uri_base(value: str) -> str:
    """ValueError unless `value` is an absolute URI that a slug can follow."""
    parts = urlsplit(value)
    if not parts.scheme or not (parts.netloc or parts.scheme in ("tag", "urn")):
        raise ValueError(
            f"uri_base must be an absolute URI such as 'https://example.com/news/', not {value!r}"
        )
    if value[-1] not in "/:=#":
        raise ValueError(
            f"uri_base must end with '/' (or ':'), so that the slug follows it: {value!r}"
        )
    return value


def check_name_pattern(pattern: str) -> None:
    """ValueError unless `pattern` names only known fields and stays in one folder."""
    import string

    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(pattern)
                  if f is not None]  # fmt: skip
    except ValueError as exc:
        raise ValueError(f"bad name pattern: {exc}") from None
    if any(spec or conv for _, spec, conv in fields):
        raise ValueError("name pattern fields take no format spec or conversion; write {date}")
    used = {f for f, _, _ in fields}
    unknown = used - NAME_FIELDS
    if unknown:
        known = ", ".join("{" + n + "}" for n in sorted(NAME_FIELDS))
        raise ValueError(f"unknown field {{{sorted(unknown)[0]}}} in name pattern; use {known}")
    if "/" in pattern or "\\" in pattern or ".." in pattern:
        raise ValueError("a name pattern makes file names, not paths: no '/', '\\' or '..'")
    if "ext" not in used:
        raise ValueError("a name pattern needs {ext}, or every format would write one file")


def _line_of_key(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key.split('.')[-1])}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _syntax_problem(shown: str, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """tomllib puts the place at the end of its message, "(at line 3, column 1)"; make it
    the problem's location, as every other problem has it."""
    message = str(exc)
    if message.endswith(" (at end of document)"):
        lines = text.rstrip().split("\n")
        what = message.removesuffix(" (at end of document)")
        return Problem(
            shown, len(lines), 1, "", f"TOML syntax error: {what} at the end of the file"
        )
    where = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if where is None:
        return Problem(shown, 1, 1, "", f"TOML syntax error: {message}")
    text = message[: where.start()]
    return Problem(shown, int(where[1]), int(where[2]), "", f"TOML syntax error: {text}")


def _load(path: Path) -> ProjectSettings:
    shown = display_path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReadError([_syntax_problem(shown, text, exc)]) from None
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("prwriter", {})
    try:
        return ProjectSettings.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            key = ".".join(str(part) for part in error["loc"])
            if error["type"] == "extra_forbidden":
                known = _allowed_settings(error["loc"][:-1])
                hint = did_you_mean(str(error["loc"][-1]), known) or ";"
                message = f"unknown setting{hint} allowed: {', '.join(known)}"
            else:
                message = str(error["msg"]).removeprefix("Value error, ")
            problems.append(Problem(shown, _line_of_key(text, key), 1, key, message))
        raise InputError(problems) from None


def _allowed_settings(loc: tuple[str | int, ...]) -> list[str]:
    return list(CheckSettings.model_fields if loc == ("check",) else ProjectSettings.model_fields)


def settings_file(project: Path) -> Path | None:
    """`prwriter.toml`, or a `pyproject.toml` with a [tool.prwriter] table, if any."""
    own = project / PROJECT_FILE
    if own.is_file():
        return own
    pyproject = project / PYPROJECT
    try:
        if pyproject.is_file() and "[tool.prwriter" in pyproject.read_text(encoding="utf-8"):
            return pyproject
    except (OSError, UnicodeDecodeError):
        return None
    return None


def setting_position(project: Path, key: str) -> tuple[str, int]:
    """The file and line where `key` is set in the project's settings."""
    path = settings_file(project) or project / PROJECT_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    return display_path(path), _line_of_key(text, key)


def rule_position(project: Path, rule_id: str) -> tuple[str, int]:
    """The file and line of the `[check.rules.ID]` table that configures a rule."""
    path = settings_file(project) or project / PROJECT_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return display_path(path), 1
    pattern = rf"^\s*\[(?:tool\.prwriter\.)?check\.rules\.{re.escape(rule_id)}\]"
    table = re.search(pattern, text, re.MULTILINE)
    line = text.count("\n", 0, table.start()) + 1 if table else _line_of_key(text, rule_id)
    return display_path(path), line


def read_settings(project: Path) -> ProjectSettings:
    """The settings of `project`; defaults when it has no settings file."""
    path = settings_file(project)
    if path is None:
        return ProjectSettings()
    from prwriter.paths import check_read

    check_read(path, [project], "settings file")
    return _load(path)
