"""The shipped rules. IDs follow the release-check catalogue: HL headline, DL dateline and
dates, LD lead, ST structure, PR style and prose, FN financial and disclosure, EM embargo.

Each rule yields (release path, message, severity or None for the rule's configured one).
Rules read plain text by section; quoted speech, About texts, legal blocks and contacts are
left out unless a rule says otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from prwriter.checks.registry import Context, rule
from prwriter.checks.text import (
    all_copy,
    body_blocks,
    body_text,
    lead,
    release_names,
    sentences,
    unquoted,
    words,
)
from prwriter.model import Link, ListBlock, Paragraph, Quote, Table, Tickers
from prwriter.style.names import without_legal_suffix

Hit = tuple[tuple[str | int, ...], str, Any]

# Rules that read English words; copy in other languages skips them (LN001 says so).
ENGLISH = ("en",)


def _names(ctx: Context) -> list[str]:
    """The issuer's name, its short name, and its name without the legal suffix."""
    issuer = ctx.release.companies[0]
    bare = without_legal_suffix(issuer.name)
    return list(dict.fromkeys(n for n in (issuer.name, issuer.short_name, bare) if n))


def _without_company_names(ctx: Context, text: str) -> str:
    for company in ctx.release.companies:
        for name in (company.name, company.short_name):
            if name:
                text = text.replace(name, " ")
    return text


# --- headline ---------------------------------------------------------------------------


@rule(
    "HL001", "headline-length", "warning",
    "Headline length in characters: info over 65 (search results cut it), warning over 88, "
    "error over 170 (wires refuse it).",
    info=65, warning=88, error=170,
)  # fmt: skip
def headline_length(ctx: Context) -> Iterator[Hit]:
    length = len(unicodedata.normalize("NFC", ctx.release.headline))
    for severity in ("error", "warning", "info"):
        limit = int(ctx.params[severity])
        if length > limit:
            yield (("headline",), f"headline is {length} characters, over {limit}; shorten "
                   "it, and move detail to a subheadline", severity)  # fmt: skip
            return


@rule(
    "HL002", "headline-key-terms-early", "warning",
    "The issuer's name starts within the headline's first 70 characters.", within=70,
)  # fmt: skip
def headline_key_terms(ctx: Context) -> Iterator[Hit]:
    headline = ctx.release.headline
    positions = [headline.find(n) for n in _names(ctx) if n in headline]
    if positions and min(positions) > int(ctx.params["within"]):
        yield (("headline",), f"the company's name starts at character {min(positions) + 1}, "
               f"past {ctx.params['within']}; move it to the front, where readers and search "
               "engines look", None)  # fmt: skip


@rule(
    "HL003", "headline-words", "warning",
    "A headline of 6 to 20 words.", fewest=6, most=20,
)  # fmt: skip
def headline_words(ctx: Context) -> Iterator[Hit]:
    count = len(ctx.release.headline.split())
    if count < int(ctx.params["fewest"]):
        yield (("headline",), f"headline has {count} words; say what happened in "
               f"{ctx.params['fewest']} or more", None)  # fmt: skip
    elif count > int(ctx.params["most"]):
        yield (("headline",), f"headline has {count} words; cut it to {ctx.params['most']} or "
               "fewer", None)  # fmt: skip


COMMON_ACRONYMS = frozenset(
    [
        "AI",
        "API",
        "B2B",
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "CMO",
        "CIO",
        "EVP",
        "SVP",
        "VP",
        "US",
        "U.S.",
        "UK",
        "EU",
        "UN",
        "FDA",
        "SEC",
        "IPO",
        "ESG",
        "R&D",
        "AG",
        "SE",
        "SA",
        "NV",
        "LLC",
        "LP",
        "PLC",
        "GmbH",
        "ADC",
        "ADCS",
        "NASA",
        "NATO",
        "IT",
        "IoT",
        "5G",
        "4K",
        "HD",
        "TV",
        "PC",
        "IBM",
        "ETF",
        "EPS",
        "EBITDA",
        "GAAP",
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "MBA",
        "PhD",
        "CRM",
        "ERP",
        "SaaS",
        "HR",
    ]
)


