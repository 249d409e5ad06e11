"""Forms real wire copy uses, one fictional fixture each (tests/data/forms/<form>/), written
in every profile the fixture's folder sees, byte for byte against golden files.

`pytest --update-golden tests/test_forms.py` rewrites the goldens from the current output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import prwriter
from conftest import DATA

FORMS = DATA / "forms"
FIXTURES = sorted(p.parent.name for p in FORMS.glob("*/release.yaml"))


def cases() -> list[tuple[str, str]]:
    return [(form, wire) for form in FIXTURES for wire in sorted(prwriter.list_wires(FORMS / form))]


@pytest.mark.parametrize(("form", "wire"), cases())
def test_form_golden(form: str, wire: str, update_golden: bool) -> None:
    release = prwriter.load_release(FORMS / form / "release.yaml")
    text = prwriter.render(release, "txt", wire=wire)
    assert isinstance(text, str)
    golden: Path = FORMS / form / "golden" / f"{wire}.txt"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_fixture_has_a_golden_per_profile() -> None:
    for form in FIXTURES:
        written = {p.stem for p in (FORMS / form / "golden").glob("*.txt")}
        assert written == set(prwriter.list_wires(FORMS / form)), form
