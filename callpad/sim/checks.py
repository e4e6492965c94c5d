"""Method checks shared by the handlers: messages, TTS length, media files, numbers, directions.

They run after the generic schema checks (SIM-SERVER's rpc.py) and raise `RpcFault` with the
method's own code and message (SPEC section 10.1 steps 11-12, section 12).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from callpad.sim.calls import Message
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Employee, Scenario

MESSAGE_FIELDS = ("contact_message", "employee_message", "operator_message", "to_message")


def check_tts(method: str, params: Mapping[str, Any], sc: Scenario) -> None:
    """tts_text_exceeded for every tts message longer than the tariff allows (step 11)."""
    for name in MESSAGE_FIELDS:
        msg = params.get(name)
        if not isinstance(msg, Mapping) or msg.get("type") != "tts":
            continue
        text = str(msg.get("value", ""))
        if text == "":
            raise RpcFault(
                "invalid_parameter_value", method=method, field=f"{name}.value", value=text
            )
        if len(text) > sc.tts_max_length:
            raise RpcFault(
                "tts_text_exceeded",
                method=method,
                field=f"{name}.value",
                value=text,
                params={
                    "tts_message_max_length": sc.tts_max_length,
                    "sent_tts_message_length": len(text),
                },
            )


def check_media(method: str, params: Mapping[str, Any], sc: Scenario) -> None:
    """media_file_not_found for media_file_id or a media message naming an unknown file."""
    media_id = params.get("media_file_id")
    if media_id is not None and sc.media_file(int(media_id)) is None:
        raise RpcFault(
            "media_file_not_found",
            method=method,
            field="media_file_id",
            value=media_id,
            params={"media_file_id": media_id},
        )
    for name in MESSAGE_FIELDS:
        msg = params.get(name)
        if not isinstance(msg, Mapping) or msg.get("type") != "media":
            continue
        value = str(msg.get("value", ""))
        if not value.isdigit() or not value.isascii():
            raise RpcFault(
                "invalid_parameter_value", method=method, field=f"{name}.value", value=value
            )
        if sc.media_file(int(value)) is None:
            raise RpcFault(
                "media_file_not_found",
                method=method,
                field=f"{name}.value",
                value=value,
                params={"media_file_id": value},
            )


def message(params: Mapping[str, Any], name: str, sc: Scenario) -> Message | None:
    """The message `name` of the request with its length on the simulator clock, or None."""
    msg = params.get(name)
    if not isinstance(msg, Mapping):
        return None
    kind, value = str(msg["type"]), str(msg["value"])
    if kind == "tts":
        duration = len(value) / sc.timings.tts_chars_per_s if sc.timings.tts_chars_per_s else 0.0
    else:
        media = sc.media_file(int(value))
        own = media.duration_s if media is not None else None
        duration = own if own is not None else sc.timings.media_duration_s
    return Message(kind, value, duration)


def dtmf_seconds(dtmf: str | None, sc: Scenario) -> float:
    """How long sending a start method's dtmf_string takes ('.' = a pause)."""
    if not dtmf:
        return 0.0
    pauses = dtmf.count(".")
    return (len(dtmf) - pauses) * sc.timings.dtmf_symbol_s + pauses * sc.timings.dtmf_pause_s


def direction_of(number: str) -> str:
    """SPEC section 6 classification: mobile, long_distance or international."""
    if len(number) == 11 and number.startswith("79"):
        return "mobile"
    if len(number) == 11 and number.startswith("7"):
        return "long_distance"
    return "international"


def check_direction(method: str, field: str, number: str, sc: Scenario) -> None:
    """-32002 call_direction_forbidden when the security rules forbid dialling `number`."""
    if sc.employee_by_number(number) is not None:
        return  # employees' own numbers are not classified
    if sc.security_rules.get(direction_of(number), "allowed") == "forbidden":
        raise RpcFault("call_direction_forbidden", method=method, field=field, value=number)


def check_virtual_number(method: str, number: str, sc: Scenario) -> None:
    """virtual_phone_number_not_found unless the account owns it (800: legacy switch only)."""
    is_800 = number.startswith("800") or (len(number) == 11 and number[1:4] == "800")
    if sc.virtual_number(number) is None or (sc.refuse_800_virtual_numbers and is_800):
        raise RpcFault(
            "virtual_phone_number_not_found",
            method=method,
            field="virtual_phone_number",
            value=number,
            params={"virtual_phone_number": number},
        )


def check_contact(method: str, field: str, number: str, sc: Scenario) -> None:
    """own_virtual_phone_number_not_allowed, contact_in_blacklist, then the direction rule."""
    if sc.virtual_number(number) is not None:
        raise RpcFault(
            "own_virtual_phone_number_not_allowed", method=method, field=field, value=number
        )
    if number in sc.blacklist:
        raise RpcFault(
            "contact_in_blacklist",
            method=method,
            field=field,
            value=number,
            params={"contact": number},
        )
    check_direction(method, field, number, sc)


def active_employee_number(method: str, field: str, number: str, sc: Scenario) -> Employee | None:
    """The employee owning `number`; no_active_phone_number if that number is inactive."""
    employee = sc.employee_by_number(number)
    if employee is not None and number not in employee.active_numbers():
        raise RpcFault("no_active_phone_number", method=method, field=field, value=number)
    return employee