@rule(
    "HL004", "headline-shouting", "warning",
    "No word in capitals unless it is an acronym or a name written so: the issuer's tickers, "
    "common acronyms, the names of the companies and people in the release and its library, "
    "the project's `check.words`, or the `acronyms` parameter. An error when the whole "
    "headline is in capitals (wires refuse it).",
    acronyms=[],
    languages=ENGLISH,
)  # fmt: skip
def headline_shouting(ctx: Context) -> Iterator[Hit]:
    allowed = set(COMMON_ACRONYMS) | {str(a) for a in ctx.params["acronyms"]} | ctx.words
    for company in ctx.release.companies:
        allowed |= {x.symbol for x in company.listings} | {x.exchange for x in company.listings}
    from prwriter.checks.editing import library_names

    names = [*release_names(ctx.release), *library_names(ctx)]
    allowed |= {w for name in names for w in re.findall(r"[\w&'-]+", name)}
    shouting = []
    tokens = re.findall(r"[\w.&'-]+", ctx.release.headline)
    for token in tokens:
        letters = [c for c in token if c.isalpha()]
        # Short capitals (GPU, NFL) and tokens with digits or & (COVID-19, AT&T) are most
        # likely acronyms; a long word in capitals is shouting.
        if len(letters) < 4 or any(c.isdigit() or c == "&" for c in token):
            continue
        if all(c.isupper() for c in letters) and token.strip(".'-") not in allowed:
            shouting.append(token)
    words_with_letters = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(words_with_letters) >= 3 and all(t.upper() == t for t in words_with_letters):
        yield (("headline",), "the whole headline is in capitals; wires refuse it: write it "
               "in title case", "error")  # fmt: skip
    elif shouting:
        yield (("headline",), f"'{shouting[0]}' is in capitals; write it in title case, or add "
               "it to `check.words` in prwriter.toml if the name is written so", None)  # fmt: skip


@rule(
    "HL005", "headline-punctuation", "warning",
    "A headline takes no final period or question mark (exclamation marks: PR002).",
)  # fmt: skip
def headline_punctuation(ctx: Context) -> Iterator[Hit]:
    headline = ctx.release.headline.rstrip()
    if headline.endswith((".", "?")):
        yield ("headline",), f"headline ends with '{headline[-1]}'; remove it", None


@rule(
    "HL006", "headline-attribution", "warning",
    "The headline names the issuer (its name or short name).",
)  # fmt: skip
def headline_attribution(ctx: Context) -> Iterator[Hit]:
    if not any(name in ctx.release.headline for name in _names(ctx)):
        yield (("headline",), f"the headline does not name {_names(ctx)[0]}; say who made the "
               "news", None)  # fmt: skip


# --- dateline and dates ------------------------------------------------------------------

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_BAD_DATES = [
    (re.compile(r"\bSep\.? \d"), "write 'Sept.' for September with a day"),
    (re.compile(r"\b(?:Mar|Apr|Jun|Jul)\. \d"), "spell out March, April, June and July"),
    (re.compile(r"\b(?:January|February|August|September|October|November|December) \d{1,2}\b"),
     "abbreviate the month with a day (Jan., Feb., Aug., Sept., Oct., Nov., Dec.)"),
    (re.compile(rf"\b(?:{_MONTHS})[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)\b"),
     "write the day without st, nd, rd or th"),
    (re.compile(r"\b(?:Jan|Feb|Aug|Oct|Nov|Dec) \d"), "abbreviated months take a period: Jan."),
]  # fmt: skip


