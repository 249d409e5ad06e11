"""Tests for prwriter.style.places (wire-format reference, section 3)."""

from __future__ import annotations

import re

import pytest

from conftest import DATA
from prwriter.style.places import (
    FOREIGN_STANDALONE_CITIES,
    STATES,
    US_STANDALONE_CITIES,
    State,
    find_state,
    format_place,
    state_label,
    suggest_states,
)

REFERENCE = (DATA / "reference" / "wire-format.md").read_text(encoding="utf-8")
NEVER_ABBREVIATED = ("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah")

MASS = State("Massachusetts", "Mass.", "MA")


def _state(postal: str) -> State:
    state = find_state(postal)
    assert state is not None
    return state


# --- data tables -------------------------------------------------------------


def _reference_section(heading: str) -> str:
    """One section of the wire-format reference (a copy of shared/reference/)."""
    return REFERENCE.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]


def _city_list(section: str, before: str) -> set[str]:
    """The upper-case, comma-separated city list of a reference section, up to `before`."""
    text = " ".join(section.split(before, 1)[0].split())
    listed = text.rsplit(": ", 1)[-1] if ": " in text[-2000:] else text
    return {c.strip(" .") for c in re.findall(r"[A-Z][A-Z. ]+(?=,|\.)", listed)}


def test_states_are_the_references_table() -> None:
    section = _reference_section("3.2 AP state abbreviations for datelines")
    rows = re.findall(r"^\| ([A-Z][A-Za-z ]+) \| ([^|]+) \| ([A-Z]{2}) \|$", section, re.MULTILINE)
    table = [State(name, ap.strip().strip("*"), postal) for name, ap, postal in rows]
    assert len(table) == 51
    # The reference writes D.C.'s form as a sentence; its abbreviation is D.C.
    assert table[-1].name == "District of Columbia"
    assert [*table[:-1], State("District of Columbia", "D.C.", "DC")] == list(STATES)


def test_stand_alone_cities_are_the_references_lists() -> None:
    us = _reference_section("3.1 U.S. cities that stand alone (no state)")
    assert _city_list(us, "That is 30 cities") == US_STANDALONE_CITIES
    assert len(US_STANDALONE_CITIES) == 30
    foreign = _reference_section("3.3 International datelines").split(
        "[S https://headsupenglish.com/ap-style/datelines]:", 1
    )[1]
    assert _city_list(foreign, "That is 49 cities") == FOREIGN_STANDALONE_CITIES
    assert len(FOREIGN_STANDALONE_CITIES) == 49


def test_table_order_and_ends() -> None:
    assert STATES[0] == State("Alabama", "Ala.", "AL")
    assert STATES[-2] == State("Wyoming", "Wyo.", "WY")
    assert STATES[-1] == State("District of Columbia", "D.C.", "DC")
    names = [s.name for s in STATES[:-1]]
    assert names == sorted(names)


def test_postal_codes_and_names_are_unique() -> None:
    assert len({s.postal for s in STATES}) == len(STATES)
    assert len({s.name for s in STATES}) == len(STATES)
    assert all(len(s.postal) == 2 and s.postal.isupper() for s in STATES)


def test_ottawa_is_not_listed() -> None:
    assert "OTTAWA" not in FOREIGN_STANDALONE_CITIES


def test_city_sets_are_upper_case() -> None:
    for city in US_STANDALONE_CITIES | FOREIGN_STANDALONE_CITIES:
        assert city == city.upper()
    assert "ST. LOUIS" in US_STANDALONE_CITIES
    assert "SAO PAULO" in FOREIGN_STANDALONE_CITIES


@pytest.mark.parametrize("name", NEVER_ABBREVIATED)
def test_never_abbreviated_states_keep_full_name(name: str) -> None:
    state = find_state(name)
    assert state is not None
    assert state.ap == name


def test_only_the_eight_are_unabbreviated() -> None:
    full = {s.name for s in STATES if s.ap == s.name}
    assert full == set(NEVER_ABBREVIATED)


# --- find_state -----------------------------------------------------------------


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.postal)
def test_every_state_round_trips(state: State) -> None:
    for form in (state.name, state.ap, state.postal):
        assert find_state(form) is state
        assert find_state(form.lower()) is state
        assert find_state(form.upper()) is state
    assert find_state(state.ap.rstrip(".")) is state


