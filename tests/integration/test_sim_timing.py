"""Calls that live on the simulator clock: the worked sequences of SPEC section 13.1 (J) and more.

Time moves only through `sim.clock.advance()` (a ManualClock under the SimClock); every request sees
all consequences up to its time.
"""

import httpx
import pytest

from callpad.sim.scenario import scenario_by_name
from callpad.sim.server import SimServer
from tests.integration.sim_flows import (
    CONTACT,
    HOLD_MSG,
    VN,
    drive,
    legs,
    listed,
    live,
    op,
    start,
    state,
)
from tests.integration.sim_harness import call_ok, control, expect_error, login


async def at(
    sim: SimServer, http: httpx.AsyncClient, token: str, sid: int, seconds: float
) -> list[str]:
    """Advance the clock and return what list.calls shows for the session."""
    sim.clock.advance(seconds)
    return await listed(http, sim, token, sid)


async def test_j1_employee_first(sim, http, token):
    sid = await start(sim, http, token)
    assert await listed(http, sim, token, sid) == ["B(0107):Дозвон"]
    assert await at(sim, http, token, sid, 2.9) == ["B(0107):Дозвон"]
    assert await at(sim, http, token, sid, 0.1) == ["B(0107):Разговор", f"A({CONTACT}):Дозвон"]
    assert state(sim, sid) == "SESSION"
    assert await at(sim, http, token, sid, 4) == ["B(0107):Разговор", f"A({CONTACT}):Разговор"]
    assert state(sim, sid) == "TALK"


async def test_j1_employee_message_delays_the_contact(sim, http, token):
    msg = {"type": "tts", "value": "х" * 36}  # 36 characters at 12 per second: 3 s
    sid = await start(sim, http, token, employee_message=msg)
    assert await at(sim, http, token, sid, 5.9) == ["B(0107):Разговор"]
    assert await at(sim, http, token, sid, 0.1) == ["B(0107):Разговор", f"A({CONTACT}):Дозвон"]
    sim.clock.advance(4)
    assert state(sim, sid) == "TALK"


async def test_contact_message_keeps_session_until_it_ends(sim, http, token):
    msg = {"type": "media", "value": "2561"}  # 6 s long
    sid = await start(sim, http, token, contact_message=msg)
    sim.clock.advance(7)
    assert [leg["state"] for leg in live(sim, sid)["legs"]] == ["Разговор", "Разговор"]
    assert state(sim, sid) == "SESSION"
    sim.clock.advance(5.9)
    assert state(sim, sid) == "SESSION"
    sim.clock.advance(0.1)
    assert state(sim, sid) == "TALK"


async def test_switch_at_once_cuts_a_media_message(sim, http, token):
    msg = {"type": "media", "value": "2561"}
    sid = await start(sim, http, token, contact_message=msg, switch_at_once=True)
    sim.clock.advance(7)
    assert state(sim, sid) == "TALK"


async def test_switch_at_once_has_no_effect_with_a_tts_contact_message(sim, http, token):
    msg = {"type": "tts", "value": "х" * 24}  # 2 s
    sid = await start(sim, http, token, contact_message=msg, switch_at_once=True)
    sim.clock.advance(7)
    assert state(sim, sid) == "SESSION"
    sim.clock.advance(2)
    assert state(sim, sid) == "TALK"


async def test_j2_contact_first(sim, http, token):
    sid = await start(sim, http, token, first_call="contact")
    assert await listed(http, sim, token, sid) == [f"A({CONTACT}):Дозвон"]
    assert await at(sim, http, token, sid, 4) == [f"A({CONTACT}):Разговор", "B(0107):Дозвон"]
    assert await at(sim, http, token, sid, 3) == [f"A({CONTACT}):Разговор", "B(0107):Разговор"]
    assert state(sim, sid) == "TALK"


@pytest.mark.parametrize("method", ["start.scenario_call", "start.vnumber_call"])
async def test_j3_scenario_contact_waits_in_the_queue(sim, http, token, method):
    params = {"access_token": token, "virtual_phone_number": VN, "contact": CONTACT}
    params["first_call"] = "contact"
    if method == "start.scenario_call":
        params["scenario_id"] = 501
    sid = (await call_ok(http, sim.url, method, params))["call_session_id"]
    assert await listed(http, sim, token, sid) == [f"A({CONTACT}):Дозвон"]
    assert await at(sim, http, token, sid, 4) == [f"A({CONTACT}):На очереди", "B(0107):Дозвон"]
    assert await at(sim, http, token, sid, 3) == [f"A({CONTACT}):Разговор", "B(0107):Разговор"]
    # the scenario's forwarding shows the caller's number to the employee
    assert legs(sim, sid)["B"]["calling_phone_number"] == CONTACT


