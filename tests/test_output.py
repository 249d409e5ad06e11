"""Atomic output: readers see the old file or the new one, never a partial one."""

from __future__ import annotations

from pathlib import Path

import pytest

from prwriter.output import write_atomic


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    write_atomic(target, "one\n")
    write_atomic(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]


def test_write_atomic_failure_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    import os

    target = tmp_path / "a.txt"
    target.write_text("good\n")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "new\n")
    assert target.read_text() == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
