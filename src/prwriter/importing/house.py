"""House profiles from imported copy. Where a source's forms depart from its wire's profile
in a way a profile setting writes (a zero-padded day, a bullet, a city standing alone, a
contact block without group labels, an older wire tag; in French copy, the space printed
before `: ; ! ?` and inside « », under the profile's `languages`), the settings that would
write them are proposed; the import reads the source with and without them and keeps the
reading that reproduces more lines. The settings most sources share become the project's
`templates/wires/<wire>.yaml` (`extends: <wire>`); the sources that differ are reported."""

from __future__ import annotations

import io
import json
import re
import string
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from prwriter.errors import display_path
from prwriter.importing.patterns import DATE, read_date, template_regex
from prwriter.importing.places import canadian_province
from prwriter.importing.reading import blocks
from prwriter.style.dates import DATE_STYLES
from prwriter.style.languages import primary
from prwriter.style.places import needs_region
from prwriter.style.tickers import canonical_exchange
from prwriter.style.typography import SpacingMode, space_for
from prwriter.wires import WireProfile, for_language

# A list item: optional indent, one marker, one space.
_BULLET = re.compile(r"^(\s*[\u2022\u00b7\u25aa\u2013*\-]) ")
_ANY_LISTING = re.compile(r"\((?P<exchange>[A-Za-z][\w .\-]*?)(?P<colon>: ?)[A-Z0-9][\w.\-]*\)")
_LISTINGS_IN_A_ROW = re.compile(
    r"\([A-Za-z][\w .\-]*?: ?[A-Z0-9][\w.\-]*\)(?P<gap> ?)(?=\([A-Za-z][\w .\-]*?: ?[A-Z0-9])"
)
# A wire's name inside its tag, after `/` or `(`: /CNW/, (GLOBE NEWSWIRE).
_TAG_NAME = re.compile(r"(?<=[/(])[A-Za-z][A-Za-z0-9.]*(?: [A-Za-z][A-Za-z0-9.]*)*")
_PLACE = r"[^\n]+?"
_DASH = "\\s*[-\u2013\u2014]+\\s*"
# French spacing as printed: the gap before a mark ending a word (not a time or a URL:
# `11:30`, `https://`), and inside guillemets.
_GAP_BEFORE_MARK = re.compile(r"(?<=[\w)\]»%.])(?P<gap>[ \u00a0\u202f]?)(?P<mark>[:;!?])(?=\s|$)")
_GAP_IN_GUILLEMETS = re.compile(
    r"(?P<mark>«)(?P<gap>[ \u00a0\u202f]?)(?=\S)|(?<=\S)(?P<gap2>[ \u00a0\u202f]?)(?P<mark2>»)"
)
SPACING_MODES: tuple[SpacingMode, ...] = ("plain", "nbsp", "narrow", "none")
# A source's vote for the value its wire's profile has already.
OWN = "(the profile's own)"
HEADER = (
    "# The forms this house's copy uses where the profile it extends writes others,\n"
    "# as prwriter import found them.\n"
)


def _dateline_regex(template: str, *, any_tag: bool = False, loose: bool = False) -> str:
    """`template` as a pattern; `any_tag` takes another name in the wire's tag
    (`/Canada NewsWire/` for `/CNW/`), `loose` the dashes and spaces syndicators print."""
    out = []
    for literal, field, _, _ in string.Formatter().parse(template):
        if any_tag:
            parts = _TAG_NAME.split(literal)
            pattern = r"[A-Za-z][^/()\n]*?".join(re.escape(p) for p in parts)
        else:
            pattern = re.escape(literal)
        if loose:
            pattern = re.sub(r"(?:\\ )*(?:\\-)+(?:\\ )*", lambda _: _DASH, pattern)
            pattern = pattern.replace("\\ ", "\\s*")
        out.append(pattern)
        if field is not None:
            out.append(f"(?P<{field}>{DATE if field == 'date' else _PLACE})")
    return "^" + "".join(out) + ("\\s*" if loose else "")


def _has_tag(template: str) -> bool:
    return any(_TAG_NAME.search(literal) for literal, *_ in string.Formatter().parse(template))


