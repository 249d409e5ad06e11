"""Hostile and broken input: every bad file in data/bad/ through the command, text that must
stay text, sandboxed templates, no way out of the project, and nothing lost on interrupt."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pypdf
import pytest
from typer.testing import CliRunner

import prwriter
from conftest import ACME_RELEASE, DATA, ProjectMaker
from prwriter.cli import app
from prwriter.yaml_source import MAX_FILE_BYTES

BAD = DATA / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yaml"))
# Files that are not readable YAML at all; the others were read and failed validation.
UNREADABLE = {
    "alias", "billion-laughs", "binary", "comments-only", "deeply-nested", "duplicate-key",
    "empty", "merge-key", "merge-key-at-top", "not-utf8", "tabs", "two-documents", "yaml-syntax",
}  # fmt: skip


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_cli_on_each_bad_input(case: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(BAD)
    out = tmp_path / "out"
    result = run("generate", f"{case}.yaml", "-f", "txt,html,pdf,docx", "-o", out, "-j", "1")
    assert result.exit_code == 2
    expected = (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    why = "could not be read" if case in UNREADABLE else "failed validation"
    assert result.stderr.splitlines() == [*expected, f"1 of 1 release(s) failed: 1 {why}"]
    assert all(":" in line.split(" ", 1)[0] for line in expected)  # FILE:LINE:COL or --set
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_fifty_megabyte_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"headline: x\nbody: ")
        handle.truncate(50 * 1024 * 1024)
    result = run("generate", big)
    assert result.exit_code == 2
    assert f"larger than {MAX_FILE_BYTES:,} bytes" in result.stderr


UNUSUAL = {
    "emoji": "Acme, Inc. opened a plant 🚀🏭 in Dayton.",
    "right-to-left": "Acme, Inc. opened a plant named שלום עולם and مرحبا.",
    "combining": "Acme, Inc. opened a cafe\u0301 and a Zu\u0308rich office.",
    "long word": "Acme, Inc. opened " + "a" * 10_000 + ".",
}


@pytest.mark.parametrize("name", UNUSUAL)
def test_unusual_valid_text_renders_in_every_format(name: str, make_project: ProjectMaker) -> None:
    body = UNUSUAL[name]
    release_text = ACME_RELEASE.replace("Acme, Inc. today opened a plant in Dayton.", body)
    project = make_project({"r.yaml": release_text})
    release = prwriter.load_release(project / "r.yaml")
    tail = body.removeprefix("Acme, Inc.")
    assert tail in str(prwriter.render(release, "txt"))
    assert tail in str(prwriter.render(release, "html"))
    document = docx.Document(io.BytesIO(bytes(prwriter.render(release, "docx"))))
    assert any(tail in p.text for p in document.paragraphs)
    pdf = pypdf.PdfReader(io.BytesIO(bytes(prwriter.render(release, "pdf"))))
    assert len(pdf.pages) >= 1


def test_five_thousand_character_headline_renders(make_project: ProjectMaker) -> None:
    headline = "Acme " + "Word " * 999
    project = make_project(
        {"r.yaml": ACME_RELEASE.replace("Acme Opens a Plant in Dayton", headline)}
    )
    release = prwriter.load_release(project / "r.yaml")
    for fmt in prwriter.FORMATS:
        assert prwriter.render(release, fmt)
    findings = prwriter.check([project / "r.yaml"])[0].findings
    assert "HL001" in [f.rule for f in findings if f.severity == "error"]


def test_template_syntax_in_facts_is_text_in_every_format(make_project: ProjectMaker) -> None:
    release_text = ACME_RELEASE.replace(
        "a plant in Dayton.", "a plant {{ 7*7 }} {% if true %}yes{% endif %} in Dayton."
    ).replace(
        "headline: Acme Opens a Plant in Dayton", "headline: '{{ headline }} Acme Opens a Plant'"
    )
    project = make_project({"r.yaml": release_text})
    release = prwriter.load_release(project / "r.yaml")
    literal = "{{ 7*7 }} {% if true %}yes{% endif %}"
    assert literal in str(prwriter.render(release, "txt"))
    assert literal in str(prwriter.render(release, "html"))
    document = docx.Document(io.BytesIO(bytes(prwriter.render(release, "docx"))))
    assert any(literal in p.text for p in document.paragraphs)
    assert document.core_properties.title.startswith("{{ headline }}")
    pdf = pypdf.PdfReader(io.BytesIO(bytes(prwriter.render(release, "pdf"))))
    assert "{{ 7*7 }}" in pdf.pages[0].extract_text()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ cycler.__init__.__globals__ }}", "template error"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "template error"),
        ("{% include '../../../../etc/passwd' %}", "template '../../../../etc/passwd' not found"),
        ("{% include '/etc/passwd' %}", "template '/etc/passwd' not found"),
    ],
)
def test_layout_templates_are_sandboxed(
    template: str, message: str, make_project: ProjectMaker
) -> None:
    project = make_project({"r.yaml": ACME_RELEASE, "templates/html/release.html.j2": template})
    release = prwriter.load_release(project / "r.yaml")
    # The HTML layout is HTML's and PDF's; DOCX walks the layout tree without it.
    for fmt in ("html", "pdf"):
        with pytest.raises(prwriter.InputError) as info:
            prwriter.render(release, fmt)
        assert message in str(info.value)


def test_symlinked_image_leading_out_of_the_project_is_refused(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE + "media:\n  - {file: photo.png, caption: A photo.}\n"
    project = make_project({"r.yaml": release})
    outside = project.parent / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    (project / "photo.png").symlink_to(outside)
    with pytest.raises(prwriter.InputError, match="lies outside the project"):
        prwriter.load_release(project / "r.yaml")


def test_output_names_from_release_data_stay_in_the_output_folder(
    make_project: ProjectMaker,
) -> None:
    project = make_project(
        {"r.yaml": ACME_RELEASE.replace("Acme Opens", "../../../etc/Acme Opens")}
    )
    out = project / "out"
    assert run("generate", project / "r.yaml", "-o", out, "-n", "{slug}.{ext}").exit_code == 0
    [written] = out.iterdir()
    assert written.name == "etc-acme-opens-a-plant-in-dayton.txt"


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_batch_leaves_no_partial_file(
    sig: signal.Signals, status: int, make_project: ProjectMaker
) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(40)})
    out = project / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "prwriter", "generate", str(project), "-f", "pdf,docx",
         "-o", str(out), "-j", "1", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (out.exists() and len(list(out.iterdir())) >= 4) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr
    files = list(out.iterdir())
    assert files and not [f for f in files if f.name.startswith(".")]
    for pdf in out.glob("*.pdf"):
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    for document in out.glob("*.docx"):
        docx.Document(str(document))


def test_library_file_symlinked_out_of_the_project_is_refused(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("companies: [acme]", "companies: [leak]")
    project = make_project({"r.yaml": release, "boilerplates/companies/.keep": ""})
    secret = project.parent / "secret.txt"
    secret.write_text("root:x:0:0:TOP SECRET\n" * 500, encoding="utf-8")
    (project / "boilerplates/companies/leak.yaml").symlink_to(secret)
    result = run("generate", project / "r.yaml", "-o", project / "out")
    assert result.exit_code == 2
    assert "leak.yaml:1:1: refused: this library file leads outside the project" in result.stderr
    assert "SECRET" not in result.stderr
    assert not (project / "out").exists()


def test_library_file_symlinked_inside_the_project_is_read(make_project: ProjectMaker) -> None:
    company = "name: Leak Co.\nabout: Leak Co. makes pipes.\n"
    release = ACME_RELEASE.replace("companies: [acme]", "companies: [leak]").replace(
        "Acme, Inc.", "Leak Co."
    )
    project = make_project({"r.yaml": release, "shared/leak.yaml": company})
    (project / "boilerplates/companies").mkdir(parents=True)
    (project / "boilerplates/companies/leak.yaml").symlink_to(project / "shared/leak.yaml")
    assert prwriter.load_release(project / "r.yaml").companies[0].name == "Leak Co."


def test_control_characters_from_input_are_escaped_in_every_message(
    make_project: ProjectMaker,
) -> None:
    release = ACME_RELEASE + '"\\e]0;owned\\a\\nr.yaml:1:1: forged\\u202e": 1\n'
    project = make_project({"r.yaml": release})
    result = run("generate", project / "r.yaml")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\u202e" not in result.stderr
    assert "\\x1b]0;owned\\x07\\x0ar.yaml:1:1: forged\\u202e: unknown key" in result.stderr
    checked = run("check", project / "r.yaml")
    assert "\x1b]0" not in checked.stdout and "\\x1b]0;owned" in checked.stdout


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("embargo.timezone=America/New_York", "--set: embargo.until: required field is missing"),
        ("wire=nope", "--set: wire: unknown wire 'nope'"),
        ("media=[{file: x.png}]", "--set: media.caption: required field is missing"),
        ("body=<b>x</b>", "--set: body: raw HTML is not supported"),
    ],
)
def test_a_set_problem_is_blamed_on_the_set_argument(
    setting: str, message: str, make_project: ProjectMaker
) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    result = run("generate", project / "r.yaml", "--set", setting, "--no-checks")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(message), result.stderr
    assert "r.yaml:" not in result.stderr


def test_control_characters_in_file_names_are_escaped_when_printed(
    make_project: ProjectMaker,
) -> None:
    project = make_project({"r\x1b]0;owned\x07.yaml": ACME_RELEASE})
    result = run("generate", project, "-f", "txt", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "r\\x1b]0;owned\\x07.txt" in result.stdout


def test_a_huge_key_or_value_is_never_printed_whole(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("companies: [acme]", f"companies: [{'x' * 50_000}]")
    project = make_project({"r.yaml": release + f"{'k' * 1000}: 1\n"})  # YAML's longest key
    result = run("generate", project / "r.yaml", "-o", project / "out")
    assert result.exit_code == 2
    assert "k" * 200 + "…: unknown key" in result.stderr
    assert "x" * 1000 not in result.stderr and "k" * 201 not in result.stderr
    assert len(result.stderr) < 3000


def test_releases_and_settings_symlinked_out_of_the_folder_are_refused(
    make_project: ProjectMaker,
) -> None:
    project = make_project({"releases/r.yaml": ACME_RELEASE, "elsewhere/prwriter.toml": ""})
    outside = project.parent / "outside.yaml"
    outside.write_text(ACME_RELEASE, encoding="utf-8")
    (project / "releases/leak.yaml").symlink_to(outside)
    result = run("generate", project / "releases", "-f", "txt", "-j", "1")
    assert result.exit_code == 2
    assert "leak.yaml:1:1: refused: this release file leads outside the project" in result.stderr
    assert (project / "releases/r.txt").is_file() and not (project / "releases/leak.txt").exists()

    (project / "prwriter.toml").symlink_to(project.parent / "secret.toml")
    (project.parent / "secret.toml").write_text("output_dir = 'x'\n", encoding="utf-8")
    with pytest.raises(prwriter.InputError, match="refused: this settings file leads outside"):
        prwriter.load_release(project / "releases/r.yaml")
