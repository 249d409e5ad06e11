"""AP month, date and time forms (wire-format reference, sections 4.1 and 5).

English only and locale-free on purpose: these are AP's own spellings, and a
locale's abbreviations ("Sep", "Mar.") would be wrong here.
"""

from __future__ import annotations

import datetime

__all__ = [
    "DATE_STYLES",
    "ap_month",
    "format_date",
    "format_time",
    "month_name",
]

DATE_STYLES: tuple[str, ...] = ("ap", "ap-padded", "full", "short")

_MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Table 4.1, "with a specific day" column: March through July are never shortened,
# and September is "Sept." rather than "Sep.".
_AP_MONTHS: tuple[str, ...] = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def _check_month(month: int) -> int:
    # bool is an int subclass, but True as a month is a caller bug, not January.
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"month must be an integer from 1 to 12, got {month!r}")
    return month - 1


def month_name(month: int) -> str:
    """Return the full English month name: 11 -> "November"."""
    return _MONTH_NAMES[_check_month(month)]


def ap_month(month: int) -> str:
    """Return the AP month form used with a specific day: 9 -> "Sept.", 3 -> "March"."""
    return _AP_MONTHS[_check_month(month)]


def format_date(d: datetime.date, style: str, *, year: bool = True) -> str:
    """Return ``d`` as "Nov. 13, 2014" ("ap"), "May 03, 2022" ("ap-padded"),
    "November 13, 2014" ("full") or "Sep 26, 2024" ("short"); ``year=False`` drops the year."""
    if style == "ap":
        text = f"{ap_month(d.month)} {d.day}"
    elif style == "ap-padded":
        # GlobeNewswire's recent copy zero-pads the day; AP itself does not.
        text = f"{ap_month(d.month)} {d.day:02d}"
    elif style == "full":
        text = f"{month_name(d.month)} {d.day}"
    elif style == "short":
        # Three letters, no period ("Sep 26"), as some syndicators and house styles write.
        text = f"{month_name(d.month)[:3]} {d.day}"
    else:
        raise ValueError(f"unknown date style {style!r}; expected one of {', '.join(DATE_STYLES)}")
    return f"{text}, {d.year}" if year else text


def format_time(t: datetime.time) -> str:
    """Return the AP clock time: "8 a.m.", "3:30 p.m.", "noon", "midnight".

    Seconds, microseconds and any time zone are ignored; zone labels are the caller's job.
    """
    if t.minute == 0 and t.hour == 0:
        return "midnight"
    if t.minute == 0 and t.hour == 12:
        return "noon"
    hour = t.hour % 12 or 12
    suffix = "a.m." if t.hour < 12 else "p.m."
    # AP shows minutes only when there are some: "8 a.m.", not "8:00 a.m.".
    clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
    return f"{clock} {suffix}"
