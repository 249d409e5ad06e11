"""A quote as a wire profile writes it: attribution first or quote first, split after its
first sentence, AP punctuation, AP second reference and straight or typographic marks.

Shared by the text writer and the print layout (HTML, PDF, DOCX). The result is a list of
pieces: a `str` is words the profile or the facts put there (name, title, verb, marks),
an `Inline` is the speaker's own copy; each writer renders and escapes both its own way.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

from prwriter.kinds import QUOTE_FORMS, QuoteForm
from prwriter.model import Emphasis, Inline, Link, Quote, Release, Strong, Text
from prwriter.style.quotes import (
    LDQUO,
    LSQUO,
    RDQUO,
    RSQUO,
    last_name,
    quote_text_problem,
)

Piece = str | Inline


# Words before a period that do not end a sentence (titles, company suffixes, initials).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_SENTENCE_END = re.compile(rf"([.?!])([\"'{RDQUO}{RSQUO})]?)(\s+)(?=[\"'{LDQUO}{LSQUO}(]?[A-Z0-9])")


class QuoteWriter:
    """How one profile writes quotes; `settings` is the wire profile (duck-typed to keep
    this module free of the profile loader)."""

    def __init__(self, release: Release, settings: object) -> None:
        self.release = release
        self.settings = settings

    def pieces(self, quote: Quote) -> list[Piece]:
        form: str = quote.form or self._get("quote_form")
        speaker = quote.speaker
        later = self._quoted_before(quote) and self._get("second_reference") == "last-name"
        name = (speaker.last_name or last_name(speaker.name)) if later else speaker.name
        title = None if later else speaker.title
        children = list(quote.children)
        rest: list[Inline] = []
        if form == "attribution-first":
            template = self._get("quote") if title else self._get("quote_untitled")
            first = children
        else:
            template = self._get("quote_first") if title else self._get("quote_first_untitled")
            first = children
            if form == "quote-first-split":
                first, rest = split_first_sentence(children)
            if getattr(self.settings, "quote_comma", "inside") == "outside":
                # French and German: « … », a déclaré X. The template holds the comma.
                first = _drop_closing_period(first)
            else:
                first = _comma_before_attribution(first)
        values: dict[str, list[Piece]] = {
            "name": [name],
            "title": [title or ""],
            "verb": [quote.verb],
            "text": list(first),
        }
        pieces = _fill(template, values)
        if quote.after:
            pieces = _append_after(pieces, list(quote.after), form)
        if rest:
            rest_template = str(getattr(self.settings, "quote_rest", '"{text}"'))
            pieces = [*pieces, " ", *_fill(rest_template, {"text": list(rest)})]
        if quote.before:
            pieces = [*quote.before, " ", *pieces]
        if self._get("quote_marks") == "typographic":
            # The narrative around a quote is the release's own copy: it stays as written.
            pieces = typographic(pieces, keep=[*quote.before, *quote.after])
        return _merge(pieces)

    def _get(self, field: str) -> str:
        return str(getattr(self.settings, field))

    def _quoted_before(self, quote: Quote) -> bool:
        for block in self.release.body:
            if block is quote:
                return False
            if isinstance(block, Quote) and block.speaker.name == quote.speaker.name:
                return True
        return False


def _fill(template: str, values: dict[str, list[Piece]]) -> list[Piece]:
    pieces: list[Piece] = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if literal:
            pieces.append(literal)
        if field is not None:
            pieces.extend(values[field])
    return pieces


def _append_after(pieces: list[Piece], after: list[Piece], form: str) -> list[Piece]:
    """Trailing narrative: after the closing quote, or inside the attribution's sentence
    (`..., said Roe, explaining that ...`) when the quote comes first."""
    if form != "attribution-first" and pieces and isinstance(pieces[-1], str):
        last = pieces[-1]
        if last.endswith("."):
            return [*pieces[:-1], last[:-1] + ", ", *after]
    return [*pieces, " ", *after]


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return merged


# --- the speaker's words --------------------------------------------------------------------


def split_first_sentence(children: list[Inline]) -> tuple[list[Inline], list[Inline]]:
    """The quote's first sentence and the rest; `(children, [])` when there is one sentence.

    Only plain text at the top level is split: a sentence never ends inside emphasis or a
    link. Abbreviations (Inc., Dr., U.S.) and initials do not end a sentence.
    """
    for i, child in enumerate(children):
        if not isinstance(child, Text):
            continue
        for match in _SENTENCE_END.finditer(child.text):
            head = child.text[: match.start(1)]
            word = head.split()[-1].lower() if head.split() else ""
            if match.group(1) == "." and (word in _ABBREVIATIONS or len(word) == 1):
                continue
            cut = match.end(2)
            before = child.text[:cut]
            after = child.text[match.end(3) :]
            first = [*children[:i], Text(text=before)]
            rest = [*([Text(text=after)] if after else []), *children[i + 1 :]]
            if rest:
                return first, rest
    return children, []


def _comma_before_attribution(children: list[Inline]) -> list[Inline]:
    """AP: a quote before its attribution ends in a comma, unless it asks or exclaims."""
    changed = _end_with_comma(children)
    return changed if changed is not None else [*children, Text(text=",")]


def _drop_closing_period(children: list[Inline]) -> list[Inline]:
    """The text's final period goes where the quote comes first; ? ! and … stay."""
    if children and isinstance(children[-1], Text) and children[-1].text.rstrip().endswith("."):
        body = children[-1].text.rstrip()
        if not body.endswith(".."):
            return [*children[:-1], Text(text=body[:-1])]
    return children


