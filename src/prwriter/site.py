"""A static newsroom: an index of releases newest first, one page per release (the HTML
output, with its downloads and pictures beside it), an Atom feed and a sitemap.

A release is published at the moment its embargo lifts, or at the start of its date (UTC)
without one; a release not yet published at `as_of` is left out of every file. The site is
built in a folder beside the target and swapped in whole, so a failed build leaves the last
good site as it was, and nothing here reads the clock: the same releases and `as_of` give
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from prwriter.addresses import release_slug, release_uri
from prwriter.batch import Projects, find_releases
from prwriter.errors import InputError, Problem, display_path
from prwriter.formatting import Facts
from prwriter.model import Paragraph, Release
from prwriter.output import _file_mode
from prwriter.project import Project

INDEX_TEMPLATE = "site/index.html.j2"
MARKER = ".prwriter-site"  # marks a folder this module built, and may replace
DEFAULT_BASE_URL = "http://localhost:8000/"
DEFAULT_TITLE = "News releases"
DOWNLOAD_FORMATS = ("pdf", "docx", "md", "json", "txt")
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What a build published: the site folder, the releases on it (newest first) and the
    releases left out because they are not yet published at `as_of`."""

    folder: Path
    published: tuple[Path, ...]
    withheld: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    source: Path
    release: Release
    project: Project
    slug: str
    published: dt.datetime

    @property
    def page(self) -> str:
        """The page's address relative to the site root."""
        return f"releases/{self.slug}/"


def _dir_mode() -> int:
    """The mode a plain mkdir would give (mkdtemp gives 0700): the file mode plus x
    wherever it has r."""
    mode = _file_mode()
    return mode | ((mode & 0o444) >> 2)


def published_at(release: Release) -> dt.datetime:
    """When a release goes public: its embargo's end, else the start of its date in UTC."""
    if release.embargo is not None:
        return release.embargo.until
    return dt.datetime.combine(release.date, dt.time(), tzinfo=dt.UTC)


