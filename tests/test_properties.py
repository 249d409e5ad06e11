"""Property-based tests (Hypothesis): any release the model accepts renders in every format,
every body sentence reaches the text, and the DOCX opens in python-docx.

Examples per run: 150 for text, HTML and DOCX; 25 for PDF, whose renders are slower.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pypdf
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import prwriter

# Letters of several scripts, digits, combining marks and symbols (emoji): text that Markdown
# leaves alone. Trademark signs are left out: wires rewrite them by design (tested elsewhere).
LETTERS = st.characters(
    categories=("Lu", "Ll", "Lo", "Nd", "Mn", "So"),
    exclude_characters="\u0000\ufffe\uffff\u00ae\u2122\u2120\u00a9",
)
WORD = st.text(LETTERS, min_size=1, max_size=12).filter(lambda w: w.strip() == w and w)
SENTENCE = st.lists(WORD, min_size=2, max_size=12).map(lambda words: " ".join(words) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
PLACES = st.sampled_from(
    [{"city": "Boston"}, {"city": "Dayton", "state": "OH"}, {"city": "Tokyo"},
     {"city": "Vancouver", "province": "BC"}, {"city": "Tel Aviv", "country": "Israel"}]
)  # fmt: skip


@st.composite
def releases(draw: st.DrawFn) -> dict[str, object]:
    lead = "Acme, Inc. " + draw(PARAGRAPH)
    paragraphs = draw(st.lists(PARAGRAPH, max_size=4))
    body: list[object] = [lead, *paragraphs]
    if draw(st.booleans()):
        quote = {"speaker": {"name": draw(WORD), "title": draw(st.none() | WORD)},
                 "text": draw(SENTENCE)}  # fmt: skip
        body.insert(1, {"quote": quote})
    return {
        "headline": draw(st.lists(WORD, min_size=1, max_size=15).map(" ".join)),
        "subheadlines": draw(st.lists(SENTENCE, max_size=2)),
        "date": draw(st.dates(min_value=__import__("datetime").date(2021, 1, 1))).isoformat(),
        "dateline": draw(PLACES),
        "companies": ["acme"],
        "body": body,
        "wire": draw(st.sampled_from(sorted(prwriter.list_wires()))),
    }


def load(tmp: Path, data: dict[str, object]) -> prwriter.Release:
    path = tmp / "release.yaml"
    # JSON is YAML: the strategy's values reach the loader exactly.
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        return prwriter.load_release(path)
    except prwriter.InputError:
        assume(False)
        raise


def sentences(data: dict[str, object]) -> list[str]:
    found: list[str] = []
    for part in data["body"]:  # type: ignore[attr-defined]
        text = part if isinstance(part, str) else part["quote"]["text"]
        found += [s.strip() + "." for s in text.removeprefix("Acme, Inc. ").split(".") if s.strip()]
    return found


COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                  HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])  # fmt: skip


@settings(COMMON, max_examples=150)
@given(data=releases())
def test_text_html_and_docx(data: dict[str, object], tmp_path_factory) -> None:
    release = load(tmp_path_factory.mktemp("p"), data)
    text = prwriter.render(release, "txt")
    assert isinstance(text, str)
    flat = " ".join(text.split())
    for sentence in sentences(data):
        assert " ".join(sentence.split()) in flat
    html = prwriter.render(release, "html")
    assert isinstance(html, str) and "<h1" in html
    document = docx.Document(io.BytesIO(bytes(prwriter.render(release, "docx"))))
    words = " ".join(p.text for p in document.paragraphs)
    assert all(" ".join(s.split()) in " ".join(words.split()) for s in sentences(data))


@settings(COMMON, max_examples=25)
@given(data=releases())
def test_pdf(data: dict[str, object], tmp_path_factory) -> None:
    release = load(tmp_path_factory.mktemp("p"), data)
    pdf = pypdf.PdfReader(io.BytesIO(bytes(prwriter.render(release, "pdf"))))
    assert len(pdf.pages) >= 1
    assert pdf.metadata is not None and pdf.metadata.title == release.headline
