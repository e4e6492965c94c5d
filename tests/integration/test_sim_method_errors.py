"""Every method-specific error of SPEC section 12 (and the -32002 direction rule), over real HTTP.

Codes are checked against the method's own table by `expect_error` (e.g. `contact_in_blacklist` is
-32002 in start.employee_call but -32602 in start.scenario_call), and messages against the filled
template where the template has placeholders.
"""

from typing import Any

import pytest

from tests.integration.sim_flows import CONTACT, HOLD_MSG, VN, drive, legs, op, start, state
from tests.integration.sim_harness import check_error, expect_error, post

LONG = "а" * 1001  # one character over the demo tariff's TTS length (1000)


START_PARAMS: dict[str, dict[str, Any]] = {
    "start.employee_call": {
        "first_call": "employee",
        "employee": {"id": 3141},
        "contact": CONTACT,
        "virtual_phone_number": VN,
    },
    "start.scenario_call": {
        "first_call": "contact",
        "scenario_id": 88012,
        "contact": CONTACT,
        "virtual_phone_number": VN,
    },
    "start.vnumber_call": {"first_call": "contact", "contact": CONTACT, "virtual_phone_number": VN},
    "start.informer_call": {
        "contact": CONTACT,
        "virtual_phone_number": VN,
        "contact_message": {"type": "tts", "value": "Ваш заказ готов"},
    },
    "start.simple_call": {
        "first_call": "operator",
        "operator": "79035550101",
        "contact": CONTACT,
        "virtual_phone_number": VN,
    },
}


def start_params(method: str, token: str, **over: Any) -> dict[str, Any]:
    """Valid params of a start.* method, with `over` changed or added."""
    return {"access_token": token, **START_PARAMS[method], **over}


# -- start.employee_call ---------------------------------------------------------------------


async def test_employee_call_errors(sim, http, token):
    url = sim.url
    err = await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, contact_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
        field="contact_message.value",
    )
    assert err["data"]["params"] == {
        "tts_message_max_length": 1000,
        "sent_tts_message_length": 1001,
    }
    assert err["message"] == (
        "The maximum length of Text-to-Speech message is 1000. The length of your message is 1001"
    )
    await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, employee_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
        field="employee_message.value",
    )
    err = await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, media_file_id=9999),
        "media_file_not_found",
    )
    assert err["message"] == "The media file with id 9999 not found"
    await expect_error(
        http,
        url,
        "start.employee_call",
        start_params(
            "start.employee_call", token, contact_message={"type": "media", "value": "9999"}
        ),
        "media_file_not_found",
        field="contact_message.value",
    )
    err = await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, virtual_phone_number="74950000000"),
        "virtual_phone_number_not_found",
        code=-32007,
    )
    assert err["message"] == (
        "Virtual phone number 74950000000 not found. It is not your virtual phone number."
    )
    err = await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, employee={"id": 9999}),
        "employee_not_found",
        field="employee.id",
    )
    assert err["message"] == "Employee with id 9999 not found. It is not your employee."
    await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, employee={"id": 3160}),
        "no_active_phone_number",
    )
    await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, employee={"id": 3141, "phone_number": "0215"}),
        "no_active_phone_number",
        field="employee.phone_number",
    )
    await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, contact="74957770000"),
        "own_virtual_phone_number_not_allowed",
        field="contact",
    )
    err = await expect_error(
        http,
        url,
        "start.employee_call",
        start_params("start.employee_call", token, contact="79990000666"),
        "contact_in_blacklist",
        code=-32002,
    )
    assert err["message"] == "The contact 79990000666 has been found in the blacklist"
    for combo in (
        {"early_switching": True, "switch_at_once": False},
        {"early_switching": True, "first_call": "contact", "switch_at_once": True},
        {"early_switching": True},
    ):
        await expect_error(
            http,
            url,
            "start.employee_call",
            start_params("start.employee_call", token, **combo),
            "invalid_parameters_combination",
        )
    assert sim.controller.state()["sessions"] == []  # no refused request created a session


@pytest.mark.parametrize(
    "method",
    [
        "start.employee_call",
        "start.scenario_call",
        "start.vnumber_call",
        "start.informer_call",
        "start.simple_call",
        "make.call",
        "hold.call",
    ],
)
async def test_non_utf8_charset_is_refused(sim, http, token, method):
    body = {"jsonrpc": "2.0", "id": 1, "method": method, "params": {"access_token": token}}
    reply = await post(
        http, sim.url, body, headers={"content-type": "application/json; charset=windows-1251"}
    )
    check_error(reply.json(), "character_encoding_not_allowed", method=method, code=-32602)