def _lead(text: str, wire: WireProfile) -> tuple[re.Match[str], bool] | None:
    """The dateline as printed, and whether the profile's own dateline writes it."""
    found = [b.text for b in blocks(text)][1:]
    for own, kwargs in ((True, {}), (False, {"loose": True}), (False, {"any_tag": True})):
        if not own and not kwargs.get("loose") and not _has_tag(wire.dateline):
            continue
        pattern = re.compile(_dateline_regex(wire.dateline, **kwargs))
        for block in found:
            match = pattern.match(block)
            if match:
                return match, own
    return None


def retagged(text: str, wire: WireProfile) -> bool:
    """The copy's dateline is `wire`'s but for the name in its tag (an older name)."""
    if not _has_tag(wire.dateline):
        return False
    pattern = re.compile(_dateline_regex(wire.dateline, any_tag=True))
    return any(pattern.match(b.text) for b in blocks(text)[1:])


def observed(text: str, wire: WireProfile, *, date_year: int | None = None) -> dict[str, Any]:
    """Each form the copy shows, as the value of the setting that writes it (the
    profile's own value when the profile writes it so already); a form the copy does not
    show (no list, no listing, no contacts) is left out."""
    found: dict[str, Any] = {}
    lead = _lead(text, wire)
    if lead is not None:
        match, own = lead
        found["dateline"] = wire.dateline if own else _template_of(match)
        found |= _date_forms(match, wire, date_year)
        found |= _cities_alone(text, wire)
        found |= _listing_forms(match.string[match.end() :], wire)
    found |= _bullet(text, wire)
    found |= _contact_label(text, wire)
    return found


def proposals(text: str, wire: WireProfile, *, date_year: int | None = None) -> dict[str, Any]:
    """The settings that would write this copy's forms where `wire` writes others."""
    seen = observed(text, wire, date_year=date_year)
    return {key: value for key, value in seen.items() if value != getattr(wire, key)}


def votes(text: str, wire: WireProfile, *, date_year: int | None = None) -> dict[str, Any]:
    """What the copy says about each setting: its value, or OWN for the profile's; an
    exchange's label is a vote of its own (`exchange_labels:Nasdaq`)."""
    seen = observed(text, wire, date_year=date_year)
    out = {k: OWN if v == getattr(wire, k) else v for k, v in seen.items()}
    if "standalone_also" in out:
        del out["standalone_also"]
        for city, alone in _canadian_cities(text, wire):
            listed = city in wire.standalone_also
            out[f"standalone_also:{city}"] = OWN if alone == listed else alone
    if "exchange_labels" in out:
        del out["exchange_labels"]
        for exchange in _exchanges_seen(text, wire):
            label = seen["exchange_labels"].get(exchange, exchange)
            mine = wire.exchange_labels.get(exchange, exchange)
            out[f"exchange_labels:{exchange}"] = OWN if label == mine else label
    return out


# --- copy in another language ---------------------------------------------------------


def _language_key(wire: WireProfile, language: str) -> str | None:
    """The key of `wire.languages` whose settings space the marks for `language` (`fr`)."""
    keys = [language.replace("_", "-").lower(), primary(language)]
    return next((k for k in keys if "space_before_marks" in wire.languages.get(k, {})), None)


def _gaps(text: str) -> list[tuple[str, str]]:
    """Each mark of French spacing and the gap printed with it. A listing's colon,
    `(TSX: X)`, is the issuer's form, not the copy's spacing."""
    text = _ANY_LISTING.sub("", text)
    gaps = [(m["mark"], m["gap"]) for m in _GAP_BEFORE_MARK.finditer(text)]
    for match in _GAP_IN_GUILLEMETS.finditer(text):
        gaps.append((match["mark"] or match["mark2"], match["gap"] or match["gap2"] or ""))
    return gaps


def spacing(text: str, own: SpacingMode = "none") -> SpacingMode | None:
    """The French spacing that writes the most of the gaps the copy prints before
    `: ; ! ?` and inside « » (ties go to `own`, then to the first in SPACING_MODES:
    `nbsp` and `narrow` write `:` and « » alike); None when the copy has none."""
    gaps = _gaps(text)
    if not gaps:
        return None
    order = [own, *(m for m in SPACING_MODES if m != own)]
    written = {m: sum(space_for(mark, m) == gap for mark, gap in gaps) for m in order}
    return max(order, key=lambda m: (written[m], -order.index(m)))


