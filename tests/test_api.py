"""The public API: what `__all__` lists, and the CLI using nothing else."""

from __future__ import annotations

import ast

import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker

EXAMPLE = REPO / "examples" / "immunogen" / "release.yaml"


def test_public_names() -> None:
    assert sorted(prwriter.__all__) == sorted(
        [
            "CHECK_FORMATS", "FORMATS", "LIBRARY_KINDS", "PDF_VARIANTS", "REDLINE_FORMATS",
            "SCHEMA_KINDS",
            "__version__",
            # functions
            "build_document", "build_site", "check", "check_report", "check_rules",
            "export_templates", "generate", "import_releases", "init_project", "json_schema",
            "list_entries", "list_templates", "list_wires", "load_release", "new_release",
            "preview", "redline", "render", "watch",
            # results and options
            "BatchOptions", "CheckResult", "Document", "Finding", "ImportResult", "InputError",
            "Outcome", "Problem", "Project", "Rule", "SiteResult",
            # the resolved release
            "Block", "Company", "CompanyMention", "Contact", "ContactGroup", "Embargo",
            "Emphasis", "Heading", "Inline", "LegalBlock", "LineBreak", "Link", "ListBlock",
            "Listing", "Media", "Paragraph", "Person", "Place", "Quote", "Release", "Strong",
            "Text",
            # argument types
            "LibraryKind", "PdfVariant", "ReportFormat", "SchemaKind", "Severity",
        ]
    )  # fmt: skip
    assert prwriter.FORMATS == ("txt", "html", "pdf", "docx", "md", "json", "edgar")
    assert prwriter.LIBRARY_KINDS == ("companies", "contacts", "people", "legal")
    assert issubclass(prwriter.InputError, Exception)
    assert isinstance(prwriter.__version__, str)
    for name in prwriter.__all__:
        assert getattr(prwriter, name) is not None, name


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
    assert {"businesswire", "prnewswire", "cnw", "newsfile"} <= set(wires)
    assert all(path.suffix == ".yaml" for path in wires.values())


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
    # Besides the facade, the command line reaches only its own plumbing: exit codes,
    # the rules document, schema files, the folders --watch watches, the escaping of input
    # it prints, the checks of `new` answers and the atomic write of a redline file.
    assert imported <= {"prwriter", "exit_status", "rules_markdown", "write_schemas",
                        "schema_text", "watch_folders", "printable", "answer_problem",
                        "company_choices", "write_atomic"}, imported  # fmt: skip
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "prwriter"
    }
    assert used <= set(prwriter.__all__), used - set(prwriter.__all__)


def test_check_uses_the_project_it_is_given(make_project: ProjectMaker) -> None:
    """A Project passed to `check` configures the rules for files as for a Release."""
    quiet = make_project({"prwriter.toml": "", "r.yaml": ACME_RELEASE})
    rules = "".join(f"[check.rules.{r.id}]\nenabled = false\n\n" for r in prwriter.check_rules())
    (quiet / "prwriter.toml").write_text(rules, encoding="utf-8")
    [loud] = prwriter.check([quiet / "r.yaml"], project=prwriter.Project())
    [silent] = prwriter.check([quiet / "r.yaml"])
    assert loud.findings and not silent.findings
    with pytest.raises(ValueError, match="overrides apply to release files"):
        prwriter.check(prwriter.load_release(quiet / "r.yaml"), {"headline": "x"})