async def test_early_switching_is_checked_as_sent_with_a_tts_message(sim, http, token):
    # switch_at_once=true with a tts contact_message passes (SPEC section 15 #45)
    await start(
        sim,
        http,
        token,
        early_switching=True,
        switch_at_once=True,
        contact_message={"type": "tts", "value": "Здравствуйте"},
    )


# -- start.scenario_call / start.vnumber_call ------------------------------------------------


async def test_scenario_call_errors(sim, http, token):
    url = sim.url
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, contact_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
    )
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params(
            "start.scenario_call", token, employee_message={"type": "media", "value": "77"}
        ),
        "media_file_not_found",
    )
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, virtual_phone_number="74950000000"),
        "virtual_phone_number_not_found",
    )
    err = await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, scenario_id=4242),
        "scenario_not_found",
        code=-32602,
    )
    assert err["message"] == "Scenario with id 4242 not found"
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, contact="74951112234"),
        "own_virtual_phone_number_not_allowed",
    )
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, contact="79990000666"),
        "contact_in_blacklist",
        code=-32602,
    )
    await expect_error(
        http,
        url,
        "start.scenario_call",
        start_params("start.scenario_call", token, early_switching=True, switch_at_once=True),
        "invalid_parameters_combination",
    )


async def test_vnumber_call_errors(sim, http, token):
    url = sim.url
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, contact_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
    )
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, contact_message={"type": "media", "value": "77"}),
        "media_file_not_found",
    )
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, virtual_phone_number="74950000000"),
        "virtual_phone_number_not_found",
    )
    err = await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, virtual_phone_number="74957770000"),
        "scenario_not_found",
        code=-32007,
    )
    assert err["message"] == "Virtual phone number does not have a scenario"
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, contact="78127654321"),
        "own_virtual_phone_number_not_allowed",
    )
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, contact="79990000666"),
        "contact_in_blacklist",
        code=-32602,
    )
    await expect_error(
        http,
        url,
        "start.vnumber_call",
        start_params("start.vnumber_call", token, early_switching=True),
        "invalid_parameters_combination",
    )


async def test_800_numbers_are_accepted(sim, http, token):
    # SPEC section 15.1: the current docs dropped the 2017 ban on 800 numbers
    await start(sim, http, token, virtual_phone_number="78001234567")


async def test_800_numbers_are_refused_with_the_legacy_switch(make_sim, http):
    import dataclasses

    from callpad.sim.scenario import demo_scenario
    from tests.integration.sim_harness import login

    sim = await make_sim(dataclasses.replace(demo_scenario(), refuse_800_virtual_numbers=True))
    token = await login(http, sim.url)
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        start_params("start.employee_call", token, virtual_phone_number="78001234567"),
        "virtual_phone_number_not_found",
    )


# -- start.informer_call / start.simple_call -------------------------------------------------


async def test_informer_call_errors(sim, http, token):
    url = sim.url
    await expect_error(
        http,
        url,
        "start.informer_call",
        start_params("start.informer_call", token, contact_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
    )
    await expect_error(
        http,
        url,
        "start.informer_call",
        start_params(
            "start.informer_call", token, contact_message={"type": "media", "value": "77"}
        ),
        "media_file_not_found",
    )
    await expect_error(
        http,
        url,
        "start.informer_call",
        start_params("start.informer_call", token, virtual_phone_number="74950000000"),
        "virtual_phone_number_not_found",
    )
    await expect_error(
        http,
        url,
        "start.informer_call",
        start_params("start.informer_call", token, contact=VN),
        "own_virtual_phone_number_not_allowed",
    )
    await expect_error(
        http,
        url,
        "start.informer_call",
        start_params("start.informer_call", token, contact="79990000666"),
        "contact_in_blacklist",
        code=-32602,
    )


async def test_simple_call_errors(sim, http, token):
    url = sim.url
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params("start.simple_call", token, operator_message={"type": "tts", "value": LONG}),
        "tts_text_exceeded",
        field="operator_message.value",
    )
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params("start.simple_call", token, media_file_id=77),
        "media_file_not_found",
    )
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params("start.simple_call", token, virtual_phone_number="74950000000"),
        "virtual_phone_number_not_found",
    )
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params("start.simple_call", token, operator=VN),
        "own_virtual_phone_number_not_allowed",
        field="operator",
    )
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params("start.simple_call", token, contact="79990000666"),
        "contact_in_blacklist",
        code=-32002,
    )
    await expect_error(
        http,
        url,
        "start.simple_call",
        start_params(
            "start.simple_call",
            token,
            early_switching=True,
            first_call="contact",
            switch_at_once=True,
        ),
        "invalid_parameters_combination",
    )


