"""Template budgets and containment: huge values, endless loops and symbolic links out of the
templates folder are located template errors, never a hang, a MemoryError or a leak."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, ProjectMaker
from prwriter import template_limits

TEMPLATE = "templates/text/wire.txt.j2"
LAYOUT = "templates/html/release.html.j2"


def problem(make_project: ProjectMaker, template: str, fmt: str = "txt") -> str:
    project = make_project({"r.yaml": ACME_RELEASE, TEMPLATE: template, LAYOUT: template})
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(prwriter.load_release(project / "r.yaml"), fmt)
    [found] = info.value.problems
    return str(found).replace(str(project.resolve()) + "/", "")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 'a' * 10**12 }}", "1:1: template error: a repeated string or list is too large"),
        ("{{ [1] * 10**9 }}", "template error: a repeated string or list is too large"),
        ("{{ 10 * 'ab' * 10**7 }}", "template error: a repeated string or list is too large"),
        ("{{ 2 ** (10**9) }}", "template error: a power is too large"),
        ("{{ 'x' | center(10**9) }}", "template error: a width given to center is too large"),
        ("{{ 'x' | indent(10**9) }}", "template error: a width given to indent is too large"),
        ("{{ '%1000000000d' % 1 }}", "template error: a format width is too large"),
        ("{{ '%*d' | format(10**9, 1) }}", "template error: a format width is too large"),
        ("{{ '{:>1000000000}'.format(1) }}", "template error: a format width is too large"),
        ("{{ lipsum(10**9) }}", "template error: 'lipsum' is undefined"),
        ("{{ [1, 2] | map(attribute='__class__') | list }}", "access to attribute '__class__'"),
        ("{{ [nope] }}", "template error: 'nope' is undefined"),
        ("{{ headline | map(attribute='nope') | list }}", "template error:"),
    ],
)  # fmt: skip
def test_huge_values_and_unsafe_lookups_are_located_errors(
    template: str, message: str, make_project: ProjectMaker
) -> None:
    for fmt in ("txt", "html"):
        found = problem(make_project, template, fmt)
        assert message in found, found
        assert "[Undefined]" not in found


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ blocks[0].__class__ }}", "access to attribute '__class__' of a 'Paragraph'"),
        ("{{ meta.__class__.__init__.__globals__ }}", "access to attribute '__class__'"),
        ("{{ blocks[0].children[0].__slots__ }}", "access to attribute '__slots__'"),
        ("{{ meta.created.__class__ }}", "access to attribute '__class__' of a 'date'"),
        ("{{ ('{:>1000000000}' ~ blocks[0].role).format(1) }}", "a format width is too large"),
        ("{{ (blocks[0].role ~ '{:>1000000000}').format(1) }}", "a format width is too large"),
    ],
)  # fmt: skip
def test_the_layout_tree_read_quickly_still_guards_what_its_fields_hold(
    template: str, message: str, make_project: ProjectMaker
) -> None:
    found = problem(make_project, template, "html")
    assert message in found, found


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 'x'.ljust(10**9) }}", "a width given to ljust is too large"),
        ("{{ 'x'|attr('center')(10**9) }}", "a width given to center is too large"),
        ("{{ 'x'['zfill'](10**9) }}", "a width given to zfill is too large"),
        ("{{ ('x\t' * 9).expandtabs(10**8) }}", "a width given to expandtabs is too large"),
        ("{{ '{:{}}'.format('x', '>999999999') }}", "a format width is too large"),
        ("{{ '{x:>{w}}'.format_map({'x': 1, 'w': 999999999}) }}", "a format width is too large"),
        ("{{ ('a' * 999999).replace('', 'b' * 999999) }}", "a replaced string is too large"),
        ("{{ ''.join([('a' * 999999)] * 999) }}", "a joined string is too large"),
        ("{{ ([('a' * 999999)] * 999) | join }}", "a joined string is too large"),
        ("{{ meta.created.today() }}", "access to attribute 'today' of a 'date' object"),
    ],
)  # fmt: skip
def test_string_methods_that_grow_and_the_clock_are_refused(
    template: str, message: str, make_project: ProjectMaker
) -> None:
    found = problem(make_project, template, "html")
    assert message in found, found


def test_ordinary_string_methods_still_work(make_project: ProjectMaker) -> None:
    template = (
        "{{ 'ab'.ljust(4, '.') }}|{{ '-'.join(['a', 'b']) }}|{{ 'aXa'.replace('X', 'Y') }}|"
        "{{ '{:>4}'.format(7) }}|{{ '{n}'.format_map({'n': 1}) }}|{{ ['a', 'b'] | join(',') }}"
    )
    project = make_project({"r.yaml": ACME_RELEASE, TEMPLATE: template})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt")
    assert text == "ab..|a-b|aYa|   7|1|a,b\n"


@pytest.mark.parametrize(
    "reach",
    [
        "item.path.read_text()",
        "(item.path.parents[-1] / 'etc/hostname').read_text()",
        "item.path.parent.iterdir() | list",
        "item.path.write_text('x')",
        "item.path.resolve()",
    ],
)
def test_a_template_reads_a_pictures_name_and_no_file(reach: str, tmp_path: Path) -> None:
    project = tmp_path / "full"
    shutil.copytree(DATA / "full", project)
    layout = project / "templates" / "html" / "release.html.j2"
    layout.parent.mkdir(parents=True, exist_ok=True)
    layout.write_text(
        "{% for item in blocks if item.kind == 'figure' %}{{ item.image.path.name }}{% endfor %}",
        encoding="utf-8",
    )
    release = prwriter.load_release(project / "release.yaml")
    assert prwriter.render(release, "html") == "photo.png"
    layout.write_text(
        "{% for item in blocks if item.kind == 'figure' %}{% set item = item.image %}"
        f"{{{{ {reach} }}}}{{% endfor %}}",
        encoding="utf-8",
    )
    with pytest.raises(prwriter.InputError, match="of a 'PosixPath' object is unsafe"):
        prwriter.render(prwriter.load_release(project / "release.yaml"), "html")
    assert sorted(p.name for p in (project / "media").iterdir()) == sorted(
        p.name for p in (DATA / "full" / "media").iterdir()
    )


def test_the_layout_tree_is_plain_data() -> None:
    """Templates read the tree's fields past the sandbox's checks: a method or property added
    to one of its classes would be reachable unchecked, so there must be none."""
    import dataclasses

    from prwriter.document import PLAIN_DATA

    for kind in PLAIN_DATA:
        public = {name for name in dir(kind) if not name.startswith("_")}
        fields = {f.name for f in dataclasses.fields(kind)}
        assert public <= fields | {"kind"}, (kind.__name__, public - fields)
        if "kind" in public - fields:
            assert isinstance(kind.kind, str), kind.__name__  # type: ignore[attr-defined]


def test_the_limits_leave_ordinary_templates_alone(make_project: ProjectMaker) -> None:
    template = "{{ '-' * 72 }}\n{% for n in range(3) %}{{ n }}{% endfor %} {{ 2 ** 10 }}\n"
    project = make_project({"r.yaml": ACME_RELEASE, TEMPLATE: template})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt")
    assert text == "-" * 72 + "\n012 1024\n"


@pytest.mark.parametrize(
    "template",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% set s = 'a' * 100000 %}{% for i in s %}{% for j in s %}{% endfor %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    ],
)
def test_a_template_that_runs_too_long_is_stopped(
    template: str, make_project: ProjectMaker, monkeypatch
) -> None:
    monkeypatch.setattr(template_limits, "MAX_RENDER_SECONDS", 0.5)
    started = time.monotonic()
    found = problem(make_project, template)
    assert time.monotonic() - started < 10
    assert "template error: rendering took longer than 0.5 seconds" in found


def test_a_template_that_writes_too_much_is_stopped(
    make_project: ProjectMaker, monkeypatch
) -> None:
    monkeypatch.setattr(template_limits, "MAX_TEMPLATE_OUTPUT", 10_000)
    found = problem(make_project, "{% for n in range(1000) %}{{ '0123456789' * 2 }}{% endfor %}")
    assert "template error: the template wrote more than 10,000 characters" in found


def _outside(project: Path) -> Path:
    secret = project.parent / "secret.txt"
    secret.write_text("TOP SECRET " * 1000, encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "link",
    ["templates/text/wire.txt.j2", "templates/text/part.j2", "templates/html/release.css"],
)
def test_a_template_symlinked_out_of_the_project_is_refused(
    link: str, make_project: ProjectMaker
) -> None:
    project = make_project(
        {"r.yaml": ACME_RELEASE, "templates/text/wire.txt.j2": "{% include 'text/part.j2' %}"}
    )
    (project / link).unlink(missing_ok=True)
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(_outside(project))
    release = prwriter.load_release(project / "r.yaml")
    fmt = "pdf" if link.endswith(".css") else "txt"
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(release, fmt)
    message = str(info.value)
    assert f"{link}:1:1: refused: this template leads outside the project" in message
    assert "SECRET" not in message


def test_stylesheet_file_urls_resolve_like_weasyprint_and_stay_inside(
    make_project: ProjectMaker,
) -> None:
    project = make_project({"r.yaml": ACME_RELEASE})
    secret = _outside(project)
    release = prwriter.load_release(project / "r.yaml")
    for url in (f"file://localhost{secret}", f"file://{secret}", f"file:///{secret}"):
        css = f'@import url("{url}");\n'
        (project / "templates/html").mkdir(parents=True, exist_ok=True)
        (project / "templates/html/release.css").write_text(css, encoding="utf-8")
        with pytest.raises(prwriter.InputError, match="refused: stylesheets may only use files"):
            prwriter.render(release, "pdf")
    (project / "templates/html/release.css").write_text(
        '@import url("file://remotehost/etc/passwd");\n', encoding="utf-8"
    )
    with pytest.raises(prwriter.InputError, match="refused"):
        prwriter.render(release, "pdf")
