"""AP times with zones (wire-format.md section 5) and the embargo line's moment."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from prwriter.style.times import format_moment, zone_label


@pytest.mark.parametrize(
    ("zone", "when", "label"),
    [
        ("America/New_York", dt.datetime(2014, 11, 13, 8), "ET"),  # winter: still ET, not EST
        ("America/New_York", dt.datetime(2014, 7, 1, 8), "ET"),  # summer: still ET, not EDT
        ("America/Chicago", dt.datetime(2014, 7, 1, 8), "CT"),
        ("America/Denver", dt.datetime(2014, 7, 1, 8), "MT"),
        ("America/Los_Angeles", dt.datetime(2014, 7, 1, 8), "PT"),
        ("America/Vancouver", dt.datetime(2026, 3, 10, 8), "PT"),
        ("Europe/London", dt.datetime(2014, 7, 1, 8), "BST"),
        ("Europe/London", dt.datetime(2014, 12, 1, 8), "GMT"),
        ("Europe/Berlin", dt.datetime(2014, 12, 1, 8), "CET"),
    ],
)
def test_zone_labels(zone: str, when: dt.datetime, label: str) -> None:
    assert zone_label(when.replace(tzinfo=ZoneInfo(zone)), zone) == label


def test_offset_without_a_zone_name() -> None:
    moment = dt.datetime(2014, 11, 13, 8, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert zone_label(moment, None) == "UTC-05:00"


@pytest.mark.parametrize(
    ("hour", "minute", "style", "expected"),
    [
        (8, 0, "ap", "8 a.m. ET, Nov. 13, 2014"),
        (12, 0, "ap", "noon ET, Nov. 13, 2014"),
        (16, 30, "ap", "4:30 p.m. ET, Nov. 13, 2014"),
        (0, 0, "full", "midnight ET, November 13, 2014"),
    ],
)
def test_format_moment(hour: int, minute: int, style: str, expected: str) -> None:
    moment = dt.datetime(2014, 11, 13, hour, minute, tzinfo=ZoneInfo("America/New_York"))
    assert format_moment(moment, "America/New_York", style) == expected
