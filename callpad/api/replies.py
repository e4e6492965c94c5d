"""Turning `result.data` into frozen models: tolerant where SPEC §14 says, strict elsewhere.

Tolerated: `success` as `true` or `"true"` (§14 #1); three `start_time` forms (§14 #2); `null` for
the nullable fields and an absent/`null`/`{}` `button_value` (§14 #3, §15 #51). Anything else that
does not match the spec raises `ProtocolError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, TypeVar

from callpad.api.errors import ProtocolError
from callpad.api.models import (
    ButtonValue,
    CallSessionId,
    LoginResult,
    StartedCall,
    TalkOption,
    TalkOptionMnemonic,
)

# Account local time when a reply carries no zone (§14 #2, §15 #24). Moscow has kept UTC+3 since
# 2014; a fixed offset avoids needing the tz database (absent on Windows without tzdata).
ACCOUNT_TZ = timezone(timedelta(hours=3), "MSK")

_E = TypeVar("_E")
_START_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ] ?\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?"
)


class Reader:
    """Typed access to one JSON object; every failure names the method and the path."""

    __slots__ = ("_method", "_obj", "_path")

    def __init__(self, obj: Any, method: str, path: str) -> None:
        if not isinstance(obj, Mapping):
            raise ProtocolError(f"{method}: {path} is not an object", method=method)
        self._obj = obj
        self._method = method
        self._path = path

    def fail(self, name: str, expected: str) -> ProtocolError:
        got = type(self._obj.get(name)).__name__ if name in self._obj else "nothing"
        return ProtocolError(
            f"{self._method}: {self._path}.{name}: expected {expected}, got {got}",
            method=self._method,
        )

    def opt_int(self, name: str) -> int | None:
        """An integer that may be JSON null (the member itself must be present)."""
        if name in self._obj and self._obj[name] is None:
            return None
        return self.req_int(name)

    def req_int(self, name: str) -> int:
        value = self._obj.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise self.fail(name, "integer")

    def opt_str(self, name: str) -> str | None:
        """A string that may be JSON null (the member itself must be present)."""
        if name in self._obj and self._obj[name] is None:
            return None
        return self.req_str(name)

    def req_str(self, name: str) -> str:
        value = self._obj.get(name)
        if isinstance(value, str):
            return value
        raise self.fail(name, "string")

    def req_bool(self, name: str) -> bool:
        value = self._obj.get(name)
        if isinstance(value, bool):
            return value
        raise self.fail(name, "boolean")

    def enum(self, name: str, enum: type[_E]) -> _E:
        value = self._obj.get(name)
        try:
            return enum(value)  # type: ignore[call-arg] # StrEnum call by value
        except ValueError:
            raise self.fail(name, f"one of {enum.__name__}") from None

    def array(self, name: str) -> list[Any]:
        value = self._obj.get(name)
        if isinstance(value, list):
            return value
        raise self.fail(name, "array")

    def raw(self, name: str) -> Any:
        return self._obj.get(name)


def parse_login(data: Any, method: str = "login.user") -> LoginResult:
    r = Reader(data, method, "data")
    token = r.req_str("access_token")
    expire_at = r.raw("expire_at")
    if not isinstance(expire_at, int | float) or isinstance(expire_at, bool):
        raise r.fail("expire_at", "a Unix timestamp")
    try:
        when = datetime.fromtimestamp(expire_at, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise r.fail("expire_at", "a Unix timestamp") from None
    if not token:
        raise r.fail("access_token", "a non-empty string")
    return LoginResult(access_token=token, expire_at=when)


def parse_started(data: Any, method: str) -> StartedCall:
    r = Reader(data, method, "data")
    return StartedCall(call_session_id=CallSessionId(r.req_int("call_session_id")))


def check_success(data: Any, method: str) -> None:
    """Accept `success` as boolean `true` or the string `"true"` (§14 #1); anything else fails."""
    r = Reader(data, method, "data")
    value = r.raw("success")
    if value is True or value == "true":
        return
    raise r.fail("success", 'true or "true"')


def parse_start_time(text: str, method: str = "list.calls") -> datetime:
    """Read `YYYY-MM-DD hh:mm:ss`, `YYYY-MM-DDThh:mm:ss.fff` or `YYYY-MM-DDThh:mm:ssZ`."""
    if not _START_TIME.fullmatch(text):
        raise ProtocolError(f"{method}: start_time {text!r} is not a known form", method=method)
    normalised = text.replace("T ", "T").replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(normalised)
    except ValueError:
        raise ProtocolError(f"{method}: start_time {text!r} is not a date", method=method) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ACCOUNT_TZ)


def _parse_button_value(raw: Any, method: str, path: str) -> ButtonValue | None:
    if raw is None or (isinstance(raw, Mapping) and not raw):
        return None
    r = Reader(raw, method, path)
    return ButtonValue(id=r.req_int("id"), value=r.req_str("value"))


def _parse_talk_option(obj: Any, method: str, path: str) -> TalkOption:
    r = Reader(obj, method, path)
    return TalkOption(
        button=r.req_str("button"),
        mnemonic=r.enum("mnemonic", TalkOptionMnemonic),
        name=r.req_str("name"),
        button_value=_parse_button_value(r.raw("button_value"), method, f"{path}.button_value"),
    )


def parse_talk_options(data: Any, method: str = "list.talk_options") -> tuple[TalkOption, ...]:
    if not isinstance(data, list):
        raise ProtocolError(f"{method}: data is not an array", method=method)
    return tuple(_parse_talk_option(item, method, f"data[{i}]") for i, item in enumerate(data))
