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

from prwriter.checks import Context, rule
from prwriter.checks.text import all_copy, body_blocks, body_text, lead, sentences, unquoted, words
from prwriter.model import Link, ListBlock, Paragraph, Quote, Table
from prwriter.style.names import without_legal_suffix

Hit = tuple[tuple[str | int, ...], str, Any]


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
        yield (("headline",), f"the company's name starts at character {min(positions) + 1}; "
               "move it to the front, where readers and search engines look", None)  # fmt: skip


@rule(
    "HL003", "headline-words", "warning",
    "A headline of 6 to 20 words.", fewest=6, most=20,
)  # fmt: skip
def headline_words(ctx: Context) -> Iterator[Hit]:
    count = len(ctx.release.headline.split())
    if count < int(ctx.params["fewest"]):
        yield ("headline",), f"headline has {count} words; say what happened in 6 or more", None
    elif count > int(ctx.params["most"]):
        yield ("headline",), f"headline has {count} words; cut it to 20 or fewer", None


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
    "HL004", "headline-shouting", "error",
    "No word in capitals unless it is an acronym (the issuer's tickers, common acronyms, or "
    "the `acronyms` parameter).",
    acronyms=[],
)  # fmt: skip
def headline_shouting(ctx: Context) -> Iterator[Hit]:
    allowed = set(COMMON_ACRONYMS) | {str(a) for a in ctx.params["acronyms"]}
    for company in ctx.release.companies:
        allowed |= {x.symbol for x in company.listings} | {x.exchange for x in company.listings}
        allowed |= set(company.name.split())
    for token in re.findall(r"[\w.&'-]+", ctx.release.headline):
        letters = [c for c in token if c.isalpha()]
        # Short capitals (GPU, NFL) and tokens with digits or & (COVID-19, AT&T) are most
        # likely acronyms; a long word in capitals is shouting.
        if len(letters) < 4 or any(c.isdigit() or c == "&" for c in token):
            continue
        if all(c.isupper() for c in letters) and token not in allowed:
            yield (("headline",), f"'{token}' is in capitals; write it in title case (or add it "
                   "to the rule's acronyms)", None)  # fmt: skip
            return


