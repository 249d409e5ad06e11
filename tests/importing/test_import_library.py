"""Importing many releases of one company builds its library: what matches is referenced,
a changed About text becomes a dated version, a person or contact seen again keeps its id."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA
from prwriter import Project, import_releases, load_release, render
from prwriter.yaml_source import read_yaml

GOLDEN = DATA / "golden" / "immunogen.prnewswire.txt"
ABOUT = "ImmunoGen, Inc. develops targeted anticancer therapeutics."


def _later_release(folder: Path) -> Path:
    """The same company a few months on: a new About text, the speaker with a new title."""
    text = GOLDEN.read_text(encoding="utf-8")
    about_start = text.index(ABOUT)
    about_end = text.index("\n", about_start)
    text = (
        text[:about_start]
        + "ImmunoGen, Inc. develops antibody-drug conjugates for cancer."
        + text[about_end:]
    )
    text = text.replace("Nov. 13, 2014", "March 2, 2015")
    text = text.replace(
        "Daniel Junius, President and CEO,", "Daniel Junius, Chief Executive Officer,"
    )
    path = folder / "later.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_many_releases_build_one_library(tmp_path: Path) -> None:
    later = _later_release(tmp_path)
    out = tmp_path / "project"
    result = import_releases([GOLDEN, later], out)
    assert [r.reproduced == r.lines for r in result.releases] == [True, True]
    library = out / "boilerplates"
    assert sorted(p.name for p in (library / "companies").iterdir()) == ["immunogen.yaml"]
    assert sorted(p.name for p in (library / "people").iterdir()) == ["daniel-junius.yaml"]
    assert len(list((library / "contacts").iterdir())) == 2
    assert len(list((library / "legal").iterdir())) == 1
    about = read_yaml(library / "companies" / "immunogen.yaml").data["about"]
    assert [(str(v["since"]), v["text"][:40]) for v in about] == [
        ("2014-11-13", ABOUT[:40]),
        ("2015-03-02", "ImmunoGen, Inc. develops antibody-drug c"),
    ]
    # Both releases render again as they were: each finds the About in force on its date,
    # and the later one gives the speaker's new title in its quote.
    project = Project(out)
    for source, name in ((GOLDEN, "immunogen.prnewswire.yaml"), (later, "later.yaml")):
        release = load_release(out / name)
        assert render(release, "txt", project=project) == source.read_text(encoding="utf-8")
    later_facts = read_yaml(out / "later.yaml").data
    [quote] = [part["quote"] for part in later_facts["body"] if isinstance(part, dict)]
    assert quote["speaker"] == "daniel-junius"
    assert quote["title"] == "Chief Executive Officer"
    first_facts = read_yaml(out / "immunogen.prnewswire.yaml").data
    assert later_facts["contacts"] == first_facts["contacts"]


def test_an_existing_library_is_referenced_and_never_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "project"
    import_releases([GOLDEN], out)
    files = {p: p.read_bytes() for p in (out / "boilerplates").rglob("*.yaml")}
    copy = tmp_path / "copy.txt"
    copy.write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    result = import_releases([copy], out)
    assert result.written == [out / "copy.yaml"]
    # Checked against the folder's own library: every line comes back.
    [imported] = result.releases
    assert imported.reproduced == imported.lines
    assert {p: p.read_bytes() for p in (out / "boilerplates").rglob("*.yaml")} == files


def test_a_new_about_for_an_existing_entry_needs_force(tmp_path: Path) -> None:
    import pytest

    from prwriter import InputError

    out = tmp_path / "project"
    import_releases([GOLDEN], out)
    later = _later_release(tmp_path)
    with pytest.raises(InputError, match=r"immunogen\.yaml: exists"):
        import_releases([later], out)
    assert not (out / "later.yaml").exists()
    import_releases([later], out, force=True)
    about = read_yaml(out / "boilerplates" / "companies" / "immunogen.yaml").data["about"]
    assert len(about) == 2
