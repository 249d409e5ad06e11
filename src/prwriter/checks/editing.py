"""Rules a copy editor applies last: sample text and sample library entries left in,
unbalanced quotation marks and parentheses, trademarks at their first mention, spelling, and
which checks copy in another language skips.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from prwriter.checks.registry import Context, rule
from prwriter.checks.text import all_copy, block_text, body_blocks, release_names
from prwriter.library import Library
from prwriter.model import Link, ListBlock, Quote, Release

Hit = tuple[tuple[str | int, ...], str, Any]

# What `prwriter init` and `prwriter new` write for the user to replace, and the fictional
# numbers and domains that stand in for real ones.
_SAMPLE = re.compile(
    r"Replace this with|A quote from a named person with a title|"
    r"The lead paragraph\s+says who, what, when and where|More paragraphs give the details|"
    r"Announces Its First Release With prwriter|its first release written with prwriter|"
    r"publie son premier communiqué avec prwriter|premier communiqué rédigé avec prwriter|"
    r"Le paragraphe\s+d'attaque dit qui|Une citation d'une personne nommée|"
    r"D'autres paragraphes donnent les détails|"
    r"\b\d{3}[-. )]+555[-. ]01\d\d\b|\b555-01\d-?\d{2,4}\b|\(555\)|\b555-\d{3,4}\b(?!-)|"
    r"\bexample\.(?:com|org|net)\b",
)  # the scaffold's own casing: "replace this with" in real copy is left alone

# Rules that read English words; copy in other languages skips them (LN001 says so).
ENGLISH = ("en",)


def _link_targets(release: Release) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The URLs the body links to, by block (link text is copy; its target is not)."""

    def urls(children: list[Any]) -> Iterator[str]:
        for child in children:
            if isinstance(child, Link):
                yield child.url
            yield from urls(getattr(child, "children", []))

    for i, block in enumerate(release.body):
        items = block.items if isinstance(block, ListBlock) else [getattr(block, "children", [])]
        yield ("body", i), " ".join(url for item in items for url in urls(item))


def _contact_fields(release: Release) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for i, group in enumerate(release.contacts):
        for j, contact in enumerate(group.contacts):
            values = (*(p.number for p in contact.phones), *contact.emails, contact.web,
                      contact.text)  # fmt: skip
            yield ("contacts", i, "contacts", j), " ".join(v for v in values if v)


@rule(
    "ST009", "sample-text", "error",
    "Sample text from `prwriter init` or `prwriter new` left in the copy or the library: "
    "'Replace this with...', the sample lead and quote, 555 telephone numbers, example.com "
    "addresses.",
)  # fmt: skip
def sample_text(ctx: Context) -> Iterator[Hit]:
    release = ctx.release
    pieces = [*all_copy(release), *_link_targets(release), *_contact_fields(release)]
    reported: set[tuple[str | int, ...]] = set()
    for path, text in pieces:
        found = _SAMPLE.search(text)
        if found and path not in reported and not _from_shipped(ctx, path):
            reported.add(path)  # the example library is ST010's
            yield (path, f"sample text '{found.group()}' left in; write the real one", None)


def _from_shipped(ctx: Context, path: tuple[str | int, ...]) -> bool:
    part = ctx.origins.parts.get(path) if ctx.origins else None
    return part is not None and part[0].path.resolve().is_relative_to(_shipped_library())


@cache
def _shipped_library() -> Path:
    from prwriter.resources import shipped

    return shipped("boilerplates").resolve()


def _shipped_sources(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], Path]]:
    if ctx.origins is None:
        return
    for path, (source, _) in ctx.origins.parts.items():
        if path[0] in ("companies", "contacts", "legal"):
            yield path, source.path
    for index, source in ctx.origins.speakers.items():
        yield ("body", index), source.path


