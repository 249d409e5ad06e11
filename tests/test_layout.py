"""The layout tree: one description of the visual copy that HTML, PDF and DOCX all follow,
with its order and style names as data a house changes in one place."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import docx
import pytest

import prwriter
import prwriter.document as doc
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker
from prwriter.layout import build_document
from prwriter.project import Project

SHIPPED_LAYOUT = (REPO / "templates" / "layout.yaml").read_text(encoding="utf-8")


def plain(children: tuple[doc.Inline, ...]) -> str:
    parts = []
    for child in children:
        if isinstance(child, doc.Run):
            parts.append(child.text)
        elif isinstance(child, doc.LineBreak):
            parts.append("\n")
        else:
            parts.append(plain(child.children))
    return "".join(parts)


def tree_paragraphs(blocks: tuple[doc.Block, ...]) -> list[tuple[str, str]]:
    """(style, text) of every paragraph the tree asks for, in order."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, doc.Paragraph | doc.Heading):
            found.append((block.style, plain(block.children)))
        elif isinstance(block, doc.ListBlock):
            found.extend((block.style, plain(item)) for item in block.items)
        elif isinstance(block, doc.Image):
            found.append((block.style, ""))
        elif isinstance(block, doc.Figure):
            found.extend(
                [(block.image.style, ""), (block.caption.style, plain(block.caption.children))]
            )
        elif isinstance(block, doc.Table):
            # Cells are the table's own paragraphs; around it stand caption, units, notes.
            around = [p for p in (block.caption, block.units) if p is not None]
            found.extend((p.style, plain(p.children)) for p in (*around, *block.footnotes))
        else:
            found.extend(tree_paragraphs(block.blocks))
    return found


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


