"""Contact lines from a profile's line templates, where an absent field leaves nothing behind.

A template such as `"{name}, {title}, {phones}"` joins the fields a contact has with the
text written before each one; a field the contact lacks takes its separator with it, and a
line whose fields are all absent is left out. Text before the first field ("Internet: ")
and after the last is kept whenever the line is written.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

CONTACT_FIELDS = frozenset({"organization", "name", "title", "phones", "emails", "web"})


def fill_line(template: str, values: Mapping[str, str | None]) -> str | None:
    """`template` filled from `values`; None when every field in it is empty."""
    parts = list(string.Formatter().parse(template))
    fields = [(literal, field) for literal, field, _, _ in parts if field is not None]
    tail = "".join(literal for literal, field, _, _ in parts if field is None)
    kept = [(literal, values.get(field) or "") for literal, field in fields]
    present = [(literal, value) for literal, value in kept if value]
    if not present:
        return None if fields else template
    lead = fields[0][0]
    text = lead + present[0][1]
    for literal, value in present[1:]:
        text += literal + value
    return text + tail
