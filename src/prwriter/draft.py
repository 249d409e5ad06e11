"""Draft marks: a release that is not final says so in every format. Text and HTML open with
a `DRAFT - NOT FOR DISTRIBUTION` line; PDF and DOCX carry a diagonal watermark on every page.

A release is a draft when the run asks (`generate --draft`, `render(..., draft=True)`) or
when the release says `draft: true`. Without either, the output is exactly what it would be
without this module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prwriter.model import Release
    from prwriter.writers import RenderOptions

DRAFT_LINE = "DRAFT - NOT FOR DISTRIBUTION"
WATERMARK = "DRAFT"

# In HTML, a line above everything else; in print (PDF), also a large word across each page,
# light enough to read the copy through. `position: fixed` repeats it on every page.
_HTML_LINE = f'<p class="draft-line" data-style="Draft Line">{DRAFT_LINE}</p>'
_HTML_WATERMARK = f'<div class="draft-watermark" aria-hidden="true">{WATERMARK}</div>'
_LINE_CSS = """
.draft-line { font-weight: bold; letter-spacing: 0.05em; text-align: center; }
"""
_WATERMARK_CSS = """
.draft-watermark {
  position: fixed; top: 38%; left: -10%; width: 120%;
  text-align: center; font-size: 120pt; font-weight: bold; letter-spacing: 0.1em;
  color: rgba(160, 0, 0, 0.14); transform: rotate(-45deg); z-index: -1;
}
"""
_BODY = re.compile(r"<body\b[^>]*>")


def is_draft(release: Release, options: RenderOptions) -> bool:
    return options.draft or release.draft


def mark_text(text: str) -> str:
    return f"{DRAFT_LINE}\n\n{text}"


def mark_html(html: str, *, watermark: bool = False) -> str:
    """`html` with the draft line first in its body, and the print watermark if asked."""
    opening = _BODY.search(html)
    if opening is None:  # a house layout without <body>: the line goes first
        return _HTML_LINE + "\n" + html
    added = _HTML_LINE + (_HTML_WATERMARK if watermark else "")
    style = f"<style>{_LINE_CSS}{_WATERMARK_CSS if watermark else ''}</style>\n"
    head_end = html.find("</head>")
    if head_end != -1 and head_end < opening.start():
        html = html[:head_end] + style + html[head_end:]
        opening = _BODY.search(html)
        assert opening is not None
    return html[: opening.end()] + "\n" + added + html[opening.end() :]


def watermark_docx(word: Any, release: Release, options: RenderOptions) -> None:
    """Add the DOCX watermark to `word` (a python-docx Document) when the release is a
    draft; leave it untouched otherwise."""
    if is_draft(release, options):
        from prwriter.docx_watermark import add_watermark

        add_watermark(word, WATERMARK)
