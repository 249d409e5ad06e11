"""House style for facts, shared by every writer: a release's dateline, dates, timing line,
tickers and contact lines as a wire profile writes them.

Results are plain, unescaped strings; each writer escapes them for its own output (wire
rules for text, HTML escaping for HTML, XML-safe runs for DOCX).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from prwriter.model import Company, Contact, Place, Release, Table, TableRow
from prwriter.style.contacts import fill_line
from prwriter.style.dates import format_date
from prwriter.style.languages import (
    format_local_date,
    format_local_time,
    is_english,
    local_city,
    local_province,
    local_zone,
)
from prwriter.style.numbers import format_number
from prwriter.style.places import find_province, find_state, format_place
from prwriter.style.tickers import format_listings
from prwriter.style.times import format_moment, zone_label
from prwriter.style.typography import space_for
from prwriter.wires import WireProfile


class Facts:
    """A release's facts written in one wire profile's style."""

    def __init__(self, release: Release, wire: WireProfile) -> None:
        self.release = release
        self.wire = wire

    @property
    def english(self) -> bool:
        return is_english(self.release.language)

    @property
    def date(self) -> str:
        return self.format_date(self.release.date)

    def format_date(self, date: dt.date, *, year: bool = True) -> str:
        """A date in the wire's style: AP for English copy, the profile's CLDR pattern (or
        CLDR's long date) in the copy's language otherwise."""
        if self.english:
            return format_date(date, self.wire.date_style, year=year)
        return format_local_date(
            date,
            self.release.language,
            self.wire.date_pattern,
            self.wire.month_names,
            year=year,
            first_day=self.wire.first_day,
        )

    def date_line(self) -> str | None:
        return self.wire.date_line.format(date=self.date) if self.wire.date_line else None

    def dateline(self) -> str:
        """What goes before the lead: `WALTHAM, Mass.--(BUSINESS WIRE)--`."""
        date = self.format_date(self.release.date, year=self.wire.dateline_year)
        return self.wire.dateline.format(place=self.places(), date=date)

    def places(self) -> str:
        return self.wire.city_separator.join(self.place(p) for p in self.release.dateline)

    def place(self, place: Place) -> str:
        province = find_province(place.province.postal) if place.province else None
        as_written = self.wire.city_case == "as-written"
        language = self.release.language
        if not self.wire.dateline_region:
            alone = " ".join(place.city.split())
            return alone if as_written else (local_city(alone, language) or alone.upper())
        if province is not None and self.wire.state_style != "postal":
            # "Québec" and "Colombie-Britannique" in French copy.
            local = local_province(province.postal, language)
            province = dataclasses.replace(province, name=local) if local else province
        written = format_place(
            place.city,
            state=find_state(place.state.postal) if place.state else None,
            province=province,
            country=place.country,
            state_style=self.wire.state_style,
            standalone=self.wire.standalone_cities,
            also_alone=self.wire.standalone_also,
            as_written=as_written,
        )
        city = local_city(place.city, language)
        if city is None or as_written:
            return written
        # AP capitals without accents; other languages keep theirs: MONTRÉAL, QUÉBEC.
        _, comma, region = written.partition(", ")
        return city + comma + region

    def timing_line(self) -> str:
        """`FOR IMMEDIATE RELEASE`, or the embargo: `EMBARGOED UNTIL 8 a.m. ET, Nov. 13, 2014`."""
        embargo = self.release.embargo
        if embargo is None:
            return self.wire.immediate_line
        if self.english:
            moment = format_moment(embargo.until, embargo.timezone, self.wire.date_style)
        else:
            local = embargo.until
            time = format_local_time(local.time(), self.release.language)
            zone = local_zone(zone_label(local, embargo.timezone), self.release.language)
            moment = f"{time} {zone}, {self.format_date(local.date())}"
        return self.wire.embargo_line.format(moment=moment)

    def ticker(self, company: Company) -> str | None:
        """`(Nasdaq: IMGN)` after the company's first mention, if it has one there."""
        return self.listings(company) if company.ticker else None

    def listings(self, company: Company) -> str | None:
        """The company's listings in the profile's ticker form, or None without any."""
        if not company.listings:
            return None
        listings = [(x.exchange, x.symbol) for x in company.listings]
        form = self.wire.ticker
        if company.ticker_spacing == "spaced" and self.wire.space_before_marks != "none":
            # The issuer's French form, "(TSX : SXP)", with the profile's space (one that
            # never breaks, unless the profile prints plain spaces).
            form = form.replace("}: {", "}" + space_for(":", self.wire.space_before_marks) + ": {")
        return format_listings(
            listings, form, self.wire.ticker_separator, self.wire.exchange_labels
        )

    def source_line(self) -> str | None:
        return (
            self.wire.source_line.format(source=self.release.source)
            if self.wire.source_line
            else None
        )

    def contact_lines(self, contact: Contact) -> list[str]:
        """The lines of one contact, from the profile's `contact_lines` templates; a contact
        written as text is its text, line by line."""
        if contact.text is not None:
            return contact.text.splitlines()
        wire = self.wire
        phones = [
            wire.phone_label.format(label=p.label, number=p.number) if p.label else p.number
            for p in contact.phones
        ]
        values = {
            "organization": contact.organization,
            "name": contact.name,
            "title": contact.title,
            "phones": wire.phone_separator.join(phones),
            "emails": wire.email_separator.join(
                wire.email_form.format(email=e) for e in contact.emails
            ),
            "web": contact.web,
        }
        lines = (fill_line(template, values) for template in wire.contact_lines)
        return [line for line in lines if line]


def row_cells(table: Table, row: TableRow) -> list[str]:
    """A table row's amounts in statement form, one string per column; a heading row has
    none. Every writer takes its numbers from here."""
    sign = table.currency if row.currency else None
    fixed = row.places
    return [
        format_number(
            c.value, c.places if fixed is None else fixed, c.percent, None if c.percent else sign
        )
        for c in row.cells
    ]


def header_rows(table: Table) -> list[list[tuple[str, int]]]:
    """The heading rows as (text, span) pairs, the stub (if any) over the labels first."""
    return [[(c.text, c.span) for c in row] for row in table.header]


def column_headings(table: Table) -> list[str]:
    """One heading per column, the spanning headings above it joined in (for formats with a
    single heading row): "Three Months Ended March 31, 2026"."""
    names: list[list[str]] = [[] for _ in range(table.columns)]
    for heading in table.header:
        start = 0
        for cell in heading:
            for j in range(start, start + cell.span):
                names[j].append(cell.text)
            start += cell.span
    return [" ".join(parts) for parts in names]
