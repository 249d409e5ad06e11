"""AP dateline place names: U.S. states, stand-alone cities and ``CITY, Region`` forms.

Data comes from the wire-format reference, sections 3.1-3.3.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from prwriter.errors import likely

__all__ = [
    "FOREIGN_STANDALONE_CITIES",
    "PROVINCES",
    "STATES",
    "STATE_STYLES",
    "US_STANDALONE_CITIES",
    "Province",
    "State",
    "find_province",
    "find_state",
    "format_place",
    "needs_region",
    "state_label",
    "suggest_provinces",
    "suggest_states",
]


@dataclass(frozen=True, slots=True)
class State:
    """A U.S. state (or the District of Columbia) in its three written forms."""

    name: str  # full name, "Massachusetts"
    ap: str  # AP dateline form, "Mass."; the full name for the never-abbreviated states
    postal: str  # two-letter postal code, "MA"


# Table 3.2, in table order. Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah
# are never abbreviated, so their AP form is the full name.
STATES: tuple[State, ...] = (
    State("Alabama", "Ala.", "AL"),
    State("Alaska", "Alaska", "AK"),
    State("Arizona", "Ariz.", "AZ"),
    State("Arkansas", "Ark.", "AR"),
    State("California", "Calif.", "CA"),
    State("Colorado", "Colo.", "CO"),
    State("Connecticut", "Conn.", "CT"),
    State("Delaware", "Del.", "DE"),
    State("Florida", "Fla.", "FL"),
    State("Georgia", "Ga.", "GA"),
    State("Hawaii", "Hawaii", "HI"),
    State("Idaho", "Idaho", "ID"),
    State("Illinois", "Ill.", "IL"),
    State("Indiana", "Ind.", "IN"),
    State("Iowa", "Iowa", "IA"),
    State("Kansas", "Kan.", "KS"),
    State("Kentucky", "Ky.", "KY"),
    State("Louisiana", "La.", "LA"),
    State("Maine", "Maine", "ME"),
    State("Maryland", "Md.", "MD"),
    State("Massachusetts", "Mass.", "MA"),
    State("Michigan", "Mich.", "MI"),
    State("Minnesota", "Minn.", "MN"),
    State("Mississippi", "Miss.", "MS"),
    State("Missouri", "Mo.", "MO"),
    State("Montana", "Mont.", "MT"),
    State("Nebraska", "Neb.", "NE"),
    State("Nevada", "Nev.", "NV"),
    State("New Hampshire", "N.H.", "NH"),
    State("New Jersey", "N.J.", "NJ"),
    State("New Mexico", "N.M.", "NM"),
    State("New York", "N.Y.", "NY"),
    State("North Carolina", "N.C.", "NC"),
    State("North Dakota", "N.D.", "ND"),
    State("Ohio", "Ohio", "OH"),
    State("Oklahoma", "Okla.", "OK"),
    State("Oregon", "Ore.", "OR"),
    State("Pennsylvania", "Pa.", "PA"),
    State("Rhode Island", "R.I.", "RI"),
    State("South Carolina", "S.C.", "SC"),
    State("South Dakota", "S.D.", "SD"),
    State("Tennessee", "Tenn.", "TN"),
    State("Texas", "Texas", "TX"),
    State("Utah", "Utah", "UT"),
    State("Vermont", "Vt.", "VT"),
    State("Virginia", "Va.", "VA"),
    State("Washington", "Wash.", "WA"),
    State("West Virginia", "W.Va.", "WV"),
    State("Wisconsin", "Wis.", "WI"),
    State("Wyoming", "Wyo.", "WY"),
    # WASHINGTON stands alone in a dateline; "D.C." is the form used anywhere else.
    State("District of Columbia", "D.C.", "DC"),
)

# Section 3.1, with each city's home state (postal code). The home state lets a
# same-named city elsewhere ("WASHINGTON, Pa.", "LAS VEGAS, N.M.") keep its state.
_US_STANDALONE_HOME: dict[str, str] = {
    "ATLANTA": "GA",
    "BALTIMORE": "MD",
    "BOSTON": "MA",
    "CHICAGO": "IL",
    "CINCINNATI": "OH",
    "CLEVELAND": "OH",
    "DALLAS": "TX",
    "DENVER": "CO",
    "DETROIT": "MI",
    "HONOLULU": "HI",
    "HOUSTON": "TX",
    "INDIANAPOLIS": "IN",
    "LAS VEGAS": "NV",
    "LOS ANGELES": "CA",
    "MIAMI": "FL",
    "MILWAUKEE": "WI",
    "MINNEAPOLIS": "MN",
    "NEW ORLEANS": "LA",
    "NEW YORK": "NY",
    "OKLAHOMA CITY": "OK",
    "PHILADELPHIA": "PA",
    "PHOENIX": "AZ",
    "PITTSBURGH": "PA",
    "ST. LOUIS": "MO",
    "SALT LAKE CITY": "UT",
    "SAN ANTONIO": "TX",
    "SAN DIEGO": "CA",
    "SAN FRANCISCO": "CA",
    "SEATTLE": "WA",
    "WASHINGTON": "DC",
}

US_STANDALONE_CITIES: frozenset[str] = frozenset(_US_STANDALONE_HOME)

# Section 3.3: the 49 foreign cities that need no country. OTTAWA is deliberately
# absent; the reference flags it as unverified.
FOREIGN_STANDALONE_CITIES: frozenset[str] = frozenset(
    {
        "AMSTERDAM",
        "BAGHDAD",
        "BANGKOK",
        "BEIJING",
        "BEIRUT",
        "BERLIN",
        "BRUSSELS",
        "CAIRO",
        "DJIBOUTI",
        "DUBLIN",
        "GENEVA",
        "GIBRALTAR",
        "GUATEMALA CITY",
        "HAVANA",
        "HELSINKI",
        "HONG KONG",
        "ISLAMABAD",
        "ISTANBUL",
        "JERUSALEM",
        "JOHANNESBURG",
        "KUWAIT CITY",
        "LONDON",
        "LUXEMBOURG",
        "MACAU",
        "MADRID",
        "MEXICO CITY",
        "MILAN",
        "MONACO",
        "MONTREAL",
        "MOSCOW",
        "MUNICH",
        "NEW DELHI",
        "PANAMA CITY",
        "PARIS",
        "PRAGUE",
        "QUEBEC CITY",
        "RIO DE JANEIRO",
        "ROME",
        "SAN MARINO",
        "SAO PAULO",
        "SHANGHAI",
        "SINGAPORE",
        "STOCKHOLM",
        "SYDNEY",
        "TOKYO",
        "TORONTO",
        "VATICAN CITY",
        "VIENNA",
        "ZURICH",
    }
)

STATE_STYLES: tuple[str, ...] = ("ap", "postal", "full")


@dataclass(frozen=True, slots=True)
class Province:
    """A Canadian province or territory. AP spells these out in datelines
    ("VANCOUVER, British Columbia"); ACCESSWIRE uses the postal code ("VANCOUVER, BC")."""

    name: str
    postal: str


# Section 3.3 (Canada): written in full by AP and GlobeNewswire, by postal code by ACCESSWIRE.
PROVINCES: tuple[Province, ...] = (
    Province("Alberta", "AB"),
    Province("British Columbia", "BC"),
    Province("Manitoba", "MB"),
    Province("New Brunswick", "NB"),
    Province("Newfoundland and Labrador", "NL"),
    Province("Northwest Territories", "NT"),
    Province("Nova Scotia", "NS"),
    Province("Nunavut", "NU"),
    Province("Ontario", "ON"),
    Province("Prince Edward Island", "PE"),
    Province("Quebec", "QC"),
    Province("Saskatchewan", "SK"),
    Province("Yukon", "YT"),
)


def _state_key(text: str) -> str:
    # Periods and spaces are the usual sources of variation ("W. Va.", "WVa", "W.Va.").
    return "".join(ch for ch in text.casefold() if ch != "." and not ch.isspace())


def _build_state_index() -> dict[str, State]:
    index: dict[str, State] = {}
    for state in STATES:
        for form in (state.name, state.ap, state.postal):
            key = _state_key(form)
            # A key shared by two states would make lookups silently depend on order.
            if index.setdefault(key, state) is not state:
                raise RuntimeError(f"state form {form!r} is ambiguous")
    return index


_STATE_INDEX: dict[str, State] = _build_state_index()


_PROVINCE_INDEX: dict[str, Province] = {
    _state_key(form): province
    for province in PROVINCES
    for form in (province.name, province.postal)
}


def find_province(text: str) -> Province | None:
    """Return the province named by its full name or postal code, or None."""
    return _PROVINCE_INDEX.get(_state_key(text))


def suggest_provinces(text: str, limit: int = 3) -> list[str]:
    """Return up to ``limit`` full province names closest to ``text``, best first."""
    matches = likely(_state_key(text), _PROVINCE_INDEX)
    return list(dict.fromkeys(_PROVINCE_INDEX[m].name for m in matches))[:limit]


def find_state(text: str) -> State | None:
    """Return the state named by a full name, AP form or postal code, or None."""
    return _STATE_INDEX.get(_state_key(text))


def suggest_states(text: str, limit: int = 3) -> list[str]:
    """Return up to ``limit`` full state names closest to ``text``, best first."""
    if limit <= 0:
        return []
    key = _state_key(text)
    if not key:
        return []
    # Ask for every candidate so that duplicates (a state's name and AP form both
    # matching) do not crowd out other states before the limit is applied.
    matches = likely(key, _STATE_INDEX)
    names: list[str] = []
    for match in matches:
        name = _STATE_INDEX[match].name
        if name not in names:
            names.append(name)
    return names[:limit]


def state_label(state: State, style: str) -> str:
    """Return the state as written in the given style: "ap", "postal" or "full"."""
    if style == "ap":
        return state.ap
    if style == "postal":
        return state.postal
    if style == "full":
        return state.name
    raise ValueError(f"unknown state style {style!r}; expected one of {', '.join(STATE_STYLES)}")


def _dateline_city(city: str) -> str:
    # Datelines drop diacritics ("SAO PAULO"), use capitals and single spaces.
    decomposed = unicodedata.normalize("NFKD", city)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split()).upper()


def _city_key(city: str) -> str:
    # "ST LOUIS" and "ST. LOUIS" are the same city.
    return " ".join(city.replace(".", " ").split())


_US_STANDALONE_BY_KEY: dict[str, str] = {_city_key(c): c for c in US_STANDALONE_CITIES}
_FOREIGN_STANDALONE_BY_KEY: dict[str, str] = {_city_key(c): c for c in FOREIGN_STANDALONE_CITIES}


def needs_region(city: str) -> bool:
    """True for a city that AP never writes alone (it is in neither stand-alone list)."""
    key = _city_key(_dateline_city(city))
    return key not in _US_STANDALONE_BY_KEY and key not in _FOREIGN_STANDALONE_BY_KEY


def format_place(
    city: str,
    *,
    state: State | None = None,
    province: Province | None = None,
    country: str | None = None,
    state_style: str = "ap",
    standalone: bool = True,
    as_written: bool = False,
    also_alone: Sequence[str] = (),
) -> str:
    """Return the AP dateline place: "BOSTON", "WALTHAM, Mass.", "TEL AVIV, Israel",
    "VANCOUVER, British Columbia".

    ``standalone=False`` writes the region even after a stand-alone city, as ACCESSWIRE
    does ("NEW YORK, NY"); ``as_written=True`` keeps the city as the release spells it
    ("Vancouver, British Columbia"), as Newsfile does; ``also_alone`` names cities a house
    writes alone besides AP's ("VANCOUVER", as Canadian Press style allows).
    """
    if state_style not in STATE_STYLES:
        # Checked up front so a bad profile setting fails even for stand-alone cities.
        raise ValueError(
            f"unknown state style {state_style!r}; expected one of {', '.join(STATE_STYLES)}"
        )
    if sum(x is not None for x in (state, province, country)) > 1:
        raise ValueError("give one of a state, a province or a country")
    if country is not None and not country.strip():
        raise ValueError("country must not be blank")
    upper = _dateline_city(city)
    if not upper:
        raise ValueError("city must not be blank")
    key = _city_key(upper)
    if as_written:
        return _with_region(" ".join(city.split()), state, province, country, state_style)
    if key in {_city_key(_dateline_city(c)) for c in also_alone}:
        return upper

    if state is not None:
        listed = _US_STANDALONE_BY_KEY.get(key)
        if standalone and listed is not None and _US_STANDALONE_HOME[listed] == state.postal:
            return listed
        return f"{listed or upper}, {state_label(state, state_style)}"

    if province is not None:
        listed = _FOREIGN_STANDALONE_BY_KEY.get(key)
        if standalone and listed is not None:
            return listed
        region = province.postal if state_style == "postal" else province.name
        return f"{listed or upper}, {region}"

    if country is not None:
        listed = _FOREIGN_STANDALONE_BY_KEY.get(key)
        if standalone and listed is not None:
            return listed
        return f"{listed or upper}, {country.strip()}"

    # No region given: use the listed spelling when the city is a known stand-alone.
    return _US_STANDALONE_BY_KEY.get(key) or _FOREIGN_STANDALONE_BY_KEY.get(key) or upper


def _with_region(
    city: str,
    state: State | None,
    province: Province | None,
    country: str | None,
    state_style: str,
) -> str:
    if state is not None:
        return f"{city}, {state_label(state, state_style)}"
    if province is not None:
        return f"{city}, {province.postal if state_style == 'postal' else province.name}"
    return f"{city}, {country.strip()}" if country is not None else city
