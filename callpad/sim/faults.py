"""Injected faults (control API `/_sim/faults`): what the next matching Call API requests suffer.

Modes, each for the next `count` requests (`count: null` = until cleared), optionally only those
for one `method`:

- `delay`: wait `delay_ms` (real milliseconds) before handling the request;
- `http_500`: answer HTTP 500 with an HTML body; the request is NOT processed;
- `not_json`: process the request, then answer HTTP 200 with a body that is not JSON;
- `reset_before_reply`: close the connection (TCP reset) without processing or replying;
- `drop_reply`: process the request, then close the connection without replying;
- `wrong_id`: process the request, then reply with another `id`;
- `rpc_error`: a request that passes steps 1-10 of SPEC section 10.1 answers the error `mnemonic`
  (code and message from the method's table, else the common errors; optional `params` fill the
  message template) instead of running (SPEC section 15 #50); the only source of
  `internal_error`.

One request takes at most one fault of each mode (the oldest matching one), so a `delay` can be
combined with, e.g., a `drop_reply`.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass
from typing import Any, Final

from callpad.sim.rpc_error import UnknownMnemonicError, lookup
from callpad.sim.spec import method_names

MODES: Final = (
    "delay",
    "http_500",
    "not_json",
    "reset_before_reply",
    "drop_reply",
    "wrong_id",
    "rpc_error",
)
TRANSPORT_MODES: Final = frozenset(MODES) - {"rpc_error"}


class FaultSpecError(ValueError):
    """A control-API fault request is invalid; the message says why."""


@dataclass(slots=True)
class Fault:
    """One injected fault and how many more requests it hits."""

    id: int
    mode: str
    count: int | None = 1
    method: str | None = None
    delay_ms: int = 0
    mnemonic: str | None = None
    params: dict[str, Any] | None = None

    def matches(self, method: str | None) -> bool:
        return self.method is None or self.method == method

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _int_field(body: dict[str, Any], name: str, *, default: int | None, minimum: int) -> int | None:
    value = body.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise FaultSpecError(f"{name} must be an integer >= {minimum}")
    return value


class FaultQueue:
    """Pending faults in the order they were added."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(self, body: dict[str, Any]) -> Fault:
        """Add a fault from a control-API body; raise FaultSpecError on a bad one."""
        known = {"mode", "count", "method", "delay_ms", "mnemonic", "params"}
        if extra := sorted(set(body) - known):
            raise FaultSpecError(f"unknown fault field(s): {', '.join(extra)}")
        mode = body.get("mode")
        if mode not in MODES:
            raise FaultSpecError(f"mode must be one of: {', '.join(MODES)}")
        count = _int_field(body, "count", default=1, minimum=1)
        method = body.get("method")
        if method is not None and method not in method_names():
            raise FaultSpecError(f"unknown method {method!r}")
        delay_ms = _int_field(body, "delay_ms", default=None, minimum=0)
        if (mode == "delay") != (delay_ms is not None):
            raise FaultSpecError("delay_ms is required for mode delay, and only for it")
        mnemonic = body.get("mnemonic")
        if (mode == "rpc_error") != (mnemonic is not None):
            raise FaultSpecError("mnemonic is required for mode rpc_error, and only for it")
        if mnemonic is not None:
            if not isinstance(mnemonic, str):
                raise FaultSpecError("mnemonic must be a string")
            try:
                lookup(mnemonic, method)
            except UnknownMnemonicError:
                raise FaultSpecError(f"unknown error mnemonic {mnemonic!r}") from None
        params = body.get("params")
        if params is not None and (mode != "rpc_error" or not isinstance(params, dict)):
            raise FaultSpecError("params must be an object, and only for mode rpc_error")
        fault = Fault(next(self._ids), mode, count, method, delay_ms or 0, mnemonic, params)
        self._faults.append(fault)
        return fault

    def take(self, method: str | None, modes: frozenset[str]) -> dict[str, Fault]:
        """Consume, for one request, the oldest matching fault of each of `modes`."""
        taken: dict[str, Fault] = {}
        for fault in list(self._faults):
            if fault.mode in modes and fault.mode not in taken and fault.matches(method):
                taken[fault.mode] = fault
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
        return taken

    def clear(self) -> None:
        self._faults.clear()

    def pending(self) -> list[dict[str, Any]]:
        return [f.as_dict() for f in self._faults]
