"""Releases in French, German and Spanish through the wire profiles' per-language settings."""

from __future__ import annotations

import pytest

import prwriter
from conftest import ACME_RELEASE, REPO, ProjectMaker
from prwriter.errors import InputError
from prwriter.project import Project
from prwriter.style.typography import NBSP

BOREAL = REPO / "examples" / "boreal-bilingual" / "release.yaml"


def french(wire: str, **kwargs: bool) -> str:
    text = prwriter.render(prwriter.load_release(BOREAL), "txt", wire=wire, **kwargs)
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


def test_the_issuer_chooses_the_ticker_spacing(make_project: ProjectMaker) -> None:
    company = (BOREAL.parent / "boilerplates" / "companies" / "boreal.yaml").read_text()
    project = make_project(
        {
            "boilerplates/companies/boreal.yaml": company.replace("ticker_spacing: spaced\n", ""),
            "r.yaml": BOREAL.read_text(encoding="utf-8"),
        }
    )
    for name in ("contacts/boreal-press.yaml", "people/boreal-ceo.yaml"):
        target = project / "boilerplates" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((BOREAL.parent / "boilerplates" / name).read_text(), encoding="utf-8")
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire="cnw")
    assert "(TSX: LUMB)" in text


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
    assert "\nWalldorf, Germany, 19. März 2020 - Acme, Inc." in text
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
    assert "fr.datelines" in problem.message


def test_page_numbers_in_the_copys_language() -> None:
    from prwriter.html_document import page_number_css

    css = page_number_css("Page {page} de {pages}")
    assert 'content: "Page " counter(page) " de " counter(pages);' in css


def test_french_html_and_docx_number_pages_and_space_marks_in_french() -> None:
    import io

    import docx

    release = prwriter.load_release(BOREAL)
    html = prwriter.render(release, "html")
    assert isinstance(html, str)
    assert '<html lang="fr-CA">' in html
    assert '" de " counter(pages)' in html
    assert "Renseignements" in html and f"a déclaré{NBSP}: «{NBSP}Nous" in html
    data = prwriter.render(release, "docx")
    assert isinstance(data, bytes)
    footer = docx.Document(io.BytesIO(data)).sections[0].footer.paragraphs[0].text
    assert footer.startswith("Page ") and " de " in footer
