"""DOCX for editors and legal review: the layout tree, walked into Word paragraphs.

Every block of the tree becomes a paragraph (or, for a dateline, a run) in the style the
layout names, from the reference document (`templates/docx/reference.docx`, overridable per
project, as pandoc's --reference-doc); a style the reference lacks is added, based on
Normal. Links become real hyperlinks, lists real Word numbering. The zip is written with
fixed timestamps and core properties taken from the release, so the bytes are the same run
after run. Paragraphs are appended in constant time each, so a long release stays linear.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

import prwriter.document as doc
from prwriter.draft import watermark_docx
from prwriter.errors import InputError, display_path
from prwriter.layout import build_document, layout_problem
from prwriter.model import Release
from prwriter.writers import RenderOptions

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

    from prwriter.project import Project

REFERENCE = "docx/reference.docx"
TABLE_TWIPS = 9360


# Release fields this writer leaves out on purpose (the writers' coverage test reads this).
IGNORED_FIELDS = frozenset(
    {
        "Release.source",  # the source line is a wire's; the print copy has none
        "LegalBlock.kind",  # a section class in HTML only
    }
)


def write(release: Release, options: RenderOptions) -> bytes:
    from docx import Document as open_document

    project = options.project
    tree = build_document(release, project)
    word = open_document(str(project.template_path(REFERENCE)))
    _clear_body(word)
    _Walker(word, project).blocks(tree.blocks)
    _number_pages(word, tree.metadata.page_label)
    _set_properties(word, tree.metadata)
    watermark_docx(word, release, options)
    return _dated_package(word, release.date)


class _Walker:
    """Appends the tree's blocks to a Word body, in order."""

    def __init__(self, word: WordDocument, project: Project) -> None:
        from docx.text.paragraph import Paragraph

        self.word = word
        self.project = project
        self.body = word.element.body
        # New paragraphs go before the section properties, the body's last child; keeping a
        # handle on it makes each append O(1) (python-docx searches the body every time).
        self.end = self.body.sectPr
        self.paragraph_class = Paragraph
        self.styles: dict[tuple[str, bool], Any] = {}
        self.by_name: dict[str | None, Any] | None = None
        self.table_styles: dict[tuple[str, str], str] = {}

    # --- blocks --------------------------------------------------------------------------

    def blocks(self, blocks: tuple[doc.Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: doc.Block) -> None:
        if isinstance(block, doc.Paragraph | doc.Heading):
            self.inlines(self.paragraph(block.style), block.children)
        elif isinstance(block, doc.ListBlock):
            self.list(block)
        elif isinstance(block, doc.Image):
            self.image(self.paragraph(block.style), block)
        elif isinstance(block, doc.Figure):
            self.image(self.paragraph(block.image.style), block.image)
            self.block(block.caption)
        elif isinstance(block, doc.Table):
            self.table(block)
        else:
            self.blocks(block.blocks)

    def table(self, table: doc.Table) -> None:
        """A real Word table in the named table style; its heading rows repeat on every
        page (w:tblHeader), label cells take the row's indent, amounts sit right. Written
        as one piece of XML: a statement has hundreds of cells."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        for block in (table.caption, table.units):
            if block is not None:
                self.block(block)
        columns = sum(cell.span for cell in table.header[-1].cells)  # the labels' included
        # 6.5 inches in twips: the amounts get at most 1,200 each, the labels the rest.
        number = min(1200, TABLE_TWIPS // (2 * (columns - 1)))
        widths = [TABLE_TWIPS - number * (columns - 1), *[number] * (columns - 1)]
        rows = [self.table_row(row, heading=True) for row in table.header] + [
            self.table_row(row, heading=False) for row in table.rows
        ]
        grid = parse_xml(
            f"<w:tbl {nsdecls('w')}><w:tblPr>"
            f'<w:tblStyle w:val="{self.table_style(table.style)}"/>'
            '<w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>"
            + "".join(rows)
            + "</w:tbl>"
        )
        if self.end is not None:
            self.end.addprevious(grid)
        else:
            self.body.append(grid)
        for note in table.footnotes:
            self.block(note)

    def table_row(self, row: doc.TableRow, *, heading: bool) -> str:
        cells = []
        for cell in row.cells:
            span = f'<w:tcPr><w:gridSpan w:val="{cell.span}"/></w:tcPr>' if cell.span > 1 else ""
            indent = f'<w:ind w:left="{240 * cell.indent}"/>' if cell.indent else ""
            align = '<w:jc w:val="right"/>' if cell.numeric else ""
            text = (
                f'<w:r><w:t xml:space="preserve">{xml_escape(cell.text)}</w:t></w:r>'
                if cell.text
                else ""
            )
            style = self.style(cell.style).style_id
            cells.append(f'<w:tc>{span}<w:p><w:pPr><w:pStyle w:val="{style}"/>{indent}{align}'
                         f"</w:pPr>{text}</w:p></w:tc>")  # fmt: skip
        repeat = "<w:trPr><w:tblHeader/></w:trPr>" if heading else ""
        return f"<w:tr>{repeat}{''.join(cells)}</w:tr>"

    def table_style(self, name: str) -> str:
        """The table style's id, added when the reference lacks it."""
        key = (name, "table")
        if key not in self.table_styles:
            from docx.enum.style import WD_STYLE_TYPE

            styles = self.word.styles
            if name not in styles:
                styles.add_style(name, WD_STYLE_TYPE.TABLE)
            self.table_styles[key] = styles[name].style_id
        return self.table_styles[key]

    def paragraph(self, style: str) -> WordParagraph:
        from docx.oxml import OxmlElement
        from lxml.etree import SubElement

        p = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(p)
        else:
            self.body.append(p)
        # Elements made with lxml directly: python-docx's builders search for each child's
        # place every time, most of a DOCX's cost. The style goes in by id.
        SubElement(SubElement(p, _W_PPR), _W_PSTYLE).set(_W_VAL, self.style(style).style_id)
        paragraph: WordParagraph = self.paragraph_class(p, self.word._body)
        return paragraph

    def list(self, block: doc.ListBlock) -> None:
        """Ordered lists restart at their own start; each gets its own Word numbering."""
        style = self.style(block.style)
        if not _has_numbering(style):
            # Without numbering in its style, a list would come out as plain paragraphs.
            reference = display_path(self.project.template_path(REFERENCE))
            message = (
                f"the list style '{block.style}' has no numbering in {reference}; give it "
                "bullets or numbers there, or name a list style of the reference document"
            )
            raise InputError([layout_problem(self.project, block.role, message)])
        num_id = _restart_numbering(self.word, style, block.start) if (block.ordered) else None
        for item in block.items:
            paragraph = self.paragraph(block.style)
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            self.inlines(paragraph, item)

    def image(self, paragraph: WordParagraph, image: doc.Image) -> None:
        from docx.shared import Emu, Inches

        width = Inches(image.max_inches)
        shape = paragraph.add_run().add_picture(str(image.path))
        if shape.width > width:
            shape.height = Emu(int(shape.height * width / shape.width))
            shape.width = width
        shape._inline.docPr.set("descr", image.alt)

    # --- inlines -------------------------------------------------------------------------

    def inlines(
        self,
        paragraph: WordParagraph,
        children: tuple[doc.Inline, ...],
        *,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
        link: Any = None,
    ) -> None:
        for child in children:
            if isinstance(child, doc.Run):
                self.run(paragraph, child.text, bold, italic, style, link)
            elif isinstance(child, doc.LineBreak):
                run = paragraph.add_run()
                run.add_break()
                if link is not None:
                    link.append(run._r)
            elif isinstance(child, doc.Emphasis):
                self.inlines(
                    paragraph, child.children, bold=bold, italic=True, style=style, link=link
                )
            elif isinstance(child, doc.Strong):
                self.inlines(
                    paragraph, child.children, bold=True, italic=italic, style=style, link=link
                )
            elif isinstance(child, doc.Hyperlink):
                self.inlines(
                    paragraph,
                    child.children,
                    bold=bold,
                    italic=italic,
                    style=child.style,
                    link=self.hyperlink(paragraph, child.url),
                )
            else:
                self.inlines(
                    paragraph,
                    child.children,
                    bold=bold,
                    italic=italic,
                    style=child.style,
                    link=link,
                )

    def run(
        self,
        paragraph: WordParagraph,
        text: str,
        bold: bool,
        italic: bool,
        style: str | None,
        link: Any,
    ) -> None:
        if "\t" in text or "\n" in text or "\r" in text:
            # python-docx writes tabs and breaks inside text as their own elements.
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
            if style:
                run._r.style = self.style(style, character=True).style_id
            if link is not None:
                link.append(run._r)
            return
        from lxml.etree import SubElement

        r = SubElement(link if link is not None else paragraph._p, _W_R)
        if style or bold or italic:
            properties = SubElement(r, _W_RPR)  # children in the schema's order
            if style:
                character = self.style(style, character=True).style_id
                SubElement(properties, _W_RSTYLE).set(_W_VAL, character)
            if bold:
                SubElement(properties, _W_B)
            if italic:
                SubElement(properties, _W_I)
        t = SubElement(r, _W_T)
        t.text = text
        if text != text.strip():
            t.set(_XML_SPACE, "preserve")

    def hyperlink(self, paragraph: WordParagraph, url: str) -> Any:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), r_id)
        paragraph._p.append(element)
        return element

    def style(self, name: str, character: bool = False) -> Any:
        """The named style, added (based on Normal) when the reference lacks it."""
        key = (name, character)
        if key not in self.styles:
            from docx.enum.style import WD_STYLE_TYPE

            if self.by_name is None:
                # Looking a style up by name walks every style: index them once.
                self.by_name = {s.name: s for s in self.word.styles}
            found = self.by_name.get(name)
            if found is None:
                kind = WD_STYLE_TYPE.CHARACTER if character else WD_STYLE_TYPE.PARAGRAPH
                found = self.by_name[name] = self.word.styles.add_style(name, kind)
                if not character and "Normal" in self.by_name:
                    found.base_style = self.by_name["Normal"]
            self.styles[key] = found
        return self.styles[key]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_PPR, _W_PSTYLE, _W_VAL = f"{_W}pPr", f"{_W}pStyle", f"{_W}val"
