"""House profiles from imported copy: each form a profile setting writes is detected, the
settings most sources share become `templates/wires/<wire>.yaml`, the sources that differ
are reported, and a profile already in the folder changes only with --force."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from prwriter import InputError, Project, import_releases, load_release, render
from prwriter.importing.house import CONTACT_LINES, OWN, proposals, settle, spacing

GNW = """\
Lark Freight Opens a Depot in Fort Wayne

FORT WAYNE, Ind., {date} (GLOBE NEWSWIRE) -- Lark Freight, Inc. (Nasdaq: LRKF) today opened a \
depot in Fort Wayne.

The depot employs 40 people.

About Lark Freight

Lark Freight, Inc. moves parcels across the Midwest.

CONTACT:

Media:
Lark Freight, Inc.
Rosa Imre, 260-555-0144
press@lark.example
"""


def _gnw(day: str) -> str:
    return GNW.replace("{date}", f"June {day}, 2023")


@pytest.mark.parametrize(
    ("wire", "copy", "expected"),
    [
        ("globenewswire", _gnw("07"), {"date_style": "ap-padded"}),
        ("globenewswire", _gnw("7"), {}),
        ("globenewswire", "H\n\nNEW YORK, Apr 1, 2010 (GlobeNewswire via COMTEX News Network) -- "
         "Lead.\n", {"dateline": "{place}, {date} (GlobeNewswire via COMTEX News Network) -- ",
                     "date_style": "short"}),
        ("accesswire", "H\n\nVANCOUVER, BC / ACCESSWIRE / March 24, 2020 / Beacon Inc. "
         "(TSX.V:BRA)(OTCQB:BRAX) lead.\n", {"ticker_separator": "",
                                            "exchange_labels": {"TSXV": "TSX.V"}}),
        ("accesswire", "H\n\nVANCOUVER, BC / ACCESSWIRE / March 24, 2020 / Beacon Inc. "
         "(TSXV:BRA) (the \"Company\") lead.\n", {}),
        ("cnw", "H\n\nVANCOUVER, Aug. 7, 2013 /CNW/ - Lead.\n", {"standalone_also": ["Vancouver"]}),
        ("cnw", "H\n\nTORONTO, Aug. 7, 2013 /CNW/ - Lead.\n", {}),
        ("cnw", "H\n\nTORONTO, Sept. 12 /CNW/ - Lead.\n", {"dateline_year": False}),
        ("cnw", "H\n\nCALGARY, December 11, 2012 /Canada NewsWire/ - Lead.\n",
         {"dateline": "{place}, {date} /Canada NewsWire/ - ", "date_style": "full",
          "standalone_also": ["Calgary"]}),
        ("businesswire", "H\n\nBOSTON\u2013(BUSINESS WIRE)\u2013\nAcme (NYSE:AC) lead.\n",
         {"dateline": "{place}\u2013(BUSINESS WIRE)\u2013\n", "ticker": "({exchange}:{symbol})"}),
        ("prnewswire", "H\n\nCHICAGO, Aug. 16, 2011 /PRNewswire/ -- Lead.\n\n  \u2022 One\n"
         "  \u2022 Two\n", {"bullet": "  \u2022 "}),
        ("prnewswire", "H\n\nCHICAGO, Aug. 16, 2011 /PRNewswire/ -- Lead.\n\n- One\n- Two\n", {}),
        ("globenewswire", "H\n\nTORONTO, Nov. 18, 2019 (GLOBE NEWSWIRE) -- Lead.\n\n"
         "CONTACT: Ann Lee\n         416-555-0100\n", {"contact_label": None}),
        ("globenewswire", "H\n\nTORONTO, Nov. 18, 2019 (GLOBE NEWSWIRE) -- Lead.\n\n"
         "CONTACT: Media:\n         Ann Lee\n", {}),
        ("globenewswire", "H\n\nTORONTO, Nov. 18, 2019 (GLOBE NEWSWIRE) -- Lead.\n\n"
         "CONTACT: Ann Lee\n         President and CEO\n         416-555-0100\n"
         "         ann@lee.example\n",
         {"contact_label": None, "contact_lines": CONTACT_LINES[0]}),
        ("cnw", "H\n\nTORONTO, Aug. 7, 2013 /CNW/ - Lead.\n\nSOURCE Acme Ltd.\n\n"
         "For further information: Ann Lee, Acme Ltd., 416-555-0100\n",
         {"contact_label": None, "contact_lines": CONTACT_LINES[1]}),
    ],
)  # fmt: skip
def test_each_form_proposes_its_setting(wire: str, copy: str, expected: dict[str, Any]) -> None:
    assert proposals(copy, Project().wire(wire), date_year=2008) == expected


def _import(tmp_path: Path, days: list[str], **options: Any) -> tuple[Path, Any]:
    sources = []
    for n, day in enumerate(days):
        source = tmp_path / f"release-{n}.txt"
        source.write_text(_gnw(day), encoding="utf-8")
        sources.append(source)
    out = tmp_path / "project"
    return out, import_releases(sources, out, **options)


def test_the_house_profile_writes_the_copy_again(tmp_path: Path) -> None:
    out, result = _import(tmp_path, ["07"])
    profile = out / "templates" / "wires" / "globenewswire.yaml"
    assert profile in result.written
    text = profile.read_text(encoding="utf-8")
    assert "extends: globenewswire\ndate_style: ap-padded\n" in text
    assert any("house profile for globenewswire" in note for note in result.notes)
    release = load_release(out / "release-0.yaml")
    again = render(release, "txt", wire="globenewswire", project=Project(out))
    assert again == _gnw("07")
    assert release.date == dt.date(2023, 6, 7)


def test_the_most_common_form_wins_and_the_others_are_reported(tmp_path: Path) -> None:
    out, result = _import(tmp_path, ["07", "7", "08"])
    profile = (out / "templates" / "wires" / "globenewswire.yaml").read_text(encoding="utf-8")
    assert "date_style: ap-padded" in profile
    [differs] = [n for n in result.notes if "keeps" in n]
    assert differs.startswith(f"{tmp_path / 'release-1.txt'}: date_style: ")
    assert 'keeps "ap-padded" (2 of 3 sources); this copy uses the profile\'s own' in differs


def test_copy_in_the_profile_s_own_form_writes_no_profile(tmp_path: Path) -> None:
    out, result = _import(tmp_path, ["7", "8"])
    assert not (out / "templates").exists()
    assert not any("house profile" in note for note in result.notes)


def test_settle_breaks_a_tie_by_the_first_source() -> None:
    a, b, c = Path("a.txt"), Path("b.txt"), Path("c.txt")
    settled, notes = settle([(a, "cnw", {"date_style": OWN}), (b, "cnw", {"date_style": "full"})])
    assert settled == {}
    assert [n.split(":")[0] for n in notes] == ["b.txt"]
    settled, _ = settle([(b, "cnw", {"date_style": "full"}), (a, "cnw", {"date_style": OWN})])
    assert settled == {"cnw": {"date_style": "full"}}
    # A source whose copy does not show the form (no date) does not vote.
    settled, notes = settle([(c, "cnw", {}), (b, "cnw", {"date_style": "full"})])
    assert (settled, notes) == ({"cnw": {"date_style": "full"}}, [])


def test_each_city_and_exchange_label_is_voted_on_alone() -> None:
    a, b, c = Path("a.txt"), Path("b.txt"), Path("c.txt")
    said = [
        (a, "cnw", {"standalone_also:Vancouver": True, "exchange_labels:Nasdaq": "NASDAQ"}),
        (b, "cnw", {"standalone_also:Calgary": True, "exchange_labels:Nasdaq": OWN}),
        (c, "cnw", {"standalone_also:Vancouver": OWN, "exchange_labels:TSXV": "TSX-V"}),
    ]
    settled, notes = settle(said, {"cnw": Project().wire("cnw")})
    # Vancouver: a tie, the first source wins; Calgary: one vote; Nasdaq: a tie.
    assert settled == {
        "cnw": {
            "standalone_also": ["Vancouver", "Calgary"],
            "exchange_labels": {"Nasdaq": "NASDAQ", "TSXV": "TSX-V"},
        }
    }
    assert sorted(n.split(":")[0] for n in notes) == ["b.txt", "c.txt"]


EXISTING = "# Our GlobeNewswire copy\nextends: globenewswire\ndescription: Ours\nwrap: 200\n"


def test_an_existing_house_profile_is_not_overwritten_without_force(tmp_path: Path) -> None:
    profile = tmp_path / "project" / "templates" / "wires" / "globenewswire.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_text(EXISTING, encoding="utf-8")
    with pytest.raises(InputError) as info:
        _import(tmp_path, ["07"])
    [problem] = info.value.problems
    assert problem.file == str(profile)
    assert "never overwrites a file without --force" in problem.message
    assert profile.read_text(encoding="utf-8") == EXISTING
    assert not (tmp_path / "project" / "release-0.yaml").exists()


def test_force_updates_an_existing_house_profile_and_keeps_the_rest(tmp_path: Path) -> None:
    profile = tmp_path / "project" / "templates" / "wires" / "globenewswire.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_text(EXISTING, encoding="utf-8")
    out, _ = _import(tmp_path, ["07"], force=True)
    assert profile.read_text(encoding="utf-8") == EXISTING + "date_style: ap-padded\n"
    again = render(load_release(out / "release-0.yaml"), "txt", wire="globenewswire",
                   project=Project(out))  # fmt: skip
    assert again == _gnw("07")


def test_a_house_profile_that_writes_the_forms_already_is_left_alone(tmp_path: Path) -> None:
    profile = tmp_path / "project" / "templates" / "wires" / "globenewswire.yaml"
    profile.parent.mkdir(parents=True)
    house = EXISTING + "date_style: ap-padded\n"
    profile.write_text(house, encoding="utf-8")
    _, result = _import(tmp_path, ["07", "08"])
    assert profile not in result.written
    assert profile.read_text(encoding="utf-8") == house
    assert [r.reproduced for r in result.releases] == [r.lines for r in result.releases]


def test_the_issuer_is_the_lead_s_company_or_the_source_line_s(tmp_path: Path) -> None:
    # Neither copy has a listing or an About section.
    lead = tmp_path / "lead.txt"
    lead.write_text(
        "Orrin Supply Opens in Regina\n\nTORONTO, June 29, 2011 /CNW/ - Orrin Supply Inc., a "
        "maker of tools, opened a store.\n\nThe store has 40 staff.\n",
        encoding="utf-8",
    )
    source = tmp_path / "source.txt"
    source.write_text(
        "Ferry Rules Change\n\nTORONTO, June 29, 2011 /CNW/ - The government changed the "
        "ferry rules.\n\nSOURCE Transport Office\n",
        encoding="utf-8",
    )
    result = import_releases([lead, source], tmp_path / "out")
    assert [load_release(tmp_path / "out" / f"{n}.yaml").companies[0].name
            for n in ("lead", "source")] == ["Orrin Supply Inc.", "Transport Office"]  # fmt: skip
    assert f"{lead}:3: Orrin Supply Inc.: a company named only in the lead" in result.notes
    assert [r.reproduced for r in result.releases] == [r.lines for r in result.releases]


def test_the_command_reports_the_house_profile_and_refuses_to_overwrite_it(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from prwriter.cli import app

    source = tmp_path / "r.txt"
    source.write_text(_gnw("07"), encoding="utf-8")
    out = tmp_path / "project"
    first = CliRunner().invoke(app, ["import", str(source), "--output-dir", str(out)])
    assert first.exit_code == 0, first.stderr
    profile = out / "templates" / "wires" / "globenewswire.yaml"
    assert f"wrote {profile}" in first.stdout
    assert "the house profile for globenewswire writes the copy's forms: date_style" in first.stderr
    (out / "r.yaml").unlink()
    profile.write_text("extends: globenewswire\n", encoding="utf-8")
    again = CliRunner().invoke(app, ["import", str(source), "--output-dir", str(out)])
    assert again.exit_code == 2
    assert f"{profile}: exists; prwriter import never overwrites a file without --force" in (
        again.stderr
    )
    assert profile.read_text(encoding="utf-8") == "extends: globenewswire\n"


CNW = """\
Ridge Transit Adds Night Buses

