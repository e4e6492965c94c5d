"""The `/_sim/` control API and SimController, over real HTTP (faults: test_sim_faults.py)."""

import asyncio

import pytest

from callpad.sim.sim_clock import SimClock
from tests.integration.sim_harness import call_ok, control, expect_error, login, post

CREDS = {"login": "demo", "password": "demo"}


async def test_state_reports_clock_sessions_tokens_limits_and_faults(sim, http, token):
    state = await control(http, sim.base_url, "GET", "state")
    assert state["clock"] == {"now": 1000.0, "wall": "2026-11-30T09:00:00+00:00", "frozen": False}
    assert state["scenario"] == "demo"
    assert state["sessions"] == []
    assert state["tokens"] == 1
    assert state["limits"]["minute_remaining"] == 99
    assert state["faults"] == []


async def test_scenario_endpoint_prints_the_describe_json(sim, http):
    described = await control(http, sim.base_url, "GET", "scenario")
    assert described == sim.controller.scenario()
    assert {"login": "demo", "password": "demo"}.items() <= described["users"][0].items()


async def test_reset_forgets_tokens_and_keeps_the_clock(sim, http, token):
    sim.clock.advance(100)
    state = await control(http, sim.base_url, "POST", "reset")
    assert state["tokens"] == 0
    assert state["clock"]["now"] == 1100.0
    await expect_error(http, sim.url, "list.calls", {"access_token": token}, "access_token_invalid")


async def test_reset_to_another_built_in_scenario(sim, http):
    state = await control(http, sim.base_url, "POST", "reset", {"scenario": "basic_only"})
    assert state["scenario"] == "basic_only"
    token = await login(http, sim.url)
    await expect_error(http, sim.url, "list.calls", {"access_token": token}, "component_disabled")
    r = await http.post(sim.base_url + "/_sim/reset", json={"scenario": "no-such"})
    assert r.status_code == 404
    assert "no-such" in r.json()["error"]


async def test_reset_clears_faults_and_the_request_log(sim, http):
    await control(http, sim.base_url, "POST", "faults", {"mode": "http_500"})
    await post(http, sim.url, {"jsonrpc": "2.0", "id": 1, "method": "x", "params": {}})
    state = await control(http, sim.base_url, "POST", "reset")
    assert state["faults"] == []
    assert (await control(http, sim.base_url, "GET", "requests"))["requests"] == []


async def test_clock_advance_moves_sim_time(sim, http):
    clock = await control(http, sim.base_url, "POST", "clock", {"advance_s": 90.5})
    assert clock["now"] == 1090.5
    assert clock["wall"] == "2026-11-30T09:01:30.500000+00:00"
    assert (await control(http, sim.base_url, "GET", "clock"))["now"] == 1090.5


async def test_freeze_stops_a_real_clock_and_advance_still_moves_it(make_sim, http):
    sim = await make_sim(clock=SimClock())
    frozen = await control(http, sim.base_url, "POST", "clock", {"frozen": True})
    assert frozen["frozen"] is True
    await asyncio.sleep(0.05)
    assert (await control(http, sim.base_url, "GET", "clock"))["now"] == frozen["now"]
    moved = await control(http, sim.base_url, "POST", "clock", {"advance_s": 10})
    assert moved["now"] == pytest.approx(frozen["now"] + 10)
    thawed = await control(http, sim.base_url, "POST", "clock", {"frozen": False})
    assert thawed["frozen"] is False
    assert thawed["now"] == pytest.approx(moved["now"], abs=0.05)
    await asyncio.sleep(0.05)
    assert (await control(http, sim.base_url, "GET", "clock"))["now"] > thawed["now"]


async def test_frozen_clock_stops_token_expiry(make_sim, http):
    sim = await make_sim(clock=SimClock())
    sim.controller.freeze_clock(True)
    token = await login(http, sim.url)
    await asyncio.sleep(0.02)
    sim.controller.advance_clock(3598)  # expire_at is whole seconds: up to 1 s early
    await call_ok(http, sim.url, "logout.user", {"access_token": token})


@pytest.mark.parametrize(
    "body",
    [{}, {"advance_s": -1}, {"advance_s": "5"}, {"frozen": "yes"}, {"advance_s": 1, "x": 2}],
)
async def test_bad_clock_requests_get_400(sim, http, body):
    r = await http.post(sim.base_url + "/_sim/clock", json=body)
    assert r.status_code == 400
    assert r.json()["error"]


async def test_incoming_call_appears_in_list_calls_and_legs_can_be_driven(sim, http, token):
    created = await control(http, sim.base_url, "POST", "calls", {"contact": "79161234567"})
    session_id = created["call_session_id"]
    calls = await call_ok(http, sim.url, "list.calls", {"access_token": token})
    assert [c["call_session_id"] for c in calls] == [session_id]
    ringing = [leg for leg in calls[0]["legs"] if leg["state"] == "Дозвон"]
    assert len(ringing) == 1
    await control(http, sim.base_url, "POST", f"legs/{ringing[0]['leg_id']}/answer")
    state = await control(http, sim.base_url, "GET", "state")
    assert state["sessions"][0]["state"] == "TALK"
    # Answering twice is a conflict with the leg's state.
    r = await http.post(f"{sim.base_url}/_sim/legs/{ringing[0]['leg_id']}/answer")
    assert r.status_code == 409
    await control(http, sim.base_url, "POST", f"legs/{ringing[0]['leg_id']}/hangup")
    assert await call_ok(http, sim.url, "list.calls", {"access_token": token}) == []


