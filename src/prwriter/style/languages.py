"""The language of a release's copy: its BCP 47 tag, CLDR dates and times through Babel,
the fixed labels a release prints, and place names in the copy's language.

English copy keeps prwriter's AP forms (`style.dates`) and never imports Babel; other
languages take CLDR's forms unless a wire profile gives its own pattern (`date_pattern`,
`month_names` in the profile's `languages:` mapping).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "Labels",
    "babel_locale",
    "english_city",
    "english_province",
    "format_local_date",
    "format_local_time",
    "is_english",
    "known_language",
    "labels",
    "local_city",
    "local_province",
    "local_zone",
    "primary",
]


def primary(tag: str) -> str:
    """The language subtag, lower case: "fr-CA" -> "fr"."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def is_english(tag: str) -> bool:
    return primary(tag) == "en"


def babel_locale(tag: str) -> str:
    """Babel's name for a BCP 47 tag ("fr-CA" -> "fr_CA"); the language alone when Babel
    has no data for the region."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(tag.replace("_", "-"), sep="-"))
    except (UnknownLocaleError, ValueError):
        return primary(tag)


def known_language(tag: str) -> bool:
    """True when CLDR (through Babel) has data for the tag's language."""
    if is_english(tag):
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(primary(tag))
    except (UnknownLocaleError, ValueError):
        return False
    return True


# --- labels ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labels:
    """Words a release prints that the writer does not type."""

    about: str  # the About heading, with {name}
    quote_verb: str  # a quote's verb when the release gives none
    page: str  # the page number in PDF and DOCX, with {page} and {pages}
    contacts: str  # the print copy's contacts heading


_LABELS: dict[str, Labels] = {
    "en": Labels("About {name}", "said", "Page {page} of {pages}", "Contacts"),
    "fr": Labels("À propos de {name}", "a déclaré", "Page {page} de {pages}", "Renseignements"),
    "de": Labels("Über {name}", "sagte", "Seite {page} von {pages}", "Pressekontakt"),
    "es": Labels("Acerca de {name}", "dijo", "Página {page} de {pages}", "Contacto"),
}


def labels(tag: str) -> Labels:
    """The labels of the tag's language; English ones for a language prwriter has none for."""
    return _LABELS.get(primary(tag), _LABELS["en"])


def has_labels(tag: str) -> bool:
    return primary(tag) in _LABELS


# --- dates and times ---------------------------------------------------------------------

_YEAR_LEAD_INS = frozenset({"de", "del"})
# Month fields in a CLDR pattern, outside quoted literals.
_PATTERN_PART = re.compile(r"'(?:[^']|'')*'|M{3,4}|y+|d{1,2}|[^'Myd]+|.")


def format_local_date(
    date: dt.date,
    tag: str,
    pattern: str | None = None,
    month_names: Mapping[int, str] | None = None,
    *,
    year: bool = True,
    first_day: str | None = None,
) -> str:
    """`date` in the tag's language: the CLDR pattern given ("d MMM y") or CLDR's long
    date; `month_names` replaces the month CLDR writes (CNW's "avril" for "avr.");
    `year=False` drops the year and what separates it; `first_day` writes the first of the
    month ("1er" in French)."""
    from babel.dates import format_date, get_date_format

    locale = babel_locale(tag)
    if pattern is None:
        pattern = get_date_format("long", locale=locale).pattern
    parts = _PATTERN_PART.findall(pattern)
    written: list[str] = []
    for part in parts:
        if part in ("d", "dd") and first_day and date.day == 1:
            written.append("'" + first_day.replace("'", "''") + "'")
        elif part.startswith("MMM") and month_names and date.month in month_names:
            written.append("'" + month_names[date.month].replace("'", "''") + "'")
        elif part.startswith("y") and not year:
            # "d 'de' MMMM 'de' y" -> "d 'de' MMMM": the year takes its lead-in along.
            while written and (
                written[-1].strip(" ,") == "" or written[-1].strip("' ") in _YEAR_LEAD_INS
            ):
                written.pop()
            if written and written[-1].endswith((" ", ",")):
                written[-1] = written[-1].rstrip(" ,")
        else:
            written.append(part)
    return format_date(date, "".join(written), locale=locale)


