"""Dates, times, labels and place names in the copy's language (CLDR through Babel)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from prwriter.style.languages import (
    babel_locale,
    format_local_date,
    format_local_time,
    labels,
    local_city,
    local_province,
    primary,
)

APRIL_22 = dt.date(2024, 4, 22)


@pytest.mark.parametrize(
    ("tag", "pattern", "months", "expected"),
    [
        ("fr-CA", None, None, "22 avril 2024"),  # CLDR long
        ("fr-CA", "d MMM y", None, "22 avr. 2024"),  # CLDR medium month
        ("fr-CA", "d MMM y", {4: "avril"}, "22 avril 2024"),  # CNW spells April out
        ("fr-CA", "'le' d MMM y", {4: "avril"}, "le 22 avril 2024"),
        ("de-DE", "d. MMMM y", None, "22. April 2024"),
        ("es", None, None, "22 de abril de 2024"),
    ],
)
def test_dates(tag: str, pattern: str | None, months: dict[int, str] | None, expected: str) -> None:
    assert format_local_date(APRIL_22, tag, pattern, months) == expected


def test_other_months_keep_cldr_forms_beside_an_override() -> None:
    assert format_local_date(dt.date(2021, 2, 7), "fr-CA", "d MMM y", {4: "avril"}) == (
        "7 févr. 2021"
    )
    assert format_local_date(dt.date(2023, 5, 9), "fr-CA", "dd MMMM y") == "09 mai 2023"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("fr-CA", "22 avril"), ("es", "22 de abril"), ("de", "22. April")],
)
def test_dates_without_the_year(tag: str, expected: str) -> None:
    assert format_local_date(APRIL_22, tag, year=False) == expected


@pytest.mark.parametrize(
    ("tag", "time", "expected"),
    [
        ("fr-CA", dt.time(11), "11 h"),
        ("fr-CA", dt.time(8, 30), "8 h 30"),
        ("de", dt.time(8, 30), "8:30 Uhr"),
        ("es", dt.time(16, 5), "16:05"),
    ],
)
def test_times(tag: str, time: dt.time, expected: str) -> None:
    assert format_local_time(time, tag) == expected


def test_labels_by_language_and_english_for_unknown_ones() -> None:
    assert labels("fr-CA").about.format(name="X") == "À propos de X"
    assert labels("de-DE").quote_verb == "sagte"
    assert labels("es").page == "Página {page} de {pages}"
    assert labels("ja-JP") == labels("en-US")


def test_tags() -> None:
    assert primary("fr-CA") == "fr" and primary("es_419") == "es"
    assert babel_locale("fr-CA") == "fr_CA"
    assert babel_locale("xx-ZZ") == "xx"


@pytest.mark.parametrize(
    ("city", "tag", "expected"),
    [
        ("Montreal", "fr-CA", "MONTRÉAL"),
        ("Montréal", "fr-CA", "MONTRÉAL"),
        ("Quebec City", "fr-CA", "QUÉBEC"),
        ("New York", "es", "NUEVA YORK"),
        ("Walldorf", "de", "WALLDORF"),
        ("Montréal", "en-CA", None),
    ],
)
def test_cities(city: str, tag: str, expected: str | None) -> None:
    assert local_city(city, tag) == expected


def test_provinces() -> None:
    assert local_province("BC", "fr") == "Colombie-Britannique"
    assert local_province("ON", "fr") is None


def test_english_text_does_not_import_babel() -> None:
    code = (
        "import sys, prwriter\n"
        "r = prwriter.load_release('examples/nordwind-tidewater/release.yaml')\n"
        "prwriter.render(r, 'txt', wire='cnw')\n"
        "print('babel' in sys.modules)\n"
    )
    from conftest import REPO

    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_the_first_of_the_month_as_the_profile_writes_it() -> None:
    march_1 = dt.date(2001, 3, 1)
    assert format_local_date(march_1, "fr-CA") == "1 mars 2001"  # CLDR
    assert format_local_date(march_1, "fr-CA", first_day="1er") == "1er mars 2001"
    assert format_local_date(dt.date(2001, 3, 2), "fr-CA", first_day="1er") == "2 mars 2001"


def test_zone_labels_in_french() -> None:
    from prwriter.style.languages import local_zone

    assert local_zone("ET", "fr-CA") == "HE" and local_zone("ET", "en-CA") == "ET"
    assert local_zone("CET", "fr-FR") == "CET"
