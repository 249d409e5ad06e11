"""Real copy's forms (docs/import.md lists them and where they were seen), in fictional
releases under tests/data/import-study/: how many lines an import reproduces, per wire,
and that what it does not recognize is reported by line, never dropped."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from conftest import DATA
from prwriter import Project, import_releases, load_release, render

STUDY = sorted((DATA / "import-study").glob("*/*.txt"))
# Lines reproduced per wire when these figures were taken (docs/import.md); a change that
# lowers one fails here.
FLOOR = {"businesswire": 0.93, "cnw": 0.33, "globenewswire": 0.80, "newsfile": 1.0,
         "prnewswire": 0.89}  # fmt: skip


def _kept(source: str, again: str) -> int:
    """Lines of `source` (not blank) that `again` has in the same order."""
    original, rendered = source.strip("\n").split("\n"), again.strip("\n").split("\n")
    matcher = difflib.SequenceMatcher(None, original, rendered, autojunk=False)
    kept = {n for b in matcher.get_matching_blocks() for n in range(b.a, b.a + b.size)}
    return sum(1 for n in kept if original[n].strip())


def test_study_set_figures_per_wire(tmp_path: Path) -> None:
    kept: dict[str, list[int]] = {}
    for n, source in enumerate(STUDY):
        figures = kept.setdefault(source.parent.name, [0, 0])
        out = tmp_path / str(n)
        result = import_releases([source], out, date=dt.date(2021, 7, 14))
        [imported] = result.releases
        # The figure holds for the project written: the release in its house profile.
        again = render(load_release(out / f"{source.stem}.yaml"), "txt", wire=imported.wire,
                       project=Project(out))  # fmt: skip
        text = source.read_text(encoding="utf-8")
        assert _kept("\n".join(x.rstrip() for x in text.split("\n")), again) == imported.reproduced
        figures[0] += imported.reproduced
        figures[1] += imported.lines
        # Each line not reproduced is reported with its own line number.
        missing = {
            int(m[1]) for m in (re.search(r":(\d+): not reproduced", x) for x in result.notes) if m
        }
        assert len(missing) == imported.lines - imported.reproduced
    ratios = {wire: round(k / t, 2) for wire, (k, t) in kept.items()}
    assert all(ratios[wire] >= floor for wire, floor in FLOOR.items()), ratios
