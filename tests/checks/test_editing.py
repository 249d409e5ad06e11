"""The copy editor's rules: sample library in a real project, spelling with the project's
words, quotation marks running over paragraphs, and how the dictionary is loaded."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

import prwriter
from conftest import ProjectMaker
from prwriter.checks import spelling

BASE = {
    "headline": "Acme Opens a New Plant in Dayton, Ohio",
    "date": "2025-03-05",
    "dateline": {"city": "Dayton", "state": "Ohio"},
    "companies": ["acme"],
    "body": ["Acme, Inc. today opened a plant in Dayton."],
    "contacts": [{"label": "Media", "contacts": "acme-media"}],
}


def check(make_project: ProjectMaker, changes: dict, files: dict[str, str] | None = None):
    project = make_project({"r.yaml": json.dumps({**BASE, **changes}), **(files or {})})
    [result] = prwriter.check([project / "r.yaml"])
    return result


def test_the_shipped_library_in_a_real_project(make_project: ProjectMaker) -> None:
    trying_out = check(make_project, {})
    assert "ST010" not in {f.rule for f in trying_out.findings}
    real = check(make_project, {}, {"prwriter.toml": ""})
    hits = [f for f in real.findings if f.rule == "ST010"]
    assert hits and all(f.severity == "error" and f.file.endswith("r.yaml") for f in hits)
    assert {m.split("'")[1] for m in (f.message for f in hits)} == {"acme", "acme-media"}


def test_the_shipped_library_can_be_turned_off(make_project: ProjectMaker) -> None:
    off = check(make_project, {}, {"prwriter.toml": "shipped_library = false\n"})
    [problem] = [p for p in off.problems if p.field == "companies[0]"]
    assert "unknown company 'acme'" in problem.message
    assert "'acme'" not in problem.message.split("known companies:")[1]  # no suggestion


def test_sample_text_in_the_shipped_library_is_not_reported_twice(
    make_project: ProjectMaker,
) -> None:
    # The example contact's 555 number is the example library's (ST010), not sample text.
    assert "ST009" not in {f.rule for f in check(make_project, {}).findings}


def test_each_unknown_word_once_with_a_suggestion(make_project: ProjectMaker) -> None:
    body = ["Acme, Inc. today opened a plant in Dayton that makes hammmers.",
            "The hammmers ship in May."]  # fmt: skip
    hits = [f for f in check(make_project, {"body": body}).findings if f.rule == "PR010"]
    assert len(hits) == 1
    assert "'hammmers'" in hits[0].message and "did you mean 'hammers'?" in hits[0].message


def test_the_project_words_and_library_names_are_accepted(make_project: ProjectMaker) -> None:
    body = ["Acme, Inc. today opened a plant that makes lantibiotics with zorblax tools."]
    fired = [f.message for f in check(make_project, {"body": body}).findings if f.rule == "PR010"]
    assert len(fired) == 2
    words = {
        "prwriter.toml": '[check]\nwords = ["lantibiotics"]\n',
        "boilerplates/companies/zorb.yaml": "name: zorblax Ltd.\nabout: It makes tools.\n",
    }
    fired = [f.message for f in check(make_project, {"body": body}, words).findings
             if f.rule == "PR010"]  # fmt: skip
    assert fired == []


def test_a_quote_running_over_paragraphs_is_balanced(make_project: ProjectMaker) -> None:
    running = ['Acme, Inc. today opened a plant. "We chose Dayton for its people.',
               '"Our neighbors helped us build it," said Pat Doe, plant manager.']  # fmt: skip
    assert "PR009" not in {f.rule for f in check(make_project, {"body": running}).findings}
    ended = [running[0], "The plant opens in May."]
    assert "PR009" in {f.rule for f in check(make_project, {"body": ended}).findings}


def test_the_dictionary_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    spelling.dictionary.cache_clear()
    try:
        assert spelling.unknown(["hammer", "hammmer"], frozenset()) == ["hammmer"]
    finally:
        spelling.dictionary.cache_clear()


def test_the_dictionary_loads_once_per_process() -> None:
    spelling.dictionary.cache_clear()
    spelling.unknown(["tools"], frozenset())
    spelling.unknown(["plant"], frozenset())
    assert spelling.dictionary.cache_info().misses == 1


def test_generate_never_loads_the_spelling_dictionary(make_project: ProjectMaker) -> None:
    project = make_project({"r.yaml": json.dumps(BASE)})
    probe = (
        "import sys, prwriter\n"
        f"[out] = prwriter.generate([{str(project / 'r.yaml')!r}], prwriter.BatchOptions("
        f"formats=['txt'], output_dir=__import__('pathlib').Path({str(project / 'out')!r})))\n"
        "assert out.written and out.findings is not None, out\n"
        "print('spellchecker' in sys.modules, 'textstat' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.split() == ["False", "False"]