def language_observed(text: str, wire: WireProfile, language: str) -> dict[str, Any]:
    """The forms copy in `language` shows, as `languages:<key>:<setting>` and its value,
    where the profile has a setting for that language that writes them (French spacing)."""
    key = _language_key(wire, language)
    if key is None:
        return {}
    mode = spacing(text, for_language(wire, language).space_before_marks)
    return {} if mode is None else {f"languages:{key}:space_before_marks": mode}


def language_votes(text: str, wire: WireProfile, language: str) -> dict[str, Any]:
    """What copy in `language` says about its language's settings: a value, or OWN."""
    key = _language_key(wire, language)
    if key is None:
        return {}
    settings = wire.languages.get(key, {})
    return {
        name: OWN if value == settings.get(name.rpartition(":")[2]) else value
        for name, value in language_observed(text, wire, language).items()
    }


def language_readings(text: str, wire: WireProfile, language: str) -> list[dict[str, Any]]:
    """The settings to read copy in `language` with: none, then those its forms suggest."""
    key = _language_key(wire, language)
    if key is None:
        return [{}]
    settings = wire.languages.get(key, {})
    found = {
        name.rpartition(":")[2]: value
        for name, value in language_observed(text, wire, language).items()
        if value != settings.get(name.rpartition(":")[2])
    }
    return [{}, {"languages": {key: found}}] if found else [{}]


def nested(settings: dict[str, Any]) -> dict[str, Any]:
    """`languages:<key>:<setting>` entries folded into `languages: {<key>: {...}}`."""
    out: dict[str, Any] = {}
    for name, value in settings.items():
        if name.startswith("languages:"):
            _, key, setting = name.split(":", 2)
            out.setdefault("languages", {}).setdefault(key, {})[setting] = value
        else:
            out[name] = value
    return out


