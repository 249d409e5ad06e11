"""Signals and killed processes: Ctrl-C and SIGTERM end a parallel batch or a watch promptly
with 130 or 143, a killed rendering process is reported, and rendering processes never
outlive the run that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ACME_RELEASE, ProjectMaker


def _processes_mentioning(text: str) -> list[int]:
    """Process ids whose command line mentions `text` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_text(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _wait_until_gone(text: str, seconds: float = 15) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _processes_mentioning(text)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


# PDF keeps a batch of this size running for several seconds even on a quiet machine, so
# that a signal sent after the first outputs lands while it runs, not after it ended.
RELEASES = 80


def _batch(project: Path, jobs: int = 4, formats: str = "txt,docx,pdf") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "prwriter", "generate", str(project), "-f", formats,
         "-o", str(project / "out"), "-j", str(jobs), "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for_outputs(folder: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if folder.exists() and len([p for p in folder.iterdir() if p.suffix]) >= count:
            return
        time.sleep(0.01)
    raise AssertionError(f"no {count} outputs in {folder} after 60 s")


needs_proc = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")


@pytest.mark.slow
@needs_proc
@pytest.mark.parametrize("attempt", range(5))
def test_ctrl_c_ends_a_parallel_batch_promptly(attempt: int, make_project: ProjectMaker) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(RELEASES)})
    process = _batch(project)
    _wait_for_outputs(project / "out", 1 + attempt % 3)
    time.sleep(attempt * 0.05)
    assert process.poll() is None, "the batch ended before the signal; make it longer"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)  # a hang fails here
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "InvalidStateError" not in stderr
    assert _wait_until_gone(str(project)) == []
    assert not [p for p in (project / "out").iterdir() if p.name.endswith(".part")]


@pytest.mark.slow
@needs_proc
def test_sigterm_ends_a_parallel_batch_promptly(make_project: ProjectMaker) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(RELEASES)})
    process = _batch(project)
    _wait_for_outputs(project / "out", 2)
    assert process.poll() is None, "the batch ended before the signal; make it longer"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 143, stderr
    assert _wait_until_gone(str(project)) == []


@pytest.mark.slow
@needs_proc
def test_rendering_processes_exit_when_the_batch_is_killed(make_project: ProjectMaker) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(RELEASES)})
    process = _batch(project, jobs=2)
    _wait_for_outputs(project / "out", 2)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert _wait_until_gone(str(project)) == []


@pytest.mark.slow
@needs_proc
def test_a_killed_rendering_process_is_reported_not_a_hang(make_project: ProjectMaker) -> None:
    project = make_project({f"r{n:02d}.yaml": ACME_RELEASE for n in range(30)})
    process = _batch(project, jobs=2, formats="pdf")
    _wait_for_outputs(project / "out", 1)
    workers = [pid for pid in _processes_mentioning(str(project)) if pid != process.pid]
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 70, stderr
    assert "the process rendering it stopped (killed?)" in stderr
    assert "Traceback" not in stderr
    assert _wait_until_gone(str(project)) == []


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_watch_exits_with_the_signal_status(
    sig: signal.Signals, status: int, make_project: ProjectMaker
) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    watcher = subprocess.Popen(
        [sys.executable, "-m", "prwriter", "generate", str(project / "r.yaml"), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (project / "r.txt").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # let the watcher start
    watcher.send_signal(sig)
    _, stderr = watcher.communicate(timeout=20)
    assert watcher.returncode == status, stderr
    assert "Traceback" not in stderr
