"""Happy paths of the 20 call methods over real HTTP, with the spec's example requests and replies.

Each test sends the vendor example's params (with our token and a live session id) and compares the
reply's `result.data` with the example reply: same keys, same JSON types, and the same values
where the demo account reproduces them (SPEC section 4.1 ids).
"""

import dataclasses
from typing import Any

import pytest

from callpad.sim.scenario import demo_scenario
from callpad.sim.spec import method as spec_method
from tests.integration.sim_flows import CONTACT, drive, legs, listed, live, op, start, state
from tests.integration.sim_harness import call_ok, login


def example(method: str, token: str, **override: Any) -> dict[str, Any]:
    params = dict(spec_method(method)["example_request"]["params"])
    params["access_token"] = token
    params.update(override)
    return params


def example_data(method: str) -> Any:
    return spec_method(method)["example_response"]["result"]["data"]


def shape(value: Any) -> Any:
    """Keys and JSON types, recursively (lists by their first item)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


async def test_start_employee_call_example(sim, http, token):
    data = await call_ok(
        http, sim.url, "start.employee_call", example("start.employee_call", token)
    )
    assert shape(data) == shape(example_data("start.employee_call"))
    assert data == {"call_session_id": 512003771}  # the spec's id: the first session of a run
    assert await listed(http, sim, token, 512003771) == ["B(0107):Дозвон"]


async def test_start_scenario_call_example(sim, http, token):
    data = await call_ok(
        http, sim.url, "start.scenario_call", example("start.scenario_call", token)
    )
    assert shape(data) == shape(example_data("start.scenario_call"))
    assert await listed(http, sim, token, data["call_session_id"]) == [f"A({CONTACT}):Дозвон"]


async def test_start_vnumber_call_example(sim, http, token):
    data = await call_ok(http, sim.url, "start.vnumber_call", example("start.vnumber_call", token))
    assert shape(data) == shape(example_data("start.vnumber_call"))
    # first_call=employee: the employee of the number's scenario (3141 at 0107) rings first.
    assert await listed(http, sim, token, data["call_session_id"]) == ["B(0107):Дозвон"]


async def test_start_informer_call_example(sim, http, token):
    data = await call_ok(
        http, sim.url, "start.informer_call", example("start.informer_call", token)
    )
    assert shape(data) == shape(example_data("start.informer_call"))
    assert await listed(http, sim, token, data["call_session_id"]) == [f"A({CONTACT}):Дозвон"]


async def test_start_simple_call_example(sim, http, token):
    data = await call_ok(http, sim.url, "start.simple_call", example("start.simple_call", token))
    assert shape(data) == shape(example_data("start.simple_call"))
    sid = data["call_session_id"]
    assert await listed(http, sim, token, sid) == ["B(79035550101):Дозвон"]
    operator = legs(sim, sid)["B"]
    assert operator["is_operator"] is True
    assert operator["employee_id"] is None  # the operator is not an employee
    # show_virtual_phone_number=false: the operator sees the contact's number
    assert operator["calling_phone_number"] == CONTACT


async def test_list_calls_example_shape_and_values(sim, http, token):
    sid = await start(sim, http, token, external_id="crm-lead-9001")
    sim.clock.advance(7)
    await op(sim, http, token, "tag.call", sid, tag_id=771)
    await op(sim, http, token, "record.call", sid, action="on")
    data = await call_ok(http, sim.url, "list.calls", example("list.calls", token))
    expected = example_data("list.calls")
    assert shape(data) == shape(expected)
    row, want = data[0], expected[0]
    for key in ("call_session_id", "direction", "virtual_phone_number", "contact_phone_number"):
        assert row[key] == want[key], key
    assert row["external_id"] == want["external_id"]
    assert row["tags"] == want["tags"]
    assert row["legs"][0] == {**want["legs"][0], "leg_id": row["legs"][0]["leg_id"]}
    assert row["legs"][1] == {**want["legs"][1], "leg_id": row["legs"][1]["leg_id"]}
    assert [leg["leg_id"] for leg in row["legs"]] == [870011234, 870011235]
    # start_time: 'YYYY-MM-DD hh:mm:ss', Moscow time (the clock starts at 09:00 UTC)
    assert row["start_time"] == "2026-11-30 12:00:00"


async def test_list_calls_filters_by_direction_and_number(sim, http, token):
    out = await start(sim, http, token)
    inc = await start(sim, http, token, direction="in", virtual_phone_number="74951112234")
    by_dir = await call_ok(http, sim.url, "list.calls", {"access_token": token, "direction": "in"})
    assert [r["call_session_id"] for r in by_dir] == [inc]
    by_vn = await call_ok(
        http,
        sim.url,
        "list.calls",
        {"access_token": token, "virtual_phone_number": "74951112233"},
    )
    assert [r["call_session_id"] for r in by_vn] == [out]
    both = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    assert [r["call_session_id"] for r in both] == [out, inc]


async def test_list_calls_is_empty_without_calls(sim, http, token):
    assert await call_ok(http, sim.url, "list.calls", {"access_token": token}) == []


async def test_list_talk_options_example(sim, http, token):
    data = await call_ok(http, sim.url, "list.talk_options", example("list.talk_options", token))
    assert shape(data[0]) == shape(example_data("list.talk_options")[1])  # button_value null
    for want in example_data("list.talk_options"):
        assert want in data
    kinds = {row["mnemonic"] for row in data}
    assert kinds == set(
        spec_method("list.talk_options")["result"]["data"]["items"]["fields"]["mnemonic"]["enum"]
    )
    scenario = next(row for row in data if row["mnemonic"] == "run_scenario")
    assert scenario["button_value"] == {"id": 502, "value": "Поддержка клиентов"}


SUCCESS = {"success": "true"}


async def test_hold_call_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "hold.call", example("hold.call", token, call_session_id=sid)
    )
    assert data == example_data("hold.call") == SUCCESS
    assert await listed(http, sim, token, sid) == ["B(0107):Разговор", f"A({CONTACT}):На удержании"]
    assert live(sim, sid)["hold_message"] == {"type": "media", "value": "4410"}


async def test_unhold_call_example(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    data = await call_ok(
        http, sim.url, "unhold.call", example("unhold.call", token, call_session_id=sid)
    )
    assert data == example_data("unhold.call")
    assert state(sim, sid) == "TALK"


async def test_make_call_example(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    data = await call_ok(
        http, sim.url, "make.call", example("make.call", token, call_session_id=sid)
    )
    assert data == example_data("make.call")
    assert await listed(http, sim, token, sid) == [
        "B(0107):Разговор",
        f"A({CONTACT}):На удержании",
        "C(0215):Дозвон",
    ]
    colleague = legs(sim, sid)["C"]
    assert (colleague["employee_id"], colleague["employee_full_name"]) == (3142, "Смирнова Анна")


async def test_transfer_talk_example(sim, http, token):
    sid = await drive(sim, http, token, "OPERATOR_TALK")
    data = await call_ok(
        http, sim.url, "transfer.talk", example("transfer.talk", token, call_session_id=sid)
    )
    assert data == example_data("transfer.talk")
    # (B) left; the former (C) now holds the talk options (SPEC section 15 #20)
    assert await listed(http, sim, token, sid) == [f"A({CONTACT}):Разговор", "B(0215):Разговор"]
    assert legs(sim, sid)["B"]["is_operator"] is True


async def test_restore_talk_example(sim, http, token):
    sid = await drive(sim, http, token, "OPERATOR_TALK")
    data = await call_ok(
        http, sim.url, "restore.talk", example("restore.talk", token, call_session_id=sid)
    )
    assert data == example_data("restore.talk")
    assert await listed(http, sim, token, sid) == ["B(0107):Разговор", f"A({CONTACT}):Разговор"]


async def test_tag_call_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(http, sim.url, "tag.call", example("tag.call", token, call_session_id=sid))
    assert data == example_data("tag.call")
    assert live(sim, sid)["tags"] == [{"tag_id": 771, "tag_name": "Горячий клиент"}]
    assert state(sim, sid) == "TALK"  # MARK_CALL passed before the reply


async def test_disconnect_leg_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    contact_leg = legs(sim, sid)["A"]["leg_id"]
    assert contact_leg == example("disconnect.leg", token)["leg_id"]  # the spec's leg id
    data = await call_ok(
        http, sim.url, "disconnect.leg", example("disconnect.leg", token, call_session_id=sid)
    )
    assert data == example_data("disconnect.leg")
    assert state(sim, sid) == "(end)"


async def test_add_coach_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "add.coach", example("add.coach", token, call_session_id=sid)
    )
    assert data == example_data("add.coach")
    coach = legs(sim, sid)["coach"]
    assert (coach["called_phone_number"], coach["state"], coach["is_operator"]) == (
        "79035550199",
        "Дозвон",
        False,
    )
    sim.clock.advance(3)
    assert legs(sim, sid)["coach"]["state"] == "Разговор"
    assert state(sim, sid) == "TALK"


async def test_add_coach_without_number_calls_the_configured_coach(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "add.coach", sid)
    coach = legs(sim, sid)["coach"]
    assert (coach["employee_id"], coach["called_phone_number"]) == (3144, "0110")


async def test_record_call_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "record.call", example("record.call", token, call_session_id=sid)
    )
    assert data == example_data("record.call")
    assert all(leg["record_call_enabled"] for leg in live(sim, sid)["legs"])
    await op(sim, http, token, "record.call", sid, action="off")
    assert not any(leg["record_call_enabled"] for leg in live(sim, sid)["legs"])


async def test_block_contact_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "block.contact", example("block.contact", token, call_session_id=sid)
    )
    assert data == example_data("block.contact")
    assert CONTACT in sim.controller.state()["blacklist"]
    assert state(sim, sid) == "TALK"  # the call continues (SPEC section 15 #21)


async def test_call_talk_option_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "call.talk_option", example("call.talk_option", token, call_session_id=sid)
    )
    assert data == example_data("call.talk_option")
    assert live(sim, sid)["tags"] == [{"tag_id": 771, "tag_name": "Горячий клиент"}]


async def test_send_dtmf_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "send.dtmf", example("send.dtmf", token, call_session_id=sid)
    )
    assert data == example_data("send.dtmf")
    assert legs(sim, sid)["A"]["state"] == "Отправка dtmf"
    sim.clock.advance(0.3)
    assert legs(sim, sid)["A"]["state"] == "Разговор"


async def test_release_call_example(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    data = await call_ok(
        http, sim.url, "release.call", example("release.call", token, call_session_id=sid)
    )
    assert data == example_data("release.call")
    assert await call_ok(http, sim.url, "list.calls", {"access_token": token}) == []


@pytest.mark.parametrize("kind", ["tts", "media"])
async def test_hold_call_accepts_both_message_kinds(sim, http, token, kind):
    sid = await drive(sim, http, token, "TALK")
    value = "Пожалуйста, оставайтесь на линии" if kind == "tts" else "2561"
    await op(sim, http, token, "hold.call", sid, contact_message={"type": kind, "value": value})
    assert state(sim, sid) == "WAITING_INPUT"


async def test_success_flag_and_start_time_styles_are_switchable(make_sim, http):
    # SPEC section 14 #1 and #2: the defaults mirror the docs; a scenario may switch them
    scenario = dataclasses.replace(
        demo_scenario(), success_style="boolean", start_time_format="example"
    )
    sim = await make_sim(scenario)
    token = await login(http, sim.url)
    sid = await drive(sim, http, token, "TALK")
    assert await op(sim, http, token, "tag.call", sid, tag_id=772) == {"success": True}
    row = (await call_ok(http, sim.url, "list.calls", {"access_token": token}))[0]
    assert row["start_time"] == "2026-11-30T12:00:00.000"


async def test_the_spec_examples_work_verbatim_in_order(sim, http, token):
    """Every call method's example request, ids and all, on a fresh demo simulator."""

    async def ex(method: str) -> Any:
        data = await call_ok(http, sim.url, method, example(method, token))
        if method == "list.talk_options":  # rows differ in shape (button_value may be null)
            assert all(row in data for row in example_data(method))
        else:
            assert shape(data) == shape(example_data(method)), method
        return data

    assert (await ex("start.employee_call"))["call_session_id"] == 512003771
    sim.clock.advance(10)  # 3 s ring, 4 s ring, then the 36-character tts (3 s): TALK
    assert state(sim, 512003771) == "TALK"
    await ex("list.talk_options")
    for method in ("tag.call", "record.call", "call.talk_option", "send.dtmf"):
        await ex(method)
    assert len(await ex("list.calls")) == 1
    await ex("add.coach")
    sim.clock.advance(3)  # the coach answers: back to TALK
    await ex("hold.call")
    await ex("unhold.call")
    await ex("hold.call")
    await ex("make.call")
    sim.clock.advance(6.1)  # (C) answers after 3 s and hears the 37-character to_message
    assert state(sim, 512003771) == "OPERATOR_TALK"
    await ex("restore.talk")
    await ex("hold.call")
    await ex("make.call")
    await ex("transfer.talk")
    for method in ("start.scenario_call", "start.vnumber_call", "start.informer_call"):
        await ex(method)
    await ex("start.simple_call")
    await ex("block.contact")  # last: later calls to the contact would be refused
    await ex("release.call")
    assert state(sim, 512003771) == "(end)"


@pytest.mark.parametrize(
    ("style", "control_flag", "logout_flag"),
    [("examples", "true", True), ("string", "true", "true"), ("boolean", True, True)],
)
async def test_success_style_applies_to_call_control_and_logout(
    make_sim, http, style, control_flag, logout_flag
):
    # SPEC section 14 #1: "examples" mirrors each vendor example (call control: the string "true",
    # logout.user: boolean true); "string" and "boolean" make every success flag alike.
    sim = await make_sim(dataclasses.replace(demo_scenario(), success_style=style))
    token = await login(http, sim.url)
    sid = await drive(sim, http, token, "TALK")
    control = await op(sim, http, token, "release.call", sid)
    assert control == {"success": control_flag}
    assert type(control["success"]) is type(control_flag)
    logout = await call_ok(http, sim.url, "logout.user", {"access_token": token})
    assert logout == {"success": logout_flag}
    assert type(logout["success"]) is type(logout_flag)
