"""Tables in every format: the earnings example renders everywhere; HTML and PDF carry real
tables whose heading repeats on each page; DOCX a Word table in the named style with
repeating heading rows; wire text aligned columns within the profile's width."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker
from prwriter.formatting import row_cells
from prwriter.model import Amount, HeadingCell, Table, TableRow
from prwriter.writers.text import text_table

EARNINGS = REPO / "examples" / "quillmark-earnings" / "release.yaml"


def earnings() -> prwriter.Release:
    return prwriter.load_release(EARNINGS)


def tables(release: prwriter.Release) -> list[Table]:
    return [b for b in release.body if isinstance(b, Table)]


@pytest.mark.parametrize("fmt", prwriter.FORMATS)
def test_the_earnings_example_renders_in_every_format(fmt: str) -> None:
    data = prwriter.render(earnings(), fmt)
    assert data and ("47,560" in data if isinstance(data, str) else len(data) > 1000)


@pytest.mark.parametrize("ascii_only", [False, True])
@pytest.mark.parametrize("wire", sorted(prwriter.list_wires()))
def test_wire_text_tables_fit_the_width_with_right_edges_aligned(
    wire: str, ascii_only: bool
) -> None:
    release = earnings()
    text = str(prwriter.render(release, "txt", wire=wire, ascii=ascii_only))
    lines = text.splitlines()
    assert max(len(line) for line in lines if "   " in line) <= 80
    for table in tables(release):
        for row in table.rows:
            amounts = row_cells(table, row)
            if not amounts:
                continue
            if ascii_only:
                amounts = [a.replace("\u2014", "--") for a in amounts]
            pattern = r"\s+".join(re.escape(a) for a in amounts) + r"\s*$"
            found = [line for line in lines if re.search(pattern, line)]
            assert found, (wire, row.label)


@pytest.mark.parametrize("index", range(6))
def test_wire_text_columns_line_up_on_the_last_digit(index: int) -> None:
    table = tables(earnings())[index]
    lines = text_table(table, 80, str)
    # The last heading row (the years) lines up with the amounts too.
    ends = {tuple(m.end() for m in re.finditer(r"\d(?=\)?%?(?:\s|$))", line)) for line in lines}
    numbered = {e for e in ends if len(e) == table.columns}
    assert len(numbered) == 1, lines


def amount(value: str | None, places: int = 0) -> Amount:
    return Amount(value=None if value is None else Decimal(value), places=places)


def test_a_narrow_wire_table_in_every_part() -> None:
    """A caption that wraps, a heading over two columns, a negative whose parenthesis the
    amounts above and below hang clear of, a label that wraps under its indent, a heading
    row, a total that rounds to zero, nil, rules, a footnote."""
    table = Table(
        currency="$",
        caption="Summary of results in a caption long enough to wrap at forty",
        header=[
            [HeadingCell(text="Quarter", span=2)],
            [HeadingCell(text="2026"), HeadingCell(text="2025")],
        ],
        rows=[
            TableRow(label="Revenue", cells=[amount("1234"), amount("-56")], currency=True),
            TableRow(
                label="Operating costs, of which a long share is deferred",
                indent=1,
                cells=[amount("-1234"), amount("7")],
            ),
            TableRow(label="Other", kind="heading"),
            TableRow(
                label="Net",
                kind="total",
                cells=[amount("-0.004", 2), amount(None)],
                currency=True,
                places=2,
            ),
        ],
        footnotes=["(1) Unaudited."],
    )
    assert text_table(table, 40, str) == [
        "Summary of results in a caption long",
        "enough to wrap at forty",
        "",
        "                            Quarter",
        "                           2026    2025",
        "",
        "Revenue                  $1,234    ($56)",
        "  Operating costs, of",
        "    which a long share",
        "    is deferred          (1,234)      7",
        "Other",
        "                        --------  ------",
        "Net                       $0.00       \u2014",
        "                        ========  ======",
        "",
        "(1) Unaudited.",
    ]


class HtmlTables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.cells: list[tuple[str, str, str]] = []  # (section, tag, class)
        self.section = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("thead", "tbody"):
            self.section = tag
        if tag in ("th", "td"):
            self.cells.append((self.section, tag, dict(attrs).get("class") or ""))


def test_html_tables_have_a_heading_section_and_right_aligned_numbers() -> None:
    html = str(prwriter.render(earnings(), "html"))
    assert html.count("<table") == 6 and html.count("<thead>") == 6
    parser = HtmlTables()
    parser.feed(html)
    numbers = [c for c in parser.cells if c[0] == "tbody" and "number" in c[2]]
    assert numbers and all(tag == "td" for _, tag, _ in numbers)
    labels = [c for c in parser.cells if c[0] == "tbody" and "number" not in c[2]]
    assert all(tag == "th" for _, tag, _ in labels)
    css = (REPO / "templates" / "html" / "release.css").read_text(encoding="utf-8")
    assert "tabular-nums" in css and "display: table-header-group" in css


def test_pdf_table_text_extracts_in_reading_order() -> None:
    release = earnings()
    data = prwriter.render(release, "pdf")
    assert isinstance(data, bytes)
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    for table in tables(release):
        for row in table.rows:
            line = " ".join([row.label, *row_cells(table, row)])
            assert line in text, line


LONG = ACME_RELEASE.replace(
    "body: Acme, Inc. today opened a plant in Dayton.\n",
    "body:\n  - Acme, Inc. today opened a plant in Dayton.\n  - table:\n"
    "      header: [[Heading Over Columns], [Year Twenty]]\n      rows:\n"
    + "".join(f"        - [Row number {n}, {n}]\n" for n in range(140)),
)


def test_a_long_table_repeats_its_heading_on_every_page(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": LONG})
    data = prwriter.render(prwriter.load_release(project / "r.yaml"), "pdf")
    assert isinstance(data, bytes)
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    with_rows = [p for p in pages if "Row number" in p]
    assert len(with_rows) >= 2
    assert all("Heading Over Columns" in p and "Year Twenty" in p for p in with_rows)


def test_docx_tables_are_word_tables_with_repeating_headings() -> None:
    release = earnings()
    data = prwriter.render(release, "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) == len(tables(release))
    for word, table in zip(document.tables, tables(release), strict=True):
        assert word.style.name == "Financial Table"
        rows = word._tbl.tr_lst
        repeating = [tr for tr in rows if tr.trPr is not None
                     and tr.trPr.find(qn("w:tblHeader")) is not None]  # fmt: skip
        assert repeating == rows[: len(table.header)]
        for tr, row in zip(rows[len(table.header) :], table.rows, strict=True):
            cells = tr.tc_lst
            assert "".join(t.text for t in cells[0].iter(qn("w:t"))) == row.label
            for tc, amount in zip(cells[1:], row_cells(table, row), strict=True):
                assert "".join(t.text for t in tc.iter(qn("w:t"))) == amount
                jc = tc.find(qn("w:p")).pPr.find(qn("w:jc"))
                assert jc is not None and jc.get(qn("w:val")) == "right"


def test_a_table_too_wide_for_the_profile_is_an_error_not_a_mangle(
    make_project: ProjectMaker,
) -> None:
    wide = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.\n",
        "body:\n  - Acme, Inc. today opened a plant in Dayton.\n  - table:\n"
        f"      header: [[{', '.join(f'Fiscal Year 20{n}' for n in range(10, 17))}]]\n"
        f"      rows: [[Revenue, {', '.join(['1234567'] * 7)}]]\n",
    )
    release = prwriter.load_release(make_project({"r.yaml": wide}) / "r.yaml")
    with pytest.raises(prwriter.InputError, match=r"body\[1\]\.table: this table needs \d+ "):
        prwriter.render(release, "txt")
    assert "Fiscal Year 2016" in str(prwriter.render(release, "html"))
