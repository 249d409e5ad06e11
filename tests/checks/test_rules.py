"""Every rule with a release that triggers it and one that does not, quoted-text and
boilerplate exclusions included."""

from __future__ import annotations

import json

import pytest

import prwriter
from conftest import ProjectMaker
from prwriter.checks import run_checks
from prwriter.loading import load_with_origins

BASE = {
    "headline": "Acme Opens a New Plant in Dayton, Ohio",
    "date": "2025-03-05",
    "dateline": {"city": "Dayton", "state": "Ohio"},
    "companies": ["acme"],
    "body": ["Acme, Inc. today opened a plant in Dayton."],
    "contacts": [{"label": "Media", "contacts": "acme-media"}],
}
FLS = {"legal": ["acme-forward-looking"]}
QUOTE = {"quote": {"speaker": "acme-ceo", "text": "We are thrilled and we will grow!"}}


def table(total: int) -> dict:
    """A one-column table whose total row should be 10 + 20."""
    return {"table": {"header": ["2025"], "rows": [
        {"label": "Parts:", "kind": "heading"}, ["Left", 10], ["Right", 20],
        {"label": "Total parts", "values": [total], "kind": "total"},
    ]}}  # fmt: skip


GUIDANCE = {"table": {"purpose": "guidance", "header": ["2026"], "rows": [["Revenue", 12]]}}
RECONCILIATION = {"table": {
    "purpose": "reconciliation", "reconciles": {"measure": "Adjusted EBITDA", "gaap": "Net income"},
    "header": ["2025"], "rows": [["Net income", 2], ["Depreciation", 3],
                                 {"label": "Adjusted EBITDA", "values": [5], "kind": "total"}],
}}  # fmt: skip
LONG = "Acme, Inc. today opened a plant in Dayton. " + "The plant makes tools for builders. " * 60

