"""The text writer: the sample release byte for byte, golden files, and each wire rule."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

import prwriter
from conftest import ACME_RELEASE, DATA, REPO, ProjectMaker
from prwriter.writers.text import wrap_copy

EXAMPLE = REPO / "examples" / "immunogen" / "release.yaml"
REFERENCE = DATA / "reference" / "immunogen-2014-11-13.businesswire.txt"
SHARED_REFERENCE = REPO.parent / "shared" / "reference" / REFERENCE.name


def strip_blank_lines(text: str) -> str:
    return text.strip("\n")


def test_example_reproduces_the_wire_copy_exactly() -> None:
    text = prwriter.render(prwriter.load_release(EXAMPLE), "txt")
    assert isinstance(text, str)
    assert strip_blank_lines(text) == strip_blank_lines(REFERENCE.read_text(encoding="utf-8"))
    assert text.endswith("News Provided by Acquire Media\n")


@pytest.mark.skipif(
    not SHARED_REFERENCE.exists(), reason="no shared/reference/ beside this checkout"
)
def test_reference_copy_matches_the_shared_reference() -> None:
    # tests/data/reference/ holds verbatim copies so that any clone can run the suite.
    for copy in REFERENCE.parent.iterdir():
        assert copy.read_bytes() == (SHARED_REFERENCE.parent / copy.name).read_bytes(), copy


EXAMPLES = {
    "immunogen": EXAMPLE,
    "nordwind-tidewater": REPO / "examples" / "nordwind-tidewater" / "release.yaml",
    "boreal-bilingual": REPO / "examples" / "boreal-bilingual" / "release.yaml",
    "quillmark-earnings": REPO / "examples" / "quillmark-earnings" / "release.yaml",
}
WIRES = sorted(prwriter.list_wires())
# Each example in every profile it sees: the shipped ones and its project's own.
EXAMPLE_WIRES = [
    (example, wire)
    for example, path in sorted(EXAMPLES.items())
    for wire in sorted(prwriter.list_wires(path.parent))
]
HOUSE_PROFILE = REPO / "examples" / "immunogen" / "templates" / "wires"
ACQUIRE_MEDIA = (HOUSE_PROFILE / "businesswire-acquiremedia.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
@pytest.mark.parametrize(("example", "wire"), EXAMPLE_WIRES)
def test_golden_files(example: str, wire: str, ascii_only: bool, update_golden: bool) -> None:
    suffix = ".ascii" if ascii_only else ""
    golden = DATA / "golden" / f"{example}.{wire}{suffix}.txt"
    release = prwriter.load_release(EXAMPLES[example])
    text = prwriter.render(release, "txt", wire=wire, ascii=ascii_only)
    assert isinstance(text, str)
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("example", "wire"), EXAMPLE_WIRES)
def test_ascii_copy_is_pure_ascii_within_80_columns(example: str, wire: str) -> None:
    text = prwriter.render(prwriter.load_release(EXAMPLES[example]), "txt", wire=wire, ascii=True)
    assert isinstance(text, str)
    assert text.isascii()
    assert max(len(line) for line in text.splitlines()) <= 80
    # Folding keeps every word: only typography and line breaks change.
    unicode = prwriter.render(prwriter.load_release(EXAMPLES[example]), "txt", wire=wire)
    assert isinstance(unicode, str)
    from prwriter.style.charset import to_ascii

    # ASCII copy always writes marks as (R), (TM), even where the wire brackets them; French
    # guillemets fold to straight quotes with their inner spaces.
    unicode = unicode.replace("«\u00a0", "«").replace("\u00a0»", "»")
    assert text.split() == to_ascii(unicode).replace("[(R)]", "(R)").split()


def test_shipped_profiles() -> None:
    assert WIRES == [
        "accesswire",
        "businesswire",
        "cnw",
        "cnw-telbec",
        "dgap",
        "globenewswire",
        "newsfile",
        "print",
        "prnewswire",
    ]


def render(make_project: ProjectMaker, release: str, wire: str = "businesswire", **files: str):
    # The example's house profile, for the forms only it writes (Markdown links, [®]).
    house = {"templates/wires/businesswire-acquiremedia.yaml": ACQUIRE_MEDIA}
    project = make_project({"r.yaml": release, **house, **files})
    text = prwriter.render(prwriter.load_release(project / "r.yaml"), "txt", wire=wire)
    assert isinstance(text, str)
    return text


def test_native_business_wire_dateline_and_ticker(make_project: ProjectMaker) -> None:
    text = render(make_project, ACME_RELEASE)
    assert "DAYTON, Ohio--(BUSINESS WIRE)--Acme, Inc. (NYSE: ACME) today opened" in text


def test_stand_alone_city_takes_no_state(make_project: ProjectMaker) -> None:
    text = render(make_project, ACME_RELEASE.replace("{city: Dayton, state: Ohio}",
                                                     "{city: Boston, state: MA}"))  # fmt: skip
    assert "\nBOSTON--(BUSINESS WIRE)--Acme" in text


def test_links_follow_the_wire_form(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "a plant in Dayton.", "a plant. See [our site](https://acme.example/plant)."
    )
    assert "See our site (https://acme.example/plant)." in render(make_project, release)
    markdown = render(make_project, release, wire="businesswire-acquiremedia")
    assert "See [our site](https://acme.example/plant)." in markdown


def test_plain_link_whose_text_is_the_address_is_written_once(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "a plant in Dayton.", "a plant. See [acme.example](https://acme.example/)."
    )
    assert "See acme.example." in render(make_project, release)


def test_trademark_marks_follow_the_wire_encoding(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("a plant in Dayton.", "a Roadrunner™ plant.")
    assert "Roadrunner™ plant" in render(make_project, release)
    assert "Roadrunner[™] plant" in render(make_project, release, "businesswire-acquiremedia")


def test_subheads_lists_and_emphasis_in_text_form(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body: |\n  Acme, Inc. today opened a **big** plant.\n\n  ## Highlights\n\n"
        "  - 200 jobs\n  - *solar* roof\n\n  1. first\n  2. second\n",
    )
    text = render(make_project, release)
    assert (
        "opened a big plant.\n\nHighlights\n\n- 200 jobs\n- solar roof\n\n1. first\n2. second"
        in text
    )


def test_quote_without_a_title(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body:\n  - Acme, Inc. today opened a plant.\n"
        "  - quote: {speaker: {name: Pat Doe}, text: It is a good day.}",
    )
    assert '\n\nPat Doe said, "It is a good day."\n' in render(make_project, release)


def test_quote_speaker_from_the_library(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace(
        "body: Acme, Inc. today opened a plant in Dayton.",
        "body:\n  - Acme, Inc. today opened a plant.\n"
        "  - quote: {speaker: acme-ceo, verb: added, text: We are glad.}",
    )
    expected = 'Alex Morgan, chief executive officer of Acme, added, "We are glad."'
    assert expected in render(make_project, release)


def test_joint_release_gets_one_about_and_ticker_per_company(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE.replace("[acme]", "[acme, beta]").replace(
        "a plant in Dayton.", "a plant with Beta Corp. in Dayton."
    )
    text = render(
        make_project,
        release,
        **{
            "boilerplates/companies/beta.yaml": (
                "name: Beta Corp.\nlistings:\n  - {exchange: nasdaq, symbol: BETA}\n"
                "  - {exchange: TSX, symbol: BTA}\nabout: Beta Corp. builds roofs.\n"
            )
        },
    )
    assert "with Beta Corp. (Nasdaq: BETA) (TSX: BTA) in Dayton" in text
    assert text.index("About Acme, Inc.") < text.index("About Beta Corp.")


def test_contacts_and_legal_blocks_in_the_native_form(make_project: ProjectMaker) -> None:
    release = ACME_RELEASE + (
        "legal: [acme-forward-looking]\ncontacts:\n  - label: Media\n"
        "    contacts: [acme-media, acme-investors]\n"
    )
    text = render(make_project, release)
    assert "\n\nForward-Looking Statements\n\nThis press release contains" in text
    assert text.endswith(
        "Contacts\n\nMedia:\nAcme, Inc.\nJordan Lee, Director of Communications, 555-010-0100\n"
        "press@acme.example\n\nAcme, Inc.\nSam Rivera, Investor Relations, 555-010-0200\n"
        "ir@acme.example\n"
    )


def test_project_template_overrides_the_shipped_one(make_project: ProjectMaker) -> None:
    text = render(
        make_project,
        ACME_RELEASE,
        **{"templates/text/wire.txt.j2": "{{ headline | upper }}\n{{ body[0] }}\n"},
    )
    assert text == (
        "ACME OPENS A PLANT IN DAYTON\n"
        "DAYTON, Ohio--(BUSINESS WIRE)--Acme, Inc. (NYSE: ACME) today opened a plant in Dayton.\n"
    )


def test_project_can_add_its_own_wire_profile(make_project: ProjectMaker) -> None:
    profile = (
        "description: House wire\ndate_style: ap\n"
        "dateline: '{place}, {date} /HOUSE/ -- '\nsource_line: 'SOURCE {source}'\n"
    )
    text = render(make_project, ACME_RELEASE, "house", **{"templates/wires/house.yaml": profile})
    assert "DAYTON, Ohio, March 5, 2025 /HOUSE/ -- Acme, Inc. (NYSE: ACME)" in text
    assert text.endswith("SOURCE Acme, Inc.\n")
    project = make_project({})
    assert prwriter.list_wires(project)["house"] == project / "templates/wires/house.yaml"
    assert "house" not in prwriter.list_wires()


def test_undefined_template_variable_fails_loudly(make_project: ProjectMaker) -> None:
    with pytest.raises(prwriter.InputError) as info:
        render(
            make_project,
            ACME_RELEASE,
            **{"templates/text/wire.txt.j2": "{{ headline }}\n\n{{ hedline }}\n"},
        )
    [problem] = info.value.problems
    assert problem.file.endswith("templates/text/wire.txt.j2")
    assert (problem.line, problem.message) == (3, "template error: 'hedline' is undefined")


def test_template_cannot_reach_python_internals(make_project: ProjectMaker) -> None:
    with pytest.raises(prwriter.InputError, match="template error: access to attribute"):
        render(
            make_project,
            ACME_RELEASE,
            **{"templates/text/wire.txt.j2": "{{ headline.__class__.__mro__ }}\n"},
        )


def test_unknown_wire_names_the_available_ones() -> None:
    release = prwriter.load_release(EXAMPLE)
    with pytest.raises(prwriter.InputError) as info:
        prwriter.render(release, "txt", wire="prnewswir")
    assert str(info.value).startswith(
        "wire: unknown wire 'prnewswir'; did you mean 'prnewswire'? available: "
    )


def test_profile_with_an_unknown_placeholder_is_a_located_error(
    make_project: ProjectMaker,
) -> None:
    profile = "description: Bad\ndateline: '{place}{city} -- '\n"
    with pytest.raises(prwriter.InputError) as info:
        render(make_project, ACME_RELEASE, "bad", **{"templates/wires/bad.yaml": profile})
    assert str(info.value).endswith(
        "bad.yaml:2:11: dateline: unknown placeholder 'city'; use 'date', 'place'"
    )


# Captions and footnotes as statements write them (words one space apart, which wrap_copy
# fills in quickly), and copy textwrap treats with care: hyphens and dashes it breaks after,
# tabs, runs of spaces, no-break spaces, words longer than a line.
words = st.lists(st.text(alphabet="abcdefghij(),.", min_size=1, max_size=12), max_size=16)
odd_words = st.lists(
    st.one_of(
        st.text(alphabet="abcdefghij", min_size=1, max_size=12),
        st.sampled_from(["Non-GAAP", "well--known", "\u2014", "\u00a0", "a\tb", "x\ny", " ", ""]),
    ),
    max_size=16,
)
copy = st.one_of(words.map(" ".join), odd_words.map(" ".join), odd_words.map("\u00a0 ".join))


@given(copy, st.integers(1, 40))
def test_copy_wraps_as_textwrap_wraps_it(copy: str, width: int) -> None:
    assert wrap_copy(copy, width) == textwrap.wrap(copy, width)
