"""Limits on project templates, which come from many hands: where their files may be, how
long they may render, how much they may write, and what they may build.

- Every template file (an `{% include %}`d one too) must resolve inside the project or
  prwriter's own templates, after symbolic links.
- Rendering a template may take at most MAX_RENDER_SECONDS and write at most
  MAX_TEMPLATE_OUTPUT characters; string and list repetition (`'a' * n`), powers, padding
  filters and string methods, and format widths are capped at MAX_REPEAT; a string `join`
  or `replace` builds, at MAX_TEMPLATE_OUTPUT.
- Reaching an unsafe attribute (`__class__`) fails at once, and an undefined value fails
  whenever it is used, even printed inside a list (StrictUndefined leaves `[Undefined]`).
- A path offers its name and nothing that reads, writes or lists files; a date does not
  offer the clock (`today()`), so a render does not depend on when it runs.

Each breach is a `TemplateRuntimeError`, which `templating.render_template` reports as a
located template error.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import re
import threading
import time
import types
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import update_wrapper
from pathlib import Path, PurePath
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateRuntimeError
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import (
    SandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
    safe_range,
)
from markupsafe import Markup

from prwriter.document import PLAIN_DATA

MAX_RENDER_SECONDS = 20.0
# The HTML layout embeds images as data: URIs, so its output can be large.
MAX_TEMPLATE_OUTPUT = 256 * 1024 * 1024
MAX_REPEAT = 1_000_000
_WIDE = re.compile(r"\d{7,}|\*")  # a %-format width of a million or more, or one given as *
_DIGITS = re.compile(r"\d{7,}")
# What a template may read of a path: its name. Its methods read, write and list files.
_PATH_NAMES = frozenset({"name", "stem", "suffix", "suffixes"})
# The clock, on a date or time: a render must not depend on when it runs.
_CLOCK = frozenset({"today", "now", "utcnow", "fromtimestamp", "utcfromtimestamp"})
# String methods whose result grows with an argument (a width, a tab size, a count).
_GROWING = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "join", "replace"})


class RenderTimeout(TemplateRuntimeError):
    def __init__(self) -> None:
        super().__init__(
            f"rendering took longer than {MAX_RENDER_SECONDS:g} seconds; "
            "look for loops nested too deep"
        )


class ContainedLoader(FileSystemLoader):
    """A FileSystemLoader that refuses, before reading it, a template file that resolves
    outside `roots` (a symbolic link in a templates/ folder)."""

    def __init__(self, folder: Path, roots: Sequence[Path]) -> None:
        super().__init__(folder)
        self.roots = list(roots)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        from prwriter.paths import check_read

        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file():
                check_read(candidate, self.roots, "template")
                break
        return super().get_source(environment, template)


class StrictestUndefined(StrictUndefined):
    """StrictUndefined, and failing in repr() too: `{{ [missing] }}` is an error."""

    __slots__ = ()
    __repr__ = StrictUndefined._fail_with_undefined_error


def _too_big(what: str, limit: int = MAX_REPEAT) -> TemplateRuntimeError:
    return TemplateRuntimeError(f"{what} is too large for a template (the limit is {limit:,})")


def _check_repeat(left: Any, right: Any) -> None:
    for sized, count in ((left, right), (right, left)):
        sequence = isinstance(sized, str | list | tuple) and isinstance(count, int)
        if sequence and len(sized) * max(count, 0) > MAX_REPEAT:
            raise _too_big("a repeated string or list")


def _check_power(base: Any, exponent: Any) -> None:
    integers = isinstance(base, int) and isinstance(exponent, int) and exponent > 0
    if integers and max(abs(base), 2).bit_length() * exponent > MAX_REPEAT:
        raise _too_big("a power")


def _width_checked(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose numeric arguments (widths, lengths) may not exceed MAX_REPEAT."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        numbers = [a for a in (*args[1:], *kwargs.values()) if isinstance(a, int)]
        if any(abs(n) > MAX_REPEAT for n in numbers):
            raise _too_big(f"a width given to {name}")
        return function(*args, **kwargs)

    checked.__dict__.update(function.__dict__)  # keep pass_environment and the like
    return checked


def _joined_checked(function: Callable[..., Any]) -> Callable[..., Any]:
    """The `join` filter, refusing a result longer than a template may write."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        if len(args) > 1 and isinstance(args[1], Iterable) and not isinstance(args[1], str):
            items = list(args[1])
            separator = args[2] if len(args) > 2 else kwargs.get("d", "")
            _check_joined(items, separator)
            args = (args[0], items, *args[2:])
        return function(*args, **kwargs)

    checked.__dict__.update(function.__dict__)
    return checked


def _check_joined(items: list[Any], separator: Any) -> None:
    size = sum(len(i) if isinstance(i, str) else 16 for i in items)
    size += len(separator) * max(len(items) - 1, 0) if isinstance(separator, str) else 0
    if size > MAX_TEMPLATE_OUTPUT:
        raise _too_big("a joined string", MAX_TEMPLATE_OUTPUT)


def _growing_checked(method: Any) -> Callable[..., Any]:
    """A string's `center`, `ljust`, `join`, `replace`...: refused when the result would
    outgrow what a template may write (or a width pass MAX_REPEAT)."""
    text: str = method.__self__
    name: str = method.__name__

    def checked(*args: Any, **kwargs: Any) -> Any:
        if name == "join":
            items = list(args[0]) if args else []
            _check_joined(items, text)
            return method(items)
        if name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
            old, new = args[0], args[1]
            count = text.count(old) if old else len(text) + 1
            if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
                count = min(count, args[2])
            if len(text) + count * max(len(new) - len(old), 0) > MAX_TEMPLATE_OUTPUT:
                raise _too_big("a replaced string", MAX_TEMPLATE_OUTPUT)
        elif any(isinstance(a, int) and abs(a) > MAX_REPEAT for a in (*args, *kwargs.values())):
            raise _too_big(f"a width given to {name}")
        return method(*args, **kwargs)

    return update_wrapper(checked, method)


