"""The PDF writer, read back with pypdf (and checked by qpdf where it is installed)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pypdf
import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker

EXAMPLES = REPO / "examples"
IN_CI = os.environ.get("CI") == "true"


def build(path, **options) -> bytes:
    data = prwriter.render(prwriter.load_release(path), "pdf", **options)
    assert isinstance(data, bytes)
    return data


def words(text: str) -> list[str]:
    return text.split()


def test_text_order_metadata_and_pages() -> None:
    reader = pypdf.PdfReader(io.BytesIO(build(EXAMPLES / "nordwind-tidewater" / "release.yaml")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    order = ["EMBARGOED UNTIL", "Media Contacts", "Nordwind Robotics and Tidewater",
             "HAMBURG, Germany", "What the system does", "Katrin Albers", "About Nordwind",
             "Forward-Looking Statements", "###"]  # fmt: skip
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert len(reader.pages) == 2
    meta = reader.metadata
    assert meta is not None
    assert (
        meta.title == "Nordwind Robotics and Tidewater Analytics Team Up to Automate Cargo Cranes"
    )
    assert meta.author == "Nordwind Robotics SE"
    assert meta.subject == "Joint system to reach 12 ports in Europe and Canada by 2027"
    assert meta["/Keywords"] == "Nordwind Robotics SE, Tidewater Analytics Inc., press release"
    assert meta["/CreationDate"].startswith("D:20260310")
    # Page numbers from page 2 on only.
    assert "Page 2 of 2" in reader.pages[1].extract_text()
    assert "Page 1 of" not in reader.pages[0].extract_text()


def test_tagged_with_language_embedded_fonts_and_links() -> None:
    reader = pypdf.PdfReader(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[1])
    assert fonts >= {"Release-Serif", "Release-Serif-Bold"}
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert links == ["http://www.immunogen.com"]


def test_body_copy_is_not_hyphenated(make_project: ProjectMaker) -> None:
    long_words = " ".join(["internationalization"] * 60)
    release = ACME_RELEASE.replace("in Dayton.", f"in Dayton. {long_words}")
    project = make_project({"r.yaml": release})
    text = pypdf.PdfReader(io.BytesIO(build(project / "r.yaml"))).pages[0].extract_text()
    assert "-\n" not in text
    assert text.count("internationalization") == 60


@pytest.mark.parametrize("variant", prwriter.PDF_VARIANTS)
def test_archival_and_accessible_variants(variant: str) -> None:
    reader = pypdf.PdfReader(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml",
                                              pdf_variant=variant)))  # fmt: skip
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    marker = "pdfaid:part" if variant.startswith("pdf/a") else "pdfuaid:part"
    assert marker in xmp


def test_stylesheet_cannot_reach_outside_the_templates(make_project: ProjectMaker) -> None:
    css = (
        '@font-face { font-family: X; src: url("../../../../etc/passwd"); } html { font-family: X }'
    )
    project = make_project({"r.yaml": ACME_RELEASE, "templates/html/release.css": css})
    with pytest.raises(prwriter.InputError, match="refused: stylesheets may only use files"):
        build(project / "r.yaml")


def test_stylesheet_cannot_reach_the_network(make_project: ProjectMaker) -> None:
    css = 'html { background: url("http://127.0.0.1:9/x.png") }'
    project = make_project({"r.yaml": ACME_RELEASE, "templates/html/release.css": css})
    with pytest.raises(prwriter.InputError, match="refused: rendering never reaches the network"):
        build(project / "r.yaml")


@pytest.mark.skipif(
    shutil.which("qpdf") is None and not IN_CI, reason="qpdf is not installed (CI installs it)"
)
def test_qpdf_finds_no_errors(tmp_path) -> None:
    for example in ("immunogen", "nordwind-tidewater"):
        path = tmp_path / f"{example}.pdf"
        path.write_bytes(build(EXAMPLES / example / "release.yaml"))
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


THREADED = """
import hashlib, sys, threading
import prwriter
release = prwriter.load_release(sys.argv[1])
digests = []
def render():
    for _ in range(3):
        digests.append(hashlib.sha256(prwriter.render(release, "pdf")).hexdigest())
threads = [threading.Thread(target=render) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("\\n".join(digests))
"""


@pytest.mark.slow
def test_eight_threads_render_identical_pdfs() -> None:
    import hashlib
    import sys

    release = REPO / "tests" / "data" / "full" / "release.yaml"
    # In a child process: a crash there (SIGSEGV, SIGABRT) fails the test, not the run.
    result = subprocess.run(
        [sys.executable, "-c", THREADED, str(release)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "CRITICAL" not in result.stderr
    digests = result.stdout.split()
    assert digests == [hashlib.sha256(build(release)).hexdigest()] * 24