@rule(
    "HL005", "headline-punctuation", "warning",
    "A headline takes no final period or question mark, and never an exclamation mark.",
)  # fmt: skip
def headline_punctuation(ctx: Context) -> Iterator[Hit]:
    headline = ctx.release.headline.rstrip()
    if "!" in headline:
        yield ("headline",), "headline has an exclamation mark; remove it", "error"
    elif headline.endswith((".", "?")):
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
)  # fmt: skip
def ap_dates(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for pattern, fix in _BAD_DATES:
            found = pattern.search(text)
            if found:
                yield path, f"'{found.group()}': {fix}", None
                break


@rule(
    "DL003", "embargo-date", "warning",
    "An embargoed release is dated the day its embargo lifts.",
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
)  # fmt: skip
def body_state_names(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        found = _AP_STATES.search(text)
        if found:
            yield path, f"'{found.group()}': spell out state names in the body", None
            return


# --- lead and structure ------------------------------------------------------------------


@rule("LD001", "lead-length", "warning", "The lead's first sentence in 25 words or fewer.", most=25)
def lead_length(ctx: Context) -> Iterator[Hit]:
    first = sentences(unquoted(lead(ctx.release)))
    if first and len(words(first[0])) > int(ctx.params["most"]):
        yield (("body", 0), f"the lead's first sentence has {len(words(first[0]))} words; "
               f"keep it to {ctx.params['most']}", None)  # fmt: skip


_NEWS_VERBS = re.compile(
    r"\b(?:announc|launch|acquir|appoint|report|complet|rais|sign|partner|introduc|open|"
    r"releas|nam|win|won|award|expand|agree|enter|receiv|select|unveil|start|clos|hir|join)",
    re.IGNORECASE,
)
_WHEN = re.compile(
    rf"\b(?:today|yesterday|tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    rf"Sunday|(?:{_MONTHS}|March|April|June|July)[a-z]*\.? \d{{1,2}}|\d{{4}})\b"
)


@rule(
    "LD002", "lead-five-ws", "warning",
    "The lead says who (the issuer), what (a news verb) and when (today, a weekday or a date).",
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
    "Body words, without quotes' attribution, About texts, legal blocks or contacts: warning "
    "under 300 or over 800, info over 600.",
    fewest=300, info=600, most=800,
)  # fmt: skip
def body_length(ctx: Context) -> Iterator[Hit]:
    count = len(words(body_text(ctx.release, quotes=True)))
    if count < int(ctx.params["fewest"]):
        yield ("body",), f"the body has {count} words; most wires expect at least 300", None
    elif count > int(ctx.params["most"]):
        yield ("body",), f"the body has {count} words; cut it to 800 or fewer", None
    elif count > int(ctx.params["info"]):
        yield ("body",), f"the body has {count} words; over 600 loses readers", "info"


@rule("ST002", "boilerplate-length", "warning", "An About text of 100 words or fewer.", most=100)
def boilerplate_length(ctx: Context) -> Iterator[Hit]:
    from prwriter.checks.text import block_text

    for i, company in enumerate(ctx.release.companies):
        count = len(words(" ".join(block_text(b) for b in company.about)))
        if count > int(ctx.params["most"]):
            yield (("companies", i, "about"), f"the About text of {company.name} has {count} "
                   "words; trim it to 100", None)  # fmt: skip


@rule(
    "ST003", "contacts", "error",
    "At least one contact, and each with a name and a phone number or email.",
)  # fmt: skip
def contacts(ctx: Context) -> Iterator[Hit]:
    if not ctx.release.contacts:
        yield ("headline",), "the release has no contacts; add a `contacts:` group", None
    for i, group in enumerate(ctx.release.contacts):
        for j, contact in enumerate(group.contacts):
            if not contact.name:
                yield (("contacts", i, "contacts", j), "a contact needs a person's name", None)
            elif not (contact.phone or contact.email):
                yield (("contacts", i, "contacts", j),
                       f"{contact.name} has no phone number or email", None)  # fmt: skip


@rule(
    "ST005", "link-density", "warning",
    "At most one link per 200 body words.", words_per_link=200,
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
    links += sum(1 for c in ctx.release.companies if c.link)
    allowed = max(
        1, len(words(body_text(ctx.release, quotes=True))) // int(ctx.params["words_per_link"])
    )
    if links > allowed:
        yield ("body",), f"{links} links in the body; keep to {allowed} for its length", None


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
    "Each quote names its speaker with a title, so readers know who is speaking.",
)  # fmt: skip
def quote_attribution(ctx: Context) -> Iterator[Hit]:
    for i, block in enumerate(ctx.release.body):
        if isinstance(block, Quote) and not block.speaker.title:
            yield (("body", i), f"the quote by {block.speaker.name} has no title; add the "
                   "speaker's title", None)  # fmt: skip


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
)  # fmt: skip
def hype(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release, quotes=True):
        block = ctx.release.body[path[1]]  # type: ignore[index]
        text = _without_company_names(ctx, text)  # "Zeta Solutions, Inc." is a name, not hype
        outside = unquoted(text) if not isinstance(block, Quote) else ""
        found = _HYPE.search(outside)
        if found:
            yield path, f"'{found.group()}' is a buzzword; say what the product does", None
            continue
        found = _HYPE.search(text)
        if found:
            yield path, f"'{found.group()}' in a quote; consider plainer words", "info"