# Clock times as the language's wire copy writes them: CNW's "11 h" and "8 h 30".
_TIME_PATTERNS: dict[str, tuple[str, str]] = {
    "fr": ("H 'h' mm", "H 'h'"),
    "de": ("H:mm 'Uhr'", "H 'Uhr'"),
    "es": ("H:mm", "H:mm"),
}


def format_local_time(time: dt.time, tag: str) -> str:
    from babel.dates import format_time

    with_minutes, on_the_hour = _TIME_PATTERNS.get(primary(tag), ("short", "short"))
    pattern = on_the_hour if time.minute == 0 else with_minutes
    return format_time(time, pattern, locale=babel_locale(tag))


# North American zones in French copy: heure de l'Est, du Centre, des Rocheuses, du Pacifique,
# de l'Atlantique (as Canadian French government and wire copy abbreviates them).
_ZONES_FR = {"ET": "HE", "CT": "HC", "MT": "HR", "PT": "HP", "AT": "HA"}


def local_zone(label: str, tag: str) -> str:
    """The zone label in the copy's language: "ET" is "HE" in French."""
    return _ZONES_FR.get(label, label) if primary(tag) == "fr" else label


# --- place names -------------------------------------------------------------------------

# Dateline cities whose name differs in the copy's language, by the AP (English, capitals,
# no accents) form. Seen in wire copy: QUÉBEC and MONTRÉAL (CNW French), NUEVA YORK (PR
# Newswire Spanish); the others follow the same practice.
_CITY_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "MONTREAL": "MONTRÉAL",
        "QUEBEC CITY": "QUÉBEC",
        "QUEBEC": "QUÉBEC",
        "TROIS-RIVIERES": "TROIS-RIVIÈRES",
        "LEVIS": "LÉVIS",
        "GATINEAU": "GATINEAU",
        "SAINT-JEROME": "SAINT-JÉRÔME",
        "NEW YORK": "NEW YORK",
        "LONDON": "LONDRES",
    },
    "es": {"NEW YORK": "NUEVA YORK", "LONDON": "LONDRES", "MIAMI": "MIAMI"},
    "de": {"MUNICH": "MÜNCHEN", "COLOGNE": "KÖLN", "VIENNA": "WIEN", "ZURICH": "ZÜRICH"},
}

_PROVINCE_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "BC": "Colombie-Britannique",
        "NB": "Nouveau-Brunswick",
        "NL": "Terre-Neuve-et-Labrador",
        "NT": "Territoires du Nord-Ouest",
        "NS": "Nouvelle-Écosse",
        "PE": "Île-du-Prince-Édouard",
        "QC": "Québec",
    },
}


def _plain_upper(city: str) -> str:
    decomposed = unicodedata.normalize("NFKD", city)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split()).upper()


def local_city(city: str, tag: str) -> str | None:
    """The dateline city in the copy's language, in capitals with its accents
    ("Montreal" -> "MONTRÉAL" in French); None for English copy (AP drops accents)."""
    if is_english(tag):
        return None
    known = _CITY_NAMES.get(primary(tag), {})
    plain = _plain_upper(city)
    return known.get(plain) or " ".join(city.split()).upper()


def english_city(written: str, tag: str) -> str | None:
    """The AP form of a dateline city the copy's language names its own way ("MONTRÉAL" ->
    "MONTREAL", "NUEVA YORK" -> "NEW YORK"), also when folded to ASCII; None otherwise."""
    plain = _plain_upper(written)
    for english, local in _CITY_NAMES.get(primary(tag), {}).items():
        if written.upper() == local or plain == _plain_upper(local):
            return english
    return None


def english_province(written: str, tag: str) -> str | None:
    """The postal code of a province the copy's language names its own way
    ("Colombie-Britannique" -> "BC"), also when folded to ASCII; None otherwise."""
    plain = _plain_upper(written)
    for postal, local in _PROVINCE_NAMES.get(primary(tag), {}).items():
        if plain == _plain_upper(local):
            return postal
    return None


def local_province(postal: str, tag: str) -> str | None:
    """A province's name in the copy's language, where it differs from English."""
    return _PROVINCE_NAMES.get(primary(tag), {}).get(postal)
