"""Releases in French, German and Spanish through the wire profiles' per-language settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker
from prwriter.errors import InputError
from prwriter.project import Project
from prwriter.style.typography import NBSP

BOREAL = REPO / "examples" / "boreal-bilingual" / "release.yaml"


def french(wire: str, **kwargs: bool) -> str:
    release = prwriter.load_release(BOREAL, language="fr-CA")
    text = prwriter.render(release, "txt", wire=wire, **kwargs)
    assert isinstance(text, str)
    return text


@pytest.mark.parametrize(
    ("wire", "dateline"),
    [
        ("cnw", "MONTRÉAL, le 22 avril 2024 /CNW/ - "),
        ("cnw-telbec", "MONTRÉAL, le 22 avril 2024 /CNW Telbec/ - "),
        ("globenewswire", "MONTRÉAL, 22 avril 2024 (GLOBE NEWSWIRE) -- "),
        ("print", "MONTRÉAL, 22 avril 2024 — "),
    ],
)
def test_french_datelines(wire: str, dateline: str) -> None:
    assert f"\n{dateline}Lumière Boréale inc. (TSX{NBSP}: LUMB) annonce" in french(wire)


def test_cnw_french_keeps_the_english_source_line_and_labels_its_contacts() -> None:
    text = french("cnw")
    assert "\nSOURCE Lumière Boréale inc.\n\nRenseignements\u00a0: Médias\u00a0:\n" in text
    assert f"a déclaré{NBSP}: «{NBSP}Nous sommes fiers" in text
    assert "À propos de Lumière Boréale inc.\n" in text


def test_print_copy_in_french() -> None:
    text = french("print")
    assert text.startswith("POUR DIFFUSION IMMÉDIATE\n\nRenseignements\n")
    assert "clients\u202f!\u00a0»" in text
    assert text.rstrip().endswith("-30-")


def test_ascii_folds_accents_and_spaces_only_when_asked() -> None:
    assert "MONTRÉAL" in french("cnw")
    folded = french("cnw", ascii=True)
    assert "MONTREAL, le 22 avril 2024 /CNW/ - " in folded
    assert 'a declare : "Nous' in folded.replace("\n", " ")
    assert folded.isascii()
    assert not any(line.startswith((":", "!", "?", ";")) for line in folded.splitlines())


def copy_example(tmp_path: Path) -> Path:
    folder = tmp_path / "boreal"
    shutil.copytree(BOREAL.parent, folder)
    return folder


def test_the_issuer_chooses_the_ticker_spacing(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    company = folder / "boilerplates" / "companies" / "boreal.yaml"
    text = company.read_text(encoding="utf-8")
    company.write_text(text.replace("ticker_spacing: spaced\n", ""), encoding="utf-8")
    release = prwriter.load_release(folder / "release.yaml", language="fr-CA")
    assert "(TSX: LUMB)" in str(prwriter.render(release, "txt", wire="cnw"))
    # English copy never spaces the colon, whatever the issuer's French preference.
    assert "(TSX: LUMB)" in str(prwriter.render(prwriter.load_release(BOREAL), "txt", wire="cnw"))


QUOTE = """
  - quote:
      speaker: {name: Anna Weber, title: Vorstandsvorsitzende}
      text: Wir sind von diesem Ergebnis überzeugt.
