"""Fixed-width tables read back from wire text, in the form the text writer sets them
(`writers/text.py`): caption and units lines, heading rows (a spanning heading centred over
its columns), the stub, indented row labels (wrapped under themselves when long), amounts
right-aligned, a `-` rule over subtotals and totals, a `=` rule under totals, footnotes
under the table. `WireTables` finds them among a release's blocks and takes a table only
when writing it again gives the same lines; anything else stays as written, reported by
line.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice, pairwise
from typing import TYPE_CHECKING, Any, cast

from prwriter.importing.reading import Block
from prwriter.importing.tables import (
    Cell,
    Row,
    TableError,
    finish,
    footnote_of,
    read_cell,
    table_part,
)

if TYPE_CHECKING:
    from prwriter.model import Amount, Table
    from prwriter.schema import RowKind
    from prwriter.wires import WireProfile

GAP = 2  # spaces between a table's columns (writers/text.py)
_RULE = re.compile(r" *(?:-+(?: {2,}-+)*|=+(?: {2,}=+)*)")
_PIECE = re.compile(r"\S+(?: \S+)*")  # runs of words: columns are two spaces apart or more
_UNITS = re.compile(r"\b(?:thousands|millions|billions|except)\b", re.IGNORECASE)


def tabular(line: str) -> bool:
    """A line of a fixed-width table (columns two spaces apart, or a rule): wrapped copy
    never looks like this, so unwrapping leaves it alone."""
    body = line.strip(" ")
    return bool(body) and ("  " in body or bool(_RULE.fullmatch(line)))


@dataclass
class FoundTable:
    """A table found among blocks `start` to `end` (exclusive): its part, or None and what
    was not recognized (line, what) when it could not be read."""

    start: int
    end: int
    part: dict[str, Any] | None
    problem: tuple[int, str] | None = None


@dataclass
class _Line:
    """A line of a table's rows: a label with amounts, or a label alone."""

    indent: int
    label: str
    cells: list[Cell] | None
    line: int
    start: int  # where the first amount starts
    rule_above: bool = False
    rule_below: bool = False


