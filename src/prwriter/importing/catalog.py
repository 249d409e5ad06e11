"""The library an import builds: one entry per company, person, contact and legal block,
found again by what it says. An entry that matches is referenced, not copied; a changed
About text becomes a new version in force from the release's date; a person or contact seen
again keeps its id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prwriter.importing.draft import FoundCompany, FoundLegal
from prwriter.style.names import slug, without_legal_suffix

Data = dict[str, Any]
KINDS = ("companies", "people", "contacts", "legal")
# An About text with no date of its own (a plain `about:`) is in force from the start.
EARLIEST = dt.date(1900, 1, 1)


class Catalog:
    """Library entries by kind and id; `changed` are the ones this import wrote."""

    def __init__(self, entries: dict[str, dict[str, Data]] | None = None) -> None:
        self.entries: dict[str, dict[str, Data]] = {k: {} for k in KINDS}
        for kind, found in (entries or {}).items():
            self.entries.setdefault(kind, {}).update(found)
        self.changed: set[tuple[str, str]] = set()

    @classmethod
    def read(cls, root: Path) -> Catalog:
        """The entries already in `root/boilerplates/` (each file read as YAML)."""
        from prwriter.yaml_source import read_yaml

        found: dict[str, dict[str, Data]] = {}
        for kind in KINDS:
            folder = root / "boilerplates" / kind
            if not folder.is_dir() or folder.is_symlink():
                continue
            for path in sorted(folder.glob("*.yaml")):
                if path.is_file() and not path.is_symlink():
                    data = read_yaml(path).data
                    if isinstance(data, dict):
                        found.setdefault(kind, {})[path.stem] = data
        return cls(found)

    def _put(self, kind: str, entry_id: str, data: Data) -> str:
        self.entries[kind][entry_id] = data
        self.changed.add((kind, entry_id))
        return entry_id

    def _free_id(self, kind: str, base: str) -> str:
        entry_id, n = base, 2
        while entry_id in self.entries[kind]:
            entry_id, n = f"{base}-{n}", n + 1
        return entry_id

    # --- companies -----------------------------------------------------------------------

    def company(
        self, found: FoundCompany, date: dt.date, language: str | None = None
    ) -> tuple[str, Data]:
        """The company's id and this release's reference to it. Copy in another language
        (`language`, "fr") keeps its About text as the entry's translation, so the release
        in English and its French version share one entry."""
        base = slug(without_legal_suffix(found.name), 40)
        entry_id = next(
            (i for i, d in self.entries["companies"].items() if d.get("name") == found.name), None
        )
        ref: Data = {"id": ""}
        if entry_id is None:
            entry_id = self._free_id("companies", base)
            data: Data = {"name": found.name}
        else:
            data = dict(self.entries["companies"][entry_id])
        before = dict(data)
        if found.url and not data.get("url"):
            data["url"] = found.url
        if found.url and data.get("url") != found.url:
            ref["url"] = found.url
        if found.listings and not data.get("listings"):
            data["listings"] = found.listings
        if found.ticker_spaced and not data.get("ticker_spacing"):
            data["ticker_spacing"] = "spaced"
        if found.listings and data.get("listings") != found.listings:
            found.ticker = False
        if not found.listings and data.get("listings"):
            ref["ticker"] = False
        if language is not None and found.about is not None:
            words = {"about": found.about}
            if found.about_heading:
                words["about_heading"] = found.about_heading
            translations = dict(data.get("translations") or {})
            translations[language] = {**translations.get(language, {}), **words}
            data["translations"] = translations
            if data.get("about") is None:
                # The only About text the entry has: also its own, for the loader's checks.
                data["about"] = _with_version(None, found.about, date)
        elif found.about_heading and not data.get("about_heading"):
            data["about_heading"] = found.about_heading
        if language is None and found.about is not None:
            data["about"] = _with_version(data.get("about"), found.about, date)
        elif found.about is None and data.get("about"):
            ref["about"] = False
        if found.link:
            ref["link"] = True
        if found.mention:
            ref["mention"] = found.mention
        if data != before or entry_id not in self.entries["companies"]:
            self._put("companies", entry_id, data)
        ref["id"] = entry_id
        return entry_id, ref

    # --- people, contacts, legal blocks --------------------------------------------------

    def person(
        self, name: str, title: str | None, language: str | None = None
    ) -> tuple[str, str | None]:
        """The person's id, and the title to give in the quote when the library's differs.
        A title in copy of another `language` is the entry's translation of it."""
        for entry_id, data in self.entries["people"].items():
            if data.get("name") == name and language is not None and title is not None:
                translations = dict(data.get("translations") or {})
                known = (translations.get(language) or {}).get("title")
                if known is None:
                    translations[language] = {**translations.get(language, {}), "title": title}
                    self._put("people", entry_id, {**data, "translations": translations})
                return entry_id, None if known in (None, title) else title
            if data.get("name") == name:
                if title is None or data.get("title") == title:
                    return entry_id, None
                translated = {
                    (t or {}).get("title") for t in (data.get("translations") or {}).values()
                }
                if data.get("title") is None or data.get("title") in translated:
                    # No title yet, or only the one a copy in another language gave.
                    self._put("people", entry_id, {**data, "title": title})
                    return entry_id, None
                return entry_id, title
        data = {"name": name, **({"title": title} if title else {})}
        if language is not None and title:
            data["translations"] = {language: {"title": title}}
        return self._put("people", self._free_id("people", slug(name, 40)), data), None

    def contact(self, fields: Data) -> str:
        for entry_id, data in self.entries["contacts"].items():
            if data == fields:
                return entry_id
        words = " ".join(
            str(fields.get(k, "")) for k in ("organization", "name") if fields.get(k)
        ) or str(fields.get("email") or fields.get("text") or "contact")
        base = slug(words, 40) or "contact"
        return self._put("contacts", self._free_id("contacts", base), fields)

    def legal(self, found: FoundLegal, owner: str) -> str:
        data: Data = {"kind": found.kind, **({"heading": found.heading} if found.heading else {})}
        data["text"] = found.text
        for entry_id, existing in self.entries["legal"].items():
            if existing == data:
                return entry_id
        base = slug(f"{owner} {found.heading or found.kind}", 40)
        return self._put("legal", self._free_id("legal", base), data)


def _with_version(about: Any, text: str, date: dt.date) -> Any:
    """The About entry with `text` in force on `date`: unchanged when it already is."""
    if about is None:
        return [{"since": date, "text": text}]
    versions = [{"since": EARLIEST, "text": about}] if isinstance(about, str) else list(about)
    in_force = [v for v in versions if _date(v["since"]) <= date]
    current = max(in_force, key=lambda v: _date(v["since"])) if in_force else None
    if current is not None and current["text"] == text:
        return about
    versions = [v for v in versions if _date(v["since"]) != date]
    versions.append({"since": date, "text": text})
    return sorted(versions, key=lambda v: _date(v["since"]))


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
