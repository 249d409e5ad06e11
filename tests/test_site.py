"""The static newsroom: index, pages, Atom feed and sitemap; embargoes, bytes, safe swaps."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from typer.testing import CliRunner

import prwriter
from conftest import DATA, REPO
from prwriter.cli import app

WEB = DATA / "web" / "releases"
EXAMPLES = REPO / "examples"
SOURCES = [WEB, EXAMPLES]
BASE = "https://news.example/press/"
# After every embargo in the sources has lifted and every release date has come.
LATE = dt.datetime(2026, 5, 10, 15, 0, tzinfo=dt.UTC)
# Before the Austin embargo (9 a.m. Central, March 3, 2026) and the Vancouver one.
EARLY = dt.datetime(2026, 3, 3, 14, 59, tzinfo=dt.UTC)
EMBARGOED = "Star*Point Names a New Chief Executive"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.jsonld: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"] or "")
        self._script = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.jsonld.append(data)


def links(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def local(site: Path, url: str) -> Path:
    """The file a site address serves."""
    assert url.startswith(BASE), url
    path = site / url.removeprefix(BASE)
    return path / "index.html" if url.endswith("/") else path


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}  # fmt: skip


def build(site: Path, as_of: dt.datetime = LATE, **options) -> prwriter.SiteResult:
    return prwriter.build_site(SOURCES, site, base_url=BASE, as_of=as_of, **options)


def test_feed_parses_and_every_entry_links_to_an_existing_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(site)
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "News releases"
    assert len(feed.entries) == len(result.published) == 7
    headlines = [prwriter.load_release(p).headline for p in result.published]
    assert [e.title for e in feed.entries] == headlines
    for entry in feed.entries:
        assert local(site, entry.link).is_file()
        assert entry.id.startswith(("https://newsroom.starpoint.example/releases/", "tag:"))
    # Newest first.
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)


def test_index_lists_every_release_newest_first_with_its_facts(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(site)
    index = site / "index.html"
    hrefs = [h for h in links(index).hrefs if h.startswith("releases/")]
    assert len(hrefs) == len(result.published)
    for href in hrefs:
        assert (site / href / "index.html").is_file()
    text = index.read_text(encoding="utf-8")
    releases = [prwriter.load_release(p) for p in result.published]
    assert [r.date for r in releases] == sorted((r.date for r in releases), reverse=True)
    positions = [text.index(f"{r.date.isoformat()}") for r in releases]
    assert positions == sorted(positions)
    assert "Star*Point #1 Ships &lt;Sensor&gt; [Kit] &amp; Tools #" in text
    assert "Nov. 13, 2014" in text and "WALTHAM, Mass." in text
    # The lead's first sentence, not more of it.
    assert "today opened a plant in Round Rock.</p>" in text
    assert "40,000" not in text


def test_sitemap_names_every_page_under_the_base_url(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build(site)
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    space = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [e.text or "" for e in root.findall("s:url/s:loc", space)]
    assert locations[0] == BASE
    assert len(locations) == len(result.published) + 1
    for url in locations:
        assert local(site, url).is_file()


def test_pages_are_the_html_output_with_downloads_and_pictures(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(site, downloads=["docx", "json"])
    release = prwriter.load_release(EXAMPLES / "nordwind-tidewater" / "release.yaml")
    folder = site / "releases" / "2026-03-10-nordwind-robotics-and-tidewater-analytics-team-up-to"
    page = folder / "index.html"
    parsed = links(page)
    downloads = [h for h in parsed.hrefs if h.endswith((".docx", ".json"))]
    assert [Path(h).suffix for h in downloads] == [".docx", ".json"]
    assert all((folder / h).is_file() for h in downloads)
    assert "../../index.html" in parsed.hrefs
    assert (folder / downloads[1]).read_text(encoding="utf-8") == prwriter.render(release, "json")
    # Everything of the HTML output is on the page, in order.
    html = str(prwriter.render(release, "html"))
    text = page.read_text(encoding="utf-8")
    nav_start = text.index('\n<nav class="site-nav">')
    nav_end = text.index("</nav>", nav_start) + len("</nav>")
    assert text[:nav_start] + text[nav_end:] == html
    [image] = json.loads(parsed.jsonld[0])["image"]
    assert (folder / image["contentUrl"]).read_bytes() == release.media[0].path.read_bytes()


def test_release_under_embargo_is_left_out_everywhere(tmp_path: Path) -> None:
    early, late = tmp_path / "early", tmp_path / "late"
    result = build(early, as_of=EARLY)
    assert {p.name for p in result.withheld} == {"2026-03-03-embargoed.yaml", "release.yaml"}
    for path, data in files(early).items():
        assert b"New Chief Executive" not in data, path
        assert b"new-chief-executive" not in data, path
        assert b"Cargo Cranes" not in data, path
    assert len(feedparser.parse((early / "feed.xml").read_bytes()).entries) == 4
    result = build(late, as_of=LATE)
    assert result.withheld == ()
    assert EMBARGOED in [e.title for e in feedparser.parse(late / "feed.xml").entries]
    # The embargo lifts at 9 a.m. Central: one second later the release is public.
    lifted = dt.datetime(2026, 3, 3, 15, 0, tzinfo=dt.UTC)
    assert "2026-03-03-embargoed.yaml" not in [p.name for p in build(early, lifted).withheld]


def test_same_inputs_and_as_of_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    build(first, downloads=["md", "json"])
    build(second, downloads=["md", "json"])
    assert files(first) == files(second)
    build(second, downloads=["md", "json"])  # a rebuild in place changes nothing
    assert files(first) == files(second)


def test_a_failed_build_leaves_the_last_good_site(tmp_path: Path, make_project) -> None:
    site = tmp_path / "site"
    build(site)
    good = files(site)
    broken = make_project({"bad.yaml": "headline: [not, a, headline]\n"})
    with pytest.raises(prwriter.InputError) as caught:
        prwriter.build_site([*SOURCES, broken], site, base_url=BASE, as_of=LATE)
    assert "bad.yaml:1:11: headline:" in str(caught.value)
    assert files(site) == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_a_build_failing_midway_leaves_the_last_good_site(tmp_path: Path, monkeypatch) -> None:
    from prwriter import site as module

    site = tmp_path / "site"
    build(site)
    good = files(site)

    def fail(self, entries):
        raise OSError("disk full")

    monkeypatch.setattr(module._Builder, "sitemap", fail)
    with pytest.raises(OSError, match="disk full"):
        build(site, as_of=EARLY)
    assert files(site) == good
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    with pytest.raises(prwriter.InputError, match="did not write"):
        build(mine)
    assert (mine / "notes.txt").read_text() == "keep me"


def test_command_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    runner = CliRunner()
    args = ["site", str(WEB), "-o", str(site), "--base-url", BASE]
    done = runner.invoke(app, [*args, "--as-of", "2026-03-03T14:59Z"])
    assert done.exit_code == 0, done.output
    assert "wrote" in done.output and "2026-03-03-embargoed.yaml" in done.output
    assert len(feedparser.parse(site / "feed.xml").entries) == 2
    done = runner.invoke(app, [*args, "--as-of", "2026-03-03T09:00"])
    assert done.exit_code == 2
    assert "--as-of: '2026-03-03T09:00' is not an ISO 8601 date and time with an offset" in (
        done.output
    )
    done = runner.invoke(app, [*args, "--as-of", "2026-03-10T00:00-06:00", "-d", "md,pdf"])
    assert done.exit_code == 0, done.output
    assert len(list(site.glob("releases/*/*.pdf"))) == 3


def test_site_help_says_it_reads_the_clock() -> None:
    done = CliRunner().invoke(app, ["site", "--help"], env={"COLUMNS": "200"})
    text = " ".join(done.output.replace("│", " ").split())
    assert "The default is now, read from the clock: the only rendering in prwriter" in text


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("as_of", "tomorrow", "--as-of: 'tomorrow' is not an ISO 8601 date and time"),
        ("as_of", dt.datetime(2026, 3, 3), "--as-of: '2026-03-03 00:00:00' is not an ISO"),
        ("base_url", "news.example", "--base-url: 'news.example' is not an absolute http(s) URL"),
        ("downloads", ["pdf", "rtf"], "--download: cannot offer 'rtf'; choose from pdf, docx"),
    ],
)
def test_bad_options_are_input_errors_before_anything_is_built(
    tmp_path: Path, option: str, value: object, message: str
) -> None:
    options = {"as_of": LATE, "base_url": BASE, option: value}
    with pytest.raises(prwriter.InputError) as caught:
        prwriter.build_site(SOURCES, tmp_path / "site", **options)
    assert str(caught.value).startswith(message)
    assert list(tmp_path.iterdir()) == []
