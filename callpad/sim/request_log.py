"""The simulator's log of Call API requests (`GET /_sim/requests`), with secrets masked.

Every request to the API path is logged, including those the vendor's own report leaves out
(SPEC section 5), so tests can see exactly what reached the server. Values of secret-named
members (`password`, `access_token`, `login`, keys) are replaced by a mask at any depth; phone
numbers are kept, since they are test data, not secrets.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from callpad.redaction import MASK, SECRET_KEYS


def mask_secrets(value: Any) -> Any:
    """A copy of a JSON value with the values of secret-named members masked."""
    if isinstance(value, Mapping):
        return {
            k: MASK if k in SECRET_KEYS and v is not None else mask_secrets(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [mask_secrets(v) for v in value]
    return value


@dataclass(slots=True)
class LogEntry:
    """One request and what became of it.

    `outcome` is "ok" (a result), "error" (a JSON-RPC error; see `error`) or "fault" (an injected
    transport fault replaced the reply; see `fault`). `charged` is the points paid.
    """

    seq: int
    time: str
    method: str | None
    id: Any
    params: Any
    outcome: str = "ok"
    error: dict[str, Any] | None = None
    faults: list[str] = field(default_factory=list)
    charged: int = 0
    http_path: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class RequestLog:
    """The most recent requests, oldest first."""

    def __init__(self, maxlen: int = 10_000) -> None:
        self._entries: deque[LogEntry] = deque(maxlen=maxlen)
        self._seq = itertools.count(1)

    def start(self, *, time: str, http_path: str) -> LogEntry:
        entry = LogEntry(next(self._seq), time, None, None, None, http_path=http_path)
        self._entries.append(entry)
        return entry

    def entries(self) -> list[dict[str, Any]]:
        return [e.as_dict() for e in self._entries]

    def clear(self) -> None:
        self._entries.clear()
