"""Our own output read back: every golden wire text (ASCII copy wrapped at 80 columns too),
imported and rendered again with the profile the import detected, is the same text, byte
for byte."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import DATA, REPO
from prwriter import Project, import_releases, list_wires, load_release, render

GOLDEN = sorted((DATA / "golden").glob("*.txt"))
FORMS = sorted((DATA / "forms").glob("*/golden/*.txt"))
# French, German and Spanish copy (and the English side of the bilingual example).
LANGUAGES = sorted((DATA / "golden" / "languages").glob("*.txt"))


def _project_of(golden: Path) -> Path:
    """The fixture whose templates/ (house profiles) the golden file was written with."""
    if golden.parent.name == "golden" and golden.parent.parent.parent.name == "forms":
        return golden.parent.parent
    example = REPO / "examples" / golden.name.split(".")[0]
    # A house profile another example keeps (the earnings release in Acquire Media's form).
    wire = golden.stem.removesuffix(".ascii").split(".")[-1]
    if wire not in list_wires(example):
        return next(p.parents[2] for p in REPO.glob(f"examples/*/templates/wires/{wire}.yaml"))
    return example


def _round_trip(golden: Path, out: Path) -> tuple[str, str]:
    templates = _project_of(golden) / "templates"
    if templates.is_dir():
        shutil.copytree(templates, out / "templates")
    # Business Wire's dateline carries no date: the import takes it from --date.
    result = import_releases([golden], out, date=dt.date(2014, 11, 13))
    [imported] = result.releases
    release = load_release(out / f"{golden.stem}.yaml")
    # Copy folded to ASCII is detected as such: it renders again with --ascii.
    assert imported.ascii == (".ascii." in golden.name)
    project = Project(out)
    return imported.wire, render(
        release, "txt", wire=imported.wire, ascii=imported.ascii, project=project
    )


@pytest.mark.parametrize(
    "golden", GOLDEN + FORMS + LANGUAGES, ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_golden_text_round_trips_byte_exact(golden: Path, tmp_path: Path) -> None:
    wire, again = _round_trip(golden, tmp_path / "project")
    assert again == golden.read_text(encoding="utf-8")
    # The profile was detected, not guessed: the file names its wire, or one that writes
    # this release the same (cnw-telbec is cnw for English copy).
    expected = golden.stem.removesuffix(".ascii").split(".")[-1]
    if wire != expected:
        out = tmp_path / "project"
        release = load_release(out / f"{golden.stem}.yaml")
        ascii = ".ascii." in golden.name
        project = Project(out)
        assert render(release, "txt", wire=expected, ascii=ascii, project=project) == again


@pytest.mark.parametrize("golden", LANGUAGES, ids=lambda p: p.name)
def test_the_copys_language_is_detected(golden: Path, tmp_path: Path) -> None:
    import_releases([golden], tmp_path, date=dt.date(2014, 11, 13))
    release = load_release(tmp_path / f"{golden.stem}.yaml")
    # boreal.fr-CA.cnw.txt is French, de.dgap.txt German, boreal.en-CA.print.txt English.
    written_in = golden.name.removeprefix("boreal.").split(".")[0].split("-")[0]
    assert release.language.split("-")[0] == written_in


def test_example_facts_come_back(tmp_path: Path) -> None:
    golden = DATA / "golden" / "immunogen.prnewswire.txt"
    import_releases([golden], tmp_path)
    release = load_release(tmp_path / "immunogen.prnewswire.yaml")
    example = load_release(REPO / "examples" / "immunogen" / "release.yaml")
    assert release.dateline == example.dateline
    assert release.date == example.date
    assert [c.name for c in release.companies] == ["ImmunoGen, Inc."]
    assert release.companies[0].listings == example.companies[0].listings
    assert release.companies[0].about == example.companies[0].about
    quotes = [b for b in release.body if b.kind == "quote"]
    assert [(q.speaker.name, q.speaker.title, q.verb) for q in quotes] == [
        ("Daniel Junius", "President and CEO", "commented")
    ]
    assert [(g.label, [c.name for c in g.contacts]) for g in release.contacts] == [
        ("For Investors", ["Carol Hausner"]),
        ("For Media", ["Dan Budwick"]),
    ]
    assert [(b.kind, b.body) for b in release.legal] == [(b.kind, b.body) for b in example.legal]
    assert release.source == example.source
