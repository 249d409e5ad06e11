"""Financial tables read back into `table:` parts, whatever form they were read from.

An amount as written (`$1,234`, `(56)`, `0.21`, `12.5%`, `—`) becomes a typed fact: an
integer, a number with its decimals, a percentage, nil. `table_part` turns rows read in
any form into a part's facts: kinds from rules or bold labels, indents, the currency sign
on the rows that show it, decimals kept; `finish` says what the table is (a
reconciliation, guidance) and which totals are not sums, as the checks read them.
Wire text's fixed-width tables are read in `wiretables.py`; Markdown pipe tables and Word
tables give their cells to `table_of_cells`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prwriter.model import Table

# More digits than any statement prints: text, not an amount (Python refuses to write an
# integer of more than 4,300 digits, and no reader needs one).
MAX_DIGITS = 30
NILS = frozenset({"\u2014", "--", "\u2013", "-"})
_CELL = re.compile(
    # The currency: a sign ($, €), letters and a sign (C$, US$) or a code (EUR, CHF).
    r"(?P<open>\()?(?P<sign>(?:[A-Z]{0,3}[^\w\s()%.,\-\u2212])?|[A-Z]{3})"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?P<percent>%)?(?P<close>\))?"
)
_MARKER = re.compile(r"(\(\w{1,3}\)|\[\w{1,3}\]|\*{1,3}|[\u2020\u2021\u00a7]|\w{1,2}[.)])\s")


@dataclass(frozen=True, slots=True)
class Cell:
    """An amount as written: None is nil; `sign` is the currency before the digits."""

    value: Decimal | None
    places: int = 0
    percent: bool = False
    sign: str = ""


def read_cell(token: str) -> Cell | None:
    """`$1,234`, `(56)`, `0.21`, `12.5%`, `—` or `--` as a Cell; None if not an amount."""
    token = token.strip()
    if token in NILS:
        return Cell(None)
    found = _CELL.fullmatch(token)
    if not found or bool(found["open"]) != bool(found["close"]):
        return None
    if found["percent"] and found["sign"]:
        return None
    frac = found["frac"] or ""
    digits = found["digits"].replace(",", "")
    if len(digits) + len(frac) > MAX_DIGITS:
        return None
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    return Cell(-value if found["open"] else value, len(frac), bool(found["percent"]),
                found["sign"] or "")  # fmt: skip


@dataclass
class Row:
    """A row as read: `cells` is None on a heading row; `rule_above`/`rule_below` say
    where a `-` rule and a `=` rule were (wire text), `bold` how Markdown or Word marked it."""

    label: str
    indent: int = 0
    cells: list[Cell] | None = None
    rule_above: bool = False
    rule_below: bool = False
    bold: bool = False
    line: int = 0


class TableError(ValueError):
    """Why rows cannot be a table, and the line (0 if none) where it shows."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def table_part(
    rows: Sequence[Row],
    header: list[list[tuple[str, int]]],
    *,
    stub: str | None = None,
    caption: str | None = None,
    units: str | None = None,
    footnotes: Sequence[str] = (),
) -> dict[str, Any]:
    """A `table:` part's facts; TableError when the rows do not make one."""
    columns = sum(span for _, span in header[-1]) if header else 0
    signs = {c.sign for r in rows for c in r.cells or () if c.sign}
    if len(signs) > 1:
        raise TableError(f"amounts with different currency signs ({', '.join(sorted(signs))})")
    currency = next(iter(signs), None)
    facts: dict[str, Any] = {}
    if caption:
        facts["caption"] = caption
    if units:
        facts["units"] = units
    if currency:
        facts["currency"] = currency
    if stub:
        facts["stub"] = stub
    facts["header"] = [
        [text if span == 1 else {"text": text, "span": span} for text, span in row]
        for row in header
    ]
    out: list[Any] = []
    first = True
    for row in rows:
        out.append(_row_facts(row, columns, currency, first))
        first = first and row.cells is None
    facts["rows"] = out
    if footnotes:
        facts["footnotes"] = list(footnotes)
    return facts


def purpose(facts: dict[str, Any]) -> dict[str, Any]:
    """What the caption says the table is: a reconciliation runs from its first row (the
    GAAP measure) to its last total (the non-GAAP one); an outlook is guidance."""
    caption = facts.get("caption") or ""
    rows = [
        (r[0], "normal") if isinstance(r, list) else (r["label"], r.get("kind", "normal"))
        for r in facts["rows"]
    ]
    if re.search(r"\breconcil", caption, re.IGNORECASE):
        gaap = next((label for label, kind in rows if kind != "heading"), None)
        totals = [label for label, kind in rows if kind in ("total", "subtotal")]
        if gaap and totals and totals[-1] != gaap:
            return {
                "purpose": "reconciliation",
                "reconciles": {"measure": totals[-1], "gaap": gaap},
            }
    if re.search(r"\b(?:outlook|guidance)\b", caption, re.IGNORECASE):
        return {"purpose": "guidance"}
    return {}


