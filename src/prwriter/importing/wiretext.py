"""Plain wire text read back into a release, in the form one wire profile writes it: the
timing and date lines, headline and subheadlines, dateline, body, About sections, legal
blocks, contacts and source line. The template's order (`templates/text/wire.txt.j2`) is
read from both ends: what comes first from the top, contacts and source from the bottom."""

from __future__ import annotations

import datetime as dt
import re
import string
from functools import lru_cache
from pathlib import Path

from prwriter.importing.contacts import ContactReader
from prwriter.importing.draft import Draft, FoundCompany, FoundLegal
from prwriter.importing.languages import (
    COMPANY_SUFFIXES,
    NAME_CONNECTORS,
    about_name,
    about_regex,
    date_regex,
    declined_articles,
    legal_kind,
    read_local_date,
    read_local_moment,
    read_local_places,
)
from prwriter.importing.patterns import (
    DATE,
    escape_markdown,
    read_date,
    read_moment,
    template_regex,
    unmark,
)
from prwriter.importing.places import UNKNOWN_REGION, guess_place, read_places
from prwriter.importing.quotes import QuoteReader
from prwriter.importing.reading import Block, blocks
from prwriter.importing.wiretables import FoundTable, preformatted, wire_tables
from prwriter.style.charset import TRADEMARK_FORMS, to_ascii
from prwriter.style.dates import DATE_STYLES
from prwriter.style.languages import labels
from prwriter.style.tickers import canonical_exchange
from prwriter.wires import WireProfile

_LEGAL = re.compile(
    r"trademark|forward-looking|safe harbor|cautionary|not an offer|offer to (?:sell|buy)"
    r"|solicitation|disclaim|all rights reserved|registered mark|non-GAAP financial measure",
    re.IGNORECASE,
)
# French spacing as the writer puts it: before `: ; ! ?` and `»`, after `«`.
_SPACED = re.compile(r"[\u00a0\u202f](?=[:;!?\u00bb])|(?<=\u00ab)\u00a0")
_BULLET = re.compile(r"^\s*[\u2022\u00b7\u25aa*\-] ")
# Words in quotation marks, long enough to be someone speaking.
_SPOKEN = re.compile(r'"[^"]*\w+ \w+[^"]*"')
# Every language's quotation marks as straight ones: “ ” « » „.
_TO_STRAIGHT = dict.fromkeys((0x201C, 0x201D, 0x00AB, 0x00BB, 0x201E), '"')
_SYMBOL = r"[A-Z0-9][A-Za-z0-9.\-]*"
_NAME_TOKEN = re.compile(r"[A-Z0-9][\w&.'\u2019\-]*®?™?,?$")
_SUFFIX = re.compile(
    r"^(?:Inc|Corp|Corporation|Co|Ltd|LLC|L\.P|LP|PLC|plc|AG|SE|S\.A|N\.V|GmbH|"
    + "|".join(COMPANY_SUFFIXES)
    + r")\.?,?$"
)
# The issuer a lead opens with: capitalized words ending in a legal suffix.
_LEAD_COMPANY = re.compile(
    r"((?:[A-Z][\w&'.\-]* )+?(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|LP|plc)\.?)(?=[ ,])"
)
_CONNECTORS = frozenset({"&", "and", "of", "the", "for", "de"}) | NAME_CONNECTORS


def dateline_pattern(
    wire: WireProfile, *, loose: bool = False, folded: bool = False, language: str | None = None
) -> re.Pattern[str]:
    """The profile's dateline; `loose` also takes the forms syndicators reprint it in: any
    dash for a hyphen, spaces added or dropped around them, the lead on the next line;
    `folded` the form `--ascii` writes (an em dash as two hyphens); `language` the date in
    that language's form."""
    template = to_ascii(wire.dateline) if folded else wire.dateline
    date = date_regex(wire, language, folded=folded, dateline=True) if language else DATE
    pattern = template_regex(template, {"place": r"[^\n]+?", "date": date})
    if loose:
        dash = "\\s*[-\u2013\u2014]+\\s*"
        pattern = re.sub(r"(?:\\ )*(?:\\-)+(?:\\ )*", lambda _: dash, pattern)
        pattern = pattern.replace("\\ ", "\\s*") + "\\s*"
    return re.compile("^" + pattern)


