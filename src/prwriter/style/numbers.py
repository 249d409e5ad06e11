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
    shown = amount.places if places is None else places
    return format_number(amount.value, shown, amount.percent, currency)


def format_number(
    value: Decimal | None, places: int, percent: bool = False, currency: str | None = None
) -> str:
    """`format_amount` on the facts of a cell, `places` decimals shown: what a table's rows
    call for each of their many cells, without building an Amount for each."""
    if value is None:
        return NIL
    spec = _DIGITS[places] if 0 <= places < len(_DIGITS) else f",.{places}f"
    digits = format(abs(value), spec)
    text = f"{currency}{digits}" if currency else digits
    if percent:
        text += "%"
    # A negative that rounds to zero is written as zero, not "(0.00)": the digits say so
    # without parsing them back into a Decimal.
    return f"({text})" if value < 0 and digits.strip("0.,") else text


# The format spec of each number of decimals a statement commonly shows, made once rather
# than for every cell.
_DIGITS = tuple(f",.{n}f" for n in range(7))


def sum_tolerance(places: int, units: float) -> Decimal:
    """How far a total may be from the sum of its rows: `units` of its last shown digit."""
    return Decimal(str(units)) * Decimal(1).scaleb(-places)