@rule("PR002", "exclamation", "error", "No exclamation marks outside quotes.")
def exclamation(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        if "!" in text:
            yield path, "an exclamation mark outside a quote; remove it", None


_DIRECT = re.compile(r"\b(?:I|me|my|we|us|our|ours|you|your|yours)\b", re.IGNORECASE)


@rule(
    "PR003", "direct-address", "error",
    "Third person outside quotes: no I, we, our, you or your.",
)  # fmt: skip
def direct_address(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for found in _DIRECT.finditer(text):
            if found.group() == "US":  # the country, not the pronoun
                continue
            before = text[: found.start()].split()
            if found.group() == "I" and before and before[-1][:1].isupper():
                continue  # a numeral: Phase I, World War I, Title I
            yield (path, f"'{found.group()}' addresses the reader; write in the third person "
                   "outside quotes", None)  # fmt: skip
            break


@rule("PR005", "sentence-length", "warning", "Sentences of 30 words or fewer.", most=30)
def sentence_length(ctx: Context) -> Iterator[Hit]:
    for path, text in body_blocks(ctx.release):
        for sentence in sentences(text):
            if len(words(sentence)) > int(ctx.params["most"]):
                yield (path, f"a sentence of {len(words(sentence))} words; split it "
                       f"(\"{sentence[:40]}...\")", None)  # fmt: skip
                break


@rule(
    "PR006", "readability", "warning",
    "Flesch-Kincaid grade of the body (textstat) at most 12 and Flesch reading ease at least "
    "30. Run by `check` only: its pronunciation dictionary takes about a second to load.",
    slow=True, grade=12, ease=30,
)  # fmt: skip
def readability(ctx: Context) -> Iterator[Hit]:
    import textstat

    text = body_text(ctx.release)
    if len(words(text)) < 30:
        return  # too short for the formulas to mean anything
    grade = textstat.flesch_kincaid_grade(text)
    ease = textstat.flesch_reading_ease(text)
    if grade > float(ctx.params["grade"]) or ease < float(ctx.params["ease"]):
        yield (("body",), f"the body reads at grade {grade:.1f} (reading ease {ease:.0f}); "
               "shorter sentences and words help", None)  # fmt: skip


WORDY = {
    "in order to": "to", "prior to": "before", "at this point in time": "now",
    "in the event that": "if", "due to the fact that": "because", "a number of": "several",
    "in the near future": "soon", "has the ability to": "can", "for the purpose of": "for",
    "with regard to": "about", "utilize": "use", "commence": "begin",
}  # fmt: skip
_WORDY = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in WORDY) + r")\b", re.IGNORECASE)


@rule("PR007", "wordiness", "info", "Wordy phrases with a shorter form (in order to: to).")
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


@rule("PR008", "ap-times", "warning", "Times in AP style: 8 a.m., 3:30 p.m., noon, midnight.")
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
        if company.listings and not company.ticker:
            yield (("companies", i), f"{company.name} is listed but `ticker: false` leaves its "
                   "ticker out; wires and investor sites need it", None)  # fmt: skip


@rule("FN002", "ticker-count", "warning", "At most 5 tickers in a release.", most=5)
def ticker_count(ctx: Context) -> Iterator[Hit]:
    count = sum(len(c.listings) for c in ctx.release.companies if c.ticker)
    if count > int(ctx.params["most"]):
        yield ("companies",), f"{count} tickers; some wires refuse more than 5", None


_FORWARD = re.compile(
    r"\b(?:[Ee]xpects?|[Ee]xpected|[Aa]nticipates?|[Bb]elieves?|[Pp]lans? to|[Ii]ntends?|"
    r"[Ee]stimates?|[Oo]utlook|[Gg]uidance|[Ff]orecasts?|will (?!be able)\w+)\b"
)  # case-sensitive "will": Will is also a name


@rule(
    "FN004", "safe-harbor", "error",
    "A listed issuer whose copy looks ahead (expects, plans, will...) or gives a guidance "
    "table carries a forward-looking statements block.",
)  # fmt: skip
def safe_harbor(ctx: Context) -> Iterator[Hit]:
    if not any(c.listings for c in ctx.release.companies):
        return
    if any(block.kind == "forward-looking" for block in ctx.release.legal):
        return
    for path, text in body_blocks(ctx.release, quotes=True):
        found = _FORWARD.search(text)
        if found:
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


# Table rules live beside the model of tables; importing them registers them.
from prwriter.checks import tables as _tables  # noqa: E402, F401