_W_R, _W_RPR, _W_RSTYLE, _W_B, _W_I, _W_T = (
    f"{_W}{n}" for n in ("r", "rPr", "rStyle", "b", "i", "t")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _has_numbering(style: Any) -> bool:
    p_pr = style.element.pPr
    return p_pr is not None and p_pr.numPr is not None and p_pr.numPr.numId is not None


def _restart_numbering(word: WordDocument, style: Any, start: int) -> int | None:
    """A new w:num on the style's numbering definition, starting at `start`."""
    p_pr = style.element.pPr
    if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
        return None
    numbering = word.part.numbering_part.element
    base = numbering.num_having_numId(p_pr.numPr.numId.val)
    abstract_id = base.abstractNumId.val
    num = numbering.add_num(abstract_id)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    return int(num.numId)


def _clear_body(document: WordDocument) -> None:
    """A house reference may hold sample text; only its styles and page setup are used."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _number_pages(document: WordDocument, label: str) -> None:
    """'Page N of M' in the footer from page 2 on: a one-page release needs no number."""
    import re

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
    # "Page {page} of {pages}": the words in runs, the numbers as Word fields.
    fields = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
    pieces = [p for p in re.split(r"(\{page\}|\{pages\})", label) if p]
    for piece in pieces:
        if piece not in fields:
            paragraph.add_run(piece)
            continue
        instruction = fields[piece]
        field_run = paragraph.add_run()
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        inner = OxmlElement("w:r")
        value = OxmlElement("w:t")
        value.text = "1"
        inner.append(value)
        simple.append(inner)
        field_run._r.addnext(simple)


def _set_properties(document: WordDocument, meta: doc.Metadata) -> None:
    """Core properties from the release; dates from the release date, never the clock."""
    props = document.core_properties
    author = _fit(meta.author)
    moment = dt.datetime.combine(meta.created, dt.time(), tzinfo=dt.UTC)
    props.title = _fit(meta.title)
    props.author = author
    props.last_modified_by = author
    props.subject = _fit(meta.subject)
    props.keywords = _fit(meta.keywords)
    props.category = "Press release"
    props.language = meta.language
    props.created = moment
    props.modified = moment
    props.revision = 1
    props.comments = ""


def _fit(text: str, limit: int = 255) -> str:
    """Word's core properties hold at most 255 characters; cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


def _dated_package(word: WordDocument, date: dt.date) -> bytes:
    """The package as python-docx writes it, in its order, but every entry dated the
    release date (python-docx dates them now), written once rather than rewritten."""
    from docx.opc.pkgwriter import PackageWriter

    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    buffer = io.BytesIO()
    writer: Any = _DatedZip(buffer, date)
    # PackageWriter.write with our zip writer: its steps, in its order. (Private steps of
    # python-docx: the reproducibility and LibreOffice tests would see them change.)
    steps: Any = PackageWriter
    steps._write_content_types_stream(writer, package.parts)
    steps._write_pkg_rels(writer, package.rels)
    steps._write_parts(writer, package.parts)
    writer.close()
    return buffer.getvalue()


class _DatedZip:
    """python-docx's zip writer, with fixed dates and permissions."""

    def __init__(self, buffer: io.BytesIO, date: dt.date) -> None:
        self.zip = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
        # A zip entry's date runs from 1980 to 2107.
        self.stamp = (min(max(date.year, 1980), 2107), date.month, date.day, 0, 0, 0)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zip.writestr(info, blob)

    def close(self) -> None:
        self.zip.close()