# rule id, changes that trigger it, changes that do not
CASES: list[tuple[str, dict, dict]] = [
    ("HL001", {"headline": "Acme " + "Opens a Plant " * 8}, {}),
    ("HL002", {"headline": "In a Move Long Expected by Builders in Three States, the Company "
                           "Known as Acme Opens a Plant"}, {}),
    ("HL003", {"headline": "Acme Opens Plant"}, {}),
    ("HL004", {"headline": "Acme Opens a HUGE Plant in Dayton, Ohio"},
     {"headline": "Acme (NYSE: ACME) Names New CEO and CFO for U.S. Plants"}),
    ("HL005", {"headline": "Acme Opens a New Plant in Dayton, Ohio."}, {}),
    ("LN001", {"language": "fr-CA"}, {"language": "en-GB"}),
    ("HL006", {"headline": "A New Tool Plant Opens in Dayton, Ohio Today"}, {}),
    ("DL002", {"body": ["Acme, Inc. today opened a plant in Dayton on Sep. 5."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton on Sept. 5."]}),
    ("DL002", {"body": ["Acme, Inc. today opened a plant in Dayton on March 5th."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton on March 5."]}),
    ("DL003", {"embargo": {"until": "2025-03-06T08:00", "timezone": "America/New_York"}},
     {"embargo": {"until": "2025-03-05T08:00", "timezone": "America/New_York"}}),
    ("DL004", {"body": ["Acme, Inc. today opened a plant in Dayton, near Columbus, Ohio, and "
                        "one in Waltham, Mass."]}, {}),
    ("LD001", {"body": ["Acme, Inc. today opened a plant in Dayton that will make hammers, saws, "
                        "drills, levels, wrenches and ladders for builders, plumbers, roofers, "
                        "electricians and carpenters across the Midwest."]}, {}),
    ("LD002", {"body": ["Acme, Inc. builds tools."]}, {}),
    ("ST001", {}, {"body": [LONG]}),
    ("ST002", {}, {}),  # the shipped About is short; the long one comes from a project file
    ("ST003", {"contacts": []}, {}),
    ("ST005", {"body": ["Acme, Inc. today opened [a](https://a.example) [b](https://b.example) "
                        "plant in Dayton."]}, {}),
    ("ST006", {"body": ["Acme, Inc. today opened a plant in TK."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton near Tkachenko Street."]}),
    ("ST007", {"body": ["Acme, Inc. today opened a plant in Dayton.",
                        {"quote": {"speaker": {"name": "Pat Doe"}, "text": "Good day."}}]}, {}),
    ("PR001", {"body": ["Acme, Inc., a leading maker of innovative tools, today opened a plant."]},
     {}),
    ("PR002", {"body": ["Acme, Inc. today opened a plant in Dayton.",
                        {"quote": {"speaker": "acme-ceo", "text": "Good day.",
                                   "before": "What a plant!"}}]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.",
               {"quote": {"speaker": "acme-ceo", "text": "What a plant!"}}]}),
    ("PR002", {"body": ["Acme, Inc. today opened a plant in Dayton!"]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.", QUOTE], **FLS}),
    ("PR003", {"body": ["Acme, Inc. today opened a plant in Dayton for you."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.", QUOTE], **FLS}),
    ("PR005", {"body": ["Acme, Inc. today opened a plant in Dayton. " + " ".join(["word"] * 31)
                        + "."]}, {}),
    ("PR006", {"body": ["Acme, Inc. today inaugurated an extraordinarily sophisticated "
                        "manufacturing establishment, consolidating multidisciplinary "
                        "engineering capabilities, internationalization responsibilities and "
                        "comprehensive organizational transformation initiatives "
                        "simultaneously. " * 3]},
     {"body": [LONG]}),
    ("PR007", {"body": ["Acme, Inc. today opened a plant in order to grow."]}, {}),
    ("PR008", {"body": ["Acme, Inc. today opened a plant at 12 p.m. in Dayton."]},
     {"body": ["Acme, Inc. today opened a plant at noon in Dayton."]}),
    ("PR008", {"body": ["Acme, Inc. today opened a plant at 8:00 a.m. in Dayton."]},
     {"body": ["Acme, Inc. today opened a plant at 8 a.m. in Dayton."]}),
    ("FN001", {"companies": [{"id": "acme", "ticker": False}]}, {}),
    ("FN002", {"companies": ["acme", "many"], "body": [
        "Acme, Inc. and Many Listings Co. today opened a plant in Dayton."]}, {}),
    ("FN004", {"body": ["Acme, Inc. today opened a plant in Dayton and expects to hire 200."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton and expects to hire 200."], **FLS}),
    ("FN004", {"body": ["Acme, Inc. today opened a plant in Dayton.", QUOTE]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.", QUOTE], **FLS}),
    ("FN005", {"body": ["Acme, Inc. today reported adjusted EBITDA of $5 million."]},
     {"body": ["Acme, Inc. today reported adjusted EBITDA of $5 million and GAAP net income "
               "of $2 million."]}),
    ("FN004", {"body": ["Acme, Inc. today opened a plant in Dayton.", GUIDANCE]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.", GUIDANCE], **FLS}),
    ("FN007", {"body": ["Acme, Inc. today opened a plant in Dayton.", table(33)]},
     {"body": ["Acme, Inc. today opened a plant in Dayton.", table(30)]}),
    ("FN008", {"body": ["Acme, Inc. reported adjusted EBITDA of $5 million and GAAP net income "
                        "of $2 million."]},
     {"body": ["Acme, Inc. reported adjusted EBITDA of $5 million and GAAP net income "
               "of $2 million.", RECONCILIATION]}),
    ("FN008", {"headline": "Acme Reports Record Adjusted EBITDA of $5 Million for 2024",
               "body": ["Acme, Inc. reported adjusted EBITDA of $5 million and GAAP net income "
                        "of $2 million.", RECONCILIATION]},
     {"headline": "Acme Reports Net Income of $2 Million and Adjusted EBITDA of $5 Million",
      "body": ["Acme, Inc. reported adjusted EBITDA of $5 million and GAAP net income "
               "of $2 million.", RECONCILIATION]}),
    ("FN006", {"embargo": {"until": "2025-03-05T16:10", "timezone": "America/New_York"}},
     {"embargo": {"until": "2025-03-05T16:20", "timezone": "America/New_York"}}),
    ("ST008", {"contacts": [{"label": "Media", "contacts": "unreachable"}]},
     {"contacts": [{"label": "Media", "contacts": "press-office"}]}),
    ("ST009", {"body": ["Acme, Inc. today opened a plant in Dayton. Replace this with the "
                        "lead."]}, {}),
    ("ST009", {"body": ["Acme, Inc. today opened a plant in Dayton. Call 937-555-0142 or "
                        "write to news@example.com."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton. Call 937-226-0142."]}),
    ("ST009", {"body": ["Acme, Inc. today opened a [plant](https://www.example.com/plant)."]},
     {"body": ["Acme, Inc. today opened a [plant](https://acme.test/plant)."]}),
    ("PR009", {"body": ["Acme, Inc. today opened a plant (its third in Dayton."]},
     {"body": ["Acme, Inc. today opened a plant (its third) in Dayton."]}),
    ("PR009", {"body": ['Acme, Inc. today opened its ""Roadrunner"" plant in Dayton.']},
     {"body": ['Acme, Inc. today opened its "Roadrunner" plant in Dayton.']}),
    ("PR009", {"body": ['Acme, Inc. today opened a plant. "It is big, said Pat Doe.']},
     {"body": ['Acme, Inc. today opened a plant. "It is big," said Pat Doe.']}),
    ("LG001", {"body": ["Acme, Inc. today opened a Roadrunner plant in Dayton."],
               "legal": ["acme-trademarks"]},
     {"body": ["Acme, Inc. today opened a Roadrunner\u2122 plant in Dayton. Roadrunner tools "
               "ship in May."], "legal": ["acme-trademarks"]}),
    ("PR010", {"body": ["Acme, Inc. today opened a plant in Dayton that makes hammmers."]},
     {"body": ["Acme, Inc. today opened a plant in Dayton that makes hammers."]}),
    ("ST010", {}, {}),  # needs a real project: see test_the_shipped_library_in_a_real_project
]  # fmt: skip

LIBRARY = {
    "boilerplates/contacts/unreachable.yaml": "organization: Acme Press Office\n",
    "boilerplates/contacts/press-office.yaml": (
        "organization: Acme Press Office\nemail: press@acme.test\n"
    ),
    "boilerplates/companies/many.yaml": (
        "name: Many Listings Co.\nabout: Many Listings Co. is listed widely.\nlistings:\n"
        + "".join(
            f"  - {{exchange: {x}, symbol: MNY}}\n" for x in ("NYSE", "TSX", "LSE", "FSE", "ASX")
        )
    ),
}


def rules_fired(make_project: ProjectMaker, changes: dict, extra: dict | None = None) -> set[str]:
    project = make_project({"r.yaml": json.dumps({**BASE, **changes}), **LIBRARY, **(extra or {})})
    release, origins = load_with_origins(project / "r.yaml")
    return {f.rule for f in run_checks(release, origins)}


@pytest.mark.parametrize(("rule", "trigger", "clean"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_on_its_trigger_and_not_on_clean_copy(
    rule: str, trigger: dict, clean: dict, make_project: ProjectMaker
) -> None:
    if rule == "ST010":
        return
    if rule == "ST002":
        long_about = "name: Acme, Inc.\nlistings: [{exchange: NYSE, symbol: ACME}]\nabout: " + (
            "Acme, Inc. makes tools. " * 30
        )
        assert rule in rules_fired(
            make_project, {}, {"boilerplates/companies/acme.yaml": long_about}
        )
        short_about = long_about.split("about: ")[0] + "about: Acme, Inc. makes tools.\n"
        assert rule not in rules_fired(
            make_project, {}, {"boilerplates/companies/acme.yaml": short_about}
        )
        return
    assert rule in rules_fired(make_project, trigger)
    assert rule not in rules_fired(make_project, clean)


def test_every_rule_has_a_case() -> None:
    assert {rule for rule, _, _ in CASES} == {r.id for r in prwriter.check_rules()}


def test_quotes_and_boilerplate_are_left_alone(make_project: ProjectMaker) -> None:
    quoted = {"body": ["Acme, Inc. today opened a plant in Dayton.", QUOTE], **FLS}
    fired = rules_fired(make_project, quoted)
    assert not {"PR002", "PR003"} & fired  # exclamation and "we" inside the quote
    hype_in_about = (
        "name: Acme, Inc.\nlistings: [{exchange: NYSE, symbol: ACME}]\nabout: "
        "Acme, Inc. is the leading, innovative maker of world-class tools!\n"
    )
    fired = rules_fired(make_project, {}, {"boilerplates/companies/acme.yaml": hype_in_about})
    assert not {"PR001", "PR002"} & fired


def test_hype_in_a_quote_is_information_only(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": json.dumps({**BASE, "body": [
        "Acme, Inc. today opened a plant in Dayton.", QUOTE], **FLS}), **LIBRARY})  # fmt: skip
    release, origins = load_with_origins(project / "r.yaml")
    [hype] = [f for f in run_checks(release, origins) if f.rule == "PR001"]
    assert hype.severity == "info" and "thrilled" in hype.message


def test_a_release_silences_one_rule_for_one_field(make_project: ProjectMaker) -> None:
    body = ["Acme, Inc. today opened a plant in Dayton!", "Then more copy came!"]
    silence = [{"rule": "PR002", "field": "body[0]", "reason": "The client insists."}]
    project = make_project({"r.yaml": json.dumps({**BASE, "body": body, "checks": silence})})
    release, origins = load_with_origins(project / "r.yaml")
    hits = [f for f in run_checks(release, origins) if f.rule == "PR002"]
    assert [f.field for f in hits] == ["body[1]"]


def test_silencing_needs_a_known_rule_and_a_reason(make_project: ProjectMaker) -> None:
    for silence, message in [
        ({"rule": "PR999", "reason": "x"}, "checks[0].rule: unknown rule 'PR999'"),
        ({"rule": "PR002"}, "checks[0].reason: required field is missing"),
    ]:
        project = make_project({"r.yaml": json.dumps({**BASE, "checks": [silence]})})
        with pytest.raises(
            prwriter.InputError, match=message.replace("[", r"\[").replace("]", r"\]")
        ):
            prwriter.load_release(project / "r.yaml")


def test_thresholds_are_configurable(make_project: ProjectMaker) -> None:
    settings = '[check.rules.HL003]\nfewest = 2\n\n[check.rules.PR007]\nseverity = "error"\n'
    project = make_project({"prwriter.toml": settings, "r.yaml": json.dumps(
        {**BASE, "headline": "Acme Opens Plant", "body": ["Acme, Inc. today opened a plant "
                                                          "in order to grow."]})})  # fmt: skip
    [result] = prwriter.check([project / "r.yaml"])
    rules = {f.rule: f.severity for f in result.findings}
    assert "HL003" not in rules and rules["PR007"] == "error"


# Ordinary copy that once tripped a rule: each must stay quiet.
QUIET: list[tuple[str, dict, dict]] = [
    ("PR003", {"body": ["Acme, Inc. today began a Phase I trial in Dayton."]}, {}),
    ("FN004", {"body": ["Acme, Inc. today opened a plant. Chief Executive Officer Will Harper "
                        "cut the ribbon."]}, {}),
    ("PR001", {"companies": ["zeta"], "headline": "Zeta Opens a New Plant in Dayton, Ohio",
               "body": ["Zeta Solutions, Inc. today opened a plant in Dayton."]},
     {"boilerplates/companies/zeta.yaml":
      "name: Zeta Solutions, Inc.\nabout: Zeta makes tools.\n"}),
    ("PR005", {"body": ["Acme, Inc. today opened a plant in Dayton.",
                        "- Builds hammers\n- Builds saws for builders and roofers\n"
                        "- Builds drills for builders and roofers\n- Builds ladders for "
                        "builders and roofers and painters"]}, {}),
    ("HL004", {"headline": "Acme Opens a GPU and COVID-19 Test Plant in Dayton, Ohio"}, {}),
    ("HL006", {"companies": ["longco"], "headline": "Longco Opens a New Plant in Dayton, Ohio",
               "body": ["Longco, Inc. today opened a plant in Dayton."]},
     {"boilerplates/companies/longco.yaml": "name: Longco, Inc.\nabout: Longco makes tools.\n"}),
    ("ST006", {"body": ["Acme, Inc. today opened a plant [Additional details on the site]."]}, {}),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "changes", "files"), QUIET, ids=[q[0] for q in QUIET])
def test_ordinary_copy_stays_quiet(
    rule: str, changes: dict, files: dict, make_project: ProjectMaker
) -> None:
    assert rule not in rules_fired(make_project, changes, files)


def test_non_gaap_in_capitals_is_not_the_gaap_measure(make_project: ProjectMaker) -> None:
    body = ["Acme, Inc. today reported free cash flow of $5 million. Non-GAAP results follow."]
    assert "FN005" in rules_fired(make_project, {"body": body})


def test_checks_that_read_english_skip_other_languages(make_project: ProjectMaker) -> None:
    hype = {"body": ["Acme, Inc. today opened a world-class plant in Dayton on Sep. 5."]}
    english = rules_fired(make_project, hype)
    assert {"PR001", "DL002"} <= english and "LN001" not in english
    french = rules_fired(make_project, {**hype, "language": "fr-CA"})
    assert not {"PR001", "DL002"} & french
    assert "LN001" in french
    # Checks that read no words still run: a headline with a final period.
    assert "HL005" in rules_fired(
        make_project, {"headline": "Acme ouvre une usine à Dayton.", "language": "fr-CA"}
    )


def test_spelling_reads_french_german_and_spanish(make_project: ProjectMaker) -> None:
    def unknown(body: str, language: str) -> set[str]:
        project = make_project(
            {"r.yaml": json.dumps({**BASE, "body": [body], "language": language}), **LIBRARY}
        )
        release, origins = load_with_origins(project / "r.yaml")
        return {f.message.split("'")[1] for f in run_checks(release, origins) if f.rule == "PR010"}

    french = "Acme, Inc. annonce aujourd'hui l'ouverture d'une usine et de la main-d'œuvre."
    assert not {"annonce", "aujourd'hui", "ouverture", "usine", "oeuvre"} & unknown(french, "fr-CA")
    assert "ouvertrue" in unknown(french.replace("ouverture", "ouvertrue"), "fr-CA")
    assert "neues" not in unknown("Acme, Inc. eröffnet heute ein neues Werk.", "de-DE")
    assert "neuse" in unknown("Acme, Inc. eröffnet heute ein neuse Werk.", "de-DE")
    assert "plantta" in unknown("Acme, Inc. abre hoy una nueva plantta.", "es")
    # Japanese has no dictionary here: the spelling rule is skipped and LN001 says so.
    assert not unknown("Acme, Inc. xyzzy plantta.", "ja-JP")
    assert "LN001" in rules_fired(make_project, {"language": "ja-JP"})
