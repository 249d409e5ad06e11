"""Contact blocks read back: groups under their labels, and each contact's lines matched
against the profile's `contact_lines` templates. A contact whose lines no reading writes
back exactly is kept as a contact written as text, so nothing is lost."""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass, field
from typing import Any

from prwriter.importing.patterns import template_regex
from prwriter.model import Contact, Phone
from prwriter.style.contacts import fill_line
from prwriter.wires import WireProfile

_PHONE = r"\+?[\d(][\d ().\-]{5,}\d(?: ?(?:x|ext\.?) ?\d+)?"
_EMAIL = r"[^\s@,]+@[^\s@,]+\.[A-Za-z]{2,}"
_WEB = r"(?:https?://|www\.)\S+"
_FIELD = {
    "organization": r"[^@]+?",
    # Capitals past ASCII too: Élise Tremblay, Ángel Ruiz.
    "name": r"[A-Z\u00c0-\u00de][\w.'\-]*"
    r"(?: (?:[A-Z\u00c0-\u00de][\w.'\-]*|de|van|von|la|le|da|di|del|du)){0,4}",
    "title": r"[^@\d]+?",
}


@dataclass
class FoundContact:
    """A contact as library fields (ContactFile's keys)."""

    fields: dict[str, Any] = field(default_factory=dict)
    line: int = 0


@dataclass
class FoundGroup:
    label: str
    contacts: list[FoundContact]
    line: int


