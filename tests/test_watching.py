"""--watch: only the releases a change affects run again, outputs left behind by a changed
headline go (and nothing else does), and signals end it with 130 and 143."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.batch import Outcome
from prwriter.watching import ReleaseWatch, relevant_change

B_RELEASE = ACME_RELEASE.replace("Acme Opens a Plant in Dayton", "Acme Hires in Dayton") + (
    "legal: [acme-trademarks]\n"
)


def two_releases(make_project: ProjectMaker) -> Path:
    return make_project({
        "prwriter.toml": "",
        "releases/a.yaml": ACME_RELEASE,
        "releases/b.yaml": B_RELEASE,
        "boilerplates/legal/acme-trademarks.yaml": "kind: trademark\ntext: Acme is ours.\n",
        "boilerplates/people/nobody.yaml": "name: No One\n",
        "templates/text/README.md": "notes\n",
    })  # fmt: skip


def test_a_change_affects_only_the_releases_that_use_it(make_project: ProjectMaker) -> None:
    project = two_releases(make_project)
    a, b = (project / "releases" / n for n in ("a.yaml", "b.yaml"))
    watch = ReleaseWatch([project / "releases"])
    assert watch.affected([a]) == [a]
    assert watch.affected([project / "boilerplates/legal/acme-trademarks.yaml"]) == [b]
    assert watch.affected([project / "boilerplates/people/nobody.yaml"]) == []
    assert watch.affected([project / "prwriter.toml"]) == [a, b]
    assert watch.affected([project / "templates/text/wire.txt.j2"]) == [a, b]
    assert watch.affected([project / "notes.md"]) == []
    # A release that cannot be read may use anything: it runs again on every library change.
    b.write_text("headline: [\n")
    assert watch.affected([project / "boilerplates/people/nobody.yaml"]) == [b]


def test_what_counts_as_a_change() -> None:
    assert relevant_change("/p/releases/a.yaml")
    assert relevant_change("/p/boilerplates/companies/acme.yaml")
    assert relevant_change("/p/templates/docx/reference.docx")
    assert relevant_change("/p/prwriter.toml")
    assert not relevant_change("/p/drafts/a.txt")
    assert not relevant_change("/p/drafts/a.docx")
    assert not relevant_change("/p/releases/.a.yaml.swp")
    assert not relevant_change("/p/drafts/.a.txt.1234.part")


def test_record_removes_only_its_own_unchanged_outputs(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    old, kept, edited = (tmp_path / n for n in ("old.txt", "kept.txt", "edited.txt"))
    for path in (old, kept, edited):
        path.write_text("draft\n")
    watch = ReleaseWatch([])
    watch.record([Outcome(source, (old, kept, edited))])
    edited.write_text("the writer changed this by hand\n")
    new = tmp_path / "new.txt"
    new.write_text("draft\n")
    assert watch.record([Outcome(source, (new, kept))]) == [old]
    assert not old.exists() and kept.exists() and edited.exists() and new.exists()
    # A failed run keeps the last good outputs.
    failed = Outcome(source, problems=(prwriter.Problem("r.yaml", 1, 1, "", "broken"),))
    assert watch.record([failed]) == [] and new.exists()


class Watcher:
    """`prwriter generate --watch` in a process, its output lines as they come."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prwriter", "generate", *args, "--watch"], cwd=cwd,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60) -> list[str]:
        """Every line up to and including the first that contains `text`."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watcher exited: {seen}"
                continue
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no line with {text!r} in {seen}")

    def stop(self, signum: int) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=20)


def edit(path: Path, text: str) -> None:
    # A later modification time than the watcher's start, whatever the file system's clock.
    path.write_text(text)
    later = time.time() + 1
    os.utime(path, (later, later))


@pytest.mark.slow
def test_watch_regenerates_what_changed_and_removes_old_drafts(make_project) -> None:
    project = two_releases(make_project)
    drafts = project / "drafts"
    drafts.mkdir()
    (drafts / "notes.txt").write_text("mine\n")
    watcher = Watcher(["releases", "-o", "drafts", "-n", "{slug}.{ext}", "-j", "1"], project)
    try:
        watcher.wait_for("(Ctrl-C stops)")
        first = drafts / "acme-opens-a-plant-in-dayton.txt"
        other = drafts / "acme-hires-in-dayton.txt"
        assert first.exists() and other.exists()
        other_stamp = other.stat().st_mtime_ns
        time.sleep(0.5)
        edit(project / "releases/a.yaml", ACME_RELEASE.replace("a Plant", "a Lab"))
        lines = watcher.wait_for("removed")
        renamed = drafts / "acme-opens-a-lab-in-dayton.txt"
        assert f"wrote {Path('drafts') / renamed.name}" in lines
        assert not any("acme-hires" in line for line in lines)  # b was not run again
        assert renamed.read_text().startswith("Acme Opens a Lab in Dayton")
        assert not first.exists()  # the draft of the old headline went
        assert other.stat().st_mtime_ns == other_stamp
        assert (drafts / "notes.txt").read_text() == "mine\n"  # never ours, never removed
        edit(project / "boilerplates/legal/acme-trademarks.yaml",
             "kind: trademark\ntext: Acme is a trademark of Acme, Inc.\n")  # fmt: skip
        lines = watcher.wait_for("acme-hires-in-dayton.txt")
        assert not any("acme-opens" in line for line in lines)  # a does not use it
        assert "Acme is a trademark of Acme, Inc." in other.read_text()
    finally:
        status = watcher.stop(signal.SIGINT)
    assert status == 130


@pytest.mark.slow
def test_watch_exits_143_on_sigterm(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    watcher = Watcher(["r.yaml"], project)
    watcher.wait_for("(Ctrl-C stops)")
    assert watcher.stop(signal.SIGTERM) == 143
