"""The layout tree as one HTML document, through the Jinja layout (`html/release.html.j2`).

The HTML writer and the PDF writer (which hands this HTML to WeasyPrint) both use it. Inline
copy is escaped here, in Python; the template decides each block's markup and receives
finished, safe fragments. Images are embedded as data URIs, so the HTML stands alone and
rendering never fetches anything.
"""

from __future__ import annotations

import base64
from pathlib import Path

from markupsafe import Markup, escape

import prwriter.document as doc
from prwriter.images import SUFFIX_FORMATS
from prwriter.project import Project

LAYOUT = "html/release.html.j2"


def render_html(
    document: doc.Document,
    project: Project,
    *,
    css: str | None = None,
    jsonld: str | None = None,
) -> str:
    """`document` as HTML; `css` is inlined in a <style> element if given, and `jsonld`
    (already safe inside <script>, see `jsonld.script_json`) in the head."""
    if css and document.metadata.page_label != doc.ENGLISH_PAGE_LABEL:
        css += page_number_css(document.metadata.page_label)
    context = {
        "meta": document.metadata,
        "blocks": document.blocks,
        "css": Markup(css) if css else None,
        "jsonld": Markup(jsonld) if jsonld else None,
        "inlines": inlines,
        "image_src": data_uri,
    }
    return project.render_template(LAYOUT, context, html=True)


def page_number_css(label: str) -> str:
    """The paged-media footer in the copy's language: "Page {page} de {pages}" becomes
    `"Page " counter(page) " de " counter(pages)`."""
    import re

    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", label):
        if piece in ("{page}", "{pages}"):
            parts.append(f"counter({piece[1:-1]})")
        elif piece:
            # A CSS string: the stylesheet is UTF-8, so only the quote, the backslash and
            # line breaks need escapes ("Página" stays as it is).
            text = piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
            parts.append(f'"{text}"')
    return "\n@page { @bottom-center { content: " + " ".join(parts) + "; } }\n"


def data_uri(image: doc.Image) -> str:
    return _data_uri(image.path)


def _data_uri(path: Path) -> str:
    kind = f"image/{SUFFIX_FORMATS[path.suffix.lower()].lower()}"  # PNG -> image/png
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inlines(children: tuple[doc.Inline, ...]) -> Markup:
    """Inline content as escaped HTML."""
    return Markup("").join(_inline(child) for child in children)


def _inline(node: doc.Inline) -> Markup:
    if isinstance(node, doc.Run):
        return escape(node.text)
    if isinstance(node, doc.LineBreak):
        return Markup("<br>")
    if isinstance(node, doc.Emphasis):
        return Markup("<em>{}</em>").format(inlines(node.children))
    if isinstance(node, doc.Strong):
        return Markup("<strong>{}</strong>").format(inlines(node.children))
    if isinstance(node, doc.Hyperlink):
        return Markup('<a href="{}">{}</a>').format(node.url, inlines(node.children))
    return Markup('<span class="{}" data-style="{}">{}</span>').format(
        node.role, node.style, inlines(node.children)
    )
