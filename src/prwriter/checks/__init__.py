"""Release checks: rules over a resolved Release that catch what wire editors and lawyers
catch, each finding located in the file where the offending text was written.

A rule is a function registered with `@rule`; it receives a `Context` and yields findings.
Projects turn rules off, change their severity or thresholds in `prwriter.toml`:

    [check.rules.HL001]
    warning = 80
    severity = "error"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from prwriter.loading import Origins
from prwriter.model import Release

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
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
        from prwriter.errors import printable

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


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, name: str, severity: Severity, summary: str, *, slow: bool = False, **params: Any
) -> Callable[[Callable[[Context], Iterable[Any]]], Callable[[Context], Iterable[Any]]]:
    """Register a check. It yields (release path, message, severity or None) for each hit;
    None keeps the rule's configured severity. A `slow` rule runs in `check` only."""

    def register(check: Callable[[Context], Iterable[Any]]) -> Callable[[Context], Iterable[Any]]:
        RULES[rule_id] = Rule(rule_id, name, severity, summary, params, check, slow)
        return check

    return register


@dataclass
class Context:
    release: Release
    params: dict[str, Any] = field(default_factory=dict)


def run_checks(
    release: Release,
    origins: Origins,
    settings: dict[str, dict[str, Any]] | None = None,
    *,
    slow: bool = True,
) -> list[Finding]:
    """Every enabled rule's findings for `release`, in file order; `slow=False` leaves out
    the rules that cost much time once per process (readability's dictionary)."""
    from prwriter.checks import rules as _rules  # noqa: F401  (registers the rules)

    settings = settings or {}
    findings: list[Finding] = []
    for rule_id, registered in RULES.items():
        config = settings.get(rule_id, {})
        if config.get("enabled", True) is False or (registered.slow and not slow):
            continue
        params = {
            **registered.params,
            **{k: v for k, v in config.items() if k in registered.params},
        }
        configured: Severity = config.get("severity", registered.severity)
        for path, message, severity in registered.check(Context(release, params)):
            if _silenced(release, rule_id, path):
                continue
            file, line, column, where = origins.locate(path)
            findings.append(
                Finding(rule_id, severity if severity and "severity" not in config else configured,
                        message, file, line, column, where)
            )  # fmt: skip
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule))


def _silenced(release: Release, rule_id: str, path: tuple[str | int, ...]) -> bool:
    """Whether the release turns this rule off here (`field` covers what lies inside it)."""
    from prwriter.errors import format_field_path

    where = format_field_path(path)
    return any(
        s.rule == rule_id
        and (
            s.field is None or where == s.field or where.startswith((s.field + ".", s.field + "["))
        )
        for s in release.silenced
    )


def iter_rules() -> Iterator[Rule]:
    from prwriter.checks import rules as _rules  # noqa: F401

    yield from sorted(RULES.values(), key=lambda r: r.id)
