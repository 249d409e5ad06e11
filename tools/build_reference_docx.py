"""Build templates/docx/reference.docx: the slim reference document whose named styles the
DOCX writer uses.

The file holds only the styles prwriter uses (python-docx opens it several times faster than
Word's default template with its hundreds of styles). Run it after changing a style here:

    python tools/build_reference_docx.py

A test checks that the committed file is what this script builds.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "templates" / "docx" / "reference.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Georgia"

LAYOUT = OUTPUT.parent.parent / "layout.yaml"

# The look of each layout role: (basedOn, paragraph properties, run properties). The names
# come from templates/layout.yaml, the one place that names styles; roles sharing a name
# share its style.
PARAGRAPH_ROLES: list[tuple[str, str, str, str]] = [
    ("headline", "Normal", '<w:keepNext/><w:spacing w:before="240" w:after="120"/>',
     '<w:b/><w:sz w:val="34"/>'),
    ("subheadline", "Normal", '<w:spacing w:after="200"/>', '<w:i/><w:sz w:val="24"/>'),
    ("paragraph", "Normal", "", ""),
    ("heading-1", "Normal",
     '<w:keepNext/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/>',
     '<w:b/><w:sz w:val="28"/>'),
    ("heading-2", "Normal",
     '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>',
     '<w:b/><w:sz w:val="24"/>'),
    ("heading-3", "Normal",
     '<w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/>',
     '<w:b/>'),
    ("bullet-list", "Normal",
     '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/>', ""),
    ("numbered-list", "Normal",
     '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="40"/>', ""),
    ("quote", "Normal", "", ""),
    ("figure", "Normal", '<w:keepNext/><w:jc w:val="center"/>', ""),
    ("caption", "Normal", "", '<w:i/><w:sz w:val="19"/>'),
    ("about-heading", "Normal",
     '<w:keepNext/><w:spacing w:before="240" w:after="80"/>', '<w:b/><w:sz w:val="24"/>'),
    ("legal-heading", "Normal", '<w:keepNext/><w:spacing w:before="240" w:after="80"/>',
     '<w:b/>'),
    ("legal-text", "Normal", "", '<w:sz w:val="19"/>'),
    ("end-mark", "Normal", '<w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
     ""),
    ("contacts-heading", "Normal", '<w:keepNext/><w:spacing w:before="240" w:after="80"/>',
     '<w:b/>'),
    ("contact-label", "Normal", '<w:keepNext/><w:spacing w:after="0"/>', '<w:b/>'),
    ("contact", "Normal", '<w:keepLines/><w:spacing w:after="120"/>', ""),
    ("timing", "Normal", '<w:spacing w:after="240"/>', '<w:b/><w:caps/>'),
    ("logo", "Normal", '<w:spacing w:after="240"/>', ""),
    ("table-caption", "Normal", '<w:keepNext/><w:spacing w:before="240" w:after="0"/>'
     '<w:jc w:val="center"/>', '<w:b/>'),
    ("table-units", "Normal", '<w:keepNext/><w:spacing w:after="80"/><w:jc w:val="center"/>',
     '<w:i/><w:sz w:val="18"/>'),
    ("table-heading", "Normal", '<w:keepNext/><w:spacing w:after="0"/><w:jc w:val="center"/>',
     '<w:b/><w:sz w:val="18"/>'),
    ("table-label", "Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
     '<w:sz w:val="18"/>'),
    ("table-number", "Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="right"/>', '<w:sz w:val="18"/>'),
    ("table-total", "Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
     '<w:b/><w:sz w:val="18"/>'),
    ("table-total-number", "Normal", '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="right"/>', '<w:b/><w:sz w:val="18"/>'),
    ("table-footnote", "Normal", '<w:spacing w:before="60" w:after="60"/>',
     '<w:sz w:val="16"/>'),
]  # fmt: skip
# The table style of `table` in layout.yaml: a rule under the heading rows, which repeat on
# every page (the writer marks them), cells padded a little.
TABLE_STYLE = (
    '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblCellMar>'
    '<w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr>"
    '<w:tblStylePr w:type="firstRow"><w:tcPr><w:tcBorders>'
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="111111"/>'
    "</w:tcBorders></w:tcPr></w:tblStylePr>"
)
CHARACTER_ROLES: list[tuple[str, str]] = [
    ("dateline", "<w:b/>"),
    ("hyperlink", '<w:color w:val="1A4D8F"/><w:u w:val="single"/>'),
]
# The page footer is the DOCX writer's own, not a block of the layout.
FOOTER = ("Footer", "Normal", '<w:jc w:val="center"/><w:spacing w:after="0"/>',
          '<w:color w:val="555555"/><w:sz w:val="17"/>')  # fmt: skip


def layout_styles() -> dict[str, str]:
    from ruamel.yaml import YAML

    styles: dict[str, str] = YAML(typ="safe").load(LAYOUT.read_text(encoding="utf-8"))["styles"]
    return styles


def paragraph_styles(names: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """One style per name; roles sharing a name must share its look."""
    found: dict[str, tuple[str, str, str, str]] = {}
    for role, based_on, ppr, rpr in PARAGRAPH_ROLES:
        name = names[role]
        if name in found and found[name][1:] != (based_on, ppr, rpr):
            raise SystemExit(f"roles named '{name}' in layout.yaml need one look; {role} differs")
        found[name] = (name, based_on, ppr, rpr)
    return [*found.values(), FOOTER]


# Word's own styles: stored under their internal (lower-case) names where Word has one, and
# not marked as custom, so Word and LibreOffice treat them as the built-ins they are.
BUILT_IN = {"Title", "Subtitle", "Body Text", "Heading 1", "Heading 2", "Heading 3",
            "List Bullet", "List Number", "Quote", "Caption", "Footer", "Hyperlink"}  # fmt: skip
INTERNAL_NAMES = {"Caption": "caption", "Footer": "footer", "Heading 1": "heading 1",
                  "Heading 2": "heading 2", "Heading 3": "heading 3"}  # fmt: skip


def style_id(name: str) -> str:
    return name.replace(" ", "")


def style_open(kind: str, name: str) -> str:
    custom = "" if name in BUILT_IN else ' w:customStyle="1"'
    return (
        f'<w:style w:type="{kind}"{custom} w:styleId="{style_id(name)}">'
        f'<w:name w:val="{INTERNAL_NAMES.get(name, name)}"/>'
    )


def styles_xml() -> str:
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="160" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">'
        '<w:name w:val="No List"/><w:semiHidden/></w:style>',
    ]
    names = layout_styles()
    for name, based_on, ppr, rpr in paragraph_styles(names):
        parts.append(
            style_open("paragraph", name)
            + f'<w:basedOn w:val="{based_on}"/><w:qFormat/>'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
            + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
            + "</w:style>"
        )
    parts.append(style_open("table", names["table"]) + TABLE_STYLE + "</w:style>")
    for role, rpr in CHARACTER_ROLES:
        name = names[role]
        parts.append(
            style_open("character", name)
            + f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>'
        )
    parts.append("</w:styles>")
    return "".join(parts)


BULLET = "\u2022"


def numbering_xml() -> str:
    def level(fmt: str, text: str) -> str:
        return (
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="0">{level("bullet", BULLET)}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1">{level("decimal", "%1.")}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


DOCUMENT = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<w:body><w:sectPr>"
    '<w:pgSz w:w="12240" w:h="15840"/>'
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1296" w:left="1440" w:header="720" '
    'w:footer="576" w:gutter="0"/></w:sectPr></w:body></w:document>'
)
SETTINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Press release</dc:title>'
    "</cp:coreProperties>"
)
APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
    '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>prwriter</Application></Properties>"
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns='
    '"http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/settings" Target="settings.xml"/>'
    "</Relationships>"
)


def build() -> bytes:
    files = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": SETTINGS,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    sys.stdout.write(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)\n")
