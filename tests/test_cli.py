"""The `prwriter` command, run in-process (CliRunner) and, where start-up matters, as a
real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker
from prwriter.cli import app

EXAMPLE = REPO / "examples" / "immunogen" / "release.yaml"
REFERENCE = DATA / "reference" / "immunogen-2014-11-13.businesswire.txt"


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_generate_writes_exactly_one_text_file_equal_to_the_wire_copy(tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    result = run("generate", EXAMPLE, "--format", "txt", "--output-dir", out)
    assert result.exit_code == 0, result.stderr
    [written] = list(out.iterdir())
    assert written.name == "release.txt"
    expected = REFERENCE.read_text(encoding="utf-8").strip("\n")
    assert written.read_text(encoding="utf-8").strip("\n") == expected
    assert result.stdout == f"wrote {written}\n"


def test_default_output_folder_is_the_release_folder(make_project: ProjectMaker) -> None:
    project = make_project({"launch.yaml": ACME_RELEASE})
    assert run("generate", project / "launch.yaml").exit_code == 0
    assert (project / "launch.txt").read_text(encoding="utf-8").startswith("Acme Opens")


def test_wire_option_picks_the_profile(tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "--wire", "businesswire", "-o", tmp_path)
    assert result.exit_code == 0
    text = (tmp_path / "release.txt").read_text(encoding="utf-8")
    assert "WALTHAM, Mass.--(BUSINESS WIRE)--ImmunoGen, Inc. (Nasdaq: IMGN)" in text


def test_bad_release_exits_2_with_located_errors_and_writes_nothing(tmp_path: Path) -> None:
    bad = DATA / "bad" / "unknown-state.yaml"
    result = run("generate", bad, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "dateline.state: 'Massachusets' is not a U.S. state" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_failed_rerun_keeps_the_previous_good_output(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    assert run("generate", project / "r.yaml").exit_code == 0
    good = (project / "r.txt").read_bytes()
    (project / "r.yaml").write_text(ACME_RELEASE.replace("Ohio", "Ohioo"), encoding="utf-8")
    assert run("generate", project / "r.yaml").exit_code == 2
    assert (project / "r.txt").read_bytes() == good
    assert sorted(p.name for p in project.iterdir()) == ["r.txt", "r.yaml"]


def test_batch_writes_the_good_releases_and_reports_the_bad(make_project: ProjectMaker) -> None:
    project = make_project({"good.yaml": ACME_RELEASE, "bad.yaml": "headline: [\n"})
    result = run("generate", project / "bad.yaml", project / "good.yaml")
    assert result.exit_code == 2
    assert (project / "good.txt").exists()
    assert not (project / "bad.txt").exists()
    assert result.stderr.endswith("1 of 2 release(s) failed: 1 could not be read\n")


def test_two_releases_may_not_write_the_same_file(make_project: ProjectMaker) -> None:
    project = make_project({"a/r.yaml": ACME_RELEASE, "b/r.yaml": ACME_RELEASE})
    result = run("generate", project / "a/r.yaml", project / "b/r.yaml", "-o", project / "out")
    assert result.exit_code == 2
    assert "was already written in this run" in result.stderr


@pytest.mark.parametrize("value", ["pdff", "txt,odt"])
def test_unknown_format_is_a_usage_error(value: str, tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "--format", value, "-o", tmp_path)
    assert result.exit_code == 2
    assert "unknown format" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_formats_may_be_comma_separated_or_repeated(tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "-f", "txt,TXT", "-f", "txt", "-o", tmp_path)
    assert result.exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["release.txt"]


def test_version_option() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"prwriter {prwriter.__version__}\n")


def test_help_lists_the_generate_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "generate" in result.stdout


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prwriter", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"prwriter {prwriter.__version__}\n")


def test_help_imports_no_renderer_or_loader_libraries() -> None:
    probe = (
        "import sys\n"
        "from prwriter.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('weasyprint', 'docx', 'jinja2', 'ruamel', 'prwriter.loading')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "generate" in done.stdout
    assert done.stderr.strip() == "[]"


def test_subprocess_error_output_has_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "prwriter", "generate", str(DATA / "bad" / "not-utf8.yaml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=DATA / "bad",
    )
    assert done.returncode == 2
    assert done.stderr == (
        "not-utf8.yaml:1:14: the file is not UTF-8 text (byte 0xe9 at offset 13); "
        "save it as UTF-8\n1 of 1 release(s) failed: 1 could not be read\n"
    )


def test_unwritable_output_is_a_clean_error(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE, "afile": "x"})
    result = run("generate", project / "r.yaml", "-o", project / "afile" / "sub")
    assert result.exit_code == 2
    assert "r.txt: Not a directory" in result.stderr and "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_never_replaces_the_release(make_project: ProjectMaker) -> None:
    project = make_project({"r.txt": ACME_RELEASE})
    result = run("generate", project / "r.txt")
    assert result.exit_code == 2
    assert "would replace the release itself" in result.stderr
    assert (project / "r.txt").read_text(encoding="utf-8") == ACME_RELEASE


def test_internal_error_in_one_release_does_not_stop_the_batch(
    make_project: ProjectMaker, monkeypatch
) -> None:
    project = make_project({"a.yaml": ACME_RELEASE, "b.yaml": ACME_RELEASE})
    from prwriter.writers import text

    real = text.write

    def flaky(release, options):
        if release.path.name == "a.yaml":
            raise RuntimeError("boom")
        return real(release, options)

    monkeypatch.setattr(text, "write", flaky)
    result = run("generate", project / "a.yaml", project / "b.yaml")
    assert result.exit_code == 70
    assert "a.yaml: internal error: RuntimeError: boom" in result.stderr
    assert (project / "b.txt").exists()
    assert not (project / "a.txt").exists()


def test_ascii_option_folds_the_copy(tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "--ascii", "-o", tmp_path)
    assert result.exit_code == 0
    text = (tmp_path / "release.txt").read_text(encoding="utf-8")
    assert text.isascii()
    assert "Kadcyla(R)" in text


def test_list_wires_and_library_entries() -> None:
    result = run("list", "wires")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[0] == "accesswire"
    result = run("list", "companies", "--folder", EXAMPLE.parent)
    assert result.exit_code == 0
    rows = dict(line.split() for line in result.stdout.splitlines())
    assert rows["immunogen"] == str(EXAMPLE.parent / "boilerplates/companies/immunogen.yaml")


def test_list_unknown_kind_is_a_usage_error() -> None:
    result = run("list", "widgets")
    assert result.exit_code == 2
    assert "unknown kind 'widgets'" in result.stderr


def test_all_formats_in_one_run(tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "--format", "txt,html", "-f", "pdf", "-f", "docx",
                 "-o", tmp_path)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["release.docx", "release.html", "release.pdf", "release.txt"]
    assert (tmp_path / "release.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "release.docx").read_bytes().startswith(b"PK")


def test_unknown_pdf_variant_is_a_usage_error(tmp_path: Path) -> None:
    result = run("generate", EXAMPLE, "-f", "pdf", "--pdf-variant", "pdf/x", "-o", tmp_path)
    assert result.exit_code == 2
    assert "unknown PDF variant 'pdf/x'" in result.stderr


def test_templates_export_copies_without_overwriting(tmp_path: Path) -> None:
    target = tmp_path / "templates"
    (target / "html").mkdir(parents=True)
    (target / "html" / "release.css").write_text("/* mine */")
    result = run("templates", "export", target)
    assert result.exit_code == 0
    assert (target / "html" / "release.css").read_text() == "/* mine */"
    for shipped in ("html/release.html.j2", "docx/reference.docx", "text/wire.txt.j2",
                    "wires/print.yaml", "fonts/DejaVuSerif.ttf"):  # fmt: skip
        assert (target / shipped).is_file()
    assert "wrote" in result.stdout and "release.css" not in result.stdout
    again = run("templates", "export", target)
    assert "nothing to copy" in again.stdout


def test_a_broken_settings_file_is_reported_once_at_its_line(make_project) -> None:
    project = make_project({"prwriter.toml": 'wire = "businesswire"\nformats = ["txt"\n',
                            "r/a.yaml": ACME_RELEASE, "r/b.yaml": ACME_RELEASE})  # fmt: skip
    result = CliRunner().invoke(app, ["generate", str(project / "r")])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line for line in lines if "TOML" in line] == [
        f"{project / 'prwriter.toml'}:2:1: TOML syntax error: Unclosed array at the end of the file"
    ]
    assert lines[-1] == "2 of 2 release(s) failed: 2 could not be read"
    check = CliRunner().invoke(app, ["check", str(project / "r")])
    assert check.exit_code == 2
    assert check.stdout.count("TOML syntax error") == 1
    assert check.stdout.splitlines()[-1].endswith("; 2 could not be read")


def test_summary_tells_unreadable_from_invalid(make_project) -> None:
    project = make_project({"r/a.yaml": ACME_RELEASE.replace("state: Ohio", "state: Ohioo"),
                            "r/b.yaml": "headline: [\n", "r/c.yaml": ACME_RELEASE})  # fmt: skip
    result = CliRunner().invoke(app, ["check", str(project / "r")])
    assert result.stdout.splitlines()[-1].endswith(
        " info; 1 could not be read; 1 failed validation"
    )
    result = CliRunner().invoke(app, ["generate", str(project / "r"), "-o", str(project / "o")])
    assert result.stderr.splitlines()[-1] == (
        "2 of 3 release(s) failed: 1 could not be read, 1 failed validation"
    )


def test_output_dash_writes_the_one_file_to_stdout(make_project, monkeypatch) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["generate", "r.yaml", "-o", "-", "-f", "txt"])
    assert result.exit_code == 0, result.output
    expected = prwriter.render(prwriter.load_release("r.yaml"), "txt")
    assert result.stdout == expected
    assert sorted(p.name for p in project.iterdir()) == ["r.yaml"]  # no file written
    html = CliRunner().invoke(app, ["generate", "r.yaml", "-o", "-", "-f", "html"])
    assert html.stdout.startswith("<!DOCTYPE html>")
    pdf = CliRunner().invoke(app, ["generate", "r.yaml", "-o", "-", "-f", "pdf"])
    assert pdf.stdout_bytes.startswith(b"%PDF-")


def test_output_dash_wants_one_file(make_project, monkeypatch) -> None:
    monkeypatch.chdir(make_project({"r.yaml": ACME_RELEASE, "s.yaml": ACME_RELEASE}))
    two_formats = CliRunner().invoke(app, ["generate", "r.yaml", "-o", "-", "-f", "txt,html"])
    assert two_formats.exit_code == 2 and two_formats.stdout == ""
    assert "-o: '-' writes one file to standard output, and this run makes 2" in (
        two_formats.stderr
    )
    two_releases = CliRunner().invoke(app, ["generate", "r.yaml", "s.yaml", "-o", "-"])
    assert two_releases.exit_code == 2 and two_releases.stdout == ""
    watching = CliRunner().invoke(app, ["generate", "r.yaml", "-o", "-", "--watch"])
    assert watching.exit_code == 2


def test_dry_run_lists_and_with_output_dash_shows(make_project, monkeypatch) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    monkeypatch.chdir(project)
    listed = CliRunner().invoke(app, ["generate", "r.yaml", "--dry-run", "-f", "txt,html"])
    assert listed.stdout.splitlines() == ["would write r.txt", "would write r.html"]
    shown = CliRunner().invoke(app, ["generate", "r.yaml", "--dry-run", "-o", "-",
                                     "-f", "txt,html"])  # fmt: skip
    assert shown.exit_code == 0
    release = prwriter.load_release("r.yaml")
    assert shown.stdout == (
        f"==> r.txt <==\n{prwriter.render(release, 'txt')}"
        f"==> r.html <==\n{prwriter.render(release, 'html')}"
    )
    assert sorted(p.name for p in project.iterdir()) == ["r.yaml"]