def finish(facts: dict[str, Any], table: Table | None = None) -> dict[str, Any]:
    """The table's facts, told what the table is (`purpose`) and which subtotals and
    totals are not sums of the rows above them (`sums: false`: gross profit, a difference),
    as the table check (FN007) reads them, so the release checks as its writer's did.
    `table` is the facts already resolved (and written again to compare); without it they
    are validated here."""
    from pydantic import ValidationError

    from prwriter.checks.tables import _mismatches
    from prwriter.schema import TableInput
    from prwriter.tables import resolve_table

    facts.update(purpose(facts))
    if table is None:
        try:
            table, problems = resolve_table(TableInput.model_validate(facts))
        except ValidationError as exc:
            raise TableError(exc.errors()[0]["msg"]) from None
        if table is None:
            raise TableError(problems[0][1])
    rows = facts["rows"]
    for _ in range(len(rows)):
        first = next(_mismatches(table, 1.0), None)
        if first is None:
            break
        i = first[0]
        table.rows[i] = table.rows[i].model_copy(update={"sums": False})
        if isinstance(rows[i], list):
            rows[i] = {"label": rows[i][0], "values": rows[i][1:]}
        rows[i]["sums"] = False
    return facts


def _row_facts(row: Row, columns: int, currency: str | None, first: bool) -> Any:
    if not row.label:
        raise TableError("a row without a label", row.line)
    if row.cells is None:
        heading: dict[str, Any] = {"label": row.label, "kind": "heading"}
        if row.indent:
            heading["indent"] = row.indent
        return heading
    if len(row.cells) != columns:
        raise TableError(
            f"'{row.label}' has {len(row.cells)} amounts and the table {columns} columns",
            row.line,
        )
    if row.indent > 4:
        raise TableError(f"'{row.label}' is indented deeper than four levels", row.line)
    if row.rule_below and not row.rule_above:
        raise TableError(f"a double rule under '{row.label}' without a rule over it", row.line)
    kind = "normal"
    if row.rule_above:
        kind = "total" if row.rule_below else "subtotal"
    shown = [c for c in row.cells if c.value is not None and not c.percent]
    signed = {bool(c.sign) for c in shown}
    if len(signed) > 1:
        raise TableError(f"'{row.label}' shows the currency sign on some amounts only", row.line)
    if row.bold and kind == "normal":
        # Markdown and Word mark subtotals and totals alike; the sign tells a total.
        kind = "total" if True in signed and not first else "subtotal"
    numbers = [c for c in row.cells if c.value is not None]
    places = {c.places for c in numbers}
    loose = [c for c in numbers if c.places and not c.percent and not _float_keeps(c)]
    row_places = places.pop() if loose and len(places) == 1 else None
    if row_places is not None and row_places > 6:
        raise TableError(f"'{row.label}' shows more than six decimals", row.line)
    values = [_typed(c, row_places) for c in row.cells]
    facts: dict[str, Any] = {"label": row.label, "values": values}
    if kind != "normal":
        facts["kind"] = kind
    if row.indent:
        facts["indent"] = row.indent
    default = currency is not None and (first or kind == "total")
    if signed and currency is not None and (True in signed) != default:
        facts["currency"] = True in signed
    if row_places is not None:
        facts["places"] = row_places
    if list(facts) == ["label", "values"]:
        return [row.label, *values]
    return facts


def _float_keeps(cell: Cell) -> bool:
    return repr(float(cell.value or 0)) == str(cell.value)


def _typed(cell: Cell, row_places: int | None) -> int | float | str | None:
    """The amount as a YAML fact: an integer, a number with its decimals, `12.5%`, null."""
    if cell.value is None:
        return None
    if cell.percent:
        return f"{cell.value}%"
    if not cell.places:
        return int(cell.value)
    if _float_keeps(cell) or row_places == cell.places:
        return float(cell.value)
    return str(cell.value)


def _labels(part: dict[str, Any]) -> list[str]:
    return [row[0] if isinstance(row, list) else row["label"] for row in part["rows"]]


# --- Markdown and Word ---------------------------------------------------------------------


@dataclass
class CellRow:
    """A table row as Markdown or Word holds it: the label's text, indent and boldness,
    and the text of each amount cell (none on a heading row)."""

    label: str
    indent: int
    cells: list[str]
    bold: bool = False
    line: int = 0


def table_of_cells(
    header: list[list[tuple[str, int]]],
    rows: Sequence[CellRow],
    *,
    stub: str | None = None,
    caption: str | None = None,
    units: str | None = None,
    footnotes: Sequence[str] = (),
) -> dict[str, Any]:
    """A `table:` part from a grid of cells; TableError when a cell is not an amount."""
    read: list[Row] = []
    for row in rows:
        if not any(c.strip() for c in row.cells):  # a heading over the rows under it
            read.append(Row(row.label, row.indent, None, line=row.line))
            continue
        cells = [read_cell(c) for c in row.cells]
        if None in cells:
            bad = row.cells[cells.index(None)]
            raise TableError(f"'{bad}' in row '{row.label}' is not an amount", row.line)
        found = [c for c in cells if c is not None]
        read.append(Row(row.label, row.indent, found, bold=row.bold, line=row.line))
    part = table_part(read, header, stub=stub, caption=caption, units=units, footnotes=footnotes)
    return {"table": finish(part)}


def footnote_of(text: str, part: dict[str, Any]) -> bool:
    """Whether a paragraph under a table is its footnote: it starts with a marker the
    table uses (`(1)` after a label)."""
    found = _MARKER.match(text + " ")
    if not found:
        return False
    marker = found[1].strip("()[].")
    headings = [c if isinstance(c, str) else c["text"] for r in part["header"] for c in r]
    shown = [part.get("stub") or "", part.get("caption") or "", *_labels(part), *headings]
    return any(marker in text for text in shown)
