"""The YAML an import writes, set by hand for the plain data it holds: mappings in the
order given, sequences, text, numbers, dates, null. ruamel.yaml's representer builds a
node per value in Python: for a release with its statements, about a quarter of its
import's time; this writes the same data in a few string operations. Text is plain where
YAML reads it back as the same text, in single quotes otherwise, in double quotes (JSON's
escapes, which YAML reads) when it holds line breaks or control characters; Markdown of
several lines is a literal block.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

# Text that a YAML reader could take for something else: a number, a date, a boolean or
# null (YAML 1.1's words too), an indicator at the start, `: ` or ` #` inside.
_NOT_PLAIN = re.compile(
    r"""^(?:[-+.]?\d|[-?:,\[\]{}#&*!|>'"%@`=~ <]|\.(?:inf|nan)$)"""
    r"|: |:$| #|^(?:y|yes|n|no|true|false|on|off|null|none)$|^\.\.\.(?:\s|$)",
    re.IGNORECASE,
)
# Inside a one-line list, these end or confuse a plain scalar for libyaml's parser.
_FLOW = re.compile(r"[,\[\]{}:?]")
# What YAML will not take raw in a file, or reads as a line break.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# A plain key can be this long at most.
_KEY_LIMIT = 1024


class Unsupported(TypeError):
    """A value this writer does not set (the caller falls back to ruamel.yaml)."""


def dump(data: dict[str, Any], literal: type[str], flow: Callable[[list[Any]], bool]) -> str:
    """`data` as a YAML document; `literal` marks text written as a literal block, `flow`
    says which lists go on one line (a table row)."""
    if not isinstance(data, dict):
        raise Unsupported("a document is a mapping")
    out: list[str] = []
    _mapping(data, 0, out, literal, flow)
    return "\n".join(out) + "\n"


def _mapping(data: dict[Any, Any], col: int, out: list[str], literal: Any, flow: Any) -> None:
    for key, value in data.items():
        if len(str(key)) > _KEY_LIMIT:
            raise Unsupported("a key longer than YAML's plain keys")
        _value(value, " " * col + _scalar(str(key), False) + ":", col + 2, out, literal, flow)


def _value(value: Any, head: str, col: int, out: list[str], literal: Any, flow: Any) -> None:
    """`value` after `head` (`key:` or `-`); what it nests starts at column `col`, a
    sequence's or mapping's first line on a dash's own line."""
    dash = head.endswith("-")
    if isinstance(value, dict | list) and value and not (isinstance(value, list) and flow(value)):
        inner: list[str] = []
        if isinstance(value, dict):
            _mapping(value, col, inner, literal, flow)
        else:
            for item in value:
                _value(item, " " * col + "-", col + 2, inner, literal, flow)
        if dash:
            out.append(f"{head} {inner[0][col:]}")
            out.extend(inner[1:])
        else:
            out.append(head)
            out.extend(inner)
    elif isinstance(value, dict):
        out.append(f"{head} {{}}")
    elif isinstance(value, list):
        out.append(f"{head} [{', '.join(_scalar(v, True) for v in value)}]")
    elif isinstance(value, literal) and _literal_ok(value):
        out.append(f"{head} |-")
        out.extend((" " * col + line) if line else "" for line in value.split("\n"))
    else:
        out.append(f"{head} {_scalar(value, False)}")


def _literal_ok(text: str) -> bool:
    return (
        not text.startswith((" ", "\n"))
        and not text.endswith("\n")
        and not _CONTROL.search(text.replace("\n", ""))
    )


def _scalar(value: Any, in_flow: bool) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise Unsupported("not a finite number")
        text = repr(value)
        return text if "." in text else text.replace("e", ".0e", 1)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise Unsupported(type(value).__name__)
    if "\n" in value or _CONTROL.search(value):
        # JSON escapes what is below a space; YAML wants the rest of these escaped too.
        quoted = json.dumps(value, ensure_ascii=False)
        return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    plain = (
        value
        and value == value.strip()
        and not _NOT_PLAIN.search(value)
        and not (in_flow and _FLOW.search(value))
    )
    return value if plain else "'" + value.replace("'", "''") + "'"
