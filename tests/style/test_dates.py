"""Tests for prwriter.style.dates (wire-format reference, sections 4.1 and 5)."""

from __future__ import annotations

import datetime

import pytest

from prwriter.style.dates import DATE_STYLES, ap_month, format_date, format_time, month_name

# Table 4.1: (full name, form with a specific day).
MONTHS = [
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "March"),
    ("April", "April"),
    ("May", "May"),
    ("June", "June"),
    ("July", "July"),
    ("August", "Aug."),
    ("September", "Sept."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
]


@pytest.mark.parametrize(("month", "names"), list(enumerate(MONTHS, start=1)))
def test_month_forms(month: int, names: tuple[str, str]) -> None:
    full, ap = names
    assert month_name(month) == full
    assert ap_month(month) == ap


def test_september_is_sept() -> None:
    assert ap_month(9) == "Sept."
    assert format_date(datetime.date(2022, 9, 19), "ap") == "Sept. 19, 2022"
    assert "Sep." not in format_date(datetime.date(2022, 9, 19), "ap-padded")


def test_seven_months_are_abbreviated() -> None:
    shortened = [ap_month(m) for m in range(1, 13) if ap_month(m).endswith(".")]
    assert shortened == ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@pytest.mark.parametrize("month", [0, 13, -1, True])
def test_bad_month(month: int) -> None:
    with pytest.raises(ValueError, match="month"):
        month_name(month)
    with pytest.raises(ValueError, match="month"):
        ap_month(month)


@pytest.mark.parametrize(
    ("date", "style", "year", "expected"),
    [
        (datetime.date(2014, 11, 13), "ap", True, "Nov. 13, 2014"),
        (datetime.date(2026, 3, 5), "ap", True, "March 5, 2026"),
        (datetime.date(2012, 2, 22), "ap", True, "Feb. 22, 2012"),
        (datetime.date(2020, 9, 9), "ap", False, "Sept. 9"),
        (datetime.date(2009, 8, 31), "ap", False, "Aug. 31"),
        (datetime.date(2022, 5, 3), "ap-padded", True, "May 03, 2022"),
        (datetime.date(2024, 8, 8), "ap-padded", True, "Aug. 08, 2024"),
        (datetime.date(2022, 9, 19), "ap-padded", True, "Sept. 19, 2022"),
        (datetime.date(2024, 8, 8), "ap-padded", False, "Aug. 08"),
        (datetime.date(2014, 11, 13), "full", True, "November 13, 2014"),
        (datetime.date(2024, 9, 26), "full", True, "September 26, 2024"),
        (datetime.date(2020, 7, 27), "full", False, "July 27"),
    ],
)
def test_format_date(date: datetime.date, style: str, year: bool, expected: str) -> None:
    assert format_date(date, style, year=year) == expected


def test_format_date_year_defaults_on() -> None:
    assert format_date(datetime.date(2021, 1, 14), "ap") == "Jan. 14, 2021"


def test_format_date_accepts_datetime() -> None:
    moment = datetime.datetime(2014, 11, 13, 8, 0)
    assert format_date(moment, "ap") == "Nov. 13, 2014"


@pytest.mark.parametrize("style", ["AP", "Short", "", "tabular"])
def test_format_date_rejects_unknown_style(style: str) -> None:
    with pytest.raises(ValueError, match="ap, ap-padded, full"):
        format_date(datetime.date(2014, 11, 13), style)


def test_date_styles_constant() -> None:
    assert DATE_STYLES == ("ap", "ap-padded", "full", "short")


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 0), "noon"),
        (datetime.time(8, 0), "8 a.m."),
        (datetime.time(15, 30), "3:30 p.m."),
        (datetime.time(0, 15), "12:15 a.m."),
        (datetime.time(12, 30), "12:30 p.m."),
        (datetime.time(9, 5), "9:05 a.m."),
        (datetime.time(11, 59), "11:59 a.m."),
        (datetime.time(13, 0), "1 p.m."),
        (datetime.time(17, 0), "5 p.m."),
        (datetime.time(23, 59), "11:59 p.m."),
        (datetime.time(1, 0), "1 a.m."),
        (datetime.time(22, 0), "10 p.m."),
    ],
)
def test_format_time(time: datetime.time, expected: str) -> None:
    assert format_time(time) == expected


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (datetime.time(12, 0, 45), "noon"),
        (datetime.time(0, 0, 1), "midnight"),
        (datetime.time(8, 0, 59, 999), "8 a.m."),
        (datetime.time(15, 30, 10), "3:30 p.m."),
    ],
)
def test_format_time_ignores_seconds(time: datetime.time, expected: str) -> None:
    assert format_time(time) == expected


def test_format_time_ignores_zone() -> None:
    eastern = datetime.timezone(datetime.timedelta(hours=-5))
    assert format_time(datetime.time(10, 0, tzinfo=eastern)) == "10 a.m."


def test_short_style_writes_three_letters_without_a_period() -> None:
    import datetime

    from prwriter.style.dates import format_date

    assert format_date(datetime.date(2024, 9, 26), "short") == "Sep 26, 2024"
    assert format_date(datetime.date(2024, 6, 2), "short", year=False) == "Jun 2"