"""


def test_german_issuer_copy_through_dgap(make_project: ProjectMaker) -> None:
    release = (
        ACME_RELEASE.replace("{city: Dayton, state: Ohio}", "{city: Walldorf, country: Germany}")
        .replace("date: 2025-03-05", "date: 2020-03-19\nlanguage: de-DE")
        .replace(
            "body: Acme, Inc. today opened a plant in Dayton.",
            "body:\n  - Acme, Inc. eröffnet ein Werk." + QUOTE,
        )
    )
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="dgap")
    assert isinstance(text, str)
    assert "\nWalldorf, 19. März 2020 - Acme, Inc." in text
    quote = "„Wir sind von diesem Ergebnis überzeugt“, sagte Anna Weber, Vorstandsvorsitzende."
    assert quote in text
    assert "Über Acme, Inc." in text


def test_spanish_copy_through_pr_newswire(make_project: ProjectMaker) -> None:
    release = (
        ACME_RELEASE.replace("{city: Dayton, state: Ohio}", "{city: New York, state: NY}")
        .replace("date: 2025-03-05", "date: 2021-10-26\nlanguage: es")
        .replace("Acme, Inc. today opened a plant in Dayton.", "Acme, Inc. abre una planta.")
    )
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="prnewswire")
    assert isinstance(text, str)
    assert "\nNUEVA YORK, 26 de octubre de 2021 /PRNewswire-HISPANIC PR WIRE/ -- Acme" in text
    assert "\nFUENTE Acme, Inc.\n" in text
    assert "Acerca de Acme, Inc." in text


def test_a_house_profile_changes_one_language_setting(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "templates/wires/house.yaml": """
                description: House CNW
                extends: cnw
                languages:
                  fr: {contacts_heading: "Pour information :"}
            """,
        }
    )
    wire = Project.find(project).wire("house", "fr-CA")
    assert wire.contacts_heading == "Pour information :"
    assert wire.dateline == "{place}, le {date} /CNW/ - "  # kept from cnw's French settings
    assert Project.find(project).wire("house", "en-CA").dateline == "{place}, {date} /CNW/ - "


def test_a_wrong_language_setting_is_located(make_project: ProjectMaker) -> None:
    project = make_project(
        {
            "templates/wires/house.yaml": """
                description: House
                dateline: "{place} - "
                languages:
                  fr: {datelines: "{place}"}
            """,
        }
    )
    with pytest.raises(InputError) as caught:
        Project.find(project).wire("house")
    problem = caught.value.problems[0]
    assert problem.file.endswith("house.yaml") and problem.line == 4
    assert "fr: unknown setting 'datelines'; did you mean 'dateline'?" in problem.message


def test_page_numbers_in_the_copys_language() -> None:
    from prwriter.html_document import page_number_css

    css = page_number_css("Page {page} de {pages}")
    assert 'content: "Page " counter(page) " de " counter(pages);' in css


def test_french_html_and_docx_number_pages_and_space_marks_in_french() -> None:
    import io

    import docx

    release = prwriter.load_release(BOREAL, language="fr-CA")
    html = prwriter.render(release, "html")
    assert isinstance(html, str)
    assert '<html lang="fr-CA">' in html
    assert '" de " counter(pages)' in html
    assert "Renseignements" in html and f"a déclaré{NBSP}: «{NBSP}Nous" in html
    data = prwriter.render(release, "docx")
    assert isinstance(data, bytes)
    footer = docx.Document(io.BytesIO(data)).sections[0].footer.paragraphs[0].text
    assert footer.startswith("Page ") and " de " in footer


# --- the bilingual example ---------------------------------------------------------------


def test_one_file_holds_both_languages() -> None:
    english = prwriter.load_release(BOREAL)
    assert english.language == "en-CA" and english.translations == ["fr-CA"]
    french_release = prwriter.load_release(BOREAL, language="fr-CA")
    assert french_release.language == "fr-CA" and french_release.translations == []
    # Facts are shared; words, titles, About texts, legal blocks and labels are translated.
    assert french_release.date == english.date and french_release.dateline == english.dateline
    assert french_release.headline.startswith("Lumière Boréale ouvre")
    assert french_release.contacts[0].label == "Médias"
    assert french_release.legal[0].heading == "Énoncés prospectifs"
    assert french_release.companies[0].about_heading == "À propos de Lumière Boréale inc."
    quote = next(b for b in french_release.body if isinstance(b, prwriter.Quote))
    assert quote.speaker.title == "président et chef de la direction"
    assert quote.verb == "a déclaré"


def test_generate_writes_one_file_per_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from prwriter.cli import app

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["generate", str(BOREAL), "-f", "txt,md", "-o", str(out), "-w", "cnw", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "release.fr-CA.md", "release.fr-CA.txt", "release.md", "release.txt"
    ]  # fmt: skip
    assert "/CNW/ - " in (out / "release.txt").read_text(encoding="utf-8")
    assert "le 22 avril 2024 /CNW/" in (out / "release.fr-CA.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "old", "new", "where"),
    [
        ("companies/boreal.yaml", "translations:\n  fr:", "translations:\n  de:", "about"),
        ("people/boreal-ceo.yaml", "translations:\n  fr:", "translations:\n  de:", "title"),
        ("legal/boreal-forward-looking.yaml", "\n  fr:\n", "\n  de:\n", "text"),
    ],
)
def test_a_missing_library_translation_is_located(
    kind: str, old: str, new: str, where: str, tmp_path: Path
) -> None:
    folder = copy_example(tmp_path)
    path = folder / "boilerplates" / kind
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        prwriter.load_release(folder / "release.yaml", language="fr-CA")
    problem = caught.value.problems[0]
    assert problem.file.endswith(kind) and problem.field == where
    assert "no fr-CA version" in problem.message and "translations:" in problem.message
    # The English release needs no translation.
    prwriter.load_release(folder / "release.yaml")


def test_a_missing_contact_label_translation_is_located(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    path = folder / "release.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    translations: {fr-CA: Médias}\n", ""), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        prwriter.load_release(path, language="fr-CA")
    problem = caught.value.problems[0]
    assert problem.field == "contacts[0].label" and "fr-CA" in problem.message


def test_an_unknown_translation_is_refused() -> None:
    with pytest.raises(InputError, match="no de-DE translation"):
        prwriter.load_release(BOREAL, language="de-DE")


GOLDEN = DATA / "golden" / "languages"
FORMATS = [
    *((wire, "txt", ascii_only) for wire in ("cnw", "globenewswire", "print")
      for ascii_only in (False, True)),
    ("print", "md", False), ("print", "html", False), ("print", "json", False),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en-CA", "fr-CA"])
@pytest.mark.parametrize(("wire", "fmt", "ascii_only"), FORMATS)
def test_bilingual_goldens(
    language: str, wire: str, fmt: str, ascii_only: bool, update_golden: bool
) -> None:
    release = prwriter.load_release(BOREAL, language=None if language == "en-CA" else language)
    text = prwriter.render(release, fmt, wire=wire, ascii=ascii_only)
    assert isinstance(text, str)
    suffix = ".ascii" if ascii_only else ""
    golden = GOLDEN / f"boreal.{language}.{wire}{suffix}.{fmt}"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("language", [None, "fr-CA"])
def test_bilingual_pdf_and_docx_are_deterministic(fmt: str, language: str | None) -> None:
    release = prwriter.load_release(BOREAL, language=language)
    first, second = prwriter.render(release, fmt), prwriter.render(release, fmt)
    assert isinstance(first, bytes) and first == second


def test_new_starts_a_french_release(make_project: ProjectMaker) -> None:
    from typer.testing import CliRunner

    from prwriter.cli import app

    project = make_project({"prwriter.toml": ""})
    target = project / "fr.yaml"
    args = ["new", str(target), "--company", "acme", "--date", "2024-04-22", "--language", "fr-CA"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    release = prwriter.load_release(target)
    assert release.language == "fr-CA"
    assert release.dateline[0].city == "Montreal"  # AP writes it alone
    text = prwriter.render(release, "txt", wire="cnw")
    assert isinstance(text, str)
    assert "\nMONTRÉAL, le 22 avril 2024 /CNW/ - " in text
    # The sample copy is caught until it is replaced, in French as in English.
    [result] = prwriter.check(release)
    assert "ST009" in {f.rule for f in result.findings}


def test_a_french_embargo_in_print(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    path = folder / "release.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "date: 2024-04-22\n",
        "date: 2024-03-01\nembargo: {until: 2024-03-01T08:30, timezone: America/Toronto}\n",
    )
    path.write_text(text, encoding="utf-8")
    french_copy = prwriter.render(
        prwriter.load_release(path, language="fr-CA"), "txt", wire="print"
    )
    assert isinstance(french_copy, str)
    assert french_copy.startswith("SOUS EMBARGO JUSQU'AU 8 h 30 HE, 1er mars 2024\n")
    assert "\nMONTRÉAL, 1er mars 2024 — " in french_copy
    english = prwriter.render(prwriter.load_release(path), "txt", wire="print")
    assert isinstance(english, str)
    assert english.startswith("EMBARGOED UNTIL 8:30 a.m. ET, March 1, 2024\n")


@pytest.mark.parametrize(
    ("pattern", "message"),
    [("le d MMM y", "unknown date field 'e', 'l'"), ("'le d MMM y", "an unclosed quote")],
)
def test_a_wrong_date_pattern_is_refused_when_the_profile_loads(
    pattern: str, message: str, make_project: ProjectMaker
) -> None:
    project = make_project(
        {
            "templates/wires/house.yaml": f"""
                description: House
                extends: cnw
                languages:
                  fr: {{date_pattern: "{pattern}"}}
            """,
        }
    )
    with pytest.raises(InputError) as caught:
        Project.find(project).wire("house")
    assert message in caught.value.problems[0].message


def test_a_split_quote_keeps_the_languages_marks(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    path = folder / "release.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "          speaker: boreal-ceo\n"
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, marker + "          form: quote-first-split\n"))
    release = prwriter.load_release(path, language="fr-CA")
    copy = prwriter.render(release, "txt", wire="cnw")
    assert isinstance(copy, str)
    assert (
        f"«{NBSP}Nous sommes fiers de produire nos luminaires au Québec{NBSP}», a déclaré "
        f"Mathieu Gagnon, président et chef de la direction. «{NBSP}Cette usine" in copy
    )


def test_a_language_cldr_does_not_know_is_located(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": ACME_RELEASE + "language: qq-ZZ\n"})
    with pytest.raises(InputError) as caught:
        prwriter.load_release(project / "r.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.field) == (6, "language")
    assert "'qq-ZZ'" in problem.message


def test_a_language_without_wire_forms_gets_cldr_dates_and_english_labels(
    make_project: ProjectMaker,
) -> None:
    release = ACME_RELEASE.replace("date: 2025-03-05", "date: 2026-03-10\nlanguage: ja-JP")
    project = make_project({"r.yaml": release})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="prnewswire")
    assert isinstance(text, str)
    assert "\nDAYTON, Ohio, 2026年3月10日 /PRNewswire/ -- Acme, Inc." in text
    assert "About Acme, Inc." in text


# German and Spanish fixtures through the profiles whose forms the reference shows, and the
# print copy.
FIXTURES = [
    ("de", "dgap"), ("de", "print"), ("es", "prnewswire"), ("es", "print"),
]  # fmt: skip


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize(("fixture", "wire"), FIXTURES)
def test_german_and_spanish_goldens(
    fixture: str, wire: str, ascii_only: bool, update_golden: bool
) -> None:
    release = prwriter.load_release(DATA / "languages" / fixture / "release.yaml")
    text = prwriter.render(release, "txt", wire=wire, ascii=ascii_only)
    assert isinstance(text, str)
    golden = GOLDEN / f"{fixture}.{wire}{'.ascii' if ascii_only else ''}.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_german_fixture_in_dgap_form() -> None:
    release = prwriter.load_release(DATA / "languages" / "de" / "release.yaml")
    text = prwriter.render(release, "txt", wire="dgap")
    assert isinstance(text, str)
    assert "\nWalldorf, 19. März 2020 - Die Feldberg Sensorik AG (FSE: FBS)" in text
    assert "wächst“, sagte Anna Weber, Vorstandsvorsitzende." in text
    assert "\nPressekontakt:\n" in text and "\nÜber Feldberg Sensorik AG\n" in text


def test_a_translation_named_by_no_language_tag_is_located(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    path = folder / "release.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  fr-CA:\n", "\n  French:\n"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        prwriter.load_release(path)
    problem = caught.value.problems[0]
    assert problem.field.startswith("translations") and "'French'" in problem.message


def test_generate_one_language_of_a_bilingual_release(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from prwriter.cli import app

    runner = CliRunner()
    args = ["generate", str(BOREAL), "-f", "txt", "-w", "cnw", "-o", "-", "--language", "fr-CA"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Lumière Boréale ouvre une usine")
    wrong = runner.invoke(app, [*args[:-1], "de-DE"])
    assert wrong.exit_code == 2
    assert "the release is in en-CA, fr-CA, not de-DE" in wrong.stderr


def test_a_release_written_in_french_takes_the_librarys_french_versions(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    french_only = """
headline: Lumière Boréale nomme une directrice des ventes
date: 2024-05-09
dateline: {city: Montreal}
language: fr-CA
companies: [boreal]
body:
  - Lumière Boréale inc. annonce aujourd'hui une nomination.
  - quote: {speaker: boreal-ceo, text: Nous sommes ravis.}
