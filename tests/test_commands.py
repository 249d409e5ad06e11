"""check, init, new, schema, list templates and completion through Typer's CliRunner."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker
from prwriter.checks.report import rules_markdown
from prwriter.cli import app
from prwriter.json_schemas import SCHEMA_KINDS, schema_file_name, schema_text


def run(*args: str | Path, input: str | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


CLEAN = ACME_RELEASE + "contacts:\n  - {label: Media, contacts: acme-media}\n"


def shouting(make_project: ProjectMaker) -> Path:
    release = CLEAN.replace("headline: Acme Opens a Plant in Dayton",
                                   "headline: Acme Opens a TK Plant in Dayton!")  # fmt: skip
    return make_project({"r.yaml": release})


def test_check_clean_release_exits_0(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": CLEAN})
    result = run("check", project / "r.yaml")
    assert result.exit_code == 0
    assert "1 release(s) checked: 0 error(s)" in result.stdout.splitlines()[-1]


def test_check_findings_exit_1_with_locations(make_project: ProjectMaker, monkeypatch) -> None:
    project = shouting(make_project)
    monkeypatch.chdir(project)
    result = run("check", "r.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "r.yaml:1:11: headline: warning PR002: the headline has an exclamation mark; remove it"
        in lines
    )
    assert (
        "r.yaml:1:11: headline: error ST006: placeholder 'TK' left in the copy; write the real text"
        in lines
    )


def test_fail_on_and_input_errors(make_project: ProjectMaker) -> None:
    long = "A" + " long" * 15
    project = make_project({"r.yaml": CLEAN.replace("Acme Opens a Plant in Dayton", long),
                            "bad.yaml": "headline: [\n"})  # fmt: skip
    assert run("check", project / "r.yaml").exit_code == 0  # warnings and info only
    assert run("check", project / "r.yaml", "--fail-on", "warning").exit_code == 1
    assert run("check", project / "bad.yaml").exit_code == 2
    assert run("check", project / "r.yaml", "--fail-on", "loud").exit_code == 2


def test_project_settings_configure_rules(make_project: ProjectMaker) -> None:
    settings = '[check]\nfail_on = "warning"\n\n[check.rules.ST006]\nenabled = false\n\n' \
               '[check.rules.PR002]\nseverity = "info"\n'  # fmt: skip
    project = shouting(make_project)
    (project / "prwriter.toml").write_text(settings + "\n[check.rules.HL004]\nenabled = false\n")
    result = run("check", project / "r.yaml", "--format", "json")
    assert result.exit_code == 1  # fail_on = "warning", and the short body warns
    findings = json.loads(result.stdout)["releases"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings if f["rule"] in ("PR002", "ST006")] == [
        ("PR002", "info")
    ]


def test_github_annotations(make_project: ProjectMaker, monkeypatch) -> None:
    project = shouting(make_project)
    monkeypatch.chdir(project)
    result = run("check", "r.yaml", "--format", "github")
    assert next(line for line in result.stdout.splitlines() if "ST006" in line) == (
        "::error file=r.yaml,line=1,col=11,title=ST006::headline: placeholder 'TK' left in the "
        "copy; write the real text"
    )


def test_sarif_log(make_project: ProjectMaker) -> None:
    project = shouting(make_project)
    log = json.loads(run("check", project / "r.yaml", "--format", "sarif").stdout)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(rule_ids)
    result = next(r for r in run_["results"] if r["ruleId"] == "ST006")
    assert result["ruleId"] in rule_ids and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 11}
    # The tool's page is the rule catalogue, which the repository holds and pyproject names.
    uri = run_["tool"]["driver"]["informationUri"]
    assert uri.endswith("/docs/rules.md") and (REPO / "docs" / "rules.md").is_file()
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["urls"]["Rules"] == uri


def test_findings_in_library_text_point_at_the_library_file(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "r.yaml": ACME_RELEASE.replace("[acme]", "[tkco]").replace("Acme, Inc.", "TK Co."),
            "boilerplates/companies/tkco.yaml": "name: TK Co.\nabout: TK Co. makes XXX.\n",
        }
    )
    findings = prwriter.check([project / "r.yaml"])[0].findings
    about = [f for f in findings if f.file.endswith("tkco.yaml")]
    assert about and about[0].line == 2 and about[0].field == "about"


def test_list_rules() -> None:
    result = run("check", "--list-rules")
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert ids == sorted(ids) and {"HL001", "ST006", "PR006", "FN004"} <= set(ids)


def test_init_scaffolds_a_project_whose_sample_text_the_check_finds(tmp_path: Path) -> None:
    result = run("init", tmp_path / "site", "--company-id", "acme", "--company-name", "Acme, Inc.")
    assert result.exit_code == 0
    site = tmp_path / "site"
    for made in ("prwriter.toml", "release.schema.json", "boilerplates/companies/acme.yaml",
                 "boilerplates/contacts/acme-media.yaml", "boilerplates/people/acme-ceo.yaml",
                 "boilerplates/legal/acme-forward-looking.yaml", "releases/first-release.yaml",
                 "templates/README.md", ".github/workflows/releases.yml"):  # fmt: skip
        assert (site / made).is_file(), made
    checked = run("check", site / "releases", "--format", "json")
    assert checked.exit_code == 1
    findings = json.loads(checked.stdout)["releases"][0]["findings"]
    errors = {(f["rule"], Path(f["file"]).name) for f in findings if f["severity"] == "error"}
    assert {rule for rule, _ in errors} == {"ST009"}
    assert {name for _, name in errors} == {"acme.yaml", "acme-media.yaml", "first-release.yaml"}
    # The writer replaces the sample text; the project then checks clean.
    (site / "boilerplates/companies/acme.yaml").write_text(
        "name: Acme, Inc.\nshort_name: Acme\nabout: Acme, Inc. makes tools for builders.\n"
    )
    (site / "boilerplates/contacts/acme-media.yaml").write_text(
        "organization: Acme, Inc.\nname: Dana Cruz\nphone: 937-226-0100\nemail: press@acme.test\n"
    )
    (site / "releases/first-release.yaml").write_text(CLEAN)
    assert run("check", site / "releases").exit_code == 0
    (site / "prwriter.toml").write_text("# mine\n")
    again = run("init", site)
    assert (site / "prwriter.toml").read_text() == "# mine\n"
    assert "prwriter.toml" not in again.stdout


def test_new_asks_on_a_terminal_and_never_overwrites(make_project: ProjectMaker) -> None:
    project = make_project({"prwriter.toml": "", "release.schema.json": "{}"})
    target = project / "releases" / "launch.yaml"
    target.parent.mkdir()
    result = run("new", target, "--company", "acme", "--date", "2026-02-03", "--headline",
                 "Acme Opens a Plant", "--city", "Dayton", "--state", "Ohio")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=../release.schema.json\n")
    release = prwriter.load_release(target)
    assert (release.headline, release.date.isoformat()) == ("Acme Opens a Plant", "2026-02-03")
    assert run("new", target, "--company", "acme").exit_code == 2
    assert target.read_text() == text


def test_new_without_a_company_in_ci_names_the_choices(make_project, monkeypatch) -> None:
    project = make_project({"prwriter.toml": "", "boilerplates/companies/a.yaml": "name: A\n",
                            "boilerplates/companies/b.yaml": "name: B\n"})  # fmt: skip
    monkeypatch.chdir(project)
    result = run("new", "--date", "2026-03-05")
    assert result.exit_code == 2
    assert result.stderr == "--company: which company issues the release? give one of: a, b\n"
    assert "Invalid value" not in result.output


def test_new_defaults_to_the_only_company(make_project, monkeypatch) -> None:
    project = make_project({"prwriter.toml": "", "boilerplates/companies/zed.yaml": "name: Zed\n"})
    monkeypatch.chdir(project)
    result = run("new", "r.yaml", "--date", "2026-03-05", "--city", "Boston")
    assert result.exit_code == 0, result.output
    text = (project / "r.yaml").read_text()
    assert "companies: [zed]" in text and "state:" not in text  # Boston stands alone


def test_new_misspelled_company_gets_a_suggestion(make_project, monkeypatch) -> None:
    monkeypatch.chdir(make_project({"prwriter.toml": ""}))
    result = run("new", "r.yaml", "--company", "acmee", "--date", "2026-03-05")
    assert result.exit_code == 2
    assert "--company: no company 'acmee' in the library; did you mean 'acme'?" in result.stderr


@pytest.mark.parametrize(
    "option,value,message",
    [("--date", "March 5", "--date: 'March 5' is not a date; write it as YYYY-MM-DD"),
     ("--city", "2026-03-05", "--city: '2026-03-05' looks like a date or a number, not a city"),
     ("--state", "Dayton", "--state: 'Dayton' is not a U.S. state"),
     ("--state", "Texs", "--state: 'Texs' is not a U.S. state; did you mean 'Texas'"),
     ("--city", "Ohio", "--city: 'Ohio' is a state; give the city")],
)  # fmt: skip
def test_new_checks_options_in_ci(make_project, monkeypatch, option, value, message) -> None:
    monkeypatch.chdir(make_project({"prwriter.toml": ""}))
    given = {"--date": "2026-03-05", "--city": "Dayton", "--state": "Ohio", option: value}
    result = run("new", "r.yaml", "--company", "acme", *[x for kv in given.items() for x in kv])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (Path.cwd() / "r.yaml").exists()


def test_new_prompts_and_asks_again_with_the_reason(make_project, monkeypatch) -> None:
    project = make_project({"prwriter.toml": "", "boilerplates/companies/zed.yaml": "name: Zed\n"})
    monkeypatch.chdir(project)
    monkeypatch.setattr("prwriter.cli._can_ask", lambda: True)
    answers = [
        "",  # company: the only one, zed
        "Zed Opens a Plant in Dayton",
        "05/03/2026", "2026-03-05",  # date: wrong form, then right
        "2026-03-05", "Dayton",  # city: a date, then a city
        "Dayton", "", "Ohio",  # state: a city, nothing (Dayton needs one), then a state
    ]  # fmt: skip
    result = run("new", "r.yaml", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Company id [zed]:" in out
    assert "Date (YYYY-MM-DD) [" in out
    assert "Error: '05/03/2026' is not a date; write it as YYYY-MM-DD" in out
    assert "Error: '2026-03-05' looks like a date or a number, not a city" in out
    assert "Error: 'Dayton' is not a U.S. state" in out
    assert "Error: AP writes 'Dayton' with its state; give it, e.g. Ohio" in out
    from prwriter.yaml_source import read_yaml

    data = read_yaml(project / "r.yaml").data
    assert data["headline"] == "Zed Opens a Plant in Dayton"
    assert data["date"] == "2026-03-05"
    assert data["dateline"] == {"city": "Dayton", "state": "Ohio"}
    assert data["companies"] == ["zed"]


def test_new_prompt_refuses_an_unknown_company(make_project, monkeypatch) -> None:
    project = make_project({"prwriter.toml": "", "boilerplates/companies/a.yaml": "name: A\n",
                            "boilerplates/companies/b.yaml": "name: B\n"})  # fmt: skip
    monkeypatch.chdir(project)
    monkeypatch.setattr("prwriter.cli._can_ask", lambda: True)
    answers = ["c", "b", "Headline", "", "Boston", ""]
    result = run("new", "r.yaml", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "Company id:" in result.output
    assert "Error: choose one of: a, b" in result.output
    assert "companies: [b]" in (project / "r.yaml").read_text()


def test_schema_command_and_shipped_copies_are_fresh(tmp_path: Path) -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "prwriter release file"
    for kind in SCHEMA_KINDS:
        shipped = REPO / "templates" / "schema" / schema_file_name(kind)
        assert shipped.read_text() == schema_text(kind), (
            "run: prwriter schema --write templates/schema"
        )
    assert run("schema", "--write", tmp_path).exit_code == 0
    assert len(list(tmp_path.glob("*.schema.json"))) == len(SCHEMA_KINDS)
    assert run("schema", "nope").exit_code == 2


def test_list_templates_shows_which_folder_wins(make_project: ProjectMaker) -> None:
    project = make_project({"prwriter.toml": "", "templates/html/release.css": "/* mine */"})
    result = run("list", "templates", "--folder", project)
    rows = dict(line.split() for line in result.stdout.splitlines())
    assert rows["html/release.css"] == str(project / "templates/html/release.css")
    assert rows["text/wire.txt.j2"].startswith(str(REPO))


def test_completion_is_offered() -> None:
    assert "--install-completion" in run("--help").stdout


def test_rules_page_in_the_docs_is_fresh() -> None:
    page = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_markdown(), (
        "run: prwriter check --list-rules --format markdown > docs/rules.md"
    )
    assert run("check", "--list-rules", "--format", "markdown").stdout == page


def test_generate_prints_check_warnings_and_strict_holds_errors_back(
    make_project: ProjectMaker,
) -> None:
    project = shouting(make_project)
    result = run("generate", project / "r.yaml")
    assert result.exit_code == 0 and (project / "r.txt").exists()
    assert "error ST006" in result.stderr
    (project / "r.txt").unlink()
    strict = run("generate", project / "r.yaml", "--strict")
    assert strict.exit_code == 1
    assert not (project / "r.txt").exists()
    assert run("generate", project / "r.yaml", "--no-checks").stderr == ""


def test_readability_runs_in_check_but_not_in_generate(make_project: ProjectMaker) -> None:
    sentence = (
        "Acme, Inc. today inaugurated an extraordinarily sophisticated manufacturing "
        "establishment, consolidating multidisciplinary engineering capabilities. "
    )
    hard = sentence * 4
    project = make_project({"r.yaml": CLEAN.replace(
        "Acme, Inc. today opened a plant in Dayton.", hard)})  # fmt: skip
    assert "PR006" in run("check", project / "r.yaml").stdout
    assert "PR006" not in run("generate", project / "r.yaml").stderr


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("[check.rules.XX999]\nenabled = false\n",
         "prwriter.toml:1:1: check.rules: unknown rule XX999"),
        ("[check.rules.HL001]\nwarning = \"abc\"\n", "HL001.warning: expected int, got 'abc'"),
        ("# house\n[check.rules.HL001]\nseverity = \"fatal\"\n",
         "prwriter.toml:2:1: check.rules: HL001.severity"),
        ("[check.rules.HL003]\nfewst = 10\n", "HL003: unknown setting fewst"),
        ("[check.rules.HL003]\nenabled = \"no\"\n", "HL003.enabled: write true or false"),
    ],
)  # fmt: skip
def test_bad_rule_settings_are_located_input_errors(
    settings: str, message: str, make_project: ProjectMaker, monkeypatch
) -> None:
    project = make_project({"prwriter.toml": settings, "r.yaml": CLEAN})
    monkeypatch.chdir(project)
    result = run("check", "r.yaml")
    assert result.exit_code == 2
    assert message in result.stdout
    assert run("generate", "r.yaml").exit_code == 2


def test_new_without_a_path_names_the_file_from_date_and_headline(
    make_project: ProjectMaker, monkeypatch
) -> None:
    project = make_project({"prwriter.toml": ""})
    (project / "releases").mkdir()
    monkeypatch.chdir(project)
    result = run("new", "--company", "acme", "--headline", "Acme Opens a Lab!", "--date",
                 "2026-12-01")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (project / "releases" / "2026-12-01-acme-opens-a-lab.yaml").is_file()