class ContactReader:
    def __init__(self, wire: WireProfile) -> None:
        self.wire = wire
        label = wire.phone_label
        self.phone_one = re.compile(
            "^(?:"
            + template_regex(label, {"label": r"[A-Za-z][\w .]*?", "number": _PHONE})
            + f"|(?P<bare>{_PHONE}))$"
        )
        email = template_regex(wire.email_form, {"email": _EMAIL})
        self.email_one = re.compile(f"^{email}$")
        phone = rf"(?:[A-Za-z][\w .]*?: )?{_PHONE}"
        self.phones = f"{phone}(?:{re.escape(wire.phone_separator)}{phone})*"
        one = email.replace("(?P<email>", "(?:").replace("(?P=email)", f"(?:{_EMAIL})")
        self.emails = f"{one}(?:{re.escape(wire.email_separator)}{one})*"

    # --- one contact ---------------------------------------------------------------------

    def contact(self, lines: list[str]) -> dict[str, Any]:
        """The best reading of a contact's lines, or `{"text": ...}`."""
        best: dict[str, Any] | None = None
        for reading in self._readings(lines, 0, 0):
            if "title" in reading and "name" not in reading:
                continue
            if self._write(reading) == lines and (best is None or _score(reading) > _score(best)):
                best = reading
        return self.as_fields(best) if best else {"text": "\n".join(lines)}

    def _readings(self, lines: list[str], i: int, t: int) -> list[dict[str, str]]:
        templates = self.wire.contact_lines
        if i == len(lines):
            return [{}]
        found: list[dict[str, str]] = []
        for k in range(t, len(templates)):
            for values in self._line_readings(templates[k], lines[i]):
                for rest in self._readings(lines, i + 1, k + 1):
                    if not set(rest) & set(values):
                        found.append({**values, **rest})
            if len(found) > 50:
                break
        return found

    def _line_readings(self, template: str, line: str) -> list[dict[str, str]]:
        parts = list(string.Formatter().parse(template))
        fields = [f for _, f, _, _ in parts if f is not None]
        groups = {**_FIELD, "phones": self.phones, "emails": self.emails, "web": _WEB}
        found = []
        for size in range(len(fields), 0, -1):
            for subset in itertools.combinations(fields, size):
                sample = fill_line(template, {f: f"\x00{f}\x00" for f in subset}) or ""
                pattern = re.escape(sample)
                for f in subset:
                    pattern = pattern.replace(re.escape(f"\x00{f}\x00"), f"(?P<{f}>{groups[f]})")
                match = re.fullmatch(pattern, line)
                if match:
                    found.append({f: match[f] for f in subset})
        return found

    def _write(self, values: dict[str, str]) -> list[str] | None:
        contact = self._model(values)
        if contact is None:
            return None
        from prwriter.formatting import Facts

        return Facts(None, self.wire).contact_lines(contact)  # type: ignore[arg-type]

    def _model(self, values: dict[str, str]) -> Contact | None:
        phones = []
        for written in _split(values.get("phones"), self.wire.phone_separator):
            match = self.phone_one.match(written)
            if not match:
                return None
            number = match["bare"] or match.groupdict().get("number")
            phones.append(
                Phone(number=number or "", label=None if match["bare"] else match["label"])
            )
        emails = []
        for written in _split(values.get("emails"), self.wire.email_separator):
            match = self.email_one.match(written)
            if not match:
                return None
            emails.append(match["email"])
        return Contact(
            organization=values.get("organization"),
            name=values.get("name"),
            title=values.get("title"),
            phones=phones,
            emails=emails,
            web=values.get("web"),
        )

    def as_fields(self, values: dict[str, str]) -> dict[str, Any]:
        contact = self._model(values)
        assert contact is not None
        out: dict[str, Any] = {}
        for key in ("organization", "name", "title"):
            if getattr(contact, key):
                out[key] = getattr(contact, key)
        if len(contact.phones) == 1 and not contact.phones[0].label:
            out["phone"] = contact.phones[0].number
        elif contact.phones:
            out["phones"] = [
                {"label": p.label, "number": p.number} if p.label else p.number
                for p in contact.phones
            ]
        if len(contact.emails) == 1:
            out["email"] = contact.emails[0]
        elif contact.emails:
            out["emails"] = contact.emails
        if contact.web:
            out["web"] = contact.web
        return out

    # --- a block of groups ---------------------------------------------------------------

    def groups(self, lines: list[tuple[int, str]]) -> list[FoundGroup]:
        """Groups from the contact lines (blank lines kept as ""), each opened by a label;
        one group, named for the heading, when the profile writes no labels."""
        groups: list[FoundGroup] = []
        current: list[tuple[int, str]] = []
        if self.wire.contact_label is None:
            heading = (self.wire.contacts_heading or "Contacts").strip().rstrip(":").strip()
            name = heading.capitalize() if heading.isupper() else heading
            group = FoundGroup(name, [], lines[0][0] if lines else 0)
            chunk: list[tuple[int, str]] = []
            for number, line in [*lines, (0, "")]:
                if line:
                    chunk.append((number, line))
                elif chunk:
                    texts = [t for _, t in chunk]
                    group.contacts.append(FoundContact(self.contact(texts), chunk[0][0]))
                    chunk = []
            return [group] if group.contacts else []
        label = re.compile(
            "^" + template_regex(self.wire.contact_label, {"label": r"[^\n]+?"}) + "$"
        )

        def close() -> None:
            if not groups:
                return
            chunk: list[tuple[int, str]] = []
            for number, line in [*current, (0, "")]:
                if line:
                    chunk.append((number, line))
                elif chunk:
                    texts = [t for _, t in chunk]
                    groups[-1].contacts.append(FoundContact(self.contact(texts), chunk[0][0]))
                    chunk = []

        for number, line in lines:
            match = label.match(line) if line else None
            if match and (not current or not current[-1][1] or not groups):
                close()
                current = []
                # French copy spaces the colon: `Médias :`.
                groups.append(FoundGroup(match["label"].rstrip(" "), [], number))
            elif self.wire.contact_group_separator and line == self.wire.contact_group_separator:
                continue
            else:
                current.append((number, line))
        close()
        return [g for g in groups if g.contacts]


def _split(text: str | None, separator: str) -> list[str]:
    return text.split(separator) if text else []


def _score(values: dict[str, str]) -> tuple[int, int]:
    # More fields read is better; a name is likelier than an organization on its own.
    return (len(values), int("name" in values))
