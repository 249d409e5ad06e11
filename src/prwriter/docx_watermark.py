"""A diagonal text watermark in a Word document, the way Word itself makes one: a WordArt
shape (VML `textpath`) anchored in each page header, behind the text. Word and LibreOffice
both show it on every page; it is not part of the document's text."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

# Word's own watermark shape: a text path, rotated 315 degrees, centred on the page margins.
_SHAPE = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    "<w:rPr><w:noProof/></w:rPr><w:pict>"
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    "</v:shapetype>"
    '<v:shape id="PrwriterDraftWatermark{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:470pt;height:110pt;'
    "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9a3a3" '
    'stroked="f">'
    '<v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;DejaVu Serif&quot;;font-size:1pt" string={text}/>'
    "</v:shape></w:pict></w:r>"
)


def add_watermark(word: Any, text: str) -> None:
    """Put `text` across every page of `word` (a python-docx Document): in the header of
    each section, and in its first-page header when the first page has its own."""
    from docx.oxml import parse_xml

    count = 0
    for section in word.sections:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        for header in headers:
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            count += 1
            shape = _SHAPE.format(n=count, spid=2048 + count, text=quoteattr(text))
            paragraph._p.append(parse_xml(shape))