# -- security rules: international calls are forbidden by default (SPEC section 6) -----------


@pytest.mark.parametrize(
    ("method", "field"),
    [("start.employee_call", "contact"), ("start.simple_call", "operator")],
)
async def test_international_numbers_are_forbidden_by_default(sim, http, token, method, field):
    params = start_params(method, token)
    params[field] = "4930123456"  # Berlin
    err = await expect_error(
        http, sim.url, method, params, "call_direction_forbidden", code=-32002, field=field
    )
    assert err["message"] == "Call direction is forbidden by security rules"


async def test_international_target_of_make_call_and_coach_is_forbidden(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(
        http,
        sim.url,
        "make.call",
        {**base, "to": "12125550100"},
        "call_direction_forbidden",
        code=-32002,
        field="to",
    )
    await expect_error(
        http,
        sim.url,
        "add.coach",
        {**base, "phone_number": "442071234567"},
        "call_direction_forbidden",
        code=-32002,
        field="phone_number",
    )


async def test_security_rules_come_from_the_scenario(make_sim, http):
    from callpad.sim.scenario import scenario_by_name
    from tests.integration.sim_harness import call_ok, login

    sim = await make_sim(scenario_by_name("international"))
    token = await login(http, sim.url)
    await call_ok(
        http,
        sim.url,
        "start.employee_call",
        start_params("start.employee_call", token, contact="4930123456"),
    )
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        start_params("start.employee_call", token, contact="74012345678"),
        "call_direction_forbidden",
        code=-32002,
    )


# -- call control ----------------------------------------------------------------------------