@rule(
    "DL002", "ap-dates", "warning",
    "Dates in the body in AP form: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a day; "
    "March to July spelled out; no ordinals.",
    languages=ENGLISH,
)  # fmt: skip
def ap_dates(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for pattern, fix in _BAD_DATES:
            found = pattern.search(text)
            if found:
                yield path, f"'{found.group()}': {fix}", None
                break


@rule(
    "DL003", "embargo-date", "error",
    "An embargoed release is dated (and its dateline printed with) the day its embargo "
    "lifts, in the embargo's time zone.",
)  # fmt: skip
def embargo_date(ctx: Context) -> Iterator[Hit]:
    embargo = ctx.release.embargo
    if embargo and embargo.until.date() != ctx.release.date:
        yield (("date",), f"the release is dated {ctx.release.date} but its embargo lifts on "
               f"{embargo.until.date()}; date it the day it goes out", None)  # fmt: skip


_AP_STATES = re.compile(
    r"\b(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|"
    r"Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo)\.(?=[\s,]|$)|"
    r"\b(?:N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|R\.I|S\.C|S\.D|W\.Va)\."
)


@rule(
    "DL004", "body-state-names", "info",
    "Since 2014 AP spells out state names in the body (datelines keep the abbreviation).",
    languages=ENGLISH,
)  # fmt: skip
def body_state_names(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        found = _AP_STATES.search(text)
        if found:
            yield path, f"'{found.group()}': spell out state names in the body", None
            return


# --- lead and structure ------------------------------------------------------------------


@rule(
    "LD001", "lead-length", "warning",
    "Words in the lead's first sentence: information over 25 (AP's aim), a warning over 40 "
    "(a descriptor after the company's name is usual on the wires; past 40 the news is "
    "lost).",
    info=25, most=40,
)  # fmt: skip
def lead_length(ctx: Context) -> Iterator[Hit]:
    first = sentences(unquoted(lead(ctx.release)))
    count = len(words(first[0])) if first else 0
    for key, severity in (("most", None), ("info", "info")):
        if count > int(ctx.params[key]):
            yield (("body", 0), f"the lead's first sentence has {count} words, over "
                   f"{ctx.params[key]}; put the news first, detail after",
                   severity)  # fmt: skip
            return


_NEWS_VERBS = re.compile(
    r"\b(?:announc|launch|acquir|appoint|report|complet|rais|sign|partner|introduc|open|"
    r"releas|nam|win|won|award|expand|agree|enter|receiv|select|unveil|start|clos|hir|join|"
    r"fil(?:e|ed|es|ing)\b|host|hold|held|present|schedul|commenc|debut|ship|deliver|grant|"
    r"approv|publish|celebrat|donat|invest|bought|buy|sell|sold|merg|elect|promot|retir|"
    r"resign|declar|pric|issu|updat|confirm|achiev|earn|post|record|submit|initiat|dos|"
    r"enrol|began|begin|sued|settl|recall|name|honor|recogni|certif|patent|licens)",
    re.IGNORECASE,
)  # stems: "filed", "hosts", "priced" and "dosed" are news as much as "announced"
_WHEN = re.compile(
    rf"\b(?:today|yesterday|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    rf"Sunday|(?:{_MONTHS}|March|April|June|July)[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{4}})\b"
)


@rule(
    "LD002", "lead-five-ws", "warning",
    "The lead says who (the issuer), what (a news verb) and when (today, a weekday or a date).",
    languages=ENGLISH,
)  # fmt: skip
def lead_five_ws(ctx: Context) -> Iterator[Hit]:
    text = lead(ctx.release)
    missing = []
    if not any(name in text for name in _names(ctx)):
        missing.append("who (the company's name)")
    if not _NEWS_VERBS.search(text):
        missing.append("what (a verb such as announced or launched)")
    if not _WHEN.search(text):
        missing.append("when (today, a weekday or a date)")
    if missing:
        yield ("body", 0), f"the lead does not say {', '.join(missing)}", None


@rule(
    "ST001", "body-length", "warning",
    "Body words, without quotes' attribution, About texts, legal blocks or contacts: a "
    "warning over 800, information over 600 or under 300 (a short notice, such as a "
    "conference call's, is often right).",
    fewest=300, info=600, most=800,
)  # fmt: skip
def body_length(ctx: Context) -> Iterator[Hit]:
    count = len(words(body_text(ctx.release, quotes=True)))
    if count < int(ctx.params["fewest"]):
        yield (("body",), f"the body has {count} words, under {ctx.params['fewest']}; most "
               "wires expect more for news beyond a notice", "info")  # fmt: skip
    elif count > int(ctx.params["most"]):
        yield (("body",), f"the body has {count} words; cut it to {ctx.params['most']} or "
               "fewer", None)  # fmt: skip
    elif count > int(ctx.params["info"]):
        yield (("body",), f"the body has {count} words; over {ctx.params['info']} loses "
               "readers", "info")  # fmt: skip


@rule("ST002", "boilerplate-length", "warning", "An About text of 100 words or fewer.", most=100)
def boilerplate_length(ctx: Context) -> Iterator[Hit]:
    from prwriter.checks.text import block_text

    for i, company in enumerate(ctx.release.companies):
        count = len(words(" ".join(block_text(b) for b in company.about)))
        if count > int(ctx.params["most"]):
            yield (("companies", i, "about"), f"the About text of {company.name} has {count} "
                   f"words; trim it to {ctx.params['most']}", None)  # fmt: skip


@rule(
    "ST003", "contacts", "error",
    "At least one contact: wires do not carry a release nobody answers for.",
)  # fmt: skip
def contacts(ctx: Context) -> Iterator[Hit]:
    if not any(group.contacts for group in ctx.release.contacts):
        yield ("headline",), "the release has no contacts; add a `contacts:` group", None


@rule(
    "ST008", "contact-reachable", "error",
    "Each contact can be reached: a phone number, an email or a web address (a press office "
    "or a mailbox alone is a contact), or a contact written as text.",
)  # fmt: skip
def contact_reachable(ctx: Context) -> Iterator[Hit]:
    for i, group in enumerate(ctx.release.contacts):
        for j, contact in enumerate(group.contacts):
            # A media desk may be a mailbox alone; a contact written as text says how.
            if not (contact.text or contact.phones or contact.emails or contact.web):
                who = contact.name or contact.organization or "a contact"
                yield (("contacts", i, "contacts", j), f"{who} has no phone number, email "
                       "or web address; add one", None)  # fmt: skip


@rule(
    "ST005", "link-density", "warning",
    "At most one link per 200 body words; a company's `link: true` counts where the wire "
    "profile prints it.",
    words_per_link=200,
)  # fmt: skip
def link_density(ctx: Context) -> Iterator[Hit]:
    def count(children: list[Any]) -> int:
        return sum(
            1 + count(c.children) if isinstance(c, Link) else count(getattr(c, "children", []))
            for c in children
        )

    links = 0
    for block in ctx.release.body:
        if isinstance(block, Paragraph | Quote):
            links += count(block.children)
        elif isinstance(block, ListBlock):
            links += sum(count(item) for item in block.items)
    if _prints_company_links(ctx):
        links += sum(1 for c in ctx.release.companies if c.link)
    per = int(ctx.params["words_per_link"])
    allowed = max(1, len(words(body_text(ctx.release, quotes=True))) // per)
    if links > allowed:
        yield (("body",), f"{links} links in the body; keep to {allowed} for its length (one "
               f"per {per} words)", None)  # fmt: skip


def _prints_company_links(ctx: Context) -> bool:
    """Whether the release's wire profile writes the link on a company's first mention."""
    from prwriter.errors import InputError
    from prwriter.project import Project
    from prwriter.wires import DEFAULT_WIRE

    project = ctx.project or Project()
    try:
        return project.wire(ctx.release.wire or DEFAULT_WIRE).company_links
    except InputError:
        return True  # the loader reports a broken profile; count the link meanwhile


_PLACEHOLDER = re.compile(
    r"\[(?:ADD|TBD|TK|XX+)\b[^\]]*\]|\bTK\b|\bTKTK\b|\bXX+\b|\{\{.*?\}\}|[Ll]orem [Ii]psum"
)  # capitals matter: "[Additional details]" is copy, "[ADD QUOTE]" is not


@rule(
    "ST006", "placeholders", "error",
    "Placeholder text (TK, TBD, XX, [ADD ...], {{ ... }}, lorem ipsum) left in the copy.",
)  # fmt: skip
def placeholders(ctx: Context) -> Iterator[Hit]:
    for path, text in all_copy(ctx.release):
        match = _PLACEHOLDER.search(text)
        if match:
            yield path, f"placeholder '{match.group()}' left in the copy; write the real text", None


@rule(
    "ST007", "quote-attribution", "warning",
    "Each speaker's first quote gives a title, so readers know who is speaking; a later "
    "quote may give the last name alone (AP's second reference).",
)  # fmt: skip
def quote_attribution(ctx: Context) -> Iterator[Hit]:
    introduced: list[str] = []  # speakers named in full with their title already
    for i, block in enumerate(ctx.release.body):
        if not isinstance(block, Quote):
            continue
        name = block.speaker.name
        if block.speaker.title:
            introduced.append(name)
        elif not any(full == name or full.endswith(" " + name) for full in introduced):
            # AP: the second reference gives the last name alone.
            yield (("body", i), f"the quote by {name} has no title; add the speaker's title "
                   "at the first quote", None)  # fmt: skip


# --- style and prose ---------------------------------------------------------------------

HYPE = (
    "leader", "leading", "leading provider", "innovative", "innovator", "solution",
    "solutions", "world-class", "best-in-class", "best of breed", "cutting-edge",
    "state-of-the-art", "next-generation", "revolutionary", "groundbreaking", "game-changing",
    "disruptive", "seamless", "robust", "turnkey", "synergy", "leverage", "unique",
    "award-winning", "user-friendly", "transform", "transformative", "thrilled", "excited",
    "delighted", "pleased to announce",
)  # fmt: skip
_HYPE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HYPE) + r")\b", re.IGNORECASE)


