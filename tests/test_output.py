"""Writing outputs: a release's files are replaced together or not at all, temporary files
of a killed run are cleaned up, and nothing is written through a symbolic link or outside
the project."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter import output
from prwriter.cli import app
from prwriter.output import write_atomic


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def _parts(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


def _first_run(make_project: ProjectMaker) -> tuple[Path, bytes]:
    project = make_project({"r.yaml": ACME_RELEASE})
    assert run("generate", project / "r.yaml", "-f", "txt").exit_code == 0
    good = (project / "r.txt").read_bytes()
    edited = ACME_RELEASE.replace("opened a plant", "opened a second plant")
    (project / "r.yaml").write_text(edited, encoding="utf-8")
    return project, good


def test_disk_full_on_one_format_keeps_every_old_file(
    make_project: ProjectMaker, monkeypatch
) -> None:
    project, good = _first_run(make_project)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            if data.startswith(b"PK"):  # the DOCX (a zip file)
                self.handle.write(data[:100])
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.handle.write(data)

        def __getattr__(self, name: str):
            return getattr(self.handle, name)

    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    result = run("generate", project / "r.yaml", "-f", "txt,docx", "-j", "1")
    assert result.exit_code == 2
    assert "No space left on device; nothing was written for this release" in result.stderr
    assert (project / "r.txt").read_bytes() == good
    assert not (project / "r.docx").exists()
    assert _parts(project) == []


def test_a_folder_where_a_file_should_be_keeps_every_old_file(make_project: ProjectMaker) -> None:
    project, good = _first_run(make_project)
    (project / "r.docx").mkdir()
    result = run("generate", project / "r.yaml", "-f", "txt,docx", "-j", "1")
    assert result.exit_code == 2
    assert "r.docx is a folder" in result.stderr
    assert (project / "r.txt").read_bytes() == good
    assert _parts(project) == []


def test_a_rename_failing_midway_removes_the_remaining_temporary_files(
    tmp_path: Path, monkeypatch
) -> None:
    real_replace = Path.replace
    calls: list[Path] = []

    def replace(self: Path, target: Path) -> Path:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.EIO, "I/O error")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(OSError, match="I/O error"):
        output.write_all({tmp_path / "a.txt": "a", tmp_path / "b.txt": "b", tmp_path / "c": "c"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_outputs_are_never_written_through_a_symbolic_link(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    victim = project.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (project / "r.txt").symlink_to(victim)
    (project / "r.html").symlink_to(project.parent / "dangling.html")
    result = run("generate", project / "r.yaml", "-f", "txt,html", "-j", "1")
    assert result.exit_code == 2
    assert "is a symbolic link; prwriter never writes through one" in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (project.parent / "dangling.html").exists()
    assert (project / "r.txt").is_symlink()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_a_killed_run_are_removed(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    stale = project / f".r.txt.prwriter-{_dead_pid()}-0123abcd.part"
    stale.write_bytes(b"x" * 4096)
    alive = project / f".r.txt.prwriter-{os.getppid()}-0123abcd.part"  # a running process
    alive.write_bytes(b"x")
    not_ours = project / ".notes.txt.part"
    not_ours.write_bytes(b"x")
    assert run("generate", project / "r.yaml", "-f", "txt").exit_code == 0
    assert not stale.exists()
    assert alive.exists() and not_ours.exists()


@pytest.mark.slow
def test_a_batch_killed_with_sigkill_leaves_nothing_after_the_next_run(
    make_project: ProjectMaker,
) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(30)})
    out = project / "out"
    command = [sys.executable, "-m", "prwriter", "generate", str(project), "-f", "txt,docx",
               "-o", str(out), "-j", "2", "-q"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (out.exists() and len(list(out.iterdir())) >= 4) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    subprocess.run(command, check=True, timeout=300, capture_output=True)
    assert _parts(out) == []
    assert len(list(out.glob("*.docx"))) == len(list(out.glob("*.txt"))) == 30


def test_output_dir_from_settings_stays_inside_the_project(
    make_project: ProjectMaker, tmp_path: Path
) -> None:
    for given in ("../outside", str(tmp_path / "abs"), "link/x"):
        project = make_project(
            {"prwriter.toml": f"output_dir = '{given}'\n", "r.yaml": ACME_RELEASE}
        )
        if given == "link/x" and not (project / "link").exists():
            (project / "link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
        result = run("generate", project / "r.yaml", "-f", "txt")
        assert result.exit_code == 2, given
        assert (
            f"prwriter.toml:1:1: output_dir: '{given}' lies outside the project folder; "
            "keep output_dir inside it, or choose the folder on the command line with "
            "--output-dir" in result.stderr
        )
    assert not (tmp_path / "outside").exists() and not (tmp_path / "abs").exists()
    assert not (tmp_path / "elsewhere").exists()
    # The command line may name any folder.
    result = run("generate", project / "r.yaml", "-f", "txt", "-o", tmp_path / "abs")
    assert result.exit_code == 0 and (tmp_path / "abs" / "r.txt").is_file()


def test_nul_in_a_settings_path_is_a_located_error(make_project: ProjectMaker) -> None:
    for key, value in (("output_dir", "out\\u0000x"), ("name_pattern", "{stem}\\u0000.{ext}"),
                       ("library", ["lib\\u0000"])):  # fmt: skip
        text = f'{key} = "{value}"\n' if isinstance(value, str) else f'{key} = ["{value[0]}"]\n'
        project = make_project({"prwriter.toml": text, "r.yaml": ACME_RELEASE})
        result = run("generate", project / "r.yaml", "-f", "txt")
        assert result.exit_code == 2, result.stderr
        assert "contains the control character U+0000" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_templates_export_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    destination = tmp_path / "templates"
    destination.mkdir()
    (destination / "text").mkdir()
    (destination / "text" / "release.txt.j2").symlink_to(tmp_path / "dangling.j2")
    written = prwriter.export_templates(destination)
    assert not (tmp_path / "dangling.j2").exists()
    assert destination / "text" / "release.txt.j2" not in written
    assert written  # the other files were copied

    other = tmp_path / "other"
    other.mkdir()
    (other / "html").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    result = run("templates", "export", other)
    assert result.exit_code == 2
    assert "is a symbolic link; prwriter never writes through one" in result.stderr
    assert not (tmp_path / "elsewhere").exists()


def test_init_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "prwriter.toml").symlink_to(tmp_path / "dangling.toml")
    (folder / "boilerplates").symlink_to(tmp_path / "shared", target_is_directory=True)
    result = run("init", folder)
    assert result.exit_code == 2
    assert "is a symbolic link; prwriter never writes through one" in result.stderr
    assert not (tmp_path / "dangling.toml").exists()
    assert not (tmp_path / "shared").exists()


def test_new_never_writes_through_a_dangling_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").symlink_to(tmp_path / "target.yaml")
    with pytest.raises(prwriter.InputError, match="exists already"):
        prwriter.new_release(tmp_path / "r.yaml", "acme", date="2025-03-05")
    assert not (tmp_path / "target.yaml").exists()


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    write_atomic(target, "one\n")
    write_atomic(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]


def test_write_atomic_failure_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("good\n")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new\n")
    assert target.read_text() == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_schema_write_never_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    (tmp_path / "release.schema.json").symlink_to(tmp_path / "dangling.json")
    result = run("schema", "--write", tmp_path)
    assert result.exit_code == 2
    assert "is a symbolic link; prwriter never writes through one" in result.stderr
    assert not (tmp_path / "dangling.json").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["release.schema.json"]  # none written
