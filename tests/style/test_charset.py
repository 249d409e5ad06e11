"""ASCII folding (wire-format.md section 14) and hard wrapping."""

from __future__ import annotations

import pytest

from prwriter.style.charset import ASCII_TABLE, to_ascii, wrap_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cQuoted\u201d and \u2018single\u2019", "\"Quoted\" and 'single'"),
        ("a\u2014b\u2013c", "a--b-c"),
        ("wait\u2026", "wait..."),
        ("Kadcyla\u00ae Roadrunner\u2122 \u00a9 2014 Acme\u2120",
         "Kadcyla(R) Roadrunner(TM) (C) 2014 Acme(SM)"),
        ("S\u00e3o Paulo, Z\u00fcrich, Bogot\u00e1", "Sao Paulo, Zurich, Bogota"),
        ("Stra\u00dfe \u00c6gir", "Strasse AEgir"),
        ("1\u00a0000 \u20ac", "1 000 EUR "),
        ("rocket \U0001f680", "rocket ?"),
        ("\u05e9\u05dc\u05d5\u05dd", "????"),
    ],
)  # fmt: skip
def test_to_ascii(text: str, expected: str) -> None:
    assert to_ascii(text) == expected


def test_every_table_entry_folds_to_ascii() -> None:
    for character, written in ASCII_TABLE.items():
        assert to_ascii(character) == written
        assert written.isascii()


def test_ascii_text_is_unchanged() -> None:
    text = "WALTHAM, Mass.--(BUSINESS WIRE)-- plain ASCII stays as it is.\n"
    assert to_ascii(text) == text


def test_wrap_keeps_short_lines_and_indents_list_items() -> None:
    text = "short\n- " + "word " * 20 + "\n1. " + "item " * 20
    wrapped = wrap_lines(text.strip(), 40)
    lines = wrapped.splitlines()
    assert lines[0] == "short"
    assert all(len(line) <= 40 for line in lines)
    assert lines[2].startswith("  word")
    assert any(line.startswith("   item") for line in lines)


def test_wrap_breaks_words_longer_than_a_line() -> None:
    url = "https://example.com/" + "a" * 100
    assert all(len(line) <= 80 for line in wrap_lines(url, 80).splitlines())