@rule(
    "PR001", "hype", "warning",
    "Buzzwords editors strike (leading, innovative, world-class, thrilled...): a warning in "
    "the body, information in quotes.",
    languages=ENGLISH,
)  # fmt: skip
def hype(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release, quotes=True):
        block = ctx.release.body[path[1]]  # type: ignore[index]
        text = _without_company_names(ctx, text)  # "Zeta Solutions, Inc." is a name, not hype
        outside = unquoted(text) if not isinstance(block, Quote) else ""
        found = _hype_word(outside)
        if found:
            yield path, f"'{found.group()}' is a buzzword; say what the product does", None
            continue
        found = _hype_word(text)
        if found:
            yield path, f"'{found.group()}' in a quote; consider plainer words", "info"


def _hype_word(text: str) -> re.Match[str] | None:
    """The first buzzword that is not part of a name: a capital inside a sentence
    ("Innovative Diagnostic Laboratory") marks a name."""
    for found in _HYPE.finditer(text):
        before = text[: found.start()].rstrip()
        inside_sentence = before and not before.endswith((".", "!", "?", ":", '"', "\u201c"))
        if found.group()[0].isupper() and inside_sentence:
            continue
        return found
    return None


@rule(
    "PR002", "exclamation", "warning",
    "No exclamation marks outside quotes, in the headline or the body.",
)  # fmt: skip
def exclamation(ctx: Context) -> Iterator[Hit]:
    if "!" in unquoted(ctx.release.headline):
        yield ("headline",), "the headline has an exclamation mark; remove it", None
    for path, text in body_blocks(ctx.release):
        if "!" in text:
            yield path, "an exclamation mark outside a quote; remove it", None


