"""Wire profiles as data: every shipped profile's dateline, table-driven, and profile files."""

from __future__ import annotations

from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.errors import InputError
from prwriter.project import Project

PLACES = {
    "waltham": "{city: Waltham, state: Massachusetts}",
    "boston": "{city: Boston, state: MA}",
    "new-york": "{city: New York, state: New York}",
    "vancouver": "{city: Vancouver, province: BC}",
    "tokyo": "{city: Tokyo, country: Japan}",
    "tel-aviv": "[{city: San Francisco, state: CA}, {city: Tel Aviv, country: Israel}]",
}

# One row per wire and place: the text before the lead, exactly as the wire writes it.
DATELINES = [
    ("businesswire", "waltham", "WALTHAM, Mass.--(BUSINESS WIRE)--"),
    ("businesswire", "boston", "BOSTON--(BUSINESS WIRE)--"),
    ("businesswire", "tel-aviv", "SAN FRANCISCO & TEL AVIV, Israel--(BUSINESS WIRE)--"),
    ("businesswire-acquiremedia", "waltham", "WALTHAM, Mass.--(BUSINESS WIRE)-- "),
    ("prnewswire", "waltham", "WALTHAM, Mass., March 5, 2025 /PRNewswire/ -- "),
    ("prnewswire", "new-york", "NEW YORK, March 5, 2025 /PRNewswire/ -- "),
    ("prnewswire", "tokyo", "TOKYO, March 5, 2025 /PRNewswire/ -- "),
    ("globenewswire", "waltham", "WALTHAM, Mass., March 5, 2025 (GLOBE NEWSWIRE) -- "),
    ("globenewswire", "vancouver",
     "VANCOUVER, British Columbia, March 5, 2025 (GLOBE NEWSWIRE) -- "),
    ("accesswire", "waltham", "WALTHAM, MA / ACCESSWIRE / March 5, 2025 / "),
    ("accesswire", "new-york", "NEW YORK, NY / ACCESSWIRE / March 5, 2025 / "),
    ("accesswire", "vancouver", "VANCOUVER, BC / ACCESSWIRE / March 5, 2025 / "),
    ("print", "waltham", "WALTHAM, Mass., March 5, 2025 — "),
    ("print", "tokyo", "TOKYO, March 5, 2025 — "),
]  # fmt: skip


@pytest.mark.parametrize(("wire", "place", "expected"), DATELINES)
def test_dateline(wire: str, place: str, expected: str, make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("{city: Dayton, state: Ohio}", PLACES[place])
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire=wire)
    assert isinstance(text, str)
    assert f"\n{expected}Acme, Inc." in f"\n{text}"


def test_every_shipped_profile_has_dateline_rows() -> None:
    assert {row[0] for row in DATELINES} == set(prwriter.list_wires())


@pytest.mark.parametrize(
    ("wire", "ending"),
    [
        ("businesswire", "Contacts\n\nMedia:\nAcme, Inc."),
        ("businesswire-acquiremedia", "Source: Acme, Inc.\n\nNews Provided by Acquire Media\n"),
        ("prnewswire", "SOURCE Acme, Inc.\n"),
        ("globenewswire", "CONTACT: Media:\n         Acme, Inc.\n"),
        ("accesswire", "SOURCE: Acme, Inc.\n"),
        ("print", "About Acme, Inc.\n\nAcme, Inc. makes tools and software"),
    ],
)
def test_contacts_and_endings(wire: str, ending: str, make_project: ProjectMaker) -> None:
    release = ACME_RELEASE + "contacts:\n  - {label: Media, contacts: acme-media}\n"
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire=wire)
    assert isinstance(text, str)
    assert ending in text
    if wire == "print":
        assert text.startswith("FOR IMMEDIATE RELEASE\n\nContacts\n\nMedia:\n")
        assert text.endswith("\n###\n")
    else:
        assert "###" not in text and "FOR IMMEDIATE RELEASE" not in text


def test_print_embargo_line(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE + "embargo: {until: 2025-03-05T16:30, timezone: America/Chicago}\n"
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="print")
    assert isinstance(text, str)
    assert text.startswith("EMBARGOED UNTIL 4:30 p.m. CT, March 5, 2025\n")


def test_shipped_profiles_load(tmp_path: Path) -> None:
    for name in prwriter.list_wires():
        assert Project().wire(name).description


def test_broken_profile_file_is_located(make_project: ProjectMaker) -> None:
    project = make_project(
        {"templates/wires/house.yaml": "description: x\ndateline: '{place}'\nlinks: html\n"}
    )
    with pytest.raises(InputError) as info:
        Project(project).wire("house")
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (3, "links")
    assert problem.message == "got 'html'; expected 'markdown', 'plain' or 'text'"
