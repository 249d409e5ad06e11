"""Every fact reaches every writer: the `full` fixture sets every optional field to a
distinctive value, and a writer fails this test when a field is neither in its output nor
in the writer's declared IGNORED_FIELDS."""

from __future__ import annotations

import base64
import dataclasses
import html
import importlib
import io
import re
import typing

import docx
import pypdf
import pytest
from pydantic import BaseModel

import prwriter
from conftest import DATA
from prwriter import model

FULL = DATA / "full" / "release.yaml"

# Where each content field's value shows in an output.
PROBES: dict[str, str] = {
    "Release.headline": "Fullco Headline Words",
    "Release.subheadlines": "Fullco Subheadline Words",
    "Release.date": "Sept. 9, 2025",
    "Release.source": "Fullco Source Words",
    "Release.language": "en-GB",
    "Place.city": "TEL AVIV",
    "Place.state": "Mass.",
    "Place.province": "British Columbia",
    "Place.country": "Israel",
    "Company.name": "Fullco Override Name, Inc.",
    "Company.url": "https://fullco-override.example",
    "Company.logo": "Fullco Override Name, Inc. logo",
    "Company.about_heading": "About Heading Words",
    "Company.mention": "Partner Mention Words Ltd. (LSE: PTNR)",
    "Tickers.company": "listed (LSE: PTNR)",
    "Listing.exchange": "(TSX: FUL)",
    "Listing.symbol": "(NYSE: FULL)",
    "Text.text": "emphasis words",
    "Link.url": "https://link.example/words",
    "Person.name": "Inline Speaker Name",
    "Person.title": "Library Speaker Title",
    "Person.last_name": "Speaker Surname Words said",
    "Quote.verb": "added",
    "Quote.before": "Before narrative words.",
    "Quote.after": "after narrative words.",
    "Contact.organization": "Contact Organization Words",
    "Contact.name": "Contact Name Words",
    "Contact.title": "Contact Title Words",
    "Contact.phones": "555-010-9999",
    "Contact.emails": "second@words.example",
    "Contact.web": "www.contact-web-words.example",
    "Contact.text": "Text Contact Words",
    "Phone.number": "555-010-9998",
    "Phone.label": "Mobile Label Words",
    "ContactGroup.label": "Label Words",
    "LegalBlock.heading": "Legal Heading Words",
    "LegalBlock.kind": "forward-looking",
    "Media.caption": "Caption Words",
    "Media.credit": "Credit Words",
    "Media.alt": "Alt Words",
    # The photo is 300x200 pixels, the logo 480x240: the media file itself made it in.
    "Media.path": "image 300x200",
    "Embargo.until": "4:30 p.m.",
    "Embargo.timezone": "p.m. ET",
    "Table.caption": "Table Caption Words",
    "Table.units": "Table Units Words",
    "Table.currency": "€7,654,321",
    "Table.stub": "Table Stub Words",
    "Table.footnotes": "Table Footnote Words",
    "HeadingCell.text": "Table Span Words",
    "TableRow.label": "Table Row Label Words",
    "TableRow.places": "(€1,234.50)",
    "Amount.value": "7,654,321",
    "Amount.percent": "12.50%",
}
# Fields that hold other fields, switch behaviour, or say where a release came from; their
# effects are covered by the fields inside them and by each writer's own tests.
STRUCTURAL = {
    "Release.dateline", "Release.companies", "Release.body", "Release.contacts",
    "Release.legal", "Release.embargo", "Release.media", "Release.wire", "Release.path",
    "Release.silenced", "Release.translations", "Release.draft", "Silence.rule",
    "Silence.field", "Silence.reason",
    "Company.id", "Company.listings", "LegalBlock.before_about", "Company.about", "Company.link",
    "Company.ticker", "Company.ticker_spacing", "Company.short_name", "LegalBlock.id",
    "LegalBlock.body",
    "ContactGroup.contacts", "Quote.speaker", "Quote.children", "Quote.form", "Paragraph.children",
    "Heading.level", "Heading.children", "ListBlock.ordered", "ListBlock.start",
    "ListBlock.items", "Emphasis.children", "Strong.children", "Link.children",
    "CompanyMention.company", "CompanyMention.text", "State.name", "State.ap", "State.postal",
    "Province.name", "Province.postal",
    "Table.header", "Table.rows", "Table.purpose", "Table.reconciles", "HeadingCell.span",
    "TableRow.indent", "TableRow.cells", "TableRow.currency", "TableRow.sums",
    "Amount.places", "Reconciles.measure", "Reconciles.gaap",
}  # fmt: skip


