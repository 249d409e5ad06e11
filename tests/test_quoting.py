"""Quote forms: AP punctuation, the first-sentence split, second reference, typographic marks."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from prwriter.model import Emphasis, Paragraph, Person, Place, Quote, Release, Text
from prwriter.quoting import (
    LDQUO,
    LSQUO,
    RDQUO,
    RSQUO,
    QuoteWriter,
    last_name,
    quote_text_problem,
    split_first_sentence,
    typographic,
)

PROFILE = SimpleNamespace(
    quote='{name}, {title}, {verb}, "{text}"',
    quote_untitled='{name} {verb}, "{text}"',
    quote_first='"{text}" {verb} {name}, {title}.',
    quote_first_untitled='"{text}" {name} {verb}.',
    quote_form="attribution-first",
    quote_marks="straight",
    second_reference="last-name",
)
ROE = Person(name="Jane Roe", title="chief executive officer of Acme")


def quote(text: str, **fields) -> Quote:
    return Quote(speaker=fields.pop("speaker", ROE), verb="said", children=[Text(text=text)],
                 **fields)  # fmt: skip


def release(*quotes: Quote) -> Release:
    return Release(
        headline="H",
        date="2025-01-02",
        dateline=[Place(city="BOSTON")],
        companies=[{"id": "a", "name": "A", "about_heading": "About A", "about": []}],
        body=[Paragraph(children=[Text(text="Lead.")]), *quotes],
        source="A",
    )


def written(q: Quote, rel: Release | None = None, **settings) -> str:
    profile = SimpleNamespace(**{**vars(PROFILE), **settings})
    pieces = QuoteWriter(rel or release(q), profile).pieces(q)
    return "".join(p if isinstance(p, str) else p.text for p in pieces)  # type: ignore[union-attr]


def test_attribution_first_keeps_the_closing_period() -> None:
    assert written(quote("We are ready.")) == (
        'Jane Roe, chief executive officer of Acme, said, "We are ready."'
    )


def test_quote_first_turns_the_closing_period_into_a_comma() -> None:
    assert written(quote("We are ready."), quote_form="quote-first") == (
        '"We are ready," said Jane Roe, chief executive officer of Acme.'
    )


@pytest.mark.parametrize("mark", ["?", "!"])
def test_quote_first_keeps_a_question_or_exclamation(mark: str) -> None:
    assert written(quote(f"Why wait{mark}"), quote_form="quote-first").startswith(
        f'"Why wait{mark}" said'
    )


def test_split_after_the_first_sentence() -> None:
    q = quote("We see a new market. Our plants are ready.", form="quote-first-split")
    assert written(q) == (
        '"We see a new market," said Jane Roe, chief executive officer of Acme. '
        '"Our plants are ready."'
    )


def test_a_one_sentence_quote_is_not_split() -> None:
    q = quote("We see a new market.", form="quote-first-split")
    assert written(q) == '"We see a new market," said Jane Roe, chief executive officer of Acme.'


@pytest.mark.parametrize(
    "text",
    ["Acme Inc. and Dr. Hale agree. Next.", "The U.S. market grew. Next.", "J. Roe agrees. Next."],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    first, rest = split_first_sentence([Text(text=text)])
    assert [t.text for t in rest] == ["Next."]  # type: ignore[union-attr]
    assert first[-1].text.endswith("agree.") or first[-1].text.endswith(("grew.", "agrees."))  # type: ignore[union-attr]


def test_emphasis_at_the_end_takes_the_comma_outside() -> None:
    children = [Text(text="We are "), Emphasis(children=[Text(text="ready.")])]
    q = Quote(speaker=ROE, verb="said", form="quote-first", children=children)
    pieces = QuoteWriter(release(q), PROFILE).pieces(q)
    assert pieces[2] == Emphasis(children=[Text(text="ready")])
    assert pieces[3:] == [Text(text=","), '" said Jane Roe, chief executive officer of Acme.']


def test_second_reference_is_last_name_without_title() -> None:
    first, second = quote("One."), quote("Two.")
    rel = release(first, second)
    assert written(second, rel) == 'Roe said, "Two."'
    assert written(second, rel, quote_form="quote-first") == '"Two," Roe said.'
    assert written(first, rel).startswith("Jane Roe, chief executive")
    assert written(second, rel, second_reference="full").startswith("Jane Roe, chief")


def test_narrative_before_and_after() -> None:
    q = quote("We are ready.", form="quote-first",
              before=[Text(text="Inside, the line runs.")],
              after=[Text(text="explaining the plan.")])  # fmt: skip
    assert written(q) == (
        'Inside, the line runs. "We are ready," said Jane Roe, chief executive officer of Acme, '
        "explaining the plan."
    )


def test_typographic_marks_and_apostrophes() -> None:
    q = quote("Acme's plan works.", form="attribution-first")
    assert written(q, quote_marks="typographic") == (
        f"Jane Roe, chief executive officer of Acme, said, {LDQUO}Acme{RSQUO}s plan works.{RDQUO}"
    )
    curled = Text(text=f"a {LSQUO}b{RSQUO} c")
    assert typographic(['"', Text(text="a 'b' c"), '"']) == [LDQUO, curled, RDQUO]


@pytest.mark.parametrize("name,last", [("Jane Q. Roe", "Roe"), ("Tomas Berg Jr.", "Berg"),
                                       ("Ann Lee, Ph.D.", "Lee"), ("Cher", "Cher")])  # fmt: skip
def test_last_name(name: str, last: str) -> None:
    assert last_name(name) == last


@pytest.mark.parametrize("text", ['"We are ready."', f"{LDQUO}We are ready", f"Ready.{RDQUO}"])
def test_text_with_its_own_marks_is_refused(text: str) -> None:
    assert quote_text_problem(text)


def test_inner_quotes_are_allowed() -> None:
    assert quote_text_problem('We call it "the hub." It works.') is None


def test_narrative_keeps_its_own_apostrophes_in_typographic_copy() -> None:
    q = quote("Acme's plan works.", form="quote-first",
              before=[Text(text="Acme's plant opened.")])  # fmt: skip
    assert written(q, quote_marks="typographic").startswith(
        f"Acme's plant opened. {LDQUO}Acme{RSQUO}s plan works,{RDQUO} said"
    )