_DIRECT = re.compile(r"\b(?:I|me|my|we|us|our|ours|you|your|yours)\b", re.IGNORECASE)
_READER = {"you", "your", "yours"}
# A call to action speaks to the reader on purpose: "you can listen to the webcast at...".
_CALL_TO_ACTION = re.compile(
    r"\b(?:visit|call|dial|listen|log (?:on|in)|register|go to|click|follow|download|contact|"
    r"e-?mail|join|sign up|learn more|please|can|may|to hear|to access|to participate|"
    r"to attend|to view|to watch|to listen|to learn|to register|to join)\b",
    re.IGNORECASE,
)


@rule(
    "PR003", "direct-address", "warning",
    "Third person outside quotes: no I, we or our, and no you or your except in a call to "
    "action (how to listen, register, reach the company).",
    languages=ENGLISH,
)  # fmt: skip
def direct_address(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for sentence in sentences(text):
            found = _first_person_or_reader(sentence)
            if found:
                yield (path, f"'{found}' outside quotes; write in the third person (the "
                       "company, it, its)", None)  # fmt: skip
                break


def _first_person_or_reader(sentence: str) -> str | None:
    for found in _DIRECT.finditer(sentence):
        word = found.group()
        if word == "US":  # the country, not the pronoun
            continue
        before = sentence[: found.start()].split()
        if word == "I" and before and before[-1][:1].isupper():
            continue  # a numeral: Phase I, World War I, Title I
        if word.lower() in _READER and _CALL_TO_ACTION.search(sentence):
            continue
        return word
    return None


@rule(
    "PR005", "sentence-length", "warning",
    "Words per sentence outside quotes (the lead's first sentence is LD001's): information "
    "over 30, a warning over 40; one finding per release, at the longest.",
    info=30, most=40,
    languages=ENGLISH,
)  # fmt: skip
def sentence_length(ctx: Context) -> Iterator[Hit]:
    most = int(ctx.params["info"])
    longest: tuple[int, tuple[str | int, ...], str] | None = None
    over = 0
    for path, text in body_blocks(ctx.release, quotes=True):
        if isinstance(ctx.release.body[int(path[1])], Quote):
            continue
        found = sentences(text)
        for sentence in found[1:] if path == ("body", 0) else found:
            count = len(words(unquoted(sentence)))  # quoted speech is the speaker's
            if count > most:
                over += 1
                if longest is None or count > longest[0]:
                    longest = (count, path, sentence)
    if longest is not None:
        count, path, sentence = longest
        limit, severity = (
            (ctx.params["most"], None) if count > int(ctx.params["most"]) else (most, "info")
        )
        others = f"; {over - 1} more over {most}" if over > 1 else ""
        yield (path, f"a sentence of {count} words, over {limit}; split it (\"{sentence[:50]}"
               f"...\"){others}", severity)  # fmt: skip


@rule(
    "PR006", "readability", "info",
    "Flesch-Kincaid grade of the body (textstat) at most 12 and Flesch reading ease at least "
    "30. Run by `check` only: its pronunciation dictionary takes about a second to load.",
    slow=True, grade=12, ease=30,
    languages=ENGLISH,
)  # fmt: skip
def readability(ctx: Context) -> Iterator[Hit]:
    import textstat

    text = body_text(ctx.release)
    if len(words(text)) < 30:
        return  # too short for the formulas to mean anything
    grade = textstat.flesch_kincaid_grade(text)
    ease = textstat.flesch_reading_ease(text)
    if grade > float(ctx.params["grade"]) or ease < float(ctx.params["ease"]):
        yield (("body",), f"the body reads at grade {grade:.1f} (at most {ctx.params['grade']})"
               f" with reading ease {ease:.0f} (at least {ctx.params['ease']}); shorter "
               "sentences and words help", None)  # fmt: skip


WORDY = {
    "in order to": "to", "prior to": "before", "at this point in time": "now",
    "in the event that": "if", "due to the fact that": "because", "a number of": "several",
    "in the near future": "soon", "has the ability to": "can", "for the purpose of": "for",
    "with regard to": "about", "utilize": "use", "commence": "begin",
}  # fmt: skip
_WORDY = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in WORDY) + r")\b", re.IGNORECASE)


