"""What to write instead of a date or time that is not ISO: the corrected value when the
intent is clear (`2025-3-5`, `March 5, 2025`, `03/05/2025`), else what is wrong in words.

The parser's own reasons ("input is too short", "invalid character in year") tell a writer
nothing they can act on; these messages are what the error corpus in tests/data/bad/ shows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9

_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")  # 2025-3-5, 2025/03/05
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # 03/05/2025, month first as in the U.S.
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20250305
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_DATE_AND_TIME = re.compile(
    r"(.+?)(?:T|\s+)(\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?m\.?)?)", re.IGNORECASE
)
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def _parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as the writer seems to mean them, not yet checked."""
    text = text.strip()
    if found := _NUMERIC.fullmatch(text) or _COMPACT.fullmatch(text):
        return int(found[1]), int(found[2]), int(found[3])
    if found := _US.fullmatch(text):
        return int(found[3]), int(found[1]), int(found[2])
    if (found := _MONTH_FIRST.fullmatch(text)) and found[1].lower() in _MONTHS:
        return int(found[3]), _MONTHS[found[1].lower()], int(found[2])
    if (found := _DAY_FIRST.fullmatch(text)) and found[2].lower() in _MONTHS:
        return int(found[3]), _MONTHS[found[2].lower()], int(found[1])
    return None


def _what_is_wrong(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days"


def date_hint(value: object) -> str:
    """The message for a date that pydantic refused; `value` is what the file holds."""
    text = str(value)
    parts = _parts(text)
    if parts is None:
        return f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-05"
    year, month, day = parts
    try:
        fixed = dt.date(year, month, day)
    except ValueError:
        # Day and month swapped (2025-13-01 for 13 January) is the one slip worth guessing.
        if month > 12 and 1 <= day <= 12:
            try:
                swapped = dt.date(year, day, month)
            except ValueError:
                pass
            else:
                return f"'{text}' is not a date; did you mean '{swapped.isoformat()}'?"
        return f"'{text}' is not a date: {_what_is_wrong(year, month, day)}"
    return f"'{text}' is not written YYYY-MM-DD; did you mean '{fixed.isoformat()}'?"


def datetime_hint(value: object) -> str:
    """The message for a date and time that pydantic refused."""
    text = str(value).strip()
    split = _DATE_AND_TIME.fullmatch(text)
    date_text, clock = (split[1], _TIME.fullmatch(split[2])) if split else (text, None)
    parts = _parts(date_text)
    example = "write it as YYYY-MM-DDTHH:MM, e.g. 2025-03-05T08:00"
    if parts is None or clock is None:
        return f"'{text}' is not a date and time; {example}"
    hour, minute = int(clock[1]), int(clock[2] or 0)
    second = int(clock[3] or 0)
    if clock[4]:
        if not 1 <= hour <= 12:
            return f"'{text}' is not a date and time: there is no {hour} {clock[4]}"
        hour = hour % 12 + (12 if clock[4].lower().startswith("p") else 0)
    if hour > 23:
        return f"'{text}' is not a date and time: there is no hour {hour}; {example}"
    if minute > 59 or second > 59:
        return f"'{text}' is not a date and time: minutes and seconds run to 59; {example}"
    try:
        day = dt.date(*parts)
    except ValueError:
        return f"'{text}' is not a date and time: {_what_is_wrong(*parts)}"
    fixed = dt.datetime.combine(day, dt.time(hour, minute, second))
    shown = fixed.isoformat(timespec="seconds" if second else "minutes")
    return f"'{text}' is not written YYYY-MM-DDTHH:MM; did you mean '{shown}'?"
