"""English spelling for the checks: pyspellchecker's word-frequency dictionary, which ships
inside the package and needs no network.

The dictionary takes a moment to load, so it is loaded once per process and only when a
rule asks for it (`generate` never does: the spelling rule is one of the slow rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

# Words as a speller sees them: letters with inner apostrophes and hyphens.
_PREFIX = re.compile(
    r"\b(?:pre|non|co|re|multi|anti|post|sub|inter|semi|mid|self|cross|un|over|under|bi|tri|"
    r"e|ex|mega|micro|macro|mini|neo|pro|quasi|ultra)-",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*")


@cache
def dictionary() -> SpellChecker:
    """The English dictionary, loaded on first use."""
    from spellchecker import SpellChecker

    # distance=1 keeps suggestions quick; most typos are one edit away.
    return SpellChecker(language="en", distance=1)


def candidates(text: str) -> Iterator[str]:
    """Words worth looking up: not names in capitals, not acronyms, not bits of URLs,
    emails or numbers."""
    text = re.sub(r"\S*(?:@|://|www\.|\.com|\.org|\.net)\S*", " ", text)
    text = _PREFIX.sub("", text)  # "pre-clinical" is spelled as "clinical" is
    for found in _WORD.finditer(text):
        word = found.group().replace("\u2019", "'")
        if len(word) < 3 or word[0].isupper() or any(c.isupper() for c in word[1:]):
            continue  # names, sentence starts, acronyms, camel case: the name lists judge
        if word.endswith("'s"):
            word = word[:-2]
        yield word


def unknown(words: Iterable[str], accepted: frozenset[str]) -> list[str]:
    """The words of `words` that neither the dictionary nor `accepted` (lower case) knows,
    each once, in order."""
    known = dictionary().word_frequency.dictionary  # a plain dict: lookups cost nothing
    found: dict[str, None] = {}
    for word in words:
        lower = word.lower()
        if lower not in accepted and lower not in known:
            found.setdefault(word, None)
    return list(found)


def suggestion(word: str) -> str | None:
    """The dictionary's most likely correction, if it has one."""
    best = dictionary().correction(word.lower())
    return best if best and best != word.lower() else None
