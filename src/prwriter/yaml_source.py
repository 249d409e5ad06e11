"""Read one YAML file into plain data, and where each key and value was written.

The file is composed (not constructed) with ruamel.yaml, and nodes are turned into plain
Python values here, so that dates stay strings until pydantic parses them, duplicate keys and
aliases are caught with their positions, and nothing in a file can build arbitrary objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from prwriter.errors import Loc, Problem, ReadError, display_path, format_field_path

# A line break in a folded scalar's value that starts an ordinary (not more-indented) line.
_FOLDED_BREAK = re.compile(r"\n(?=[^ \n])")

# Release and library files are a few kilobytes; refusing big files early keeps a stray
# upload from stalling a CI job.
MAX_FILE_BYTES = 1024 * 1024
# No release needs more than a handful of levels; a limit keeps conversion from recursing
# until Python gives up.
MAX_DEPTH = 50

# The parser's words for the mistakes writers make most, and what to do about each.
_SYNTAX_HINTS = (
    ("'\\t'", "; indent with spaces, not tabs"),
    ("mapping values are not allowed", "; check this line's indentation, or put a value "
     "that contains ': ' in quotes"),
    ("expected <block end>", "; check this line's indentation against the lines above"),
    ("could not find expected ':'", "; a key needs a colon after it, or quote the text"),
    ("found undefined alias", "; YAML aliases (*name) are not supported"),
    ("unacceptable character", "; remove the control character"),
)  # fmt: skip

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_YAML = "tag:yaml.org,2002:yaml"
# What `_Converter._plain` returns for a scalar it leaves to `_Converter.convert`.
_NOT_PLAIN = object()
# The tags a mapping key may have: prwriter reads keys as names.
_KEY_TAGS = (_STR, _INT, _BOOL, _FLOAT)


@dataclass(slots=True)
class YamlSource:
    """Plain data from one file and where each part of it was written.

    Positions are read from the composed node tree when a problem or a finding asks for
    one: recording the place of every key and value up front cost more than reading a
    release's tables of numbers."""

    path: Path
    display: str
    data: Any
    # The composed document (ruamel.yaml nodes, with their marks) and the file's lines.
    root: Any = None
    lines: list[str] = field(default_factory=list)
    # Places given to values set from the command line (`--set`) that the file lacks.
    assigned: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    # Values replaced from the command line (`--set`): their problems are reported there.
    overridden: set[Loc] = field(default_factory=set)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of `loc`, or of its nearest ancestor that was written."""
        if key:
            found = self._key_position(loc)
            if found is not None:
                return found
        while loc:
            found = self._value_position(loc)
            if found is not None:
                return found
            loc = loc[:-1]
        found = self._value_position(())
        return found if found is not None else (1, 1)

    def known_prefix(self, loc: Loc) -> Loc:
        """The longest part of `loc` that names something in the file.

        pydantic puts union member names into error locations; dropping the parts that
        are not keys or indices of the data leaves the path the user wrote.
        """
        kept: list[str | int] = []
        for part in loc:
            candidate = (*kept, part)
            if self._value_position(candidate) is not None:
                kept.append(part)
        return tuple(kept)

    def text_position(self, loc: Loc, line_in_text: int | None) -> tuple[int, int]:
        """Position of line `line_in_text` (0-based) of the text at `loc`: exact inside a
        literal block (`|`), the value's own position otherwise."""
        node = _child_node(self.root, loc) if loc not in self.assigned else None
        if line_in_text is not None and node is not None and getattr(node, "style", "") == "|":
            # Content starts on the line after the indicator, at the block's indentation.
            line = node.start_mark.line + 1
            lines = self.lines
            while line < len(lines) and not lines[line].strip():
                line += 1
            if line < len(lines):
                indent = len(lines[line]) - len(lines[line].lstrip(" "))
                return node.start_mark.line + 2 + line_in_text, indent + 1
        return self.position(loc)

    def _value_position(self, loc: Loc) -> tuple[int, int] | None:
        if loc in self.assigned:
            return self.assigned[loc]
        node = _child_node(self.root, loc)
        return None if node is None else _place(node)

    def _key_position(self, loc: Loc) -> tuple[int, int] | None:
        if loc in self.assigned:
            return self.assigned[loc]
        parent = _child_node(self.root, loc[:-1]) if loc else None
        if parent is None or parent.id != "mapping" or not isinstance(loc[-1], str):
            return None
        entry = _entry(parent, loc[-1])
        return None if entry is None else _place(entry[0])

    def set_on_command_line(self, loc: Loc) -> bool:
        """Whether `loc` is, holds or lies inside a value given with `--set`."""
        return any(loc[: len(o)] == o or o[: len(loc)] == loc for o in self.overridden if loc)

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        if self.set_on_command_line(loc):
            return Problem("--set", 0, 0, format_field_path(loc), message)
        line, column = self.position(loc, key=key)
        return Problem(self.display, line, column, format_field_path(loc), message)

    def override(self, dotted: str, value: Any) -> None:
        """Replace (or add) the value at `dotted` (`headline`, `contacts.0.label`, or as
        prwriter prints paths, `contacts[0].label`)."""
        dotted = dotted.replace("[", ".").replace("]", "")
        parts: list[str | int] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
        if not dotted or any(p == "" for p in parts):
            raise ValueError(f"'{dotted}' is not a field path such as headline or dateline.city")
        if not isinstance(self.data, dict):
            raise ValueError("the release file is not a mapping")
        target: Any = self.data
        for i, part in enumerate(parts[:-1]):
            following = parts[i + 1]
            if isinstance(target, dict) and isinstance(part, str):
                target = target.setdefault(part, [] if isinstance(following, int) else {})
            elif isinstance(target, list) and isinstance(part, int) and part < len(target):
                target = target[part]
            else:
                raise ValueError(f"nothing at '{format_field_path(tuple(parts[: i + 1]))}'")
        last = parts[-1]
        if isinstance(target, dict) and isinstance(last, str):
            target[last] = value
        elif isinstance(target, list) and isinstance(last, int) and last <= len(target):
            if last == len(target):
                target.append(value)
            else:
                target[last] = value
        else:
            raise ValueError("cannot set a value there")
        loc = tuple(parts)
        for end in range(1, len(loc) + 1):  # so that problems keep the path as written
            if self._value_position(loc[:end]) is None:
                self.assigned[loc[:end]] = self.position(loc[: end - 1])
        self.overridden.add(loc)


