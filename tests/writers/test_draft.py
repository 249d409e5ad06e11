"""Draft marks: a line at the top of text and HTML, a diagonal watermark across PDF and DOCX
pages; nothing at all without them (the golden and reproducibility tests hold the bytes)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pypdf
import pytest
from typer.testing import CliRunner

import prwriter
from conftest import REPO
from prwriter.cli import app
from prwriter.draft import DRAFT_LINE

EXAMPLE = REPO / "examples" / "immunogen" / "release.yaml"
SOFFICE = shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="module")
def release() -> prwriter.Release:
    return prwriter.load_release(EXAMPLE)


def test_text_opens_with_the_draft_line(release) -> None:
    plain = prwriter.render(release, "txt")
    marked = prwriter.render(release, "txt", draft=True)
    assert marked == f"{DRAFT_LINE}\n\n{plain}"
    assert DRAFT_LINE not in plain
    ascii_marked = prwriter.render(release, "txt", ascii=True, draft=True)
    assert ascii_marked.startswith("DRAFT - NOT FOR DISTRIBUTION\n\n")


def test_draft_true_in_the_release_marks_it(release) -> None:
    own = release.model_copy(update={"draft": True})
    assert prwriter.render(own, "txt") == prwriter.render(release, "txt", draft=True)
    assert prwriter.render(own, "html") == prwriter.render(release, "html", draft=True)


def test_html_opens_with_the_draft_line(release) -> None:
    plain = str(prwriter.render(release, "html"))
    marked = str(prwriter.render(release, "html", draft=True))
    body = marked.split("<body>", 1)[1].lstrip()
    assert body.startswith(f'<p class="draft-line" data-style="Draft Line">{DRAFT_LINE}</p>')
    assert "draft" not in plain.lower()
    assert "draft-watermark" not in marked  # the watermark is the print copy's


def test_every_pdf_page_carries_the_watermark(release) -> None:
    plain = pypdf.PdfReader(io.BytesIO(prwriter.render(release, "pdf")))
    marked = pypdf.PdfReader(io.BytesIO(prwriter.render(release, "pdf", draft=True)))
    assert len(marked.pages) >= 2
    texts = [page.extract_text() for page in marked.pages]
    assert DRAFT_LINE in texts[0]
    for text in texts:
        assert text.replace(DRAFT_LINE, "").count("DRAFT") == 1  # the watermark
    assert not any("DRAFT" in page.extract_text() for page in plain.pages)


def test_docx_headers_carry_the_watermark(release) -> None:
    plain = docx.Document(io.BytesIO(prwriter.render(release, "docx")))
    marked = docx.Document(io.BytesIO(prwriter.render(release, "docx", draft=True)))
    section = marked.sections[0]
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for header in headers:
        xml = header._element.xml
        assert 'string="DRAFT"' in xml and "rotation:315" in xml
    assert [p.text for p in marked.paragraphs] == [p.text for p in plain.paragraphs]
    assert "DRAFT" not in plain.sections[0].header._element.xml


def reddish_pixels(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as image:
        data = image.convert("RGB").tobytes()
    # The watermark's pale red; text is black or grey, links blue.
    return sum(1 for i in range(0, len(data), 3) if data[i] > data[i + 1] + 15
               and data[i] > data[i + 2] + 15)  # fmt: skip


@pytest.mark.skipif(
    (SOFFICE is None or PDFTOPPM is None) and not IN_CI,
    reason="LibreOffice and pdftoppm are not installed (CI installs them)",
)
def test_libreoffice_shows_the_docx_watermark(release, tmp_path: Path) -> None:
    assert SOFFICE and PDFTOPPM
    (tmp_path / "plain.docx").write_bytes(prwriter.render(release, "docx"))
    (tmp_path / "draft.docx").write_bytes(prwriter.render(release, "docx", draft=True))
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(tmp_path / "plain.docx"), str(tmp_path / "draft.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    counts = {}
    for name in ("plain", "draft"):
        subprocess.run([PDFTOPPM, "-r", "30", "-png", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)  # fmt: skip
        pages = sorted(tmp_path.glob(f"{name}-*.png"))
        assert len(pages) >= 2
        counts[name] = [reddish_pixels(page) for page in pages]
    # The watermark is drawn on every page; the plain copy has no red at all.
    assert all(count < 20 for count in counts["plain"])
    assert all(count > 500 for count in counts["draft"]), counts


def test_generate_draft_from_the_command(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["generate", str(EXAMPLE), "--draft", "-f", "txt", "-o", str(tmp_path), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "release.txt").read_text("utf-8").startswith(DRAFT_LINE + "\n\n")
