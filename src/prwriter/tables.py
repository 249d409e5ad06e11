"""A table as typed (`table:` in the body) to the resolved `model.Table`.

Shape and types are pydantic's business (`schema.TableInput`); here the parts are checked
against each other (every row has one cell per column, the heading rows span the columns,
every cell is an amount), and each problem is returned with the place it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from prwriter.errors import Loc
from prwriter.model import Amount, HeadingCell, Reconciles, Table, TableRow
from prwriter.schema import (
    CellInput,
    HeadingCellInput,
    RowInput,
    RowKind,
    TableInput,
    no_control_characters,
)
from prwriter.style.numbers import parse_amount

TableProblem = tuple[Loc, str]


class ListRow(NamedTuple):
    """A row written as a list (`[label, value, ...]`): a mapping row's defaults for the
    rest. Its values were typed with the table, so it is not validated a second time."""

    label: str
    values: list[CellInput]
    kind: RowKind = "normal"
    indent: int = 0
    places: int | None = None
    currency: bool | None = None
    sums: bool = True


def resolve_table(given: TableInput) -> tuple[Table | None, list[TableProblem]]:
    """The table, or None and every problem found (paths relative to the table)."""
    problems: list[TableProblem] = []
    header = [
        [
            HeadingCell(text=c.text, span=c.span)
            if isinstance(c, HeadingCellInput)
            else HeadingCell(text=c)
            for c in row
        ]
        for row in given.header
    ]
    columns = sum(cell.span for cell in header[-1])
    for i, heading in enumerate(header[:-1]):
        spanned = sum(cell.span for cell in heading)
        if spanned != columns:
            problems.append(
                (
                    ("header", i),
                    f"this heading row spans {spanned} columns, the last one names {columns}; "
                    "give each heading a `span:` so every row covers every column",
                )
            )
    rows: list[TableRow] = []
    first_amounts = True
    for i, raw in enumerate(given.rows):
        row = _row_input(raw, ("rows", i), problems)
        if row is None:
            continue
        where: Loc = ("rows", i) if isinstance(raw, list) else ("rows", i, "values")
        offset = 1 if isinstance(raw, list) else 0
        if row.kind == "heading":
            if row.values:
                problems.append(
                    (where, "a heading row has no values; remove them or use `kind: normal`")
                )
            rows.append(TableRow(label=row.label, kind="heading", indent=row.indent))
            continue
        cells = row_cells(row.values, columns, where, offset, problems)
        if cells is None:
            continue
        default_sign = first_amounts or row.kind == "total"
        first_amounts = False
        rows.append(
            TableRow(
                label=row.label,
                kind=row.kind,
                indent=row.indent,
                cells=cells,
                currency=given.currency is not None
                and (default_sign if row.currency is None else row.currency),
                places=row.places if row.places is not None else given.places,
                sums=row.sums,
            )
        )
    if problems:
        return None, problems
    reconciles = given.reconciles
    return (
        Table(
            caption=given.caption,
            units=given.units,
            currency=given.currency,
            stub=given.stub,
            header=header,
            rows=rows,
            footnotes=list(given.footnotes),
            purpose=given.purpose,
            reconciles=Reconciles(measure=reconciles.measure, gaap=reconciles.gaap)
            if reconciles
            else None,
        ),
        [],
    )


def _row_input(
    raw: list[CellInput] | RowInput, loc: Loc, problems: list[TableProblem]
) -> RowInput | ListRow | None:
    if isinstance(raw, RowInput):
        return raw
    label = raw[0]
    if not isinstance(label, str) or not label.strip():
        problems.append(((*loc, 0), "a row starts with its label, as text"))
        return None
    try:
        no_control_characters(label.strip())  # as the schema checks a mapping row's label
    except ValueError as exc:
        problems.append(((*loc, 0), str(exc)))
        return None
    return ListRow(label.strip(), list(raw[1:]))


def row_cells(
    values: Sequence[object],
    columns: int,
    where: Loc,
    offset: int,
    problems: list[TableProblem],
) -> list[Amount] | None:
    """One Amount per column, or None after recording what is wrong."""
    if len(values) != columns:
        problems.append(
            (where, f"{len(values)} values for {columns} columns; give one per column "
             "(— or null for nil)")
        )  # fmt: skip
        return None
    try:  # most tables are written right: their cells are typed without a check each
        return [parse_amount(value) for value in values]
    except ValueError:
        pass
    for j, value in enumerate(values):
        try:
            parse_amount(value)
        except ValueError as exc:
            problems.append(((*where, j + offset), str(exc)))
    return None
