"""Word files read with python-docx: styles, bold run-ins, italics, links, lists and
pictures. The DOCX of every fixture, imported and rendered again, has the same text."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest

from conftest import DATA, REPO
from prwriter import InputError, Project, import_releases, load_release, render
from prwriter.importing.docx import paragraph_texts
from prwriter.yaml_source import read_yaml

FIXTURES = [
    REPO / "examples" / "immunogen" / "release.yaml",
    REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    REPO / "examples" / "quillmark-earnings" / "release.yaml",
    *sorted((DATA / "forms").glob("*/release.yaml")),
]


def _texts(data: bytes) -> list[str]:
    return paragraph_texts(docx.Document(io.BytesIO(data)))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.parent.name)
def test_docx_of_each_fixture_round_trips(fixture: Path, tmp_path: Path) -> None:
    written = render(load_release(fixture), "docx")
    source = tmp_path / f"{fixture.parent.name}.docx"
    source.write_bytes(written)
    out = tmp_path / "project"
    if (fixture.parent / "templates").is_dir():
        shutil.copytree(fixture.parent / "templates", out / "templates")
    result = import_releases([source], out)
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    again = render(load_release(out / f"{source.stem}.yaml"), "docx", project=Project(out))
    assert _texts(again) == _texts(written)


# Copy in other languages: the bilingual example in French, the German and Spanish fixtures.
LANGUAGE_FIXTURES = [
    (REPO / "examples" / "boreal-bilingual" / "release.yaml", "fr-CA"),
    (DATA / "languages" / "de" / "release.yaml", None),
    (DATA / "languages" / "es" / "release.yaml", None),
]


@pytest.mark.parametrize(("fixture", "language"), LANGUAGE_FIXTURES, ids=["fr-CA", "de", "es"])
def test_docx_in_other_languages_round_trips(
    fixture: Path, language: str | None, tmp_path: Path
) -> None:
    original = load_release(fixture, language=language)
    written = render(original, "docx")
    source = tmp_path / "copy.docx"
    source.write_bytes(written)
    result = import_releases([source], tmp_path / "out")
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    release = load_release(tmp_path / "out" / "copy.yaml")
    assert release.language.split("-")[0] == original.language.split("-")[0]
    again = render(release, "docx", project=Project(tmp_path / "out"))
    assert _texts(again) == _texts(written)


def _styled_word_file(path: Path) -> None:
    """A Word file written by hand, in Word's own styles."""
    document = docx.Document()
    document.add_paragraph("Acme Opens a Plant in Dayton", style="Title")
    document.add_paragraph(
        "DAYTON, Ohio, March 5, 2026 — Acme, Inc. (NYSE: ACME) today opened a plant.",
        style="Body Text",
    )
    facts = document.add_paragraph(style="Body Text")
    facts.add_run("Plant facts:").bold = True
    facts.add_run(" the plant makes ")
    facts.add_run("hand tools").italic = True
    facts.add_run(" for builders.")
    document.add_paragraph("Forged in one piece", style="List Bullet")
    document.add_paragraph("Sold in 40 states", style="List Bullet")
    document.add_paragraph("About Acme, Inc.")
    document.add_paragraph("Acme, Inc. makes tools for builders.")
    document.save(str(path))


def test_runs_and_lists_become_markdown(tmp_path: Path) -> None:
    source = tmp_path / "plant.docx"
    _styled_word_file(source)
    result = import_releases([source], tmp_path / "project")
    assert result.notes == []
    facts = read_yaml(tmp_path / "project" / "plant.yaml").data
    assert facts["body"] == [
        "Acme, Inc. today opened a plant.",
        "**Plant facts:** the plant makes *hand tools* for builders.",
        "- Forged in one piece\n- Sold in 40 states",
    ]
    company = read_yaml(tmp_path / "project" / "boilerplates" / "companies" / "acme.yaml").data
    assert company["listings"] == [{"exchange": "NYSE", "symbol": "ACME"}]
    assert company["about"][0]["text"] == "Acme, Inc. makes tools for builders."


def test_a_link_in_the_copy_keeps_its_address(tmp_path: Path) -> None:
    written = render(load_release(REPO / "examples" / "immunogen" / "release.yaml"), "docx")
    source = tmp_path / "immunogen.docx"
    source.write_bytes(written)
    import_releases([source], tmp_path / "project")
    facts = read_yaml(tmp_path / "project" / "immunogen.yaml").data
    assert facts["companies"] == [{"id": "immunogen", "link": True}]
    company = read_yaml(tmp_path / "project" / "boilerplates" / "companies" / "immunogen.yaml")
    assert company.data["url"] == "http://www.immunogen.com"


