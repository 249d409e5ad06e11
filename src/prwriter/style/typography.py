"""French spacing: a non-breaking space before `: ; ! ?` and inside « », so no line ever
starts with a colon or a closing guillemet, whatever the format wraps.

Modes (a wire profile's `space_before_marks`): `none` leaves the copy as typed; `nbsp` puts
U+00A0 everywhere (plain-text wires: one kind of space is safest); `narrow` puts U+202F
before `; ! ?` and U+00A0 before `:` and inside guillemets, as French printers do; `plain`
puts an ordinary space (U+0020) in the same places, as much wire copy prints them (a wrapped
line may then break before the mark).
"""

from __future__ import annotations

import re
from typing import Literal

SpacingMode = Literal["none", "plain", "nbsp", "narrow"]

NBSP = "\u00a0"
NNBSP = "\u202f"

# A space already typed before the mark, or none after a word, a digit, a closing bracket or
# a guillemet; only when the mark ends a word (so "https://" and "11:30" stay as they are).
_BEFORE_MARK = re.compile(r"(?:[ \t\u00a0\u202f]+|(?<=[\w)\]»%]))([:;!?])(?=\s|$|[»)\]\"'])")
_AFTER_OPENING = re.compile(r"«[ \t\u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \t\u00a0\u202f]*»")


def space_for(mark: str, mode: SpacingMode) -> str:
    """The space `mode` writes before `mark` (`: ; ! ? »`) and after `«`; none for `none`."""
    if mode == "none":
        return ""
    if mode == "plain":
        return " "
    return NNBSP if mode == "narrow" and mark in ";!?" else NBSP


def space_before_marks(text: str, mode: SpacingMode) -> str:
    if mode == "none":
        return text

    def before(match: re.Match[str]) -> str:
        mark = match.group(1)
        return space_for(mark, mode) + mark

    text = _BEFORE_MARK.sub(before, text)
    text = _AFTER_OPENING.sub("«" + space_for("«", mode), text)
    return _BEFORE_CLOSING.sub(space_for("»", mode) + "»", text)
