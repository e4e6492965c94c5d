"""Parsing list.calls: a fast path for well-formed replies, the strict reader for the rest.

`list.calls` is polled every few seconds, so a well-formed reply is checked with plain type tests
and built directly; anything the fast path does not accept goes through the strict `Reader`,
which either builds the same values or raises a `ProtocolError` naming the bad member. Start times
repeat from poll to poll, so their parse is cached.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from callpad.api.errors import ProtocolError
from callpad.api.models import (
    ActiveCall,
    CallSessionId,
    Direction,
    EmployeeId,
    Leg,
    LegId,
    LegState,
    Tag,
    TagId,
)
from callpad.api.replies import Reader, parse_start_time

_LEG_STATES = {state.value: state for state in LegState}
_DIRECTIONS = {direction.value: direction for direction in Direction}


@lru_cache(maxsize=4096)
def _start_time(text: str) -> datetime | None:
    try:
        return parse_start_time(text)
    except ProtocolError:
        return None


# The fast path reads each object into a tuple of its checked values (exact types: `type(x) is
# int` keeps `true` out of an integer and `1` out of a boolean), and builds the models from that
# tuple through a cache. Polls repeat mostly the same calls, so most calls are a dictionary hit
# instead of ~3 frozen dataclasses; equal keys hold equal values of the same exact types, so a hit
# gives exactly what a build would. The models are immutable, so sharing them is safe.
_LegKey = tuple[int, str, str, bool, int | None, str | None, bool, LegState]
_TagKey = tuple[int, str]
_CallKey = tuple[
    int, Direction, str, str, str, str | None, tuple[_TagKey, ...], tuple[_LegKey, ...]
]


def _leg_key(o: Any) -> _LegKey | None:
    try:
        leg_id = o["leg_id"]
        calling = o["calling_phone_number"]
        called = o["called_phone_number"]
        is_operator = o["is_operator"]
        employee_id = o["employee_id"]
        employee_name = o["employee_full_name"]
        recording = o["record_call_enabled"]
        state = _LEG_STATES[o["state"]]
    except (KeyError, TypeError, IndexError):
        return None
    if (
        type(leg_id) is int
        and type(calling) is str
        and type(called) is str
        and type(is_operator) is bool
        and type(recording) is bool
        and (employee_id is None or type(employee_id) is int)
        and (employee_name is None or type(employee_name) is str)
    ):
        return (leg_id, calling, called, is_operator, employee_id, employee_name, recording, state)
    return None


def _tag_key(o: Any) -> _TagKey | None:
    try:
        tag_id, tag_name = o["tag_id"], o["tag_name"]
    except (KeyError, TypeError, IndexError):
        return None
    if type(tag_id) is int and type(tag_name) is str:
        return (tag_id, tag_name)
    return None


def _call_key(o: Any) -> _CallKey | None:
    try:
        session_id = o["call_session_id"]
        direction = _DIRECTIONS[o["direction"]]
        start = o["start_time"]
        virtual = o["virtual_phone_number"]
        contact = o["contact_phone_number"]
        external_id = o["external_id"]
        raw_tags = o["tags"]
        raw_legs = o["legs"]
    except (KeyError, TypeError, IndexError):
        return None
    if not (
        type(session_id) is int
        and type(start) is str
        and type(virtual) is str
        and type(contact) is str
        and (external_id is None or type(external_id) is str)
        and type(raw_tags) is list
        and type(raw_legs) is list
    ):
        return None
    legs = tuple(map(_leg_key, raw_legs))
    tags = tuple(map(_tag_key, raw_tags))
    if None in legs or None in tags:  # tuples against None: no dataclass __eq__ runs here
        return None
    key = (session_id, direction, start, virtual, contact, external_id, tags, legs)
    return cast(_CallKey, key)


@lru_cache(maxsize=1024)
def _call_from_key(key: _CallKey) -> ActiveCall | None:
    session_id, direction, start, virtual, contact, external_id, tags, legs = key
    when = _start_time(start)
    if when is None:
        return None
    return ActiveCall(
        CallSessionId(session_id),
        direction,
        when,
        virtual,
        contact,
        external_id,
        tuple(Tag(TagId(i), name) for i, name in tags),
        tuple(
            Leg(LegId(g[0]), g[1], g[2], g[3], None if g[4] is None else EmployeeId(g[4]), *g[5:])
            for g in legs
        ),
    )


def _fast_call(o: Any) -> ActiveCall | None:
    """The call read by the fast path, or None: the strict reader must decide."""
    key = _call_key(o)
    return None if key is None else _call_from_key(key)


def _parse_leg(obj: Any, method: str, path: str) -> Leg:
    r = Reader(obj, method, path)
    employee_id = r.opt_int("employee_id")
    return Leg(
        leg_id=LegId(r.req_int("leg_id")),
        calling_phone_number=r.req_str("calling_phone_number"),
        called_phone_number=r.req_str("called_phone_number"),
        is_operator=r.req_bool("is_operator"),
        employee_id=EmployeeId(employee_id) if employee_id is not None else None,
        employee_full_name=r.opt_str("employee_full_name"),
        record_call_enabled=r.req_bool("record_call_enabled"),
        state=r.enum("state", LegState),
    )


def _parse_tag(obj: Any, method: str, path: str) -> Tag:
    r = Reader(obj, method, path)
    return Tag(tag_id=TagId(r.req_int("tag_id")), tag_name=r.req_str("tag_name"))


def _parse_call(obj: Any, method: str, path: str) -> ActiveCall:
    r = Reader(obj, method, path)
    tags = r.array("tags")
    legs = r.array("legs")
    return ActiveCall(
        call_session_id=CallSessionId(r.req_int("call_session_id")),
        direction=r.enum("direction", Direction),
        start_time=parse_start_time(r.req_str("start_time"), method),
        virtual_phone_number=r.req_str("virtual_phone_number"),
        contact_phone_number=r.req_str("contact_phone_number"),
        external_id=r.opt_str("external_id"),
        tags=tuple(_parse_tag(t, method, f"{path}.tags[{i}]") for i, t in enumerate(tags)),
        legs=tuple(_parse_leg(g, method, f"{path}.legs[{i}]") for i, g in enumerate(legs)),
    )


def parse_calls(data: Any, method: str = "list.calls") -> tuple[ActiveCall, ...]:
    """The active calls of a list.calls reply (SPEC 11.21); ProtocolError if malformed."""
    if not isinstance(data, list):
        raise ProtocolError(f"{method}: data is not an array", method=method)
    calls = []
    for i, item in enumerate(data):
        call = _fast_call(item)
        calls.append(call if call is not None else _parse_call(item, method, f"data[{i}]"))
    return tuple(calls)
