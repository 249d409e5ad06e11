"""Amounts in statement form: what a writer types, and how every format writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prwriter.style.numbers import NIL, Amount, format_amount, parse_amount, sum_tolerance


@pytest.mark.parametrize(
    ("typed", "value", "places", "percent"),
    [
        (1234, Decimal(1234), 0, False),
        ("1,234", Decimal(1234), 0, False),
        ("1,234.50", Decimal("1234.50"), 2, False),
        ("(56)", Decimal(-56), 0, False),
        ("$(1,200.5)", Decimal("-1200.5"), 1, False),
        ("-7", Decimal(-7), 0, False),
        ("12.5%", Decimal("12.5"), 1, True),
        (0.21, Decimal("0.21"), 2, False),
        ("\u2014", None, 0, False),
        (None, None, 0, False),
    ],
)
def test_typed_cells_become_amounts(typed: object, value, places: int, percent: bool) -> None:
    assert parse_amount(typed) == Amount(value, places, percent)


@pytest.mark.parametrize("typed", ["12 apples", "1,23", "(-5)", "", True, [1], "1.2.3"])
def test_what_is_not_an_amount_is_refused_with_the_forms_to_write(typed: object) -> None:
    with pytest.raises(ValueError, match=r"number|amount"):
        parse_amount(typed)


@pytest.mark.parametrize(
    ("amount", "currency", "places", "written"),
    [
        (Amount(Decimal(1234567)), None, None, "1,234,567"),
        (Amount(Decimal(-56)), None, None, "(56)"),
        (Amount(Decimal(-56)), "$", None, "($56)"),
        (Amount(Decimal("47.5"), 1), "$", None, "$47.5"),
        (Amount(Decimal("0.4"), 1), "$", 2, "$0.40"),
        (Amount(Decimal("22.6"), 1, percent=True), None, None, "22.6%"),
        (Amount(None), "$", None, NIL),
        (Amount(Decimal("-0.001"), 3), None, 2, "0.00"),  # no "(0.00)"
    ],
)
def test_amounts_are_written_in_statement_form(
    amount: Amount, currency: str | None, places: int | None, written: str
) -> None:
    assert format_amount(amount, currency, places) == written


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_what_is_written_reads_back_as_the_same_amount(value: Decimal) -> None:
    amount = Amount(value, 2)
    assert parse_amount(format_amount(amount, "$")).value == value


def statement_form(amount: Amount, currency: str | None = None, places: int | None = None) -> str:
    """Statement form the long way, the specification `format_amount`'s quick path keeps
    to: round to the decimals shown, then read the rounded digits back to tell a negative
    amount from one that rounds to zero."""
    if amount.value is None:
        return NIL
    shown = amount.places if places is None else places
    digits = f"{abs(amount.value):,.{shown}f}"
    text = f"{currency or ''}{digits}{'%' if amount.percent else ''}"
    return f"({text})" if amount.value < 0 and Decimal(digits.replace(",", "")) else text


values = st.one_of(
    st.none(),
    st.sampled_from([Decimal(0), Decimal("-0"), Decimal("-0.00"), Decimal("0.000")]),
    st.decimals(min_value=-1, max_value=1, places=6),  # rounds to zero, or to a last digit
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=4),
    st.integers(-(10**12), 10**12).map(Decimal),
)


@given(
    values,
    st.integers(0, 4),
    st.booleans(),
    st.sampled_from([None, "", "$", "€", "C$"]),
    st.one_of(st.none(), st.integers(0, 9)),  # beyond the decimals prepared ahead
)
def test_statement_form_is_the_same_the_quick_way(
    value: Decimal | None, given: int, percent: bool, currency: str | None, places: int | None
) -> None:
    amount = Amount(value, given, percent)
    assert format_amount(amount, currency, places) == statement_form(amount, currency, places)


def test_the_rounding_tolerance_is_in_units_of_the_last_digit_shown() -> None:
    assert sum_tolerance(0, 1) == Decimal(1)
    assert sum_tolerance(2, 1.5) == Decimal("0.015")
