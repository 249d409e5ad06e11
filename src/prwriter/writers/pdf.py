"""PDF on letterhead: the layout tree as HTML (as the HTML writer makes it), rendered by
WeasyPrint with the shipped fonts.

Rendering never reaches the network: every URL WeasyPrint asks for goes through a fetcher
that serves only files inside the template folders (images arrive embedded as data URIs).
`write` is thread-safe: it renders one PDF at a time per process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.draft import is_draft, mark_html
from prwriter.errors import InputError, Problem
from prwriter.html_document import render_html
from prwriter.layout import build_document
from prwriter.model import Release
from prwriter.paths import inside
from prwriter.writers import RenderOptions

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

STYLESHEETS = ("html/fonts.css", "html/release.css")
HARFBUZZ_HINT = (
    "WeasyPrint is about four times slower without HarfBuzz's subsetter; install it with: "
    "sudo apt-get install libharfbuzz-subset0"
)


# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Release.source",  # the source line is a wire's; the print copy has none
        "LegalBlock.kind",  # a class in the HTML only
    }
)


# WeasyPrint, Pango and the shared font configuration are not safe to use from several
# threads at once (crashes, or different bytes): one PDF is rendered at a time in a process.
# Batches render in separate processes, which run in parallel.
_RENDER_LOCK = threading.Lock()


def write(release: Release, options: RenderOptions) -> bytes:
    with _RENDER_LOCK:
        return _write(release, options)


def _write(release: Release, options: RenderOptions) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import FatalURLFetchingError

    has_subsetter = _check_subsetter()
    project = options.project
    html = render_html(build_document(release, project), project)
    if is_draft(release, options):
        html = mark_html(html, watermark=True)
    fetcher = _fetcher_class()(list(project.template_dirs), project.template_roots())
    fonts = project.memo("pdf-font-configuration", _font_config)
    try:
        sheets = [
            CSS(filename=str(project.template_path(name)), url_fetcher=fetcher,
                font_config=fonts)
            for name in STYLESHEETS
        ]  # fmt: skip
        document = HTML(string=html, url_fetcher=fetcher, base_url=None)
        with _font_timestamps(release.date, fixed=not has_subsetter):
            pdf: bytes = document.write_pdf(
                stylesheets=sheets,
                font_config=fonts,
                pdf_tags=True,
                pdf_variant=options.pdf_variant,
                # A fixed identifier derived from the content keeps the bytes reproducible.
                pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode(),
            )
    except FatalURLFetchingError as exc:
        raise InputError([Problem("", 0, 0, "", str(exc.args[0]))]) from None
    return pdf


def _font_config() -> FontConfiguration:
    # One font configuration per project (kept by the Project): building one scans the
    # fonts again, and a project's own stylesheet may add faces of its own.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _check_subsetter() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (warns once when it cannot)."""
    from weasyprint.pdf import fonts

    if fonts.harfbuzz_subset is None:
        _warn_once()
        return False
    return True


@cache
def _warn_once() -> None:
    warnings.warn(HARFBUZZ_HINT, RuntimeWarning, stacklevel=4)


_fallback_lock = threading.Lock()


@contextmanager
def _font_timestamps(date: dt.date, *, fixed: bool) -> Iterator[None]:
    """Without HarfBuzz's subsetter WeasyPrint subsets fonts with fontTools, which stamps
    each subset with the time unless SOURCE_DATE_EPOCH says otherwise. Stamp them with
    the release date instead (a value the user set wins), so the bytes do not change."""
    if not fixed or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    moment = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
    # The environment is the process's: one such render at a time, and it is put back.
    with _fallback_lock:
        os.environ["SOURCE_DATE_EPOCH"] = str(max(0, int(moment.timestamp())))
        try:
            yield
        finally:
            del os.environ["SOURCE_DATE_EPOCH"]


@cache
def _fetcher_class() -> Any:
    """A WeasyPrint URL fetcher that serves data: URLs and files inside given folders."""
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    from prwriter.errors import excerpt

    class RefusedResource(FatalURLFetchingError):  # type: ignore[misc]
        pass

    class FolderFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self, roots: list[Path], allowed: list[Path]) -> None:
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
            # Template folders that are themselves inside the project or prwriter's own.
            self.roots = [root.resolve() for root in roots if inside(root, allowed)]

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if not url.startswith("file:"):
                raise RefusedResource(
                    f"{url}: refused: rendering never reaches the network; put the file in "
                    "the project's templates/ folder"
                )
            # Read the URL as WeasyPrint would (file://localhost/x is /x), check the file it
            # names, and fetch exactly that file.
            parts = urlsplit(url)
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if parts.netloc not in ("", "localhost") or not any(
                path.is_relative_to(root) for root in self.roots
            ):
                raise RefusedResource(
                    f"{excerpt(url)}: refused: stylesheets may only use files inside "
                    + " or ".join(str(r) for r in self.roots)
                )
            return super().fetch(path.as_uri(), headers)

    return FolderFetcher
