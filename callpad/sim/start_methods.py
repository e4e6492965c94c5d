"""The five start methods: checks in the order of SPEC section 10.1, then a new session.

Semantics (section 11.3-11.7, 13.0 point 7): `first_call` picks the side rung first; messages play
from a leg's answer (after the contact's `dtmf_string`); with first_call=employee/operator the
contact is dialled once the employee's message has ended; the sides are connected (SESSION -> TALK)
when both have answered and, unless `switch_at_once` is in effect (never with a tts
`contact_message`), both messages have ended. `operator_confirmation` is accepted and, as the
simulated operator always confirms, has no visible effect; `virtual_phone_usage_rule`,
`early_switching` and `show_virtual_phone_number` of start.vnumber_call change nothing visible.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from callpad.sim import checks
from callpad.sim.calls import Kind, Session
from callpad.sim.rpc_error import RpcFault
from callpad.sim.scenario import Employee, Scenario
from callpad.sim.state import Role
from callpad.sim.switchboard import Switchboard


def _combination(method: str, params: Mapping[str, Any]) -> None:
    """early_switching=true needs first_call=employee/operator and switch_at_once=true (as sent)."""
    if params.get("early_switching") is True and (
        params.get("first_call") not in ("employee", "operator")
        or params.get("switch_at_once") is not True
    ):
        raise RpcFault(
            "invalid_parameters_combination", method=method, field="early_switching", value=True
        )


def _scenario_employee(method: str, sc: Scenario, scenario_id: int) -> Employee:
    scn = sc.call_scenario(scenario_id)
    employee = sc.employee(scn.employee_id) if scn else None
    if scn is None or employee is None:
        raise RpcFault(
            "scenario_not_found",
            method=method,
            field="scenario_id",
            value=scenario_id,
            params={"scenario_id": scenario_id},
            variant="Scenario with id",
        )
    return employee


def _employee(method: str, params: Mapping[str, Any], sc: Scenario) -> tuple[Employee, list[str]]:
    spec = params["employee"]
    employee = sc.employee(int(spec["id"]))
    if employee is None:
        raise RpcFault(
            "employee_not_found",
            method=method,
            field="employee.id",
            value=spec["id"],
            params={"employee_id": spec["id"]},
        )
    number = spec.get("phone_number")
    if number is not None:
        if number not in employee.active_numbers():
            raise RpcFault(
                "no_active_phone_number", method=method, field="employee.phone_number", value=number
            )
        return employee, [number]
    numbers = employee.active_numbers()
    if not numbers:
        raise RpcFault(
            "no_active_phone_number", method=method, field="employee.id", value=spec["id"]
        )
    return employee, numbers


def start_call(
    method: str,
    params: Mapping[str, Any],
    sc: Scenario,
    sb: Switchboard,
    now: float,
    wall: datetime,
) -> dict[str, Any]:
    """Check and run one of the five start methods; returns result.data."""
    _combination(method, params)
    checks.check_tts(method, params, sc)
    vn = str(params["virtual_phone_number"])
    checks.check_virtual_number(method, vn, sc)
    contact = str(params["contact"])
    checks.check_contact(method, "contact", contact, sc)
    operator = params.get("operator")
    if operator is not None:
        checks.check_contact(method, "operator", str(operator), sc)
    employee: Employee | None = None
    numbers: list[str] = []
    if method == "start.employee_call":
        employee, numbers = _employee(method, params, sc)
    elif method == "start.scenario_call":
        employee = _scenario_employee(method, sc, int(params["scenario_id"]))
    elif method == "start.vnumber_call":
        number = sc.virtual_number(vn)
        if (
            number is None
            or number.scenario_id is None
            or sc.call_scenario(number.scenario_id) is None
        ):
            raise RpcFault(
                "scenario_not_found",
                method=method,
                field="virtual_phone_number",
                value=vn,
                variant="does not have",
            )
        employee = _scenario_employee(method, sc, number.scenario_id)
    elif method == "start.simple_call":
        numbers = [str(operator)]
    if employee is not None and not numbers:
        numbers = employee.active_numbers()
    checks.check_media(method, params, sc)

    session = _new_session(method, params, sc, now, wall, vn, contact)
    session.b_numbers = numbers
    session.b_employee_id = employee.id if employee else None  # simple_call: not an employee
    session.record_global = bool(employee and employee.record_all_calls)
    show_vn = params.get("show_virtual_phone_number", True)
    if method in ("start.scenario_call", "start.vnumber_call"):
        session.b_calling = contact  # the scenario's forwarding shows the caller [sim]
    else:
        session.b_calling = vn if show_vn else contact
    sb.start(session, now)
    return {"call_session_id": session.id}


def _new_session(
    method: str,
    params: Mapping[str, Any],
    sc: Scenario,
    now: float,
    wall: datetime,
    vn: str,
    contact: str,
) -> Session:
    kind = Kind(method)
    first = params.get("first_call", "contact")
    session = Session(
        id=0,
        kind=kind,
        direction=str(params.get("direction", "in")),
        started=wall,
        virtual_phone_number=vn,
        contact=contact,
        external_id=params.get("external_id"),
        first_call=Role.B if first in ("employee", "operator") else Role.A,
        dtmf_s=checks.dtmf_seconds(params.get("dtmf_string"), sc),
    )
    contact_msg = checks.message(params, "contact_message", sc)
    side_msg = checks.message(params, "employee_message", sc) or checks.message(
        params, "operator_message", sc
    )
    if contact_msg is not None:
        session.messages[Role.A] = contact_msg
    if side_msg is not None:
        session.messages[Role.B] = side_msg
    tts_contact = contact_msg is not None and contact_msg.type == "tts"
    session.switch_at_once = params.get("switch_at_once") is True and not tts_contact
    if kind is Kind.INFORMER:
        session.ring_timeout_s = float(params.get("dialing_timeout", 30))
    return session
