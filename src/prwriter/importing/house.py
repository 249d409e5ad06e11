"""House profiles from imported copy. Where a source's forms depart from its wire's profile
in a way a profile setting writes (a zero-padded day, a bullet, a city standing alone, a
contact block without group labels, an older wire tag), the settings that would write
them are proposed; the import reads the source with and without them and keeps the
reading that reproduces more lines. The settings most sources share become the project's
`templates/wires/<wire>.yaml` (`extends: <wire>`); the sources that differ are reported."""

from __future__ import annotations

import io
import json
import re
import string
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from prwriter.errors import display_path
from prwriter.importing.patterns import DATE, read_date, template_regex
from prwriter.importing.places import canadian_province
from prwriter.importing.reading import blocks
from prwriter.style.dates import DATE_STYLES
from prwriter.style.places import needs_region
from prwriter.style.tickers import canonical_exchange
from prwriter.wires import WireProfile

# A list item: optional indent, one marker, one space.
_BULLET = re.compile(r"^(\s*[\u2022\u00b7\u25aa\u2013*\-]) ")
# A listing written without a space after the colon: (NYSE:ACME).
_TIGHT_LISTING = re.compile(r"\((?P<exchange>[A-Za-z][\w .\-]*?):(?P<symbol>[A-Z0-9][\w.\-]*)\)")
# A wire's name inside its tag, after `/` or `(`: /CNW/, (GLOBE NEWSWIRE).
_TAG_NAME = re.compile(r"(?<=[/(])[A-Za-z][A-Za-z0-9.]*(?: [A-Za-z][A-Za-z0-9.]*)*")
_PLACE = r"[^\n]+?"
_DASH = "\\s*[-\u2013\u2014]+\\s*"
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


def proposals(text: str, wire: WireProfile, *, date_year: int | None = None) -> dict[str, Any]:
    """The settings that would write this copy's forms where `wire` writes others."""
    found: dict[str, Any] = {}
    lead = _lead(text, wire)
    if lead is not None:
        match, own = lead
        if not own:
            found["dateline"] = _template_of(match)
        found |= _date_settings(match, wire, date_year)
        alone = _cities_alone(match["place"], wire)
        if alone:
            found["standalone_also"] = [*wire.standalone_also, *alone]
        found |= _ticker_settings(match.string[match.end() :], wire)
    bullet = _bullet(text, wire)
    if bullet:
        found["bullet"] = bullet
    if _unlabelled_contacts(text, wire):
        found["contact_label"] = None
    return found


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


def _date_settings(match: re.Match[str], wire: WireProfile, year: int | None) -> dict[str, Any]:
    written = match.groupdict().get("date")
    if not written:
        return {}
    out: dict[str, Any] = {}
    has_year = bool(re.search(r", \d{4}$", written))
    if not has_year and wire.dateline_year:
        out["dateline_year"] = False
    year = None if has_year else (year or 2000)
    if read_date(written, wire.date_style, year=year) is None:
        style = next((s for s in DATE_STYLES if read_date(written, s, year=year)), None)
        if style is not None:
            out["date_style"] = style
    return out


def _cities_alone(place: str, wire: WireProfile) -> list[str]:
    """Canadian cities written alone where AP writes their province."""
    found = []
    for part in place.split(wire.city_separator):
        city = part.strip()
        if ", " in city or not needs_region(city) or canadian_province(city) is None:
            continue
        written = " ".join(w.capitalize() for w in city.split())
        if written not in wire.standalone_also:
            found.append(written)
    return found


def _ticker_settings(lead: str, wire: WireProfile) -> dict[str, Any]:
    if "{exchange}: {symbol}" not in wire.ticker:
        return {}
    for match in _TIGHT_LISTING.finditer(lead.split("\n\n")[0]):
        try:
            canonical_exchange(match["exchange"])
        except ValueError:
            continue
        return {"ticker": wire.ticker.replace("{exchange}: {symbol}", "{exchange}:{symbol}")}
    return {}


def _bullet(text: str, wire: WireProfile) -> str | None:
    """The marker of the copy's lists, when every list uses one the profile does not."""
    markers: Counter[str] = Counter()
    for block in blocks(text)[2:]:
        found = [_BULLET.match(line) for line in block.lines]
        if all(found) and len({m[1] for m in found if m}) == 1:
            first = found[0]
            assert first is not None
            markers[first[1] + " "] += 1
    if not markers:
        return None
    marker = markers.most_common(1)[0][0]
    return marker if marker != wire.bullet and marker.strip() != wire.bullet.strip() else None


def _unlabelled_contacts(text: str, wire: WireProfile) -> bool:
    """The contacts open with a contact line, not a group label."""
    if wire.contact_label is None or wire.contacts_position != "end":
        return False
    label = re.compile("^" + template_regex(wire.contact_label, {"label": r"[^\n]+?"}) + "$")
    heading = wire.contacts_heading or ("CONTACT:" if wire.contacts_layout != "block" else None)
    if heading is None:
        return False
    found = blocks(text)
    for n in range(len(found) - 1, 0, -1):
        lines = found[n].lines
        if wire.contacts_layout != "block" and lines[0].startswith(heading + " "):
            first = lines[0].removeprefix(heading + " ").strip()
            return not label.match(first)
        if wire.contacts_layout == "block" and found[n].text == heading and n + 1 < len(found):
            return not label.match(found[n + 1].lines[0])
    return False


# --- the profile the sources share ----------------------------------------------------


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def settle(
    chosen: Sequence[tuple[Path, str, dict[str, Any]]],
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Per wire, each setting's most common value over the sources read in it (a source
    that did not need the setting counts for the profile as it is; a tie goes to the
    first source given), and a note for each source whose copy the result does not write."""
    by_wire: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for path, wire, settings in chosen:
        by_wire.setdefault(wire, []).append((path, settings))
    settled: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for wire, sources in by_wire.items():
        keys = list(dict.fromkeys(k for _, settings in sources for k in settings))
        result: dict[str, Any] = {}
        for key in keys:
            votes = Counter(_key(s[key]) if key in s else None for _, s in sources)
            order = list(dict.fromkeys(_key(s[key]) if key in s else None for _, s in sources))
            best = max(order, key=lambda v: (votes[v], -order.index(v)))
            if best is not None:
                result[key] = json.loads(best)
            for path, settings in sources:
                mine = _key(settings[key]) if key in settings else None
                if mine != best:
                    kept = json.loads(best) if best is not None else "the profile's own"
                    needed = json.loads(mine) if mine is not None else "the profile's own"
                    notes.append(
                        f"{display_path(path)}: {key}: the house profile for {wire} keeps "
                        f"{kept!r} ({votes[best]} of {len(sources)} sources); this copy "
                        f"uses {needed!r}"
                    )
        if result:
            settled[wire] = result
    return settled, notes


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
        data[key] = value
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def describe(settings: dict[str, Any]) -> Iterator[str]:
    for key, value in settings.items():
        yield f"{key}: {json.dumps(value, ensure_ascii=False)}"
