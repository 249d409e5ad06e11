"""Wrong dates and times get the corrected value, or what is wrong in plain words."""

from __future__ import annotations

import pytest

from prwriter.date_hints import date_hint, datetime_hint
from prwriter.errors import did_you_mean


@pytest.mark.parametrize(
    "given,message",
    [("2025-3-5", "'2025-3-5' is not written YYYY-MM-DD; did you mean '2025-03-05'?"),
     ("March 5, 2025", "did you mean '2025-03-05'?"),
     ("Sept. 9, 2025", "did you mean '2025-09-09'?"),
     ("5 March 2025", "did you mean '2025-03-05'?"),
     ("03/05/2025", "did you mean '2025-03-05'?"),  # month first, as in the U.S.
     ("2025/03/05", "did you mean '2025-03-05'?"),
     ("20250305", "did you mean '2025-03-05'?"),
     ("2025-13-01", "'2025-13-01' is not a date; did you mean '2025-01-13'?"),
     ("2014-02-30", "'2014-02-30' is not a date: February 2014 has 28 days"),
     ("2024-02-30", "February 2024 has 29 days"),
     ("2025-14-31", "there is no month 14"),
     ("next week", "'next week' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-05")],
)  # fmt: skip
def test_date_hint(given: str, message: str) -> None:
    assert message in date_hint(given)
    assert "invalid character" not in date_hint(given) and "input is" not in date_hint(given)


@pytest.mark.parametrize(
    "given,message",
    [("2025-03-05 8:00", "did you mean '2025-03-05T08:00'?"),
     ("March 5, 2025 4:30 p.m.", "did you mean '2025-03-05T16:30'?"),
     ("2025-03-05T12 am", "did you mean '2025-03-05T00:00'?"),
     ("2025-03-05T25:00", "there is no hour 25"),
     ("2025-03-05T08:61", "minutes and seconds run to 59"),
     ("2025-02-30T08:00", "February 2025 has 28 days"),
     ("at dawn", "'at dawn' is not a date and time; write it as YYYY-MM-DDTHH:MM")],
)  # fmt: skip
def test_datetime_hint(given: str, message: str) -> None:
    assert message in datetime_hint(given)


def test_did_you_mean_only_for_close_names() -> None:
    assert did_you_mean("acmee", ["acme", "zeta"]) == "; did you mean 'acme'?"
    assert did_you_mean("FORMAT", ["formats"]) == "; did you mean 'formats'?"
    assert did_you_mean("acme-press", ["acme-investors", "acme-media"]) == ""
    assert did_you_mean("x", []) == ""
