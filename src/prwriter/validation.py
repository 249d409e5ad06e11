"""Validate YAML data against an input model and turn pydantic's errors into located,
plain-language problems that say what to write instead."""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from prwriter.errors import (
    InputError,
    Loc,
    Problem,
    closest,
    excerpt,
    format_field_path,
    likely,
)
from prwriter.yaml_source import YamlSource

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], source: YamlSource) -> M:
    """`model` built from the file's data; InputError with every problem otherwise."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        raise InputError(_problems(model, source, exc)) from None


def validate_fields(
    model: type[BaseModel], source: YamlSource
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate field by field: the values of the fields that are right, and the problems
    of the rest. Lets a caller go on checking what it can (ids, places) in a file whose
    other fields are wrong, so a writer sees every problem in one run."""
    try:
        return dict(model.model_validate(source.data)), []
    except ValidationError as exc:
        problems = _problems(model, source, exc)
        if not isinstance(source.data, dict) or any(not e["loc"] for e in exc.errors()):
            return {}, problems
        data = _without_misspelled_keys(model, source.data, exc)
    values: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if name not in data:
            if not field.is_required():
                values[name] = field.get_default(call_default_factory=True)
            continue
        try:
            values[name] = _adapter(model, name).validate_python(data[name])
        except ValidationError:
            continue
    return values, problems


def _without_misspelled_keys(model: type[BaseModel], data: dict[str, Any],
                             exc: ValidationError) -> dict[str, Any]:  # fmt: skip
    """A copy of `data` that reads each unknown key as the key it was meant to be (`cty:`
    as `city:`, when there is no `city:`) and drops the others, so that the rest of the
    mapping is still checked: a misspelled key must not hide a misspelled state beside it.
    The unknown keys are reported all the same."""
    import copy

    repaired = copy.deepcopy(data)
    for error in exc.errors():
        if error["type"] != "extra_forbidden":
            continue
        mapping = _container(repaired, tuple(error["loc"][:-1]))
        key = error["loc"][-1]
        if not isinstance(mapping, dict) or key not in mapping:
            continue
        value = mapping.pop(key)
        meant = _close(str(key), _allowed_keys(model, tuple(error["loc"][:-1])))
        if meant and meant[0] not in mapping:
            mapping[meant[0]] = value
    return repaired


def _container(data: Any, loc: Loc) -> Any:
    """The value at `loc` in `data`, stepping over what pydantic adds to a location that the
    data does not have (union tags, the index of a one-item shorthand)."""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            continue
        if isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
            continue
        if not (isinstance(part, int) or isinstance(data, dict)):
            return None
        # else `dateline: {...}` for `dateline: [{...}]`, or a union member's tag: step over
    return data


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    if not field.metadata:
        return TypeAdapter(cast(Any, field.annotation))
    return TypeAdapter(cast(Any, Annotated[field.annotation, *field.metadata]))


def _problems(model: type[BaseModel], source: YamlSource, exc: ValidationError) -> list[Problem]:
    problems = [_problem(model, source, error) for error in exc.errors(include_url=False)]
    # "headlin: unknown key; did you mean 'headline'?" already says what a "headline:
    # required field is missing" would; keep the more helpful one.
    suggested = {
        (p.file, p.field.rpartition(".")[0], p.message.split("'")[1])
        for p in problems
        if "did you mean '" in p.message
    }
    return [
        p
        for p in problems
        if not (
            p.message == "required field is missing"
            and (p.file, p.field.rpartition(".")[0], p.field.rpartition(".")[2]) in suggested
        )
    ]


def _problem(model: type[BaseModel], source: YamlSource, error: ErrorDetails) -> Problem:
    kind = error["type"]
    raw_loc: Loc = tuple(error["loc"])
    loc = source.known_prefix(raw_loc)
    if kind == "missing":
        name = raw_loc[-1]
        field = (*loc, name)
        if source.set_on_command_line(loc):
            return Problem("--set", 0, 0, format_field_path(field), "required field is missing")
        line, column = source.position(loc)
        return Problem(
            source.display, line, column, format_field_path(field), "required field is missing"
        )
    if kind == "extra_forbidden":
        key = str(raw_loc[-1])
        allowed = _allowed_keys(model, raw_loc[:-1])
        hint = ""
        if allowed:
            best = closest(key, allowed, limit=1)
            near = best and best[0] in _close(key, allowed)
            hint = (f"; did you mean '{best[0]}'?" if near else ";") + (
                f" allowed keys: {', '.join(allowed)}"
            )
        return source.problem(loc, f"unknown key{hint}", key=True)
    return source.problem(loc, _message(error))


def _close(word: str, choices: list[str]) -> list[str]:
    return likely(word, choices)[:1]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return f"'{excerpt(str(value))}'"


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    if kind == "string_type":
        hint = "; put it in quotes" if isinstance(value, int | float | bool) else ""
        return f"expected text, got {_describe(value)}{hint}"
    if kind == "string_unicode" and isinstance(value, str):
        # A lone surrogate ("\ud800" in a quoted YAML string): the same words as for other
        # characters a document cannot hold.
        from prwriter.schema import no_control_characters

        try:
            no_control_characters(value)
        except ValueError as exc:
            return str(exc)
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "needs at least one entry"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"expected true or false, got {_describe(value)}"
    if kind == "list_type":
        return f"expected a list, got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys and values, got {_describe(value)}"
    if isinstance(value, str) and kind in ("date_parsing", "date_from_datetime_parsing"):
        from prwriter.date_hints import date_hint

        return date_hint(value)
    if isinstance(value, str) and kind in ("datetime_parsing", "datetime_from_date_parsing"):
        from prwriter.date_hints import datetime_hint

        return datetime_hint(value)
    if (kind.startswith("date") and "datetime" not in kind) or kind == "date_from_datetime_parsing":
        reason = str(context.get("error", "")).replace("_", " ")
        why = f" ({reason})" if reason else ""
        return f"{_describe(value)} is not a valid date{why}; write it as YYYY-MM-DD"
    if kind.startswith("datetime") or kind == "timezone_aware":
        reason = str(context.get("error", "")).replace("_", " ")
        why = f" ({reason})" if reason else ""
        return f"{_describe(value)} is not a valid date and time{why}; write it as YYYY-MM-DDTHH:MM"
    if kind == "literal_error":
        return f"got {_describe(value)}; expected {context.get('expected', '')}"
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return f"expected text or a mapping, got {_describe(value)}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed by the model found at `loc` (union tags in `loc` pick the member)."""
    target: Any = model
    for part in loc:
        target = _step(target, part)
        if target is None:
            return []
    target = _unwrap(target)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return sorted(target.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _step(tp: Any, part: str | int) -> Any:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(str(part))
        return field.annotation if field else None
    if origin is list and isinstance(part, int):
        return typing.get_args(tp)[0]
    if origin in (typing.Union, types.UnionType):
        for member in typing.get_args(tp):
            for meta in getattr(member, "__metadata__", ()):
                if getattr(meta, "tag", None) == part:
                    return member
        # An optional field (`X | None`): step into the non-None member.
        members = [m for m in typing.get_args(tp) if m is not type(None)]
        if len(members) == 1:
            return _step(members[0], part)
    return None


def raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)
