"""The words the rules read: a release's copy as plain text, by section, with quotations
and boilerplate told apart (most rules leave quoted speech alone)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prwriter.errors import Loc
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
    Release,
    Strong,
    Table,
    Text,
)

# Abbreviations that end with a period but do not end a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|Jr|Sr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|etc|"
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|"
    r"Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo|U\.S|a\.m|p\.m|[A-Z])\.$"
)
_QUOTED = re.compile('["\u201c][^"\u201d]*["\u201d]')
_WORD = re.compile("[A-Za-z0-9\u00c0-\u024f][\\w'\u2019.-]*")


def plain(children: list[Inline]) -> str:
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
    if isinstance(block, Table):
        return "\n".join([*filter(None, [block.caption]), *(row.label for row in block.rows)])
    assert isinstance(block, ListBlock)
    return "\n".join(plain(item) for item in block.items)


# A quotation mark left open runs to the end of the block: AP continues a quote into the
# next paragraph by opening it again without closing the first.
_OPEN_TO_END = re.compile('["\u201c][^"\u201d]*$')


def unquoted(text: str) -> str:
    """`text` without the words inside quotation marks (a quote left open at the end of
    the block counts as quoted to its end)."""
    return _OPEN_TO_END.sub(" ", _QUOTED.sub(" ", text))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences, not split after abbreviations such as Inc. or Mass."""
    found: list[str] = []
    current = ""
    # A line break ends a sentence too: list items are joined with newlines.
    for piece in re.split(r"(?<=[.!?])\s+|\n+", text.strip()):
        current = f"{current} {piece}".strip()
        if not _ABBREVIATIONS.search(current):
            found.append(current)
            current = ""
    if current:
        found.append(current)
    return [s for s in found if s]


def body_blocks(release: Release, *, quotes: bool = False) -> Iterator[tuple[Loc, str]]:
    """The body by block; quote blocks and quoted speech left out unless `quotes`."""
    for i, block in enumerate(release.body):
        if isinstance(block, Quote):
            # Narrative before or after a quote is the release's own voice, not speech.
            narrative = " ".join(t for t in (plain(block.before), plain(block.after)) if t)
            if quotes:
                yield ("body", i), " ".join(t for t in (block_text(block), narrative) if t)
            elif narrative:
                yield ("body", i), narrative
            continue
        if isinstance(block, Table):
            continue  # labels and amounts, not prose
        text = block_text(block)
        yield ("body", i), text if quotes else unquoted(text)


def body_text(release: Release, *, quotes: bool = False) -> str:
    return "\n".join(text for _, text in body_blocks(release, quotes=quotes))


def lead(release: Release) -> str:
    first = release.body[0]
    return block_text(first) if isinstance(first, Paragraph) else ""


def all_copy(release: Release) -> Iterator[tuple[Loc, str]]:
    """Every piece of copy with its path: headline, subheadlines, body, About texts, legal
    blocks, contacts."""
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
            values = (contact.text, contact.organization, contact.name, contact.title,
                      *(p.number for p in contact.phones))  # fmt: skip
            yield ("contacts", i, "contacts", j), " ".join(v for v in values if v)


def release_names(release: Release) -> list[str]:
    """The names the release itself knows: its companies (name and short name), the people
    it quotes, its contacts and their organizations."""
    names: list[str] = []
    for company in release.companies:
        names += [company.name, *([company.short_name] if company.short_name else [])]
    names += [b.speaker.name for b in release.body if isinstance(b, Quote)]
    for group in release.contacts:
        for contact in group.contacts:
            names += [n for n in (contact.name, contact.organization) if n]
    return names
