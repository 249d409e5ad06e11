"""Financial tables read back from wire text: the statements of the earnings example come
back as the same facts, amounts as numbers; a table that cannot be read stays as text and
is reported by line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, REPO
from prwriter import import_releases, load_release, render
from prwriter.formatting import row_cells
from prwriter.importing.tables import Cell, read_cell
from prwriter.model import Table
from prwriter.yaml_source import read_yaml

GOLDEN = DATA / "golden" / "quillmark-earnings.businesswire.txt"
DATE = dt.date(2026, 5, 6)


def _tables(path: Path) -> list[dict]:
    body = read_yaml(path).data["body"]
    return [part["table"] for part in body if isinstance(part, dict) and "table" in part]


def _shown(table: Table) -> list[tuple]:
    """What a reader of a table sees, and what the checks read: every row's label, kind,
    indent and amounts as written, and whether it sums the rows above."""
    return [
        (row.label, row.kind, row.indent, row_cells(table, row), row.sums) for row in table.rows
    ]


def test_the_statements_come_back_as_the_example_wrote_them(tmp_path: Path) -> None:
    import_releases([GOLDEN], tmp_path, date=DATE)
    imported = load_release(tmp_path / f"{GOLDEN.stem}.yaml")
    example = load_release(REPO / "examples" / "quillmark-earnings" / "release.yaml")
    found = [b for b in imported.body if isinstance(b, Table)]
    expected = [b for b in example.body if isinstance(b, Table)]
    assert len(found) == len(expected) == 6
    for again, table in zip(found, expected, strict=True):
        assert (again.caption, again.units, again.stub, again.currency) == (
            table.caption,
            table.units,
            table.stub,
            table.currency,
        )
        assert again.header == table.header
        assert _shown(again) == _shown(table)
        assert again.footnotes == table.footnotes
        assert (again.purpose, again.reconciles) == (table.purpose, table.reconciles)


def test_amounts_are_numbers_not_text(tmp_path: Path) -> None:
    import_releases([GOLDEN], tmp_path, date=DATE)
    highlights, outlook, income, _, cash, reconciliation = _tables(tmp_path / f"{GOLDEN.stem}.yaml")
    assert highlights["rows"][0] == ["Total revenue", 47560, 41400, "15%"]
    assert outlook["rows"][0] == ["Total revenue", 49.0, 50.0, 198.0, 202.0]
    per_share = next(
        r for r in income["rows"] if isinstance(r, dict) and r["label"].startswith("Net income per")
    )
    assert per_share["values"] == [0.21, 0.13] and per_share["currency"] is True
    changes = next(
        r for r in cash["rows"] if isinstance(r, dict) and r["label"].startswith("Changes")
    )
    assert changes["values"] == [1310, -420]
    assert reconciliation["rows"][-1] == ["Adjusted EBITDA margin (1)", "22.6%", "19.1%"]
    assert reconciliation["footnotes"] == ["(1) Adjusted EBITDA divided by total revenue."]


def test_a_table_that_cannot_be_read_stays_as_text_and_is_reported(tmp_path: Path) -> None:
    lines = GOLDEN.read_text(encoding="utf-8").split("\n")
    services = next(n for n, line in enumerate(lines) if line.startswith("  Services "))
    lines[services] = lines[services][: -len("          5,920")]  # one amount lost
    source = tmp_path / "mangled.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = import_releases([source], tmp_path / "out", date=DATE)
    what = "a table prwriter cannot read ('Services' has 1 amounts, the first row 2)"
    assert f"{source}:{services + 1}: {what}; kept as text" in result.notes
    facts = read_yaml(tmp_path / "out" / "mangled.yaml").data
    text = json.dumps(facts["body"], ensure_ascii=False)
    # Nothing dropped: its lines are in the body as text, and the other tables are read.
    for kept in ("Subscription", "$41,250", "Services", "6,310", "Weighted-average diluted"):
        assert kept in text
    assert len(_tables(tmp_path / "out" / "mangled.yaml")) == 5
    # Kept as written, columns and rules in place: every line comes back.
    [imported] = result.releases
    assert imported.reproduced == imported.lines
    again = render(load_release(tmp_path / "out" / "mangled.yaml"), "txt", wire=imported.wire)
    assert again == source.read_text(encoding="utf-8")


SMALL = {
    "caption": "Segment Results",
    "units": "(in millions, except per share data)",
    "currency": "$",
    "header": [
        [{"text": "Nine Months Ended September 30,", "span": 2}, "Change"],
        ["2026", "2025", "%"],
    ],
    "rows": [
        {"label": "Segment revenue:", "kind": "heading"},
        {"label": "Hardware", "values": ["1,204.50", 1100, "9.5%"], "indent": 1},
        {
            "label": "Services and support under contracts entered into before the merger (1)",
            "values": [None, "(3.25)", None],
            "indent": 1,
        },
        {
            "label": "Total segment revenue",
            "values": ["1,204.50", 1096.75, "9.8%"],
            "kind": "total",
        },
        {"label": "Earnings per share", "values": ["0.10", "0.20", None], "currency": True},
    ],
    "footnotes": [
        "(1) Contracts the company assumed in the merger and has not renewed since, which are "
        "reported apart from the rest of the segment."
    ],
}


@pytest.mark.parametrize(
    ("wire", "ascii"), [("prnewswire", False), ("globenewswire", True), ("print", False)]
)
def test_a_table_with_every_form_round_trips(tmp_path: Path, wire: str, ascii: bool) -> None:
    example = REPO / "examples" / "quillmark-earnings"
    release = tmp_path / "written" / "release.yaml"
    release.parent.mkdir()
    shutil.copytree(example / "boilerplates", release.parent / "boilerplates")
    facts = read_yaml(example / "release.yaml").data
    body = [facts["body"][0], {"table": SMALL}]
    release.write_text(
        json.dumps({**facts, "body": body, "legal": []}, default=str), encoding="utf-8"
    )
    text = render(load_release(release), "txt", wire=wire, ascii=ascii)
    # The long label wraps under itself.
    assert not any("Services" in line and "merger" in line for line in text.split("\n"))
    source = tmp_path / "copy.txt"
    source.write_text(text, encoding="utf-8")
    result = import_releases([source], tmp_path / "out")
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    [table] = _tables(tmp_path / "out" / "copy.yaml")
    assert table["header"] == SMALL["header"]
    assert table["rows"][2]["values"] == [None, -3.25, None]
    assert table["rows"][4] == {
        "label": "Earnings per share",
        "values": [0.1, 0.2, None],
        "currency": True,
        "places": 2,
    }
    assert table["footnotes"] == SMALL["footnotes"]


@pytest.mark.parametrize(
    ("written", "cell"),
    [
        ("$1,234", Cell(Decimal(1234), 0, False, "$")),
        ("(56)", Cell(Decimal(-56))),
        ("($1,950.25)", Cell(Decimal("-1950.25"), 2, False, "$")),
        ("0.21", Cell(Decimal("0.21"), 2)),
        ("12.5%", Cell(Decimal("12.5"), 1, True)),
        ("(1.5%)", Cell(Decimal("-1.5"), 1, True)),
        ("\u2014", Cell(None)),
        ("--", Cell(None)),
        ("EUR12", Cell(Decimal(12), 0, False, "EUR")),
    ],
)
def test_amounts_as_written(written: str, cell: Cell) -> None:
    assert read_cell(written) == cell


@pytest.mark.parametrize("written", ["(56", "1,23", "$12%", "12 345", "-56", "Q1", "56)"])
def test_what_is_not_an_amount(written: str) -> None:
    assert read_cell(written) is None


def test_rows_without_headings_stay_as_written_under_the_copy_above(tmp_path: Path) -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    heading = "(in thousands, except per share data)  Q1 2026  Q1 2025  Change\n\n"
    assert heading in text
    source = tmp_path / "no-headings.txt"
    source.write_text(text.replace(heading, ""), encoding="utf-8")
    result = import_releases([source], tmp_path / "out", date=DATE)
    assert any("a table prwriter cannot read (0 column headings over 3 columns)" in n
               for n in result.notes)  # fmt: skip
    body = read_yaml(tmp_path / "out" / "no-headings.yaml").data["body"]
    # The list above the rows is still a list; the rows are kept as written.
    assert any(isinstance(p, str) and p.startswith("- GAAP net income") for p in body)
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes


def test_a_wide_tables_headings_are_tried_a_few_ways_not_every_way() -> None:
    from prwriter.importing.wiretables import _span_choices

    # 15 headings over 30 columns have 77 million ways to span them; before the cut,
    # listing them all took minutes.
    edges = [20 + 6 * n for n in range(30)]
    headings = [(f"H{n}", 20 + 12 * n + 4) for n in range(15)]
    choices = _span_choices([headings], edges)
    assert 1 <= len(choices) <= 24
    assert all(sum(spans) == 30 and len(spans) == 15 for [spans] in choices)


def test_an_amount_longer_than_any_statement_prints_is_text() -> None:
    assert read_cell("9" * 30) is not None
    assert read_cell("9" * 31) is None
    assert read_cell("9" * 4400) is None  # Python would refuse to write it back