def _end_with_comma(children: list[Inline]) -> list[Inline] | None:
    if not children:
        return None
    last = children[-1]
    if isinstance(last, Text):
        body = last.text.rstrip()
        if body.endswith(("?", "!", ",", "?'", "!'", "?" + RSQUO, "!" + RSQUO, "\u2014", "\u2026")):
            return children
        if body.endswith("."):
            return [*children[:-1], Text(text=body[:-1] + ",")]
        return [*children[:-1], Text(text=body + ",")]
    if isinstance(last, Emphasis | Strong | Link):
        inner = _end_with_comma(list(last.children))
        if inner is None:
            return None
        # A closing period inside emphasis moves out as the comma: *ready.* -> *ready*,
        ends_in_mark = _last_text(inner).endswith(("?", "!"))
        if not ends_in_mark and _last_text(inner).endswith(","):
            inner = _strip_last(inner)
            return [*children[:-1], last.model_copy(update={"children": inner}), Text(text=",")]
        return [*children[:-1], last.model_copy(update={"children": inner})]
    return None


def _last_text(children: list[Inline]) -> str:
    last = children[-1] if children else None
    if isinstance(last, Text):
        return last.text
    if isinstance(last, Emphasis | Strong | Link):
        return _last_text(list(last.children))
    return ""


def _strip_last(children: list[Inline]) -> list[Inline]:
    last = children[-1]
    if isinstance(last, Text):
        return [*children[:-1], Text(text=last.text[:-1])]
    assert isinstance(last, Emphasis | Strong | Link)
    return [*children[:-1], last.model_copy(update={"children": _strip_last(list(last.children))})]


# --- typographic marks ----------------------------------------------------------------------


def typographic(pieces: list[Piece], keep: Sequence[Inline] = ()) -> list[Piece]:
    """Curly double and single quotes (and apostrophes) for the profile's marks and in the
    speaker's words; a mark after a space or an opening bracket opens, any other closes.
    Pieces in `keep` are left as written."""
    kept = {id(node) for node in keep}
    state: dict[str, str] = {"prev": " "}
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(_curl(piece, state))
        elif id(piece) in kept:
            out.append(piece)
            state["prev"] = (_last_text([piece]) or state["prev"])[-1:]
        else:
            out.append(_curl_inline(piece, state))
    return out


def _curl_inline(node: Inline, state: dict[str, str]) -> Inline:
    if isinstance(node, Text):
        return Text(text=_curl(node.text, state))
    if isinstance(node, Emphasis | Strong | Link):
        return node.model_copy(update={"children": [_curl_inline(c, state) for c in node.children]})
    return node


def _curl(text: str, state: dict[str, str]) -> str:
    out = []
    for ch in text:
        prev = state["prev"]
        opening = prev.isspace() or prev in "([\u2014" + LDQUO + LSQUO
        if ch == '"':
            out.append(LDQUO if opening else RDQUO)
        elif ch == "'":
            out.append(LSQUO if opening else RSQUO)
        else:
            out.append(ch)
        state["prev"] = out[-1] if out else prev
    return "".join(out)


__all__ = [
    "QUOTE_FORMS",
    "Piece",
    "QuoteForm",
    "QuoteWriter",
    "last_name",
    "quote_text_problem",
    "split_first_sentence",
    "typographic",
]
