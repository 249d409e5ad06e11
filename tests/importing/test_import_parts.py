"""The parts of wire copy read back one at a time: places, dates and embargo times, quotes
in each form, contacts."""

from __future__ import annotations

import datetime as dt

import pytest

from prwriter import Project
from prwriter.importing.contacts import ContactReader
from prwriter.importing.patterns import escape_markdown, read_date, read_moment
from prwriter.importing.places import read_places
from prwriter.importing.quotes import QuoteReader
from prwriter.markup import parse_blocks

PROFILES = Project()


@pytest.mark.parametrize(
    ("wire", "written", "places"),
    [
        ("businesswire", "WALTHAM, Mass.", [{"city": "Waltham", "state": "Massachusetts"}]),
        ("businesswire", "BOSTON", [{"city": "Boston"}]),
        ("businesswire", "ST. LOUIS", [{"city": "St. Louis"}]),
        ("cnw", "VANCOUVER, BC", [{"city": "Vancouver", "province": "British Columbia"}]),
        ("globenewswire", "HALIFAX, Nova Scotia", [{"city": "Halifax", "province": "Nova Scotia"}]),
        ("businesswire", "TEL AVIV, Israel", [{"city": "Tel Aviv", "country": "Israel"}]),
        ("businesswire", "TOKYO", [{"city": "Tokyo"}]),
        ("accesswire", "NEW YORK, NY", [{"city": "New York", "state": "New York"}]),
        (
            "newsfile",
            "Vancouver, British Columbia",
            [{"city": "Vancouver", "province": "British Columbia"}],
        ),
        (
            "businesswire",
            "HAMBURG, Germany & VANCOUVER, British Columbia",
            [
                {"city": "Hamburg", "country": "Germany"},
                {"city": "Vancouver", "province": "British Columbia"},
            ],
        ),
    ],
)
def test_dateline_places(wire: str, written: str, places: list[dict[str, str]]) -> None:
    assert read_places(written, PROFILES.wire(wire)) == places


def test_a_place_that_does_not_write_back_is_not_read() -> None:
    # "Wis., Sept. 26, 2009" is a state and a date, not a country.
    assert read_places("MADISON, Wis., Sept. 26, 2009", PROFILES.wire("businesswire")) is None


@pytest.mark.parametrize(
    ("written", "style", "date"),
    [
        ("Nov. 13, 2014", "ap", dt.date(2014, 11, 13)),
        ("March 10, 2026", "ap", dt.date(2026, 3, 10)),
        ("November 13, 2014", "full", dt.date(2014, 11, 13)),
        ("May 03, 2022", "ap-padded", dt.date(2022, 5, 3)),
        ("Sep 26, 2024", "short", dt.date(2024, 9, 26)),
    ],
)
def test_dates_in_each_style(written: str, style: str, date: dt.date) -> None:
    assert read_date(written, style) == date


def test_a_date_in_another_style_is_not_read() -> None:
    assert read_date("November 13, 2014", "ap") is None
    assert read_date("Feb. 30, 2014", "ap") is None


def test_embargo_moment_with_its_zone() -> None:
    assert read_moment("8 a.m. PT, March 10, 2026", "ap") == (
        dt.datetime(2026, 3, 10, 8, 0),
        "America/Los_Angeles",
    )
    assert read_moment("3:30 p.m. ET, Nov. 13, 2014", "ap") == (
        dt.datetime(2014, 11, 13, 15, 30),
        "America/New_York",
    )
    assert read_moment("sometime soon", "ap") is None


@pytest.mark.parametrize(
    "text",
    [
        "A *starred* word, an_underscore, [brackets] and <angles>",
        "# not a heading",
        "- not a list",
        "1. not a numbered list",
        "AT&amp; stays as typed",
        "two\nlines",
    ],
)
def test_escaped_copy_reads_back_as_the_same_characters(text: str) -> None:
    [paragraph] = parse_blocks(escape_markdown(text))
    rendered = "".join(getattr(c, "text", "\n") for c in paragraph.children)  # type: ignore[union-attr]
    assert rendered == text


