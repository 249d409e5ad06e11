"""The Markdown writer: markdown-it reads the copy back to the release's own structure."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

import prwriter
from conftest import DATA, REPO
from prwriter.formatting import Facts, column_headings, row_cells
from prwriter.model import (
    Block,
    CompanyMention,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Release,
    Strong,
    Table,
    Text,
)
from prwriter.project import Project
from prwriter.writers.markdown import escape, guard_line, heading

RELEASES = {
    "immunogen": REPO / "examples" / "immunogen" / "release.yaml",
    "nordwind-tidewater": REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    "quillmark-earnings": REPO / "examples" / "quillmark-earnings" / "release.yaml",
    "web-sensor": DATA / "web" / "releases" / "2026-01-15-sensor.yaml",
    "web-plant": DATA / "web" / "releases" / "2026-02-02-plant.yaml",
}
PARSER = MarkdownIt("commonmark")
PRINT = Project().wire("print")


@dataclass
class Outline:
    headings: list[tuple[int, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    lists: list[tuple[bool, int, list[str]]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def read_back(markdown: str) -> Outline:
    """What a CommonMark reader sees: headings, paragraphs outside lists, lists, links."""
    outline = Outline()
    tokens = PARSER.parse(markdown)
    depth = 0
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            start = int(token.attrGet("start") or 1)
            outline.lists.append((token.type.startswith("ordered"), start, []))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "inline":
            text = inline_text(token)
            outline.links += [
                str(c.attrGet("href")) for c in token.children or [] if c.type == "link_open"
            ]
            opener = tokens[i - 1]
            if opener.type == "heading_open":
                outline.headings.append((int(opener.tag[1:]), text))
            elif depth:
                outline.lists[-1][2].append(text)
            else:
                outline.paragraphs.append(text)
        assert token.type not in ("html_block", "code_block", "fence", "blockquote_open", "hr")
    return outline


def inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        assert child.type not in ("html_inline", "image"), child
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


class Expected:
    """The same outline, built from the release model and the print profile alone."""

    def __init__(self, release: Release) -> None:
        self.release = release
        self.facts = Facts(release, PRINT)
        self.outline = Outline()

    def build(self) -> Outline:
        release, outline = self.release, self.outline
        if release.contacts:
            outline.headings.append((2, "Contacts"))
        outline.headings.append((1, release.headline))
        self.blocks(release.body)
        for company in release.companies:
            outline.headings.append((2, company.about_heading))
            self.blocks(company.about)
        for notice in release.legal:
            if notice.heading:
                outline.headings.append((2, notice.heading))
            self.blocks(notice.body)
        return outline

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self.outline.headings.append((max(block.level, 2), self.text(block.children)))
            elif isinstance(block, ListBlock):
                items = [self.text(item) for item in block.items]
                self.outline.lists.append((block.ordered, block.start, items))
            elif isinstance(block, Paragraph):
                self.outline.paragraphs.append(self.text(block.children))
            elif isinstance(block, Table):
                continue  # read back on their own, below
            else:
                self.text(block.children)

    def text(self, children: list[Inline]) -> str:
        parts = []
        for node in children:
            if isinstance(node, Text):
                parts.append(node.text)
            elif isinstance(node, LineBreak):
                parts.append("\n")
            elif isinstance(node, Emphasis | Strong):
                parts.append(self.text(node.children))
            elif isinstance(node, Link):
                self.outline.links.append(PARSER.normalizeLink(node.url))
                parts.append(self.text(node.children))
            elif isinstance(node, CompanyMention):
                company = self.release.companies[node.company]
                if company.link and company.url:
                    self.outline.links.append(PARSER.normalizeLink(company.url))
                ticker = self.facts.ticker(company)
                parts.append(f"{node.text} {ticker}" if ticker else node.text)
        return "".join(parts)


def render(name: str) -> tuple[Release, str]:
    release = prwriter.load_release(RELEASES[name])
    text = prwriter.render(release, "md")
    assert isinstance(text, str)
    return release, text


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_markdown_reads_back_to_the_release_structure(name: str) -> None:
    release, text = render(name)
    seen, expected = read_back(text), Expected(release).build()
    assert seen.headings == expected.headings
    assert seen.lists == expected.lists
    assert seen.links == expected.links
    # Every paragraph of copy is a paragraph; the lead carries the dateline before it.
    lead, *rest = expected.paragraphs
    assert Facts(release, PRINT).dateline() + lead in seen.paragraphs
    for paragraph in rest:
        assert paragraph in seen.paragraphs


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_facts_read_back_as_written(name: str) -> None:
    release, text = render(name)
    seen = read_back(text)
    for line in release.subheadlines:
        assert line in seen.paragraphs
    for group in release.contacts:
        assert group.label in seen.paragraphs
        for contact in group.contacts:
            assert "\n".join(Facts(release, PRINT).contact_lines(contact)) in seen.paragraphs
    assert seen.paragraphs[0] == Facts(release, PRINT).timing_line()
    assert "###" in seen.paragraphs


def test_tables_read_back_cell_by_cell_as_pipe_tables() -> None:
    """A GitHub-flavoured reader sees each table with its labels and amounts as written."""
    release, text = render("quillmark-earnings")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    seen: list[list[list[str]]] = []
    for token in tokens:
        if token.type == "table_open":
            seen.append([])
        elif token.type == "tr_open":
            seen[-1].append([])
        elif (
            token.type == "inline"
            and seen
            and tokens[tokens.index(token) - 1].type in ("th_open", "td_open")
        ):
            seen[-1][-1].append(inline_text(token).strip("\u00a0 "))
    tables = [b for b in release.body if isinstance(b, Table)]
    assert len(seen) == len(tables) == 6
    for rows, table in zip(seen, tables, strict=True):
        assert rows[0] == [table.stub or "", *column_headings(table)]
        expected = [
            [row.label, *(row_cells(table, row) or [""] * table.columns)] for row in table.rows
        ]
        assert rows[1:] == expected


def test_two_lists_in_a_row_stay_two_lists() -> None:
    _, text = render("web-sensor")
    lists = read_back(text).lists
    assert [items for _, _, items in lists] == [
        ["Unpack", "Plug in"],
        ["Calibrate\nin one minute"],
        ["Order", "Install"],
    ]


@pytest.mark.parametrize(
    "value",
    ["# 1", "1. Sales", "2) Costs", "- item", "+ more", "> quoted", "===", "---", "*star*",
     "[a](b)", "<b>", "a_b_c", "&amp;", "&#35;", "back\\slash", "`code`", "![x](y)", "    indent",
     "Ends with #"],
)  # fmt: skip
def test_escaped_facts_read_back_as_text(value: str) -> None:
    seen = read_back(heading(1, escape(value)) + "\n\n" + guard_line(escape(value)) + "\n")
    assert seen.headings == [(1, value.strip())]
    assert seen.paragraphs == [value.strip()]
    assert seen.lists == [] and seen.links == []


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_golden_files(name: str, update_golden: bool) -> None:
    golden = DATA / "golden" / f"{name}.md"
    _, text = render(name)
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_needs_no_heavy_imports() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, prwriter\n"
        f"prwriter.render(prwriter.load_release({str(RELEASES['immunogen'])!r}), 'md')\n"
        "print(sorted(m for m in ('weasyprint', 'docx', 'jsonschema') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
