"""Generic parameter checks of methods.json: order of kinds, dotted fields, values as sent."""

from typing import Any

import pytest

from callpad.sim.rpc_error import RpcFault
from callpad.sim.validation import check_params

EMPLOYEE_CALL: dict[str, Any] = {
    "access_token": "t",
    "first_call": "employee",
    "virtual_phone_number": "74951112233",
    "contact": "79161234567",
    "employee": {"id": 3141},
}


def fault_of(method: str, params: dict[str, Any]) -> RpcFault:
    with pytest.raises(RpcFault) as info:
        check_params(method, params)
    return info.value


def test_valid_params_pass_and_come_back_unchanged() -> None:
    assert check_params("start.employee_call", EMPLOYEE_CALL) == EMPLOYEE_CALL


def test_integral_floats_are_accepted_as_integers() -> None:
    checked = check_params("tag.call", {"access_token": "t", "call_session_id": 5.0, "tag_id": 7})
    assert checked["call_session_id"] == 5
    assert isinstance(checked["call_session_id"], int)


def test_kinds_are_checked_in_order_over_the_whole_tree() -> None:
    params = {**EMPLOYEE_CALL, "first_call": 5, "employee": {"id": "x", "extra": 1}}
    del params["contact"]
    fault = fault_of("start.employee_call", params)
    assert (fault.mnemonic, fault.field) == ("unexpected_parameters", "employee.extra")
    del params["employee"]["extra"]
    fault = fault_of("start.employee_call", params)
    assert (fault.mnemonic, fault.field) == ("required_parameter_missed", "contact")
    params["contact"] = "7916"
    fault = fault_of("start.employee_call", params)
    assert (fault.mnemonic, fault.field, fault.value) == ("data_type_error", "first_call", 5)


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ({"type": "media", "value": "12a"}, "contact_message.value"),
        ({"type": "tts", "value": ""}, "contact_message.value"),
        ({"type": "video", "value": "1"}, "contact_message.type"),
    ],
)
def test_message_values_follow_their_type(message: dict[str, str], field: str) -> None:
    fault = fault_of("start.employee_call", {**EMPLOYEE_CALL, "contact_message": message})
    assert (fault.mnemonic, fault.field) == ("invalid_parameter_value", field)


def test_tts_text_and_media_ids_pass() -> None:
    for message in ({"type": "media", "value": "8001"}, {"type": "tts", "value": "Привет"}):
        check_params("start.employee_call", {**EMPLOYEE_CALL, "contact_message": message})


def test_patterns_must_match_the_whole_value() -> None:
    fault = fault_of("send.dtmf", {"access_token": "t", "call_session_id": 1, "dtmf_string": "1\n"})
    assert fault.mnemonic == "invalid_parameter_value"
    assert fault.value == "1\n"


def test_booleans_are_not_integers_and_integers_not_booleans() -> None:
    fault = fault_of("tag.call", {"access_token": "t", "call_session_id": True, "tag_id": 1})
    assert fault.mnemonic == "data_type_error"
    fault = fault_of("start.employee_call", {**EMPLOYEE_CALL, "switch_at_once": 1})
    assert (fault.mnemonic, fault.field) == ("data_type_error", "switch_at_once")
