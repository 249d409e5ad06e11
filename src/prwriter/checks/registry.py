"""The rule registry: what a rule is, what it finds, and what it is given.

Rule modules (`rules.py`, `editing.py`) register themselves here with `@rule`; the package
imports them when the checks first run, so nothing here imports a rule module back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prwriter.kinds import Severity
from prwriter.model import Release
from prwriter.origins import Origins

if TYPE_CHECKING:
    from prwriter.project import Project

RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found, and where."""

    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    field: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        from prwriter.errors import printable  # input printed to a terminal: escaped

        return printable(f"{where}:{field} {self.severity} {self.rule}: {self.message}")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    params: dict[str, Any]
    check: Callable[[Context], Iterable[tuple[tuple[str | int, ...], str, Severity | None]]]
    slow: bool = False  # left out when `generate` runs the checks
    # Languages whose copy the rule can read (primary subtags); empty: any language.
    languages: tuple[str, ...] = ()

    def reads(self, language: str) -> bool:
        from prwriter.style.languages import primary

        return not self.languages or primary(language) in self.languages


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    slow: bool = False,
    languages: tuple[str, ...] = (),
    **params: Any,
) -> Callable[[Callable[[Context], Iterable[Any]]], Callable[[Context], Iterable[Any]]]:
    """Register a check. It yields (release path, message, severity or None) for each hit;
    None keeps the rule's configured severity. A `slow` rule runs in `check` only; a rule
    with `languages` runs only on copy in those languages (LN001 says which were skipped)."""

    def register(check: Callable[[Context], Iterable[Any]]) -> Callable[[Context], Iterable[Any]]:
        RULES[rule_id] = Rule(rule_id, name, severity, summary, params, check, slow, languages)
        return check

    return register


@dataclass
class Context:
    release: Release
    params: dict[str, Any] = field(default_factory=dict)
    origins: Origins | None = None  # where each part was written (library or release file)
    project: Project | None = None  # its settings, library and wire profiles

    @property
    def words(self) -> frozenset[str]:
        """The project's word list (`check.words`): names and terms the checks accept."""
        return frozenset(self.project.settings.check.words) if self.project else frozenset()
