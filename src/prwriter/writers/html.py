"""Standalone HTML: the visual layout with its stylesheet inlined and images embedded."""

from __future__ import annotations

from prwriter.layout import render_layout
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
    return render_layout(release, project, css=project.template_source(STYLESHEET))
