"""The table rules: totals that add up (nested headings, subtotals standing for their rows,
rounding), silenced with a reason; non-GAAP measures reconciled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, ProjectMaker
from prwriter.checks import run_checks
from prwriter.loading import load_with_origins

EARNINGS = REPO / "examples" / "quillmark-earnings" / "release.yaml"
BASE = {
    "headline": "Acme Reports Results for Its Fiscal Year 2025 Today",
    "date": "2025-03-05",
    "dateline": {"city": "Dayton", "state": "Ohio"},
    "companies": ["acme"],
}
LEAD = "Acme, Inc. today reported results."

# A balance sheet in miniature: a subtotal stands for its rows in the total below it.
BALANCE = [
    {"label": "Current assets:", "kind": "heading"},
    {"label": "Cash", "values": [100], "indent": 1},
    {"label": "Receivables", "values": [50], "indent": 1},
    {"label": "Total current assets", "values": [150], "kind": "subtotal", "indent": 1},
    ["Equipment", 30],
    {"label": "Total assets", "values": [180], "kind": "total"},
    {"label": "Operating activities:", "kind": "heading"},
    {"label": "Net income", "values": [12], "indent": 1},
    {"label": "Changes in working capital:", "kind": "heading", "indent": 1},
    {"label": "Receivables", "values": [-2], "indent": 2},
    {"label": "Net cash from operations", "values": [10], "kind": "subtotal"},
    {"label": "Gross profit", "values": [99], "kind": "subtotal", "sums": False},
    ["Other", 1],
    {"label": "Pretax", "values": [100], "kind": "subtotal"},
]


def findings(make_project: ProjectMaker, rows: list, **more: object) -> list:
    body = [LEAD, {"table": {"header": ["2025"], "rows": rows}}]
    project = make_project({"r.yaml": json.dumps({**BASE, "body": body, **more})})
    release, origins = load_with_origins(project / "r.yaml")
    return [f for f in run_checks(release, origins) if f.rule == "FN007"]


def test_the_earnings_example_adds_up_and_is_reconciled() -> None:
    release, origins = load_with_origins(EARNINGS)
    fired = {f.rule for f in run_checks(release, origins)}
    assert not fired & {"FN004", "FN005", "FN007", "FN008"}


def test_nested_headings_and_subtotals_add_up(make_project: ProjectMaker) -> None:
    assert findings(make_project, BALANCE) == []


@pytest.mark.parametrize(
    ("row", "value"), [(3, 152), (5, 170), (10, 12), (13, 102)], ids=["sub", "total", "nested",
                                                                      "after-difference"]
)  # fmt: skip
def test_a_total_that_does_not_add_up_is_found_at_its_row(
    row: int, value: int, make_project: ProjectMaker
) -> None:
    rows = [dict(r) if isinstance(r, dict) else r for r in BALANCE]
    rows[row] = {**rows[row], "values": [value]}
    # A wrong subtotal makes the total it stands in wrong too.
    found = {f.field: f for f in findings(make_project, rows)}
    finding = found[f"body[1].table.rows[{row}]"]
    assert f"'{rows[row]['label']}'" in finding.message
    written = Path(finding.file).read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert written[finding.column - 1 :].startswith(json.dumps(rows[row])[:-1])


def test_rounding_stays_within_the_tolerance(make_project: ProjectMaker) -> None:
    rows = [["A", "1.4"], ["B", "1.4"], {"label": "Total", "values": ["2.9"], "kind": "total"}]
    assert findings(make_project, rows) == []
    rows[2] = {"label": "Total", "values": ["3.1"], "kind": "total"}
    assert len(findings(make_project, rows)) == 1


def test_a_writer_silences_a_total_with_a_reason(make_project: ProjectMaker) -> None:
    rows = [["A", 1], ["B", 2], {"label": "Total", "values": [5], "kind": "total"}]
    silence = {"rule": "FN007", "field": "body[1].table.rows[2]", "reason": "restated"}
    assert len(findings(make_project, rows)) == 1
    assert findings(make_project, rows, checks=[silence]) == []
