"""Settings <-> JSON-ready dicts, checking every field; bad values are reported, not fatal.

`decode_settings` keeps every valid value and replaces each bad one with its default, returning a
`Problem` for it. Problem texts are English templates marked for Qt's translation (context
"SettingsProblem"); the UI translates them (this layer has no Qt).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache
from typing import Any, TypeVar

from callpad.config.schema import (
    API_VERSION,
    DIGITS,
    DTMF,
    REGION,
    FirstCall,
    Message,
    MessageType,
    Provider,
    Settings,
    StartMethod,
)

T = TypeVar("T")
PROBLEM_CONTEXT = "SettingsProblem"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for translation in `context` without importing Qt."""
    del context
    return text


# Details: marked phrases (translated by the UI in the same context) or literal values.
D_OBJECT = QT_TRANSLATE_NOOP("SettingsProblem", "a group of settings")
D_LIST = QT_TRANSLATE_NOOP("SettingsProblem", "a list")
D_BOOL = QT_TRANSLATE_NOOP("SettingsProblem", "yes or no")
D_INT = QT_TRANSLATE_NOOP("SettingsProblem", "a whole number")
D_NUMBER = QT_TRANSLATE_NOOP("SettingsProblem", "a number")
D_TEXT = QT_TRANSLATE_NOOP("SettingsProblem", "text")
D_URL = QT_TRANSLATE_NOOP("SettingsProblem", "an address starting with https://")
D_EARLY = QT_TRANSLATE_NOOP(
    "SettingsProblem", "it needs the employee dialled first and switching at once"
)
D_SCENARIO = QT_TRANSLATE_NOOP("SettingsProblem", "a scenario id for scenario calls")
D_POP_URL = QT_TRANSLATE_NOOP(
    "SettingsProblem", "an https:// address such as https://crm.example/search?q={contact}"
)
D_MEDIA = QT_TRANSLATE_NOOP("SettingsProblem", "a media file id (digits)")
D_TTS = QT_TRANSLATE_NOOP("SettingsProblem", "the text to play")
PATTERN_HINTS: Mapping[str, str] = types.MappingProxyType(
    {
        DIGITS: QT_TRANSLATE_NOOP("SettingsProblem", "digits only, up to 15, without +"),
        DTMF: QT_TRANSLATE_NOOP("SettingsProblem", "digits, * and #, and . for a 1 s pause"),
        REGION: QT_TRANSLATE_NOOP("SettingsProblem", "two capital letters, e.g. RU"),
        API_VERSION: QT_TRANSLATE_NOOP("SettingsProblem", "like v4.0"),
    }
)


class ProblemKind(StrEnum):
    """What is wrong with a value; each has a translatable English template."""

    WRONG_TYPE = "wrong_type"
    NOT_ALLOWED = "not_allowed"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    BAD_FORMAT = "bad_format"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    REQUIRED = "required"
    CONFLICT = "conflict"


TEMPLATES: Mapping[ProblemKind, str] = types.MappingProxyType(
    {
        ProblemKind.WRONG_TYPE: QT_TRANSLATE_NOOP(PROBLEM_CONTEXT, "{field}: expected {detail}."),
        ProblemKind.NOT_ALLOWED: QT_TRANSLATE_NOOP(
            PROBLEM_CONTEXT, "{field}: must be one of {detail}."
        ),
        ProblemKind.TOO_SMALL: QT_TRANSLATE_NOOP(PROBLEM_CONTEXT, "{field}: at least {detail}."),
        ProblemKind.TOO_LARGE: QT_TRANSLATE_NOOP(PROBLEM_CONTEXT, "{field}: at most {detail}."),
        ProblemKind.BAD_FORMAT: QT_TRANSLATE_NOOP(
            PROBLEM_CONTEXT, "{field}: wrong format ({detail})."
        ),
        ProblemKind.TOO_LONG: QT_TRANSLATE_NOOP(
            PROBLEM_CONTEXT, "{field}: at most {detail} characters."
        ),
        ProblemKind.TOO_MANY: QT_TRANSLATE_NOOP(
            PROBLEM_CONTEXT, "{field}: at most {detail} entries; the rest were dropped."
        ),
        ProblemKind.REQUIRED: QT_TRANSLATE_NOOP(PROBLEM_CONTEXT, "{field}: enter {detail}."),
        ProblemKind.CONFLICT: QT_TRANSLATE_NOOP(PROBLEM_CONTEXT, "{field}: {detail}."),
    }
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad value: dotted field path, what is wrong, and the value as found."""

    path: str
    kind: ProblemKind
    detail: str = ""
    value: str = ""

    def english(self) -> str:
        """The untranslated message (logs, tests); the UI translates TEMPLATES[kind]."""
        return TEMPLATES[self.kind].format(field=self.path, detail=self.detail)


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


def _show(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 80 else text[:77] + "..."


def cross_field_problems(settings: Settings) -> list[Problem]:
    """Rules that involve several fields (the dialog shows them; loading keeps the values)."""
    out: list[Problem] = []
    account, dial = settings.account, settings.dial
    if account.provider is Provider.CUSTOM and not re.match(r"https?://\S+$", account.custom_url):
        out.append(Problem("account.custom_url", ProblemKind.REQUIRED, D_URL))
    if dial.early_switching and not (dial.first_call is FirstCall.EMPLOYEE and dial.switch_at_once):
        out.append(
            Problem(
                "dial.early_switching",
                ProblemKind.CONFLICT,
                D_EARLY,
            )
        )
    if dial.start_method is StartMethod.SCENARIO and dial.scenario_id is None:
        out.append(Problem("dial.scenario_id", ProblemKind.REQUIRED, D_SCENARIO))
    out.extend(_message_problems("calls.hold_message", settings.calls.hold_message, True))
    out.extend(_message_problems("dial.contact_message", dial.contact_message, False))
    out.extend(_message_problems("dial.employee_message", dial.employee_message, False))
    pop = settings.screen_pop
    if pop.enabled and not re.match(r"https?://\S+$", pop.url_template):
        out.append(Problem("screen_pop.url_template", ProblemKind.REQUIRED, D_POP_URL))
    return out


def _message_problems(path: str, message: Message | None, required: bool) -> list[Problem]:
    if message is None:
        return []
    if message.type is MessageType.MEDIA and not message.value.isdigit():
        return [Problem(f"{path}.value", ProblemKind.BAD_FORMAT, D_MEDIA)]
    if message.type is MessageType.TTS and required and not message.value.strip():
        return [Problem(f"{path}.value", ProblemKind.REQUIRED, D_TTS)]
    return []
