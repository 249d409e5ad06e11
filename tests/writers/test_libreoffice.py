"""A real client reads our DOCX: LibreOffice converts every example's .docx in one call, and
the text it extracts must be the text we wrote."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
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


def test_libreoffice_reads_every_docx_as_we_wrote_it(tmp_path: Path) -> None:
    assert SOFFICE and PDFTOTEXT, "CI must install libreoffice-writer-nogui and poppler-utils"
    ours: dict[str, list[str]] = {}
    for release_file in sorted(REPO.glob("examples/*/release.yaml")):
        name = release_file.parent.name
        data = prwriter.render(prwriter.load_release(release_file), "docx")
        assert isinstance(data, bytes)
        (tmp_path / f"{name}.docx").write_bytes(data)
        document = docx.Document(io.BytesIO(data))
        ours[name] = words("\n".join(p.text for p in document.paragraphs))
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

        assert found == expected, "\n".join(difflib.unified_diff(expected, found, lineterm=""))
