"""Release checks: rules over a resolved Release that catch what wire editors and lawyers
catch, each finding located in the file where the offending text was written.

A rule is a function registered with `@rule`; it receives a `Context` and yields findings.
Projects turn rules off, change their severity or thresholds in `prwriter.toml`:

    [check.rules.HL001]
    warning = 80
    severity = "error"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from prwriter.checks.registry import RANK, RULES, Context, Finding, Rule, rule
from prwriter.errors import InputError, Problem, closest, did_you_mean, quote_list
from prwriter.kinds import SEVERITIES, Severity
from prwriter.model import Release
from prwriter.origins import Origins

if TYPE_CHECKING:
    from prwriter.project import Project

__all__ = [
    "RANK",
    "Context",
    "Finding",
    "Rule",
    "check_silences",
    "configured_rules",
    "iter_rules",
    "rule",
    "run_checks",
]


def run_checks(
    release: Release,
    origins: Origins,
    project: Project | None = None,
    *,
    slow: bool = True,
) -> list[Finding]:
    """Every enabled rule's findings for `release`, in file order, as `project`'s settings
    configure the rules; `slow=False` leaves out the rules that cost much time once per
    process (readability's and spelling's dictionaries). InputError when a setting or a
    release's `checks:` names an unknown rule or setting."""
    from prwriter.checks import rules as _rules  # noqa: F401  (registers the rules)

    settings = configured_rules(project) if project is not None else {}
    check_silences(release, origins)
    findings: list[Finding] = []
    for rule_id, registered in RULES.items():
        config = settings.get(rule_id, {})
        if config.get("enabled", True) is False or (registered.slow and not slow):
            continue
        if not registered.reads(release.language):
            continue  # LN001 reports it
        params = {
            **registered.params,
            **{k: v for k, v in config.items() if k in registered.params},
        }
        configured: Severity = config.get("severity", registered.severity)
        for path, message, severity in registered.check(Context(release, params, origins, project)):
            if _silenced(release, rule_id, path):
                continue
            file, line, column, where = origins.locate(path)
            findings.append(
                Finding(rule_id, severity if severity and "severity" not in config else configured,
                        message, file, line, column, where)
            )  # fmt: skip
    return sorted(findings, key=lambda f: (f.file, f.line, f.column, f.rule))


def configured_rules(project: Project) -> dict[str, dict[str, Any]]:
    """The project's `[check.rules.*]` settings, each checked against the rule it names;
    InputError located in the settings file otherwise."""
    from prwriter.settings import rule_position

    known = {r.id: r for r in iter_rules()}
    rules = project.settings.check.rules
    problems: list[Problem] = []

    def fail(rule_id: str, message: str) -> None:
        file, line = rule_position(project.folder, rule_id)
        problems.append(Problem(file, line, 1, "check.rules", message))

    for rule_id, config in rules.items():
        registered = known.get(rule_id)
        if registered is None:
            near = quote_list(closest(rule_id, list(known)))
            hint = did_you_mean(rule_id, known) or ";"
            fail(rule_id, f"unknown rule {rule_id}{hint} rules: {near} (prwriter check "
                 "--list-rules)")  # fmt: skip
            continue
        for key, value in config.items():
            if key == "enabled" and not isinstance(value, bool):
                fail(rule_id, f"{rule_id}.enabled: write true or false")
            elif key == "severity" and value not in SEVERITIES:
                fail(rule_id, f"{rule_id}.severity: write error, warning or info")
            elif key not in ("enabled", "severity"):
                if key not in registered.params:
                    allowed = ", ".join(["enabled", "severity", *registered.params])
                    fail(rule_id, f"{rule_id}: unknown setting {key}; allowed: {allowed}")
                    continue
                default = registered.params[key]
                if type(value) is not type(default) and not (
                    isinstance(default, int | float) and isinstance(value, int | float)
                ):
                    fail(rule_id, f"{rule_id}.{key}: expected "
                         f"{type(default).__name__}, got {value!r}")  # fmt: skip
    if problems:
        raise InputError(problems)
    return rules


def check_silences(release: Release, origins: Origins) -> None:
    """A release's `checks:` may only silence rules that exist."""
    known = [r.id for r in iter_rules()]
    problems = []
    for i, silence in enumerate(release.silenced):
        if silence.rule not in known:
            file, line, column, where = origins.locate(("checks", i, "rule"))
            near = quote_list(closest(silence.rule, known))
            hint = did_you_mean(silence.rule, known) or ";"
            message = f"unknown rule '{silence.rule}'{hint} rules: {near}"
            problems.append(Problem(file, line, column, where, message))
    if problems:
        raise InputError(problems)


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