@rule(
    "ST010", "sample-library", "error",
    "A release of a real project (one with prwriter.toml) uses the fictional example library "
    "shipped with prwriter (Acme). Write your own entries in boilerplates/, and set "
    "`shipped_library = false`.",
)  # fmt: skip
def sample_library(ctx: Context) -> Iterator[Hit]:
    from prwriter.settings import settings_file

    root = ctx.project.root if ctx.project else None
    if root is None or settings_file(root) is None:
        return  # trying prwriter out: the example library is there for that
    shipped_root = _shipped_library()
    reported: set[Path] = set()
    for path, source in _shipped_sources(ctx):
        if source.resolve().is_relative_to(shipped_root) and source not in reported:
            reported.add(source)
            kind = source.parent.name
            # Point at the release's reference, not into the shipped file.
            where = path[:1] if path[0] == "legal" else path[:2]
            yield (where, f"'{source.stem}' comes from prwriter's fictional example {kind}; "
                   f"write your own in boilerplates/{kind}/ and set `shipped_library = false` "
                   "in prwriter.toml", None)  # fmt: skip


# --- quotation marks and parentheses ------------------------------------------------------

_PARENS = re.compile(r"[()]")
_DOUBLED = re.compile(r'""|\u201c\s*\u201c|\u201d\s*\u201d|\(\s*\)|\(\(|\)\)')


def _marks_problem(text: str, continues: bool) -> str | None:
    """What is wrong with the quotation marks and parentheses of one block, if anything.
    `continues`: the next block opens with a quotation mark, so this one may leave its
    quote open (AP's quote running over paragraphs)."""
    doubled = _DOUBLED.search(text)
    if doubled:
        return f"doubled marks '{doubled.group()}'"
    depth = 0
    for paren in _PARENS.findall(text):
        depth += 1 if paren == "(" else -1
        if depth < 0:
            return "a ')' closes no '('"
    if depth > 0:
        return "a '(' is never closed"
    opened = text.count("\u201c") - text.count("\u201d")
    straight = text.count('"') % 2
    if opened < 0:
        return "a closing quotation mark opens no quote"
    if (opened > 0 or straight) and not continues:
        return "a quotation mark is never closed"
    return None


def _opens_quote(text: str) -> bool:
    return text.lstrip().startswith(('"', "\u201c"))


@rule(
    "PR009", "balanced-marks", "warning",
    "Quotation marks and parentheses come in pairs, neither doubled nor left open (a quote "
    "may run on into a paragraph that opens with a quotation mark, as AP writes it).",
)  # fmt: skip
def balanced_marks(ctx: Context) -> Iterator[Hit]:
    release = ctx.release
    pieces: list[tuple[tuple[str | int, ...], str, bool]] = [
        (("headline",), release.headline, False),
        *((("subheadlines", i), s, False) for i, s in enumerate(release.subheadlines)),
    ]
    body = [block_text(b) for b in release.body]
    for i, text in enumerate(body):
        # A quote block's text is the quotation itself: its own marks are nested quotes.
        following = body[i + 1] if i + 1 < len(body) else ""
        continues = _opens_quote(following) and not isinstance(release.body[i], Quote)
        pieces.append((("body", i), text, continues))
    for path, text, continues in pieces:
        problem = _marks_problem(text, continues)
        if problem:
            yield path, f"{problem}; pair them", None


# --- trademarks ---------------------------------------------------------------------------

_MARKED = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})\s?(?:\u00ae|\u2122|\(R\)|\(TM\))")


def declared_marks(release: Release) -> list[str]:
    """The names the release's trademark legends mark with ® or ™."""
    marks: list[str] = []
    for legal in release.legal:
        if legal.kind == "trademark":
            text = " ".join(block_text(b) for b in legal.body)
            marks += [m.group(1) for m in _MARKED.finditer(text)]
    return list(dict.fromkeys(marks))


@rule(
    "LG001", "trademark-first-use", "warning",
    "A name the release's trademark legend marks (Kadcyla®) carries its mark at its first "
    "mention in the body.",
)  # fmt: skip
def trademark_first_use(ctx: Context) -> Iterator[Hit]:
    from prwriter.style.names import without_legal_suffix

    # A company's own name is its trade name in the body ("Acme, Inc. today..."), not a brand.
    trade_names = {n for c in ctx.release.companies
                   for n in (c.name, c.short_name, without_legal_suffix(c.name)) if n}  # fmt: skip
    for mark in declared_marks(ctx.release):
        if mark in trade_names:
            continue
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(mark)}(?![\w-])(\s?(?:\u00ae|\u2122|\(R\)|\(TM\)))?"
        )
        for path, text in body_blocks(ctx.release, quotes=True):
            found = pattern.search(text)
            if found:
                if not found.group(1):
                    yield (path, f"'{mark}' first appears without its mark; write '{mark}®' "
                           "(or ™) as the legend declares it", None)  # fmt: skip
                break


