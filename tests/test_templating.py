"""Project templates: overriding, sandboxing, and every failure as a located input error."""

from __future__ import annotations

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker

TEMPLATE = "templates/text/wire.txt.j2"


def render(make_project: ProjectMaker, **files: str) -> str:
    project = make_project({"r.yaml": ACME_RELEASE, **files})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt")
    assert isinstance(text, str)
    return text


def problem(make_project: ProjectMaker, **files: str) -> str:
    with pytest.raises(prwriter.InputError) as info:
        render(make_project, **files)
    [found] = info.value.problems
    return str(found).replace(str(make_project({}).resolve()) + "/", "")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ headline }}\n{{ 1 / 0 }}\n", "2:1: template error: ZeroDivisionError"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "template error: RecursionError"),
        ("{{ range(10**9) | list | length }}", "template error: OverflowError"),
        ("{{ nope }}", "1:1: template error: 'nope' is undefined"),
        ("{{ headline.__class__.__mro__ }}", "template error: access to attribute '__class__'"),
        ("{% if %}", "1:1: template syntax error: Expected an expression"),
        ("x\n{% include 'text/missing.j2' %}", "2:1: template 'text/missing.j2' not found"),
    ],
)  # fmt: skip
def test_template_failures_are_located_input_errors(
    template: str, message: str, make_project: ProjectMaker
) -> None:
    found = problem(make_project, **{TEMPLATE: template})
    assert found.startswith(TEMPLATE)
    assert message in found


def test_template_that_is_not_utf8(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    (project / "templates/text").mkdir(parents=True)
    (project / TEMPLATE).write_bytes(b"caf\xe9 {{ headline }}\n")
    with pytest.raises(prwriter.InputError, match="template is not UTF-8 text"):
        prwriter.render(prwriter.load_release(project / "r.yaml"), "txt")


def test_missing_template_is_reported_in_the_profile_that_names_it(
    make_project: ProjectMaker,
) -> None:
    profile = "description: House\ndateline: '{place}--'\ntemplate: text/house.j2\n"
    project = make_project({"r.yaml": ACME_RELEASE, "templates/wires/house.yaml": profile})
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="house")
    [found] = info.value.problems
    assert found.file.endswith("templates/wires/house.yaml")
    assert found.line == 3
    assert found.message.startswith("template 'text/house.j2' not found (searched ")


@pytest.mark.parametrize(
    "pattern", ["{place:d}--", "{place!r}--", "{place:{date.__class__}}--", "{place.x}--"]
)
def test_profile_placeholders_take_no_specs_conversions_or_attributes(
    pattern: str, make_project: ProjectMaker
) -> None:
    profile = f"description: House\ndateline: '{pattern}'\n"
    project = make_project({"r.yaml": ACME_RELEASE, "templates/wires/house.yaml": profile})
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="house")
    [found] = info.value.problems
    assert (found.line, found.field) == (2, "dateline")
