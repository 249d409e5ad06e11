"""The EDGAR exhibit against EDGAR's own rules for HTML documents, written down here: the
HTML 3.2-era tags and attributes EDGAR accepts, ASCII only (anything else as a character
reference), no scripts, no style sheets, nothing fetched from elsewhere, no links to other
sites. Each release we ship is held to them."""

from __future__ import annotations

import html
import itertools
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import prwriter
import prwriter.document as doc
from conftest import DATA, REPO
from prwriter.writers.edgar import _Exhibit, entities

RELEASES = [
    REPO / "examples" / "quillmark-earnings" / "release.yaml",
    REPO / "examples" / "immunogen" / "release.yaml",
    REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    DATA / "full" / "release.yaml",
]
# EDGAR's HTML tag set (the Filer Manual's list for HTML documents).
EDGAR_TAGS = {
    "a", "address", "b", "big", "blockquote", "body", "br", "caption", "center", "cite",
    "code", "dd", "dfn", "dir", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "hr", "html", "i", "img", "kbd", "li", "menu", "ol", "p", "pre", "samp",
    "small", "strike", "strong", "sub", "sup", "table", "td", "th", "title", "tr", "tt", "u",
    "ul", "var",
}  # fmt: skip
# Presentation attributes of those tags; `style` inline only.
EDGAR_ATTRIBUTES = {
    "align", "valign", "width", "height", "colspan", "rowspan", "border", "cellpadding",
    "cellspacing", "style", "start", "type", "nowrap", "size", "color", "face", "name",
}  # fmt: skip
OUTSIDE = ("http:", "https:", "ftp:", "file:", "data:", "//", "javascript:")
VOID = {"br", "hr", "img"}


class Exhibit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.unbalanced.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def exhibit(path: Path) -> tuple[str, Exhibit]:
    text = prwriter.render(prwriter.load_release(path), "edgar")
    assert isinstance(text, str)
    parser = Exhibit()
    parser.feed(text)
    parser.close()
    return text, parser


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.parent.name)
def test_only_edgar_tags_and_attributes(path: Path) -> None:
    _, found = exhibit(path)
    assert set(found.tags) <= EDGAR_TAGS, set(found.tags) - EDGAR_TAGS
    assert {name for _, name, _ in found.attributes} <= EDGAR_ATTRIBUTES
    assert not found.open and not found.unbalanced


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.parent.name)
def test_ascii_only_with_character_references(path: Path) -> None:
    text, _ = exhibit(path)
    text.encode("ascii")  # raises on anything beyond ASCII
    assert all(ch in "\n" or 32 <= ord(ch) < 127 for ch in text)


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.parent.name)
def test_nothing_external_no_scripts_no_style_sheets(path: Path) -> None:
    text, found = exhibit(path)
    for tag, name, value in found.attributes:
        assert not value.lower().startswith(OUTSIDE), (tag, name, value)
        if name == "style":
            assert not any(s in value.lower() for s in ("url(", "@import", "expression("))
    assert not {"script", "style", "link", "iframe", "object", "embed", "form", "meta", "a"} & set(
        found.tags
    )
    assert "<!--" not in text


def test_the_exhibit_keeps_the_facts_and_names_itself() -> None:
    text, found = exhibit(RELEASES[0])
    words = " ".join(found.text)
    assert "Exhibit 99.1" in words
    assert "&#8212;" in text  # the dateline's em dash, as a character reference
    assert found.tags.count("table") == 6
    # Web addresses stay as text, since EDGAR takes no links to other sites.
    _, immunogen = exhibit(RELEASES[1])
    assert "www." in " ".join(immunogen.text) or "http" in " ".join(immunogen.text)


def test_generate_names_the_file_for_exhibit_99_1(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prwriter", "generate", "-f", "edgar", "-o", str(tmp_path),
         str(RELEASES[0])],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["release-ex99-1.htm"]


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.parent.name)
def test_golden_files(path: Path, update_golden: bool) -> None:
    golden = DATA / "golden" / f"{path.parent.name}.edgar.htm"
    text, _ = exhibit(path)
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "1,234",
        "($56)",
        "",
        "R&D",
        "<b>",
        'say "so"',
        "it's",
        "\u2014",
        "\u20ac1,234",
        "Caf\u00e9 & co",
    ],
)
def test_entities_escape_as_html_then_refer_to_what_is_beyond_ascii(text: str) -> None:
    escaped = html.escape(text, quote=True).encode("ascii", "xmlcharrefreplace").decode("ascii")
    assert entities(text) == escaped


def test_a_cell_is_written_the_same_whatever_cells_came_before() -> None:
    # The exhibit writes each kind of opening tag once: every fact a tag depends on must
    # tell two kinds apart, or a cell would take the tag of one seen before it.
    shared = _Exhibit()
    facts = itertools.product([1, 2], [False, True], [0, 1], [False, True], ["", "5"], ["", "x"])
    for span, numeric, indent, heading, text, rule in facts:
        row = doc.TableRow("normal", (doc.Cell("table-number", "N", text, span, numeric, indent),))
        written = {"heading": heading, "rule": "border-top: 1px solid #000" if rule else ""}
        assert shared.row(row, **written) == _Exhibit().row(row, **written)
