"""Loading and resolving releases: the error fixtures under data/bad/ and the lookups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, ProjectMaker
from prwriter.model import CompanyMention, Paragraph, Quote, Text
from prwriter.project import Project

BAD = DATA / "bad"
BAD_CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


def test_every_bad_fixture_has_its_expected_message() -> None:
    expected = sorted(p.stem for p in BAD.glob("*.expected"))
    assert expected == BAD_CASES
    assert len(BAD_CASES) >= 20


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_release_gives_exactly_the_expected_problems(case: str, monkeypatch) -> None:
    monkeypatch.chdir(BAD)
    with pytest.raises(prwriter.InputError) as info:
        prwriter.load_release(f"{case}.yaml")
    found = [str(p) for p in info.value.problems]
    assert found == (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def test_the_example_resolves_every_fact_from_the_library() -> None:
    release = prwriter.load_release(
        Path(__file__).parent.parent / "examples/immunogen/release.yaml"
    )
    company = release.companies[0]
    assert company.name == "ImmunoGen, Inc."
    assert [(x.exchange, x.symbol) for x in company.listings] == [("Nasdaq", "IMGN")]
    assert company.about_heading == "About ImmunoGen, Inc."
    assert release.dateline[0].city == "Waltham"
    assert release.dateline[0].state is not None and release.dateline[0].state.ap == "Mass."
    assert release.date == dt.date(2014, 11, 13)
    assert [g.label for g in release.contacts] == ["For Investors", "For Media"]
    assert release.contacts[0].contacts[0].name == "Carol Hausner"
    assert [b.kind for b in release.legal] == ["trademark"]
    assert release.source == "ImmunoGen, Inc."
    lead = release.body[0]
    assert isinstance(lead, Paragraph)
    assert lead.children[0] == CompanyMention(company=0, text="ImmunoGen, Inc.")
    quote = release.body[1]
    assert isinstance(quote, Quote)
    assert (quote.speaker.name, quote.speaker.title, quote.verb) == (
        "Daniel Junius",
        "President and CEO",
        "commented",
    )


def test_about_text_in_force_on_the_release_date_wins(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "old.yaml": ACME_RELEASE.replace("2025-03-05", "2021-06-01"),
            "new.yaml": ACME_RELEASE,
        }
    )
    old = prwriter.load_release(project / "old.yaml").companies[0].about
    new = prwriter.load_release(project / "new.yaml").companies[0].about
    assert "more than 40 countries" in str(old)
    assert "more than 60 countries" in str(new)


def test_project_library_wins_over_the_shipped_one(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "releases/plant.yaml": ACME_RELEASE,
            "boilerplates/companies/acme.yaml": """
                name: Acme, Inc.
                about: Acme, Inc. is the project's own Acme.
            """,
        }
    )
    release = prwriter.load_release(project / "releases" / "plant.yaml")
    assert Project.of_release(release).root == project.resolve()
    about = release.companies[0].about[0]
    assert isinstance(about, Paragraph)
    assert about.children == [Text(text="Acme, Inc. is the project's own Acme.")]


def test_release_folder_library_wins_over_the_project(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "prwriter.toml": "",
            "boilerplates/people/ceo.yaml": "name: Project CEO\n",
            "q3/boilerplates/people/ceo.yaml": "name: Folder CEO\n",
            "q3/plant.yaml": ACME_RELEASE.replace(
                "body: Acme, Inc. today opened a plant in Dayton.",
                "body:\n  - Acme, Inc. today opened a plant.\n"
                "  - quote: {speaker: ceo, text: Hello.}",
            ),
        }
    )
    release = prwriter.load_release(project / "q3" / "plant.yaml")
    quote = release.body[1]
    assert isinstance(quote, Quote)
    assert quote.speaker.name == "Folder CEO"
    assert Project.of_release(release).root == project.resolve()


def test_user_config_library_is_searched_before_the_shipped_one(
    make_project: ProjectMaker, tmp_path: Path, monkeypatch
) -> None:
    config = tmp_path / "cfg"
    (config / "prwriter/boilerplates/legal").mkdir(parents=True)
    (config / "prwriter/boilerplates/legal/house.yaml").write_text("kind: notice\ntext: Mine.\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    project = make_project({"r.yaml": ACME_RELEASE + "legal: [house]\n"})
    assert prwriter.load_release(project / "r.yaml").legal[0].id == "house"


def test_inline_company_overrides_replace_library_values(make_project: ProjectMaker) -> None:
    release_text = ACME_RELEASE.replace(
        "companies: [acme]", "companies:\n  - {id: acme, name: Acme Corp., ticker: false}"
    ).replace("Acme, Inc. today", "Acme Corp. today")
    project = make_project({"r.yaml": release_text})
    company = prwriter.load_release(project / "r.yaml").companies[0]
    assert (company.name, company.ticker, company.about_heading) == (
        "Acme Corp.",
        False,
        "About Acme Corp.",
    )


def test_state_may_be_written_as_name_postal_code_or_ap_form(make_project: ProjectMaker) -> None:
    for written in ("Ohio", "OH", "oh"):
        project = make_project({"r.yaml": ACME_RELEASE.replace("state: Ohio", f"state: {written}")})
        state = prwriter.load_release(project / "r.yaml").dateline[0].state
        assert state is not None and state.postal == "OH"


def test_embargo_with_zone_becomes_an_aware_instant(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "r.yaml": ACME_RELEASE
            + "embargo: {until: 2025-03-05T08:00, timezone: America/New_York}\n"
        }
    )
    embargo = prwriter.load_release(project / "r.yaml").embargo
    assert embargo is not None
    assert embargo.until.utcoffset() == dt.timedelta(hours=-5)


def test_problems_in_release_and_library_are_reported_together(
    make_project: ProjectMaker,
) -> None:
    project = make_project(
        {
            "r.yaml": ACME_RELEASE.replace("[acme]", "[mine]") + "legal: [nope]\n",
            "boilerplates/companies/mine.yaml": "name: Mine\nabout: Mine.\nwebsite: x\n",
        }
    )
    with pytest.raises(prwriter.InputError) as info:
        prwriter.load_release(project / "r.yaml")
    files = [Path(p.file).name for p in info.value.problems]
    assert files == ["mine.yaml", "r.yaml"]


def test_markdown_in_body_becomes_blocks(make_project: ProjectMaker) -> None:
    body = "body: |\n  Acme, Inc. today opened a *new* plant.\n\n  ## Details\n\n  - one\n  - two\n"
    project = make_project({"r.yaml": ACME_RELEASE.replace(ACME_RELEASE.splitlines()[-1], body)})
    kinds = [b.kind for b in prwriter.load_release(project / "r.yaml").body]
    assert kinds == ["paragraph", "heading", "list"]


def test_template_syntax_in_facts_stays_text(make_project: ProjectMaker) -> None:
    project = make_project(
        {"r.yaml": ACME_RELEASE.replace("a plant in Dayton.", "a plant {{ 7*7 }} {% if x %}.")}
    )
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt")
    assert "{{ 7*7 }} {% if x %}." in text


def test_project_settings_give_the_default_wire(make_project: ProjectMaker) -> None:
    project = make_project(
        {"prwriter.toml": 'wire = "prnewswire"\n', "releases/r.yaml": ACME_RELEASE}
    )
    release = prwriter.load_release(project / "releases/r.yaml")
    assert release.wire == "prnewswire"
    text = prwriter.render(release, "txt")
    assert "/PRNewswire/ -- " in str(text)


def test_release_wire_wins_over_the_project_setting(make_project: ProjectMaker) -> None:
    project = make_project(
        {"prwriter.toml": 'wire = "prnewswire"\n', "r.yaml": ACME_RELEASE + "wire: print\n"}
    )
    assert prwriter.load_release(project / "r.yaml").wire == "print"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            'wire = "x"\ncolour = "red"\n',
            "prwriter.toml:2:1: colour: unknown setting; allowed: wire",
        ),
        ("wire = \n", "prwriter.toml:1:8: TOML syntax error: Invalid value"),
        ('wire = "x"\n\nformats = [txt]\n', "prwriter.toml:3:12: TOML syntax error: Invalid value"),
        (
            'format = ["txt"]\n',
            "prwriter.toml:1:1: format: unknown setting; did you mean "
            "'formats'? allowed: wire, formats",
        ),
        (
            '[check]\nfail_ob = "error"\n',
            "prwriter.toml:2:1: check.fail_ob: unknown setting; "
            "did you mean 'fail_on'? allowed: fail_on, rules",
        ),
        ('# house\nwire = "nope"\n', "prwriter.toml:2:1: wire: unknown wire 'nope'; available: "),
    ],
)
def test_bad_project_settings_are_located(
    toml: str, message: str, make_project: ProjectMaker, monkeypatch
) -> None:
    project = make_project({"prwriter.toml": toml, "r.yaml": ACME_RELEASE})
    monkeypatch.chdir(project)
    with pytest.raises(prwriter.InputError) as info:
        prwriter.load_release("r.yaml")
    assert str(info.value).startswith(message)


def test_a_misspelled_rule_gets_a_suggestion(make_project: ProjectMaker, monkeypatch) -> None:
    toml = "# ours\n[check.rules.HL01]\nenabled = false\n"
    monkeypatch.chdir(make_project({"prwriter.toml": toml, "r.yaml": ACME_RELEASE}))
    [result] = prwriter.check(["r.yaml"])
    assert str(result.problems[0]).startswith(
        "prwriter.toml:2:1: check.rules: unknown rule HL01; did you mean 'HL001'? rules: "
    )


def test_a_project_reads_each_library_file_once_across_release_folders(
    make_project: ProjectMaker, monkeypatch
) -> None:
    from prwriter import library

    project = make_project({"prwriter.toml": "", "a/r.yaml": ACME_RELEASE,
                            "b/r.yaml": ACME_RELEASE,
                            "boilerplates/companies/acme.yaml": "name: Acme, Inc.\n"})  # fmt: skip
    reads: list[Path] = []
    real = library.read_yaml

    def counting(path: Path, *args, **kwargs):
        reads.append(Path(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(library, "read_yaml", counting)
    shared = Project(project)
    for folder in ("a", "b"):
        prwriter.load_release(project / folder / "r.yaml", project=shared)
    assert reads.count((project / "boilerplates/companies/acme.yaml").resolve()) == 1


def test_library_texts_are_parsed_once_and_release_copy_each_time(
    make_project: ProjectMaker, monkeypatch
) -> None:
    from prwriter import loading

    about = "Acme, Inc. makes anvils."
    project = make_project({"prwriter.toml": "", "r.yaml": ACME_RELEASE,
                            "boilerplates/companies/acme.yaml":
                                f"name: Acme, Inc.\nabout: {about}\n"})  # fmt: skip
    parsed: list[str] = []
    real = loading.parse_blocks

    def counting(text: str):
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(loading, "parse_blocks", counting)
    shared = Project(project)
    for _ in range(3):
        release = prwriter.load_release(project / "r.yaml", project=shared)
    # The About text recurs in every release of a batch; a release's own copy is kept by no
    # one once the release is written, so a batch's memory does not grow with it.
    assert parsed.count(about) == 1
    assert parsed.count("Acme, Inc. today opened a plant in Dayton.") == 3
    assert release.body and release.companies[0].about