def _place(node: Any) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _child_node(root: Any, loc: Loc) -> Any:
    """The node written at `loc` under `root`, or None."""
    node = root
    for part in loc:
        if node is None:
            return None
        if node.id == "mapping" and isinstance(part, str):
            entry = _entry(node, part)
            node = None if entry is None else entry[1]
        elif node.id == "sequence" and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
    return node


def _entry(mapping: Any, key: str) -> tuple[Any, Any] | None:
    """The key and value nodes of `key` as the data has it: of duplicate keys the first,
    and never a key the converter refused (`null:`, `<<:`, a tagged key)."""
    for key_node, value_node in mapping.value:
        if str(key_node.value) == key and _tag_of_key(key_node) in _KEY_TAGS:
            return key_node, value_node
    return None


def _tag_of_key(key_node: Any) -> str | None:
    """A key's tag as text, None for a key that is not a scalar."""
    if key_node.id != "scalar" or key_node.ctag is None:
        return None
    if key_node.ctag is _plain_marker():
        return _implicit_tag(key_node.value)
    return str(key_node.ctag)


def _whole_file(display: str, message: str, line: int = 1, column: int = 1) -> ReadError:
    return ReadError([Problem(display, line, column, "", message)])


def _decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        raise _whole_file(
            display,
            f"the file is not UTF-8 text (byte 0x{bad} at offset {exc.start}); save it as UTF-8",
            line,
            column,
        ) from None
    # A byte-order mark is harmless noise left by some editors.
    return text.removeprefix("\ufeff")