@pytest.mark.parametrize(
    ("text", "postal"),
    [
        ("Massachusetts", "MA"),
        ("massachusetts", "MA"),
        ("Mass.", "MA"),
        ("Mass", "MA"),
        ("MA", "MA"),
        ("ma", "MA"),
        ("  Mass.  ", "MA"),
        ("W.Va.", "WV"),
        ("WVa", "WV"),
        ("W. Va.", "WV"),
        ("W Va", "WV"),
        ("WV", "WV"),
        ("West Virginia", "WV"),
        ("west  virginia", "WV"),
        ("Va.", "VA"),
        ("Wash.", "WA"),
        ("Washington", "WA"),
        ("District of Columbia", "DC"),
        ("D.C.", "DC"),
        ("D. C.", "DC"),
        ("DC", "DC"),
        ("N.Y.", "NY"),
        ("NewYork", "NY"),
        ("Kan.", "KS"),
        ("Ind.", "IN"),
        ("Texas", "TX"),
    ],
)
def test_find_state_variants(text: str, postal: str) -> None:
    state = find_state(text)
    assert state is not None
    assert state.postal == postal


@pytest.mark.parametrize("text", ["", "   ", ".", "Massachusets", "XX", "Puerto Rico", "Ontario"])
def test_find_state_unknown(text: str) -> None:
    assert find_state(text) is None


def test_west_virginia_ap_form() -> None:
    assert _state("WV").ap == "W.Va."


# --- suggest_states ---------------------------------------------------------------


def test_suggest_massachusets() -> None:
    suggestions = suggest_states("Massachusets")
    assert suggestions[0] == "Massachusetts"
    assert len(suggestions) <= 3


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Calfornia", "California"),
        ("Pensylvania", "Pennsylvania"),
        ("Conneticut", "Connecticut"),
        ("Tennesee", "Tennessee"),
        ("Mass", "Massachusetts"),
    ],
)
def test_suggest_common_misspellings(text: str, first: str) -> None:
    assert suggest_states(text)[0] == first


def test_suggestions_are_deduplicated_full_names() -> None:
    suggestions = suggest_states("New", limit=10)
    assert len(suggestions) == len(set(suggestions))
    names = {s.name for s in STATES}
    assert all(s in names for s in suggestions)


def test_suggest_limit() -> None:
    assert len(suggest_states("North", limit=1)) == 1
    assert suggest_states("Massachusets", limit=0) == []
    assert suggest_states("") == []
    assert suggest_states("zzzzzzzzzzzz") == []


# --- state_label --------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "expected"),
    [("ap", "Mass."), ("postal", "MA"), ("full", "Massachusetts")],
)
def test_state_label(style: str, expected: str) -> None:
    assert state_label(MASS, style) == expected


@pytest.mark.parametrize("style", ["AP", "abbrev", "", "Postal"])
def test_state_label_rejects_unknown_style(style: str) -> None:
    with pytest.raises(ValueError, match="ap, postal, full"):
        state_label(MASS, style)


# --- format_place ------------------------------------------------------------


@pytest.mark.parametrize(
    ("city", "postal", "expected"),
    [
        ("Boston", "MA", "BOSTON"),
        ("Boston", None, "BOSTON"),
        ("Washington", "DC", "WASHINGTON"),
        ("Washington", None, "WASHINGTON"),
        ("New York", "NY", "NEW YORK"),
        ("St. Louis", "MO", "ST. LOUIS"),
        ("St Louis", "MO", "ST. LOUIS"),
        ("san  francisco", "CA", "SAN FRANCISCO"),
        ("Honolulu", "HI", "HONOLULU"),
        ("Salt Lake City", "UT", "SALT LAKE CITY"),
    ],
)
def test_us_standalone_cities(city: str, postal: str | None, expected: str) -> None:
    state = _state(postal) if postal else None
    assert format_place(city, state=state) == expected
    # The style is irrelevant once the state is dropped.
    assert format_place(city, state=state, state_style="postal") == expected


