"""Redlines: what changed between two versions of a release, word by word, as approvers read
it. Both versions are rendered in full first, so a new About text or a changed contact in
the library shows as much as an edited paragraph.

Paragraphs are aligned with difflib; a changed paragraph is compared word by word. Text marks
changes `[-old-]{+new+}`; HTML with `<del>` and `<ins>`; DOCX with Word's tracked changes
(`w:del`, `w:ins`), which Word and LibreOffice can accept or reject one by one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from prwriter.model import Release

Op = Literal["equal", "delete", "insert"]
REDLINE_FORMATS = ("txt", "html", "docx")
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True, slots=True)
class Piece:
    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Piece]:
    """`old` -> `new` as equal, deleted and inserted runs of words (spaces kept)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    return _merge(pieces)


def _merge(pieces: list[Piece]) -> list[Piece]:
    # Neighbouring pieces of the same kind read as one change: "[-a b-]", not "[-a-][- b-]".
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].op == piece.op:
            merged[-1] = Piece(piece.op, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


@dataclass(frozen=True, slots=True)
class Pair:
    """One paragraph of the redline: in both versions, only the old, or only the new."""

    old: int | None
    new: int | None


def align(old: Sequence[str], new: Sequence[str]) -> Iterator[Pair]:
    """The paragraphs of two versions side by side, in reading order."""
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from (Pair(i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        # An edited paragraph pairs with its likeliest counterpart; the rest were removed
        # or added.
        while olds or news:
            if olds and news:
                ratio = difflib.SequenceMatcher(None, old[olds[0]], new[news[0]]).quick_ratio()
                if ratio >= 0.3:
                    yield Pair(olds.pop(0), news.pop(0))
                    continue
                if len(olds) >= len(news):
                    yield Pair(olds.pop(0), None)
                else:
                    yield Pair(None, news.pop(0))
            elif olds:
                yield Pair(olds.pop(0), None)
            else:
                yield Pair(None, news.pop(0))


# --- text ------------------------------------------------------------------------------------


def text_redline(old: str, new: str) -> str:
    """Two renderings of the text compared line by line, then word by word:
    `[-removed-]` and `{+added+}`, as `git diff --word-diff=plain` writes them."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    out: list[str] = []
    for pair in align(old_lines, new_lines):
        if pair.old is None:
            out.append(f"{{+{new_lines[pair.new]}+}}" if new_lines[pair.new] else "")  # type: ignore[index]
        elif pair.new is None:
            out.append(f"[-{old_lines[pair.old]}-]" if old_lines[pair.old] else "")
        else:
            out.append("".join(_text_piece(p) for p in word_diff(old_lines[pair.old],
                                                                 new_lines[pair.new])))  # fmt: skip
    return "\n".join(out)


def _text_piece(piece: Piece) -> str:
    if piece.op == "delete":
        return f"[-{piece.text}-]"
    if piece.op == "insert":
        return f"{{+{piece.text}+}}"
    return piece.text


# --- HTML ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    tag: str
    css_class: str
    inner: str  # as rendered, markup included
    text: str  # what a reader sees


_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption"}


def html_blocks(html: str) -> tuple[str, list[HtmlBlock]]:
    """The stylesheet and the reading-order text blocks of a rendered HTML release."""
    from html.parser import HTMLParser

    class Blocks(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.found: list[HtmlBlock] = []
            self.css: list[str] = []
            self.in_style = False
            self.open: tuple[str, str] | None = None
            self.depth = 0
            self.inner: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "style":
                self.in_style = True
            if self.open is None and tag in _BLOCK_TAGS:
                self.open, self.depth = (tag, values.get("class") or ""), 1
                self.inner, self.text = [], []
                return
            if self.open is not None:
                self.inner.append(self.get_starttag_text() or "")
                if tag == "br":
                    self.text.append("\n")
                elif tag == self.open[0]:
                    self.depth += 1

        def handle_endtag(self, tag: str) -> None:
            if tag == "style":
                self.in_style = False
            if self.open is None:
                return
            if tag == self.open[0]:
                self.depth -= 1
                if self.depth == 0:
                    self.found.append(HtmlBlock(self.open[0], self.open[1], "".join(self.inner),
                                                "".join(self.text)))  # fmt: skip
                    self.open = None
                    return
            self.inner.append(f"</{tag}>")

        def handle_data(self, data: str) -> None:
            if self.in_style:
                self.css.append(data)
            elif self.open is not None:
                from html import escape

                self.inner.append(escape(data, quote=False))
                self.text.append(data)

    parser = Blocks()
    parser.feed(html)
    parser.close()
    return "".join(parser.css), parser.found


_REDLINE_CSS = """
ins { color: #0b5d1e; background: #e3f6e3; text-decoration: underline; }
del { color: #a40e0e; background: #fbe5e5; text-decoration: line-through; }
.redline-note { font-family: sans-serif; font-size: 9pt; color: #555; }
"""


def html_redline(old_html: str, new_html: str, title: str, note: str) -> str:
    """A standalone HTML page: the new version's blocks in its own styles, with what was
    removed in `<del>` and what was added in `<ins>`."""
    from html import escape

    css, old = html_blocks(old_html)
    _, new = html_blocks(new_html)
    body: list[str] = []
    for pair in align([b.text for b in old], [b.text for b in new]):
        if pair.new is None:
            block = old[pair.old]  # type: ignore[index]
            body.append(f'<{block.tag} class="{escape(block.css_class)}"><del>'
                        f"{block.inner}</del></{block.tag}>")  # fmt: skip
        elif pair.old is None:
            block = new[pair.new]
            body.append(f'<{block.tag} class="{escape(block.css_class)}"><ins>'
                        f"{block.inner}</ins></{block.tag}>")  # fmt: skip
        else:
            block, before = new[pair.new], old[pair.old]
            same = before.text == block.text
            inner = block.inner if same else _html_pieces(before.text, block.text)
            body.append(f'<{block.tag} class="{escape(block.css_class)}">{inner}</{block.tag}>')
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}\n{_REDLINE_CSS}</style>\n</head>\n"
        f'<body>\n<p class="redline-note">{escape(note)}</p>\n<article class="release">\n'
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


def _html_pieces(old: str, new: str) -> str:
    from html import escape

    out = []
    for piece in word_diff(old, new):
        text = escape(piece.text, quote=False).replace("\n", "<br>")
        if piece.op == "delete":
            out.append(f"<del>{text}</del>")
        elif piece.op == "insert":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out)


# --- DOCX ------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


class _Tracker:
    """Makes `w:ins` and `w:del` elements, each with its own id, the author and the date."""

    def __init__(self, author: str, date: str) -> None:
        self.author, self.date, self.next_id = author, date, 1

    def mark(self, kind: Literal["ins", "del"]) -> Any:
        from docx.oxml import OxmlElement

        element = OxmlElement(f"w:{kind}")
        element.set(_w("id"), str(self.next_id))
        element.set(_w("author"), self.author)
        element.set(_w("date"), self.date)
        self.next_id += 1
        return element


def _runs(paragraph: Any) -> list[Any]:
    """The paragraph's runs in order, those inside hyperlinks included."""
    p = paragraph._p
    inside = (p, *p.iterchildren(_w("hyperlink")))
    return [r for r in p.iter(_w("r")) if r.getparent() in inside]


def _formatting(paragraph: Any) -> list[Any]:
    """Each character's run properties (`w:rPr`), so that rewritten text keeps its bold,
    italics and character styles; None everywhere when the runs do not add up."""
    from docx.text.run import Run

    chars: list[Any] = []
    for r in _runs(paragraph):
        chars += [r.rPr] * len(Run(r, paragraph).text)
    if len(chars) != len(paragraph.text):
        return [None] * len(paragraph.text)
    return chars


def _make_runs(text: str, formats: Sequence[Any], deleted: bool) -> list[Any]:
    """Runs for `text`, split where the formatting changes; `w:delText` when deleted."""
    import copy

    from docx.oxml import OxmlElement

    runs: list[Any] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and formats[end] is formats[start]:
            end += 1
        run = OxmlElement("w:r")
        if formats[start] is not None:
            run.append(copy.deepcopy(formats[start]))
        for i, part in enumerate(text[start:end].split("\n")):
            if i:
                run.append(OxmlElement("w:br"))
            if part:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = part
                run.append(t)
        runs.append(run)
        start = end
    return runs


def _clear(p: Any) -> None:
    for child in list(p):
        if child.tag != _w("pPr"):
            p.remove(child)


def _rewrite(paragraph: Any, before: Any, tracker: _Tracker) -> None:
    """Replace the paragraph's runs with the word-by-word changes from `before`."""
    new_text, old_text = paragraph.text, before.text
    new_formats, old_formats = _formatting(paragraph), _formatting(before)
    p = paragraph._p
    _clear(p)
    i = j = 0  # offsets in the old and the new text
    for piece in word_diff(old_text, new_text):
        size = len(piece.text)
        if piece.op == "equal":
            for run in _make_runs(piece.text, new_formats[j : j + size], deleted=False):
                p.append(run)
            i, j = i + size, j + size
        elif piece.op == "delete":
            mark = tracker.mark("del")
            for run in _make_runs(piece.text, old_formats[i : i + size], deleted=True):
                mark.append(run)
            p.append(mark)
            i += size
        else:
            mark = tracker.mark("ins")
            for run in _make_runs(piece.text, new_formats[j : j + size], deleted=False):
                mark.append(run)
            p.append(mark)
            j += size


def _whole(paragraph: Any, kind: Literal["ins", "del"], tracker: _Tracker) -> Any:
    """A paragraph (a copy, for a removed one) that is all added or all removed, its
    paragraph mark included, so that accepting or rejecting removes it entirely."""
    import copy

    from docx.oxml import OxmlElement

    text = paragraph.text
    formats = _formatting(paragraph)
    p = copy.deepcopy(paragraph._p) if kind == "del" else paragraph._p
    _clear(p)
    mark = tracker.mark(kind)
    for run in _make_runs(text, formats, deleted=kind == "del"):
        mark.append(run)
    p.append(mark)
    p_pr = p.get_or_add_pPr()
    r_pr = p_pr.find(_w("rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        p_pr.append(r_pr)
    r_pr.append(tracker.mark(kind))
    return p


def docx_redline(old: bytes, new: bytes, author: str, date: str) -> bytes:
    """The new DOCX with the changes from the old one as tracked changes by `author` on
    `date` (ISO 8601, e.g. 2026-03-05T00:00:00Z)."""
    import io

    from docx import Document

    old_doc, new_doc = Document(io.BytesIO(old)), Document(io.BytesIO(new))
    old_ps, new_ps = old_doc.paragraphs, new_doc.paragraphs
    tracker = _Tracker(author, date)
    body = new_doc.element.body
    cursor: Any = None  # the element a removed paragraph goes after
    for pair in align([p.text for p in old_ps], [p.text for p in new_ps]):
        if pair.new is None:
            assert pair.old is not None
            removed = _whole(old_ps[pair.old], "del", tracker)
            if cursor is None:
                body.insert(0, removed)
            else:
                cursor.addnext(removed)
            cursor = removed
            continue
        paragraph = new_ps[pair.new]
        if pair.old is None:
            _whole(paragraph, "ins", tracker)
        elif paragraph.text != old_ps[pair.old].text:
            _rewrite(paragraph, old_ps[pair.old], tracker)
        cursor = paragraph._p
    settings = new_doc.settings.element
    if settings.find(_w("trackRevisions")) is None:
        from docx.oxml import OxmlElement

        settings.insert(0, OxmlElement("w:trackRevisions"))  # later edits are tracked too
    buffer = io.BytesIO()
    new_doc.save(buffer)
    return _fixed_times(buffer.getvalue(), date)


def _fixed_times(data: bytes, date: str) -> bytes:
    """The same zip with every entry dated `date`: the same versions give the same bytes."""
    import io
    import zipfile

    stamp = (int(date[:4]), int(date[5:7]), int(date[8:10]), 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


# --- versions --------------------------------------------------------------------------------


class Renderer(Protocol):
    def __call__(self, release: Release, fmt: str, *, wire: str | None = None) -> str | bytes: ...


def redline_files(
    old: Path,
    new: Path,
    fmt: str,
    *,
    load: Callable[[Path], Release],
    render: Renderer,
    rev: str | None = None,
    wire: str | None = None,
    author: str = "prwriter",
) -> str | bytes:
    """The redline of two release files, read with `load` and rendered with `render` (the
    public API's); with `rev`, `old` as it was at that git revision, with the library,
    templates and settings of that revision too."""
    import tempfile

    if fmt not in REDLINE_FORMATS:
        raise ValueError(
            f"unknown redline format {fmt!r}; choose from {', '.join(REDLINE_FORMATS)}"
        )
    with tempfile.TemporaryDirectory(prefix="prwriter-rev-") as scratch:
        old_path = _checkout(old, rev, Path(scratch)) if rev else old
        before, after = load(old_path), load(new)
        if fmt == "txt":
            return text_redline(str(render(before, "txt", wire=wire)),
                                str(render(after, "txt", wire=wire)))  # fmt: skip
        label = f"{old}@{rev}" if rev else str(old)
        if fmt == "html":
            note = f"Changes from {label} to {new}: removed text struck through, added underlined."
            old_html, new_html = render(before, "html"), render(after, "html")
            return html_redline(str(old_html), str(new_html), after.headline, note)
        old_docx, new_docx = render(before, "docx"), render(after, "docx")
        assert isinstance(old_docx, bytes) and isinstance(new_docx, bytes)
        return docx_redline(old_docx, new_docx, author, f"{after.date.isoformat()}T00:00:00Z")


def _git(folder: Path, *args: str) -> bytes:
    import subprocess

    from prwriter.errors import InputError, Problem

    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError([Problem("", 0, 0, "--rev", "git is not installed")]) from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError([Problem("", 0, 0, "--rev", why[-1] if why else "git failed")])
    return done.stdout


def _checkout(release: Path, rev: str, scratch: Path) -> Path:
    """Extract the release's project as it was at `rev` into `scratch`; the release's path
    there."""
    import io
    import tarfile

    from prwriter.errors import InputError, Problem
    from prwriter.project import find_project

    release = release.resolve()
    top = Path(_git(release.parent, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    project = find_project(release.parent)
    root = project if project.is_relative_to(top) else release.parent
    inside = root.relative_to(top).as_posix() or "."
    archive = _git(top, "archive", "--format=tar", rev, "--", inside)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(scratch, filter="data")
    old = scratch / release.relative_to(top)
    if not old.is_file():
        raise InputError([Problem(str(release), 0, 0, "--rev", f"the file is not in {rev}")])
    return old
