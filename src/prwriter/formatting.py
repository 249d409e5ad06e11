"""House style for facts, shared by every writer: a release's dateline, dates, timing line,
tickers and contact lines as a wire profile writes them.

Results are plain, unescaped strings; each writer escapes them for its own output (wire
rules for text, HTML escaping for HTML, XML-safe runs for DOCX).
"""

from __future__ import annotations

from prwriter.model import Company, Contact, Place, Release, Table, TableRow
from prwriter.style.contacts import fill_line
from prwriter.style.dates import format_date
from prwriter.style.numbers import Amount as NumberAmount
from prwriter.style.numbers import format_amount
from prwriter.style.places import find_province, find_state, format_place
from prwriter.style.tickers import format_listings
from prwriter.style.times import format_moment
from prwriter.wires import WireProfile


class Facts:
    """A release's facts written in one wire profile's style."""

    def __init__(self, release: Release, wire: WireProfile) -> None:
        self.release = release
        self.wire = wire

    @property
    def date(self) -> str:
        return format_date(self.release.date, self.wire.date_style)

    def date_line(self) -> str | None:
        return self.wire.date_line.format(date=self.date) if self.wire.date_line else None

    def dateline(self) -> str:
        """What goes before the lead: `WALTHAM, Mass.--(BUSINESS WIRE)--`."""
        date = format_date(self.release.date, self.wire.date_style, year=self.wire.dateline_year)
        return self.wire.dateline.format(place=self.places(), date=date)

    def places(self) -> str:
        return self.wire.city_separator.join(self.place(p) for p in self.release.dateline)

    def place(self, place: Place) -> str:
        return format_place(
            place.city,
            state=find_state(place.state.postal) if place.state else None,
            province=find_province(place.province.postal) if place.province else None,
            country=place.country,
            state_style=self.wire.state_style,
            standalone=self.wire.standalone_cities,
            as_written=self.wire.city_case == "as-written",
        )

    def timing_line(self) -> str:
        """`FOR IMMEDIATE RELEASE`, or the embargo: `EMBARGOED UNTIL 8 a.m. ET, Nov. 13, 2014`."""
        embargo = self.release.embargo
        if embargo is None:
            return self.wire.immediate_line
        moment = format_moment(embargo.until, embargo.timezone, self.wire.date_style)
        return self.wire.embargo_line.format(moment=moment)

    def ticker(self, company: Company) -> str | None:
        """`(Nasdaq: IMGN)` after the company's first mention, if it has one there."""
        return self.listings(company) if company.ticker else None

    def listings(self, company: Company) -> str | None:
        """The company's listings in the profile's ticker form, or None without any."""
        if not company.listings:
            return None
        listings = [(x.exchange, x.symbol) for x in company.listings]
        return format_listings(
            listings, self.wire.ticker, self.wire.ticker_separator, self.wire.exchange_labels
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
    return [
        format_amount(
            NumberAmount(c.value, c.places, c.percent), None if c.percent else sign, row.places
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
