"""Standalone HTML: the layout tree through the Jinja layout, with its stylesheet inlined
and images embedded."""

from __future__ import annotations

from prwriter.draft import is_draft, mark_html
from prwriter.html_document import render_html
from prwriter.layout import build_document
from prwriter.model import Release
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
    html = render_html(document, project, css=project.template_source(STYLESHEET))
    return mark_html(html) if is_draft(release, options) else html
