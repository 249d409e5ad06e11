"""Standalone HTML: the layout tree through the Jinja layout, with its stylesheet inlined
and images embedded."""

from __future__ import annotations

from prwriter.draft import is_draft, mark_html
from prwriter.html_document import render_html
from prwriter.jsonld import news_article_script
from prwriter.layout import build_document
from prwriter.model import Release
from prwriter.wires import PRINT_WIRE
from prwriter.writers import RenderOptions

STYLESHEET = "html/release.css"


# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Release.source",  # the source line is a wire's; the print copy has none
    }
)


def write(release: Release, options: RenderOptions) -> str:
    project = options.project
    document = build_document(release, project)
    css = project.template_source(STYLESHEET)
    jsonld = news_article_script(release, project.wire(PRINT_WIRE, release.language))
    html = render_html(document, project, css=css, jsonld=jsonld)
    return mark_html(html) if is_draft(release, options) else html
