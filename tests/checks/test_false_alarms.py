"""Copy of the kinds that went out on the wires and once drew a finding it did not deserve;
each fixture is fictional and reproduces one form seen on real releases."""

from __future__ import annotations

import json

import pytest

import prwriter
from conftest import REPO, ProjectMaker
from prwriter.checks import Finding, run_checks
from prwriter.loading import load_with_origins

BASE = {
    "headline": "Acme Opens a New Plant in Dayton, Ohio",
    "date": "2025-03-05",
    "dateline": {"city": "Dayton", "state": "Ohio"},
    "companies": ["acme"],
    "body": ["Acme, Inc. today opened a plant in Dayton."],
    "contacts": [{"label": "Media", "contacts": "acme-media"}],
}


def findings(
    make_project: ProjectMaker, changes: dict, files: dict[str, str] | None = None
) -> list[Finding]:
    project = make_project({"r.yaml": json.dumps({**BASE, **changes}), **(files or {})})
    [result] = prwriter.check([project / "r.yaml"])
    assert not result.problems, result.problems
    return list(result.findings)


def fired(make_project: ProjectMaker, changes: dict, files: dict[str, str] | None = None) -> set:
    return {f.rule for f in findings(make_project, changes, files)}


EVENT_CALL = [
    "Acme, Inc. today announced that it will host a conference call and webcast at 8:30 a.m. "
    "ET on Thursday, March 13, 2025, to discuss its fourth-quarter results.",
    "Acme will release the results before the market opens that day. The webcast will be "
    "available at www.acme.example, and a replay will be accessible for 30 days.",
    "To listen, you can dial 937-226-0100, or you may join the webcast.",
]


def test_a_scheduled_event_is_not_a_forecast(make_project: ProjectMaker) -> None:
    assert "FN004" not in fired(make_project, {"body": EVENT_CALL})
    plans = ["Acme, Inc. today opened a plant. Management plans to discuss the plant on a call."]
    assert "FN004" not in fired(make_project, {"body": plans})


def test_a_forecast_still_needs_its_legend(make_project: ProjectMaker) -> None:
    for text in (
        "Acme, Inc. today opened a plant and expects revenue to double by 2027.",
        "Acme, Inc. today raised its full-year guidance.",
        "Acme, Inc. today opened a plant, which will add $40 million in annual sales.",
        "Acme, Inc. today raised its guidance and will discuss it on a call at 10 a.m.",
        "Acme, Inc. today opened a plant and expects to report 12% growth.",
    ):
        assert "FN004" in fired(make_project, {"body": [text]}), text


def test_an_opinion_in_a_quote_is_not_a_forecast(make_project: ProjectMaker) -> None:
    quote = {"quote": {"speaker": "acme-ceo", "text": "We believe good tools are essential."}}
    assert "FN004" not in fired(make_project, {"body": [BASE["body"][0], quote]})


def test_first_person_inside_quotes_and_calls_to_action(make_project: ProjectMaker) -> None:
    inline = (
        'Acme, Inc. today opened a plant. "Our team built it in a year," said Pat Doe, '
        "plant manager."
    )
    # AP runs a quote over paragraphs: the first is left open, the next opens again.
    running = ['Acme, Inc. today opened a plant. "We chose Dayton for its people.',
               '"Our neighbors helped us build it," said Pat Doe, plant manager.']  # fmt: skip
    assert "PR003" not in fired(make_project, {"body": [inline]})
    assert "PR003" not in fired(make_project, {"body": running})
    assert not {"PR003", "PR009"} & fired(make_project, {"body": EVENT_CALL})
    assert "PR003" in fired(make_project, {"body": ["Acme, Inc. today opened our plant."]})


def test_direct_address_is_a_warning_not_an_error(make_project: ProjectMaker) -> None:
    [hit] = [f for f in findings(make_project, {"body": ["Acme, Inc. today opened our plant."]})
             if f.rule == "PR003"]  # fmt: skip
    assert hit.severity == "warning"


BRAND = {
    "boilerplates/companies/netcorp.yaml": (
        "name: NETCORP, Inc.\nshort_name: NETCORP\nabout: NETCORP, Inc. makes routers.\n"
    ),
}


def test_a_brand_written_in_capitals(make_project: ProjectMaker) -> None:
    brand = {"companies": ["netcorp"], "body": ["NETCORP, Inc. today shipped a router."],
             "headline": "NETCORP Ships Its Fastest Home Router Yet"}  # fmt: skip
    assert "HL004" not in fired(make_project, brand, BRAND)
    product = {**brand, "headline": "NETCORP Ships the ORBIT Home Router to Retailers"}
    assert "HL004" in fired(make_project, product, BRAND)
    words = {"prwriter.toml": '[check]\nwords = ["ORBIT"]\n'}
    assert "HL004" not in fired(make_project, product, {**BRAND, **words})


def test_a_headline_all_in_capitals_is_an_error(make_project: ProjectMaker) -> None:
    shouting = {"headline": "ACME OPENS A NEW PLANT IN DAYTON"}
    [hit] = [f for f in findings(make_project, shouting) if f.rule == "HL004"]
    assert hit.severity == "error"


def test_second_reference_by_last_name(make_project: ProjectMaker) -> None:
    body = [
        "Acme, Inc. today opened a plant in Dayton.",
        {"quote": {"speaker": {"name": "Pat Doe", "title": "plant manager"}, "text": "Good."}},
        {"quote": {"speaker": {"name": "Doe"}, "text": "It is big.", "verb": "added"}},
    ]
    assert "ST007" not in fired(make_project, {"body": body})
    body[1] = {"quote": {"speaker": {"name": "Lee Roe", "title": "mayor"}, "text": "Good."}}
    assert "ST007" in fired(make_project, {"body": body})