async def test_incoming_call_to_a_given_employee(sim, http):
    body = {"contact": "79161234567", "virtual_phone_number": "74951112233", "employee_id": 3141}
    created = await control(http, sim.base_url, "POST", "calls", body)
    state = sim.controller.state()
    assert state["sessions"][0]["call_session_id"] == created["call_session_id"]
    assert any(leg["employee_id"] == 3141 for leg in state["sessions"][0]["legs"])


@pytest.mark.parametrize("action", ["reject", "busy", "hangup"])
async def test_a_ringing_leg_can_fail(sim, http, action):
    sim.controller.create_incoming_call("79161234567", None, 3141)
    ringing = [leg for leg in sim.controller.state()["sessions"][0]["legs"] if not leg["answered"]]
    await control(http, sim.base_url, "POST", f"legs/{ringing[0]['leg_id']}/{action}")
    legs = [leg["leg_id"] for s in sim.controller.state()["sessions"] for leg in s["legs"]]
    assert ringing[0]["leg_id"] not in legs


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 400),
        ({"contact": 79161234567}, 400),
        ({"contact": "79161234567", "virtual_phone_number": "70000000000"}, 400),
        ({"contact": "79161234567", "employee_id": 999999}, 400),
        ({"contact": "79161234567", "employee": 3141}, 400),
    ],
)
async def test_bad_incoming_calls_get_400(sim, http, body, status):
    r = await http.post(sim.base_url + "/_sim/calls", json=body)
    assert r.status_code == status
    assert r.json()["error"]


@pytest.mark.parametrize(
    ("verb", "path", "status"),
    [
        ("POST", "legs/999999/answer", 404),
        ("POST", "legs/abc/answer", 404),
        ("POST", "legs/1/dance", 404),
        ("GET", "legs/1/answer", 405),
        ("POST", "legs/1", 404),
        ("GET", "nothing", 404),
        ("DELETE", "state", 405),
        ("GET", "reset", 405),
        ("PUT", "faults", 405),
    ],
)
async def test_control_errors_use_http_statuses(sim, http, verb, path, status):
    r = await http.request(verb, f"{sim.base_url}/_sim/{path}")
    assert r.status_code == status
    assert r.json()["error"]


async def test_control_body_must_be_a_json_object(sim, http):
    r = await http.post(sim.base_url + "/_sim/reset", content=b"{nope")
    assert r.status_code == 400
    r = await http.post(sim.base_url + "/_sim/reset", json=["demo"])
    assert r.status_code == 400


# -- the request log --------------------------------------------------------------------


async def test_request_log_masks_secrets_and_records_outcomes(sim, http):
    token = await login(http, sim.url)
    await expect_error(
        http, sim.url, "login.user", {"login": "demo", "password": "hunter2"}, "auth_error"
    )
    await call_ok(http, sim.url, "list.calls", {"access_token": token, "direction": "in"})
    params = {"access_token": token, "x": {"password": "deep-secret", "key": "k-1"}}
    await expect_error(http, sim.url, "tag.call", params, "unexpected_parameters")
    log = (await control(http, sim.base_url, "GET", "requests"))["requests"]
    assert [e["seq"] for e in log] == [1, 2, 3, 4]
    assert [e["method"] for e in log] == ["login.user", "login.user", "list.calls", "tag.call"]
    assert log[0]["params"] == {"login": "***", "password": "***"}
    assert log[0]["outcome"] == "ok"
    assert log[0]["charged"] == 1
    assert log[1]["outcome"] == "error"
    assert log[1]["error"] == {"code": -32001, "mnemonic": "auth_error"}
    assert log[1]["charged"] == 0
    assert log[2]["params"] == {"access_token": "***", "direction": "in"}
    assert log[3]["params"] == {"access_token": "***", "x": {"password": "***", "key": "***"}}
    assert log[0]["time"] == "2026-11-30T09:00:00+00:00"
    assert log[0]["id"] == 1
    text = str(log)
    for secret in (token, "hunter2", "deep-secret", "k-1"):
        assert secret not in text


async def test_request_log_keeps_unreadable_requests(sim, http):
    await http.post(sim.url, content=b"{broken")
    entry = (await control(http, sim.base_url, "GET", "requests"))["requests"][-1]
    assert entry["method"] is None
    assert entry["error"]["mnemonic"] == "parse_error"


async def test_request_log_can_be_cleared_and_ignores_control_calls(sim, http):
    await login(http, sim.url)
    await control(http, sim.base_url, "DELETE", "requests")
    await control(http, sim.base_url, "GET", "state")
    assert (await control(http, sim.base_url, "GET", "requests"))["requests"] == []


async def test_controller_gives_the_same_operations_in_process(sim, http):
    token = await login(http, sim.url)
    sim.controller.advance_clock(3600)
    await expect_error(http, sim.url, "list.calls", {"access_token": token}, "access_token_invalid")
    assert sim.controller.requests()[-1]["error"]["mnemonic"] == "access_token_invalid"
    sim.controller.clear_requests()
    assert sim.controller.requests() == []
    fault = sim.controller.add_fault({"mode": "wrong_id", "count": 3})
    assert fault["count"] == 3
    assert sim.controller.faults() == [fault]
    sim.controller.clear_faults()
    assert sim.controller.state()["faults"] == []


async def test_reset_restores_the_scenario_as_given(sim, http):
    sim.runtime.scenario.account_active = False
    await expect_error(http, sim.url, "login.user", CREDS, "account_inactive")
    await control(http, sim.base_url, "POST", "reset")
    await call_ok(http, sim.url, "login.user", CREDS)
