"""Property test: any release in the forms prwriter writes (financial tables too), rendered
as wire text in any shipped profile (folded to ASCII or not), imported and rendered again
with the profile the import detected, is the same text byte for byte. Examples are kept
few: each one writes and reads two projects."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import prwriter

LOWER = st.text("abcdefghijklmnopqrstuvwxyzéø", min_size=2, max_size=10)
CAPITAL = st.builds(lambda a, b: a + b, st.sampled_from("ABCDEFGHKLMNOPRSTVWZ"), LOWER)
SENTENCE = st.lists(st.one_of(LOWER, CAPITAL), min_size=3, max_size=10).map(
    lambda words: words[0].capitalize() + " " + " ".join(words[1:]) + "."
)
PARAGRAPH = st.lists(SENTENCE, min_size=2, max_size=4).map(" ".join)
NAME = st.lists(CAPITAL, min_size=2, max_size=3).map(" ".join)
TITLE = st.lists(LOWER, min_size=1, max_size=4).map(" ".join)
PLACES = st.sampled_from(
    [{"city": "Boston"}, {"city": "Dayton", "state": "Ohio"},
     {"city": "Waltham", "state": "Massachusetts"},
     {"city": "Vancouver", "province": "British Columbia"},
     {"city": "Tel Aviv", "country": "Israel"},
     [{"city": "Hamburg", "country": "Germany"}, {"city": "Boston"}]]
)  # fmt: skip
FORMS = st.sampled_from(["attribution-first", "quote-first", "quote-first-split"])
WIRES = [w for w in sorted(prwriter.list_wires()) if w != "businesswire"]

LIBRARY = {
    "companies/larkspur.yaml": {
        "name": "Larkspur Foundry, Inc.",
        "listings": [{"exchange": "Nasdaq", "symbol": "LRKF"}],
        "about": "Larkspur Foundry, Inc. casts iron parts for mining equipment.",
    },
    "contacts/larkspur-media.yaml": {
        "organization": "Larkspur Foundry, Inc.",
        "name": "Jo Hale",
        "phone": "555-010-0100",
        "email": "press@larkspur.example",
    },
    "legal/larkspur-trademarks.yaml": {
        "kind": "trademark",
        "text": "Larkspur is a registered trademark of Larkspur Foundry, Inc.",
    },
}


AMOUNT = st.one_of(
    st.integers(-999_999, 9_999_999),
    st.decimals(-999, 9_999, places=2, allow_nan=False).map(lambda d: str(d)),
    st.decimals(-99, 999, places=1, allow_nan=False).map(lambda d: f"{d}%"),
    st.none(),
)
HEADING = st.one_of(st.sampled_from(["2026", "2025", "Q1 2026", "Change", "Low", "High"]), TITLE)


@st.composite
def tables(draw: st.DrawFn) -> dict[str, object]:
    """A financial table in the forms prwriter writes: spanning headings, indented and
    long (wrapped) labels, subtotals and totals, nil, negatives, decimals, percentages."""
    columns = draw(st.integers(1, 4))
    header: list[list[object]] = [[draw(HEADING) for _ in range(columns)]]
    if columns > 1 and draw(st.booleans()):
        cut = draw(st.integers(1, columns))
        over = [{"text": draw(TITLE), "span": cut}]
        if cut < columns:
            over.append({"text": draw(TITLE), "span": columns - cut})
        header.insert(0, over)
    rows: list[object] = []
    for _ in range(draw(st.integers(1, 6))):
        label = draw(st.lists(st.one_of(LOWER, CAPITAL), min_size=1, max_size=9).map(" ".join))
        kind = draw(st.sampled_from(["normal", "normal", "subtotal", "total", "heading"]))
        row: dict[str, object] = {"label": label.capitalize(), "kind": kind,
                                  "indent": draw(st.integers(0, 2))}  # fmt: skip
        if kind != "heading":
            row["values"] = [draw(AMOUNT) for _ in range(columns)]
        rows.append(row)
    if all(r["kind"] == "heading" for r in rows):  # type: ignore[index]
        rows.append({"label": "Total", "values": [1] * columns, "kind": "total"})
    table: dict[str, object] = {"header": header, "rows": rows}
    if draw(st.booleans()):
        table["caption"] = draw(SENTENCE).rstrip(".") + " (Unaudited)"
        table["units"] = "(in thousands)"
    if draw(st.booleans()):
        table["currency"] = "$"
    if draw(st.booleans()):
        rows.append({"label": "Margin (1)", "values": [draw(AMOUNT) for _ in range(columns)]})
        table["footnotes"] = ["(1) " + draw(PARAGRAPH)]
    if draw(st.booleans()):
        table["stub"] = "(in thousands)"
    return {"table": table}


@st.composite
def releases(draw: st.DrawFn) -> dict[str, object]:
    body: list[object] = ["Larkspur Foundry, Inc. " + draw(PARAGRAPH)]
    speakers = draw(
        st.lists(st.tuples(NAME, TITLE), min_size=0, max_size=2, unique_by=lambda s: s[0])
    )
    for name, title in speakers:
        verb = draw(st.sampled_from(["said", "added", "noted"]))
        quote = {"speaker": {"name": name, "title": title}, "text": draw(PARAGRAPH),
                 "form": draw(FORMS), "verb": verb}  # fmt: skip
        body.append({"quote": quote})
        if draw(st.booleans()):
            body.append(draw(PARAGRAPH))
    for table in draw(st.lists(tables(), max_size=2)):  # one after another, or apart
        body.insert(draw(st.integers(1, len(body))), table)
    if draw(st.booleans()):
        body.append("## " + " ".join(draw(st.lists(CAPITAL, min_size=2, max_size=4))))
        body.append("\n".join("- " + s for s in draw(st.lists(SENTENCE, min_size=2, max_size=3))))
    facts: dict[str, object] = {
        "headline": "Larkspur Foundry " + draw(TITLE),
        "subheadlines": draw(st.lists(SENTENCE, max_size=1)),
        "date": draw(st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))).isoformat(),
        "dateline": draw(PLACES),
        "companies": ["larkspur"],
        "body": body,
        "contacts": [{"label": "Media Contact", "contacts": ["larkspur-media"]}],
        "wire": draw(st.sampled_from(WIRES)),
    }
    if draw(st.booleans()):
        facts["legal"] = ["larkspur-trademarks"]
    return facts


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases(), st.booleans())
def test_generated_releases_round_trip_through_import(
    facts: dict[str, object], ascii: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "written"
        for name, data in LIBRARY.items():
            path = source / "boilerplates" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
        (source / "release.yaml").write_text(json.dumps(facts), encoding="utf-8")
        release = prwriter.load_release(source / "release.yaml")
        try:
            text = prwriter.render(release, "txt", ascii=ascii)
        except prwriter.InputError as exc:
            # A table wider than the profile's lines is refused, not written.
            assume("characters a line" not in str(exc))
            raise
        copy = root / "copy.txt"
        copy.write_text(text, encoding="utf-8")
        out = root / "imported"
        result = prwriter.import_releases([copy], out)
        again = prwriter.load_release(out / "copy.yaml")
        [imported] = result.releases
        project = prwriter.Project(out)
        # Copy folded to ASCII (`--ascii`) renders again folded.
        folded = imported.ascii
        assert (
            prwriter.render(again, "txt", wire=imported.wire, ascii=folded, project=project) == text
        )
        # The profile detected is the release's, or one that writes it the same.
        if imported.wire != facts["wire"]:
            wire = str(facts["wire"])
            assert prwriter.render(again, "txt", wire=wire, ascii=folded, project=project) == text
