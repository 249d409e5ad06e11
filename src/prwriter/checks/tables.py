"""Rules over a release's tables: totals that add up, and non-GAAP measures reconciled.

Totals: a heading row opens a group; a subtotal closes the innermost group (and any opened
by headings indented as deep as the subtotal or deeper), must equal the sum of the group's
rows, and stands for them in the group around it; a total does the same and ends the group.
At the table's top level, a subtotal or total sums the rows since the last one. A row with
`sums: false` (gross profit, a difference) is not checked and starts a new run at its level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from prwriter.checks.registry import Context, rule
from prwriter.checks.text import body_text
from prwriter.model import Amount, Table, TableRow
from prwriter.style.numbers import sum_tolerance

Hit = tuple[tuple[str | int, ...], str, Any]


@dataclass
class _Group:
    indent: int  # the heading's indent; -1 for the table itself
    rows: list[list[Amount]] = field(default_factory=list)


def _mismatches(table: Table, units: float) -> Iterator[tuple[int, str]]:
    """(row index, what is wrong) for each subtotal or total that does not add up."""
    root = _Group(-1)
    stack = [root]
    for i, row in enumerate(table.rows):
        if row.kind == "heading":
            while len(stack) > 1 and stack[-1].indent >= row.indent:
                inner = stack.pop()  # a sibling heading: the last one's rows join its parent
                stack[-1].rows.extend(inner.rows)
            stack.append(_Group(row.indent))
        elif row.kind == "normal":
            stack[-1].rows.append(row.cells)
        elif len(stack) > 1:
            closing = stack.pop()
            while len(stack) > 1 and stack[-1].indent >= row.indent:
                outer = stack.pop()
                outer.rows.extend(closing.rows)
                closing = outer
            problem = _check(row, closing.rows, units) if row.sums else None
            if problem:
                yield i, problem
            if row.kind == "subtotal":
                stack[-1].rows.append(row.cells)
        else:
            problem = _check(row, root.rows, units) if row.sums else None
            if problem:
                yield i, problem
            root.rows = [row.cells] if row.kind == "subtotal" else []


def _check(row: TableRow, rows: list[list[Amount]], units: float) -> str | None:
    if not rows:
        return None
    for j, cell in enumerate(row.cells):
        if cell.value is None or cell.percent:
            continue
        parts = [r[j] for r in rows if j < len(r)]
        if any(p.percent for p in parts):
            continue
        total = sum((p.value or Decimal(0) for p in parts), Decimal(0))
        places = row.places if row.places is not None else max(p.places for p in [cell, *parts])
        if abs(total - cell.value) > sum_tolerance(places, units):
            return (
                f"'{row.label}' is {cell.value:,} in column {j + 1}, but the rows it totals "
                f"add up to {total:,}; correct the amounts, or set `sums: false` on a row that "
                "is not a sum (a difference such as gross profit)"
            )
    return None


@rule(
    "FN007", "table-totals", "error",
    "A table's subtotal and total rows equal the sum of the rows they total, within "
    "`tolerance` units of the last digit shown (rounding).", tolerance=1.0,
)  # fmt: skip
def table_totals(ctx: Context) -> Iterator[Hit]:
    for b, block in enumerate(ctx.release.body):
        if isinstance(block, Table):
            for i, message in _mismatches(block, float(ctx.params["tolerance"])):
                yield ("body", b, "table", "rows", i), message, None


_NON_GAAP = re.compile(
    r"\b(?:adjusted EBITDA|EBITDA|adjusted EPS|adjusted earnings per share|adjusted net "
    r"income|adjusted operating income|non-GAAP [a-z]+(?: [a-z]+)?|free cash flow)\b",
    re.IGNORECASE,
)


def _reconciled(tables: list[Table]) -> set[str]:
    return {t.reconciles.measure.casefold() for t in tables if t.reconciles is not None}


@rule(
    "FN008", "non-gaap-reconciliation", "error",
    "A non-GAAP measure named in the body has a reconciliation table to its GAAP measure, "
    "and a headline that names it names a GAAP measure too (Regulation G).",
)  # fmt: skip
def non_gaap_reconciliation(ctx: Context) -> Iterator[Hit]:
    release = ctx.release
    tables = [b for b in release.body if isinstance(b, Table)]
    reconciled = _reconciled(tables)
    text = body_text(release, quotes=True)
    named = {m.group().casefold(): m.group() for m in _NON_GAAP.finditer(text)}
    for measure in named:
        if not any(measure in r or r in measure for r in reconciled):
            yield (("body",), f"'{named[measure]}' is a non-GAAP measure with no reconciliation "
                   "table; add a table with `purpose: reconciliation` and `reconciles: "
                   f"{{measure: {named[measure]}, gaap: ...}}`", None)  # fmt: skip
    in_headline = _NON_GAAP.search(release.headline)
    if in_headline:
        gaap = [t.reconciles.gaap.casefold() for t in tables if t.reconciles is not None]
        headline = release.headline.casefold()
        if not any(g in headline for g in gaap) and not re.search(
            r"(?<!non-)\bGAAP\b", release.headline
        ):
            yield (("headline",), f"the headline names '{in_headline.group()}' but no GAAP "
                   "measure; give the comparable GAAP measure equal or greater prominence",
                   None)  # fmt: skip
