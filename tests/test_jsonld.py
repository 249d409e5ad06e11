"""JSON-LD in the HTML: a schema.org NewsArticle that parses back and cannot break out."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker
from prwriter.jsonld import news_article, script_json
from prwriter.project import Project

RELEASES = {
    "immunogen": REPO / "examples" / "immunogen" / "release.yaml",
    "nordwind-tidewater": REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    "web-sensor": DATA / "web" / "releases" / "2026-01-15-sensor.yaml",
    "full": DATA / "full" / "release.yaml",
}


class Scripts(HTMLParser):
    """The raw text of every JSON-LD script element, as a browser would cut it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.found.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.found[-1] += data


def jsonld_of(path) -> tuple[prwriter.Release, str, dict[str, Any]]:
    release = prwriter.load_release(path)
    parser = Scripts()
    parser.feed(str(prwriter.render(release, "html")))
    [raw] = parser.found
    return release, raw, json.loads(raw)


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_html_carries_a_news_article(name: str) -> None:
    release, _, data = jsonld_of(RELEASES[name])
    assert data == news_article(release, Project.of_release(release).wire("print"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == release.headline
    assert data["inLanguage"] == release.language
    assert data["publisher"]["@type"] == data["author"]["@type"] == "Organization"
    assert data["publisher"]["name"] == release.companies[0].name
    assert [o["@type"] for o in data["about"]] == ["Organization"] * len(release.companies)
    for organization, company in zip(data["about"], release.companies, strict=True):
        symbols = organization.get("tickerSymbol", [])
        symbols = [symbols] if isinstance(symbols, str) else symbols
        assert symbols == [f"{x.exchange}:{x.symbol}" for x in company.listings]
    assert [i["@type"] for i in data.get("image", [])] == ["ImageObject"] * len(release.media)


def test_dates_and_dateline() -> None:
    _, _, data = jsonld_of(RELEASES["immunogen"])
    assert data["datePublished"] == "2014-11-13"
    assert data["dateline"] == "WALTHAM, Mass., Nov. 13, 2014"
    assert data["about"][0]["tickerSymbol"] == "Nasdaq:IMGN"
    _, _, data = jsonld_of(RELEASES["nordwind-tidewater"])
    # An embargoed release is published when the embargo lifts.
    assert data["datePublished"] == "2026-03-10T08:00:00-07:00"
    assert data["image"][0]["contentUrl"] == "harbor-crane.png"
    assert data["image"][0]["caption"] == "A Nordwind crane controller at a test berth in Hamburg."


def test_facts_cannot_end_the_script_element(make_project: ProjectMaker) -> None:
    hostile = "'Acme </script><script>alert(1)</script> <!-- & Co'"
    text = ACME_RELEASE.replace("Acme Opens a Plant in Dayton", hostile)
    project = make_project({"r.yaml": text})
    release, raw, data = jsonld_of(project / "r.yaml")
    assert "</" not in raw and "<!--" not in raw and "<" not in raw
    assert data["headline"] == release.headline == hostile.strip("'")


def test_script_json_is_valid_json_for_any_text() -> None:
    value = {"a": '</script><!-- -->&amp; \u2028 "quoted" \\'}
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&"}
