"""What `prwriter init` and `prwriter new` write reads back as written, whatever the names."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import prwriter
from prwriter.cli import app
from prwriter.scaffold import yaml_scalar
from prwriter.yaml_source import parse_yaml, read_yaml

HOSTILE = [
    'Acme: "Quoted" #1 Co.',
    "O'Brien & Sons, Inc.",
    "Dash - Holdings: A Co.",
    "@Handle Corp.",
    "{Braces} [Brackets], Inc.",
    "*Star % Percent | Pipe > Ltd.",
    "2014-11-13",
    "1234",
    "null",
    "Ünïcödé S.A.",
    "Tab\tCo.",
]


@pytest.mark.parametrize("value", [*HOSTILE, "- dash", "plain", "yes", "on", "~", "", " padded "])
def test_yaml_scalar_reads_back_as_the_same_string(value: str) -> None:
    source = parse_yaml(f"key: {yaml_scalar(value)}\n", path=Path("x.yaml"), display="x.yaml")
    assert source.data == {"key": value}


@pytest.mark.parametrize("name", HOSTILE)
def test_init_with_a_hostile_company_name_writes_yaml_that_loads(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--company-id", "acme",
                                      "--company-name", name])  # fmt: skip
    assert result.exit_code == 0, result.output
    company = read_yaml(tmp_path / "boilerplates" / "companies" / "acme.yaml").data
    assert company["name"] == name
    for path in (tmp_path / "boilerplates").glob("*/*.yaml"):
        read_yaml(path)  # parses
    release = prwriter.load_release(tmp_path / "releases" / "first-release.yaml")
    assert release.headline == f"{name} Announces Its First Release With prwriter"
    assert release.companies[0].name == name


def test_new_with_a_hostile_headline_and_place(tmp_path: Path, monkeypatch) -> None:
    prwriter.init_project(tmp_path, "acme", "Acme, Inc.")
    monkeypatch.chdir(tmp_path)
    headline = 'Acme: "Q3" Results #1 - Record'
    written = prwriter.new_release("releases/q.yaml", "acme", headline=headline,
                                   date="2026-03-05", city="Dayton", state="Ohio")  # fmt: skip
    assert prwriter.load_release(written).headline == headline


def test_init_refuses_an_id_that_is_no_file_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--company-id", "../acme"])
    assert result.exit_code == 2
    assert "--company-id: '../acme' cannot be a library id" in result.output
    assert not any(tmp_path.iterdir())


def test_workflow_installs_the_version_the_project_was_made_with(tmp_path: Path) -> None:
    prwriter.init_project(tmp_path, "acme", "Acme, Inc.")
    workflow = read_yaml(tmp_path / ".github" / "workflows" / "releases.yml").data
    runs = [step["run"] for step in workflow["jobs"]["releases"]["steps"] if "run" in step]
    [install] = [r for r in runs if "pip install" in r]
    assert f'"prwriter=={prwriter.__version__}"' in install
    assert "--find-links vendor/" in install  # a wheel put there wins until prwriter is published