{place}, Aug. 7, 2013 /CNW/ - Ridge Transit Ltd. (TSX: RGT) today added six night routes.

SOURCE Ridge Transit Ltd.
"""


@pytest.mark.parametrize(
    ("place", "written", "house"),
    [
        # Written alone, as the profile writes it: the profile stays as it is.
        ("VANCOUVER", False, "extends: cnw\nstandalone_also: [Vancouver, Calgary]\n"),
        # Written with its province: Vancouver leaves the list.
        ("VANCOUVER, BC", True, "extends: cnw\nstandalone_also:\n- Calgary\n"),
    ],
)
def test_a_city_the_house_profile_lists_is_kept_or_dropped_as_the_copy_writes_it(
    place: str, written: bool, house: str, tmp_path: Path
) -> None:
    profile = tmp_path / "out" / "templates" / "wires" / "cnw.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_text("extends: cnw\nstandalone_also: [Vancouver, Calgary]\n", encoding="utf-8")
    source = tmp_path / "r.txt"
    source.write_text(CNW.replace("{place}", place), encoding="utf-8")
    result = import_releases([source], tmp_path / "out", force=True)
    assert (profile in result.written) == written
    assert profile.read_text(encoding="utf-8") == house
    [imported] = result.releases
    assert imported.reproduced == imported.lines


# French copy on CNW's French service, its spacing before `: ; ! ?` and inside « » as {gap}.
CNW_FR = """\
Boulangerie Laurier ouvre un atelier à Laval

