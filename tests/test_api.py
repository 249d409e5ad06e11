"""The public API: what `__all__` lists, and the CLI using nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import prwriter
from conftest import REPO

EXAMPLE = REPO / "examples" / "immunogen" / "release.yaml"


def test_public_names() -> None:
    assert sorted(prwriter.__all__) == [
        "BatchOptions",
        "CHECK_FORMATS",
        "FORMATS",
        "InputError",
        "LIBRARY_KINDS",
        "Outcome",
        "PDF_VARIANTS",
        "Problem",
        "REDLINE_FORMATS",
        "Release",
        "SCHEMA_KINDS",
        "__version__",
        "check",
        "check_report",
        "check_rules",
        "check_rules_markdown",
        "check_status",
        "company_choices",
        "export_templates",
        "generate",
        "init_project",
        "json_schema",
        "list_entries",
        "list_templates",
        "list_wires",
        "load_release",
        "new_release",
        "new_release_problem",
        "redline",
        "render",
        "watch",
        "watch_folders",
        "write_atomic",
    ]
    assert prwriter.FORMATS == ("txt", "html", "pdf", "docx")
    assert prwriter.LIBRARY_KINDS == ("companies", "contacts", "people", "legal")
    assert issubclass(prwriter.InputError, Exception)
    assert isinstance(prwriter.__version__, str)
    for name in ("export_templates", "list_entries", "list_wires", "load_release", "render",
                 "write_atomic"):  # fmt: skip
        assert callable(getattr(prwriter, name))


def test_list_entries_shows_which_folder_wins() -> None:
    folder = EXAMPLE.parent
    companies = prwriter.list_entries("companies", folder)
    assert companies["immunogen"] == folder / "boilerplates" / "companies" / "immunogen.yaml"
    assert companies["acme"].parent.parent.name == "boilerplates"
    with pytest.raises(ValueError, match="unknown kind 'widgets'"):
        prwriter.list_entries("widgets")


def test_load_release_returns_a_release_and_render_returns_text() -> None:
    release = prwriter.load_release(EXAMPLE)
    assert isinstance(release, prwriter.Release)
    text = prwriter.render(release, "txt")
    assert isinstance(text, str)
    native = prwriter.render(release, "txt", wire="businesswire")
    assert "News Provided by Acquire Media" in text
    assert "News Provided by Acquire Media" not in native


def test_render_refuses_an_unknown_format() -> None:
    release = prwriter.load_release(EXAMPLE)
    with pytest.raises(ValueError, match="unknown format 'rtf'; choose from txt, html, pdf, docx"):
        prwriter.render(release, "rtf")


def test_list_wires_names_the_shipped_profiles() -> None:
    wires = prwriter.list_wires()
    assert {"businesswire", "businesswire-acquiremedia"} <= set(wires)
    assert all(path.suffix == ".yaml" for path in wires.values())


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    prwriter.write_atomic(target, "one\n")
    prwriter.write_atomic(target, b"two\n")
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
        prwriter.write_atomic(target, "new\n")
    assert target.read_text() == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_cli_uses_only_the_public_api() -> None:
    tree = ast.parse((REPO / "src" / "prwriter" / "cli.py").read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if (isinstance(node, ast.Import) and alias.name.startswith("prwriter"))
        or (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("prwriter"))
    }
    assert imported == {"prwriter"}
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "prwriter"
    }
    assert used <= set(prwriter.__all__), used - set(prwriter.__all__)