async def test_make_call_errors(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(http, sim.url, "make.call", {**base, "to": "0215"}, "invalid_state")
    await op(sim, http, token, "hold.call", sid, contact_message=HOLD_MSG)
    await expect_error(
        http,
        sim.url,
        "make.call",
        {**base, "to": "0130"},  # employee 3160's inactive number
        "no_active_phone_number",
        field="to",
    )
    await expect_error(
        http,
        sim.url,
        "make.call",
        {**base, "to": "0215", "to_message": {"type": "tts", "value": LONG}},
        "tts_text_exceeded",
        code=-32602,
    )
    assert state(sim, sid) == "WAITING_INPUT"


async def test_transfer_and_restore_errors(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    err = await expect_error(http, sim.url, "transfer.talk", base, "invalid_state", code=-32004)
    assert err["message"] == "This method can not be called in this state"
    await expect_error(http, sim.url, "restore.talk", base, "invalid_state", code=-32004)


async def test_hold_and_unhold_errors(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(http, sim.url, "unhold.call", base, "invalid_state")
    await expect_error(
        http,
        sim.url,
        "hold.call",
        {**base, "contact_message": {"type": "media", "value": "31337"}},
        "media_file_not_found",
    )
    await expect_error(
        http,
        sim.url,
        "hold.call",
        {**base, "contact_message": {"type": "tts", "value": LONG}},
        "tts_text_exceeded",
    )
    await op(sim, http, token, "hold.call", sid, contact_message=HOLD_MSG)
    await expect_error(
        http, sim.url, "hold.call", {**base, "contact_message": HOLD_MSG}, "invalid_state"
    )


async def test_tag_call_errors(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    err = await expect_error(http, sim.url, "tag.call", {**base, "tag_id": 999}, "tag_not_found")
    assert err["message"] == "Tag with 999 not found"
    await op(sim, http, token, "tag.call", sid, tag_id=773)
    err = await expect_error(http, sim.url, "tag.call", {**base, "tag_id": 773}, "duplicate_tag")
    assert err["message"] == "Duplicate tag"


async def test_disconnect_leg_errors(sim, http, token):
    sid = await drive(sim, http, token, "OPERATOR_TALK")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(http, sim.url, "disconnect.leg", {**base, "leg_id": 1}, "leg_not_found")
    b_leg = legs(sim, sid)["B"]["leg_id"]
    await op(sim, http, token, "transfer.talk", sid)
    # (B) has left the session: its leg id is unknown now (SPEC section 13.0 point 8)
    await expect_error(http, sim.url, "disconnect.leg", {**base, "leg_id": b_leg}, "leg_not_found")


async def test_add_coach_errors(sim, http, token):
    # employee 3147 has no coach in the demo account
    sid = await start(sim, http, token, employee={"id": 3147})
    sim.clock.advance(7)
    base = {"access_token": token, "call_session_id": sid}
    err = await expect_error(http, sim.url, "add.coach", base, "coach_not_found")
    assert err["message"] == "The coach not found in your settings"
    await expect_error(
        http,
        sim.url,
        "add.coach",
        {**base, "phone_number": "0130"},
        "no_active_phone_number",
        field="phone_number",
    )


async def test_record_call_errors(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(
        http, sim.url, "record.call", {**base, "action": "off"}, "record_already_stopped"
    )
    await op(sim, http, token, "record.call", sid, action="on")
    await expect_error(
        http, sim.url, "record.call", {**base, "action": "on"}, "record_already_started"
    )


async def test_record_call_cannot_switch_off_global_recording(sim, http, token):
    # employee 3150 records every call (employee-level setting)
    sid = await start(sim, http, token, employee={"id": 3150})
    sim.clock.advance(7)
    assert all(leg["record_call_enabled"] for leg in legs(sim, sid).values())
    base = {"access_token": token, "call_session_id": sid}
    err = await expect_error(
        http, sim.url, "record.call", {**base, "action": "off"}, "forbidden", code=-32003
    )
    assert err["message"] == "Permission denied"
    await expect_error(
        http, sim.url, "call.talk_option", {**base, "button": "5"}, "forbidden", code=-32003
    )
    await expect_error(
        http, sim.url, "record.call", {**base, "action": "on"}, "record_already_started"
    )


async def test_block_contact_duplicate(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    await op(sim, http, token, "block.contact", sid)
    err = await expect_error(http, sim.url, "block.contact", base, "duplicate_contact")
    assert err["message"] == f"The contact with phone number {CONTACT} already exists"
    assert err["data"]["params"] == {"contact_phone_number": CONTACT}
    # and new calls to that number are refused (SPEC section 11.17)
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        start_params("start.employee_call", token),
        "contact_in_blacklist",
        code=-32002,
    )


async def test_call_talk_option_errors(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    base = {"access_token": token, "call_session_id": sid}
    err = await expect_error(
        http, sim.url, "call.talk_option", {**base, "button": "#"}, "talk_option_not_found"
    )
    assert err["message"] == "Talk option not found"
    await expect_error(
        http, sim.url, "call.talk_option", {**base, "button": "3"}, "invalid_state", code=-32004
    )
    await expect_error(
        http,
        sim.url,
        "call.talk_option",
        {"access_token": token, "call_session_id": 1, "button": "3"},
        "call_session_not_found",
        code=-32602,
    )


async def test_call_talk_option_internal_error_only_by_injection(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    sim.controller.add_fault(
        {"mode": "rpc_error", "mnemonic": "internal_error", "method": "call.talk_option"}
    )
    base = {"access_token": token, "call_session_id": sid, "button": "3"}
    err = await expect_error(http, sim.url, "call.talk_option", base, "internal_error", code=-32603)
    assert err["message"] == "Internal error, contact the support service"
    assert live_tags(sim, sid) == []  # the request did not run


def live_tags(sim: Any, sid: int) -> list[Any]:
    from tests.integration.sim_flows import live

    tags: list[Any] = live(sim, sid)["tags"]
    return tags


SESSION_METHODS: dict[str, dict[str, Any]] = {
    "make.call": {"to": "0215"},
    "transfer.talk": {},
    "restore.talk": {},
    "hold.call": {"contact_message": HOLD_MSG},
    "unhold.call": {},
    "tag.call": {"tag_id": 771},
    "disconnect.leg": {"leg_id": 870011234},
    "add.coach": {"phone_number": "79035550199"},
    "record.call": {"action": "on"},
    "block.contact": {},
    "call.talk_option": {"button": "3"},
    "send.dtmf": {"dtmf_string": "1"},
    "release.call": {},
}


@pytest.mark.parametrize("method", sorted(SESSION_METHODS))
async def test_unknown_or_ended_session_is_call_session_not_found(sim, http, token, method):
    params = {"access_token": token, "call_session_id": 424242, **SESSION_METHODS[method]}
    err = await expect_error(http, sim.url, method, params, "call_session_not_found", code=-32602)
    assert err["message"] == "Call session not found"
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "release.call", sid)
    params["call_session_id"] = sid
    await expect_error(http, sim.url, method, params, "call_session_not_found", code=-32602)


async def test_send_dtmf_takes_one_symbol(sim, http, token):
    # the schema pattern ^[0-9*#]$ refuses longer strings (SPEC section 15 #15)
    sid = await drive(sim, http, token, "TALK")
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(
        http,
        sim.url,
        "send.dtmf",
        {**base, "dtmf_string": "12"},
        "invalid_parameter_value",
        field="dtmf_string",
    )
