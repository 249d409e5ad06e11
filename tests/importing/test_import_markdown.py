"""Markdown as `--format md` writes it, read back: the same Markdown again."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA
from prwriter import Project, import_releases, load_release, render
from prwriter.yaml_source import read_yaml

GOLDEN = [
    DATA / "golden" / f"{name}.md"
    for name in ("immunogen", "nordwind-tidewater", "quillmark-earnings")
]


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_markdown_round_trips(golden: Path, tmp_path: Path) -> None:
    result = import_releases([golden], tmp_path)
    [imported] = result.releases
    assert imported.reproduced == imported.lines, result.notes
    release = load_release(tmp_path / f"{golden.stem}.yaml")
    assert render(release, "md", project=Project(tmp_path)) == golden.read_text(encoding="utf-8")


def test_markdown_links_and_contacts_come_back_as_facts(tmp_path: Path) -> None:
    import_releases([GOLDEN[0]], tmp_path)
    facts = read_yaml(tmp_path / "immunogen.yaml").data
    assert facts["companies"] == [{"id": "immunogen", "link": True}]
    assert [g["label"] for g in facts["contacts"]] == ["For Investors", "For Media"]
    assert "wire" not in facts


def test_pipe_tables_come_back_as_tables(tmp_path: Path) -> None:
    import_releases([GOLDEN[2]], tmp_path)
    body = read_yaml(tmp_path / "quillmark-earnings.yaml").data["body"]
    tables = [part["table"] for part in body if isinstance(part, dict) and "table" in part]
    assert len(tables) == 6
    highlights, outlook, income = tables[:3]
    assert highlights["stub"] == "(in thousands, except per share data)"
    assert highlights["rows"][0] == ["Total revenue", 47560, 41400, "15%"]
    assert (outlook["caption"], outlook["units"], outlook["currency"]) == (
        "Financial Outlook",
        "(in millions)",
        "$",
    )
    # Bold labels: headings have no amounts, a total shows the sign, a subtotal does not.
    kinds = {r["label"]: r.get("kind") for r in income["rows"] if isinstance(r, dict)}
    assert (kinds["Revenue:"], kinds["Total revenue"], kinds["Net income"]) == (
        "heading",
        "subtotal",
        "total",
    )
    subscription = next(
        r for r in income["rows"] if isinstance(r, dict) and r["label"] == "Subscription"
    )
    assert subscription == {"label": "Subscription", "values": [41250, 35480], "indent": 1}
    assert tables[5]["footnotes"] == ["(1) Adjusted EBITDA divided by total revenue."]