async def test_j4_incoming_call_from_the_control_api(sim, http, token):
    body = {"contact": CONTACT, "virtual_phone_number": VN, "employee_id": 3141}
    sid = (await control(http, sim.base_url, "POST", "calls", body))["call_session_id"]
    assert await listed(http, sim, token, sid) == [f"A({VN}):На очереди", "B(0107):Дозвон"]
    row = (await call_ok(http, sim.url, "list.calls", {"access_token": token}))[0]
    assert row["direction"] == "in"
    assert [leg["calling_phone_number"] for leg in row["legs"]] == [CONTACT, CONTACT]
    assert await at(sim, http, token, sid, 3) == [f"A({VN}):Разговор", "B(0107):Разговор"]
    assert state(sim, sid) == "TALK"


async def test_incoming_call_is_routed_by_the_numbers_scenario(sim, http, token):
    sid = sim.controller.create_incoming_call("79161112233", "74951112234")
    assert legs(sim, sid)["B"]["employee_id"] == 3143  # scenario 502 'Поддержка клиентов'


async def test_incoming_call_rejects_unknown_numbers(sim, http):
    r = await http.post(f"{sim.base_url}/_sim/calls", json={"contact": CONTACT, "employee_id": 1})
    assert r.status_code == 400
    r = await http.post(
        f"{sim.base_url}/_sim/calls",
        json={"contact": CONTACT, "virtual_phone_number": "74957770000"},
    )
    assert r.status_code == 400


async def test_j5_each_number_of_the_employee_is_a_new_leg(make_sim, http):
    sim = await make_sim(scenario_by_name("first_number_silent"))
    token = await login(http, sim.url)
    sid = await start(sim, http, token, employee={"id": 3141})
    first = legs(sim, sid)["B"]
    assert (first["leg_id"], first["called_phone_number"]) == (870011234, "0107")
    second_number = "79161110107"
    assert await at(sim, http, token, sid, 30) == [f"B({second_number}):Дозвон"]
    assert legs(sim, sid)["B"]["leg_id"] == 870011235
    base = {"access_token": token, "call_session_id": sid}
    await expect_error(
        http, sim.url, "disconnect.leg", {**base, "leg_id": 870011234}, "leg_not_found"
    )
    assert await at(sim, http, token, sid, 3) == [
        f"B({second_number}):Разговор",
        f"A({CONTACT}):Дозвон",
    ]
    sim.clock.advance(4)
    assert state(sim, sid) == "TALK"


async def test_j5_session_ends_when_the_last_number_fails(make_sim, http):
    sim = await make_sim(scenario_by_name("employee_busy"))
    token = await login(http, sim.url)
    sid = await start(sim, http, token, employee={"id": 3141})
    sim.clock.advance(1)  # busy_delay_s: the first number fails, the second rings
    assert legs(sim, sid)["B"]["called_phone_number"] == "79161110107"
    sim.clock.advance(1)
    assert state(sim, sid) == "(end)"
    assert await call_ok(http, sim.url, "list.calls", {"access_token": token}) == []


async def test_j6_informer_call_ends_after_its_message(sim, http, token):
    params = {
        "access_token": token,
        "virtual_phone_number": VN,
        "contact": CONTACT,
        "contact_message": {"type": "tts", "value": "Ваш заказ готов к выдаче"},  # 2 s
    }
    sid = (await call_ok(http, sim.url, "start.informer_call", params))["call_session_id"]
    assert await at(sim, http, token, sid, 4) == [f"A({CONTACT}):Разговор"]
    base = {"access_token": token, "call_session_id": sid}
    # an informer call never leaves SESSION (SPEC section 15 #27)
    await expect_error(
        http, sim.url, "hold.call", {**base, "contact_message": HOLD_MSG}, "invalid_state"
    )
    assert await at(sim, http, token, sid, 1.9) == [f"A({CONTACT}):Разговор"]
    assert await at(sim, http, token, sid, 0.1) == []
    await expect_error(http, sim.url, "release.call", base, "call_session_not_found")


