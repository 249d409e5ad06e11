"""Check results as text, JSON, GitHub Actions annotations and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from prwriter.checks import RANK, Finding, iter_rules
from prwriter.errors import Problem
from prwriter.kinds import Severity

REPORT_FORMATS = ("text", "json", "github", "sarif")
# The rule catalogue (docs/rules.md) where the project is published; the same address is
# the `Rules` URL in pyproject.toml.
RULES_URL = "https://github.com/prwriter/prwriter/blob/main/docs/rules.md"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One release's check: its findings, or the input problems that stopped it."""

    source: Path
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    fail_on: Severity = "error"  # the project's setting
    unreadable: bool = False  # the problems are that a file could not be read at all


def exit_status(results: Sequence[CheckResult], fail_on: Severity | None = None) -> int:
    """0 clean, 1 findings at or above `fail_on` (else each project's setting), 2 input
    problems."""
    if any(r.problems for r in results):
        return 2
    for result in results:
        threshold = RANK[fail_on or result.fail_on]
        if any(RANK[f.severity] >= threshold for f in result.findings):
            return 1
    return 0


def as_text(results: Sequence[CheckResult], color: bool = False) -> str:
    colors = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
    lines: list[str] = []
    for result in results:
        # A problem shared by many releases (their project's settings) is printed once.
        lines.extend(str(p) for p in result.problems if str(p) not in lines)
        for finding in result.findings:
            text = str(finding)
            if color:
                text = text.replace(
                    f" {finding.severity} ",
                    f" {colors[finding.severity]}{finding.severity}\x1b[0m ",
                    1,
                )
            lines.append(text)
    counts = {s: sum(f.severity == s for r in results for f in r.findings) for s in RANK}
    unreadable = sum(bool(r.problems) and r.unreadable for r in results)
    invalid = sum(bool(r.problems) and not r.unreadable for r in results)
    summary = (
        f"{len(results)} release(s) checked: {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['info']} info"
    )
    if unreadable:
        summary += f"; {unreadable} could not be read"
    if invalid:
        summary += f"; {invalid} failed validation"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[CheckResult]) -> str:
    data = [
        {
            "file": str(r.source),
            "findings": [asdict(f) for f in r.findings],
            "problems": [asdict(p) for p in r.problems],
        }
        for r in results
    ]
    return json.dumps({"releases": data}, indent=2, ensure_ascii=False) + "\n"


def _escape_github(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(results: Sequence[CheckResult]) -> str:
    """GitHub Actions workflow commands: one annotation per finding or problem."""
    lines: list[str] = []
    for result in results:
        items: list[tuple[str, str, int, int, str, str]] = [
            ("error", p.file, p.line, p.column, "input", _text(p.field, p.message))
            for p in result.problems
        ]
        items += [
            ("notice" if f.severity == "info" else f.severity, f.file, f.line, f.column, f.rule,
             _text(f.field, f.message))
            for f in result.findings
        ]  # fmt: skip
        for level, file, line, column, title, message in dict.fromkeys(items):
            props = [f"file={_escape_github(file, property_value=True)}"]
            if line:
                props += [f"line={line}", f"col={column}"]
            props.append(f"title={_escape_github(title, property_value=True)}")
            lines.append(f"::{level} {','.join(props)}::{_escape_github(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def as_sarif(results: Sequence[CheckResult], version: str) -> str:
    """A SARIF 2.1.0 log for code-scanning dashboards."""
    rules = list(iter_rules())
    index = {r.id: i for i, r in enumerate(rules)}
    sarif_results = []
    for result in results:
        for finding in result.findings:
            sarif_results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": SARIF_LEVELS[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [_location(finding.file, finding.line, finding.column)],
                }
            )
        for problem in result.problems:
            sarif_results.append(
                {
                    "ruleId": "input",
                    "level": "error",
                    "message": {"text": _text(problem.field, problem.message)},
                    "locations": [_location(problem.file, problem.line, problem.column)],
                }
            )  # fmt: skip
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "prwriter",
                        "version": version,
                        "informationUri": RULES_URL,
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "defaultConfiguration": {"level": SARIF_LEVELS[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _text(field: str, message: str) -> str:
    return f"{field}: {message}" if field else message


def _location(file: str, line: int, column: int) -> dict[str, object]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": file}, "region": region}}


def rules_markdown() -> str:
    """The rule catalogue as a Markdown page (docs/rules.md is generated from it)."""
    lines = [
        "# Release checks",
        "",
        "Generated by `prwriter check --list-rules --format markdown`; do not edit.",
        "",
        "Turn a rule off, change its severity or a threshold in `prwriter.toml`",
        '(`[check.rules.ID]`: `enabled = false`, `severity = "info"`, or a parameter below),',
        "or silence it for one release and field with a reason under the release's `checks:`.",
        "Names and terms written as they should be (a brand in capitals, a drug's name) go in",
        "the project's word list, `[check] words = [...]`, which the capitals and spelling",
        "rules accept.",
        "",
        "## Severity",
        "",
        "- **error**: what a wire editor or a lawyer would stop the release for: a placeholder",
        "  or sample text left in, a forecast without a forward-looking legend, a non-GAAP",
        "  measure without its GAAP one, an embargo that contradicts the date, no contact or",
        "  one nobody can reach, a headline all in capitals or too long for the wires, the",
        "  fictional example library in a real project. `check` fails on errors;",
        "  `generate --strict` holds such a release back.",
        "- **warning**: style an editor would change before it goes out (AP dates and times,",
        "  buzzwords, a long lead or sentence, first person, spelling, unbalanced marks).",
        "- **info**: a measure or a hint for the writer, not a defect (readability, wordy",
        "  phrases, a short body for a notice).",
        "",
        "## Rules",
        "",
        "| ID | Name | Severity | What it checks | Parameters |",
        "|---|---|---|---|---|",
    ]
    for rule in iter_rules():
        params = ", ".join(f"`{k} = {v!r}`" for k, v in rule.params.items()) or ""
        lines.append(f"| {rule.id} | {rule.name} | {rule.severity} | {rule.summary} | {params} |")
    return "\n".join(lines) + "\n"