@pytest.mark.parametrize("verb", ["filed", "hosted", "priced", "dosed the first patient in"])
def test_lead_verbs_of_record(verb: str, make_project: ProjectMaker) -> None:
    lead = f"Acme, Inc. today {verb} a new tools patent in Dayton."
    assert "LD002" not in fired(make_project, {"body": [lead]})


def test_a_company_link_the_profile_does_not_print(make_project: ProjectMaker) -> None:
    linked = {"companies": [{"id": "acme", "link": True}],
              "body": ["Acme, Inc. today opened [a plant](https://acme.test/plant)."]}  # fmt: skip
    assert "ST005" not in fired(make_project, {**linked, "wire": "businesswire"})
    # The ImmunoGen example's house profile prints company links.
    house = (
        REPO / "examples" / "immunogen" / "templates" / "wires" / "businesswire-acquiremedia.yaml"
    )
    files = {"templates/wires/businesswire-acquiremedia.yaml": house.read_text(encoding="utf-8")}
    wired = {**linked, "wire": "businesswire-acquiremedia"}
    assert "ST005" in fired(make_project, wired, files)


def test_the_sentence_excerpt_keeps_quoted_words(make_project: ProjectMaker) -> None:
    long = (
        'Acme, Inc. today opened a plant. Acme Tools Co. ("Acme Tools" or the "Company"), a '
        + "maker of hand tools for builders and roofers in the Midwest " * 4
        + "opened a plant."
    )
    [hit] = [f for f in findings(make_project, {"body": [long]}) if f.rule == "PR005"]
    assert '("Acme Tools" or the' in hit.message


def test_messages_state_the_configured_thresholds(make_project: ProjectMaker) -> None:
    settings = (
        "[check.rules.HL003]\nfewest = 9\n\n[check.rules.LD001]\ninfo = 5\nmost = 7\n\n"
        "[check.rules.ST001]\nfewest = 50\n"
    )
    settings += "\n[check.rules.PR005]\ninfo = 3\nmost = 4\n\n[check.rules.ST005]\n"
    settings += "words_per_link = 1000\n"
    body = [
        "Acme, Inc. today opened a plant in Dayton. It makes hammers and saws for roofers.",
        "See [the plant](https://acme.test/p) and [the tools](https://acme.test/t).",
    ]
    found = findings(make_project, {"body": body}, {"prwriter.toml": settings})
    messages = {f.rule: f.message for f in found}
    assert "say what happened in 9 or more" in messages["HL003"]
    assert "over 7" in messages["LD001"]
    assert "under 50" in messages["ST001"]
    assert "over 4" in messages["PR005"] and "more over 3" in messages["PR005"]
    assert "one per 1000 words" in messages["ST005"]


def test_contacts_none_and_unreachable_are_two_rules(make_project: ProjectMaker) -> None:
    office = {"boilerplates/contacts/office.yaml": "organization: Acme Press Office\n"
              "email: press@acme.test\n",
              "boilerplates/contacts/silent.yaml": "organization: Acme Press Office\n"}  # fmt: skip
    assert "ST003" in fired(make_project, {"contacts": []})
    org_only = {"contacts": [{"label": "Media", "contacts": "office"}]}
    assert not {"ST003", "ST008"} & fired(make_project, org_only, office)
    silent = {"contacts": [{"label": "Media", "contacts": "silent"}]}
    assert fired(make_project, silent, office) & {"ST003", "ST008"} == {"ST008"}


def test_an_embargo_on_another_day_is_an_error(make_project: ProjectMaker) -> None:
    late = {"embargo": {"until": "2025-03-06T00:30", "timezone": "Europe/Paris"}}
    # Half past midnight in Paris is still March 5 in New York, but the embargo's own day
    # is what lifts it: March 6.
    [hit] = [f for f in findings(make_project, late) if f.rule == "DL003"]
    assert hit.severity == "error" and "2025-03-06" in hit.message


def test_load_with_origins_records_speaker_files(make_project: ProjectMaker) -> None:
    quote = {"quote": {"speaker": "acme-ceo", "text": "Good tools."}}
    project = make_project({"r.yaml": json.dumps({**BASE, "body": [BASE["body"][0], quote]})})
    release, origins = load_with_origins(project / "r.yaml")
    assert origins.speakers[1].path.name == "acme-ceo.yaml"
    assert run_checks(release, origins) is not None


def test_a_partner_brand_from_the_library(make_project: ProjectMaker) -> None:
    partner = {**BRAND, "boilerplates/people/acme-ceo.yaml": "name: Alex Morgan\n"}
    headline = {"headline": "Acme Opens a Plant Built With NETCORP Routers"}
    assert "HL004" in fired(make_project, headline)
    assert "HL004" not in fired(make_project, headline, partner)  # the same folder, now with it


def test_listings_given_in_the_about_text_are_not_left_out(make_project: ProjectMaker) -> None:
    company = (
        "name: Acme, Inc.\nlistings: [{exchange: NYSE, symbol: ACME}]\n"
        "about: Acme, Inc. {tickers} makes tools.\n"
    )
    files = {"boilerplates/companies/acme.yaml": company}
    unlisted = {"companies": [{"id": "acme", "ticker": False}]}
    assert "FN001" not in fired(make_project, unlisted, files)
    plain = {"boilerplates/companies/acme.yaml": company.replace(" {tickers}", "")}
    assert "FN001" in fired(make_project, unlisted, plain)
