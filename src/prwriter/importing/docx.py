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
    """What a reader sees: each paragraph's text, empty ones (a picture's) left out."""
    return [p.text for p in document.paragraphs if p.text.strip()]


def read_docx(path: Path) -> DocxCopy:
    read_bytes(path, MAX_DOCX_BYTES)
    _check_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

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
    for number, paragraph in enumerate(document.paragraphs, start=1):
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        text = paragraph.text
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
    out: list[str] = []
    line = 1
    for number, lines, markdown in blocks:
        if markdown is not None:
            copy.markdown[line] = markdown
        for offset in range(len(lines)):
            copy.paragraph_of_line[line + offset] = number
        out.append("\n".join(lines))
        line += len(lines) + 1
    copy.text = "\n\n".join(out) + "\n"
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
