"""Contact line templates, the contact fields the library accepts, and the contacts check."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import prwriter
from conftest import ACME_RELEASE, ProjectMaker
from prwriter.checks import run_checks
from prwriter.loading import load_with_origins
from prwriter.schema import ContactFile
from prwriter.style.contacts import fill_line

VALUES = {"name": "Ines Valdez", "title": None, "phones": "715-555-0140", "emails": "a@x.example"}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{name}, {title}, {phones}", "Ines Valdez, 715-555-0140"),
        ("{title}, {name}", "Ines Valdez"),
        ("{name}, {title}, at {emails}", "Ines Valdez, at a@x.example"),
        ("Internet: {web}", None),
        ("Internet: {web}.", None),
        ("Call {phones}.", "Call 715-555-0140."),
        ("{title}", None),
        ("Media", "Media"),
    ],
)
def test_an_absent_field_takes_its_separator_along(template: str, expected: str | None) -> None:
    assert fill_line(template, VALUES) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Director"}, "needs a name, an organization, an email or a `text`"),
        ({"text": "Call us.", "phone": "555"}, "takes no other fields; remove phone"),
    ],
)
def test_contact_file_shape(data: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ContactFile(**data)


@pytest.mark.parametrize("data", [{"email": "a@x.example"}, {"organization": "Acme"},
                                  {"text": "Call the desk."}])  # fmt: skip
def test_email_only_organization_only_and_text_contacts_are_accepted(data: dict) -> None:
    assert ContactFile(**data)


def contact_findings(make_project: ProjectMaker, contact: str) -> list[str]:
    release = ACME_RELEASE + "contacts:\n  - {label: Media, contacts: desk}\n"
    project = make_project({"r.yaml": release, "boilerplates/contacts/desk.yaml": contact})
    loaded, origins = load_with_origins(project / "r.yaml")
    return [f.message for f in run_checks(loaded, origins) if f.rule in ("ST003", "ST008")]


def test_the_contacts_check_accepts_an_email_only_desk(make_project: ProjectMaker) -> None:
    assert contact_findings(make_project, "email: desk@acme.example\n") == []


def test_the_contacts_check_wants_a_way_to_reach_an_organization(
    make_project: ProjectMaker,
) -> None:
    found = contact_findings(make_project, "organization: Acme Desk\n")
    assert found == ["Acme Desk has no phone number, email or web address; add one"]


def test_unknown_placeholder_in_contact_lines_is_refused(make_project: ProjectMaker) -> None:
    profile = 'description: x\ndateline: "{place} -- "\ncontact_lines: ["{fax}"]\n'
    project = make_project({"r.yaml": ACME_RELEASE, "templates/wires/house.yaml": profile})
    with pytest.raises(prwriter.InputError, match="unknown placeholder 'fax'"):
        prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="house")