def marks_of(wire: WireProfile) -> dict[str, str]:
    return TRADEMARK_FORMS[wire.trademarks] if isinstance(wire.trademarks, str) else wire.trademarks


class WireTextReader:
    """Reads one release written in `wire`'s form (the profile named `name`); for copy in
    another language than English, `wire` has that language's settings applied and
    `language` is its tag."""

    def __init__(
        self,
        wire: WireProfile,
        name: str,
        *,
        loose: bool = False,
        folded: bool = False,
        language: str | None = None,
    ) -> None:
        self.wire = wire
        self.name = name
        self.loose = loose
        self.folded = folded
        self.language = language
        # Copy folded to ASCII writes the marks as (R) and (TM) whatever the profile says.
        self.marks = TRADEMARK_FORMS["ascii"] if folded else marks_of(wire)
        self.dateline = dateline_pattern(wire, loose=loose, folded=folded, language=language)
        # The dateline's longest fixed text (`/CNW/ -`), which copy in its form must hold;
        # reprinted copy (`loose`) may change its dashes and spaces.
        fixed = [lit for lit, *_ in string.Formatter().parse(wire.dateline)]
        longest = max(fixed, key=len).strip()
        self.marker = "" if loose else (to_ascii(longest) if folded else longest)
        self.contacts = ContactReader(wire)
        listing = template_regex(
            wire.ticker,
            {"exchange": r"[A-Za-z][\w .\-]*?", "symbol": rf"{_SYMBOL}(?: and {_SYMBOL})*"},
        )
        if wire.space_before_marks != "none":
            # French copy may space the colon: `(TSX : LUMB)`, the issuer's form.
            listing = listing.replace("):", ")[ \u00a0]?:", 1)
        one = listing.replace("(?P<exchange>", "(?:").replace("(?P<symbol>", "(?:")
        self.listing = re.compile(listing)
        self.listings = re.compile(f"{one}(?:{re.escape(wire.ticker_separator)}{one})*")
        self.date_hint: dt.date | None = None
        self.dateline_prefix = ""
        self.lead_line = 1
        # Markdown for paragraphs whose source had formatting (a Word file's runs), by line.
        self.markdown: dict[int, str] = {}
        # Tables read from a Word or Markdown file, by the line of the block standing in
        # (or why one could not be read).
        self.tables: dict[int, dict[str, object] | str] = {}
        self.raw: list[str] = []  # the copy's lines as written (tables are read from them)
        self.labels = {label: exchange for exchange, label in wire.exchange_labels.items()}

    def matches(self, text: str) -> bool:
        if self.marker not in text:
            return False  # quick: the dateline's fixed words are not in the copy
        found = [unmark(t, self.marks) for t in _texts(text)] if self.marks else _texts(text)
        if not any(self.dateline.match(t) for t in found):
            return False
        if self.language is None or "{date}" in self.wire.dateline:
            return True
        # A dateline without a date says nothing of the language: its About heading does.
        heading = about_regex(self.language, folded=self.folded)
        about = re.compile("^" + template_regex(self.wire.about_heading, {"heading": heading}))
        return any(about.match(t) for t in found)

    # --- the whole release ---------------------------------------------------------------

    def read(self, text: str, path: Path, date_hint: dt.date | None = None) -> Draft:
        draft = Draft(path=path, wire=self.name, language=self.language)
        self.date_hint = date_hint
        self.raw = text.split("\n")
        found = [Block(tuple(self._line(line) for line in b.lines), b.line) for b in blocks(text)]
        lo, hi = 0, len(found)
        wire = self.wire
        if wire.timing and lo < hi:
            lo = self._timing(found[lo], draft, lo)
        top_contacts: list[Block] = []
        if wire.contacts_position == "top" and lo < hi and found[lo].text == wire.contacts_heading:
            lo += 1
            while lo < hi and _contact_like(found[lo]):
                top_contacts.append(found[lo])
                lo += 1
        if wire.date_line and lo < hi:
            pattern = "^" + template_regex(wire.date_line, {"date": DATE}) + "$"
            match = re.match(pattern, found[lo].text)
            if match:
                draft.date = self._date(match["date"])
                lo += 1
        lead = next((i for i in range(lo + 1, hi) if self.dateline.match(found[i].text)), None)
        if lead is None:
            draft.note(found[lo].line if lo < hi else 1, "no dateline in this wire's form")
            return draft
        draft.headline = found[lo].text
        for block in found[lo + 1 : lead]:
            match = re.fullmatch(template_regex(wire.subheadline, {"text": ".+"}), block.text)
            draft.subheadlines.append(match["text"] if match else block.text)
        hi = self._bottom(found, lead, hi, draft)
        if top_contacts:
            self._contacts(top_contacts, draft)
        self._lead(found[lead], draft)
        self._middle(found[lead:hi], draft)
        if draft.date is None:
            draft.date = date_hint
        return draft

    def _line(self, line: str) -> str:
        """A line as the facts hold it: trademarks unencoded, French spacing (the space
        that never breaks before `: ; ! ?` and inside « ») as typed, which the writer
        puts back."""
        line = unmark(line, self.marks)
        if self.wire.space_before_marks != "none":
            line = _SPACED.sub(" ", line)
        return line

    def _date(self, text: str, year: int | None = None) -> dt.date | None:
        if self.language:
            return read_local_date(text, self.wire, self.language, folded=self.folded, year=year)
        return read_date(text, self.wire.date_style, year=year)

    def _fold(self, text: str) -> str:
        return to_ascii(text) if self.folded else text

    def _timing(self, block: Block, draft: Draft, lo: int) -> int:
        if block.text == self._fold(self.wire.immediate_line):
            return lo + 1
        embargo_line = self._fold(self.wire.embargo_line)
        pattern = "^" + template_regex(embargo_line, {"moment": ".+"}) + "$"
        match = re.match(pattern, block.text)
        if match:
            moment = (
                read_local_moment(match["moment"], self.wire, self.language, folded=self.folded)
                if self.language
                else read_moment(match["moment"], self.wire.date_style)
            )
            if moment:
                until, zone = moment
                draft.embargo = {"until": until, "timezone": zone}
                return lo + 1
            draft.note(block.line, f"an embargo time prwriter cannot read: {match['moment']}")
        return lo

    def _bottom(self, found: list[Block], lead: int, hi: int, draft: Draft) -> int:
        wire = self.wire
        if wire.trailer and hi > lead + 1 and found[hi - 1].text == wire.trailer:
            hi -= 1
        source = (
            re.compile("^" + template_regex(wire.source_line, {"source": ".+"}) + "$")
            if wire.source_line
            else None
        )
        if source and not wire.source_before_contacts and hi > lead + 1:
            match = source.match(found[hi - 1].text)
            if match:
                draft.source = match["source"]
                hi -= 1
        if wire.contacts_position == "end":
            start = self._contacts_start(found, lead, hi)
            if start is not None:
                self._contacts(found[start:hi], draft)
                hi = start
        if source and wire.source_before_contacts and hi > lead + 1:
            match = source.match(found[hi - 1].text)
            if match:
                draft.source = match["source"]
                hi -= 1
        if wire.end_mark and hi > lead + 1 and found[hi - 1].text == wire.end_mark:
            hi -= 1
        return hi

    def _contacts_start(self, found: list[Block], lead: int, hi: int) -> int | None:
        wire = self.wire
        heading = wire.contacts_heading
        for i in range(hi - 1, lead, -1):
            first = found[i].lines[0]
            if wire.contacts_layout in ("hanging", "run-in"):
                if first.startswith((heading or "CONTACT:") + " "):
                    return i
            elif heading is not None:
                if found[i].text == heading:
                    return i
            elif not _contact_like(found[i]):
                return i + 1 if i + 1 < hi else None
        return None

    def _contacts(self, found: list[Block], draft: Draft) -> None:
        wire = self.wire
        lines: list[tuple[int, str]] = []
        if wire.contacts_layout in ("hanging", "run-in"):
            lead = (wire.contacts_heading or "CONTACT:") + " "
            indent = "" if wire.contacts_layout == "run-in" else " " * len(lead)
            for block in found:
                if lines:
                    lines.append((0, ""))
                for n, line in enumerate(block.lines):
                    if not lines:
                        line = line.removeprefix(lead)
                    elif line.startswith(indent):
                        line = line[len(indent) :]
                    lines.append((block.line + n, line))
        else:
            for block in found:
                if block.text == wire.contacts_heading:
                    continue
                if lines:
                    lines.append((0, ""))
                lines.extend((block.line + n, line) for n, line in enumerate(block.lines))
        groups = self.contacts.groups(lines)
        draft.contacts = groups
        if not groups and lines:
            # Kept, in its place at the end, as a notice the writer can turn into contacts.
            heading = wire.contacts_heading if wire.contacts_layout == "block" else None
            text = "\n".join(line.strip() for _, line in lines if line.strip())
            if wire.contacts_layout != "block":
                text = (wire.contacts_heading or "CONTACT:") + " " + text
            draft.contact_notice = FoundLegal("notice", escape_markdown(text), lines[0][0], heading)
            draft.note(
                lines[0][0],
                "contacts without a group label (prwriter writes one); kept as a notice",
            )

    def _lead(self, block: Block, draft: Draft) -> None:
        self.lead_line = block.line
        match = self.dateline.match(block.text)
        assert match is not None
        wire = self.wire
        places = (
            read_local_places(match["place"], wire, self.language, folded=self.folded)
            if self.language
            else read_places(match["place"], wire)
        )
        if places is None:
            draft.note(block.line, f"a dateline place prwriter cannot read: {match['place']}")
            places = [guess_place(part, wire) for part in match["place"].split(wire.city_separator)]
        draft.dateline = places
        for place in places:
            if place.get("country") == UNKNOWN_REGION:
                draft.note(block.line, f"the copy does not name {place['city']}'s region; set it")
        if "date" in match.groupdict() and match["date"]:
            known = draft.date or self.date_hint
            year = known.year if known else None
            date = self._date(match["date"], year)
            if date is None and not self.language:
                found = (read_date(match["date"], s, year=year) for s in DATE_STYLES)
                date = next((d for d in found if d is not None), None)
                if date is not None:
                    draft.note(block.line, f"a date not in the profile's style: {match['date']}")
            if date is None:
                draft.note(block.line, f"a date prwriter cannot read: {match['date']}")
            draft.date = draft.date or date

    # --- body, About sections, legal blocks ------------------------------------------------

    def _middle(self, found: list[Block], draft: Draft) -> None:
        heading = about_regex(self.language, folded=self.folded) if self.language else "About .+"
        about = re.compile(
            "^" + template_regex(self.wire.about_heading, {"heading": heading}) + "$"
        )
        headings = [i for i, b in enumerate(found) if len(b.lines) == 1 and about.match(b.text)]
        end = len(found)
        legal_from = self._legal_start(found, headings[-1] + 1 if headings else 1, end)
        body_end = headings[0] if headings else legal_from
        before = body_end
        while headings and before > 1 and self._legal_words(found[before - 1].text):
            before -= 1
        first = found[0]
        cut = self.dateline.match(first.text).end()  # type: ignore[union-attr]
        self.dateline_prefix, lead_text = first.text[:cut], first.text[cut:]
        body_blocks = [Block((lead_text,), first.line), *found[1:before]]
        self._body(body_blocks, draft)
        if before < body_end:
            self._legal(found[before:body_end], draft, before_about=True)
        for n, i in enumerate(headings):
            stop = headings[n + 1] if n + 1 < len(headings) else legal_from
            match = about.match(found[i].text)
            assert match is not None
            written = match["heading"]
            if self.language:
                known = (draft.source,) if draft.source else ()
                name = about_name(match["name"], self.language, known)
                standard = self._fold(labels(self.language).about).format(name=name)
            else:
                name = written.removeprefix("About ").removeprefix("the ").rstrip(":")
                standard = f"About {name}"
            company = self._company(draft, name, found[i].line)
            if written != standard:
                company.about_heading = written
            texts = [self._text(b) for b in found[i + 1 : stop]]
            if texts:
                company.about = "\n\n".join(texts)
        self._legal(found[legal_from:end], draft, before_about=False)
        self._find_companies(draft)

    def _legal_start(self, found: list[Block], start: int, end: int) -> int:
        """Legal blocks close the release: from the first one that reads as legal (or a
        heading over one) to the end."""
        for i in range(max(start, 1), end):
            text = found[i].text
            heading_over_legal = (
                _heading_like(found[i]) and i + 1 < end and self._legal_words(found[i + 1].text)
            )
            if heading_over_legal or self._legal_words(text):
                return i
        return end

    def _legal(self, found: list[Block], draft: Draft, *, before_about: bool) -> None:
        """Legal entries: a heading-like line over the blocks under it, or one block."""
        current: FoundLegal | None = None
        for k, block in enumerate(found):
            if _heading_like(block) and k + 1 < len(found):
                current = FoundLegal("notice", "", block.line, block.text, before_about)
                draft.legal.append(current)
                continue
            text = self._text(block)
            if current is not None:
                current.text = f"{current.text}\n\n{text}" if current.text else text
                current.kind = self._legal_kind(f"{current.heading} {current.text}")
            else:
                draft.legal.append(
                    FoundLegal(self._legal_kind(block.text), text, block.line, None, before_about)
                )

    def _legal_words(self, text: str) -> bool:
        """Words that mark a legal block, in English or the copy's language."""
        return bool(_LEGAL.search(text)) or bool(
            self.language and legal_kind(text, self.language, folded=self.folded)
        )

    def _legal_kind(self, text: str) -> str:
        found = legal_kind(text, self.language, folded=self.folded) if self.language else None
        return found or _legal_kind(text)

    def _body(self, found: list[Block], draft: Draft) -> None:
        quotes = QuoteReader(self.wire, self.language, folded=self.folded)
        tables = {t.start: t for t in self._tables(found)}
        skip = 0
        verbatim = range(0)  # the blocks of a table that could not be read
        for n, block in enumerate(found):
            text = block.text
            table = tables.get(n)
            if n < skip or (table and table.part):
                if table and table.part:
                    draft.body.append(table.part)
                    skip = table.end
                continue
            if table and table.problem:
                draft.note(*table.problem)
                verbatim = range(table.start, table.end)
            if n in verbatim:
                draft.body.append(preformatted(block.lines))
                continue
            kept = self.tables.get(block.line)
            if isinstance(kept, str):  # a table that could not be read: its text stays
                draft.note(block.line, kept)
            elif kept is not None:
                draft.body.append(kept)
                continue
            if n and _is_list(block, self.wire.bullet):
                draft.body.append(self._list(block))
                continue
            if n and _heading_like(block):
                heading = re.fullmatch(template_regex(self.wire.heading, {"text": ".+"}), text)
                draft.body.append("## " + escape_markdown(heading["text"] if heading else text))
                continue
            override = self.markdown.get(block.line)
            if override is not None and n == 0:
                prefix = escape_markdown(self.dateline_prefix)
                override = override.removeprefix(prefix) if override.startswith(prefix) else None
            if override is not None:
                draft.body.append(override)
                continue
            quote = quotes.read(text) if n else None
            if quote is not None:
                draft.body.append(quote)
                continue
            if n and _SPOKEN.search(text.translate(_TO_STRAIGHT)):
                draft.note(
                    block.line,
                    "a quote in a form this wire's profile does not write; kept as a paragraph",
                )
            if n == len(found) - 1 and _labelled_contact(block):
                draft.note(
                    block.line,
                    "contacts in a form this wire's profile does not write (under "
                    f"'{block.lines[0].strip()}'); kept as a paragraph",
                )
            if self.wire.media == "captions" and text.startswith(
                self.wire.media_line.split("{")[0]
            ):
                draft.note(
                    block.line,
                    "a photo caption (the photo file is not in the copy); kept as a paragraph",
                )
            draft.body.append(self._paragraph(text))

    def _tables(self, found: list[Block]) -> list[FoundTable]:
        """The fixed-width tables among the body's blocks, read from the lines as written."""

        def raw(block: Block) -> list[str]:
            at = block.line - 1
            return [line.rstrip() for line in self.raw[at : at + len(block.lines)]]

        return wire_tables(self.wire, self.marks, self._line, folded=self.folded).find(found, raw)

    def _text(self, block: Block) -> str:
        return self.markdown.get(block.line) or escape_markdown(block.text)

    def _list(self, block: Block) -> str:
        bullet = self.wire.bullet
        ordered = bool(re.match(r"\d+\. ", block.lines[0]))
        items = []
        for line in block.lines:
            if ordered:
                number, _, item = line.partition(". ")
                items.append(f"{number}. {escape_markdown(item)}")
            else:
                item = (
                    line.removeprefix(bullet) if line.startswith(bullet) else _BULLET.sub("", line)
                )
                items.append("- " + escape_markdown(item))
        return "\n".join(items)

    def _paragraph(self, text: str) -> str:
        if self.wire.links != "markdown":
            return escape_markdown(text)
        # Markdown links stay links; everything around them is escaped.
        out, at = [], 0
        for match in re.finditer(r"\[([^\[\]\n]+)\]\((\S+?)\)", text):
            out.append(escape_markdown(text[at : match.start()]))
            out.append(f"[{escape_markdown(match[1])}]({match[2]})")
            at = match.end()
        out.append(escape_markdown(text[at:]))
        return "".join(out)

    # --- companies -----------------------------------------------------------------------

    def _company(self, draft: Draft, name: str, line: int) -> FoundCompany:
        for company in draft.companies:
            if company.name == name:
                return company
        company = FoundCompany(name=name, line=line)
        draft.companies.append(company)
        return company

    def _find_companies(self, draft: Draft) -> None:
        """Listings after first mentions, in paragraphs and list items (not quotes or
        subheads, where prwriter never writes them)."""
        seen_text = ""
        for i, part in enumerate(draft.body):
            if not isinstance(part, str) or part.startswith("## "):
                continue
            marked = self._mark_listings(part, draft, seen_text)
            draft.body[i] = marked
            seen_text += "\n" + marked
        if draft.source and not any(c.name == draft.source for c in draft.companies):
            self._company(draft, draft.source, 0)
        lead = draft.body[0] if draft.body and isinstance(draft.body[0], str) else ""
        named = _LEAD_COMPANY.match(lead.replace("\\", ""))
        if not draft.companies and named:
            # No listing, About or source line: the issuer the lead opens with.
            self._company(draft, named[1], 0)
            draft.note(self.lead_line, f"{named[1]}: a company named only in the lead")
        text = "\n".join(p for p in draft.body if isinstance(p, str))
        for company in draft.companies:
            forms = (company.mention or company.name, company.name)
            company.mentioned = any(escape_markdown(form) in text for form in forms)
        source = next((c for c in draft.companies if c.name == draft.source), None)
        if source is not None and not any(c.mentioned for c in draft.companies):
            # Named only on the source line (a government's release): the issuer still.
            source.mentioned = True

    def _mark_listings(self, markdown: str, draft: Draft, seen: str) -> str:
        out, at = [], 0
        for match in self.listings.finditer(markdown):
            head = markdown[: match.start()]
            if not head.endswith(" "):
                continue
            head = head[:-1]
            url = None
            link = re.search(r"\[([^\[\]]+)\]\((\S+?)\)$", head)
            if link:
                name, url, cut = link[1], link[2], link.start()
            else:
                name = _name_before(head, declined_articles(self.language)) or ""
                cut = len(head) - len(name)
            known = next(
                (c for c in draft.companies if head.endswith(escape_markdown(c.name))), None
            )
            if known and not link:
                name = escape_markdown(known.name)
                cut = len(head) - len(name)
            plain = name.replace("\\", "")
            listings = self._read_listings(match.group())
            spaced = bool(re.search(r"[ \u00a0]:", match.group()))
            if not name or listings is None or (seen + head[:cut]).find(name) >= 0:
                continue
            # A first mention in its own form: `Kestrel Avionics®, Inc.` for the name.
            bare = re.sub("[®™℠]", "", plain)
            known = known or next((c for c in draft.companies if c.name == bare), None)
            company = known or self._company(draft, plain, 0)
            if company.listings:
                continue
            if plain != company.name:
                company.mention = plain
            company.listings = listings
            company.ticker_spaced = spaced
            if url:
                company.url, company.link = url, True
            out.append(markdown[at:cut] + name)
            at = match.end()
        out.append(markdown[at:])
        return "".join(out)

    def _read_listings(self, written: str) -> list[dict[str, str]] | None:
        found = []
        for match in self.listing.finditer(written):
            label = match["exchange"]
            try:
                exchange = canonical_exchange(self.labels.get(label, label))
            except ValueError:
                return None
            for symbol in match["symbol"].split(" and "):
                found.append({"exchange": exchange, "symbol": symbol})
        return found or None


