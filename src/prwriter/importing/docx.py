"""A Word release read with python-docx: paragraph styles say what each paragraph is (the
styles prwriter's DOCX uses, and Word's own Title, Subtitle, Heading, List and Quote), and
runs keep bold, italics and links as Markdown. The paragraphs are laid out as the print
copy's text, which the print profile's reader reads; each paragraph keeps its number for
reports."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.importing.patterns import escape_markdown
from prwriter.importing.reading import MAX_DOCX_BYTES, problem, read_bytes
from prwriter.importing.tables import CellRow, TableError, table_of_cells

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

# A Word file is a zip: its unpacked size and member count are checked before parsing.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_MEMBERS = 2_000

_LINE_STYLES = {"Contact Heading", "Release Timing", "Title", "Subtitle", "About Heading",
                "Legal Heading", "End Mark"}  # fmt: skip
_MARKDOWN_STYLES = {"Body Text", "Normal", "Quote", "Legal Text", "List Bullet", "List Number"}


@dataclass
class DocxCopy:
    """The print-form text, Markdown for paragraphs with formatting (by text line), each
    text line's paragraph number, and the paragraphs' own text (for the round trip)."""

    text: str = ""
    markdown: dict[int, str] = field(default_factory=dict)
    paragraph_of_line: dict[int, int] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    media: list[Figure] = field(default_factory=list)
    # A table's part (or why it could not be read) by the text line standing in for it.
    tables: dict[int, dict[str, Any] | str] = field(default_factory=dict)

    def set_text(
        self,
        blocks: list[tuple[int, list[str], str | None]],
        tables: dict[int, dict[str, Any] | str],
    ) -> None:
        """The text from `blocks` (paragraph number, lines, Markdown), a blank line between
        them, each line's paragraph, Markdown and table keyed by its line number."""
        out: list[str] = []
        line = 1
        for k, (number, lines, markdown) in enumerate(blocks):
            if markdown is not None:
                self.markdown[line] = markdown
            if k in tables:
                self.tables[line] = tables[k]
            for offset in range(len(lines)):
                self.paragraph_of_line[line + offset] = number
            out.append("\n".join(lines))
            line += len(lines) + 1
        self.text = "\n\n".join(out) + "\n"


@dataclass
class Figure:
    """A picture with the caption under it; `name` is the file name the picture had."""

    name: str
    data: bytes
    caption: str = ""
    alt: str | None = None


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise problem(path, "is not a Word file (.docx); save it from Word as .docx", 1) from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise problem(path, "unpacks to more than any release needs; refused", 1)


def paragraph_texts(document: Any) -> list[str]:
    """What a reader sees, in order: each paragraph's text, empty ones (a picture's) left
    out, and each table row's cells, a tab between them."""
    from docx.table import Table

    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            out.extend("\t".join(text for text, _ in _cells(item, row)) for row in item.rows)
        elif item.text.strip():
            out.append(item.text)
    return out


def _cells(table: Any, row: Any) -> list[tuple[str, int]]:
    """A Word table row's cells as (text, columns spanned), a merged cell once."""
    from docx.table import _Cell

    return [(_Cell(tc, table).text, tc.grid_span) for tc in row._tr.tc_lst]


def _word_table(
    table: Any,
    number: int,
    blocks: list[tuple[int, list[str], str | None]],
    styles: dict[int, str],
    tables: dict[int, dict[str, Any] | str],
) -> None:
    """A Word table as prwriter's DOCX writes it: heading rows (repeated on each page)
    over the columns, labels in the first column (indented, in the total style on
    subtotals and totals), amounts in the others; the caption and units paragraphs just
    above it. Unread, each row stays as a line of text."""
    rows = list(table.rows)
    titles: dict[str, str] = {}
    taken = 0
    for key, name in (("units", "Table Units"), ("caption", "Table Caption")):
        if styles.get(len(blocks) - 1 - taken) == name:
            titles[key] = " ".join(blocks[len(blocks) - 1 - taken][1])
            taken += 1
    try:
        header, body, stub = _table_parts(table, rows, number)
        part = table_of_cells(header, body, stub=stub or None, **titles)
    except (TableError, IndexError) as exc:  # IndexError: a row or cell without content
        why = exc if isinstance(exc, TableError) else "a row or cell without content"
        # Each row a line, each line of a cell its own (a cell may hold several).
        lines = [
            line.strip()
            for row in rows
            for line in "  ".join(text for text, _ in _cells(table, row)).split("\n")
        ]
        lines = [line for line in lines if line]
        if lines:
            blocks.append((number, lines, None))
            tables[len(blocks) - 1] = f"a table prwriter cannot read ({why}); kept as text"
        return
    del blocks[len(blocks) - taken :]
    blocks.append((number, ["Table."], None))
    tables[len(blocks) - 1] = part


