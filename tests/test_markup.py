"""Markdown copy to the release's document tree."""

from __future__ import annotations

import pytest

from prwriter.markup import MarkupError, parse_blocks
from prwriter.model import Emphasis, Heading, LineBreak, Link, ListBlock, Paragraph, Strong, Text


def test_paragraphs_join_wrapped_lines_with_spaces() -> None:
    assert parse_blocks("one\ntwo\n\nthree") == [
        Paragraph(children=[Text(text="one two")]),
        Paragraph(children=[Text(text="three")]),
    ]


def test_inline_emphasis_strong_links_and_hard_breaks() -> None:
    [paragraph] = parse_blocks("a *b* **c** [d](https://x.example)  \ne")
    assert isinstance(paragraph, Paragraph)
    assert paragraph.children == [
        Text(text="a "),
        Emphasis(children=[Text(text="b")]),
        Text(text=" "),
        Strong(children=[Text(text="c")]),
        Text(text=" "),
        Link(url="https://x.example", children=[Text(text="d")]),
        LineBreak(),
        Text(text="e"),
    ]


def test_subheads_and_lists() -> None:
    blocks = parse_blocks("## Facts\n\n- a\n- b\n\n3. c\n4. d\n")
    assert blocks == [
        Heading(level=2, children=[Text(text="Facts")]),
        ListBlock(items=[[Text(text="a")], [Text(text="b")]]),
        ListBlock(ordered=True, start=3, items=[[Text(text="c")], [Text(text="d")]]),
    ]


def test_text_that_looks_like_a_template_or_code_stays_text() -> None:
    [paragraph] = parse_blocks("{{ x }} and `y` and a < b")
    assert isinstance(paragraph, Paragraph)
    assert paragraph.children == [Text(text="{{ x }} and y and a < b")]


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("```\ncode\n```", "a code block (```) is not release copy"),
        ("text\n\n    indented", "a line indented by four spaces is a code block"),
        ("> quoted", "a block quote ('>') is not supported"),
        ("a\n\n---\n\nb", "a horizontal rule is not supported"),
        ("<div>x</div>", "raw HTML is not supported"),
        ("a <span>b</span>", "raw HTML is not supported"),
        ("![logo](logo.png)", "an image is not supported in copy; add it under `media:`"),
        ("1. one\n   - nested\n2. two", "a list inside a list is not supported"),
        ("- one\n  - nested", "a list inside a list is not supported"),
    ],
)
def test_constructs_a_release_cannot_carry_are_refused(markdown: str, message: str) -> None:
    with pytest.raises(MarkupError) as info:
        parse_blocks(markdown)
    assert str(info.value).startswith(message)


def test_ordered_list_may_start_at_zero() -> None:
    [block] = parse_blocks("0. zero\n1. one")
    assert isinstance(block, ListBlock)
    assert (block.ordered, block.start) == (True, 0)