legal: [boreal-forward-looking]
"""
    (folder / "nomination.yaml").write_text(french_only, encoding="utf-8")
    release = prwriter.load_release(folder / "nomination.yaml")
    assert release.translations == []
    about = release.companies[0].about[0]
    assert isinstance(about, prwriter.Paragraph)
    assert "fabrique des luminaires" in str(about)
    assert release.legal[0].heading == "Énoncés prospectifs"
    quote = next(b for b in release.body if isinstance(b, prwriter.Quote))
    assert quote.speaker.title == "président et chef de la direction"
    # English copy keeps the library's own words.
    english = prwriter.load_release(BOREAL)
    assert english.legal[0].heading == "Forward-Looking Statements"


def test_language_tags_match_without_case(tmp_path: Path) -> None:
    """BCP 47 tags are case-insensitive: fr-ca picks the file's fr-CA translation."""
    release = REPO / "examples" / "boreal-bilingual" / "release.yaml"
    assert prwriter.load_release(release, language="fr-ca").language == "fr-CA"
    [outcome] = prwriter.generate(
        [release], prwriter.BatchOptions(output_dir=tmp_path, language="FR-ca")
    )
    assert outcome.ok and [p.name for p in outcome.written] == ["release.fr-CA.txt"]


def test_a_house_that_prints_plain_spaces_before_marks(tmp_path: Path) -> None:
    folder = copy_example(tmp_path)
    house = folder / "templates" / "wires" / "cnw.yaml"
    house.parent.mkdir(parents=True)
    house.write_text(
        "extends: cnw\nlanguages:\n  fr:\n    space_before_marks: plain\n", encoding="utf-8"
    )
    release = prwriter.load_release(folder / "release.yaml", language="fr-CA")
    text = str(prwriter.render(release, "txt", wire="cnw", project=Project(folder)))
    assert NBSP not in text
    assert "Lumière Boréale inc. (TSX : LUMB) annonce" in text
    assert "a déclaré : « Nous sommes fiers" in text
    assert "\nRenseignements : Médias :\n" in text
    # Folded to ASCII, the guillemets' spaces go with them, as with the other modes.
    folded = str(prwriter.render(release, "txt", wire="cnw", ascii=True, project=Project(folder)))
    assert 'a declare : "Nous sommes fiers' in " ".join(folded.split())
    # English copy through the same house profile is untouched.
    english = str(prwriter.render(prwriter.load_release(folder / "release.yaml"), "txt",
                                  wire="cnw", project=Project(folder)))  # fmt: skip
    assert "(TSX: LUMB)" in english
