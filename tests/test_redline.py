"""Redlines: accepting every change gives the new version and rejecting every change the
old one, in text, HTML and DOCX; LibreOffice reads the DOCX tracked changes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

import prwriter
from conftest import REPO
from prwriter.cli import app
from prwriter.redlines import Piece, align, html_blocks, word_diff

SOFFICE = shutil.which("soffice")
GIT = shutil.which("git")
IN_CI = os.environ.get("CI") == "true"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_word_diff_keeps_the_words_that_stay() -> None:
    assert word_diff("We are extremely pleased.", "We are very pleased.") == [
        Piece("equal", "We are "),
        Piece("delete", "extremely"),
        Piece("insert", "very"),
        Piece("equal", " pleased."),
    ]


def test_align_pairs_edited_paragraphs_and_keeps_the_rest_apart() -> None:
    old = ["Headline", "A lead about a plant.", "A quote.", "About Acme."]
    new = ["Headline", "A lead about a new plant.", "About Acme.", "A new legal block."]
    pairs = [(p.old, p.new) for p in align(old, new)]
    assert pairs == [(0, 0), (1, 1), (2, None), (3, 2), (None, 3)]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """The ImmunoGen example, and a copy with an edited headline, quote, About text (in the
    library) and contact, one paragraph removed and one added."""
    old = tmp_path / "old"
    shutil.copytree(REPO / "examples" / "immunogen", old)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    release = (new / "release.yaml").read_text("utf-8")
    release = release.replace("Again Named One of", "Named Again One of")
    release = release.replace("extremely pleased", "very pleased")
    start = release.index("  - >-\n    The Boston Globe's 2014")
    end = release.index("\n\nlegal:")
    new_paragraph = "  - >-\n    ImmunoGen, Inc. will host an open house in Waltham."
    release = release[:start] + new_paragraph + release[end:]
    (new / "release.yaml").write_text(release, "utf-8")
    company = new / "boilerplates" / "companies" / "immunogen.yaml"
    company.write_text(company.read_text("utf-8").replace(
        "develops targeted anticancer", "develops novel targeted anticancer"), "utf-8")  # fmt: skip
    for contact in (new / "boilerplates" / "contacts").glob("*.yaml"):
        text = contact.read_text("utf-8")
        contact.write_text(re.sub(r"\d{3}-\d{3}-\d{4}", "617-555-0100", text, count=1), "utf-8")
    return old / "release.yaml", new / "release.yaml"


def accept_text(redline: str) -> str:
    return re.sub(r"\{\+(.*?)\+\}", r"\1", re.sub(r"\[-.*?-\]", "", redline, flags=re.S),
                  flags=re.S)  # fmt: skip


def reject_text(redline: str) -> str:
    return re.sub(r"\[-(.*?)-\]", r"\1", re.sub(r"\{\+.*?\+\}", "", redline, flags=re.S),
                  flags=re.S)  # fmt: skip


def test_text_redline_accepts_to_new_and_rejects_to_old(versions) -> None:
    old, new = versions
    redline = str(prwriter.redline(old, new, "txt"))
    assert "{+Named +}Again[- Named-]" in redline
    assert "[-extremely-]{+very+}" in redline
    assert "develops{+ novel+} targeted" in redline  # a library change shows too
    assert "617-555-0100" in redline
    old_text = str(prwriter.render(prwriter.load_release(old), "txt"))
    new_text = str(prwriter.render(prwriter.load_release(new), "txt"))
    assert accept_text(redline).split() == new_text.split()
    assert reject_text(redline).split() == old_text.split()


def test_html_redline_accepts_to_new_and_rejects_to_old(versions) -> None:
    old, new = versions
    redline = str(prwriter.redline(old, new, "html"))
    assert "<del>extremely</del><ins>very</ins>" in redline
    assert "<ins> novel</ins>" in redline
    accepted = re.sub(r"<del>.*?</del>", "", redline, flags=re.S)
    rejected = re.sub(r"<ins>.*?</ins>", "", redline, flags=re.S)
    blocks = [b.text.split() for b in html_blocks(accepted)[1]
              if "redline-note" not in b.css_class and b.text.strip()]  # fmt: skip
    new_blocks = html_blocks(str(prwriter.render(prwriter.load_release(new), "html")))[1]
    assert blocks == [b.text.split() for b in new_blocks]
    rejected_blocks = [b.text.split() for b in html_blocks(rejected)[1]
                       if "redline-note" not in b.css_class and b.text.strip()]  # fmt: skip
    old_blocks = html_blocks(str(prwriter.render(prwriter.load_release(old), "html")))[1]
    assert rejected_blocks == [b.text.split() for b in old_blocks]


def settle(data: bytes, accept: bool) -> bytes:
    """Accept (or reject) every tracked change on the XML side, as Word's "Accept All"
    does: LibreOffice has no command-line switch for it."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    for paragraph in list(body.iter(f"{W}p")):
        marks = paragraph.find(f"{W}pPr/{W}rPr")
        if marks is not None and marks.find(f"{W}{drop}") is not None:
            paragraph.getparent().remove(paragraph)  # a paragraph wholly added (or removed)
        elif marks is not None:
            for mark in marks.findall(f"{W}{keep}"):
                marks.remove(mark)
    for element in list(body.iter(f"{W}{drop}")):
        element.getparent().remove(element)
    for element in list(body.iter(f"{W}{keep}")):
        parent, index = element.getparent(), element.getparent().index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(index + offset, child)
        parent.remove(element)
    for deleted in list(body.iter(f"{W}delText")):
        deleted.tag = f"{W}t"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_words(data: bytes) -> list[str]:
    return " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs).split()


