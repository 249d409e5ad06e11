"""A dateline's places read back into facts, with the AP tables used in reverse:
`WALTHAM, Mass.` is Waltham in Massachusetts, `VANCOUVER, BC` Vancouver in British Columbia,
`BOSTON` a stand-alone city, `TEL AVIV, Israel` a city and its country."""

from __future__ import annotations

import re
from typing import Any

from prwriter.style.places import find_province, find_state, format_place, needs_region
from prwriter.wires import WireProfile

Place = dict[str, str]
UNKNOWN_REGION = "TBD"
_CANADIAN_CITIES = {
    "TORONTO": "Ontario", "OTTAWA": "Ontario", "VANCOUVER": "British Columbia",
    "MONTREAL": "Quebec", "CALGARY": "Alberta", "EDMONTON": "Alberta",
    "WINNIPEG": "Manitoba", "HALIFAX": "Nova Scotia", "REGINA": "Saskatchewan",
}  # fmt: skip


def canadian_province(city: str) -> str | None:
    """The province of a large Canadian city Canadian Press writes alone (`VANCOUVER`)."""
    return _CANADIAN_CITIES.get(" ".join(city.split()).upper())


def _city(written: str, as_written: bool) -> str:
    """`ST. LOUIS` -> `St. Louis`; a city written as the release spells it stays so."""
    if as_written:
        return written
    return " ".join(
        "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
        for word in written.split()
    )


def _candidates(text: str, as_written: bool) -> list[Place]:
    city_text, _, region = text.partition(", ")
    city = _city(city_text.strip(), as_written)
    if not region:
        from prwriter.style.places import _US_STANDALONE_HOME

        home = _US_STANDALONE_HOME.get(city_text.strip().upper())
        found: list[Place] = [{"city": city}]
        # Canadian Press writes its large cities alone; AP wants the province.
        home_province = _CANADIAN_CITIES.get(city_text.strip().upper())
        if home_province:
            found.append({"city": city, "province": home_province})
        if home:
            state = find_state(home)
            if state:
                found.append({"city": city, "state": state.name})
        return found
    found = []
    state = find_state(region)
    if state:
        found.append({"city": city, "state": state.name})
    province = find_province(region)
    if province:
        found.append({"city": city, "province": province.name})
    # A country is a name: words, no digits or further commas (`Wis., Sept. 26` is not one).
    if re.fullmatch(r"[A-Z][A-Za-z'\- ]+", region):
        found.append({"city": city, "country": region})
    return found


def _written(place: Place, wire: WireProfile) -> str | None:
    try:
        return format_place(
            place["city"],
            state=find_state(place["state"]) if "state" in place else None,
            province=find_province(place["province"]) if "province" in place else None,
            country=place.get("country"),
            state_style=wire.state_style,
            standalone=wire.standalone_cities,
            also_alone=wire.standalone_also,
            as_written=wire.city_case == "as-written",
        )
    except ValueError:
        return None


def read_place(text: str, wire: WireProfile) -> Place | None:
    """One place as the profile writes it; None unless it writes back the same."""
    if not wire.dateline_region:
        # The city alone (DGAP): its region is not in the copy, only guessed.
        as_written = wire.city_case == "as-written"
        city = _city(text, as_written)
        alone = city if as_written else city.upper()
        return guess_place(text, wire) if alone == text and " ".join(text.split()) == text else None
    for place in _candidates(text, wire.city_case == "as-written"):
        if len(place) == 1 and needs_region(place["city"]):
            continue  # the loader refuses a city AP never writes alone
        if _written(place, wire) == text:
            return place
    return None


def guess_place(text: str, wire: WireProfile) -> Place:
    """A place for a dateline that does not say it all (`VANCOUVER` alone on CNW, a city
    without its region on DGAP): the reading the AP tables give, for the writer to check."""
    city = _city(text.partition(", ")[0].strip(), wire.city_case == "as-written")
    found = (_candidates(text, wire.city_case == "as-written") or [{"city": city}])[-1]
    if len(found) == 1 and needs_region(found["city"]):
        # No table names its region: a placeholder the import reports for the writer to set.
        return {"city": city, "country": UNKNOWN_REGION}
    return found


def read_places(text: str, wire: WireProfile) -> list[Place] | None:
    """Every place of a dateline (`HAMBURG, Germany & VANCOUVER, BC`)."""
    places: list[Place] = []
    for part in text.split(wire.city_separator):
        place = read_place(part, wire)
        if place is None:
            return None
        places.append(place)
    return places or None


def as_yaml(places: list[Place]) -> Any:
    """One place as a mapping, several as a list (as a writer types them)."""
    return places[0] if len(places) == 1 else places
