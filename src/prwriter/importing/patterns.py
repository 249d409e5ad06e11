"""A wire profile's format strings read backwards: each template becomes a regular
expression, and dates, times and trademark marks written in a wire's style are read back
into facts. Every reading is checked by writing the fact again in the same style."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from prwriter.style.dates import ap_month, format_date, month_name
from prwriter.style.times import US_ZONES, format_moment

_MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    for _form in (month_name(_n), ap_month(_n), month_name(_n)[:3], ap_month(_n).rstrip(".")):
        _MONTHS.setdefault(_form, _n)

DATE = (
    "(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + ")"
    r" \d{1,2}(?:, \d{4})?"
)
_DATE_PARTS = re.compile(r"^(?P<month>[A-Za-z.]+) (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?$")


def template_regex(template: str, groups: Mapping[str, str]) -> str:
    """`'{place}--(BUSINESS WIRE)--'` with `{"place": ".+?"}` -> a pattern with a named
    group per placeholder (a placeholder used twice matches the same text again)."""
    out = []
    seen: set[str] = set()
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is not None:
            if field in seen:
                out.append(f"(?P={field})")
            else:
                seen.add(field)
                out.append(f"(?P<{field}>{groups.get(field, '.+?')})")
    return "".join(out)


def literal_length(template: str) -> int:
    """How much fixed text a template has: a longer one identifies its wire better."""
    return sum(len(literal) for literal, *_ in string.Formatter().parse(template))


def read_date(text: str, style: str, *, year: int | None = None) -> dt.date | None:
    """`Nov. 13, 2014` in `style` -> the date; None unless writing it back gives `text`.
    A date written without its year takes `year`."""
    found = _DATE_PARTS.match(text)
    if not found or found["month"] not in _MONTHS:
        return None
    y = int(found["year"]) if found["year"] else year
    if y is None:
        return None
    try:
        value = dt.date(y, _MONTHS[found["month"]], int(found["day"]))
    except ValueError:
        return None
    written = format_date(value, style, year=found["year"] is not None)
    return value if written == text else None


_TIME = re.compile(
    r"^(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? (?P<half>[ap])\.m\.|noon|midnight)"
)
_ZONES_BY_LABEL: dict[str, str] = {}
for _zone, _label in US_ZONES.items():
    _ZONES_BY_LABEL.setdefault(_label, _zone)
_OTHER_ZONES = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Tokyo")


def read_moment(text: str, date_style: str) -> tuple[dt.datetime, str | None] | None:
    """`8 a.m. ET, Nov. 13, 2014` -> (local time, IANA zone); None unless it writes back."""
    found = _TIME.match(text)
    if not found:
        return None
    rest = text[found.end() :]
    zone_label, _, date_text = rest.strip().partition(", ")
    day = read_date(date_text, date_style)
    if day is None:
        return None
    if found["hour"]:
        hour = int(found["hour"]) % 12 + (12 if found["half"] == "p" else 0)
        clock = dt.time(hour, int(found["minute"] or 0))
    else:
        clock = dt.time(12 if found.group() == "noon" else 0)
    candidates = [_ZONES_BY_LABEL[zone_label]] if zone_label in _ZONES_BY_LABEL else []
    candidates += list(_OTHER_ZONES)
    for zone in candidates:
        moment = dt.datetime.combine(day, clock, tzinfo=ZoneInfo(zone))
        if format_moment(moment, zone, date_style) == text:
            return dt.datetime.combine(day, clock), zone
    return None


def unmark(text: str, marks: Mapping[str, str]) -> str:
    """Undo a profile's trademark encoding: `Kadcyla(R)` -> `Kadcyla®`."""
    for mark, written in marks.items():
        if written != mark:
            text = text.replace(written, mark)
    return text


# Markdown that would change plain copy: escaped with a backslash (CommonMark).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """Plain copy as Markdown that reads back as the same characters; a line break in the
    copy stays a line break."""
    lines = []
    for line in text.split("\n"):
        line = _ENTITY.sub("\\&", _INLINE_SPECIAL.sub(r"\\\1", line))
        found = _LINE_START.match(line)
        if found:
            marker = found.group(2)
            escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
            line = found.group(1) + escaped + line[found.end() :]
        lines.append(line)
    return "\\\n".join(lines)
