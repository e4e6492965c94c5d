"""What list.calls, list.talk_options and the control API's snapshot report."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Final

from callpad.sim.calls import Session
from callpad.sim.scenario import Scenario
from callpad.sim.switchboard import Switchboard

# [sim] start_time is account local time, Europe/Moscow by default (SPEC section 15 #24). Moscow
# has kept UTC+3 all year since 2014, so a fixed offset needs no time-zone database.
MOSCOW: Final = timezone(timedelta(hours=3), "MSK")


def start_time(s: Session, style: str) -> str:
    """Documented 'YYYY-MM-DD hh:mm:ss', or the vendor example's form (T, milliseconds)."""
    return _format_start(s.started, style)


@lru_cache(maxsize=4096)  # a session's start never changes; list.calls asks on every request
def _format_start(started: datetime, style: str) -> str:
    local = started.astimezone(MOSCOW)
    if style == "example":
        return local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}"
    return local.strftime("%Y-%m-%d %H:%M:%S")


def session_row(s: Session, now: float, time_style: str = "documented") -> dict[str, Any]:
    return {
        "call_session_id": s.id,
        "direction": s.direction,
        "start_time": start_time(s, time_style),
        "virtual_phone_number": s.virtual_phone_number,
        "contact_phone_number": s.contact,
        "external_id": s.external_id,
        "tags": [{"tag_id": tid, "tag_name": name} for tid, name in s.tags],
        "legs": [
            {
                "leg_id": leg.id,
                "calling_phone_number": leg.calling,
                "called_phone_number": leg.called,
                "is_operator": leg.is_operator,
                "employee_id": leg.employee_id,
                "employee_full_name": leg.employee_name,
                "record_call_enabled": s.record_enabled,
                "state": leg.state(s.state, now).value,
            }
            for leg in s.legs
        ],
    }


def list_calls(
    sb: Switchboard, now: float, direction: str | None, virtual_phone_number: str | None
) -> list[dict[str, Any]]:
    style = sb.scenario.start_time_format
    return [
        session_row(s, now, style)
        for s in sb.listed()
        if (direction is None or s.direction == direction)
        and (virtual_phone_number is None or s.virtual_phone_number == virtual_phone_number)
    ]


def list_talk_options(sc: Scenario) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for opt in sc.talk_options:
        value: dict[str, Any] | None = None
        if opt.object_id is not None:
            name = _object_name(sc, opt.mnemonic, opt.object_id)
            value = {"id": opt.object_id, "value": name}
        rows.append(
            {
                "button": opt.button,
                "mnemonic": opt.mnemonic,
                "name": opt.name,
                "button_value": value,
            }
        )
    return rows


def _object_name(sc: Scenario, mnemonic: str, object_id: int) -> str:
    if mnemonic == "tag_call" and (tag := sc.tag(object_id)) is not None:
        return tag.name
    if mnemonic == "run_scenario" and (scn := sc.call_scenario(object_id)) is not None:
        return scn.name
    if (emp := sc.employee(object_id)) is not None:
        return emp.full_name
    return str(object_id)


def snapshot(sb: Switchboard, now: float) -> dict[str, Any]:
    """Everything a test may want to assert on, including what the API does not show."""
    sessions = []
    for s in sb.sessions.values():
        row = session_row(s, now)
        row["state"] = s.state.value
        row["kind"] = s.kind.value
        row["recording"] = s.record_enabled
        row["first_talk_at"] = s.first_talk_at
        row["hold_message"] = (
            {"type": s.hold_message.type, "value": s.hold_message.value} if s.hold_message else None
        )
        row["events"] = list(s.events)
        for leg_row, leg in zip(row["legs"], s.legs, strict=True):
            leg_row["role"] = leg.role.value
            leg_row["answered"] = leg.answered
        sessions.append(row)
    return {
        "now": now,
        "sessions": sessions,
        "ended": list(sb.ended),
        "blacklist": list(sb.scenario.blacklist),
        "agenda": len(sb.agenda),
    }
