"""A real client reads our DOCX: LibreOffice converts every example's .docx in one call, and
the text it extracts must be the text we wrote."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import typing
from pathlib import Path

import docx
import pytest

import prwriter
from conftest import REPO

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
IN_CI = os.environ.get("CI") == "true"

pytestmark = pytest.mark.skipif(
    (SOFFICE is None or PDFTOTEXT is None) and not IN_CI,
    reason="LibreOffice and pdftotext are not installed (CI installs them)",
)


def words(text: str) -> list[str]:
    # Page footers and list markers are LibreOffice's layout, not our text; the timing
    # line's capitals are a style (w:caps), so compare without case. A compound broken at
    # its hyphen at a line end ("Trois-" / "Rivières") is one word.
    import re

    text = re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "-", text)
    return [w.casefold() for w in text.split() if w not in ("•", "Page", "of") and not w.isdigit()]


def body_text(document: typing.Any) -> list[str]:
    """Paragraphs and table rows in the order the body holds them; a cell that spans
    columns once."""
    from docx.table import Table

    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            lines += [" ".join(cell_texts(row)) for row in item.rows]
        else:
            lines.append(item.text)
    return lines


def cell_texts(row: typing.Any) -> list[str]:
    """A row's cells as Word holds them (a merged cell is one cell)."""
    from docx.oxml.ns import qn

    return ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in row._tr.tc_lst]


def test_libreoffice_reads_back_the_tables_cell_by_cell(tmp_path: Path) -> None:
    """LibreOffice opens the earnings example's DOCX and saves it again: every table, row
    and cell holds the text we wrote, and the heading rows still repeat."""
    assert SOFFICE, "CI must install libreoffice-writer-nogui"
    release = prwriter.load_release(REPO / "examples" / "quillmark-earnings" / "release.yaml")
    data = prwriter.render(release, "docx")
    assert isinstance(data, bytes)
    source = tmp_path / "in" / "earnings.docx"
    source.parent.mkdir()
    source.write_bytes(data)
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    ours = docx.Document(io.BytesIO(data)).tables
    theirs = docx.Document(str(tmp_path / "earnings.docx")).tables
    assert len(ours) == len(theirs) == 6
    for mine, read in zip(ours, theirs, strict=True):
        assert [cell_texts(r) for r in read.rows] == [cell_texts(r) for r in mine.rows]
        headers = [r for r in read.rows if r._tr.trPr is not None
                   and r._tr.trPr.find(qn_header()) is not None]  # fmt: skip
        assert len(headers) == len([r for r in mine.rows if r._tr.trPr is not None])


def qn_header() -> str:
    from docx.oxml.ns import qn

    return qn("w:tblHeader")


def test_libreoffice_reads_every_docx_as_we_wrote_it(tmp_path: Path) -> None:
    assert SOFFICE and PDFTOTEXT, "CI must install libreoffice-writer-nogui and poppler-utils"
    ours: dict[str, list[str]] = {}
    headers: dict[str, list[list[str]]] = {}
    for release_file in sorted(REPO.glob("examples/*/release.yaml")):
        name = release_file.parent.name
        data = prwriter.render(prwriter.load_release(release_file), "docx")
        assert isinstance(data, bytes)
        (tmp_path / f"{name}.docx").write_bytes(data)
        document = docx.Document(io.BytesIO(data))
        ours[name] = words("\n".join(body_text(document)))
        headers[name] = [
            words(" ".join(" ".join(cell_texts(r)) for r in t.rows if r._tr.trPr is not None))
            for t in document.tables
        ]
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path),
         *sorted(str(p) for p in tmp_path.glob("*.docx"))],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    for name, expected in ours.items():
        pdf = tmp_path / f"{name}.pdf"
        text = subprocess.run(
            [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        found = words(text)
        import difflib

        # A table that runs onto another page repeats its heading rows there; nothing else
        # may differ.
        diff = difflib.SequenceMatcher(None, expected, found, autojunk=False).get_opcodes()
        extra = [found[j1:j2] for op, _, _, j1, j2 in diff if op == "insert"]
        changed = [op for op, *_ in diff if op not in ("equal", "insert")]
        assert not changed and all(words_ in headers[name] for words_ in extra), "\n".join(
            difflib.unified_diff(expected, found, lineterm="")
        )
