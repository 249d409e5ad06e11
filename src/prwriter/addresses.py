"""Stable names for a release: the slug of its file names and web pages, and the identifier
that news systems (ninjs `uri`) and feeds (Atom `id`) know it by.

Both come from the release's date and headline alone, so they never change between builds.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from prwriter.model import Release
from prwriter.style.names import slug


def release_slug(release: Release) -> str:
    """`2014-11-13-immunogen-inc-again-named-...`: the date keeps yearly releases apart."""
    return f"{release.date.isoformat()}-{slug(release.headline)}"


def release_uri(release: Release, uri_base: str | None) -> str:
    """The release's identifier: `uri_base` (a project setting) followed by its slug.

    Without the setting, a tag URI (RFC 4151) on the issuer's web domain; without that,
    one on `prwriter.invalid`, which says that nobody owns it.
    """
    name = release_slug(release)
    if uri_base:
        return uri_base + name
    issuer = release.companies[0]
    host = urlsplit(issuer.url).hostname if issuer.url else None
    authority = (host or "prwriter.invalid").removeprefix("www.")
    return f"tag:{authority},{release.date.isoformat()}:{name}"