async def test_informer_call_uses_dialing_timeout(sim, http, token):
    params = {
        "access_token": token,
        "virtual_phone_number": VN,
        "contact": "79035550002",  # never answers
        "dialing_timeout": 40,
        "contact_message": {"type": "media", "value": "4411"},
    }
    sid = (await call_ok(http, sim.url, "start.informer_call", params))["call_session_id"]
    sim.clock.advance(39.9)
    assert state(sim, sid) == "SESSION"
    sim.clock.advance(0.1)
    assert state(sim, sid) == "(end)"


async def test_dtmf_string_is_sent_before_the_contact_message(sim, http, token):
    params = {
        "access_token": token,
        "virtual_phone_number": VN,
        "contact": CONTACT,
        "dtmf_string": ".12",  # 1 s pause + 2 x 0.3 s
        "contact_message": {"type": "tts", "value": "х" * 12},  # 1 s
    }
    sid = (await call_ok(http, sim.url, "start.informer_call", params))["call_session_id"]
    assert await at(sim, http, token, sid, 4) == [f"A({CONTACT}):Отправка dtmf"]
    assert await at(sim, http, token, sid, 1.6) == [f"A({CONTACT}):Разговор"]
    sim.clock.advance(1)
    assert state(sim, sid) == "(end)"


@pytest.mark.parametrize(
    ("contact", "ends_at"),
    [("79035550001", 1.0), ("79035550003", 2.0), ("79035550002", 30.0)],
    ids=["busy", "reject", "no_answer"],
)
async def test_contact_that_does_not_answer_ends_the_session(sim, http, token, contact, ends_at):
    sid = await start(sim, http, token, first_call="contact", contact=contact)
    sim.clock.advance(ends_at - 0.01)
    assert state(sim, sid) == "SESSION"
    sim.clock.advance(0.01)
    assert state(sim, sid) == "(end)"


async def test_busy_callee_scenario(make_sim, http):
    sim = await make_sim(scenario_by_name("busy_callee"))
    token = await login(http, sim.url)
    sid = await start(sim, http, token)
    sim.clock.advance(4)  # the employee answers at 3, the contact is busy 1 s later
    assert state(sim, sid) == "(end)"


# -- control API leg actions ----------------------------------------------------------------


async def test_leg_actions_answer_and_hangup(sim, http, token):
    sid = await start(sim, http, token)
    b = legs(sim, sid)["B"]["leg_id"]
    await control(http, sim.base_url, "POST", f"legs/{b}/answer")
    a = legs(sim, sid)["A"]["leg_id"]
    await control(http, sim.base_url, "POST", f"legs/{a}/answer")
    assert state(sim, sid) == "TALK"
    r = await http.post(f"{sim.base_url}/_sim/legs/{a}/answer")
    assert r.status_code == 409  # already answered
    await control(http, sim.base_url, "POST", f"legs/{a}/hangup")
    assert state(sim, sid) == "(end)"
    r = await http.post(f"{sim.base_url}/_sim/legs/{a}/hangup")
    assert r.status_code == 404


@pytest.mark.parametrize("action", ["reject", "busy", "hangup"])
async def test_leg_actions_fail_a_ringing_leg(sim, http, token, action):
    sid = await drive(sim, http, token, "DIALING")
    c = legs(sim, sid)["C"]["leg_id"]
    await control(http, sim.base_url, "POST", f"legs/{c}/{action}")
    assert state(sim, sid) == "WAITING_INPUT"  # call.failed (C)


async def test_hangup_of_the_operator_during_consultation_transfers(sim, http, token):
    sid = await drive(sim, http, token, "OPERATOR_TALK")
    sim.controller.leg_action(legs(sim, sid)["B"]["leg_id"], "hangup")
    assert state(sim, sid) == "TALK"
    assert legs(sim, sid)["B"]["called_phone_number"] == "0215"


# -- talk options and their effects ---------------------------------------------------------


async def test_record_talk_option_toggles_recording(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="5")
    assert live(sim, sid)["recording"] is True
    await op(sim, http, token, "call.talk_option", sid, button="5")
    assert live(sim, sid)["recording"] is False


async def test_call_coach_option_toggles_the_coach(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="6")
    assert state(sim, sid) == "CALL_COACH"
    assert legs(sim, sid)["coach"]["employee_id"] == 3144
    sim.clock.advance(3)
    assert state(sim, sid) == "TALK"
    await op(sim, http, token, "call.talk_option", sid, button="6")
    assert "coach" not in legs(sim, sid)


async def test_finish_conversation_option_ends_the_call(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="1")
    assert state(sim, sid) == "(end)"


