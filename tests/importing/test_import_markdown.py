"""Markdown as `--format md` writes it, read back: the same Markdown again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA, REPO
from prwriter import Project, import_releases, load_release, render
from prwriter.yaml_source import read_yaml

GOLDEN = [
    *(
        DATA / "golden" / f"{name}.md"
        for name in ("immunogen", "nordwind-tidewater", "quillmark-earnings")
    ),
    # The bilingual example, in English and in French.
    *sorted((DATA / "golden" / "languages").glob("*.md")),
]
LANGUAGE_FIXTURES = [
    (REPO / "examples" / "boreal-bilingual" / "release.yaml", "fr-CA"),
    (DATA / "languages" / "de" / "release.yaml", None),
    (DATA / "languages" / "es" / "release.yaml", None),
]


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_markdown_round_trips(golden: Path, tmp_path: Path) -> None:
    result = import_releases([golden], tmp_path)
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    release = load_release(tmp_path / f"{golden.stem}.yaml")
    assert render(release, "md", project=Project(tmp_path)) == golden.read_text(encoding="utf-8")


def test_markdown_links_and_contacts_come_back_as_facts(tmp_path: Path) -> None:
    import_releases([GOLDEN[0]], tmp_path)
    facts = read_yaml(tmp_path / "immunogen.yaml").data
    assert facts["companies"] == [{"id": "immunogen", "link": True}]
    assert [g["label"] for g in facts["contacts"]] == ["For Investors", "For Media"]
    assert "wire" not in facts


@pytest.mark.parametrize(("fixture", "language"), LANGUAGE_FIXTURES, ids=["fr-CA", "de", "es"])
def test_markdown_in_other_languages_round_trips(
    fixture: Path, language: str | None, tmp_path: Path
) -> None:
    written = render(load_release(fixture, language=language), "md")
    assert isinstance(written, str)
    source = tmp_path / "copy.md"
    source.write_text(written, encoding="utf-8")
    result = import_releases([source], tmp_path / "out")
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    release = load_release(tmp_path / "out" / "copy.yaml")
    # The copy's language is read from its forms: its date, its About heading.
    expected = language or load_release(fixture).language
    assert release.language.split("-")[0] == expected.split("-")[0]
    assert render(release, "md", project=Project(tmp_path / "out")) == written


def test_a_table_row_without_pipes_is_read(tmp_path: Path) -> None:
    source = tmp_path / "r.md"
    golden = (DATA / "golden" / "quillmark-earnings.md").read_text(encoding="utf-8")
    source.write_text("| a | b |\n|---|---|\nfoo\n\n" + golden, encoding="utf-8")
    result = import_releases([source], tmp_path / "project", date=dt.date(2026, 5, 6))
    [imported] = result.releases
    assert imported.lines > 0
