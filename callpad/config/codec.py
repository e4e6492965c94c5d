"""Settings <-> JSON-ready dicts, checking every field; bad values are reported, not fatal.

`decode_settings` keeps every valid value and replaces each bad one with its default, returning a
`Problem` (callpad.config.problems) for it.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from callpad.config.problems import (
    D_BOOL,
    D_INT,
    D_LIST,
    D_NUMBER,
    D_OBJECT,
    D_REGION,
    D_TEXT,
    PATTERN_HINTS,
    Problem,
    ProblemKind,
)
from callpad.config.schema import Settings

T = TypeVar("T")


class _Bad(Exception):  # noqa: N818 - internal control flow, never escapes this module
    def __init__(self, kind: ProblemKind, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def encode(value: Any) -> Any:
    """A settings value as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    return value


def decode_settings(data: Mapping[str, Any]) -> tuple[Settings, list[Problem]]:
    """Build Settings from a (migrated) dict; bad values become defaults plus a Problem."""
    problems: list[Problem] = []
    settings = _decode_dataclass(Settings, data, "", problems)
    return settings, problems


def decode_field(cls: type, name: str, raw: Any) -> tuple[Any, Problem | None]:
    """Check one field of a settings section, e.g. (AgentSettings, "employee_id", 12)."""
    fld = next(f for f in dataclasses.fields(cls) if f.name == name)
    try:
        return _decode_value(_hints(cls)[name], raw, fld.metadata, name, []), None
    except _Bad as bad:
        return None, Problem(name, bad.kind, bad.detail, _show(raw))


def _decode_dataclass(cls: type[T], data: Any, prefix: str, problems: list[Problem]) -> T:
    if not isinstance(data, Mapping):
        problems.append(Problem(prefix.rstrip(".") or "settings", ProblemKind.WRONG_TYPE, D_OBJECT))
        return cls()
    values: dict[str, Any] = {}
    hints = _hints(cls)  # type: ignore[arg-type]  # a class is hashable
    for fld in dataclasses.fields(cls):  # type: ignore[arg-type]  # cls is a dataclass type
        if fld.name not in data:
            continue
        path = prefix + fld.name
        raw = data[fld.name]
        try:
            values[fld.name] = _decode_value(hints[fld.name], raw, fld.metadata, path, problems)
        except _Bad as bad:
            problems.append(Problem(path, bad.kind, bad.detail, _show(raw)))
    return cls(**values)


def _decode_value(
    hint: Any, raw: Any, meta: Mapping[str, Any], path: str, problems: list[Problem]
) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if raw is None:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode_value(inner, raw, meta, path, problems)
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, raw, path + ".", problems)  # type: ignore[arg-type]  # narrowed by is_dataclass
    if isinstance(hint, type) and issubclass(hint, Enum):
        allowed = [m.value for m in hint]
        if raw not in allowed:
            raise _Bad(ProblemKind.NOT_ALLOWED, ", ".join(map(str, allowed)))
        return hint(raw)
    if origin is tuple:
        return _decode_tuple(args[0], raw, meta, path, problems)
    if origin is Mapping:
        return _decode_mapping(args[1], raw, path, problems)
    return _decode_scalar(hint, raw, meta)


def _decode_mapping(
    value_hint: Any, raw: Any, path: str, problems: list[Problem]
) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _Bad(ProblemKind.WRONG_TYPE, D_OBJECT)
    out: dict[str, Any] = {}
    for key, entry in raw.items():
        try:
            out[str(key)] = _decode_value(value_hint, entry, {}, f"{path}.{key}", problems)
        except _Bad as bad:
            problems.append(Problem(f"{path}.{key}", bad.kind, bad.detail, _show(entry)))
    return types.MappingProxyType(out)


def _decode_tuple(
    item: Any, raw: Any, meta: Mapping[str, Any], path: str, problems: list[Problem]
) -> tuple[Any, ...]:
    if not isinstance(raw, list):
        raise _Bad(ProblemKind.WRONG_TYPE, D_LIST)
    items: list[Any] = []
    for index, entry in enumerate(raw):
        try:
            items.append(_decode_scalar(item, entry, meta))
        except _Bad as bad:
            problems.append(Problem(f"{path}[{index}]", bad.kind, bad.detail, _show(entry)))
    max_items = meta.get("max_items")
    if max_items is not None and len(items) > max_items:
        problems.append(Problem(path, ProblemKind.TOO_MANY, str(max_items), f"{len(items)}"))
        items = items[:max_items]
    return tuple(items)


def _decode_scalar(hint: Any, raw: Any, meta: Mapping[str, Any]) -> Any:
    if hint is bool:
        if not isinstance(raw, bool):
            raise _Bad(ProblemKind.WRONG_TYPE, D_BOOL)
        return raw
    if hint is int or hint is float:
        ok = isinstance(raw, int) if hint is int else isinstance(raw, int | float)
        if isinstance(raw, bool) or not ok:
            raise _Bad(ProblemKind.WRONG_TYPE, D_INT if hint is int else D_NUMBER)
        _check_range(raw, meta)
        return hint(raw)
    if hint is str:
        if not isinstance(raw, str):
            raise _Bad(ProblemKind.WRONG_TYPE, D_TEXT)
        _check_text(raw, meta)
        return raw
    raise TypeError(f"unsupported settings type {hint!r}")


def _check_range(value: float, meta: Mapping[str, Any]) -> None:
    if "min" in meta and value < meta["min"]:
        raise _Bad(ProblemKind.TOO_SMALL, str(meta["min"]))
    if "max" in meta and value > meta["max"]:
        raise _Bad(ProblemKind.TOO_LARGE, str(meta["max"]))


def _check_text(value: str, meta: Mapping[str, Any]) -> None:
    if "max_len" in meta and len(value) > meta["max_len"]:
        raise _Bad(ProblemKind.TOO_LONG, str(meta["max_len"]))
    pattern = meta.get("pattern")
    if value and pattern and not re.fullmatch(pattern, value):
        raise _Bad(ProblemKind.BAD_FORMAT, PATTERN_HINTS.get(pattern, pattern))
    if meta.get("phone_region") and value not in _phone_regions():
        raise _Bad(ProblemKind.BAD_FORMAT, D_REGION)


@cache
def _phone_regions() -> frozenset[str]:
    import phonenumbers  # imported when a region is checked: ~20 ms to load (start-up time)

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def _show(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 80 else text[:77] + "..."