async def test_receive_fax_option_shows_fax_states(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="7")
    assert legs(sim, sid)["A"]["state"] == "Получение факса"
    sim.clock.advance(5)
    assert legs(sim, sid)["A"]["state"] == "Факс получен"


@pytest.mark.parametrize("button", ["4", "8"])
async def test_run_scenario_and_save_numa_keep_talking(sim, http, token, button):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button=button)
    assert state(sim, sid) == "TALK"
    assert len(live(sim, sid)["events"]) == 1


async def test_transfer_call_option_waits_for_a_number_then_returns(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="2")
    assert state(sim, sid) == "WAITING_INPUT"
    sim.clock.advance(29.9)
    assert state(sim, sid) == "WAITING_INPUT"
    sim.clock.advance(0.1)  # ring_timeout_s without make.call or unhold.call
    assert state(sim, sid) == "TALK"


async def test_transfer_call_option_wait_ends_with_make_call(sim, http, token):
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "call.talk_option", sid, button="2")
    await op(sim, http, token, "make.call", sid, to="0215")
    sim.clock.advance(60)
    assert state(sim, sid) == "OPERATOR_TALK"


async def test_plain_hold_has_no_timeout(sim, http, token):
    sid = await drive(sim, http, token, "WAITING_INPUT")
    sim.clock.advance(3600)
    assert state(sim, sid) == "WAITING_INPUT"


async def test_dtmf_fires_talk_options_on_outgoing_calls_after_30_s(sim, http, token):
    sid = await drive(sim, http, token, "TALK")  # direction out
    await op(sim, http, token, "send.dtmf", sid, dtmf_string="3")
    assert live(sim, sid)["tags"] == []  # only sent
    sim.clock.advance(30)
    await op(sim, http, token, "send.dtmf", sid, dtmf_string="3")
    assert live(sim, sid)["tags"] == [{"tag_id": 771, "tag_name": "Горячий клиент"}]


async def test_dtmf_fires_talk_options_on_incoming_calls_at_once(sim, http, token):
    sid = await start(sim, http, token, direction="in")
    sim.clock.advance(7)
    await op(sim, http, token, "send.dtmf", sid, dtmf_string="1")
    assert state(sim, sid) == "(end)"  # finish_conversation


async def test_dtmf_outside_talk_never_fires_an_option(sim, http, token):
    sid = await start(sim, http, token, direction="in")
    sim.clock.advance(3)
    await op(sim, http, token, "send.dtmf", sid, dtmf_string="1")
    assert state(sim, sid) == "SESSION"


async def test_ended_sessions_leave_list_calls(sim, http, token):
    first = await drive(sim, http, token, "TALK")
    second = await start(sim, http, token)
    sim.controller.leg_action(legs(sim, first)["A"]["leg_id"], "hangup")
    rows = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    assert [row["call_session_id"] for row in rows] == [second]


async def test_ended_sessions_can_linger_as_disconnected(make_sim, http):
    scenario = scenario_by_name("demo")
    scenario.timings.ended_linger_s = 5
    sim = await make_sim(scenario)
    token = await login(http, sim.url)
    sid = await drive(sim, http, token, "TALK")
    await op(sim, http, token, "disconnect.leg", sid, leg_id=legs(sim, sid)["B"]["leg_id"])
    assert await listed(http, sim, token, sid) == [
        "?(0107):Разъединено",
        f"?({CONTACT}):Разъединено",
    ]
    await expect_error(
        http,
        sim.url,
        "release.call",
        {"access_token": token, "call_session_id": sid},
        "call_session_not_found",
    )
    assert await at(sim, http, token, sid, 5) == []


async def test_scripted_incoming_calls_arrive_by_themselves(make_sim, http):
    sim = await make_sim(scenario_by_name("live_demo"))
    token = await login(http, sim.url)
    assert await call_ok(http, sim.url, "list.calls", {"access_token": token}) == []
    sim.clock.advance(15)
    rows = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    assert [(r["contact_phone_number"], r["direction"]) for r in rows] == [("79857771122", "in")]
    assert [leg["state"] for leg in rows[0]["legs"]] == ["На очереди", "Дозвон"]
    sim.clock.advance(25)  # 40 s: the support line's call, routed by its number's scenario
    rows = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    support = next(r for r in rows if r["virtual_phone_number"] == "74951112234")
    assert support["legs"][1]["employee_id"] == 3143
    assert support["start_time"] == "2026-11-30 12:00:40"
