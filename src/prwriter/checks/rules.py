"""The shipped rules (see ../shared checks catalogue IDs: HL headline, ST structure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from prwriter.checks import Context, rule
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
    Quote,
    Strong,
    Text,
)

Hit = tuple[tuple[str | int, ...], str, Any]


def plain(children: list[Inline]) -> str:
    """The words of inline content, without markup."""
    parts: list[str] = []
    for node in children:
        if isinstance(node, Text | CompanyMention):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append(" ")
        elif isinstance(node, Emphasis | Strong | Link):
            parts.append(plain(node.children))
    return "".join(parts)


def block_text(block: Block) -> str:
    if isinstance(block, Paragraph | Heading | Quote):
        return plain(block.children)
    assert isinstance(block, ListBlock)
    return "\n".join(plain(item) for item in block.items)


def copy(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every piece of copy in the release with its path: headline, subheadlines, body,
    About texts, legal blocks, contacts."""
    release = ctx.release
    yield ("headline",), release.headline
    for i, line in enumerate(release.subheadlines):
        yield ("subheadlines", i), line
    for i, block in enumerate(release.body):
        yield ("body", i), block_text(block)
    for i, company in enumerate(release.companies):
        yield ("companies", i, "about"), " ".join(block_text(b) for b in company.about)
    for i, legal in enumerate(release.legal):
        yield ("legal", i), " ".join(block_text(b) for b in legal.body)
    for i, group in enumerate(release.contacts):
        for j, contact in enumerate(group.contacts):
            values = (contact.organization, contact.name, contact.title, contact.phone)
            yield ("contacts", i, "contacts", j), " ".join(v for v in values if v)


@rule(
    "HL001", "headline-length", "warning",
    "Headline length in characters: info over 65 (search results cut it), warning over 88, "
    "error over 170 (wires refuse it).",
    info=65, warning=88, error=170,
)  # fmt: skip
def headline_length(ctx: Context) -> Iterator[Hit]:
    length = len(unicodedata.normalize("NFC", ctx.release.headline))
    for severity in ("error", "warning", "info"):
        limit = int(ctx.params[severity])
        if length > limit:
            yield (
                ("headline",),
                f"headline is {length} characters, over {limit}; shorten it, and move detail "
                "to a subheadline",
                severity,
            )
            return


@rule(
    "HL005", "headline-punctuation", "warning",
    "A headline takes no final period or question mark, and never an exclamation mark.",
)  # fmt: skip
def headline_punctuation(ctx: Context) -> Iterator[Hit]:
    headline = ctx.release.headline.rstrip()
    if "!" in headline:
        yield ("headline",), "headline has an exclamation mark; remove it", "error"
    elif headline.endswith((".", "?")):
        yield ("headline",), f"headline ends with '{headline[-1]}'; remove it", None


PLACEHOLDER = re.compile(
    r"\[(?:ADD|TBD|TK|XX+)[^\]]*\]|\bTK\b|\bTKTK\b|\bXX+\b|\{\{.*?\}\}|lorem ipsum",
    re.IGNORECASE,
)


@rule(
    "ST006", "placeholders", "error",
    "Placeholder text (TK, TBD, XX, [ADD ...], {{ ... }}, lorem ipsum) left in the copy.",
)  # fmt: skip
def placeholders(ctx: Context) -> Iterator[Hit]:
    for path, text in copy(ctx):
        # Case matters for TK and XX, which are also ordinary letters in other words.
        for match in PLACEHOLDER.finditer(text):
            found = match.group()
            if found.lower() in ("tk", "xx") and not found.isupper():
                continue
            yield path, f"placeholder '{found}' left in the copy; write the real text", None
            break
