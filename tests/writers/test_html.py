"""The HTML writer: a standalone document, parsed back."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker

EXAMPLES = REPO / "examples"


class Outline(HTMLParser):
    """Tags with a data-style, their text, and every URL the document refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.lang = ""
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        for name in ("src", "href"):
            if attributes.get(name):
                self.urls.append(attributes[name])
        if attributes.get("data-style") and tag not in ("span", "ul", "ol"):
            self.blocks.append((attributes["data-style"], ""))
            self._open.append(tag)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data):
        if self._open and self.blocks:
            style, text = self.blocks[-1]
            self.blocks[-1] = (style, text + data)


def render(path) -> str:
    text = prwriter.render(prwriter.load_release(path), "html")
    assert isinstance(text, str)
    return text


def test_golden_file(update_golden: bool) -> None:
    golden = DATA / "golden" / "quillmark-earnings.html"
    text = render(EXAMPLES / "quillmark-earnings" / "release.yaml")
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_standalone_document_with_inline_css_and_embedded_images() -> None:
    html = render(EXAMPLES / "nordwind-tidewater" / "release.yaml")
    outline = Outline()
    outline.feed(html)
    assert outline.lang == "en-US"
    assert "<style>" in html and "@page" in html
    images = [u for u in outline.urls if not u.startswith(("http", "mailto"))]
    assert images and all(u.startswith("data:image/png;base64,") for u in images)
    styles = [style for style, _ in outline.blocks]
    assert styles[:2] == ["Release Timing", "Contact Heading"]
    assert (
        "Title",
        "Nordwind Robotics and Tidewater Analytics Team Up to Automate Cargo Cranes",
    ) in outline.blocks


def test_copy_is_escaped_and_never_evaluated(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "a plant in Dayton.", "a plant <script>alert(1)</script> {{ 7*7 }} & more."
    ).replace("headline: Acme", "headline: <b>Acme</b>")
    project = make_project({"r.yaml": release})
    with pytest.raises(prwriter.InputError, match="raw HTML is not supported"):
        render(project / "r.yaml")
    release = ACME_RELEASE.replace("a plant in Dayton.", "a plant {{ 7*7 }} & more.").replace(
        "headline: Acme", "headline: <b>Acme</b>"
    )
    project = make_project({"r.yaml": release})
    html = render(project / "r.yaml")
    assert "{{ 7*7 }} &amp; more." in html
    assert "<title>&lt;b&gt;Acme&lt;/b&gt; Opens" in html


def test_only_web_and_mail_links_become_links(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "a plant in Dayton.", "a plant. [Bad](javascript:alert(1)) [Good](https://acme.example)"
    )
    project = make_project({"r.yaml": release})
    html = render(project / "r.yaml")
    assert 'href="javascript' not in html
    assert '<a href="https://acme.example">Good</a>' in html


def test_sections_of_the_companies_form(make_project: ProjectMaker) -> None:
    from conftest import DATA

    release = prwriter.load_release(DATA / "forms" / "companies" / "release.yaml")
    page = str(prwriter.render(release, "html"))
    # The first-mention form is written in the body only; names stay elsewhere.
    assert "Kestrel Avionics®, Inc. (Nasdaq: KAVX) (FSE: K7A) today" in page
    assert "About Kestrel Avionics, Inc.<" in page and "About Kestrel Avionics®" not in page
    assert 'content="Kestrel Avionics, Inc."' in page
    # Tickers written inside an About text; no About for the private partner or the one
    # this release leaves out; the "no offer" legend comes before the About sections.
    assert "Brightwater Mining Corp. (TSXV: BWM) (OTCQB: BWMCF) explores" in page
    assert "About Lumen" not in page and "About Osprey" not in page
    assert page.index("does not constitute an offer") < page.index("About Kestrel")
    assert page.index("About Brightwater") < page.index("is a registered trademark")
    # A folded About text keeps its two paragraphs.
    assert "Ontario.</p>" in page