class Styles(HTMLParser):
    """Every element's data-style, in order, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[str]] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("data-style")
        if style and tag not in ("span", "ul", "ol"):
            self.found.append([style, ""])
        if tag == "br" and self.found:
            self.found[-1][1] += "\n"

    def handle_data(self, data):
        if self.found and data.strip():
            self.found[-1][1] += data


@pytest.mark.parametrize(
    "release", [DATA / "full" / "release.yaml", REPO / "examples/nordwind-tidewater/release.yaml"]
)
def test_docx_has_every_paragraph_of_the_tree_in_order(release) -> None:
    loaded = prwriter.load_release(release)
    tree = build_document(loaded, Project.of_release(loaded))
    data = prwriter.render(loaded, "docx")
    assert isinstance(data, bytes)
    assert docx_paragraphs(data) == tree_paragraphs(tree.blocks)


def test_house_layout_changes_every_visual_format(make_project: ProjectMaker) -> None:
    layout = SHIPPED_LAYOUT.replace("  - timing\n", "").replace(
        "  - headline\n", "  - headline\n  - {text: Confidential until released, style: Notice}\n"
    )
    layout = layout.replace("  headline: Title\n", "  headline: House Title\n")
    project = make_project({"r.yaml": ACME_RELEASE, "templates/layout.yaml": layout})
    release = prwriter.load_release(project / "r.yaml")

    word = docx_paragraphs(prwriter.render(release, "docx"))  # type: ignore[arg-type]
    parser = Styles()
    parser.feed(str(prwriter.render(release, "html")))
    html = [(style, text) for style, text in parser.found]
    for found in (word, html):
        styles = [style for style, _ in found]
        assert "Release Timing" not in styles
        assert found[styles.index("House Title")] == ("House Title", "Acme Opens a Plant in Dayton")
        assert found[styles.index("House Title") + 1] == ("Notice", "Confidential until released")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("  - headline\n", "  - headlines\n"),
            "layout.yaml:16:5: order[3]: unknown part "
            "'headlines'; parts: 'headline', 'subheadlines'",
        ),
        (("  quote: Quote\n", "  quotes: Quote\n"), "unknown role 'quotes'; roles: 'quote'"),
        (("  quote: Quote\n", ""), "styles: no style for quote; give every role a style name"),
        (("  - headline\n", "  - headline\n  - headline\n"), "'headline' is listed twice"),
        (("  quote: Quote\n", "  quote: ' '\n"), "styles.quote: an empty style name"),
        (("  - {text", "  - {txt"), "layout.yaml:15:6: order[2].txt: unknown key"),
    ],
)
def test_a_broken_house_layout_is_a_located_error(
    change: tuple[str, str], message: str, make_project: ProjectMaker
) -> None:
    layout = SHIPPED_LAYOUT.replace("  - contacts\n", "  - {text: Notice, style: Notice}\n")
    project = make_project(
        {"r.yaml": ACME_RELEASE, "templates/layout.yaml": layout.replace(*change)}
    )
    release = prwriter.load_release(project / "r.yaml")
    for fmt in ("html", "docx"):
        with pytest.raises(prwriter.InputError) as info:
            prwriter.render(release, fmt)
        assert message in str(info.value)


def test_a_tables_part_gathers_the_body_tables_before_about(make_project: ProjectMaker) -> None:
    release_text = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.\n",
        "body:\n  - Acme, Inc. today opened a plant in Dayton.\n"
        '  - table: {header: [["2025"]], rows: [[Tools, 12]]}\n'
        "  - The plant opens in May.\n",
    )
    shipped = build_document(
        prwriter.load_release(make_project({"r.yaml": release_text}) / "r.yaml"), Project()
    )
    # Where the release puts it: between the two paragraphs of the body.
    at = next(i for i, b in enumerate(shipped.blocks) if isinstance(b, doc.Table))
    after = shipped.blocks[at + 1]
    assert isinstance(after, doc.Paragraph) and plain(after.children) == "The plant opens in May."
    layout = SHIPPED_LAYOUT.replace("  - body\n", "  - body\n  - tables\n")
    project = make_project({"r.yaml": release_text, "templates/layout.yaml": layout})
    release = prwriter.load_release(project / "r.yaml")
    gathered = build_document(release, Project.of_release(release)).blocks
    table = next(i for i, b in enumerate(gathered) if isinstance(b, doc.Table))
    about = next(i for i, b in enumerate(gathered) if getattr(b, "role", "") == "about")
    last_paragraph = max(i for i, b in enumerate(gathered) if isinstance(b, doc.Paragraph)
                         and b.role == "paragraph")  # fmt: skip
    assert last_paragraph < table < about


def test_a_list_style_without_numbering_is_a_located_error(make_project: ProjectMaker) -> None:
    """DOCX cannot number a list whose style has no numbering: an error, not plain lines."""
    layout = SHIPPED_LAYOUT.replace("  numbered-list: List Number\n", "  numbered-list: Steps\n")
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body: |\n  Acme, Inc. today opened a plant in Dayton.\n\n  3. third\n  4. fourth\n",
    )
    project = make_project({"r.yaml": release, "templates/layout.yaml": layout})
    loaded = prwriter.load_release(project / "r.yaml")
    assert '<ol start="3"' in str(prwriter.render(loaded, "html"))
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(loaded, "docx")
    [problem] = info.value.problems
    line = layout.splitlines().index("  numbered-list: Steps") + 1
    assert (problem.line, problem.column, problem.field) == (line, 3, "styles.numbered-list")
    assert "the list style 'Steps' has no numbering" in problem.message


def test_docx_styles_for_every_heading_level_and_added_styles_base_on_normal(
    make_project: ProjectMaker,
) -> None:
    layout = SHIPPED_LAYOUT.replace("  subheadline: Subtitle\n", "  subheadline: House Deck\n")
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "subheadlines: [A deck]\nbody: |\n  Acme, Inc. today opened a plant in Dayton.\n\n"
        "  # Details\n\n  More.\n",
    )
    project = make_project({"r.yaml": release, "templates/layout.yaml": layout})
    data = prwriter.render(prwriter.load_release(project / "r.yaml"), "docx")
    document = docx.Document(io.BytesIO(data))
    by_text = {p.text: p.style for p in document.paragraphs}
    assert by_text["Details"].name == "Heading 1" and by_text["Details"].font.bold
    assert by_text["A deck"].name == "House Deck"
    assert by_text["A deck"].base_style.name == "Normal"
