"""Numbers as financial statements write them: the one place amounts become text.

An amount is a typed fact (a Decimal, how many decimal places it is shown with, whether it
is a percentage); nil is None. `parse_amount` reads what a writer types in a table cell
(`1234`, `"1,234.50"`, `"(56)"`, `"$1,234"`, `"12.5%"`, `"—"`); `format_amount` writes it
back in statement form: thousands separators, negatives in parentheses, an em dash for nil,
the currency sign only where the caller asks for it (the first and total rows), and the
decimals as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NIL = "\u2014"  # em dash: a nil amount in a statement
NIL_INPUTS = frozenset({"\u2014", "\u2013", "-", "--", "nil", "n/a"})
_NUMBER = re.compile(r"(?P<sign>[-\u2212])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?")


@dataclass(frozen=True, slots=True)
class Amount:
    """A table cell's number: None is nil; `places` decimals are shown."""

    value: Decimal | None
    places: int = 0
    percent: bool = False


def parse_amount(given: object) -> Amount:
    """What a writer typed in a cell, as an Amount; ValueError saying what to write else."""
    if given is None:
        return Amount(None)
    if isinstance(given, bool):
        raise ValueError(f"expected a number, got {str(given).lower()}")
    if isinstance(given, int):
        return Amount(Decimal(given))
    if isinstance(given, float):
        if given != given or given in (float("inf"), float("-inf")):
            raise ValueError(f"{given} is not an amount")
        return _from_text(repr(given), repr(given))
    if isinstance(given, str):
        return _from_text(given.strip(), given)
    raise ValueError("expected a number, a percentage such as 12.5%, or — for nil")


def _from_text(text: str, given: str) -> Amount:
    if text.lower() in NIL_INPUTS:
        return Amount(None)
    body = text.replace(" ", "").removeprefix("$")
    negative = body.startswith("(") and body.endswith(")")
    if negative:
        body = body[1:-1].removeprefix("$")
    percent = body.endswith("%")
    body = body.removesuffix("%")
    found = _NUMBER.fullmatch(body)
    if not found or (negative and found.group("sign")):
        raise ValueError(
            f"'{given}' is not an amount; write a number such as 1234, 1,234.5, (56) for a "
            "negative, 12.5% or — for nil"
        )
    frac = found.group("frac") or ""
    digits = found.group("digits").replace(",", "")
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        raise ValueError(f"'{given}' is not an amount") from None
    if negative or found.group("sign"):
        value = -value
    return Amount(value, len(frac), percent)


def format_amount(amount: Amount, currency: str | None = None, places: int | None = None) -> str:
    """`amount` in statement form: `1,234`, `(56)`, `$1,234.50`, `12.5%`, `—`.

    `currency` goes before the digits (inside the parentheses of a negative); `places`
    overrides the decimals the amount was given with."""
    if amount.value is None:
        return NIL
    shown = amount.places if places is None else places
    magnitude = abs(amount.value)
    digits = f"{magnitude:,.{shown}f}"
    text = f"{currency or ''}{digits}{'%' if amount.percent else ''}"
    return f"({text})" if amount.value < 0 and Decimal(digits.replace(",", "")) else text


def sum_tolerance(places: int, units: float) -> Decimal:
    """How far a total may be from the sum of its rows: `units` of its last shown digit."""
    return Decimal(str(units)) * Decimal(1).scaleb(-places)
