"""`prwriter import` as a user meets it: reports, refusals, and hostile input handled like
every other reader (located errors, size limits, nothing written outside the folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA
from prwriter.cli import app
from prwriter.importing.reading import MAX_TEXT_BYTES

GOLDEN = DATA / "golden" / "immunogen.prnewswire.txt"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["import", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_import_writes_a_project(tmp_path: Path) -> None:
    code, _, err = _run(GOLDEN, "--output-dir", tmp_path / "p")
    assert code == 0, err
    assert _files(tmp_path / "p") == {
        "immunogen.prnewswire.yaml",
        "boilerplates/companies/immunogen.yaml",
        "boilerplates/people/daniel-junius.yaml",
        "boilerplates/contacts/immunogen-inc-carol-hausner.yaml",
        "boilerplates/contacts/pure-communications-inc-dan-budwick.yaml",
        "boilerplates/legal/immunogen-trademark.yaml",
    }
    assert "prnewswire, 16 of 16 lines reproduced" in err
    # The folder is a project: generate reads it.
    generated = CliRunner().invoke(
        app, ["generate", str(tmp_path / "p" / "immunogen.prnewswire.yaml"), "--format", "txt",
              "--output-dir", str(tmp_path / "out")],
    )  # fmt: skip
    assert generated.exit_code == 0, generated.stderr


def test_what_is_not_recognized_is_reported_with_its_line_and_kept(tmp_path: Path) -> None:
    text = GOLDEN.read_text(encoding="utf-8").replace(
        "The Boston Globe's 2014",
        'Acme hoped, "maybe" - she mused - "this works". The Boston Globe\'s 2014',
    )
    source = tmp_path / "odd.txt"
    source.write_text(text, encoding="utf-8")
    code, _, err = _run(source, "--output-dir", tmp_path / "p")
    assert code == 0, err
    assert f"{source}:7: " in err
    written = (tmp_path / "p" / "odd.yaml").read_text(encoding="utf-8")
    assert "she mused" in written


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert _run(GOLDEN, "--output-dir", folder)[0] == 0
    release = folder / "immunogen.prnewswire.yaml"
    release.write_text("# edited by hand\n", encoding="utf-8")
    code, _, err = _run(GOLDEN, "--output-dir", folder)
    assert code == 2
    assert "immunogen.prnewswire.yaml: exists" in err and "--force" in err
    assert release.read_text(encoding="utf-8") == "# edited by hand\n"
    assert _run(GOLDEN, "--output-dir", folder, "--force")[0] == 0
    assert "headline:" in release.read_text(encoding="utf-8")


def test_the_same_release_again_reuses_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    assert _run(GOLDEN, "--output-dir", folder)[0] == 0
    before = _files(folder)
    again = tmp_path / "again.txt"
    again.write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = _run(again, "--output-dir", folder)
    assert code == 0, err
    # Only the release is new: every library entry matched and was referenced.
    assert _files(folder) - before == {"again.yaml"}
    assert out.strip() == f"wrote {folder / 'again.yaml'}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary\xff\xfe", "is not UTF-8 text"),
        (b"Headline\n\nno dateline here at all\n", "no dateline in the form of any wire profile"),
        (b"Headline\x07 bell\n", "control character U+0007"),
    ],
)
def test_hostile_text_gets_a_located_error_and_nothing_written(
    tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    code, _, err = _run(source, "--output-dir", tmp_path / "p")
    assert code == 2
    assert message in err and f"{source}:1:" in err
    assert "Traceback" not in err
    assert not (tmp_path / "p").exists()


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    source.write_bytes(b"x" * (MAX_TEXT_BYTES + 1))
    code, _, err = _run(source, "--output-dir", tmp_path / "p")
    assert code == 2 and "larger than" in err


def test_other_kinds_of_file_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "release.pdf"
    source.write_bytes(b"%PDF")
    code, _, err = _run(source, "--output-dir", tmp_path / "p")
    assert code == 2 and "is not a release prwriter imports" in err


def test_nothing_is_written_through_a_symbolic_link(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "boilerplates").symlink_to(outside)
    code, _, err = _run(GOLDEN, "--output-dir", folder)
    assert code == 2 and "symbolic link" in err
    assert list(outside.iterdir()) == []
    assert not (folder / "immunogen.prnewswire.yaml").exists()
    linked = tmp_path / "linked"
    linked.symlink_to(folder)
    code, _, err = _run(GOLDEN, "--output-dir", linked)
    assert code == 2 and "symbolic link" in err


def test_a_symbolic_link_as_source_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(GOLDEN)
    code, _, err = _run(link, "--output-dir", tmp_path / "p")
    assert code == 2 and "symbolic link" in err


def test_a_folder_of_releases_is_imported_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "2014").mkdir(parents=True)
    (folder / "2014" / "b.txt").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "a.txt").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a release: left alone
    code, out, err = _run(folder, "--output-dir", tmp_path / "p")
    assert code == 0, err
    assert [line for line in out.splitlines() if line.endswith(("a.yaml", "b.yaml"))] == [
        f"wrote {tmp_path / 'p' / 'a.yaml'}",
        f"wrote {tmp_path / 'p' / 'b.yaml'}",
    ]


def test_a_named_pipe_among_the_projects_profiles_is_passed_over(tmp_path: Path) -> None:
    import os

    from prwriter import import_releases

    wires = tmp_path / "project" / "templates" / "wires"
    wires.mkdir(parents=True)
    os.mkfifo(wires / "pipe.yaml")
    golden = DATA / "golden" / "immunogen.prnewswire.txt"
    result = import_releases([golden], tmp_path / "project")
    [imported] = result.releases
    assert imported.reproduced == imported.lines
    assert (wires / "pipe.yaml").exists()


def test_a_broken_profile_in_the_project_is_named_where_it_is(tmp_path: Path) -> None:
    from prwriter import InputError, import_releases

    wires = tmp_path / "project" / "templates" / "wires"
    wires.mkdir(parents=True)
    (wires / "prnewswire.yaml").write_text("extends: [unclosed\n", encoding="utf-8")
    golden = DATA / "golden" / "immunogen.prnewswire.txt"
    with pytest.raises(InputError) as info:
        import_releases([golden], tmp_path / "project")
    files = {p.file for p in info.value.problems}
    assert files == {str(wires / "prnewswire.yaml")}, files
