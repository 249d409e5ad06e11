"""Copy in French, German and Spanish read back: the languages the importer reads besides
English, the tag it writes as the release's `language:`, and the language's forms the
writers print read backwards (CLDR dates through Babel in the profile's pattern, embargo
moments, dateline cities, About headings, the words that mark a legal block).

The writers' own data is reused (`style.languages`, the profile's `languages:` settings);
what is here is only what reading needs on top of it. Every reading is checked by writing
the fact again in the same form, as for English copy."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from prwriter.style.charset import to_ascii
from prwriter.style.languages import (
    babel_locale,
    english_city,
    english_province,
    format_local_date,
    format_local_time,
    labels,
    local_zone,
    primary,
)
from prwriter.style.times import US_ZONES, zone_label
from prwriter.wires import WireProfile

Place = dict[str, str]


@dataclass(frozen=True, slots=True)
class Language:
    """A language the importer reads, with the words its copy marks legal blocks with."""

    # The tag a release read in this language is written with: the copy names no region,
    # so the one whose wires carry the forms (CNW and GlobeNewswire French are Canadian).
    tag: str
    # Words an About heading may put before the company's name (`About the Acme Group`).
    articles: tuple[str, ...]
    # About headings besides the writer's (`labels(tag).about`): French elides `de` before
    # a vowel, `À propos d'Orbiterre`.
    about_forms: tuple[str, ...]
    # Words that make a block legal, by the legal entry's kind (first kind found wins).
    legal: dict[str, tuple[str, ...]]


LANGUAGES: dict[str, Language] = {
    "fr": Language(
        tag="fr-CA",
        articles=("la ", "l'", "l\u2019"),
        about_forms=("À propos d'{name}", "À propos d\u2019{name}"),
        legal={
            "forward-looking": ("énoncés prospectifs", "déclarations prospectives",
                                "information prospective", "informations prospectives",
                                "mise en garde"),
            "trademark": ("marque de commerce", "marques de commerce", "marque déposée",
                          "marques déposées"),
            "disclaimer": ("ne constitue pas une offre", "sollicitation",
                           "avis de non-responsabilité"),
            "notice": ("tous droits réservés",),
        },
    ),
    "de": Language(
        tag="de-DE",
        articles=("die ", "den ", "das ", "der "),
        about_forms=(),
        legal={
            "forward-looking": ("zukunftsgerichtete", "zukunftsbezogene"),
            "trademark": ("eingetragene marke", "eingetragenes warenzeichen", "warenzeichen"),
            "disclaimer": ("haftungsausschluss", "kein angebot", "stellt kein angebot"),
            "notice": ("alle rechte vorbehalten",),
        },
    ),
    "es": Language(
        tag="es",
        articles=("la ", "el "),
        about_forms=("Acerca del {name}",),
        legal={
            "forward-looking": ("declaraciones prospectivas", "declaraciones a futuro",
                                "proyecciones a futuro", "declaraciones sobre el futuro"),
            "trademark": ("marca registrada", "marcas registradas", "marca comercial"),
            "disclaimer": ("no constituye una oferta", "exención de responsabilidad",
                           "aviso legal"),
            "notice": ("todos los derechos reservados",),
        },
    ),
}  # fmt: skip


# Company names in the copy of these languages: legal suffixes English lacks (`inc.` and
# `ltée` in Quebec, `KGaA`, `S.L.`) and the small words inside names (`Fromagerie des
# Cantons inc.`, `Müller und Söhne GmbH`, `Frutas del Valle S.A.`).
COMPANY_SUFFIXES = ("inc", "ltée", "Ltée", "KGaA", "S\\.L", "S\\.A\\.S", "S\\.A\\.B")
NAME_CONNECTORS = frozenset({"des", "du", "la", "et", "und", "y", "del"})
# German copy declines the article before a company's name (`die Feldberg AG`, `der
# Feldberg AG`): never part of the name, unlike English `The` or French `La`.
NAME_ARTICLES = frozenset({"Die", "Der", "Das", "Den", "Dem", "die", "der", "das", "den", "dem"})


def declined_articles(tag: str | None) -> frozenset[str]:
    """The articles that precede a company's name in copy of language `tag` without being
    part of it: German copy's alone (an English company may be called `Die Cast Co.`)."""
    return NAME_ARTICLES if tag is not None and primary(tag) == "de" else frozenset()


def language_of(tag: str) -> Language:
    return LANGUAGES[primary(tag)]


def read_tags() -> list[str]:
    """The tags an import tries besides English, in order."""
    return [language.tag for language in LANGUAGES.values()]


