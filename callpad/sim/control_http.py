"""HTTP routing of the `/_sim/` control API onto SimController (the table is in control.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from callpad.sim.control import ControlError, SimController

PREFIX = "/_sim/"
Handler = Callable[[SimController, dict[str, Any]], Any]


def _body(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        raise ControlError(400, "the body is not JSON") from None
    if not isinstance(value, dict):
        raise ControlError(400, "the body must be a JSON object")
    return value


def _field(
    body: dict[str, Any], name: str, kind: type | tuple[type, ...], *, required: bool
) -> Any:
    if name not in body or body[name] is None:
        if required:
            raise ControlError(400, f"{name} is required")
        return None
    value = body[name]
    if isinstance(value, bool) and kind is not bool:
        raise ControlError(400, f"{name} has the wrong type")
    if not isinstance(value, kind):
        raise ControlError(400, f"{name} has the wrong type")
    return value


def _only(body: dict[str, Any], *names: str) -> None:
    if extra := sorted(set(body) - set(names)):
        raise ControlError(400, f"unknown field(s): {', '.join(extra)}")


def _reset(c: SimController, body: dict[str, Any]) -> Any:
    _only(body, "scenario")
    return c.reset(_field(body, "scenario", str, required=False))


def _clock(c: SimController, body: dict[str, Any]) -> Any:
    _only(body, "advance_s", "frozen")
    if not body:
        raise ControlError(400, "give advance_s and/or frozen")
    frozen = _field(body, "frozen", bool, required=False)
    if frozen is not None:
        c.freeze_clock(frozen)
    advance = _field(body, "advance_s", (int, float), required=False)
    if advance is not None:
        c.advance_clock(float(advance))
    return c.clock_state()


def _calls(c: SimController, body: dict[str, Any]) -> Any:
    _only(body, "contact", "virtual_phone_number", "employee_id")
    session = c.create_incoming_call(
        _field(body, "contact", str, required=True),
        _field(body, "virtual_phone_number", str, required=False),
        _field(body, "employee_id", int, required=False),
    )
    return {"call_session_id": session}


def _add_fault(c: SimController, body: dict[str, Any]) -> Any:
    return {"fault": c.add_fault(body)}


def _clear_faults(c: SimController, body: dict[str, Any]) -> Any:
    c.clear_faults()
    return {}


def _clear_requests(c: SimController, body: dict[str, Any]) -> Any:
    c.clear_requests()
    return {}


_ROUTES: dict[str, dict[str, Handler]] = {
    "state": {"GET": lambda c, b: c.state()},
    "scenario": {"GET": lambda c, b: c.scenario()},
    "reset": {"POST": _reset},
    "clock": {"GET": lambda c, b: c.clock_state(), "POST": _clock},
    "calls": {"POST": _calls},
    "faults": {
        "GET": lambda c, b: {"faults": c.faults()},
        "POST": _add_fault,
        "DELETE": _clear_faults,
    },
    "requests": {
        "GET": lambda c, b: {"requests": c.requests()},
        "DELETE": _clear_requests,
    },
}


def _leg(c: SimController, verb: str, parts: list[str]) -> Any:
    if len(parts) != 3:
        raise ControlError(404, "use /_sim/legs/{leg_id}/{action}")
    if verb != "POST":
        raise ControlError(405, "use POST")
    try:
        leg_id = int(parts[1])
    except ValueError:
        raise ControlError(404, f"no leg {parts[1]!r}") from None
    c.leg_action(leg_id, parts[2])
    return {}


def handle_control(c: SimController, verb: str, path: str, raw: bytes) -> tuple[int, Any]:
    """Answer one control request: (HTTP status, JSON body)."""
    parts = path[len(PREFIX) :].strip("/").split("/")
    try:
        if parts[0] == "legs":
            return 200, _leg(c, verb, parts)
        routes = _ROUTES.get(parts[0]) if len(parts) == 1 else None
        if routes is None:
            raise ControlError(404, f"no control endpoint {path}")
        handler = routes.get(verb)
        if handler is None:
            raise ControlError(405, f"use {' or '.join(routes)}")
        return 200, handler(c, _body(raw))
    except ControlError as exc:
        return exc.status, {"error": exc.reason}
