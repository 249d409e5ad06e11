"""The DOCX writer, read back with python-docx: texts, order, styles, links, lists, metadata."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker

EXAMPLES = REPO / "examples"


def build(path) -> bytes:
    data = prwriter.render(prwriter.load_release(path), "docx")
    assert isinstance(data, bytes)
    return data


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_blocks_in_layout_order_with_named_styles() -> None:
    found = paragraphs(build(EXAMPLES / "nordwind-tidewater" / "release.yaml"))
    styles = [style for style, _ in found]
    order = [
        "Release Timing", "Contact Heading", "Title", "Subtitle", "Body Text", "Heading 2",
        "List Bullet", "Quote", "Figure", "Caption", "About Heading", "Legal Heading",
        "Legal Text", "End Mark",
    ]  # fmt: skip
    positions = [styles.index(name) for name in order]
    assert positions == sorted(positions)
    assert found[0] == ("Release Timing", "EMBARGOED UNTIL 8 a.m. PT, March 10, 2026")
    lead = next(text for style, text in found if style == "Body Text")
    assert lead.startswith("HAMBURG, Germany & VANCOUVER, British Columbia, March 10, 2026 — ")
    assert "Nordwind Robotics SE (FSE: NWR)" in lead
    assert ("End Mark", "###") in found


def test_dateline_is_a_character_style_run() -> None:
    document = docx.Document(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    lead = next(p for p in document.paragraphs if p.style.name == "Body Text")
    assert lead.runs[0].style.name == "Dateline"
    assert lead.runs[0].text == "WALTHAM, Mass., Nov. 13, 2014 — "


def test_links_are_real_hyperlinks() -> None:
    document = docx.Document(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    lead = next(p for p in document.paragraphs if p.style.name == "Body Text")
    [link] = lead.hyperlinks
    assert (link.text, link.address) == ("ImmunoGen, Inc.", "http://www.immunogen.com")


def test_lists_are_word_numbering_and_ordered_lists_restart(make_project: ProjectMaker) -> None:
    body = (
        "body: |\n  Acme, Inc. today opened a plant.\n\n  - one\n  - two\n\n"
        "  1. first\n  2. second\n\n  Then.\n\n  4. fourth\n"
    )
    release = ACME_RELEASE.replace("body: Acme, Inc. today opened a plant in Dayton.", body)
    project = make_project({"r.yaml": release})
    document = docx.Document(io.BytesIO(build(project / "r.yaml")))
    items = [p for p in document.paragraphs if p.style.name.startswith("List")]
    assert [p.text for p in items] == ["one", "two", "first", "second", "fourth"]
    numbered = [p for p in items if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]
    numbering = document.part.numbering_part.element
    restart = numbering.num_having_numId(ids[2])
    assert restart.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["4"]
    bullets = [p for p in items if p.style.name == "List Bullet"]
    assert all(p.style.element.pPr.numPr is not None for p in bullets)


def test_core_properties_come_from_the_release() -> None:
    document = docx.Document(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    props = document.core_properties
    assert props.title.startswith("ImmunoGen, Inc. Again Named")
    assert props.author == "ImmunoGen, Inc."
    assert props.language == "en-US"
    assert props.keywords == "ImmunoGen, Inc., press release"
    assert props.created.isoformat() == "2014-11-13T00:00:00+00:00"
    assert props.modified == props.created


def test_zip_entries_have_fixed_timestamps() -> None:
    package = zipfile.ZipFile(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    assert {info.date_time for info in package.infolist()} == {(2014, 11, 13, 0, 0, 0)}


def test_footer_numbers_pages_after_the_first() -> None:
    document = docx.Document(io.BytesIO(build(EXAMPLES / "immunogen" / "release.yaml")))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert not section.first_page_footer.paragraphs[0].text


def test_images_carry_alt_text() -> None:
    document = docx.Document(io.BytesIO(build(EXAMPLES / "nordwind-tidewater" / "release.yaml")))
    [shape] = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "A ship-to-shore crane above a container vessel."


def test_house_reference_document_styles_are_used(make_project: ProjectMaker) -> None:
    from docx.shared import Pt

    reference = docx.Document(str(REPO / "templates" / "docx" / "reference.docx"))
    reference.styles["Title"].font.size = Pt(30)
    reference.add_paragraph("Sample text the house left in its reference document.")
    buffer = io.BytesIO()
    reference.save(buffer)
    project = make_project({"r.yaml": ACME_RELEASE})
    (project / "templates" / "docx").mkdir(parents=True)
    (project / "templates" / "docx" / "reference.docx").write_bytes(buffer.getvalue())
    document = docx.Document(io.BytesIO(build(project / "r.yaml")))
    assert document.styles["Title"].font.size == Pt(30)
    assert "Sample text" not in "\n".join(p.text for p in document.paragraphs)


def test_shipped_reference_document_is_what_the_tool_builds() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_reference_docx", REPO / "tools" / "build_reference_docx.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (REPO / "templates" / "docx" / "reference.docx").read_bytes()
    assert module.build() == shipped, "run: python tools/build_reference_docx.py"


@pytest.mark.parametrize("text", ["Acme, Inc. opened a plant in Dayton 🚀 שלום e\u0301"])
def test_unusual_text_survives(text: str, make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("Acme, Inc. today opened a plant in Dayton.", text)
    project = make_project({"r.yaml": release})
    found = paragraphs(build(project / "r.yaml"))
    assert any(text.removeprefix("Acme, Inc.") in body for _, body in found)
