"""French, German and Spanish copy read back: the forms each profile writes in the copy's
language (dates, embargo lines, quotes with the language's verbs, legal headings, contact
labels), and the release's `language:` detected from them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import DATA, REPO
from prwriter import InputError, Project, import_releases, load_release, render
from prwriter.errors import display_path
from prwriter.importing.languages import read_local_date, read_local_moment, read_local_places
from prwriter.yaml_source import read_yaml

BOREAL = REPO / "examples" / "boreal-bilingual"


def _round_trip(
    release_yaml: Path, wire: str, tmp_path: Path, language: str | None = None
) -> tuple[str, str, dict]:
    """The release rendered through `wire`, imported, and rendered again."""
    text = render(load_release(release_yaml, language=language), "txt", wire=wire)
    assert isinstance(text, str)
    source = tmp_path / "copy.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = import_releases([source], out, date=dt.date(2020, 1, 1))
    [imported] = result.releases
    again = render(load_release(out / "copy.yaml"), "txt", wire=imported.wire, project=Project(out))
    assert isinstance(again, str)
    return text, again, read_yaml(out / "copy.yaml").data


def _edited(tmp_path: Path, folder: Path, old: str, new: str) -> Path:
    copy = tmp_path / "fixture"
    shutil.copytree(folder, copy)
    path = copy / "release.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "wire", "tag", "expected"),
    [
        ("22 avril 2024", "cnw", "fr-CA", dt.date(2024, 4, 22)),
        ("7 févr. 2021", "cnw", "fr-CA", dt.date(2021, 2, 7)),
        ("09 mai 2023", "globenewswire", "fr-CA", dt.date(2023, 5, 9)),
        ("1er mars 2024", "print", "fr-CA", dt.date(2024, 3, 1)),
        ("19. März 2020", "dgap", "de-DE", dt.date(2020, 3, 19)),
        ("26 de octubre de 2011", "prnewswire", "es", dt.date(2011, 10, 26)),
    ],
)
def test_dates_in_the_profiles_pattern_come_back(
    written: str, wire: str, tag: str, expected: dt.date
) -> None:
    profile = Project(REPO).wire(wire, tag)
    assert read_local_date(written, profile, tag) == expected


@pytest.mark.parametrize(
    ("written", "wire", "tag"),
    [
        ("22 avr. 2024", "cnw", "fr-CA"),  # CNW spells April out
        ("9 mai 2023", "globenewswire", "fr-CA"),  # GlobeNewswire pads the day
        ("1 mars 2024", "print", "fr-CA"),  # French print writes 1er
        ("March 19, 2020", "dgap", "de-DE"),
    ],
)
def test_a_date_not_in_the_profiles_form_is_not_read(written: str, wire: str, tag: str) -> None:
    profile = Project(REPO).wire(wire, tag)
    assert read_local_date(written, profile, tag) is None


@pytest.mark.parametrize(
    ("written", "wire", "expected"),
    [
        ("MONTRÉAL", "cnw", {"city": "Montreal"}),  # the AP name, as English copy has it
        ("QUÉBEC", "cnw", {"city": "Quebec City"}),
        ("CHÂTEAUGUAY, QC", "cnw", {"city": "Châteauguay", "province": "Quebec"}),
        ("VANCOUVER, Colombie-Britannique", "print", {"city": "Vancouver",
                                                      "province": "British Columbia"}),
    ],
)  # fmt: skip
def test_french_dateline_places_come_back(written: str, wire: str, expected: dict) -> None:
    profile = Project(REPO).wire(wire, "fr-CA")
    assert read_local_places(written, profile, "fr-CA") == [expected]


def test_a_french_embargo_comes_back(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        BOREAL,
        "date: 2024-04-22\n",
        "date: 2024-03-01\nembargo: {until: 2024-03-01T08:30, timezone: America/Toronto}\n",
    )
    text, again, facts = _round_trip(path, "print", tmp_path, language="fr-CA")
    assert text.startswith("SOUS EMBARGO JUSQU'AU 8 h 30 HE, 1er mars 2024\n")
    assert again == text
    assert facts["embargo"]["until"] == "2024-03-01T08:30"
    assert str(facts["date"]) == "2024-03-01"
    profile = Project(REPO).wire("print", "fr-CA")
    moment = read_local_moment("8 h 30 HE, 1er mars 2024", profile, "fr-CA")
    assert moment is not None and moment[0] == dt.datetime(2024, 3, 1, 8, 30)


def test_a_german_verb_and_legal_heading_come_back(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        DATA / "languages" / "de",
        "      speaker: feldberg-ceo\n",
        "      speaker: feldberg-ceo\n      verb: erklärte\n",
    )
    path.write_text(path.read_text(encoding="utf-8") + "legal: [outlook]\n", encoding="utf-8")
    (path.parent / "boilerplates" / "legal").mkdir()
    (path.parent / "boilerplates" / "legal" / "outlook.yaml").write_text(
        "kind: forward-looking\nheading: Zukunftsgerichtete Aussagen\n"
        "text: Diese Mitteilung enthält zukunftsgerichtete Aussagen über das neue Werk.\n",
        encoding="utf-8",
    )
    text, again, facts = _round_trip(path, "dgap", tmp_path)
    assert "wächst“, erklärte Anna Weber, Vorstandsvorsitzende." in text
    assert again == text
    assert facts["language"] == "de-DE"
    [quote] = [part["quote"] for part in facts["body"] if isinstance(part, dict)]
    assert quote["verb"] == "erklärte"
    [legal_id] = facts["legal"]
    legal = read_yaml(tmp_path / "out" / "boilerplates" / "legal" / f"{legal_id}.yaml").data
    assert legal["kind"] == "forward-looking"
    assert legal["heading"] == "Zukunftsgerichtete Aussagen"


def test_a_spanish_verb_other_than_the_default_is_kept(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        DATA / "languages" / "es",
        "      speaker: solmar-ceo\n",
        "      speaker: solmar-ceo\n      verb: afirmó\n",
    )
    text, again, facts = _round_trip(path, "prnewswire", tmp_path)
    assert "directora general, afirmó, " in text
    assert again == text
    [quote] = [part["quote"] for part in facts["body"] if isinstance(part, dict)]
    assert quote["verb"] == "afirmó"
    assert facts["language"] == "es"


def test_the_default_verb_is_not_written(tmp_path: Path) -> None:
    _, _, facts = _round_trip(BOREAL / "release.yaml", "cnw", tmp_path, language="fr-CA")
    [quote] = [part["quote"] for part in facts["body"] if isinstance(part, dict)]
    assert "verb" not in quote  # a déclaré is French copy's default


def test_a_dateline_without_a_date_takes_the_language_from_the_about_heading(
    tmp_path: Path,
) -> None:
    # Business Wire's dateline has no date: only the copy's forms tell French from English.
    text, again, facts = _round_trip(BOREAL / "release.yaml", "businesswire", tmp_path, "fr-CA")
    assert "\nÀ propos de Lumière Boréale inc.\n" in text
    assert again == text
    assert facts["language"] == "fr-CA"


def test_the_french_listing_keeps_the_issuers_spacing(tmp_path: Path) -> None:
    text, again, _ = _round_trip(BOREAL / "release.yaml", "cnw", tmp_path, language="fr-CA")
    assert "(TSX\u00a0: LUMB)" in text and again == text
    [company] = (tmp_path / "out" / "boilerplates" / "companies").glob("*.yaml")
    assert read_yaml(company).data["ticker_spacing"] == "spaced"


def test_wire_given_reads_the_copys_language(tmp_path: Path) -> None:
    golden = DATA / "golden" / "languages" / "boreal.fr-CA.cnw.txt"
    result = import_releases([golden], tmp_path, wire="cnw")
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    assert read_yaml(tmp_path / f"{golden.stem}.yaml").data["language"] == "fr-CA"


# The study set's copy in other languages (docs/import.md records the forms they follow).
STUDY = {"cnw-fr": "fr", "businesswire-fr": "fr", "dgap": "de", "prnewswire-es": "es"}
STUDY_SOURCES = sorted(p for f in STUDY for p in (DATA / "import-study" / f).glob("*.txt"))


@pytest.mark.parametrize("source", STUDY_SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_copy_forms_are_read_in_their_language(source: Path, tmp_path: Path) -> None:
    import_releases([source], tmp_path, date=dt.date(2021, 7, 14))
    release = load_release(tmp_path / f"{source.stem}.yaml")
    assert release.language.split("-")[0] == STUDY[source.parent.name]
    # One issuer, found from its listing, its About heading or the source line, however
    # the copy names it (`La Coopérative …` in the source line, `À propos de la …`).
    assert len(release.companies) == 1


def test_a_french_dateline_without_its_year_takes_the_year_given(tmp_path: Path) -> None:
    # CNW Telbec before about 2011: "MONTREAL, le 7 déc. /CNW Telbec/ - ", no year.
    house = tmp_path / "out" / "templates" / "wires" / "telbec-2007.yaml"
    house.parent.mkdir(parents=True)
    house.write_text(
        "description: CNW Telbec, French copy without the year\nextends: cnw-telbec\n"
        "dateline_year: false\n",
        encoding="utf-8",
    )
    project = Project(tmp_path / "out")
    release = load_release(BOREAL / "release.yaml", language="fr-CA")
    text = render(release, "txt", wire="telbec-2007", project=project)
    assert isinstance(text, str) and "\nMONTRÉAL, le 22 avril /CNW Telbec/ - " in text
    source = tmp_path / "copy.txt"
    source.write_text(text, encoding="utf-8")
    result = import_releases([source], tmp_path / "out", date=dt.date(2024, 1, 1))
    [imported] = result.releases
    assert imported.wire == "telbec-2007"
    facts = read_yaml(tmp_path / "out" / "copy.yaml").data
    assert str(facts["date"]) == "2024-04-22"
    again = render(load_release(tmp_path / "out" / "copy.yaml"), "txt", wire=imported.wire,
                   project=Project(tmp_path / "out"))  # fmt: skip
    assert again == text


@pytest.mark.parametrize("language", ["en-CA", "fr-CA"])
def test_the_bilingual_examples_contact_comes_back_as_its_fields(
    language: str, tmp_path: Path
) -> None:
    # Élise: a name that starts past ASCII is a name, not a contact kept as text.
    golden = DATA / "golden" / "languages" / f"boreal.{language}.cnw.txt"
    import_releases([golden], tmp_path)
    [contact] = (tmp_path / "boilerplates" / "contacts").glob("*.yaml")
    expected = read_yaml(BOREAL / "boilerplates" / "contacts" / "boreal-press.yaml").data
    assert read_yaml(contact).data == expected


@pytest.mark.parametrize("french_first", [False, True], ids=["english-first", "french-first"])
@pytest.mark.parametrize("wire", ["cnw", "print"])
def test_a_bilingual_pair_shares_one_library(wire: str, french_first: bool, tmp_path: Path) -> None:
    # The English and French copies of one release: one company, one person, each copy's
    # words kept (the French as the entries' translations), both copies rendered again
    # from the library as it is at the end.
    pair = [
        DATA / "golden" / "languages" / f"boreal.{tag}.{wire}.txt" for tag in ("en-CA", "fr-CA")
    ]
    sources = pair[::-1] if french_first else pair
    result = import_releases(sources, tmp_path)
    assert all(r.reproduced == r.lines for r in result.releases), result.notes
    project = Project(tmp_path)
    for golden in pair:
        release = load_release(tmp_path / f"{golden.stem}.yaml", project=project)
        assert render(release, "txt", wire=wire, project=project) == golden.read_text(
            encoding="utf-8"
        )
    assert len(list((tmp_path / "boilerplates" / "companies").glob("*.yaml"))) == 1
    [person] = (tmp_path / "boilerplates" / "people").glob("*.yaml")
    expected = read_yaml(BOREAL / "boilerplates" / "people" / "boreal-ceo.yaml").data
    assert read_yaml(person).data == expected


LANGUAGE_FIXTURES = {
    "fr-CA": (BOREAL / "release.yaml", "fr-CA"),
    "de": (DATA / "languages" / "de" / "release.yaml", None),
    "es": (DATA / "languages" / "es" / "release.yaml", None),
}
SHIPPED = sorted(p.stem for p in (REPO / "templates" / "wires").glob("*.yaml"))


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize("wire", SHIPPED)
@pytest.mark.parametrize("fixture", list(LANGUAGE_FIXTURES))
def test_every_profile_writes_copy_in_other_languages_that_comes_back(
    fixture: str, wire: str, ascii_only: bool, tmp_path: Path
) -> None:
    # Profiles without forms of their own for the language write CLDR's date and the
    # language's labels: those come back too, in the language written.
    path, language = LANGUAGE_FIXTURES[fixture]
    original = load_release(path, language=language)
    text = render(original, "txt", wire=wire, ascii=ascii_only)
    assert isinstance(text, str)
    source = tmp_path / "copy.txt"
    source.write_text(text, encoding="utf-8")
    result = import_releases([source], tmp_path / "out", date=original.date)
    [imported] = result.releases
    release = load_release(tmp_path / "out" / "copy.yaml")
    assert release.language.split("-")[0] == original.language.split("-")[0]
    again = render(
        release, "txt", wire=imported.wire, ascii=imported.ascii, project=Project(tmp_path / "out")
    )
    assert again == text


def test_a_german_company_is_named_without_its_article(tmp_path: Path) -> None:
    # No About section to name it: the listing after "Die Feldberg Sensorik AG" does, and
    # the declined article is not part of the name.
    fixture = tmp_path / "fixture"
    shutil.copytree(DATA / "languages" / "de", fixture)
    company = fixture / "boilerplates" / "companies" / "feldberg.yaml"
    text = company.read_text(encoding="utf-8")
    company.write_text(text[: text.index("about:")], encoding="utf-8")
    copy, again, _ = _round_trip(fixture / "release.yaml", "dgap", tmp_path)
    assert "\nWalldorf, 19. März 2020 - Die Feldberg Sensorik AG (FSE: FBS)" in copy
    assert again == copy
    [entry] = (tmp_path / "out" / "boilerplates" / "companies").glob("*.yaml")
    assert read_yaml(entry).data["name"] == "Feldberg Sensorik AG"


def test_a_wire_given_whose_dateline_the_copy_lacks_is_named(tmp_path: Path) -> None:
    golden = DATA / "golden" / "languages" / "boreal.fr-CA.cnw.txt"  # /CNW/, not /CNW Telbec/
    with pytest.raises(InputError, match="no dateline in the form of the 'cnw-telbec' profile"):
        import_releases([golden], tmp_path, wire="cnw-telbec")
    assert not tmp_path.joinpath(f"{golden.stem}.yaml").exists()


@pytest.mark.parametrize(
    "name", ["boreal.fr-CA.cnw.ascii.txt", "de.dgap.ascii.txt", "boreal.en-CA.print.ascii.txt"]
)
def test_quotes_in_ascii_copy_come_back_as_quotes(name: str, tmp_path: Path) -> None:
    # `"Nous sommes ...", a declare`: the profile's « » and „“ as --ascii folds them.
    golden = DATA / "golden" / "languages" / name
    result = import_releases([golden], tmp_path, date=dt.date(2024, 4, 22))
    assert not [n for n in result.notes if "a quote in a form" in n]
    facts = read_yaml(tmp_path / f"{golden.stem}.yaml").data
    [quote] = [part["quote"] for part in facts["body"] if isinstance(part, dict)]
    speaker = read_yaml(tmp_path / "boilerplates" / "people" / f"{quote['speaker']}.yaml").data
    assert speaker["name"] in {"Mathieu Gagnon", "Anna Weber"}


def test_contacts_under_a_label_the_profile_does_not_write_are_reported(tmp_path: Path) -> None:
    # CNW Telbec 2019: `Source :` then the contact's lines, above the SOURCE line.
    source = DATA / "import-study" / "cnw-fr" / "2019-telbec-source-block.txt"
    result = import_releases([source], tmp_path, date=dt.date(2021, 7, 14))
    [note] = [n for n in result.notes if "contacts in a form" in n]
    assert note.startswith(f"{display_path(source)}:9: ")
    assert "'Source :'" in note
    facts = read_yaml(tmp_path / f"{source.stem}.yaml").data
    # Kept in its place, as text, never dropped.
    assert "contacts" not in facts
    assert facts["body"][-1].startswith("Source :\\\nClaudine Morin")