@lru_cache(maxsize=4)
def _texts(text: str) -> tuple[str, ...]:
    """The copy's blocks' texts: every profile and language tried reads the same copy."""
    return tuple(b.text for b in blocks(text))


def _name_before(text: str, declined: frozenset[str] = frozenset()) -> str | None:
    """The company name that ends `text`: capitalized words, a legal suffix after a comma,
    connectors inside (`Procter & Gamble`); not an article in `declined` before it."""
    tokens = text.split(" ")
    taken: list[str] = []
    for token in reversed(tokens):
        if (
            _SUFFIX.match(token)
            or (
                _NAME_TOKEN.match(token)
                and (not token.endswith(",") or (taken and _SUFFIX.match(taken[0])))
            )
            or (token in _CONNECTORS and taken)
        ):
            taken.insert(0, token)
        else:
            break
    while taken and (
        taken[0] in _CONNECTORS
        or (taken[0] == "The" and len(taken) == 1)
        or (taken[0] in declined and len(taken) > 1)
    ):
        taken.pop(0)
    if taken and taken[0].endswith(","):
        return None
    return " ".join(taken) or None


def _legal_kind(text: str) -> str:
    lower = text.lower()
    if "forward-looking" in lower or "safe harbor" in lower:
        return "forward-looking"
    if "trademark" in lower or "registered mark" in lower:
        return "trademark"
    if (
        "disclaim" in lower
        or "not an offer" in lower
        or "solicitation" in lower
        or ("non-gaap financial measure" in lower)
    ):
        return "disclaimer"
    return "notice"