class _SpecChecked:
    """A format field's specification is checked once its nested fields are filled in:
    `'{:{}}'.format(x, '>999999999')` and `format_map` pass widths as text too."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if _DIGITS.search(format_spec):
            raise _too_big("a format width")
        return super().format_field(value, format_spec)  # type: ignore[misc]


class _Formatter(_SpecChecked, SandboxedFormatter):
    pass


class _EscapeFormatter(_SpecChecked, SandboxedEscapeFormatter):
    pass


def _format_checked(function: Callable[..., Any]) -> Callable[..., Any]:
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and _WIDE.search(value):
            raise _too_big("a format width")
        return function(value, *args, **kwargs)

    return checked


class _BudgetRange:
    """`range()` in a template: the sandbox's size limit, and a check of the time budget
    as a loop goes on (a loop that writes nothing is bounded too)."""

    def __init__(self, *args: int) -> None:
        self.range = safe_range(*args)

    def __iter__(self) -> Iterator[int]:
        for index, value in enumerate(self.range):
            if index % 1024 == 1023:
                _Watchdog.check()
            yield value

    def __len__(self) -> int:
        return len(self.range)

    def __getitem__(self, index: Any) -> Any:
        return self.range[index]

    def __contains__(self, value: object) -> bool:
        return value in self.range

    def __reversed__(self) -> Iterator[int]:
        return reversed(self.range)


class LimitedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "//", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _BudgetRange
        self.globals.pop("lipsum", None)  # lipsum(n=10**9) writes without bound
        for name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
            self.filters[name] = _width_checked(name, self.filters[name])
        self.filters["format"] = _format_checked(self.filters["format"])
        self.filters["join"] = _joined_checked(self.filters["join"])

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            _check_repeat(left, right)
        elif operator_name == "**":
            _check_power(left, right)
        elif operator_name == "%" and isinstance(left, str) and _WIDE.search(left):
            raise _too_big("a format width")
        return super().call_binop(context, operator_name, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, PurePath):
            return attr in _PATH_NAMES
        return not (isinstance(obj, dt.date | dt.time) and attr in _CLOCK)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # A field of the layout tree is plain data (no methods, nothing private reachable):
        # reading it needs none of the sandbox's checks, which cost more than everything
        # else in writing an HTML table. Any other object, and any name with an underscore
        # in front, goes through them; so does whatever a field holds, when it is read.
        if type(obj) in PLAIN_DATA and not attribute.startswith("_"):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        found = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in _GROWING:
            return _growing_checked(found)
        return found

    def getitem(self, obj: Any, argument: Any) -> Any:
        found = super().getitem(obj, argument)
        if isinstance(obj, str) and argument in _GROWING:
            return _growing_checked(found)
        return found

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format` and `format_map` through a formatter that checks every field's
        specification as it is used (the sandbox's own, with that check)."""
        is_method = isinstance(value, types.MethodType | types.BuiltinMethodType)
        if not is_method or value.__name__ not in ("format", "format_map"):
            return None
        text = value.__self__
        if not isinstance(text, str):
            return None
        formatter: SandboxedFormatter = (
            _EscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _Formatter(self)
        )
        by_name = value.__name__ == "format_map"

        def checked(*args: Any, **kwargs: Any) -> str:
            if by_name:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one mapping")
                return type(text)(formatter.vformat(text, (), args[0]))
            return type(text)(formatter.vformat(text, args, kwargs))

        return update_wrapper(checked, value)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # Fail closed: an Undefined here can still be printed inside a list or by map().
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} object is unsafe"
        )


class _Watchdog:
    """Stops a render that runs past its deadline by raising RenderTimeout in its thread.

    One watching thread per process serves every rendering thread."""

    active: dict[int, float] = {}  # rendering thread -> deadline
    lock = threading.Lock()
    watcher_pid: int | None = None

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.thread_id = threading.get_ident()

    def __enter__(self) -> _Watchdog:
        with self.lock:
            self.active[self.thread_id] = self.deadline
            if _Watchdog.watcher_pid != os.getpid():  # none yet, or forked without it
                _Watchdog.watcher_pid = os.getpid()
                threading.Thread(target=self._watch, name="prwriter-template-watchdog",
                                 daemon=True).start()  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.active.pop(self.thread_id, None)

    @classmethod
    def _watch(cls) -> None:
        while True:
            time.sleep(0.1)
            now = time.monotonic()
            with cls.lock:
                for thread_id, deadline in list(cls.active.items()):
                    if now > deadline:
                        # Interrupts pure-Python loops in the rendering thread (CPython).
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(thread_id), ctypes.py_object(RenderTimeout)
                        )
                        cls.active[thread_id] = now + 0.5  # again, should it be swallowed

    @classmethod
    def check(cls) -> None:
        deadline = cls.active.get(threading.get_ident())
        if deadline is not None and time.monotonic() > deadline:
            raise RenderTimeout()


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """Render `template` within the time and output budget."""
    parts: list[str] = []
    size = 0
    with _Watchdog(MAX_RENDER_SECONDS):
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_TEMPLATE_OUTPUT:
                raise TemplateRuntimeError(
                    f"the template wrote more than {MAX_TEMPLATE_OUTPUT:,} characters"
                )
            parts.append(chunk)
    return "".join(parts)
