"""The ninjs writer: valid IPTC ninjs 2.1, and the facts in their ninjs properties."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker

SCHEMA = json.loads((DATA / "ninjs" / "ninjs-schema_2.1.json").read_text(encoding="utf-8"))
RELEASES = {
    "immunogen": REPO / "examples" / "immunogen" / "release.yaml",
    "nordwind-tidewater": REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    "quillmark-earnings": REPO / "examples" / "quillmark-earnings" / "release.yaml",
    "web-sensor": DATA / "web" / "releases" / "2026-01-15-sensor.yaml",
    "web-plant": DATA / "web" / "releases" / "2026-02-02-plant.yaml",
    "full": DATA / "full" / "release.yaml",
}


def render(path) -> tuple[prwriter.Release, str, dict[str, Any]]:
    release = prwriter.load_release(path)
    text = prwriter.render(release, "json")
    assert isinstance(text, str)
    return release, text, json.loads(text)


def validate(item: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(item)
    # jsonschema checks `date-time` and `uri` only with optional packages; check them here.
    for key in ("versioncreated", "embargoed"):
        if key in item:
            assert dt.datetime.fromisoformat(item[key]).tzinfo is not None
    uris = [item["uri"], *(o["uri"] for o in item["organisations"] if "uri" in o)]
    uris += [a["uri"] for a in item.get("associations", [])]
    for uri in uris:
        assert urlsplit(uri).scheme and " " not in uri


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_output_validates_against_the_ninjs_schema(name: str) -> None:
    _, _, item = render(RELEASES[name])
    validate(item)


def test_schema_catches_what_it_should() -> None:
    _, _, item = render(RELEASES["immunogen"])
    with pytest.raises(jsonschema.ValidationError):
        validate({**item, "headline": "not a ninjs property"})
    with pytest.raises(jsonschema.ValidationError):
        validate({**item, "organisations": [{"symbols": [{"ticker": 1}]}]})


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_facts_map_to_their_properties(name: str) -> None:
    release, _, item = render(RELEASES[name])
    assert item["headlines"] == [
        {"role": "main", "value": release.headline},
        *({"role": "sub", "value": s} for s in release.subheadlines),
    ]
    assert item["language"] == release.language
    assert item["versioncreated"] == f"{release.date.isoformat()}T00:00:00Z"
    assert item["copyrightholder"] == release.companies[0].name
    organisations = item["organisations"]
    assert [o["name"] for o in organisations] == [c.name for c in release.companies]
    for organisation, company in zip(organisations, release.companies, strict=True):
        expected = [{"ticker": x.symbol, "exchange": x.exchange} for x in company.listings]
        assert organisation.get("symbols", []) == expected
    speakers = list(dict.fromkeys(b.speaker.name for b in release.body if b.kind == "quote"))
    assert [p["name"] for p in item.get("people", [])] == speakers
    assert all(p["rel"] == "quoted" for p in item.get("people", []))


def test_dateline_and_embargo_with_its_zone() -> None:
    _, _, item = render(RELEASES["nordwind-tidewater"])
    assert item["located"] == "HAMBURG, Germany & VANCOUVER, British Columbia"
    assert item["embargoed"] == "2026-03-10T08:00:00-07:00"
    assert "America/Vancouver" in item["ednote"] and "8 a.m. PT" in item["ednote"]
    _, _, item = render(RELEASES["immunogen"])
    assert item["located"] == "WALTHAM, Mass."
    assert "embargoed" not in item and "ednote" not in item


def test_uri_is_the_project_setting_and_the_slug() -> None:
    _, _, item = render(RELEASES["web-plant"])
    assert item["uri"] == (
        "https://newsroom.starpoint.example/releases/2026-02-02-star-point-opens-a-plant-in-round-rock"
    )
    assert item["slugline"] == "2026-02-02-star-point-opens-a-plant-in-round-rock"
    # Without the setting: a tag URI on the issuer's domain, just as stable.
    _, _, item = render(RELEASES["immunogen"])
    assert item["uri"].startswith("tag:immunogen.com,2014-11-13:2014-11-13-immunogen-inc-again")


def test_a_bad_uri_base_is_a_located_error(make_project: ProjectMaker) -> None:
    project = make_project({"prwriter.toml": 'uri_base = "newsroom/"\n', "r.yaml": ACME_RELEASE})
    with pytest.raises(prwriter.InputError) as caught:
        render(project / "r.yaml")
    assert "prwriter.toml:1:1: uri_base: uri_base must be an absolute URI" in str(caught.value)


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_body_is_well_formed_xhtml_with_copy_as_text(name: str) -> None:
    release, _, item = render(RELEASES[name])
    [body] = item["bodies"]
    assert body["contenttype"] == "application/xhtml+xml"
    root = ET.fromstring(f"<div>{body['value']}</div>")
    text = "".join(root.itertext())
    assert text.startswith(f"{item['located']}, ")
    for company in release.companies:
        assert company.about_heading in text


def test_markup_in_facts_stays_text() -> None:
    _, _, item = render(RELEASES["web-sensor"])
    root = ET.fromstring(f"<div>{item['bodies'][0]['value']}</div>")
    assert {e.tag for e in root.iter()} <= {
        "div", "p", "span", "a", "em", "strong", "h2", "ul", "ol", "li", "br", "section",
    }  # fmt: skip
    assert "not the <lab>." in "".join(root.itertext())
    assert "The kit &amp; its" in "".join(root.itertext())
    assert item["headlines"][0]["value"] == "Star*Point #1 Ships <Sensor> [Kit] & Tools #"


@pytest.mark.parametrize("name", ["nordwind-tidewater", "full"])
def test_pictures_are_associations(name: str) -> None:
    release, _, item = render(RELEASES[name])
    pictures = item["associations"]
    assert [p["type"] for p in pictures] == ["picture"] * len(release.media)
    for picture, media in zip(pictures, release.media, strict=True):
        assert picture["uri"] == f"{item['uri']}/media/{media.path.name}"
        assert {"role": "caption", "value": media.caption} in picture["descriptions"]


def test_bytes_are_stable_and_canonical() -> None:
    path = RELEASES["nordwind-tidewater"]
    _, first, item = render(path)
    _, second, _ = render(path)
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")
    canonical = json.dumps(item, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert first == canonical


@pytest.mark.parametrize(
    "name", ["immunogen", "nordwind-tidewater", "quillmark-earnings", "web-sensor"]
)
def test_golden_files(name: str, update_golden: bool) -> None:
    golden = DATA / "golden" / f"{name}.ninjs.json"
    _, text, _ = render(RELEASES[name])
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
