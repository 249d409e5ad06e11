"""Tables in a release: the `table:` part and Markdown pipe tables, resolved to typed
amounts, with every problem located where it was written."""

from __future__ import annotations

from decimal import Decimal

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.model import Table

LEAD = "  - Acme, Inc. today opened a plant in Dayton.\n"
RELEASE = ACME_RELEASE.replace("body: Acme, Inc. today opened a plant in Dayton.\n", "body:\n")


def load(make_project: ProjectMaker, body: str) -> prwriter.Release:
    project = make_project({"r.yaml": RELEASE + LEAD + body})
    return prwriter.load_release(project / "r.yaml")


def tables(release: prwriter.Release) -> list[Table]:
    return [b for b in release.body if isinstance(b, Table)]


STATEMENT = """\
  - table:
      caption: Results
      units: (in thousands)
      currency: $
      header:
        - {text: "Three Months Ended March 31,", span: 2}
        - ["2026", "2025"]
      rows:
        - {label: "Revenue:", kind: heading}
        - {label: Tools, values: [1200, "1,000"], indent: 1}
        - {label: Parts, values: [(50), null], indent: 1}
        - {label: Total revenue, values: [1150, 1000], kind: total}
        - {label: Margin, values: [12.5%, "—"]}
      footnotes: Unaudited.
"""


def test_a_table_part_resolves_to_typed_rows(make_project: ProjectMaker) -> None:
    (table,) = tables(load(make_project, STATEMENT))
    assert table.columns == 2
    assert [[c.text for c in row] for row in table.header] == [
        ["Three Months Ended March 31,"],
        ["2026", "2025"],
    ]
    assert [r.kind for r in table.rows] == ["heading", "normal", "normal", "total", "normal"]
    tools, parts, _, margin = table.rows[1:]
    assert [c.value for c in tools.cells] == [Decimal(1200), Decimal(1000)]
    assert [c.value for c in parts.cells] == [Decimal(-50), None]
    assert margin.cells[0].percent and margin.cells[1].value is None
    # The currency sign goes on the first row of amounts and on totals only.
    assert [r.currency for r in table.rows] == [False, True, False, True, False]
    assert table.footnotes == ["Unaudited."]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("[1200, \"1,000\"]", "[1200]"), "r.yaml:16:34: body[1].table.rows[1].values: "
         "1 values for 2 columns"),
        (("[(50), null]", "[(50), lots]"), "r.yaml:17:41: body[1].table.rows[2].values[1]: "
         "'lots' is not an amount"),
        (("span: 2}", "span: 3}"), "r.yaml:12:11: body[1].table.header[0]: this heading row "
         "spans 3 columns, the last one names 2"),
        (("kind: heading}", "kind: heading, values: [1, 2]}"),
         "body[1].table.rows[0].values: a heading row has no values"),
        (("kind: total}", "kind: grand}"), "body[1].table.rows[3].kind: got 'grand'; "
         "expected 'normal', 'subtotal', 'total' or 'heading'"),
        (("footnotes:", "purpose: reconciliation\n      footnotes:"),
         "a reconciliation names what it reconciles"),
    ],
)  # fmt: skip
def test_a_broken_table_is_a_located_error(
    change: tuple[str, str], message: str, make_project: ProjectMaker
) -> None:
    with pytest.raises(prwriter.InputError) as info:
        load(make_project, STATEMENT.replace(*change))
    assert message in str(info.value)


def test_a_list_row_starts_with_its_label(make_project: ProjectMaker) -> None:
    body = STATEMENT.replace('{label: Tools, values: [1200, "1,000"], indent: 1}', "[1, 2, 3]")
    with pytest.raises(prwriter.InputError, match=r"rows\[1\]\[0\]: a row starts with its label"):
        load(make_project, body)


def test_a_control_character_in_a_list_row_label_is_a_located_error(
    make_project: ProjectMaker,
) -> None:
    body = STATEMENT.replace('{label: Tools, values: [1200, "1,000"], indent: 1}',
                             '["Tools\\a", 1200, 1000]')  # fmt: skip
    with pytest.raises(prwriter.InputError, match=r"rows\[1\]\[0\]: contains the control "
                       r"character U\+0007"):  # fmt: skip
        load(make_project, body)


PIPE = """\
  - |
    | (in thousands) | 2026 | 2025 |
    | :-- | --: | --: |
    | Revenue: | | |
    | Tools | 1,200 | 1,000 |
    | **Total** | 1,200 | (3) |
"""


def test_a_pipe_table_in_the_copy_is_a_table_too(make_project: ProjectMaker) -> None:
    (table,) = tables(load(make_project, PIPE))
    assert table.stub == "(in thousands)"
    assert [c.text for c in table.header[0]] == ["2026", "2025"]
    assert [(r.label, r.kind) for r in table.rows] == [
        ("Revenue:", "heading"),
        ("Tools", "normal"),
        ("Total", "total"),
    ]
    assert table.rows[2].cells[1].value == Decimal(-3)


def test_a_pipe_table_cell_that_is_not_an_amount_is_located(make_project: ProjectMaker) -> None:
    with pytest.raises(prwriter.InputError) as info:
        load(make_project, PIPE.replace("| 1,200 | 1,000 |", "| 1,200 | many |"))
    assert "r.yaml:11:5: body[1]: table row 'Tools': 'many' is not an amount" in str(info.value)


def test_a_list_row_has_a_mapping_rows_defaults() -> None:
    from prwriter.schema import RowInput
    from prwriter.tables import ListRow

    written = ListRow("Revenue", [1, 2])
    typed = RowInput(label="Revenue", values=[1, 2])
    assert written._asdict() == typed.model_dump()
