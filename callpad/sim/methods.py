"""Handlers of the call-control and list methods: look-ups (step 12), state (13), execution (14).

SPEC section 10.1 orders the checks; section 12 lists each method's errors. `InvalidTransition`
from the state machine is left to the engine, which answers `invalid_state`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from callpad.sim import call_control as cc
from callpad.sim import checks
from callpad.sim.calls import Session
from callpad.sim.listing import list_calls, list_talk_options
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Scenario
from callpad.sim.state import InvalidTransition, SessionState, option_event
from callpad.sim.switchboard import Switchboard

_OK_STRING: Final = {"success": "true"}  # the vendor examples' string (SPEC section 14 #1)
_OK_BOOLEAN: Final = {"success": True}


def ok(sc: Scenario) -> dict[str, Any]:
    """The success reply of a call-control method in the scenario's success_style."""
    return dict(_OK_BOOLEAN if sc.success_style == "boolean" else _OK_STRING)


Handler = Callable[[str, Mapping[str, Any], Scenario, Switchboard, float], Any]


def _session(method: str, params: Mapping[str, Any], sb: Switchboard) -> Session:
    sid = params["call_session_id"]
    s = sb.sessions.get(int(sid))
    if s is None:
        raise RpcFault("call_session_not_found", method=method, field="call_session_id", value=sid)
    return s


def make_call(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    checks.check_tts(m, p, sc)
    s = _session(m, p, sb)
    to = str(p["to"])
    checks.check_direction(m, "to", to, sc)
    employee = checks.active_employee_number(m, "to", to, sc)
    checks.check_media(m, p, sc)
    cc.make_call(sb, s, to, checks.message(p, "to_message", sc), employee, t)
    return ok(sc)


def hold_call(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    checks.check_tts(m, p, sc)
    s = _session(m, p, sb)
    checks.check_media(m, p, sc)
    msg = checks.message(p, "contact_message", sc)
    assert msg is not None  # noqa: S101 -- contact_message is required by the schema
    cc.hold(sb, s, msg, t)
    return ok(sc)


def _simple(op: Callable[[Switchboard, Session, float], None]) -> Handler:
    def handler(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
        op(sb, _session(m, p, sb), t)
        return ok(sc)

    return handler


def tag_call(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    tag = sc.tag(int(p["tag_id"]))
    if tag is None:
        raise RpcFault(
            "tag_not_found",
            method=m,
            field="tag_id",
            value=p["tag_id"],
            params={"tag_id": p["tag_id"]},
        )
    if any(tid == tag.id for tid, _ in s.tags):
        raise RpcFault("duplicate_tag", method=m, field="tag_id", value=p["tag_id"])
    cc.tag(sb, s, tag.id, tag.name, t)
    return ok(sc)


def disconnect_leg(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    leg = s.leg(int(p["leg_id"]))
    if leg is None:
        raise RpcFault("leg_not_found", method=m, field="leg_id", value=p["leg_id"])
    cc.disconnect(sb, s, leg, t)
    return ok(sc)


def add_coach(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    number = p.get("phone_number")
    if number is not None:
        checks.check_direction(m, "phone_number", str(number), sc)
        employee = checks.active_employee_number(m, "phone_number", str(number), sc)
    else:
        employee = cc.coach_for(sb, s)
        if employee is None:
            raise RpcFault("coach_not_found", method=m)
        numbers = employee.active_numbers()
        if not numbers:
            raise RpcFault("no_active_phone_number", method=m)
        number = numbers[0]
    cc.add_coach(sb, s, str(number), employee, t)
    return ok(sc)


def record_call(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    on = p["action"] == "on"
    if on and s.record_enabled:
        raise RpcFault("record_already_started", method=m, field="action", value="on")
    if not on and s.record_global:
        raise RpcFault("forbidden", method=m, field="action", value="off")
    if not on and not s.recording:
        raise RpcFault("record_already_stopped", method=m, field="action", value="off")
    cc.record(sb, s, on, t)
    return ok(sc)


def block_contact(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    if s.contact in sc.blacklist:
        raise RpcFault("duplicate_contact", method=m, params={"contact_phone_number": s.contact})
    cc.block(sb, s, t)
    sc.blacklist.append(s.contact)
    return ok(sc)


def call_talk_option(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    option = sc.talk_option(str(p["button"]))
    if option is None:
        raise RpcFault("talk_option_not_found", method=m, field="button", value=p["button"])
    if s.state is not SessionState.TALK:
        raise InvalidTransition(s.state, option_event(option.mnemonic))
    if option.mnemonic == "record_talk" and s.record_global:
        raise RpcFault("forbidden", method=m, field="button", value=p["button"])
    cc.talk_option(sb, s, option, t)
    return ok(sc)


def send_dtmf(m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float) -> Any:
    s = _session(m, p, sb)
    symbol = str(p["dtmf_string"])
    if len(symbol) != 1 or symbol not in "0123456789*#":
        raise RpcFault("invalid_parameter_value", method=m, field="dtmf_string", value=symbol)
    option = cc.send_dtmf(sb, s, symbol, t)
    if option is not None and not (option.mnemonic == "record_talk" and s.record_global):
        cc.talk_option(sb, s, option, t)  # an option that cannot run silently does nothing
    return ok(sc)


def list_calls_handler(
    m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float
) -> Any:
    return list_calls(sb, t, p.get("direction"), p.get("virtual_phone_number"))


def list_talk_options_handler(
    m: str, p: Mapping[str, Any], sc: Scenario, sb: Switchboard, t: float
) -> Any:
    return list_talk_options(sc)


HANDLERS: Final[dict[str, Handler]] = {
    "make.call": make_call,
    "transfer.talk": _simple(cc.transfer),
    "restore.talk": _simple(cc.restore),
    "hold.call": hold_call,
    "unhold.call": _simple(cc.unhold),
    "tag.call": tag_call,
    "disconnect.leg": disconnect_leg,
    "add.coach": add_coach,
    "record.call": record_call,
    "block.contact": block_contact,
    "call.talk_option": call_talk_option,
    "send.dtmf": send_dtmf,
    "list.talk_options": list_talk_options_handler,
    "list.calls": list_calls_handler,
    "release.call": _simple(cc.release),
}
