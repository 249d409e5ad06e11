"""The JSON Schemas accept what the loader accepts: every valid file validates, and every bad
release whose fault is one of shape is rejected, as an editor would mark it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import prwriter
from conftest import REPO
from prwriter.errors import InputError
from prwriter.yaml_source import read_yaml

BAD = REPO / "tests" / "data" / "bad"
LIBRARY_SCHEMAS = {"companies": "company", "contacts": "contact", "people": "person",
                   "legal": "legal"}  # fmt: skip

# Bad releases whose fault only the loader can see: ids looked up in the library, places,
# time zones, Markdown rules, file paths and what the body says. The schema must accept
# these (a test below makes sure), so that the list stays honest.
NOT_FOR_A_SCHEMA = {
    "about-not-in-force": "which About version is in force is decided by the library",
    "broken-library-file": "the fault is in a library file (checked on its own below)",
    "city-without-region": "AP's stand-alone cities are a style rule",
    "code-block": "Markdown rules",
    "company-not-mentioned": "what the body says",
    "embargo-out-of-range": "the time exists as text; converting it to UTC overflows",
    "embargo-unknown-zone": "IANA zone names",
    "embargo-without-zone": "whether a zone is needed depends on two fields together",
    "empty-about": "the fault is in a library file (checked on its own below)",
    "image-in-body": "Markdown rules",
    "lead-not-first": "Markdown rules",
    "link-without-url": "the url comes from the library",
    "logo-outside-project": "file paths",
    "media-absolute-path": "file paths",
    "media-missing": "file paths",
    "media-not-an-image": "file contents",
    "media-outside-project": "file paths",
    "nested-list": "Markdown rules",
    "unknown-company": "library ids",
    "unknown-contact": "library ids",
    "unknown-legal": "library ids",
    "unknown-person": "library ids",
    "unknown-province": "place names",
    "unknown-state": "place names",
    "unknown-wire": "wire profiles a project may add",
    "unmentioned-after-unknown-company": "library ids",
    "quote-with-its-own-marks": "a wording rule on the quote's text",
    "embargo-ambiguous-time": "time zone rules (a local time that happens twice)",
    "embargo-in-clock-change-gap": "time zone rules (a local time that never happens)",
    "library-file-is-prose": "the fault is in a library file",
    "lone-surrogate": "a surrogate code point is not something a JSON pattern can name",
    "logo-decompression-bomb": "file contents",
    "media-decompression-bomb": "file contents",
    "media-svg-named-png": "file contents",
    "media-text-named-png": "file contents",
    "media-truncated": "file contents",
    "media-wrong-suffix": "file contents",
    "too-many-blocks": "Markdown blocks are counted after parsing",
    "too-many-list-items": "Markdown list items are counted after parsing",
}


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = prwriter.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(kind: str, data: Any) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator(kind).iter_errors(data)]  # fmt: skip


def releases() -> list[Path]:
    return [*sorted((REPO / "examples").glob("*/release.yaml")),
            REPO / "tests" / "data" / "full" / "release.yaml"]  # fmt: skip


def library_files() -> list[tuple[str, Path]]:
    found = []
    for root in [REPO / "boilerplates", *sorted(REPO.glob("examples/*/boilerplates")),
                 REPO / "tests" / "data" / "full" / "boilerplates"]:  # fmt: skip
        for folder, kind in LIBRARY_SCHEMAS.items():
            found += [(kind, path) for path in sorted((root / folder).glob("*.yaml"))]
    return found


@pytest.mark.parametrize("path", releases(), ids=lambda p: p.parent.name)
def test_every_valid_release_validates(path: Path) -> None:
    prwriter.load_release(path)  # the loader takes it ...
    assert errors("release", read_yaml(path).data) == []  # ... and so does the schema


@pytest.mark.parametrize("kind,path", library_files(), ids=lambda x: getattr(x, "name", x))
def test_every_library_file_validates(kind: str, path: Path) -> None:
    assert errors(kind, read_yaml(path).data) == []


@pytest.mark.parametrize("path", sorted((REPO / "templates" / "wires").glob("*.yaml")),
                         ids=lambda p: p.stem)  # fmt: skip
def test_every_shipped_wire_profile_validates(path: Path) -> None:
    assert errors("wire", read_yaml(path).data) == []


def test_every_settings_file_validates() -> None:
    files = [*REPO.glob("examples/*/prwriter.toml"), *REPO.glob("tests/data/*/prwriter.toml")]
    assert files
    for path in files:
        assert errors("settings", tomllib.loads(path.read_text("utf-8"))) == [], path


def test_the_files_init_and_new_write_validate(tmp_path: Path, monkeypatch) -> None:
    prwriter.init_project(tmp_path, "acme", "Acme, Inc.")
    monkeypatch.chdir(tmp_path)
    prwriter.new_release("releases/second.yaml", "acme", headline="Acme Opens", date="2026-03-05")
    for release in sorted((tmp_path / "releases").glob("*.yaml")):
        prwriter.load_release(release)
        assert errors("release", read_yaml(release).data) == [], release
    for kind, path in [(LIBRARY_SCHEMAS[p.parent.name], p)
                       for p in (tmp_path / "boilerplates").glob("*/*.yaml")]:  # fmt: skip
        assert errors(kind, read_yaml(path).data) == [], path
    settings = tomllib.loads((tmp_path / "prwriter.toml").read_text("utf-8"))
    assert errors("settings", settings) == []


SHORTHAND = """\
headline: One Place, One Contact
subheadlines: A single subheadline
date: 2025-03-05
dateline: {city: Dayton, state: Ohio}
companies: acme
body: Acme, Inc. today opened a plant in Dayton.
legal: acme-trademarks
contacts:
  - {label: Media, contacts: acme-media}