@dataclass
class WireTables:
    """Reads the tables of copy written by one profile: `width` is the profile's, `text`
    prepares copy as its writer does (trademarks, ASCII folding), `unmark` undoes that,
    `folded` says wrapped lines were joined again (ASCII copy at 80 columns)."""

    width: int
    text: Callable[[str], str]
    unmark: Callable[[str], str] = str
    folded: bool = False

    def find(self, blocks: Sequence[Block], raw: Callable[[Block], list[str]]) -> list[FoundTable]:
        """Every table among `blocks` (a release's body, the lead first), in order."""
        found: list[FoundTable] = []
        n = floor = 2
        while n < len(blocks):
            if n - 1 < floor - 1 or not _rows_like(raw(blocks[n]), raw(blocks[n - 1])):
                n += 1
                continue
            table = self._read(blocks, n, raw, floor)
            found.append(table)
            if table.part is not None:
                n = floor = table.end + 1  # a table's headings are not the last one's lines
            else:
                n += 1
        return found

    def _read(
        self, blocks: Sequence[Block], r: int, raw: Callable[[Block], list[str]], floor: int
    ) -> FoundTable:
        """The table whose rows are block `r`: headings in the block before, a caption and
        units before those if they read as such (and are not the table before's), footnotes
        after."""
        heads, rows = blocks[r - 1], blocks[r]
        failure = TableError("no heading row over the amounts")
        for captioned in (True, False):
            if captioned and (r - 2 < floor - 1 or not self._caption_like(raw(blocks[r - 2]))):
                continue
            try:
                part, table = self._table(raw(heads), heads.line, raw(rows), rows.line)
                titles = self._caption(raw(blocks[r - 2])) if captioned else {}
            except TableError as exc:
                failure = exc
                continue
            end, notes = r + 1, []
            while end < len(blocks):
                note = self._footnote(raw(blocks[end]), part)
                if note is None:
                    break
                notes.append(note)
                end += 1
            part = {**titles, **part}
            try:
                finish(part, table)
            except TableError as exc:
                failure = exc
                continue
            if notes:
                part["footnotes"] = notes
            return FoundTable(r - 2 if captioned else r - 1, end, {"table": part})
        line = failure.line or rows.line
        what = f"a table prwriter cannot read ({failure}); kept as text"
        # The block above is the table's headings if it is set as headings; else it is
        # copy of its own (a paragraph, a quote), read as such.
        start = r - 1 if _heads_like(raw(heads)) else r
        return FoundTable(start, r + 1, None, (line, what))

    # --- header and rows -------------------------------------------------------------------

    def _table(
        self, heads: list[str], heads_at: int, rows: list[str], rows_at: int
    ) -> tuple[dict[str, Any], Table]:
        """The facts of a header and rows, and the table they resolve to."""
        from prwriter.writers.text import text_table

        lines = _row_lines(rows, rows_at)
        data = [x for x in lines if x.cells is not None]
        if not data:
            raise TableError("no row of amounts", rows_at)
        columns = len(data[0].cells or ())
        for x in data:
            if len(x.cells or ()) != columns:
                raise TableError(
                    f"'{x.label}' has {len(x.cells or ())} amounts, the first row {columns}",
                    x.line,
                )
        stub, last = _last_heading(heads[-1], columns, heads_at + len(heads) - 1)
        stub = self.unmark(stub) if stub else None
        edges = [0] * columns
        for text in [heads[-1], *(rows[x.line - rows_at] for x in data)]:
            for j, piece in enumerate(list(_PIECE.finditer(text))[-columns:]):
                edges[j] = max(edges[j], piece.end())
        uppers = [_pieces(h) for h in heads[:-1]]
        expected = [*heads, "", *rows]
        # Where labels end (a label wraps there): at most where the first column starts, at
        # least as far as the longest label line reaches; 0 reads no label as wrapped.
        starts = [p.start() for h in heads for p in _PIECE.finditer(h) if p.start() > 0]
        upper = min([_label_width(rows, data), *(s - GAP for s in starts)])
        lower = max(x.indent + len(x.label) for x in lines)
        mismatch = TableError("written again, it is not the same", rows_at)
        for label_width in dict.fromkeys((upper, lower, 0)):
            parsed = _rows(lines, label_width, self.unmark)
            for spans in _span_choices(uppers, edges):
                header = [[(self.unmark(t), s) for (t, _), s in zip(u, sp, strict=True)]
                          for u, sp in zip(uppers, spans, strict=True)]  # fmt: skip
                header.append([(self.unmark(t), 1) for t in last])
                table = self._built(parsed, header, stub)
                again = text_table(table, self.width, self.text)
                if again == expected:
                    return table_part(parsed, header, stub=stub), table
                differs = next(
                    (k for k, (a, b) in enumerate(zip(again, expected, strict=False)) if a != b),
                    min(len(again), len(expected)),
                )
                at = (
                    heads_at + differs
                    if differs < len(heads)
                    else rows_at + differs - len(heads) - 1
                )
                mismatch = TableError("written again, it is not the same", at)
        raise mismatch

    def _built(
        self, rows: list[Row], header: list[list[tuple[str, int]]], stub: str | None
    ) -> Table:
        """The rows and headings resolved, each row's currency sign where it was seen.
        Built without validation, as it runs for each reading tried: `table_part` keeps
        the facts within the schema's bounds, and the import checks the whole release."""
        from prwriter.model import HeadingCell, Table, TableRow

        built = []
        for row in rows:
            kind: RowKind = "heading" if row.cells is None else "normal"
            if row.rule_above:
                kind = "total" if row.rule_below else "subtotal"
            # The cells as read: each carries what an Amount does (value, places, percent).
            cells = cast("list[Amount]", row.cells or [])
            built.append(TableRow.model_construct(
                label=row.label, kind=kind, indent=row.indent, cells=cells,
                currency=any(c.sign for c in row.cells or ()), places=None, sums=True,
            ))  # fmt: skip
        signs = {c.sign for r in rows for c in r.cells or () if c.sign}
        table = Table.model_construct(
            currency=next(iter(signs), None), stub=stub, rows=built,
            header=[[HeadingCell.model_construct(text=t, span=n) for t, n in r] for r in header],
        )  # fmt: skip
        return table

    # --- caption, units and footnotes ------------------------------------------------------

    def _caption_like(self, lines: list[str]) -> bool:
        return (
            not any(tabular(x) for x in lines)
            and not lines[-1].endswith((".", ":", "!", "?", '"', "\u201d"))
            and (self.folded or all(len(x) <= self.width for x in lines))
        )

    def _caption(self, lines: list[str]) -> dict[str, str]:
        """The caption and units lines, each wrapped at the table's width: the split
        that wraps back the same, the units last when they read as units."""
        choices = []
        for k in range(len(lines) + 1):
            caption = self._unwrapped(lines[:k]) if k else ""
            units = self._unwrapped(lines[k:]) if k < len(lines) else ""
            if caption is not None and units is not None:
                choices.append((caption, units))
        if not choices:
            raise TableError("a caption that does not wrap as prwriter wraps it")
        caption, units = next(
            (c for c in reversed(choices) if c[1] and _UNITS.search(c[1])), choices[-1]
        )
        titles = {"caption": self.unmark(caption), "units": self.unmark(units)}
        return {key: value for key, value in titles.items() if value}

    def _footnote(self, lines: list[str], part: dict[str, Any]) -> str | None:
        if not footnote_of(lines[0], part):
            return None
        text = self._unwrapped(lines)
        return self.unmark(text) if text else None

    def _unwrapped(self, lines: list[str]) -> str | None:
        """The text that, wrapped at the width (and joined again when `folded`), gives
        `lines`; None if none does."""
        joined = " ".join(x.strip() for x in lines)
        tight = re.sub(r"(?<=\w-) (?=\w)", "", joined)  # a wrap after a hyphen
        for text in dict.fromkeys((joined, tight)):
            wrapped = textwrap.wrap(text, self.width)
            if (_joined(wrapped, self.width) if self.folded else wrapped) == lines:
                return text
        return None


