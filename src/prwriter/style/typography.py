"""French spacing: a non-breaking space before `: ; ! ?` and inside « », so no line ever
starts with a colon or a closing guillemet, whatever the format wraps.

Modes (a wire profile's `space_before_marks`): `none` leaves the copy as typed; `nbsp` puts
U+00A0 everywhere (plain-text wires: one kind of space is safest); `narrow` puts U+202F
before `; ! ?` and U+00A0 before `:` and inside guillemets, as French printers do.
"""

from __future__ import annotations

import re
from typing import Literal

SpacingMode = Literal["none", "nbsp", "narrow"]

NBSP = "\u00a0"
NNBSP = "\u202f"

# A space already typed before the mark, or none after a word, a digit, a closing bracket or
# a guillemet; only when the mark ends a word (so "https://" and "11:30" stay as they are).
_BEFORE_MARK = re.compile(r"(?:[ \t\u00a0\u202f]+|(?<=[\w)\]»%]))([:;!?])(?=\s|$|[»)\]\"'])")
_AFTER_OPENING = re.compile(r"«[ \t\u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \t\u00a0\u202f]*»")


def space_before_marks(text: str, mode: SpacingMode) -> str:
    if mode == "none":
        return text
    thin = NBSP if mode == "nbsp" else NNBSP

    def before(match: re.Match[str]) -> str:
        mark = match.group(1)
        return (NBSP if mark == ":" else thin) + mark

    text = _BEFORE_MARK.sub(before, text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)
