"""Spelling for the checks: pyspellchecker's word-frequency dictionaries (English, French,
German, Spanish), which ship inside the package and need no network.

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
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019][A-Za-z\u00c0-\u024f]+)*")


# Words French writes elided before a vowel: l'usine, qu'elle, jusqu'ici.
_ELIDED = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})

# Languages whose dictionary prwriter uses (primary subtags).
LANGUAGES = ("en", "fr", "de", "es")


@cache
def dictionary(language: str = "en") -> SpellChecker:
    """The language's dictionary, loaded on first use."""
    from spellchecker import SpellChecker

    # distance=1 keeps suggestions quick; most typos are one edit away.
    return SpellChecker(language=language, distance=1)


def candidates(text: str, language: str = "en") -> Iterator[str]:
    """Words worth looking up: not names in capitals, not acronyms, not bits of URLs,
    emails or numbers."""
    text = re.sub(r"\S*(?:@|://|www\.|\.com|\.org|\.net)\S*", " ", text)
    text = _PREFIX.sub("", text)  # "pre-clinical" is spelled as "clinical" is
    for found in _WORD.finditer(text):
        word = found.group().replace("\u2019", "'")
        if len(word) < 3 or word[0].isupper() or any(c.isupper() for c in word[1:]):
            continue  # names, sentence starts, acronyms, camel case: the name lists judge
        if language != "en":
            # French elision: l'usine and qu'elle are spelled as usine and elle are;
            # aujourd'hui is one word. The dictionaries write the ligature out (oeuvre).
            head, _, rest = word.partition("'")
            word = rest if rest and head.lower() in _ELIDED else word
            word = word.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae")
            if len(word) >= 3:
                yield word
            continue
        if word.endswith("'s"):
            word = word[:-2]
        yield word


def unknown(words: Iterable[str], accepted: frozenset[str], language: str = "en") -> list[str]:
    """The words of `words` that neither the dictionary nor `accepted` (lower case) knows,
    each once, in order."""
    known = dictionary(language).word_frequency.dictionary  # a plain dict: lookups cost nothing
    found: dict[str, None] = {}
    for word in words:
        lower = word.lower()
        if lower not in accepted and lower not in known:
            found.setdefault(word, None)
    return list(found)


def suggestion(word: str, language: str = "en") -> str | None:
    """The dictionary's most likely correction, if it has one."""
    best = dictionary(language).correction(word.lower())
    return best if best and best != word.lower() else None