def preformatted(lines: Sequence[str]) -> str:
    """Lines kept as written, in Markdown that renders them so: each a line of its own,
    the spaces that line up its columns kept (a line's indent behind a character
    reference, or Markdown would take it away)."""
    from prwriter.importing.patterns import escape_markdown

    out = []
    for line in lines:
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        out.append(("&#32;" + " " * (indent - 1) if indent else "") + escape_markdown(text))
    return "\\\n".join(out)


def _joined(lines: list[str], width: int) -> list[str]:
    """Wrapped lines joined again as ASCII copy is read (`importing.run.unwrap`)."""
    out: list[str] = []
    last = ""
    for line in lines:
        word = line.lstrip(" ").split(" ")[0]
        if out and len(last) + 1 + len(word) > width and not tabular(line):
            out[-1] += " " + line.lstrip(" ")
        else:
            out.append(line)
        last = line
    return out


def _pieces(line: str) -> list[tuple[str, int]]:
    """The texts of a line two spaces apart or more, with where each ends."""
    return [(m.group(), m.end()) for m in _PIECE.finditer(line)]


def _rows_like(lines: list[str], above: list[str]) -> bool:
    """Lines that look like a table's rows (labels with amounts after them, rules) under
    lines that look like its headings (over the columns, not from the left margin)."""
    amounts = rules = 0
    for line in lines:
        if "  " not in line.strip(" "):  # prose: no column two spaces from another
            rules += bool(_RULE.fullmatch(line))
            continue
        if _RULE.fullmatch(line):
            rules += 1
            continue
        pieces = list(_PIECE.finditer(line))
        if len(pieces) > 1 and pieces[0].start() <= 12 and read_cell(pieces[-1].group()):
            amounts += 1
    return amounts >= 2 or (amounts >= 1 and (rules >= 1 or _heads_like(above)))


def _heads_like(lines: list[str]) -> bool:
    """Lines set as column headings: over the columns, not from the left margin."""
    return lines[-1].startswith("  ") or "  " in lines[-1].strip()


def _row_lines(rows: list[str], at: int) -> list[_Line]:
    """Each line of a table's rows block, its rules recorded on the rows they belong to."""
    out: list[_Line] = []
    rule = False
    for k, text in enumerate(rows):
        number = at + k
        if _RULE.fullmatch(text):
            if text.strip().startswith("="):
                if not out or out[-1].cells is None or out[-1].rule_below:
                    raise TableError("a double rule not under a row of amounts", number)
                out[-1].rule_below = True
            elif rule:
                raise TableError("two rules in a row", number)
            else:
                rule = True
            continue
        pieces = list(_PIECE.finditer(text))
        cells = [read_cell(p.group()) for p in pieces[1:]]
        if None in cells:
            bad = pieces[1 + cells.index(None)].group()
            raise TableError(f"'{bad}' is not an amount", number)
        indent = pieces[0].start()
        start = pieces[1].start() if len(pieces) > 1 else len(text)
        found = [c for c in cells if c is not None]
        out.append(_Line(indent, pieces[0].group(), found or None, number, start, rule))
        rule = False
    if rule:
        raise TableError("a rule under the last row", at + len(rows) - 1)
    return out