def _table_parts(
    table: Any, rows: list[Any], number: int
) -> tuple[list[list[tuple[str, int]]], list[CellRow], str]:
    """Heading rows (repeated on each page, else the first), body rows and the stub."""
    from docx.table import _Cell

    heads = [r for r in rows if r._tr.trPr is not None and r._tr.trPr.xpath("./w:tblHeader")]
    heads = heads or rows[:1]
    header = [_cells(table, r)[1:] for r in heads]
    stub = _cells(table, heads[-1])[0][0] if heads else ""
    body = []
    for n, row in enumerate(rows[len(heads) :], start=len(heads)):
        tcs = row._tr.tc_lst
        first = _Cell(tcs[0], table).paragraphs[0]
        indent = first.paragraph_format.left_indent or 0
        style = first.style.name if first.style is not None else ""
        bold = style == "Table Total" or all(r.bold for r in first.runs if r.text.strip())
        texts = [_Cell(tc, table).text for tc in tcs[1:]]
        body.append(CellRow(first.text, round(indent / 152400), texts, bold, number + n))
    return header, body, stub


def read_docx(path: Path) -> DocxCopy:
    read_bytes(path, MAX_DOCX_BYTES)
    _check_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise problem(path, f"is not a Word file prwriter can read: {exc}", 1) from None
    except Exception as exc:  # lxml's XMLSyntaxError and other broken parts
        raise problem(path, f"has a broken part: {exc}", 1) from None
    copy = DocxCopy(paragraphs=paragraph_texts(document))
    blocks: list[tuple[int, list[str], str | None]] = []  # (paragraph, lines, markdown)
    label_open = False
    open_list: str | None = None
    figure: Figure | None = None
    styles: dict[int, str] = {}  # a table's caption and units, by their index in blocks
    tables: dict[int, dict[str, Any] | str] = {}
    for number, paragraph in enumerate(document.iter_inner_content(), start=1):
        if isinstance(paragraph, Table):
            _word_table(paragraph, number, blocks, styles, tables)
            open_list = None
            continue
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        text = paragraph.text
        above = tables.get(len(blocks) - 1)
        if style == "Table Footnote" and isinstance(above, dict) and text.strip():
            above["table"].setdefault("footnotes", []).append(text)
            continue
        if style in ("Table Caption", "Table Units"):
            styles[len(blocks)] = style
        if style == "Figure":
            figure = _figure(document, paragraph)
            continue
        if style == "Caption" and figure is not None:
            figure.caption = text
            copy.media.append(figure)
            figure = None
            continue
        if not text.strip():
            continue
        lines = text.split("\n")
        markdown = _markdown(paragraph) if style in _MARKDOWN_STYLES else None
        if style == "Contact Label":
            blocks.append((number, [f"{text}:"], None))
            label_open = True
            continue
        if style == "Contact" and label_open:
            blocks[-1][1].extend(lines)
            label_open = False
            continue
        label_open = False
        if style in ("List Bullet", "List Number"):
            # Consecutive items of one list style are one list block.
            items = blocks[-1][1] if open_list == style else []
            items.append(("- " if style == "List Bullet" else f"{len(items) + 1}. ") + text)
            if open_list != style:
                blocks.append((number, items, None))
            open_list = style
            continue
        open_list = None
        if style == "Caption":
            lines = [f"Photo: {text}"]
        blocks.append((number, lines, markdown))
    copy.set_text(blocks, tables)
    return copy


def _figure(document: Any, paragraph: Paragraph) -> Figure | None:
    from docx.oxml.ns import qn

    blips = paragraph._p.xpath(".//a:blip")
    if not blips:
        return None
    part = document.part.related_parts.get(blips[0].get(qn("r:embed")))
    if part is None or not str(getattr(part, "content_type", "")).startswith("image/"):
        return None
    described = [e.get("descr") for e in paragraph._p.xpath(".//wp:docPr") if e.get("descr")]
    return Figure(
        Path(str(part.partname)).name, bytes(part.blob), alt=described[0] if described else None
    )


def _markdown(paragraph: Paragraph) -> str | None:
    """The paragraph as Markdown when it has bold, italics or links; None when plain."""
    from docx.text.hyperlink import Hyperlink

    pieces: list[str] = []
    formatted = False
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            formatted = True
            pieces.append(f"[{escape_markdown(item.text)}]({item.address})")
            continue
        text = item.text
        if not text:
            continue
        if text == "\n":
            pieces.append("\\\n")
            continue
        escaped = escape_markdown(text)
        core = escaped.strip()
        if (item.bold or item.italic) and core:
            formatted = True
            lead = escaped[: len(escaped) - len(escaped.lstrip())]
            tail = escaped[len(escaped.rstrip()) :]
            mark = "**" if item.bold else "*"
            if item.bold and item.italic:
                mark = "***"
            pieces.append(f"{lead}{mark}{core}{mark}{tail}")
        else:
            pieces.append(escaped)
    return "".join(pieces) if formatted else None