def contacts_headings() -> set[str]:
    """The print copy's contacts heading in each language read (`Contacts`,
    `Renseignements`, `Pressekontakt`, `Contacto`)."""
    return {labels(tag).contacts for tag in ("en", *read_tags())}


# --- legal blocks ------------------------------------------------------------------------


@cache
def _legal_words(tag: str, folded: bool) -> dict[str, re.Pattern[str]]:
    found = {}
    for kind, words in language_of(tag).legal.items():
        forms = {to_ascii(w) if folded else w for w in words}
        found[kind] = re.compile("|".join(map(re.escape, sorted(forms))), re.IGNORECASE)
    return found


def legal_kind(text: str, tag: str, *, folded: bool = False) -> str | None:
    """The kind of legal entry the words of `text` mark in the tag's language, or None."""
    for kind, pattern in _legal_words(tag, folded).items():
        if pattern.search(text):
            return kind
    return None


# --- About headings ----------------------------------------------------------------------


def about_regex(tag: str, *, folded: bool = False) -> str:
    """The language's About headings (`À propos de {name}`) with a `name` group."""
    forms = [labels(tag).about, *language_of(tag).about_forms]
    leads = dict.fromkeys(
        re.escape(to_ascii(lead) if folded else lead)
        for lead in (form.split("{name}")[0] for form in forms)
    )
    return "(?:" + "|".join(leads) + ")(?P<name>.+)"


def about_name(written: str, tag: str, known: tuple[str, ...] = ()) -> str:
    """The company an About heading names, without an article before it, unless a name
    the copy gives elsewhere (`known`: its source line) has it (`La Coopérative X`)."""
    for name in known:
        if name.casefold() == written.casefold():
            return name
    for article in language_of(tag).articles:
        if written.startswith(article) and written[len(article) :][:1].isupper():
            return written[len(article) :]
    return written


# --- dates -------------------------------------------------------------------------------

_TOKEN = re.compile(r"'(?:[^']|'')*'|(?P<field>[A-Za-z])(?P=field)*|[^'A-Za-z]+")


@cache
def _months(locale: str, overrides: tuple[tuple[int, str], ...], folded: bool) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(name, number)
    for number, name in overrides:
        names[name] = number
    if folded:
        names = {to_ascii(name): number for name, number in names.items()}
    return names


def _pattern(wire: WireProfile, tag: str) -> str:
    return wire.date_pattern or _long_pattern(babel_locale(tag))


@cache
def _long_pattern(locale: str) -> str:
    from babel.dates import get_date_format

    return str(get_date_format("long", locale=locale).pattern)


@cache
def _date_regex(
    pattern: str,
    locale: str,
    overrides: tuple[tuple[int, str], ...],
    first_day: str | None,
    folded: bool,
    optional_year: bool,
) -> str:
    """A CLDR date pattern as a regular expression with day, month and year groups."""
    fold = to_ascii if folded else str
    months = "|".join(
        re.escape(m) for m in sorted(_months(locale, overrides, folded), key=len, reverse=True)
    )
    day = r"\d{1,2}" + (f"|{re.escape(fold(first_day))}" if first_day else "")
    out: list[str] = []
    for token in _TOKEN.finditer(pattern):
        text, field = token.group(), token["field"]
        if field in ("d",):
            out.append(f"(?P<day>{day})")
        elif field in ("M", "L"):
            out.append(f"(?P<month>{months})" if len(text) >= 3 else r"(?P<month>\d{1,2})")
        elif field == "y":
            year = r"(?P<year>\d{4})"
            if optional_year:
                # Written without its year, the date drops what leads to it (" 'de' ").
                lead = ""
                while out and not out[-1].startswith("(?P<"):
                    lead = out.pop() + lead
                year = f"(?:{lead}{year})?"
            out.append(year)
        elif field in ("E", "c"):
            out.append(r"[^\W\d_]+\.?")
        elif text.startswith("'"):
            literal = "'" if text == "''" else text[1:-1].replace("''", "'")
            out.append(re.escape(fold(literal)))
        else:
            out.append(re.escape(fold(text)))
    return "".join(out)


def _date_args(wire: WireProfile, tag: str, folded: bool, optional_year: bool) -> tuple[Any, ...]:
    overrides = tuple(sorted(wire.month_names.items()))
    return (_pattern(wire, tag), babel_locale(tag), overrides, wire.first_day, folded,
            optional_year)  # fmt: skip


def date_regex(wire: WireProfile, tag: str, *, folded: bool = False, dateline: bool = False) -> str:
    """The profile's date in the tag's language, as a pattern without groups."""
    optional_year = dateline and not wire.dateline_year
    return re.sub(r"\(\?P<\w+>", "(?:", _date_regex(*_date_args(wire, tag, folded, optional_year)))