def _label_width(rows: list[str], data: list[_Line]) -> int:
    """Where labels end, from a rule line if any (it starts there), else the amounts."""
    for text in rows:
        if _RULE.fullmatch(text):
            return len(text) - len(text.lstrip(" ")) - GAP
    return min(x.start for x in data) - GAP


def _rows(lines: list[_Line], label_width: int, unmark: Callable[[str], str]) -> list[Row]:
    """Rows from lines: a label alone heads the rows under it, unless the label of the next
    line continues it, as a label too long for its column wraps (`label_width` 0: never)."""
    out: list[Row] = []
    k = 0
    while k < len(lines):
        first = lines[k]
        group = [first]
        while (
            label_width
            and group[-1].cells is None
            and k + len(group) < len(lines)
            and lines[k + len(group)].indent == first.indent + 2
            and not lines[k + len(group)].rule_above
            and len(" " * group[-1].indent + group[-1].label)
            + 1
            + len(lines[k + len(group)].label.split(" ")[0])
            > label_width
        ):
            group.append(lines[k + len(group)])
        last = group[-1]
        if first.indent % 2:
            raise TableError(f"'{first.label}' is indented by an odd number of spaces", first.line)
        out.append(Row(unmark(" ".join(x.label for x in group)), first.indent // 2, last.cells,
                       first.rule_above, last.rule_below, line=first.line))  # fmt: skip
        k += len(group)
    return out


def _last_heading(line: str, columns: int, number: int) -> tuple[str | None, list[str]]:
    """The last heading row: the stub over the labels (it starts the line), one heading
    over each column."""
    pieces = list(_PIECE.finditer(line))
    stub = pieces.pop(0).group() if pieces and pieces[0].start() == 0 else None
    if len(pieces) != columns:
        raise TableError(f"{len(pieces)} column headings over {columns} columns", number)
    return stub, [p.group() for p in pieces]


def _span_choices(uppers: list[list[tuple[str, int]]], edges: list[int]) -> list[list[list[int]]]:
    """How the headings of the upper rows may span the columns: the spans their positions
    suggest first, then the others (a short heading centred over wide columns)."""
    columns = len(edges)
    per_row: list[list[list[int]]] = []
    for pieces in uppers:
        choices = []
        guess = _guess_spans(pieces, edges)
        if guess:
            choices.append(guess)
        # Twelve at most, taken as they come: all of them grow as a binomial coefficient
        # (a wide table's headings would take minutes).
        for cuts in islice(combinations(range(1, columns), len(pieces) - 1), 12):
            bounds = [0, *cuts, columns]
            spans = [b - a for a, b in pairwise(bounds)]
            if spans != guess:
                choices.append(spans)
        if not choices:
            raise TableError(f"{len(pieces)} headings over {columns} columns")
        per_row.append(choices[:12])
    combos: list[list[list[int]]] = [[]]
    for choices in per_row:
        combos = [[*c, s] for c in combos for s in choices][:24]
    return combos


def _guess_spans(pieces: list[tuple[str, int]], edges: list[int]) -> list[int] | None:
    spans, at = [], 0
    for n, (_, end) in enumerate(pieces):
        last = len(edges) - 1
        if n < len(pieces) - 1:
            last = next((j for j in range(at, len(edges)) if edges[j] >= end - 1), last)
        if last < at:
            return None
        spans.append(last - at + 1)
        at = last + 1
    return spans if at == len(edges) else None


def wire_tables(
    wire: WireProfile, marks: Mapping[str, str], unmark: Callable[[str], str], *, folded: bool
) -> WireTables:
    """The table reader for copy `wire` wrote: `marks` is how it wrote trademarks, `unmark`
    turns a line of its copy back into the facts' text."""
    from prwriter.style.charset import to_ascii
    from prwriter.style.typography import space_before_marks
    from prwriter.writers.text import ASCII_WRAP

    fold = to_ascii if folded or wire.ascii else str

    def text(value: str) -> str:
        for mark, written in marks.items():
            value = value.replace(mark, written)
        return fold(space_before_marks(value, wire.space_before_marks))

    return WireTables(wire.wrap or ASCII_WRAP, text, unmark, folded)