LAVAL, QC, le {day} mars 2022 /CNW/ - Boulangerie Laurier inc. ouvre aujourd'hui un atelier \
à Laval{gap}!

Sylvie Gagnon, présidente, a déclaré{gap}: «{gap}Nos pains seront livrés dès l'aube.{gap}»

L'atelier emploiera 25 personnes.

SOURCE Boulangerie Laurier inc.

Renseignements{gap}: Médias{gap}:
Boulangerie Laurier inc.
Sylvie Gagnon, 450-555-0190
"""


def _cnw_fr(gap: str, day: int = 3) -> str:
    return CNW_FR.replace("{gap}", gap).replace("{day}", str(day))


def _import_fr(tmp_path: Path, gaps: list[str]) -> tuple[Path, Any]:
    sources = []
    for n, gap in enumerate(gaps):
        source = tmp_path / f"communique-{n}.txt"
        source.write_text(_cnw_fr(gap, n + 3), encoding="utf-8")
        sources.append(source)
    out = tmp_path / "project"
    return out, import_releases(sources, out)


@pytest.mark.parametrize(
    ("copy", "expected"),
    [
        ("Il a dit : « Oui » ; enfin !", "plain"),
        ("Il a dit\u00a0: «\u00a0Oui\u00a0»\u00a0; enfin\u00a0!", "nbsp"),
        ("Il a dit\u00a0: «\u00a0Oui\u00a0»\u202f; enfin\u202f!", "narrow"),
        ("Il a dit: «Oui»; enfin!", "none"),
        # A listing's colon is the issuer's form; times and URLs are no marks.
        ("Acme (TSX: AC) ouvre à 11:30 https://acme.example : « Oui »", "plain"),
    ],
)
def test_the_spacing_french_copy_prints(copy: str, expected: str) -> None:
    assert spacing(copy) == expected


def test_spacing_is_none_without_marks_and_ties_go_to_the_profile_s_own() -> None:
    assert spacing("Acme (TSX: AC) ouvre à 11:30.") is None
    # Before `:` and inside « », nbsp and narrow write the same space.
    assert spacing("Il a dit\u00a0: «\u00a0Oui\u00a0»", "narrow") == "narrow"
    assert spacing("Il a dit\u00a0: «\u00a0Oui\u00a0»", "nbsp") == "nbsp"


def test_french_copy_with_plain_spaces_gets_a_house_profile_and_round_trips(
    tmp_path: Path,
) -> None:
    # (Copy with no space at all is not written whole by `none`: the profile's own
    # templates, `Renseignements :`, keep their plain spaces.)
    out, result = _import_fr(tmp_path, [" "])
    profile = out / "templates" / "wires" / "cnw.yaml"
    assert profile in result.written
    text = profile.read_text(encoding="utf-8")
    assert "extends: cnw\nlanguages:\n  fr:\n    space_before_marks: plain\n" in text
    release = load_release(out / "communique-0.yaml")
    again = render(release, "txt", wire="cnw", project=Project(out))
    assert again == _cnw_fr(" ")
    # The profile's other French settings still hold (its dateline, its quote form).
    assert release.language == "fr-CA"
    assert result.releases[0].reproduced == result.releases[0].lines


def test_french_copy_in_the_profile_s_own_spacing_writes_no_profile(tmp_path: Path) -> None:
    out, result = _import_fr(tmp_path, ["\u00a0"])
    assert not (out / "templates").exists()
    assert not any("house profile" in note for note in result.notes)
    again = render(load_release(out / "communique-0.yaml"), "txt", wire="cnw",
                   project=Project(out))  # fmt: skip
    assert again == _cnw_fr("\u00a0", 3)


def test_french_sources_vote_on_their_spacing(tmp_path: Path) -> None:
    out, result = _import_fr(tmp_path, [" ", "\u00a0", " "])
    profile = (out / "templates" / "wires" / "cnw.yaml").read_text(encoding="utf-8")
    assert "space_before_marks: plain" in profile
    [differs] = [n for n in result.notes if "keeps" in n]
    assert differs.startswith(f"{tmp_path / 'communique-1.txt'}: languages:fr:space_before_marks")
    assert 'keeps "plain" (2 of 3 sources); this copy uses the profile\'s own' in differs
    # The dissenter is measured in the house profile the project gets.
    assert [r.reproduced < r.lines for r in result.releases] == [False, True, False]


def test_settle_folds_a_language_s_settings_into_its_entry() -> None:
    a, b = Path("a.txt"), Path("b.txt")
    said = [(a, "cnw", {"languages:fr:space_before_marks": "plain", "date_style": OWN}),
            (b, "cnw", {"languages:fr:space_before_marks": "plain"})]  # fmt: skip
    settled, notes = settle(said)
    assert settled == {"cnw": {"languages": {"fr": {"space_before_marks": "plain"}}}}
    assert notes == []


def test_force_changes_one_setting_of_a_language_and_keeps_the_others(tmp_path: Path) -> None:
    profile = tmp_path / "project" / "templates" / "wires" / "cnw.yaml"
    profile.parent.mkdir(parents=True)
    existing = "extends: cnw\nlanguages:\n  fr:\n    quote_comma: outside\n"
    profile.write_text(existing, encoding="utf-8")
    out = tmp_path / "project"
    source = tmp_path / "communique.txt"
    source.write_text(_cnw_fr(" "), encoding="utf-8")
    import_releases([source], out, force=True)
    assert profile.read_text(encoding="utf-8") == existing + "    space_before_marks: plain\n"