def check_base_url(value: str) -> str:
    """An absolute http(s) URL ending in '/'; InputError otherwise."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        message = f"'{value}' is not an absolute http(s) URL, e.g. https://example.com/news/"
        raise InputError([Problem("--base-url", 0, 0, "", message)])
    return value if value.endswith("/") else value + "/"


def parse_as_of(value: dt.datetime | str) -> dt.datetime:
    """A moment with a UTC offset, from a datetime or ISO 8601 text; InputError otherwise."""
    moment: dt.datetime | None = None
    if isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
    if moment is None or moment.tzinfo is None:
        message = (
            f"'{value}' is not an ISO 8601 date and time with an offset, "
            "e.g. 2026-03-10T08:00-07:00 or 2026-03-10T15:00Z"
        )
        raise InputError([Problem("--as-of", 0, 0, "", message)])
    return moment


def build_site(
    paths: Iterable[str | Path],
    output: Path,
    *,
    as_of: dt.datetime | str,
    base_url: str = DEFAULT_BASE_URL,
    downloads: Sequence[str] = (),
    title: str = DEFAULT_TITLE,
) -> SiteResult:
    """Build the site of the releases named by `paths` into `output` (replaced whole)."""
    as_of = parse_as_of(as_of)
    base_url = check_base_url(base_url)
    unknown = [f for f in downloads if f not in DOWNLOAD_FORMATS]
    if unknown:
        message = f"cannot offer '{unknown[0]}'; choose from {', '.join(DOWNLOAD_FORMATS)}"
        raise InputError([Problem("--download", 0, 0, "", message)])
    given, output = output, output.resolve()
    _check_target(output)
    entries = _load(paths)
    shown = [e for e in entries if e.published <= as_of]
    withheld = [e for e in entries if e.published > as_of]
    shown.sort(key=lambda e: (e.published, e.slug), reverse=True)
    _check_distinct(shown)

    output.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.building-"))
    try:
        building.chmod(_dir_mode())
        _Builder(building, base_url, downloads, title, as_of).build(shown)
        (building / MARKER).write_text("Built by prwriter site; replaced on each build.\n")
        _swap(building, output)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return SiteResult(
        given, tuple(e.source for e in shown), tuple(sorted(e.source for e in withheld))
    )


def _check_target(output: Path) -> None:
    """Refuse to replace a folder that is not a site this module built."""
    if output.exists() and not output.is_dir():
        message = "is a file; give a folder for the site"
        raise InputError([Problem(display_path(output), 0, 0, "", message)])
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        message = (
            "holds files prwriter site did not write, and a build replaces the whole folder; "
            "choose a new or empty folder"
        )
        raise InputError([Problem(display_path(output), 0, 0, "", message)])


def _load(paths: Iterable[str | Path]) -> list[_Entry]:
    """Every release, or an InputError with the problems of all of them."""
    from prwriter.checks import check_silences
    from prwriter.loading import load_with_origins

    sources, problems = find_releases(paths)
    projects = Projects()
    entries: list[_Entry] = []
    for source in sources:
        project = projects.of(source)
        try:
            release, origins = load_with_origins(source, None, project)
            check_silences(release, origins)
        except InputError as error:
            problems.extend(error.problems)
            continue
        entries.append(_Entry(source, release, project, release_slug(release),
                              published_at(release)))  # fmt: skip
    if problems:
        raise InputError(problems)
    return entries


def _check_distinct(entries: list[_Entry]) -> None:
    seen: dict[str, _Entry] = {}
    for entry in entries:
        if entry.slug in seen:
            other = display_path(seen[entry.slug].source)
            message = (
                f"same date and headline as {other}, so both would be the page "
                f"releases/{entry.slug}/; change one headline"
            )
            raise InputError([Problem(display_path(entry.source), 0, 0, "headline", message)])
        seen[entry.slug] = entry


def _swap(built: Path, target: Path) -> None:
    """Put the new site in place of the old one with two renames."""
    if not target.exists():
        built.rename(target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    old.rmdir()
    target.rename(old)
    try:
        built.rename(target)
    except BaseException:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


class _Builder:
    def __init__(
        self, root: Path, base_url: str, downloads: Sequence[str], title: str, as_of: dt.datetime
    ) -> None:
        self.root, self.base_url, self.downloads = root, base_url, tuple(downloads)
        self.title, self.as_of = title, as_of

    def build(self, entries: list[_Entry]) -> None:
        for entry in entries:
            self.page(entry)
        self.write("index.html", self.index(entries))
        self.write("feed.xml", self.feed(entries))
        self.write("sitemap.xml", self.sitemap(entries))

    def write(self, name: str, content: str | bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True, mode=_dir_mode())
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)

    # --- pages --------------------------------------------------------------------------

    def page(self, entry: _Entry) -> None:
        from prwriter.writers import RenderOptions, get_writer

        options = RenderOptions(entry.project)
        folder = f"releases/{entry.slug}"
        links = [Markup('<a href="../../index.html">{}</a>').format(self.title)]
        for fmt in self.downloads:
            name = f"{entry.slug}.{fmt}"
            self.write(f"{folder}/{name}", get_writer(fmt).write(entry.release, options))
            links.append(Markup('<a href="{}">{}</a>').format(name, fmt.upper()))
        nav = Markup('\n<nav class="site-nav">{}</nav>').format(Markup(" | ").join(links))
        html = str(get_writer("html").write(entry.release, options))
        # The page is the HTML output as it is, with a line of links at the top of its body.
        opening = re.search(r"<body\b[^>]*>", html)
        at = opening.end() if opening else 0
        self.write(f"{folder}/index.html", html[:at] + str(nav) + html[at:])
        # Pictures beside the page, where its JSON-LD names them.
        for media in entry.release.media:
            target = self.root / folder / media.path.name
            if not target.exists():
                shutil.copyfile(media.path, target)

    def index(self, entries: list[_Entry]) -> str:
        rows = []
        for entry in entries:
            facts = Facts(entry.release, entry.project.wire("print", entry.release.language))
            rows.append(
                {
                    "href": entry.page,
                    "headline": entry.release.headline,
                    "date": facts.date,
                    "iso_date": entry.release.date.isoformat(),
                    "dateline": facts.places(),
                    "summary": first_sentence(entry.release),
                }
            )
        project = entries[0].project if entries else Project()
        context = {
            "lang": entries[0].release.language if entries else "en",
            "title": self.title,
            "entries": rows,
        }
        return project.render_template(INDEX_TEMPLATE, context, html=True)

    # --- feed and sitemap ---------------------------------------------------------------

    def feed(self, entries: list[_Entry]) -> str:
        """An Atom feed (RFC 4287); its `updated` is the newest entry's, never the clock."""
        feed = ET.Element("feed", {"xmlns": ATOM})
        _text(feed, "id", self.base_url + "feed.xml")
        _text(feed, "title", self.title)
        newest = entries[0].published if entries else self.as_of
        _text(feed, "updated", _moment(newest))
        ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml",
                                     "href": self.base_url + "feed.xml"})  # fmt: skip
        ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html",
                                     "href": self.base_url})  # fmt: skip
        _text(feed, "generator", "prwriter")
        for entry in entries:
            release = entry.release
            item = ET.SubElement(feed, "entry")
            _text(item, "id", release_uri(release, entry.project.settings.uri_base))
            _text(item, "title", release.headline)
            _text(item, "published", _moment(entry.published))
            _text(item, "updated", _moment(entry.published))
            ET.SubElement(item, "link", {"rel": "alternate", "type": "text/html",
                                         "href": self.base_url + entry.page})  # fmt: skip
            author = ET.SubElement(item, "author")
            _text(author, "name", release.companies[0].name)
            _text(item, "summary", first_sentence(release))
        return _xml(feed)

    def sitemap(self, entries: list[_Entry]) -> str:
        urlset = ET.Element("urlset", {"xmlns": SITEMAP})
        pages = [("", entries[0].release.date if entries else None)]
        pages += [(e.page, e.release.date) for e in entries]
        for page, date in pages:
            url = ET.SubElement(urlset, "url")
            _text(url, "loc", self.base_url + page)
            if date is not None:
                _text(url, "lastmod", date.isoformat())
        return _xml(urlset)


def first_sentence(release: Release) -> str:
    """The lead's first sentence, as plain text."""
    from prwriter.checks.text import plain, sentences

    lead = release.body[0]
    text = plain(lead.children) if isinstance(lead, Paragraph) else ""
    found = sentences(text)
    return found[0] if found else ""


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _moment(value: dt.datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