def read_yaml(path: Path, *, display: str | None = None) -> YamlSource:
    """Load `path`; raise InputError with every position-located problem found."""
    shown = display or display_path(path)
    too_big = (
        f"the file is larger than {MAX_FILE_BYTES:,} bytes, the most prwriter reads from "
        "a YAML file"
    )
    try:
        if path.is_dir():
            raise _whole_file(shown, "is a folder, not a YAML file")
        if path.exists() and not path.is_file():
            raise _whole_file(shown, "is not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _whole_file(shown, too_big)
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat() is caught too.
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _whole_file(shown, "no such file") from None
    except PermissionError:
        raise _whole_file(shown, "permission denied: prwriter cannot read this file") from None
    except (OSError, RuntimeError) as exc:  # symlink loops, I/O errors
        raise _whole_file(shown, f"cannot read the file: {exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _whole_file(shown, too_big)
    return parse_yaml(_decode(raw, shown), path=path, display=shown)


def parse_yaml(text: str, *, path: Path, display: str) -> YamlSource:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    source = YamlSource(path=path, display=display, data=None)
    try:
        fast = YAML(typ="safe")
        if "CParser" in fast.Parser.__name__:
            fast.Resolver = _c_resolver()
        nodes = list(fast.compose_all(text))
    except YAMLError:
        nodes = None
    if nodes is None:
        # libyaml's C parser (used above when ruamel.yaml.clib is installed, about eight
        # times faster) words its errors differently; the pure parser gives the messages
        # and hints prwriter documents.
        nodes = _compose_pure(text, display)
    problems: list[Problem] = []
    if not nodes or nodes[0] is None:
        raise _whole_file(display, "the file is empty")
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        raise _whole_file(
            display, "the file holds more than one YAML document; keep one per file", line
        )
    source.root, source.lines = nodes[0], text.split("\n")
    # Only an anchor (`&name`) lets a node be reached twice; without one in the text the
    # converter need not remember every node it has seen.
    converter = _Converter(source, problems, aliases_possible="&" in text)
    source.data = converter.convert(nodes[0], ())
    if converter.aliased:
        problems.extend(_alias_problems(text, source))
    if problems:
        raise ReadError(problems)
    return source


@cache
def _c_resolver() -> type:
    """A resolver that leaves plain scalars untyped: the converter types them itself
    (`_implicit_tag`). Called from libyaml's parser for every scalar, ruamel's own resolver
    builds a tag object and looks its YAML version up each time, the larger part of reading
    a table of numbers; quoted scalars are text, as ruamel's resolver has them too.
    prwriter adds no path resolvers, so the parser's calls to follow the path into and out
    of every node (one each per node) have nothing to do."""
    from ruamel.yaml.nodes import ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver

    plain = _plain_marker()

    class PlainLeft(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode:
                return plain if implicit[0] else self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    return PlainLeft


@cache
def _plain_marker() -> Any:
    from ruamel.yaml.tag import Tag

    return Tag(suffix="tag:prwriter,2026:plain")


_Patterns = tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _implicit_types() -> tuple[dict[str, _Patterns], _Patterns]:
    """ruamel's YAML 1.2 implicit types by first character (each with the patterns for
    any first character after its own), and those for any first character: behind
    libyaml's parser it reads every document as 1.2, whatever its %YAML directive says."""
    from ruamel.yaml.resolver import VersionedResolver

    table = VersionedResolver().versioned_resolver
    anywhere = tuple((str(tag), pattern) for tag, pattern in table.get(None, ()))
    by_first = {
        first: tuple((str(tag), pattern) for tag, pattern in patterns) + anywhere
        for first, patterns in table.items()
        if first is not None
    }
    return by_first, anywhere


def _implicit_tag(value: str) -> str:
    """The tag ruamel's resolver gives the plain scalar `value`."""
    if value.isdigit() and value.isascii():  # most table cells: an integer in YAML 1.2
        return _INT
    by_first, anywhere = _implicit_types()
    for tag, pattern in by_first.get(value[:1], anywhere):  # a label: most often none
        if pattern.match(value):
            return tag
    return _STR


def _compose_pure(text: str, display: str) -> list[Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return list(YAML(typ="safe", pure=True).compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = ": ".join(part for part in (exc.context, exc.problem) if part)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = next((h for clue, h in _SYNTAX_HINTS if clue in message), "")
        raise _whole_file(display, f"YAML syntax error: {message}{hint}", line, column) from None
    except YAMLError as exc:
        raise _whole_file(display, f"YAML syntax error: {exc}") from None


def _alias_problems(text: str, source: YamlSource) -> list[Problem]:
    """One problem at the first alias (a composed alias is just the anchored node again, so
    its own position comes from the parser's events)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent

    aliases = [e for e in YAML(typ="safe", pure=True).parse(text) if isinstance(e, AliasEvent)]
    first = aliases[0]
    more = f" (and {len(aliases) - 1} more)" if len(aliases) > 1 else ""
    return [
        Problem(
            source.display,
            first.start_mark.line + 1,
            first.start_mark.column + 1,
            "",
            f"YAML alias *{first.anchor}{more} is not supported; write the value out",
        )
    ]


class _Converter:
    """Composed nodes to plain values, with a problem for each thing prwriter refuses.

    A table of numbers is hundreds of plain scalars in sequences and mappings, so those
    are typed in line (`_plain`); everything else goes through `convert`."""

    def __init__(self, source: YamlSource, problems: list[Problem], *, aliases_possible: bool):
        self.source = source
        self.problems = problems
        self.aliases_possible = aliases_possible
        self.seen: set[int] = set()
        self.aliased = False
        self.tags: dict[tuple[Any, Any], str] = {}
        self.key_tags: dict[str, str] = {}
        self.plain = _plain_marker()

    def tag(self, node: Any) -> str | None:
        """The node's tag as text; ruamel decodes it anew on every access, and a table of
        numbers has thousands of nodes with a handful of tags (cached per document, whose
        %TAG directives they depend on)."""
        ctag = node.ctag
        if ctag is None:
            return None
        if ctag is self.plain:
            return _implicit_tag(node.value)
        key = (ctag.handle, ctag.suffix)
        found = self.tags.get(key)
        if found is None:
            found = self.tags[key] = str(ctag)
        return found

    def convert(self, node: Any, loc: Loc) -> Any:
        if len(loc) > MAX_DEPTH:
            self.problems.append(
                self.source.problem(loc, f"nested more than {MAX_DEPTH} levels deep")
            )
            return None
        # An alias is the same node reached twice. Refusing it keeps conversion linear:
        # a "billion laughs" file cannot expand into gigabytes.
        if self.aliases_possible:
            if id(node) in self.seen:
                self.aliased = True
                return None
            self.seen.add(id(node))
        kind = node.id
        if kind == "mapping":
            return self._mapping(node, loc)
        if kind == "sequence":
            return self._sequence(node, loc)
        return self._scalar(node, loc)

    def _in_line(self, depth: int) -> bool:
        """Whether plain scalars `depth` levels down can be typed by `_plain`, without
        `convert`'s checks: nothing is aliased and they are not too deep."""
        return not self.aliases_possible and depth <= MAX_DEPTH

    def _sequence(self, node: Any, loc: Loc) -> list[Any]:
        in_line, plain = self._in_line(len(loc) + 1), self.plain
        result: list[Any] = []
        for i, item in enumerate(node.value):
            value = self._plain(item.value) if in_line and item.ctag is plain else _NOT_PLAIN
            result.append(self.convert(item, (*loc, i)) if value is _NOT_PLAIN else value)
        return result

    def _mapping(self, node: Any, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        in_line, plain = self._in_line(len(loc) + 1), self.plain
        for key_node, value_node in node.value:
            key_tag = self._key_tag(key_node)
            if key_tag not in _KEY_TAGS:
                message = (
                    "YAML merge keys (<<) are not supported; write the keys out"
                    if key_tag == _MERGE
                    else "keys must be plain names"
                )
                line, column = _place(key_node)
                self.problems.append(
                    Problem(self.source.display, line, column, format_field_path(loc), message)
                )
                continue
            key = str(key_node.value)
            if key in result:
                line, column = _place(key_node)
                entry = _entry(node, key)  # the first key the data kept
                first = _place(entry[0])[0] if entry is not None else line
                self.problems.append(
                    Problem(self.source.display, line, column, format_field_path((*loc, key)),
                            f"duplicate key (first given on line {first}); keep one")
                )  # fmt: skip
                continue
            in_place = in_line and value_node.ctag is plain
            value = self._plain(value_node.value) if in_place else _NOT_PLAIN
            result[key] = self.convert(value_node, (*loc, key)) if value is _NOT_PLAIN else value
        return result

    def _key_tag(self, key_node: Any) -> str | None:
        if key_node.id != "scalar" or key_node.ctag is not self.plain:
            return _tag_of_key(key_node)
        # A release repeats a handful of keys (label, values, kind) hundreds of times.
        key = key_node.value
        found = self.key_tags.get(key)
        if found is None:
            found = self.key_tags[key] = _implicit_tag(key)
        return found

    def _plain(self, value: str) -> Any:
        """A plain scalar's value, typed as ruamel's resolver types it; `_NOT_PLAIN` for
        a tag prwriter refuses (`<<`, `=`, `!!yaml`), which `convert` reports where it was
        written."""
        if value.isdigit() and value.isascii():  # most table cells
            return int(value)
        tag = _implicit_tag(value)
        if tag == _STR:
            return value
        if tag in (_MERGE, _VALUE, _YAML):
            return _NOT_PLAIN
        return self._typed(tag, value, ())

    def _scalar(self, node: Any, loc: Loc) -> Any:
        tag, value = self.tag(node), node.value
        if tag == _STR and node.style == ">" and "\n" in value:
            # A folded scalar (">") keeps a blank line as a single line break, which
            # Markdown would read as the same paragraph: keep the writer's paragraphs.
            return _FOLDED_BREAK.sub("\n\n", value)
        return self._typed(tag, value, loc)

    def _typed(self, tag: str | None, value: str, loc: Loc) -> Any:
        if tag in (_STR, _TIMESTAMP):
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            digits = value.replace("_", "")
            for base in (0, 10):  # "0x1F", "0o17"; then "012", which YAML reads as 12
                try:
                    return int(digits, base)
                except ValueError:
                    continue
            return value
        if tag == _FLOAT:
            special = value.lower().lstrip("+-")
            if special in (".inf", ".nan"):
                return float(value.lower().replace(".", ""))
            try:
                return float(value)
            except ValueError:
                return value
        if tag in (_MAP, _SEQ):
            return value
        self.problems.append(
            self.source.problem(loc, f"unsupported YAML tag {tag}; remove the tag")
        )
        return None
