"""Markdown copy (markdown-it-py, CommonMark) to the release's small document tree.

Releases need paragraphs, subheads, lists, emphasis and links. Other Markdown (code blocks,
block quotes, images, raw HTML) has no place on a wire; it is reported, not silently dropped.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from prwriter.model import (
    Block,
    Emphasis,
    Heading,
    HeadingCell,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Strong,
    Table,
    TableRow,
    Text,
)
from prwriter.tables import TableProblem, row_cells

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


class MarkupError(ValueError):
    """Markdown that a release cannot carry; the message says what to write instead.

    `line` is the 0-based line of the offending block within the Markdown text.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML is recognised only to be refused: a release's copy is never markup for a browser.
    # Pipe tables (GitHub's form) carry financial tables written in the copy itself.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


# What each unsupported construct is called in the error, and what to write instead.
_UNSUPPORTED = {
    "fence": "a code block (```) is not release copy; write plain paragraphs",
    "code_block": "a line indented by four spaces is a code block; remove the indent",
    "blockquote_open": "a block quote ('>') is not supported; use a quote part for quotes",
    "hr": "a horizontal rule is not supported; use a ## subhead to divide the copy",
    "html_block": "raw HTML is not supported; write plain text and Markdown",
    "html_inline": "raw HTML is not supported; write plain text and Markdown",
    "image": "an image is not supported in copy; add it under `media:` with a caption",
}


def _refuse(token: Token) -> None:
    if token.type in _UNSUPPORTED:
        raise MarkupError(_UNSUPPORTED[token.type])


def parse_blocks(markdown: str) -> list[Block]:
    """Parse Markdown into blocks; MarkupError for constructs a release cannot carry."""
    tokens = _parser().parse(markdown)
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        try:
            _refuse(token)
            if token.type == "paragraph_open":
                blocks.append(Paragraph(children=parse_inline(tokens[i + 1])))
                i += 3
            elif token.type == "heading_open":
                level = int(token.tag[1:])
                blocks.append(Heading(level=level, children=parse_inline(tokens[i + 1])))
                i += 3
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                i, block = _list(tokens, i)
                blocks.append(block)
            elif token.type == "table_open":
                i, table = _table(tokens, i)
                blocks.append(table)
            else:
                i += 1
        except MarkupError as exc:
            if exc.line is None and token.map:
                exc.line = token.map[0]
            raise
    return blocks


def _list(tokens: list[Token], i: int) -> tuple[int, ListBlock]:
    opening = tokens[i]
    ordered = opening.type == "ordered_list_open"
    given = opening.attrGet("start")
    start = int(given) if ordered and given is not None else 1
    close = opening.type.replace("_open", "_close")
    items: list[list[Inline]] = []
    i += 1
    while tokens[i].type != close:
        token = tokens[i]
        line = token.map[0] if token.map else None
        if token.type in _UNSUPPORTED:
            raise MarkupError(_UNSUPPORTED[token.type], line)
        if token.type in ("bullet_list_open", "ordered_list_open"):
            raise MarkupError(
                "a list inside a list is not supported; keep lists one level deep", line
            )
        if token.type == "list_item_open":
            items.append([])
        elif token.type == "inline" and items:
            if items[-1]:
                items[-1].append(LineBreak())
            items[-1].extend(parse_inline(token))
        i += 1
    return i + 1, ListBlock(ordered=ordered, start=start, items=items)


def _table(tokens: list[Token], i: int) -> tuple[int, Table]:
    """A pipe table: the first column holds the row labels, the others amounts. A label
    in bold is a total row; a label ending in a colon, with no amounts, a heading."""
    rows: list[tuple[int | None, list[Token]]] = []
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "tr_open":
            rows.append((token.map[0] if token.map else None, []))
        elif token.type == "inline":
            rows[-1][1].append(token)
        i += 1
    (_, heads), body = rows[0], rows[1:]
    stub = heads[0].content.strip() or None
    header = [HeadingCell(text=t.content.strip()) for t in heads[1:]]
    if not header:
        raise MarkupError("a table needs a column of labels and at least one of amounts",
                          rows[0][0])  # fmt: skip
    parsed: list[TableRow] = []
    for line, cells in body:
        label_token, values = cells[0], [c.content.strip() for c in cells[1:]]
        written = label_token.content.strip()
        bold = any(written.startswith(m) and written.endswith(m) for m in ("**", "__"))
        label = _plain_text(parse_inline(label_token)).strip()
        if not label:
            raise MarkupError("every table row starts with its label", line)
        if label.endswith(":") and not any(values):
            parsed.append(TableRow(label=label, kind="heading"))
            continue
        problems: list[TableProblem] = []
        found = row_cells(values, len(header), (), 1, problems)
        if found is None:
            raise MarkupError(f"table row '{label}': {problems[0][1]}", line)
        parsed.append(TableRow(label=label, kind="total" if bold else "normal", cells=found))
    if not parsed:
        raise MarkupError("a table needs at least one row under its headings", rows[0][0])
    return i + 1, Table(stub=stub, header=[header], rows=parsed)


def _plain_text(children: list[Inline]) -> str:
    out: list[str] = []
    for node in children:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Emphasis | Strong | Link):
            out.append(_plain_text(node.children))
    return "".join(out)


def parse_inline(token: Token) -> list[Inline]:
    """The children of an `inline` token as inline nodes."""
    stack: list[tuple[str, str, list[Inline]]] = [("root", "", [])]
    for child in token.children or []:
        kind = child.type
        out = stack[-1][2]
        _refuse(child)
        if kind in ("text", "code_inline"):
            _append_text(out, child.content)
        elif kind == "softbreak":
            # A line break inside a paragraph in YAML is only wrapping.
            _append_text(out, " ")
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind in ("em_open", "strong_open"):
            stack.append((kind, "", []))
        elif kind == "link_open":
            stack.append((kind, str(child.attrGet("href") or ""), []))
        elif kind in ("em_close", "strong_close", "link_close"):
            opened, url, children = stack.pop()
            parent = stack[-1][2]
            if opened == "em_open":
                parent.append(Emphasis(children=children))
            elif opened == "strong_open":
                parent.append(Strong(children=children))
            else:
                parent.append(Link(url=url, children=children))
    return stack[0][2]


def _append_text(out: list[Inline], text: str) -> None:
    if out and isinstance(out[-1], Text):
        out[-1] = Text(text=out[-1].text + text)
    else:
        out.append(Text(text=text))
