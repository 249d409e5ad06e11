"""Markdown read back, in the form `--format md` writes it (the print copy as CommonMark):
markdown-it-py's tokens say what each block is (`#` headline, `##` subheads and sections,
bold labels, lists), the blocks are laid out as the print profile's text for its reader,
and paragraphs with links or emphasis keep their Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prwriter.importing.docx import DocxCopy
from prwriter.importing.languages import contacts_headings
from prwriter.importing.reading import read_text
from prwriter.importing.tables import CellRow, TableError, footnote_of, table_of_cells

if TYPE_CHECKING:
    from markdown_it.token import Token


def _plain(inline: Token) -> str:
    """What a reader sees of an inline run: text without marks, links as their text."""
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
    return "".join(out)


def _formatted(inline: Token) -> bool:
    kinds = {c.type for c in inline.children or []}
    return bool(kinds & {"link_open", "em_open", "strong_open", "code_inline"})


def _only(inline: Token, mark: str) -> bool:
    """The whole run is one bold (`strong`) or italic (`em`) span."""
    # markdown-it puts empty text tokens around the span.
    children = [c for c in inline.children or [] if c.type != "text" or c.content]
    return (
        len(children) >= 3
        and children[0].type == f"{mark}_open"
        and children[-1].type == f"{mark}_close"
        and not any(c.type == f"{mark}_open" for c in children[1:-1])
    )


def _table(
    tokens: list[Token],
    source: list[str],
    blocks: list[tuple[int, list[str], str | None]],
    spans: dict[int, str],
    tables: dict[int, dict[str, Any] | str],
) -> None:
    """A pipe table as `--format md` writes it: the stub and one heading per column, labels
    in bold on subtotals, totals and headings, indents as two no-break spaces a level; a
    caption in bold and units in italics just above. Unread, its lines stay as text."""
    first = tokens[0].map[0] if tokens[0].map else 0
    grid: list[list[tuple[str, bool]]] = []
    for token in tokens:
        if token.type == "tr_open":
            grid.append([])
        elif token.type == "inline":
            grid[-1].append((_plain(token), _only(token, "strong")))
    titles: dict[str, str] = {}
    taken = 0
    for key, mark in (("units", "em"), ("caption", "strong")):
        k = len(blocks) - 1 - taken
        if spans.get(k) == mark and k >= 0 and blocks[k][2] is not None:
            titles[key] = " ".join(blocks[k][1])
            taken += 1
    rows = []
    for n, cells in enumerate(grid[1:]):
        line = first + 2 + n
        # GFM lets a row leave out its pipes: no pipe, no indent to read.
        parts = re.split(r"(?<!\\)\|", source[line]) if line < len(source) else []
        label_cell = parts[1].strip(" ") if len(parts) > 1 else ""
        nbsp = len(label_cell) - len(label_cell.lstrip("\u00a0"))
        (label, bold), *amounts = cells
        rows.append(CellRow(label.strip(), nbsp // 2, [a for a, _ in amounts], bold, line + 1))
    stub, *headings = (text for text, _ in grid[0])
    try:
        part = table_of_cells([[(h, 1) for h in headings]], rows, stub=stub or None, **titles)
    except TableError as exc:
        blocks.append((first + 1, source[first : first + len(grid) + 1], None))
        tables[len(blocks) - 1] = f"a table prwriter cannot read ({exc}); kept as text"
        return
    del blocks[len(blocks) - taken :]
    blocks.append((first + 1, ["Table."], None))
    tables[len(blocks) - 1] = part


def read_markdown(path: Path) -> DocxCopy:
    from markdown_it import MarkdownIt

    source = read_text(path)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    copy = DocxCopy()
    blocks: list[tuple[int, list[str], str | None]] = []
    # Paragraphs in one bold or italic span (a table's caption and units), and tables (or
    # why one could not be read), by their index in `blocks`.
    spans: dict[int, str] = {}
    tables: dict[int, dict[str, Any] | str] = {}
    headline_seen = label_open = in_contacts = subheads_open = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = (token.map[0] + 1) if token.map else 0
        if token.type == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            _table(tokens[i:end], source.split("\n"), blocks, spans, tables)
            i = end + 1
            continue
        if token.type == "heading_open":
            inline = tokens[i + 1]
            text = _plain(inline)
            headline_seen = headline_seen or token.tag == "h1"
            subheads_open = token.tag == "h1"
            in_contacts = not headline_seen and text in contacts_headings()
            label_open = False
            blocks.append((line, [text], None))
            i += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            start = int(token.attrGet("start") or 1) if ordered else 1
            items: list[str] = []
            depth = 0
            while True:
                t = tokens[i]
                depth += (
                    t.nesting
                    if t.type.endswith("_list_open") or t.type.endswith("_list_close")
                    else 0
                )
                if t.type == "inline":
                    marker = f"{start + len(items)}. " if ordered else "- "
                    items.append(marker + _plain(t))
                i += 1
                if depth == 0:
                    break
            blocks.append((line, items, None))
            subheads_open = False
            continue
        if token.type == "paragraph_open":
            inline = tokens[i + 1]
            text = _plain(inline)
            i += 3
            if not headline_seen and _only(inline, "strong"):
                # A contact group's label, or the timing line above everything.
                blocks.append((line, [f"{text}:" if in_contacts else text], None))
                label_open = in_contacts
                continue
            if not headline_seen and label_open:
                blocks[-1][1].extend(text.split("\n"))
                label_open = False
                continue
            if subheads_open and _only(inline, "em"):
                blocks.append((line, [text], None))
                continue
            subheads_open = False
            above = tables.get(len(blocks) - 1)
            if isinstance(above, dict) and footnote_of(text, above["table"]):
                above["table"].setdefault("footnotes", []).append(text)
                continue
            markdown = inline.content if _formatted(inline) or "\\" in inline.content else None
            for mark in ("strong", "em"):
                if headline_seen and _only(inline, mark):
                    spans[len(blocks)] = mark
            blocks.append((line, text.split("\n"), markdown))
            continue
        i += 1
    copy.set_text(blocks, tables)
    copy.paragraphs = source.replace("\r\n", "\n").split("\n")
    return copy
