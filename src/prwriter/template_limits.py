"""Limits on project templates, which come from many hands: where their files may be, how
long they may render, how much they may write, and what they may build.

- Every template file (an `{% include %}`d one too) must resolve inside the project or
  prwriter's own templates, after symbolic links.
- Rendering a template may take at most MAX_RENDER_SECONDS and write at most
  MAX_TEMPLATE_OUTPUT characters; string and list repetition (`'a' * n`), powers, padding
  filters and format widths are capped at MAX_REPEAT.
- Reaching an unsafe attribute (`__class__`) fails at once, and an undefined value fails
  whenever it is used, even printed inside a list (StrictUndefined leaves `[Undefined]`).

Each breach is a `TemplateRuntimeError`, which `templating.render_template` reports as a
located template error.
"""

from __future__ import annotations

import ctypes
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateRuntimeError
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, safe_range

from prwriter.document import PLAIN_DATA

MAX_RENDER_SECONDS = 20.0
# The HTML layout embeds images as data: URIs, so its output can be large.
MAX_TEMPLATE_OUTPUT = 256 * 1024 * 1024
MAX_REPEAT = 1_000_000
_WIDE = re.compile(r"\d{7,}|\*")  # a %-format width of a million or more, or one given as *
_DIGITS = re.compile(r"\d{7,}")
_NESTED = re.compile(r"\{[^{}]*\{")


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


def _too_big(what: str) -> TemplateRuntimeError:
    return TemplateRuntimeError(f"{what} is too large for a template (the limit is {MAX_REPEAT:,})")


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

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            _check_repeat(left, right)
        elif operator_name == "**":
            _check_power(left, right)
        elif operator_name == "%" and isinstance(left, str) and _WIDE.search(left):
            raise _too_big("a format width")
        return super().call_binop(context, operator_name, left, right)

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
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        nested = _NESTED.search(text) is not None  # '{:>{}}': the width is an argument

        def checked(*args: Any, **kwargs: Any) -> str:
            numbers = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
            if _DIGITS.search(text) or (nested and any(abs(n) > MAX_REPEAT for n in numbers)):
                raise _too_big("a format width")
            return wrapped(*args, **kwargs)

        return checked

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