def _heading_like(block: Block) -> bool:
    text = block.text
    return (
        len(block.lines) == 1
        and len(text) <= 90
        and not text.endswith((".", ",", ";", ":", "!", "?", '"', "”"))
        and not text.startswith(('"', "“"))
        and len(text.split()) <= 12
    )


def _is_list(block: Block, bullet: str) -> bool:
    if all(line.startswith(bullet) or _BULLET.match(line) for line in block.lines):
        return True
    first = re.match(r"(\d+)\. ", block.lines[0])
    if first is None:
        return False
    start = int(first[1])
    return all(line.startswith(f"{n}. ") for n, line in enumerate(block.lines, start=start))


def _labelled_contact(block: Block) -> bool:
    """A block of a label line (`Source :`) then a contact's lines, one with a phone
    number or an email address."""
    rest = "\n".join(block.lines[1:])
    return (
        len(block.lines) > 2
        and block.lines[0].rstrip().endswith(":")
        and bool("@" in rest or re.search(r"\d{3}[\s.\-)]+\d{3,4}", rest))
    )


def _contact_like(block: Block) -> bool:
    """Lines a contact block holds: several lines, an email, a phone number or a label."""
    text = block.text
    return bool(
        len(block.lines) > 1
        or "@" in text
        or re.search(r"\d{3}[\s.\-)]+\d{3,4}", text)
        or text.endswith(":")
    )
