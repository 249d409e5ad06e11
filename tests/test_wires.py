"""Wire profiles as data: every shipped profile's dateline, table-driven, and profile files."""

from __future__ import annotations

from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker
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
    ("cnw", "vancouver", "VANCOUVER, BC, March 5, 2025 /CNW/ - "),
    ("cnw", "new-york", "NEW YORK, March 5, 2025 /CNW/ - "),
    ("cnw-telbec", "vancouver", "VANCOUVER, BC, March 5, 2025 /CNW/ - "),
    ("dgap", "tokyo", "Tokyo, March 5, 2025 - "),
    ("newsfile", "vancouver", "Vancouver, British Columbia--(Newsfile Corp. - March 5, 2025) - "),
    ("newsfile", "new-york", "New York, New York--(Newsfile Corp. - March 5, 2025) - "),
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
        ("prnewswire", "SOURCE Acme, Inc.\n"),
        ("globenewswire", "CONTACT: Media:\n         Acme, Inc.\n"),
        ("accesswire", "SOURCE: Acme, Inc.\n"),
        ("cnw", "SOURCE Acme, Inc.\n\nFor further information: Media:\nAcme, Inc.\n"),
        ("newsfile", "For further information, please contact:\n\nMedia:\nAcme, Inc."),
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


HOUSE = REPO / "examples" / "immunogen" / "templates" / "wires" / "businesswire-acquiremedia.yaml"


def test_the_immunogen_house_profile_lives_in_its_project(make_project: ProjectMaker) -> None:
    assert "businesswire-acquiremedia" not in prwriter.list_wires()
    assert prwriter.list_wires(REPO / "examples" / "immunogen")["businesswire-acquiremedia"] == (
        HOUSE.resolve()
    )
    release = ACME_RELEASE + "contacts:\n  - {label: Media, contacts: acme-media}\n"
    project = make_project(
        {"r.yaml": release, "templates/wires/house.yaml": HOUSE.read_text(encoding="utf-8")}
    )
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="house")
    assert isinstance(text, str)
    assert "\nWALTHAM" not in text and "DAYTON, Ohio--(BUSINESS WIRE)-- Acme" in text
    assert text.endswith("Source: Acme, Inc.\n\nNews Provided by Acquire Media\n")


def test_a_house_profile_extends_a_shipped_one_with_one_setting(
    make_project: ProjectMaker,
) -> None:
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body:\n  - Acme, Inc. today opened a plant in Dayton.\n"
        "  - quote: {speaker: acme-ceo, text: We are glad. The plant is ready.}",
    )
    # A project's prnewswire.yaml may extend the shipped prnewswire it replaces.
    house = "extends: prnewswire\nquote_form: quote-first-split\n"
    project = make_project({"r.yaml": release, "templates/wires/prnewswire.yaml": house})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="prnewswire")
    assert isinstance(text, str)
    assert "DAYTON, Ohio, March 5, 2025 /PRNewswire/ -- Acme, Inc. (NYSE: ACME)" in text
    assert '"We are glad," said Alex Morgan, chief executive officer of Acme. "The plant' in text
    assert text.endswith("SOURCE Acme, Inc.\n")


def test_extending_a_missing_profile_is_located(make_project: ProjectMaker) -> None:
    files = {
        "r.yaml": ACME_RELEASE,
        "templates/wires/a.yaml": "extends: b\n",
        "templates/wires/b.yaml": "extends: a\n",
    }
    project = make_project(files)
    with pytest.raises(InputError) as info:
        prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="a")
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (1, "extends")
    assert problem.file.endswith("b.yaml")
    assert problem.message.startswith("no other profile 'a' to extend; profiles: ")


def test_a_house_writes_a_canadian_city_alone(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("{city: Dayton, state: Ohio}", PLACES["vancouver"])
    house = "extends: cnw\nstandalone_also: [Vancouver, Calgary]\n"
    project = make_project({"r.yaml": release, "templates/wires/cnw.yaml": house})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="cnw")
    assert "\nVANCOUVER, March 5, 2025 /CNW/ - Acme, Inc." in f"\n{text}"
    # The shipped profile writes the province (AP).
    shipped = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="prnewswire")
    assert "\nVANCOUVER, BC, March 5, 2025 /PRNewswire/" not in f"\n{shipped}"
    assert "\nVANCOUVER, British Columbia, March 5, 2025 /PRNewswire/ -- " in f"\n{shipped}"


@pytest.mark.parametrize(
    ("cities", "message"),
    [
        ("[Toronto]", "'Toronto' already stands alone in AP style; leave it out"),
        ("['Vancouver, BC']", "'Vancouver, BC' is not a city name; write the city alone: "),
    ],
)
def test_a_city_written_alone_is_checked_where_it_is_set(
    cities: str, message: str, make_project: ProjectMaker
) -> None:
    house = f"extends: cnw\n\nstandalone_also: {cities}\n"
    project = make_project({"templates/wires/cnw.yaml": house})
    with pytest.raises(InputError) as info:
        Project(project).wire("cnw")
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (3, "standalone_also")
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("hanging", "CONTACT: Acme, Inc.\n         Jordan Lee, Director of Communications,"),
        ("block", "CONTACT:\n\nAcme, Inc.\nJordan Lee, Director of Communications,"),
    ],
)
def test_contacts_without_a_group_label(
    layout: str, expected: str, make_project: ProjectMaker
) -> None:
    release = ACME_RELEASE + "contacts:\n  - {label: Media, contacts: acme-media}\n"
    house = f"extends: globenewswire\ncontacts_layout: {layout}\ncontact_label: null\n"
    files = {"r.yaml": release, "templates/wires/globenewswire.yaml": house}
    project = make_project(files)
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="globenewswire")
    assert isinstance(text, str)
    assert expected in text
    assert "Media" not in text


def test_a_blank_contact_label_is_refused(make_project: ProjectMaker) -> None:
    project = make_project({"templates/wires/house.yaml": "extends: cnw\ncontact_label: ''\n"})
    with pytest.raises(InputError) as info:
        Project(project).wire("house")
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (2, "contact_label")
    assert "write null for no label" in problem.message
