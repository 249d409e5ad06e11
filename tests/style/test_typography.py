"""French spacing before : ; ! ? and inside guillemets."""

from __future__ import annotations

import pytest

from prwriter.style.typography import NBSP, NNBSP, space_before_marks, space_for


@pytest.mark.parametrize(
    ("typed", "nbsp", "narrow"),
    [
        ("Renseignements :", f"Renseignements{NBSP}:", f"Renseignements{NBSP}:"),
        ("Faits saillants:", f"Faits saillants{NBSP}:", f"Faits saillants{NBSP}:"),
        ("Canada !", f"Canada{NBSP}!", f"Canada{NNBSP}!"),
        ("Pourquoi?", f"Pourquoi{NBSP}?", f"Pourquoi{NNBSP}?"),
        ("mars; avril", f"mars{NBSP}; avril", f"mars{NNBSP}; avril"),
        ("« Bonjour »", f"«{NBSP}Bonjour{NBSP}»", f"«{NBSP}Bonjour{NBSP}»"),
        ("«Salut»", f"«{NBSP}Salut{NBSP}»", f"«{NBSP}Salut{NBSP}»"),
    ],
)
def test_spaces_that_never_break(typed: str, nbsp: str, narrow: str) -> None:
    assert space_before_marks(typed, "nbsp") == nbsp
    assert space_before_marks(typed, "narrow") == narrow


@pytest.mark.parametrize(
    "text", ["https://x.example/a?b=1", "à 11:30 h", "mailto:a@b.example", "x!y"]
)
def test_marks_inside_words_urls_and_times_stay(text: str) -> None:
    assert space_before_marks(text, "nbsp") == text


def test_none_leaves_the_copy_as_typed() -> None:
    assert space_before_marks("Renseignements: « x »", "none") == "Renseignements: « x »"


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        (f"Renseignements{NBSP}:", "Renseignements :"),
        ("Faits saillants:", "Faits saillants :"),
        (f"Canada{NNBSP}!", "Canada !"),
        ("«Salut»", "« Salut »"),
        (f"«{NBSP}Bonjour{NBSP}», a-t-il dit", "« Bonjour », a-t-il dit"),
        ("https://x.example/a?b=1 à 11:30 h", "https://x.example/a?b=1 à 11:30 h"),
    ],
)
def test_plain_puts_an_ordinary_space_where_the_others_put_theirs(typed: str, plain: str) -> None:
    assert space_before_marks(typed, "plain") == plain


def test_the_space_each_mode_writes_before_each_mark() -> None:
    assert [space_for(":", m) for m in ("none", "plain", "nbsp", "narrow")] == ["", " ", NBSP, NBSP]
    assert [space_for("!", m) for m in ("none", "plain", "nbsp", "narrow")] == [
        "",
        " ",
        NBSP,
        NNBSP,
    ]