def model_fields() -> set[str]:
    found: set[str] = set()
    for name in dir(model):
        cls = getattr(model, name)
        if name.startswith("_") or not isinstance(cls, type):
            continue
        if issubclass(cls, model.Node) and cls is not model.Node:
            # A node's own `kind` tag (a fixed default) is not a fact.
            found |= {
                f"{name}.{field}"
                for field, info in cls.model_fields.items()
                if not (field == "kind" and info.default is not None and not info.is_required())
            }
        elif dataclasses.is_dataclass(cls):  # a plain typed fact, such as a table's Amount
            found |= {f"{name}.{field.name}" for field in dataclasses.fields(cls)}
    return found


def test_every_model_field_is_probed_or_structural() -> None:
    assert model_fields() == set(PROBES) | STRUCTURAL


def text_of(fmt: str, release: model.Release) -> str:
    if fmt == "txt":
        # The shipped profiles and the fixture's own (which writes company links).
        wires = prwriter.list_wires(FULL.parent)
        return "\n".join(str(prwriter.render(release, "txt", wire=w)) for w in wires)
    data = prwriter.render(release, fmt)
    if fmt == "md":
        return str(data)
    if fmt in ("json", "edgar"):
        return html.unescape(str(data))
    if fmt == "html":
        text = str(data)
        uris = re.findall(r'src="data:image/[a-z]+;base64,([^"]+)"', text)
        return html.unescape(text) + _sizes(base64.b64decode(uri) for uri in uris)
    assert isinstance(data, bytes)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        props = document.core_properties
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        parts += [link.address for p in document.paragraphs for link in p.hyperlinks]
        parts += [props.title, props.author, props.subject, props.keywords, props.language]
        described = [s._inline.docPr.get("descr") for s in document.inline_shapes]
        parts += described
        blobs = (p.blob for p in document.part.package.parts if p.content_type.startswith("image/"))
        return "\n".join(x or "" for x in parts) + _sizes(blobs)
    reader = pypdf.PdfReader(io.BytesIO(data))
    parts = [page.extract_text() for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    parts.append(str(reader.trailer["/Root"]["/Lang"]))
    parts += [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])]
    parts += _alt_texts(reader.trailer["/Root"]["/StructTreeRoot"])
    sizes = [f"image {i.image.width}x{i.image.height}" for p in reader.pages for i in p.images]
    return "\n".join([*parts, *sizes])


def _sizes(images: typing.Iterable[bytes]) -> str:
    """'image WxH' for each picture, read from its own bytes."""
    from PIL import Image

    return "".join(f"\nimage {Image.open(io.BytesIO(b)).width}x{Image.open(io.BytesIO(b)).height}"
                   for b in images)  # fmt: skip


def _alt_texts(node: typing.Any, depth: int = 0) -> list[str]:
    node = node.get_object() if hasattr(node, "get_object") else node
    found: list[str] = []
    if depth > 40:
        return found
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            found += _alt_texts(kid, depth + 1)
    return found


@pytest.mark.parametrize("fmt", prwriter.FORMATS)
def test_writer_renders_every_field_it_does_not_declare_ignored(fmt: str) -> None:
    from prwriter.writers import WRITERS

    ignored: frozenset[str] = importlib.import_module(WRITERS[fmt]).IGNORED_FIELDS
    assert ignored <= set(PROBES), ignored - set(PROBES)
    # Without case: a stylesheet may set a line in capitals.
    output = text_of(fmt, prwriter.load_release(FULL)).casefold()
    missing = [
        f for f, probe in PROBES.items() if f not in ignored and probe.casefold() not in output
    ]
    assert not missing, f"{fmt} renders none of {missing}"
    shown = [f for f in ignored if PROBES[f].casefold() in output]
    assert not shown, f"{fmt} declares {shown} ignored but renders them"


def test_base_model_subclasses_are_nodes() -> None:
    loose = [
        name
        for name in dir(model)
        if isinstance(getattr(model, name), type)
        and issubclass(getattr(model, name), BaseModel)
        and not issubclass(getattr(model, name), model.Node)
        and getattr(model, name) is not BaseModel
    ]
    assert loose == []
