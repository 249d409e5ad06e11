"""The public API checks its arguments: a wrong type is a TypeError naming the argument, and
one path where a list is expected is refused rather than iterated character by character."""

from __future__ import annotations

from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker


def _release() -> prwriter.Release:
    return prwriter.load_release(REPO / "examples" / "immunogen" / "release.yaml")


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: prwriter.generate("r.yaml"), "paths"),
        (lambda: prwriter.generate("/"), "paths"),
        (lambda: prwriter.generate(Path()), "paths"),
        (lambda: prwriter.generate(b"."), "paths"),
        (lambda: prwriter.generate([1]), "paths[0]"),
        (lambda: prwriter.generate(["r.yaml"], jobs="4"), "jobs"),
        (lambda: prwriter.generate(["r.yaml"], options={"formats": ["txt"]}), "options"),
        (lambda: prwriter.generate(["r.yaml"], on_outcome=3), "on_outcome"),
        (lambda: prwriter.check("r.yaml"), "releases"),
        (lambda: prwriter.check(None), "releases"),
        (lambda: prwriter.render(None, project="."), "release"),
        (lambda: prwriter.load_release("r.yaml", project="."), "project"),
        (lambda: prwriter.build_document(None), "release"),
        (lambda: prwriter.check(["r.yaml"], overrides=["headline=x"]), "overrides"),
        (lambda: prwriter.load_release(None), "path"),
        (lambda: prwriter.load_release(3), "path"),
        (lambda: prwriter.load_release("r.yaml", {"headline": 3}), "overrides['headline']"),
        (lambda: prwriter.render(None), "release"),
        (lambda: prwriter.render(_release(), "txt", draft="no"), "draft"),
        (lambda: prwriter.render("r.yaml"), "release"),
        (lambda: prwriter.list_wires(3), "folder"),
        (lambda: prwriter.list_entries(None), "kind"),
        (lambda: prwriter.list_entries("companies", 3), "folder"),
        (lambda: prwriter.list_templates(None), "folder"),
        (lambda: prwriter.export_templates(None), "destination"),
        (lambda: prwriter.init_project(None), "folder"),
        (lambda: prwriter.new_release(3, "acme"), "path"),
        (lambda: prwriter.new_release(None, 3), "company_id"),
        (lambda: prwriter.check_report("results"), "results"),
        (lambda: prwriter.json_schema(None), "kind"),
        (lambda: prwriter.redline(None, "r.yaml"), "old"),
        (lambda: prwriter.redline("r.yaml", "r.yaml", rev=3), "rev"),
        (lambda: prwriter.preview(3), "path"),
        (lambda: prwriter.preview("r.yaml", port="80"), "port"),
        (lambda: prwriter.watch("r.yaml", list), "paths"),
        (lambda: prwriter.watch(["r.yaml"], None), "regenerate"),
    ],
)
def test_a_wrong_argument_is_a_type_error_naming_it(
    call, argument: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TypeError, match=rf"^{_escape(argument)} must be"):
        call()
    assert list(tmp_path.iterdir()) == []  # nothing written, nothing walked


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def test_one_string_is_refused_before_any_release_is_rendered(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    with pytest.raises(TypeError, match=r"write \[.*r\.yaml"):
        prwriter.generate(str(project / "r.yaml"))
    assert sorted(p.name for p in project.iterdir()) == ["r.yaml"]


def test_a_render_of_a_loaded_release_still_works(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    release = prwriter.load_release(project / "r.yaml")
    assert "Dayton" in str(prwriter.render(release, "txt"))
    assert [o.ok for o in prwriter.generate((project / "r.yaml",), dry_run=True)] == [True]
