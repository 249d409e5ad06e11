"""DOCX for editors and legal review: the visual layout, read back into Word paragraphs.

The layout template's HTML decides the blocks and their order; every element with a
`data-style` attribute becomes a paragraph (or run) in that named style of the reference
document (`templates/docx/reference.docx`, overridable per project, as pandoc's
--reference-doc). Links become real hyperlinks, lists real Word numbering. The zip is written
with fixed timestamps and core properties taken from the release, so the bytes are the same
run after run.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from prwriter.layout import render_layout
from prwriter.model import Release
from prwriter.writers import RenderOptions

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

REFERENCE = "docx/reference.docx"
BLOCKS = {"p", "h1", "h2", "h3", "h4", "figcaption", "li"}
SKIPPED = {"head", "title", "style", "script"}
MAX_IMAGE_INCHES = {"Logo": 2.0, "Figure": 6.0}


# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Release.source",  # the source line is a wire's; the print copy has none
        "LegalBlock.kind",  # a class in the layout HTML only
    }
)


def write(release: Release, options: RenderOptions) -> bytes:
    from docx import Document as open_document

    project = options.project
    document = open_document(str(project.template_path(REFERENCE)))
    _clear_body(document)
    builder = _Builder(document)
    builder.feed(render_layout(release, project))
    builder.close()
    _number_pages(document)
    _set_properties(document, release)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), release.date)


# --- from layout HTML to Word paragraphs ------------------------------------------------


@dataclass
class _Run:
    bold: bool = False
    italic: bool = False
    style: str | None = None
    link: str | None = None


@dataclass
class _ListState:
    style: str
    ordered: bool
    start: int
    num_id: int | None = None
    items: int = 0


@dataclass
class _Builder(HTMLParser):
    document: Document
    paragraph: Paragraph | None = None
    runs: list[_Run] = field(default_factory=lambda: [_Run()])
    lists: list[_ListState] = field(default_factory=list)
    skipping: int = 0
    block_style: list[str] = field(default_factory=list)
    styles: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    # Block elements open a paragraph in their data-style; inline ones change the run.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        style = attributes.get("data-style")
        if tag in SKIPPED:
            self.skipping += 1
            return
        if tag in ("ul", "ol"):
            start = int(attributes.get("start") or 1)
            self.lists.append(_ListState(style or "List Bullet", tag == "ol", start))
        elif tag == "li" and self.lists:
            self._open(self.lists[-1].style)
            self._number(self.lists[-1])
        elif tag in BLOCKS:
            self._open(style or "Body Text")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag == "img":
            self._image(attributes)
        elif tag in ("em", "i"):
            self._push(italic=True)
        elif tag in ("strong", "b"):
            self._push(bold=True)
        elif tag == "a":
            self._push(link=attributes.get("href"))
        elif tag == "span":
            self._push(style=style)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping -= 1
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in BLOCKS:
            self.paragraph = None
        elif tag in ("em", "i", "strong", "b", "a", "span") and len(self.runs) > 1:
            self.runs.pop()

    def handle_data(self, data: str) -> None:
        if self.skipping or self.paragraph is None:
            return  # whitespace between blocks
        state = self.runs[-1]
        if state.link:
            self._link_run(data, state)
            return
        run = self.paragraph.add_run(data)
        self._format(run, state)

    # --- helpers -------------------------------------------------------------------------

    def _format(self, run: Any, state: _Run) -> None:
        if state.bold:
            run.bold = True
        if state.italic:
            run.italic = True
        if state.style:
            run._r.style = self._style(state.style, character=True).style_id

    def _push(self, **changes: Any) -> None:
        top = self.runs[-1]
        self.runs.append(
            _Run(
                bold=changes.get("bold", top.bold),
                italic=changes.get("italic", top.italic),
                style=changes.get("style") or top.style,
                link=changes.get("link", top.link),
            )
        )

    def _open(self, style: str) -> None:
        # Setting the style id directly skips python-docx's per-call walk over all styles.
        self.paragraph = self.document.add_paragraph()
        self.paragraph._p.style = self._style(style).style_id

    def _style(self, name: str, character: bool = False) -> Any:
        """The named style, created from Normal when a house reference lacks it."""
        if name not in self.styles:
            from docx.enum.style import WD_STYLE_TYPE

            styles = self.document.styles
            if name not in styles:
                kind = WD_STYLE_TYPE.CHARACTER if character else WD_STYLE_TYPE.PARAGRAPH
                styles.add_style(name, kind)
            # Looking a style up by name walks every style; do it once per name.
            self.styles[name] = styles[name]
        return self.styles[name]

    def _number(self, state: _ListState) -> None:
        """Ordered lists restart at their own start; each gets its own Word numbering."""
        state.items += 1
        if not state.ordered or self.paragraph is None:
            return
        if state.num_id is None:
            state.num_id = _restart_numbering(self.document, state.style, state.start)
        if state.num_id is not None:
            p_pr = self.paragraph._p.get_or_add_pPr()
            num_pr = p_pr.get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = state.num_id

    def _link_run(self, text: str, state: _Run) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        assert self.paragraph is not None and state.link
        part = self.paragraph.part
        r_id = part.relate_to(state.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), r_id)
        run = self.paragraph.add_run(text)
        self._format(run, _Run(state.bold, state.italic, "Hyperlink"))
        hyperlink.append(run._r)
        self.paragraph._p.append(hyperlink)

    def _image(self, attributes: dict[str, str | None]) -> None:
        from docx.shared import Inches

        source = attributes.get("src") or ""
        if not source.startswith("data:") or ";base64," not in source:
            return  # the layout embeds every image; anything else is not ours to fetch
        if self.paragraph is None:
            self._open("Figure")
        assert self.paragraph is not None
        blob = base64.b64decode(source.split(";base64,", 1)[1])
        style = self.paragraph.style.name if self.paragraph.style is not None else ""
        width = Inches(MAX_IMAGE_INCHES.get(style, 6.0))
        shape = self.paragraph.add_run().add_picture(io.BytesIO(blob))
        if shape.width > width:
            shape.height = int(shape.height * width / shape.width)
            shape.width = width
        shape._inline.docPr.set("descr", attributes.get("alt") or "")


def _restart_numbering(document: Document, style_name: str, start: int) -> int | None:
    """A new w:num on the style's numbering definition, starting at `start`."""
    from docx.oxml.ns import qn

    style = document.styles[style_name]
    p_pr = style.element.pPr
    if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
        return None
    numbering = document.part.numbering_part.element
    base = numbering.num_having_numId(p_pr.numPr.numId.val)
    abstract_id = base.abstractNumId.val
    num = numbering.add_num(abstract_id)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    del qn  # imported for symmetry with other helpers; numbering API does the naming
    return int(num.numId)