def test_quotes_in_every_form() -> None:
    reader = QuoteReader(PROFILES.wire("prnewswire"))
    first = reader.read(
        'Jane Roe, chief executive officer of Acme, commented, "We build tools. They last."'
    )
    assert first is not None
    assert (first.name, first.title, first.verb, first.form) == (
        "Jane Roe",
        "chief executive officer of Acme",
        "commented",
        "attribution-first",
    )
    split = reader.read('"We ship today," Roe said. "Orders open at noon."')
    assert split is not None
    assert (split.name, split.form, split.text) == (
        "Jane Roe",
        "quote-first-split",
        "We ship today. Orders open at noon.",
    )
    later = reader.read('The plant opened in May. "It is full," Roe added, smiling.')
    assert later is not None
    assert (later.before, later.verb, later.after, later.form) == (
        "The plant opened in May.",
        "added",
        "smiling.",
        "quote-first",
    )
    titled = reader.read('"We are ready," said John Doe, plant manager.')
    assert titled is not None and (titled.name, titled.title) == ("John Doe", "plant manager")


def test_narrative_that_only_looks_like_a_quote_stays_a_paragraph() -> None:
    reader = QuoteReader(PROFILES.wire("prnewswire"))
    assert reader.read('The survey asked "how happy are you" of 500 workers.') is None
    # A second reference to a speaker never quoted before is not a quote prwriter writes.
    assert reader.read('"We are ready," Roe said.') is None


def test_contact_lines_become_fields_or_stay_text() -> None:
    reader = ContactReader(PROFILES.wire("businesswire"))
    assert reader.contact(["Acme, Inc.", "Jane Roe, 555-010-0100", "press@acme.example"]) == {
        "organization": "Acme, Inc.",
        "name": "Jane Roe",
        "phone": "555-010-0100",
        "email": "press@acme.example",
    }
    assert reader.contact(["Jane Roe, Office: 555-010-0100, Cell: 555-010-0101"]) == {
        "name": "Jane Roe",
        "phones": [
            {"label": "Office", "number": "555-010-0100"},
            {"label": "Cell", "number": "555-010-0101"},
        ],
    }
    odd = ["Call the newsroom any weekday", "ask for the desk"]
    assert reader.contact(odd) == {"text": "Call the newsroom any weekday\nask for the desk"}


def test_several_listings_and_share_classes(tmp_path) -> None:
    from prwriter import import_releases
    from prwriter.yaml_source import read_yaml

    source = tmp_path / "classes.txt"
    source.write_text(
        "Rowan Cable Lists a Second Share Class\n\n"
        "TORONTO, May 4, 2026 /CNW/ - Rowan Cable Inc. (TSX: RWC.A and RWC.B) (NYSE: RWC) "
        "today listed its class B shares in New York.\n\n"
        "SOURCE Rowan Cable Inc.\n",
        encoding="utf-8",
    )
    result = import_releases([source], tmp_path / "p")
    [imported] = result.releases
    assert (imported.wire, imported.reproduced, imported.lines) == ("cnw", 3, 3)
    company = read_yaml(tmp_path / "p" / "boilerplates" / "companies" / "rowan-cable.yaml").data
    assert company["listings"] == [
        {"exchange": "TSX", "symbol": "RWC.A"},
        {"exchange": "TSX", "symbol": "RWC.B"},
        {"exchange": "NYSE", "symbol": "RWC"},
    ]
    facts = read_yaml(tmp_path / "p" / "classes.yaml").data
    assert facts["dateline"] == {"city": "Toronto"}  # AP writes Toronto alone


def test_an_english_name_keeps_a_word_german_copy_declines(tmp_path) -> None:
    from prwriter import import_releases
    from prwriter.yaml_source import read_yaml

    source = tmp_path / "die-cast.txt"
    source.write_text(
        "Die Cast Holdings Opens a Plant\n\n"
        "TORONTO, May 4, 2026 /CNW/ - Die Cast Holdings Inc. (TSX: DCH) "
        "today opened a plant in Hamilton.\n\n"
        "SOURCE Die Cast Holdings Inc.\n",
        encoding="utf-8",
    )
    import_releases([source], tmp_path / "p")
    [entry] = (tmp_path / "p" / "boilerplates" / "companies").glob("*.yaml")
    assert read_yaml(entry).data["name"] == "Die Cast Holdings Inc."


def test_copy_with_a_c1_control_character_is_read_and_checked(tmp_path) -> None:
    import datetime as dt

    from conftest import DATA
    from prwriter import import_releases

    golden = (DATA / "golden" / "immunogen.businesswire.txt").read_text(encoding="utf-8")
    source = tmp_path / "c1.txt"
    source.write_text(golden.replace("ImmunoGen", "Immuno\x9bGen", 1), encoding="utf-8")
    result = import_releases([source], tmp_path / "p", date=dt.date(2014, 11, 13))
    [imported] = result.releases
    assert not [n for n in result.notes if "do not load" in n], result.notes
    assert imported.reproduced > imported.lines // 2