@rule(
    "PR007",
    "wordiness",
    "info",
    "Wordy phrases with a shorter form (in order to: to).",
    languages=ENGLISH,
)
def wordiness(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        found = _WORDY.search(text)
        if found:
            yield path, f"'{found.group()}': write '{WORDY[found.group().lower()]}'", None


_TIMES = [
    (re.compile(r"\b12(?::00)? ?p\.?m\.?", re.IGNORECASE), "write 'noon'"),
    (re.compile(r"\b12(?::00)? ?a\.?m\.?", re.IGNORECASE), "write 'midnight'"),
    (re.compile(r"\b\d{1,2}:00 ?[ap]\.m\.", re.IGNORECASE), "drop ':00' (8 a.m., not 8:00 a.m.)"),
    (re.compile(r"\b\d{1,2}(?::\d\d)? ?(?:AM|PM|am|pm|A\.M\.|P\.M\.)(?![\w.])"),
     "write a.m. or p.m., lower case with periods"),
]  # fmt: skip


@rule(
    "PR008",
    "ap-times",
    "warning",
    "Times in AP style: 8 a.m., 3:30 p.m., noon, midnight.",
    languages=ENGLISH,
)
def ap_times(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for pattern, fix in _TIMES:
            found = pattern.search(text)
            if found:
                yield path, f"'{found.group().strip()}': {fix}", None
                break


# --- financial and disclosure ------------------------------------------------------------


@rule(
    "FN001", "ticker-first-reference", "warning",
    "A listed issuer's ticker follows its first mention.",
)  # fmt: skip
def ticker_first_reference(ctx: Context) -> Iterator[Hit]:
    for i, company in enumerate(ctx.release.companies):
        # An About text with {tickers} gives the listings there instead.
        if company.listings and not company.ticker and not _tickers_in(company.about):
            yield (("companies", i), f"{company.name} is listed but `ticker: false` leaves its "
                   "ticker out; wires and investor sites need it", None)  # fmt: skip


def _tickers_in(blocks: list[Any]) -> bool:
    def found(children: list[Any]) -> bool:
        return any(isinstance(c, Tickers) or found(getattr(c, "children", [])) for c in children)

    return any(
        found(item)
        for block in blocks
        for item in (block.items if isinstance(block, ListBlock) else [block.children])
    )


@rule("FN002", "ticker-count", "warning", "At most 5 tickers in a release.", most=5)
def ticker_count(ctx: Context) -> Iterator[Hit]:
    count = sum(len(c.listings) for c in ctx.release.companies if c.ticker)
    if count > int(ctx.params["most"]):
        yield (("companies",), f"{count} tickers, over {ctx.params['most']}; some wires "
               "refuse more than 5", None)  # fmt: skip


# Forecasts: expectations, guidance, targets, plans, and "will" with a result verb. A
# scheduled event ("will host a conference call", "the webcast will be available") is not
# a forecast and needs no legend.
_FORWARD = re.compile(
    r"\b(?:[Ee]xpect(?:s|ed|ing|ations?)?|[Aa]nticipat(?:es?|ed|ing)|[Ff]orecasts?|"
    r"[Oo]utlook|[Gg]uidance|[Pp]roject(?:s|ed|ing)? (?:to|that)|[Ee]stimates? (?:that|to)|"
    r"[Ii]ntends? to|[Pp]lans? to|[Tt]argets?(?=[^.]*\d)|[Bb]elieves? (?:that )?[^.]*?\bwill|"
    r"will (?:likely |continue to |be able to )?(?:grow|increase|decrease|decline|reach|exceed|"
    r"achieve|generate|deliver|be accretive|be dilutive|close|result|improve|expand|double|"
    r"triple|add|contribute|drive|boost|lower|reduce|raise|return|accelerate|become))\b"
)  # case-sensitive "will": Will is also a name
# What follows "expects", "plans", "intends" or "anticipates" when it names an event.
_EVENT = re.compile(
    r"^\s+(?:to\s+)?(?:host|hold|present|participate|discuss|webcast|release|report|"
    r"announce|be held|be available|be accessible|be archived|be webcast|be broadcast|"
    r"take place|join|attend|speak|review|provide|ring|issue)\b"
)
_PLANS = ("expect", "anticipat", "plan", "intend")


@rule(
    "FN004", "safe-harbor", "error",
    "A listed issuer whose copy forecasts (expects, anticipates, guidance, targets, plans "
    "to, will grow...) or gives a guidance table carries a forward-looking statements block. "
    "Scheduled events (will host, will be available) are not forecasts.",
    languages=ENGLISH,
)  # fmt: skip
def safe_harbor(ctx: Context) -> Iterator[Hit]:
    if not any(c.listings for c in ctx.release.companies):
        return
    if any(block.kind == "forward-looking" for block in ctx.release.legal):
        return
    for path, text in body_blocks(ctx.release, quotes=True):
        for found in _FORWARD.finditer(text):
            rest = text[found.end() :].split(".")[0]
            as_expected = text[: found.start()].endswith("as ")
            # "expects to report results on Feb. 5" is an event; "to report 12% growth" is not.
            scheduled = (
                found.group().lower().startswith(_PLANS)
                and _EVENT.match(rest) is not None
                and not re.search(r"[$%]", rest)
            )
            if as_expected or scheduled:
                continue
            yield (path, f"'{found.group()}' is a forward-looking statement; add a "
                   "forward-looking legal block under `legal:`", None)  # fmt: skip
            return
    for b, block in enumerate(ctx.release.body):
        if isinstance(block, Table) and block.purpose == "guidance":
            yield (("body", b, "table"), "a guidance table is a forward-looking statement; "
                   "add a forward-looking legal block under `legal:`", None)  # fmt: skip
            return


_NON_GAAP = re.compile(
    r"\b(?:non-GAAP|adjusted EBITDA|adjusted EPS|adjusted net income|free cash flow)\b",
    re.IGNORECASE,
)


@rule(
    "FN005", "non-gaap", "error",
    "A non-GAAP measure (adjusted EBITDA, free cash flow...) comes with its GAAP measure.",
    languages=ENGLISH,
)  # fmt: skip
def non_gaap(ctx: Context) -> Iterator[Hit]:
    text = body_text(ctx.release, quotes=True)
    found = _NON_GAAP.search(text)
    if found and not re.search(r"(?<![Nn]on-)\bGAAP\b", text.replace(found.group(), "")):
        yield (("body",), f"'{found.group()}' without the comparable GAAP measure; give it "
               "and a reconciliation", None)  # fmt: skip


@rule(
    "FN006", "market-close", "warning",
    "No release between 4:00 and 4:05 p.m. ET (Nasdaq) or 4:15 p.m. ET (NYSE), while the "
    "closing prices are set.",
)  # fmt: skip
def market_close(ctx: Context) -> Iterator[Hit]:
    from zoneinfo import ZoneInfo

    embargo = ctx.release.embargo
    if embargo is None:
        return
    local = embargo.until.astimezone(ZoneInfo("America/New_York"))
    minutes = local.hour * 60 + local.minute
    for company in ctx.release.companies:
        for listing in company.listings:
            end = {"Nasdaq": 16 * 60 + 5, "NYSE": 16 * 60 + 15}.get(listing.exchange)
            if end and 16 * 60 <= minutes < end:
                yield (("embargo",), f"{local:%H:%M} ET falls in the {listing.exchange} close; "
                       "send it before 4 p.m. or after the close is published", None)  # fmt: skip
                return


from prwriter.checks import editing as _editing  # noqa: E402, F401  (registers its rules)
from prwriter.checks import tables as _tables  # noqa: E402, F401  (registers its rules)