def _clear_body(document: Document) -> None:
    """A house reference may hold sample text; only its styles and page setup are used."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _number_pages(document: Document) -> None:
    """'Page N of M' in the footer from page 2 on: a one-page release needs no number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section = document.sections[0]
    section.different_first_page_header_footer = True
    footer = section.footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    if paragraph.text:
        return  # the house reference has its own footer
    paragraph.style = (
        document.styles["Footer"]
        if "Footer" in [s.name for s in document.styles]
        else paragraph.style
    )
    for text, instruction in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        paragraph.add_run(text)
        field_run = paragraph.add_run()
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        inner = OxmlElement("w:r")
        value = OxmlElement("w:t")
        value.text = "1"
        inner.append(value)
        simple.append(inner)
        field_run._r.addnext(simple)


def _set_properties(document: Document, release: Release) -> None:
    """Core properties from the release; dates from the release date, never the clock."""
    props = document.core_properties
    author = _fit(release.companies[0].name)
    moment = dt.datetime.combine(release.date, dt.time(), tzinfo=dt.UTC)
    props.title = _fit(release.headline)
    props.author = author
    props.last_modified_by = author
    props.subject = _fit(release.subheadlines[0] if release.subheadlines else release.headline)
    props.keywords = _fit(", ".join([*(c.name for c in release.companies), "press release"]))
    props.category = "Press release"
    props.language = release.language
    props.created = moment
    props.modified = moment
    props.revision = 1
    props.comments = ""


def _fit(text: str, limit: int = 255) -> str:
    """Word's core properties hold at most 255 characters; cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _fixed_zip(data: bytes, date: dt.date) -> bytes:
    """The same package with every entry dated at the release date, in a fixed order."""
    # A zip entry's date runs from 1980 to 2107.
    stamp = (min(max(date.year, 1980), 2107), date.month, date.day, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