def test_pictures_become_media_beside_the_release(tmp_path: Path) -> None:
    fixture = REPO / "examples" / "nordwind-tidewater" / "release.yaml"
    source = tmp_path / "cranes.docx"
    source.write_bytes(render(load_release(fixture), "docx"))
    import_releases([source], tmp_path / "project")
    [media] = read_yaml(tmp_path / "project" / "cranes.yaml").data["media"]
    assert media == {
        "file": "media/cranes-1.png",
        "caption": "A Nordwind crane controller at a test berth in Hamburg.",
        "credit": "Nordwind Robotics",
        "alt": "A ship-to-shore crane above a container vessel.",
    }
    original = (fixture.parent / "media" / "harbor-crane.png").read_bytes()
    assert (tmp_path / "project" / "media" / "cranes-1.png").read_bytes() == original


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"PK\x03\x04 not really a zip", "is not a Word file"), (b"plain text", "is not a Word file")],
)
def test_a_broken_word_file_gets_a_located_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "broken.docx"
    source.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        import_releases([source], tmp_path / "project")
    assert str(caught.value).startswith(f"{source}:1:")
    assert not (tmp_path / "project").exists()


def test_a_word_file_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch) -> None:
    import prwriter.importing.docx as word

    source = tmp_path / "plant.docx"
    _styled_word_file(source)
    # The real limit is 100 MB; a lower one stands in for a decompression bomb.
    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InputError, match="unpacks to more than any release needs"):
        import_releases([source], tmp_path / "project")
    assert not (tmp_path / "project").exists()


def test_word_tables_come_back_as_tables(tmp_path: Path) -> None:
    fixture = REPO / "examples" / "quillmark-earnings" / "release.yaml"
    source = tmp_path / "earnings.docx"
    source.write_bytes(render(load_release(fixture), "docx"))
    import_releases([source], tmp_path / "project")
    body = read_yaml(tmp_path / "project" / "earnings.yaml").data["body"]
    tables = [part["table"] for part in body if isinstance(part, dict) and "table" in part]
    assert len(tables) == 6
    outlook, income = tables[1], tables[2]
    assert outlook["header"] == [
        [{"text": "Second Quarter 2026", "span": 2}, {"text": "Full Year 2026", "span": 2}],
        ["Low", "High", "Low", "High"],
    ]
    assert (income["caption"], income["units"]) == (
        "Quillmark Software, Inc. Condensed Consolidated Statements of Income (Unaudited)",
        "(in thousands, except per share data)",
    )
    rows = {r["label"]: r for r in income["rows"] if isinstance(r, dict)}
    assert rows["Revenue:"] == {"label": "Revenue:", "kind": "heading"}
    assert rows["Subscription"] == {"label": "Subscription", "values": [41250, 35480], "indent": 1}
    assert rows["Net income"]["kind"] == "total"
    assert tables[5]["footnotes"] == ["(1) Adjusted EBITDA divided by total revenue."]


def test_a_word_table_that_is_not_a_statement_stays_as_text(tmp_path: Path) -> None:
    source = tmp_path / "plant.docx"
    _styled_word_file(source)
    document = docx.Document(str(source))
    grid = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        grid._cells, ["Site", "Opened", "Staff", "Dayton", "March", "120"], strict=True
    ):
        cell.text = text
    # The table goes after the body paragraphs, before the About section.
    document.paragraphs[4]._p.addnext(grid._tbl)
    document.save(str(source))
    result = import_releases([source], tmp_path / "project")
    [note] = [n for n in result.notes if "cannot read" in n]
    assert note.endswith(
        "a table prwriter cannot read ('March' in row 'Dayton' is not an amount); kept as text"
    )
    body = read_yaml(tmp_path / "project" / "plant.yaml").data["body"]
    assert "Dayton  March  120" in body[-1]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _no_cells_in_a_body_row(d: docx.Document) -> None:
    row = d.tables[0].rows[2]._tr
    for tc in row.findall(_W + "tc"):
        row.remove(tc)


def _no_cells_in_the_heading_row(d: docx.Document) -> None:
    row = d.tables[0].rows[0]._tr
    for tc in row.findall(_W + "tc"):
        row.remove(tc)


def _a_cell_without_a_paragraph(d: docx.Document) -> None:
    tc = d.tables[0].rows[2]._tr.findall(_W + "tc")[0]
    for p in tc.findall(_W + "p"):
        tc.remove(p)


def _merged_cells(d: docx.Document) -> None:
    table = d.tables[0]
    table.cell(1, 1).merge(table.cell(1, 2))  # two paragraphs in one cell


def _no_rows(d: docx.Document) -> None:
    table = d.tables[0]
    for row in list(table.rows):
        table._tbl.remove(row._tr)


@pytest.mark.parametrize(
    "spoil",
    [_no_cells_in_a_body_row, _no_cells_in_the_heading_row, _a_cell_without_a_paragraph,
     _merged_cells, _no_rows],
)  # fmt: skip
def test_a_spoilt_word_table_is_kept_as_text_and_the_others_still_read(
    spoil, tmp_path: Path
) -> None:
    fixture = REPO / "examples" / "quillmark-earnings" / "release.yaml"
    document = docx.Document(io.BytesIO(render(load_release(fixture), "docx")))
    spoil(document)
    source = tmp_path / "earnings.docx"
    document.save(str(source))
    result = import_releases([source], tmp_path / "project", date=dt.date(2026, 5, 6))
    body = read_yaml(tmp_path / "project" / "earnings.yaml").data["body"]
    tables = [part for part in body if isinstance(part, dict) and "table" in part]
    assert len(tables) == 5  # the first is spoilt; the five after it come back as tables
    assert "Table." not in body
    if spoil is not _no_rows:
        assert any("cannot read" in note for note in result.notes)