@pytest.mark.parametrize(
    ("city", "postal", "expected"),
    [
        ("Waltham", "MA", "WALTHAM, Mass."),
        ("Ann Arbor", "MI", "ANN ARBOR, Mich."),
        ("Kansas City", "MO", "KANSAS CITY, Mo."),
        ("Kansas City", "KS", "KANSAS CITY, Kan."),
        ("Princeton", "NJ", "PRINCETON, N.J."),
        ("Charleston", "WV", "CHARLESTON, W.Va."),
        ("Youngstown", "OH", "YOUNGSTOWN, Ohio"),
        ("Austin", "TX", "AUSTIN, Texas"),
        ("Hilo", "HI", "HILO, Hawaii"),
        ("Edgartown", "MA", "EDGARTOWN, Mass."),
        # A same-named city in another state is not the stand-alone one.
        ("Washington", "PA", "WASHINGTON, Pa."),
        ("Las Vegas", "NM", "LAS VEGAS, N.M."),
    ],
)
def test_us_cities_with_state(city: str, postal: str, expected: str) -> None:
    assert format_place(city, state=_state(postal)) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [("ap", "RALEIGH, N.C."), ("postal", "RALEIGH, NC"), ("full", "RALEIGH, North Carolina")],
)
def test_state_style(style: str, expected: str) -> None:
    assert format_place("Raleigh", state=_state("NC"), state_style=style) == expected


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        ("London", "United Kingdom", "LONDON"),
        ("Munich", "Germany", "MUNICH"),
        ("Toronto", "Canada", "TORONTO"),
        ("São Paulo", "Brazil", "SAO PAULO"),
        ("Zürich", "Switzerland", "ZURICH"),
        ("Tel Aviv", "Israel", "TEL AVIV, Israel"),
        ("Bogotá", "Colombia", "BOGOTA, Colombia"),
        ("Dubai", "United Arab Emirates", "DUBAI, United Arab Emirates"),
        ("Vancouver", "British Columbia", "VANCOUVER, British Columbia"),
        ("Ottawa", "Canada", "OTTAWA, Canada"),
    ],
)
def test_foreign_cities(city: str, country: str, expected: str) -> None:
    assert format_place(city, country=country) == expected


@pytest.mark.parametrize(
    ("city", "expected"),
    [("Waltham", "WALTHAM"), ("London", "LONDON"), ("  tel   aviv ", "TEL AVIV")],
)
def test_city_alone(city: str, expected: str) -> None:
    assert format_place(city) == expected


def test_state_and_country_is_an_error() -> None:
    with pytest.raises(ValueError, match="one of a state, a province or a country"):
        format_place("Waltham", state=MASS, country="United States")


@pytest.mark.parametrize("city", ["", "   "])
def test_blank_city_is_an_error(city: str) -> None:
    with pytest.raises(ValueError, match="city"):
        format_place(city, state=MASS)


def test_bad_state_style_is_an_error() -> None:
    with pytest.raises(ValueError, match="state style"):
        format_place("Waltham", state=MASS, state_style="abbrev")


# --- Canadian provinces, regions after stand-alone cities, cities that need a region ----------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("British Columbia", "British Columbia"),
        ("BC", "British Columbia"),
        ("b.c.", "British Columbia"),
        ("Quebec", "Quebec"),
        ("ON", "Ontario"),
    ],
)
def test_find_province(written: str, name: str) -> None:
    from prwriter.style.places import find_province

    found = find_province(written)
    assert found is not None and found.name == name


def test_suggest_provinces() -> None:
    from prwriter.style.places import suggest_provinces

    assert suggest_provinces("Ontaroi")[0] == "Ontario"


@pytest.mark.parametrize(
    ("city", "style", "standalone", "expected"),
    [
        ("Vancouver", "ap", True, "VANCOUVER, British Columbia"),
        ("Vancouver", "postal", True, "VANCOUVER, BC"),
        ("Toronto", "ap", True, "TORONTO"),
        ("Toronto", "postal", False, "TORONTO, ON"),
    ],
)
def test_place_with_a_province(city: str, style: str, standalone: bool, expected: str) -> None:
    from prwriter.style.places import PROVINCES

    province = {p.name: p for p in PROVINCES}[
        "Ontario" if city == "Toronto" else "British Columbia"
    ]
    assert format_place(city, province=province, state_style=style, standalone=standalone) == (
        expected
    )


def test_accesswire_writes_the_state_after_a_stand_alone_city() -> None:
    from prwriter.style.places import find_state

    new_york = find_state("NY")
    assert format_place("New York", state=new_york, state_style="postal") == "NEW YORK"
    assert (
        format_place("New York", state=new_york, state_style="postal", standalone=False)
        == "NEW YORK, NY"
    )


@pytest.mark.parametrize(
    ("city", "needs"), [("Waltham", True), ("Boston", False), ("St Louis", False),
                        ("Tokyo", False), ("Tel Aviv", True)]
)  # fmt: skip
def test_needs_region(city: str, needs: bool) -> None:
    from prwriter.style.places import needs_region

    assert needs_region(city) is needs


def test_as_written_keeps_the_release_spelling_and_the_region() -> None:
    from prwriter.style.places import find_province, find_state, format_place

    bc = find_province("BC")
    assert format_place("Vancouver", province=bc, state_style="full", as_written=True) == (
        "Vancouver, British Columbia"
    )
    assert format_place("New  York", state=find_state("NY"), state_style="postal",
                        as_written=True) == "New York, NY"  # fmt: skip
    assert format_place("Tel Aviv", country="Israel", as_written=True) == "Tel Aviv, Israel"