def read_local_date(
    text: str, wire: WireProfile, tag: str, *, folded: bool = False, year: int | None = None
) -> dt.date | None:
    """`22 avril 2024` in the profile's pattern for the tag -> the date; None unless writing
    it back gives `text`. A date written without its year takes `year`."""
    args = _date_args(wire, tag, folded, optional_year=True)
    found = re.fullmatch(_date_regex(*args), text)
    if found is None:
        return None
    months = _months(args[1], args[2], folded)
    written_day, written_month = found["day"], found["month"]
    number = int(written_month) if written_month.isdigit() else months.get(written_month)
    y = int(found["year"]) if found["year"] else year
    if number is None or y is None or written_day is None:
        return None
    try:
        date = dt.date(y, number, int(written_day) if written_day.isdigit() else 1)
    except ValueError:
        return None
    again = format_local_date(
        date,
        tag,
        wire.date_pattern,
        wire.month_names,
        year=found["year"] is not None,
        first_day=wire.first_day,
    )
    return date if (to_ascii(again) if folded else again) == text else None


_OTHER_ZONES = ("UTC", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/London")
_CLOCK = re.compile(r"(?P<hour>\d{1,2})\D{1,6}?(?P<minute>\d{2})?(?:\D*)$")


def read_local_moment(
    text: str, wire: WireProfile, tag: str, *, folded: bool = False
) -> tuple[dt.datetime, str] | None:
    """`8 h 30 HE, 1er mars 2024` (an embargo in the tag's language) -> (local time, IANA
    zone); None unless the writer's form of it gives `text` again."""
    clock_and_zone, comma, date_text = text.partition(", ")
    clock_text, _, zone_text = clock_and_zone.rpartition(" ")
    if not comma or not clock_text:
        return None
    day = read_local_date(date_text, wire, tag, folded=folded)
    found = _CLOCK.match(clock_text)
    if day is None or found is None:
        return None
    try:
        clock = dt.time(int(found["hour"]), int(found["minute"] or 0))
    except ValueError:
        return None
    if format_local_time(clock, tag) != clock_text:
        return None
    for zone in (*dict.fromkeys(US_ZONES), *_OTHER_ZONES):
        moment = dt.datetime.combine(day, clock, tzinfo=ZoneInfo(zone))
        if local_zone(zone_label(moment, zone), tag) == zone_text:
            return dt.datetime.combine(day, clock), zone
    return None


# --- dateline places ---------------------------------------------------------------------


def read_local_places(
    text: str, wire: WireProfile, tag: str, *, folded: bool = False
) -> list[Place] | None:
    """The dateline's places in the tag's language (`MONTRÉAL`, `NUEVA YORK`), read in
    their English form and kept only when the writer gives `text` again."""
    from prwriter.importing.places import _candidates, read_place
    from prwriter.style.places import needs_region

    places: list[Place] = []
    for part in text.split(wire.city_separator):
        if wire.city_case == "as-written" or not wire.dateline_region:
            place = read_place(part, wire)  # Walldorf, as the issuer writes it
            if place is None or _written(place, wire, tag, folded) != part:
                return None
            places.append(place)
            continue
        city, comma, region = part.partition(", ")
        # Colombie-Britannique is British Columbia.
        postal = english_province(region, tag)
        region = postal or region
        # The AP name first (MONTRÉAL is Montreal, as English copy has it), then the city
        # as written (CHÂTEAUGUAY, which no table names).
        english = english_city(city, tag) or to_ascii(city).upper()
        readings = [
            p
            for form in (english, city)
            for p in _candidates(form + comma + region, False)
            if len(p) > 1 or not needs_region(p["city"])
        ]
        place = next((p for p in readings if _written(p, wire, tag, folded) == part), None)
        if place is None:
            return None
        places.append(place)
    return places or None


def _written(place: Place, wire: WireProfile, tag: str, folded: bool) -> str | None:
    from prwriter.formatting import Facts
    from prwriter.model import Place as PlaceModel
    from prwriter.model import Province, State
    from prwriter.style.places import find_province, find_state

    state = find_state(place["state"]) if "state" in place else None
    province = find_province(place["province"]) if "province" in place else None
    model = PlaceModel(
        city=place["city"],
        state=State(name=state.name, ap=state.ap, postal=state.postal) if state else None,
        province=Province(name=province.name, postal=province.postal) if province else None,
        country=place.get("country"),
    )
    try:
        written = Facts(SimpleNamespace(language=tag), wire).place(model)  # type: ignore[arg-type]
    except ValueError:
        return None
    return to_ascii(written) if folded else written
