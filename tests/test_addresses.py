"""Stable names for a release: its slug and the identifier feeds and ninjs know it by."""

from __future__ import annotations

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.addresses import release_slug, release_uri
from prwriter.settings import check_uri_base


def test_slug_is_the_date_and_the_headline(make_project: ProjectMaker) -> None:
    release = prwriter.load_release(make_project({"r.yaml": ACME_RELEASE}) / "r.yaml")
    assert release_slug(release) == "2025-03-05-acme-opens-a-plant-in-dayton"
    assert release_uri(release, "https://news.example/r/") == (
        "https://news.example/r/2025-03-05-acme-opens-a-plant-in-dayton"
    )
    # Without a uri_base: a tag URI (RFC 4151) on the issuer's domain, without its www.
    assert release_uri(release, None) == (
        "tag:acme.example,2025-03-05:2025-03-05-acme-opens-a-plant-in-dayton"
    )


def test_an_issuer_without_a_site_gets_a_tag_nobody_owns(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "boilerplates/companies/plain.yaml": """\
                name: Plain Co.
                about: Plain Co. makes plain things.
                """,
            "r.yaml": ACME_RELEASE.replace("[acme]", "[plain]").replace("Acme, Inc.", "Plain Co."),
        }
    )
    release = prwriter.load_release(project / "r.yaml")
    assert release_uri(release, None).startswith("tag:prwriter.invalid,2025-03-05:2025-03-05-")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("news/", "must be an absolute URI"),
        ("https://news.example/r", "must end with '/'"),
    ],
)
def test_uri_base_must_be_absolute_and_open_ended(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_uri_base(value)
    assert check_uri_base("tag:news.example,2026:") == "tag:news.example,2026:"