def merged(profile: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """`profile`'s settings (a mapping) with `settings` over them, a language's entry
    changed setting by setting."""
    out = {**profile, **settings}
    if "languages" in settings and profile.get("languages"):
        languages = dict(profile["languages"])
        for key, changed in settings["languages"].items():
            languages[key] = {**languages.get(key, {}), **changed}
        out["languages"] = languages
    return out


def _canadian_cities(text: str, wire: WireProfile) -> list[tuple[str, bool]]:
    """The Canadian cities of the dateline that AP writes with their province, and
    whether the copy writes each alone."""
    lead = _lead(text, wire)
    found = []
    for part in lead[0]["place"].split(wire.city_separator) if lead else []:
        city, _, region = part.strip().partition(", ")
        if needs_region(city) and canadian_province(city) is not None:
            found.append((" ".join(w.capitalize() for w in city.split()), not region))
    return found


def _exchanges_seen(text: str, wire: WireProfile) -> list[str]:
    lead = _lead(text, wire)
    if lead is None:
        return []
    found = []
    for match in _ANY_LISTING.finditer(lead[0].string[lead[0].end() :].split("\n\n")[0]):
        try:
            found.append(canonical_exchange(match["exchange"]))
        except ValueError:
            continue
    return list(dict.fromkeys(found))


def readings(text: str, wire: WireProfile, *, date_year: int | None = None) -> list[dict[str, Any]]:
    """The settings to read the copy with: none, then every proposal together, then each
    alone (a reading with fewer is kept when it reproduces as many lines)."""
    found = proposals(text, wire, date_year=date_year)
    options: list[dict[str, Any]] = [{}]
    if found:
        options.append(found)
    if len(found) > 1:
        options.extend({key: value} for key, value in found.items())
    return options


def _template_of(match: re.Match[str]) -> str:
    """The dateline as printed, its place and date put back as placeholders."""
    text, start = match.string, match.start()
    spans = sorted((match.start(g), match.end(g), g) for g, v in match.groupdict().items() if v)
    out, at = [], start
    for begin, end, name in spans:
        out.append(text[at:begin].replace("{", "{{").replace("}", "}}"))
        out.append("{" + name + "}")
        at = end
    out.append(text[at : match.end()].replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def _date_forms(match: re.Match[str], wire: WireProfile, year: int | None) -> dict[str, Any]:
    written = match.groupdict().get("date")
    if not written:
        return {}
    has_year = bool(re.search(r", \d{4}$", written))
    out: dict[str, Any] = {"dateline_year": has_year}
    year = None if has_year else (year or 2000)
    styles = [wire.date_style, *DATE_STYLES]
    style = next((s for s in styles if read_date(written, s, year=year)), None)
    if style is not None:
        out["date_style"] = style
    return out


def _cities_alone(text: str, wire: WireProfile) -> dict[str, Any]:
    """Canadian cities written alone where AP writes their province, or with it."""
    found = _canadian_cities(text, wire)
    with_region = {c for c, alone in found if not alone}
    kept = [c for c in wire.standalone_also if c not in with_region]
    alone = [*kept, *(c for c, a in found if a and c not in kept)]
    return {"standalone_also": alone} if found else {}


def _listing_forms(lead: str, wire: WireProfile) -> dict[str, Any]:
    """How listings are written: a space after the colon or none, the exchanges' labels,
    the gap between listings in a row."""
    out: dict[str, Any] = {}
    lead = lead.split("\n\n")[0]
    labels = dict(wire.exchange_labels)
    seen: set[str] = set()
    for match in _ANY_LISTING.finditer(lead):
        written = match["exchange"]
        try:
            exchange = canonical_exchange(written)
        except ValueError:
            continue
        if "ticker" not in out:
            tight = match["colon"] == ":"
            spaced, close = "{exchange}: {symbol}", "{exchange}:{symbol}"
            have, want = (spaced, close) if tight else (close, spaced)
            out["ticker"] = wire.ticker.replace(have, want)
        if exchange not in seen and labels.get(exchange, exchange) != written:
            if written == exchange:
                labels.pop(exchange)
            else:
                labels[exchange] = written
        seen.add(exchange)
    if "ticker" in out:
        out["exchange_labels"] = labels
    row = _LISTINGS_IN_A_ROW.search(lead)
    if row:
        out["ticker_separator"] = row["gap"]
    return out


def _bullet(text: str, wire: WireProfile) -> dict[str, Any]:
    """The marker of the copy's lists (the most common one)."""
    markers: Counter[str] = Counter()
    for block in blocks(text)[2:]:
        found = [_BULLET.match(line) for line in block.lines]
        if all(found) and len({m[1] for m in found if m}) == 1:
            first = found[0]
            assert first is not None
            markers[first[1] + " "] += 1
    if not markers:
        return {}
    marker = markers.most_common(1)[0][0]
    # A marker the profile reads as its own (`-` for `- `) is its own.
    return {"bullet": wire.bullet if marker.strip() == wire.bullet.strip() else marker}


def _contact_label(text: str, wire: WireProfile) -> dict[str, Any]:
    """Whether the contacts open with a group label or with a contact line; without a
    label, the line templates that read the first contact into fields."""
    if wire.contacts_position != "end":
        return {}
    template = wire.contact_label or "{label}:"
    label = re.compile("^" + template_regex(template, {"label": r"[^\n]+?"}) + "$")
    heading = wire.contacts_heading or ("CONTACT:" if wire.contacts_layout != "block" else None)
    if heading is None:
        return {}
    found = blocks(text)
    lines: list[str] = []
    for n in range(len(found) - 1, 0, -1):
        block = found[n].lines
        if wire.contacts_layout != "block" and block[0].startswith(heading + " "):
            lines = [block[0].removeprefix(heading + " "), *block[1:]]
            break
        if wire.contacts_layout == "block" and found[n].text == heading and n + 1 < len(found):
            lines = list(found[n + 1].lines)
            break
    lines = [line.strip() for line in lines]
    if not lines:
        return {}
    if label.match(lines[0]):
        return {"contact_label": wire.contact_label}
    return {"contact_label": None, **_contact_lines(lines, wire)}


# Contact line forms seen without a group label: one field a line (GlobeNewswire 2019,
# issuer copy 2010), and CNW's one line (2008-2013).
CONTACT_LINES = (
    ["{organization}", "{name}", "{title}", "{phones}", "{emails}", "{web}"],
    ["{name}, {organization}, {phones}, {emails}, {web}"],
)
_COMPANY = re.compile(r"\b(?:Inc|Corp|Ltd|LLC|Limited|Company|Co)\.?$")


def _contact_lines(lines: list[str], wire: WireProfile) -> dict[str, Any]:
    """Of the profile's contact lines and the forms seen, the first that reads the most
    fields of the contact (and no company name as a title)."""
    from prwriter.importing.contacts import ContactReader

    def fields_read(templates: list[str]) -> int:
        fields = ContactReader(wire.model_copy(update={"contact_lines": templates})).contact(lines)
        if "text" in fields or _COMPANY.search(str(fields.get("title", ""))):
            return 0
        return len(fields)

    options = [wire.contact_lines, *CONTACT_LINES]
    scores = [fields_read(templates) for templates in options]
    best = max(range(len(options)), key=lambda n: (scores[n], -n))
    return {"contact_lines": options[best]} if scores[best] else {}


# --- the profile the sources share ----------------------------------------------------


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def settle(
    chosen: Sequence[tuple[Path, str, dict[str, Any]]],
    profiles: Mapping[str, WireProfile] | None = None,
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Per wire, each setting's most common value over the sources whose copy shows its
    form (`votes`; a tie goes to the first source given), kept where it is not the
    profile's own; and a note for each source whose copy the result does not write.
    An exchange's label and a city standing alone are voted on one by one, and change
    the lists the wire's profile (in `profiles`) has."""
    by_wire: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for path, wire, said in chosen:
        by_wire.setdefault(wire, []).append((path, said))
    settled: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for wire, sources in by_wire.items():
        keys = list(dict.fromkeys(k for _, said in sources for k in said))
        result: dict[str, Any] = {}
        for key in keys:
            voters = [(path, _key(said[key])) for path, said in sources if key in said]
            count = Counter(value for _, value in voters)
            order = list(dict.fromkeys(value for _, value in voters))
            best = max(order, key=lambda v: (count[v], -order.index(v)))
            if best != _key(OWN):
                result[key] = json.loads(best)
            for path, value in voters:
                if value != best:
                    notes.append(
                        f"{display_path(path)}: {key}: the house profile for {wire} keeps "
                        f"{_shown(best)} ({count[best]} of {len(voters)} sources); this "
                        f"copy uses {_shown(value)}"
                    )
        profile = (profiles or {}).get(wire)
        labels = {k.partition(":")[2]: result.pop(k) for k in list(result) if ":" in k and
                  k.startswith("exchange_labels:")}  # fmt: skip
        if labels:
            result["exchange_labels"] = {**(profile.exchange_labels if profile else {}), **labels}
        cities = {k.partition(":")[2]: result.pop(k) for k in list(result) if
                  k.startswith("standalone_also:")}  # fmt: skip
        if cities:
            listed = [
                c for c in (profile.standalone_also if profile else []) if cities.get(c, True)
            ]
            result["standalone_also"] = [*listed, *(c for c, a in cities.items() if a and
                                                     c not in listed)]  # fmt: skip
        result = nested(result)
        if result:
            settled[wire] = result
    return settled, notes


def _shown(value: str) -> str:
    return "the profile's own" if value == _key(OWN) else value


def profile_text(wire: str, settings: dict[str, Any], existing: str | None = None) -> str:
    """The house profile's YAML: a new one extending `wire`, or `existing` (a project's
    profile) with the settings changed and its comments kept."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 4096
    yaml.representer.add_representer(
        type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    if existing is None:
        data: Any = {"extends": wire, **settings}
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        return HEADER + buffer.getvalue()
    data = yaml.load(existing)
    for key, value in settings.items():
        if key == "languages" and isinstance(data.get(key), dict):
            # A language's other settings stay as the project has them.
            for tag, changed in value.items():
                data[key].setdefault(tag, {}).update(changed)
        else:
            data[key] = value
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def describe(settings: dict[str, Any]) -> Iterator[str]:
    for key, value in settings.items():
        yield f"{key}: {json.dumps(value, ensure_ascii=False)}"
