"""Quotes read back from a paragraph in every form a profile writes: attribution first
(`Name, title, said, "..."`), quote first (`"...," said Name, title.`), split after the
first sentence, a second reference by last name, with narrative before or after.

A reading counts only when the profile's own quote writer, given it, writes the paragraph
again character for character; anything else stays a paragraph."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prwriter.importing.patterns import escape_markdown, template_regex
from prwriter.kinds import QuoteForm
from prwriter.markup import MarkupError, parse_blocks
from prwriter.model import (
    Company,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Paragraph,
    Person,
    Place,
    Quote,
    Release,
    Strong,
    Text,
)
from prwriter.quoting import QuoteWriter
from prwriter.style.charset import to_ascii
from prwriter.style.quotes import LDQUO, LSQUO, RDQUO, RSQUO, last_name
from prwriter.style.typography import SpacingMode, space_before_marks, space_for
from prwriter.wires import WireProfile

# Capitals of the Latin alphabets prwriter writes (Élise, Ángel, Özil).
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_NAME_WORD = rf"(?:[{_UPPER}][\w.'\u2019\-]*|de|van|von|der|den|la|le|da|di|del|du|bin|al)"
_GROUPS = {
    "name": rf"[{_UPPER}][\w.'\u2019\-]*(?: {_NAME_WORD}){{0,5}}",
    "title": r"[^\"\u00ab\u00bb\u201e\u201c]+?",
    # said, commented; a déclaré, sagte, afirmó
    "verb": rf"[{_LOWER}]+(?: [{_LOWER}]+){{0,2}}",
    "text": r".+?",
}
_CURLY = {LDQUO: '"', RDQUO: '"', LSQUO: "'", RSQUO: "'"}
# Marks that open a quote in some profile's templates.
_OPENING = '"\u00ab\u201e'


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """A quote read from a paragraph: Markdown for the text and the narrative."""

    name: str
    title: str | None
    verb: str
    text: str
    form: QuoteForm
    before: str | None
    after: str | None


def _forms(wire: WireProfile, fold: Callable[[str], str]) -> Iterator[tuple[QuoteForm, str, bool]]:
    """(form, pattern, titled) for each way the profile writes a quote."""
    forms: tuple[tuple[QuoteForm, bool, str], ...] = (
        ("attribution-first", True, fold(wire.quote)),
        ("attribution-first", False, fold(wire.quote_untitled)),
        ("quote-first", True, fold(wire.quote_first)),
        ("quote-first", False, fold(wire.quote_first_untitled)),
    )
    rest_form = fold(wire.quote_rest).replace("{text}", "{rest}")
    rest = template_regex(rest_form, {"rest": ".+"})
    for form, titled, template in forms:
        core = template_regex(template, _GROUPS)
        yield form, core, titled
        if form == "quote-first":
            yield "quote-first-split", core + " " + rest, titled


def fold_ascii(text: str, spacing: SpacingMode) -> str:
    """`text` as the text writer's `--ascii` writes it: French spacing put in, then folded
    (`« Bonjour »` is `"Bonjour"`, the spaces belonging to the guillemets)."""
    gap = space_for("«", spacing) or "\u00a0"
    spaced = space_before_marks(text, spacing).replace("«" + gap, "«").replace(gap + "»", "»")
    return to_ascii(spaced)


class QuoteReader:
    """Reads the quotes of one release in order (a second reference needs the first)."""

    def __init__(
        self, wire: WireProfile, language: str | None = None, *, folded: bool = False
    ) -> None:
        self.wire = wire
        # Copy folded to ASCII (`--ascii`): the profile's forms as the text writer folds them.
        self.fold: Callable[[str], str] = (
            (lambda text: fold_ascii(text, wire.space_before_marks)) if folded else str
        )
        # Curly marks are straightened to match a profile's straight templates, but not
        # those a template writes itself (German „…“).
        written = "".join(self.fold(t) for t in (wire.quote, wire.quote_first, wire.quote_rest))
        self.straight = str.maketrans({k: v for k, v in _CURLY.items() if k not in written})
        self.opening = {c for c in _OPENING if c in written} or {'"'}
        before = r"^(?:(?P<before>.+?[.!?:;\"\u201d\u00bb\u201c)]) )?"
        self.forms: list[tuple[QuoteForm, re.Pattern[str], bool]] = []
        for form, core, titled in _forms(wire, self.fold):
            self.forms.append((form, re.compile(rf"{before}{core}(?: (?P<after>.+))?$"), titled))
            if form == "quote-first" and core.endswith(r"\."):
                # `"...," said Roe, pointing to ...`: the attribution's period became a comma.
                after = rf"{before}{core[:-2]}, (?P<after>.+)$"
                self.forms.append((form, re.compile(after), titled))
        self.quotes: list[Quote] = []
        self.release = Release(
            headline="-",
            date=dt.date(2000, 1, 1),
            dateline=[Place(city="X")],
            companies=[Company(id="x", name="x", about_heading="x", about=[])],
            body=[Paragraph(children=[])],
            source="x",
            **({"language": language} if language else {}),
        )

    def read(self, text: str) -> FoundQuote | None:
        plain = text.translate(self.straight)
        if not any(mark in plain for mark in self.opening):
            return None
        for form, pattern, titled in self.forms:
            match = pattern.match(plain)
            if match is None:
                continue
            found = self._reading(text, match, form, titled)
            if found is not None:
                return found
        return None

    def _reading(
        self, text: str, match: re.Match[str], form: QuoteForm, titled: bool
    ) -> FoundQuote | None:
        groups = match.groupdict()
        words = (groups["text"] or "").translate(self.straight)
        if form != "attribution-first":
            if words.endswith(","):
                words = words[:-1] + "."
            elif self.wire.quote_comma == "outside" and not words.endswith(("?", "!", "\u2026")):
                # French and German drop the closing period before the attribution.
                words += "."
            if form == "quote-first-split":
                words = words + " " + (groups["rest"] or "").translate(self.straight)
        name = groups["name"]
        speaker = self._speaker(name, groups.get("title") if titled else None, titled)
        if speaker is None:
            return None

        def original(group: str) -> str | None:
            return text[match.start(group) : match.end(group)] if groups.get(group) else None

        before, after = original("before"), original("after")
        found = FoundQuote(
            name=speaker.name,
            title=speaker.title,
            verb=groups["verb"],
            text=escape_markdown(words),
            form=form,
            before=escape_markdown(before) if before else None,
            after=escape_markdown(after) if after else None,
        )
        quote = self._model(found, speaker)
        if quote is None or self.fold(self._write(quote)) != text:
            return None
        self.quotes.append(quote)
        self.release.body.append(quote)
        return found

    def _speaker(self, name: str, title: str | None, titled: bool) -> Person | None:
        earlier = [q.speaker for q in self.quotes]
        if titled:
            return Person(name=name, title=title)
        # Untitled: a second reference by last name, or a speaker without a title.
        for person in reversed(earlier):
            if (person.last_name or last_name(person.name)) == name:
                return person
        if " " not in name:
            return None
        return Person(name=name)

    def _model(self, found: FoundQuote, speaker: Person) -> Quote | None:
        def inlines(markdown: str | None) -> list[Inline] | None:
            if not markdown:
                return []
            try:
                blocks = parse_blocks(markdown)
            except MarkupError:
                return None
            if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
                return None
            return blocks[0].children

        children, before, after = inlines(found.text), inlines(found.before), inlines(found.after)
        if children is None or before is None or after is None:
            return None
        return Quote(
            speaker=speaker,
            verb=found.verb,
            children=children,
            form=found.form,
            before=before,
            after=after,
        )

    def _write(self, quote: Quote) -> str:
        self.release.body.append(quote)
        try:
            pieces = QuoteWriter(self.release, self.wire).pieces(quote)
        finally:
            self.release.body.pop()
        return "".join(p if isinstance(p, str) else self._inline(p) for p in pieces)

    def _inline(self, node: Inline) -> str:
        if isinstance(node, Text):
            return node.text
        if isinstance(node, LineBreak):
            return "\n"
        if isinstance(node, Emphasis | Strong):
            inner = "".join(self._inline(c) for c in node.children)
            if self.wire.emphasis == "plain":
                return inner
            return f"_{inner}_" if isinstance(node, Emphasis) else f"**{inner}**"
        if isinstance(node, Link):
            inner = "".join(self._inline(c) for c in node.children)
            return f"{inner} ({node.url})" if self.wire.links == "plain" else inner
        return ""