def test_docx_redline_is_tracked_changes_by_author_and_date(versions) -> None:
    old, new = versions
    data = prwriter.redline(old, new, "docx", author="Legal Review")
    assert isinstance(data, bytes)
    body = docx.Document(io.BytesIO(data)).element.body
    marks = list(body.iter(f"{W}ins")) + list(body.iter(f"{W}del"))
    assert len(marks) >= 6
    assert {m.get(f"{W}author") for m in marks} == {"Legal Review"}
    assert {m.get(f"{W}date") for m in marks} == {"2014-11-13T00:00:00Z"}  # the new date
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))
    old_docx = prwriter.render(prwriter.load_release(old), "docx")
    new_docx = prwriter.render(prwriter.load_release(new), "docx")
    assert docx_words(settle(data, accept=True)) == docx_words(new_docx)
    assert docx_words(settle(data, accept=False)) == docx_words(old_docx)
    assert prwriter.redline(old, new, "docx", author="Legal Review") == data  # reproducible


@pytest.mark.skipif(SOFFICE is None and not IN_CI, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_redline_accepted_and_rejected(versions, tmp_path: Path) -> None:
    assert SOFFICE
    old, new = versions
    data = prwriter.redline(old, new, "docx")
    assert isinstance(data, bytes)
    out = tmp_path / "lo"
    out.mkdir()
    files = {
        "redline.docx": data,
        "accepted.docx": settle(data, accept=True),
        "rejected.docx": settle(data, accept=False),
        "old.docx": prwriter.render(prwriter.load_release(old), "docx"),
        "new.docx": prwriter.render(prwriter.load_release(new), "docx"),
    }
    for name, content in files.items():
        (out / name).write_bytes(content)
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    docs = sorted(str(p) for p in out.glob("*.docx"))
    for target, files in (("txt:Text (encoded):UTF8", docs), ("fodt", [str(out / "redline.docx")])):
        subprocess.run([SOFFICE, "--headless", profile, "--convert-to", target,
                        "--outdir", str(out), *files],
                       check=True, capture_output=True, timeout=240)  # fmt: skip

    def words(name: str) -> list[str]:
        return (out / f"{name}.txt").read_text("utf-8-sig").split()

    assert words("accepted") == words("new")
    assert words("rejected") == words("old")
    assert words("accepted") != words("rejected")
    # LibreOffice took the marks as tracked changes, with their author, not as text.
    flat = (out / "redline.fodt").read_text("utf-8")
    regions = re.findall(r"<text:changed-region\b", flat)
    assert len(regions) >= 6
    assert "<dc:creator>prwriter</dc:creator>" in flat
    assert "<text:insertion>" in flat and "<text:deletion>" in flat


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_rev_compares_with_the_committed_version_and_its_library(tmp_path: Path) -> None:
    project = tmp_path / "repo"
    shutil.copytree(REPO / "examples" / "immunogen", project)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}  # fmt: skip
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "first"]):
        subprocess.run(["git", "-C", str(project), *args], check=True, env=env)
    release = project / "release.yaml"
    release.write_text(release.read_text("utf-8").replace("extremely", "very"), "utf-8")
    company = project / "boilerplates" / "companies" / "immunogen.yaml"
    company.write_text(company.read_text("utf-8").replace("develops", "builds"), "utf-8")
    result = CliRunner().invoke(app, ["diff", str(release), "--rev", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "[-extremely-]{+very+}" in result.stdout
    assert "[-develops-]{+builds+}" in result.stdout  # the library as it was, too
    missing = CliRunner().invoke(app, ["diff", str(release), "--rev", "no-such-rev"])
    assert missing.exit_code == 2 and "--rev: " in missing.stderr


def test_diff_command_writes_files_and_checks_its_arguments(versions, tmp_path: Path) -> None:
    old, new = versions
    target = tmp_path / "redline.docx"
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", "docx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == prwriter.redline(old, new, "docx")
    html = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", "html"])
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert CliRunner().invoke(app, ["diff", str(old)]).exit_code == 2  # one file needs --rev
    assert CliRunner().invoke(app, ["diff", str(old), str(new), "-f", "pdf"]).exit_code == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("headline: [\n")
    bad = CliRunner().invoke(app, ["diff", str(broken), str(new)])
    assert bad.exit_code == 2 and "YAML syntax error" in bad.stderr
