"""AP times with their zone, as in an embargo line: "8 a.m. ET, Nov. 13, 2014"."""

from __future__ import annotations

import datetime as dt

from prwriter.style.dates import format_date, format_time

# AP and Business Wire prefer the season-free U.S. zone names: "ET" is right in summer and
# winter alike, where "EST" in July is a mistake editors have to fix.
US_ZONES: dict[str, str] = {
    **dict.fromkeys(
        ("America/New_York", "America/Detroit", "America/Indiana/Indianapolis",
         "America/Kentucky/Louisville", "America/Toronto", "America/Montreal", "US/Eastern"),
        "ET",
    ),
    **dict.fromkeys(
        ("America/Chicago", "America/Winnipeg", "America/Indiana/Knox", "US/Central"), "CT"
    ),
    **dict.fromkeys(
        ("America/Denver", "America/Phoenix", "America/Edmonton", "America/Boise",
         "US/Mountain"),
        "MT",
    ),
    **dict.fromkeys(("America/Los_Angeles", "America/Vancouver", "US/Pacific"), "PT"),
}  # fmt: skip


def zone_label(moment: dt.datetime, timezone: str | None) -> str:
    """ "ET" for U.S. Eastern and the like; the zone's own abbreviation elsewhere."""
    if timezone in US_ZONES:
        return US_ZONES[timezone]
    return moment.tzname() or "UTC"


def format_moment(moment: dt.datetime, timezone: str | None, date_style: str = "ap") -> str:
    """ "8 a.m. ET, Nov. 13, 2014": AP time, zone, then the date."""
    return f"{format_time(moment.time())} {zone_label(moment, timezone)}, " + format_date(
        moment.date(), date_style
    )