# --- spelling -----------------------------------------------------------------------------


def _accepted_words(ctx: Context) -> frozenset[str]:
    """Lower-case words the spelling rule takes as written: the release's and its library's
    names, its trademarks, the project's word list."""
    names = [*release_names(ctx.release), *declared_marks(ctx.release), *ctx.words]
    names += library_names(ctx)
    return frozenset(w.lower() for name in names for w in re.findall(r"[^\W\d_]+", name))


def library_names(ctx: Context) -> list[str]:
    """Company, short and people names of every library entry the release can see."""
    if ctx.release.path is None or ctx.project is None:
        return []
    library = ctx.project.library(ctx.release.path.parent)
    # Read once per library: the releases of a batch share it, and a changed project gets
    # a new Project, hence a new Library (the entry goes with the old one).
    if library not in _NAMES:
        _NAMES[library] = _names_in(library)
    return _NAMES[library]


_NAMES: weakref.WeakKeyDictionary[Library, list[str]] = weakref.WeakKeyDictionary()


def _names_in(library: Library) -> list[str]:
    from prwriter.errors import InputError

    names: list[str] = []
    for kind in ("companies", "people"):
        for entry_id in library.ids(kind):
            try:
                entry = library.get(kind, entry_id)
            except InputError:
                continue  # the loader reports broken files
            data = entry.data if entry else None
            names += [str(v) for k in ("name", "short_name") if (v := getattr(data, k, None))]
    return names


@rule(
    "PR010", "spelling", "warning",
    "Spelling of the headline, body and About texts against the copy's dictionary "
    "(pyspellchecker: English, French, German, Spanish), the names in the release and its "
    "library, and the project's "
    "`check.words`; each unknown word once, with a suggestion. Words with capitals are names "
    "and are left alone. Run by `check` only: the dictionary takes a moment to load.",
    slow=True,
    languages=("en", "fr", "de", "es"),
)  # fmt: skip
def spelling(ctx: Context) -> Iterator[Hit]:
    from prwriter.checks import spelling as speller
    from prwriter.style.languages import primary

    language = primary(ctx.release.language)
    accepted = _accepted_words(ctx)
    reported: set[str] = set()
    release = ctx.release
    pieces: list[tuple[tuple[str | int, ...], str]] = [(("headline",), release.headline)]
    pieces += [(("subheadlines", i), s) for i, s in enumerate(release.subheadlines)]
    pieces += list(body_blocks(release, quotes=True))
    pieces += [(("companies", i, "about"), " ".join(block_text(b) for b in c.about))
               for i, c in enumerate(release.companies)]  # fmt: skip
    for path, text in pieces:
        for word in speller.unknown(speller.candidates(text, language), accepted, language):
            if word.lower() in reported:
                continue
            reported.add(word.lower())
            better = speller.suggestion(word, language)
            hint = f"did you mean '{better}'?" if better else "check it"
            yield (path, f"'{word}' is not in the dictionary; {hint} (add names and terms to "
                   "`check.words` in prwriter.toml)", None)  # fmt: skip


@rule(
    "LN001", "language-checks-skipped", "info",
    "Copy in a language the English-only checks cannot read (spelling, readability, AP "
    "dates and times, hype, direct address, sentence length, safe harbor...) skips them; "
    "this says which.",
)  # fmt: skip
def language_checks_skipped(ctx: Context) -> Iterator[Hit]:
    from prwriter.checks.registry import RULES

    language = ctx.release.language
    skipped = sorted(r.id for r in RULES.values() if not r.reads(language))
    if skipped:
        yield (("language",), f"copy in {language}: checks that read English only were "
               f"skipped: {', '.join(skipped)}", None)  # fmt: skip
