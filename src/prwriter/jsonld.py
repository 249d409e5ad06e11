"""schema.org `NewsArticle` as JSON-LD, so that search engines show a release as news.

The HTML layout puts the result in a `<script type="application/ld+json">` element. Every `<`,
`>` and `&` in it is written as a JSON `\\u` escape, so no fact (a headline holding
`</script>` or `<!--`) can end the element early; the JSON reads back the same.
"""

from __future__ import annotations

import json
from typing import Any

from prwriter.formatting import Facts
from prwriter.model import Company, Media, Release
from prwriter.wires import WireProfile

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def news_article(release: Release, wire: WireProfile) -> dict[str, Any]:
    """The release as a schema.org NewsArticle (a dict ready for `json.dumps`); `wire` is
    the profile whose house style writes the dateline (the print copy's)."""
    facts = Facts(release, wire)
    issuer = organization(release.companies[0])
    embargo = release.embargo
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.headline,
        # Published when the embargo lifts; otherwise on the release date.
        "datePublished": embargo.until.isoformat() if embargo else release.date.isoformat(),
        "dateline": f"{facts.places()}, {facts.date}",
        "inLanguage": release.language,
        "author": issuer,
        "publisher": issuer,
        "about": [organization(c) for c in release.companies],
    }
    if release.subheadlines:
        article["alternativeHeadline"] = release.subheadlines[0]
    if release.media:
        article["image"] = [image(release, m) for m in release.media]
    return article


def organization(company: Company) -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Organization", "name": company.name}
    if company.url:
        found["url"] = company.url
    symbols = [f"{x.exchange}:{x.symbol}" for x in company.listings]
    if symbols:
        # schema.org writes a ticker as EXCHANGE:SYMBOL ("NYSE:ACME").
        found["tickerSymbol"] = symbols[0] if len(symbols) == 1 else symbols
    return found


def image(release: Release, media: Media) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "ImageObject",
        "contentUrl": media_url(release, media),
        "caption": media.caption,
    }
    if media.alt:
        found["description"] = media.alt
    if media.credit:
        found["creditText"] = media.credit
    return found


def media_url(release: Release, media: Media) -> str:
    """The picture's file name: it resolves where the picture is published beside the page,
    as `prwriter site` publishes it. (The HTML itself embeds the picture.)"""
    return media.path.name


def script_json(data: dict[str, Any]) -> str:
    """`data` as JSON that is safe inside a <script> element, same bytes every time."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return text.translate(_SCRIPT_SAFE)


def news_article_script(release: Release, wire: WireProfile) -> str:
    """What goes between <script type="application/ld+json"> and </script>."""
    return script_json(news_article(release, wire))
