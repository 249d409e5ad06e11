"""Project settings: `prwriter.toml` at the project root.

The file marks the project folder (see `library.find_project`) and may be empty. Settings a
release does not set itself come from here; command-line options win over both.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from pydantic import Field, ValidationError

from prwriter.errors import InputError, Problem, display_path
from prwriter.schema import Input

PROJECT_FILE = "prwriter.toml"


class ProjectSettings(Input):
    wire: str | None = Field(default=None, description="Wire profile for releases without one.")


def _line_of_key(text: str, key: str) -> int:
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


@cache
def _load(path: Path, stamp: tuple[int, int]) -> ProjectSettings:
    shown = display_path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        raise InputError([Problem(shown, line, 1, "", f"TOML syntax error: {exc}")]) from None
    try:
        return ProjectSettings.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            key = ".".join(str(part) for part in error["loc"])
            message = (
                f"unknown setting; allowed: {', '.join(ProjectSettings.model_fields)}"
                if error["type"] == "extra_forbidden"
                else str(error["msg"])
            )
            problems.append(Problem(shown, _line_of_key(text, key), 1, key, message))
        raise InputError(problems) from None


def setting_position(project: Path, key: str) -> tuple[str, int]:
    """The file and line where `key` is set in the project's settings."""
    path = project / PROJECT_FILE
    return display_path(path), _line_of_key(path.read_text(encoding="utf-8"), key)


def project_settings(project: Path) -> ProjectSettings:
    """The settings of `project`; defaults when it has no `prwriter.toml`."""
    path = project / PROJECT_FILE
    try:
        info = path.stat()
    except OSError:
        return ProjectSettings()
    return _load(path, (info.st_mtime_ns, info.st_size))