embargo: {until: 2025-03-05T08:00, timezone: America/New_York}
"""


def test_shorthand_the_loader_takes_the_schema_takes(make_project) -> None:
    project = make_project({"r.yaml": SHORTHAND})
    prwriter.load_release(project / "r.yaml")
    assert errors("release", read_yaml(project / "r.yaml").data) == []
    # One quote as the whole body, one company given as a mapping.
    quote_only = SHORTHAND.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body: {quote: {speaker: acme-ceo, text: Hello.}}",
    ).replace("companies: acme", "companies: {id: acme, ticker: false}")
    assert errors("release", read_yaml_text(project, quote_only)) == []


def read_yaml_text(folder: Path, text: str) -> Any:
    path = folder / "shorthand.yaml"
    path.write_text(text, "utf-8")
    return read_yaml(path).data


@pytest.mark.parametrize(
    "field,value",
    [("headline", "'   '"), ("dateline", "Dayton"), ("dateline", "[]"), ("subheadlines", "{a: b}"),
     ("date", "2025-02-30"), ("date", "March 5, 2025"), ("language", "English"),
     ("companies", "[]"), ("contacts", "[{label: Media, contacts: []}]"), ("draft", "yes"),
     ("draft", "1"), ("companies", "[{id: acme, link: 'true'}]")],
)  # fmt: skip
def test_schema_and_loader_both_refuse(make_project, field: str, value: str) -> None:
    lines = [line for line in SHORTHAND.splitlines() if not line.startswith((field + ":", "  -"))]
    text = "\n".join([*lines, f"{field}: {value}"]) + "\n"
    project = make_project({"r.yaml": text})
    with pytest.raises(InputError):
        prwriter.load_release(project / "r.yaml")
    assert errors("release", read_yaml(project / "r.yaml").data) != []


def test_embargo_times_the_loader_takes(make_project) -> None:
    for until, ok in [("2025-03-05T08:00", True), ("2025-03-05 08:00:30", True),
                      ("2025-03-05T08:00-05:00", True), ("2025-03-05T08:00Z", True),
                      ("2025-03-05T25:00", False), ("8 a.m.", False)]:  # fmt: skip
        embargo = {"until": until, "timezone": "America/New_York"}
        assert (errors("release", {**minimal(), "embargo": embargo}) == []) is ok, until


def minimal() -> dict[str, Any]:
    return {"headline": "H", "date": "2025-03-05", "dateline": {"city": "Boston"},
            "companies": "acme", "body": "Acme, Inc. did it."}  # fmt: skip


def bad_releases() -> list[Path]:
    return sorted(BAD.glob("*.yaml"))


@pytest.mark.parametrize("path", bad_releases(), ids=lambda p: p.stem)
def test_bad_releases_the_schema_can_judge_are_rejected(path: Path) -> None:
    try:
        data = read_yaml(path).data
    except InputError:
        return  # not YAML a schema could see: the editor's YAML parser reports it
    found = errors("release", data)
    if path.stem in NOT_FOR_A_SCHEMA:
        assert found == [], f"{path.name} is rejected by the schema: drop it from the list"
    else:
        assert found, f"{path.name} passes the schema"


def test_some_bad_releases_are_not_yaml_at_all() -> None:
    unreadable = []
    for path in bad_releases():
        try:
            read_yaml(path)
        except InputError:
            unreadable.append(path.stem)
    assert {"alias", "binary", "tabs", "yaml-syntax", "duplicate-key"} <= set(unreadable)
    assert not set(unreadable) & set(NOT_FOR_A_SCHEMA)


def test_bad_library_files_are_rejected() -> None:
    assert errors("company", read_yaml(BAD / "boilerplates/companies/broken.yaml").data)
    assert errors("company", read_yaml(BAD / "boilerplates/companies/empty-about.yaml").data)
    assert errors("company", read_yaml(BAD / "boilerplates/companies/dated.yaml").data) == []


def test_a_profile_that_extends_another_may_leave_out_its_required_settings() -> None:
    assert errors("wire", {"extends": "cnw", "description": "House"}) == []
    assert errors("wire", {"description": "House"}) != []  # no dateline, nothing to extend
