"""Fault injection through the control API (`/_sim/faults`), each mode over real HTTP."""

import asyncio
import json
import logging
import time
from typing import Any

import httpx
import pytest

from callpad.sim.server import SimServer
from tests.integration.sim_harness import (
    call_ok,
    check_error,
    control,
    expect_error,
    post,
    rpc,
)

CREDS = {"login": "demo", "password": "demo"}
LOGIN = {"jsonrpc": "2.0", "id": 7, "method": "login.user", "params": CREDS}


async def add_fault(http: httpx.AsyncClient, sim: SimServer, **spec: Any) -> dict[str, Any]:
    fault: dict[str, Any] = (await control(http, sim.base_url, "POST", "faults", spec))["fault"]
    return fault


async def tokens(http: httpx.AsyncClient, sim: SimServer) -> int:
    count: int = (await control(http, sim.base_url, "GET", "state"))["tokens"]
    return count


async def last_request(http: httpx.AsyncClient, sim: SimServer) -> dict[str, Any]:
    entry: dict[str, Any] = (await control(http, sim.base_url, "GET", "requests"))["requests"][-1]
    return entry


async def test_delay_holds_the_reply_then_processes_it(sim, http):
    await add_fault(http, sim, mode="delay", delay_ms=300)
    started = time.perf_counter()
    await call_ok(http, sim.url, "login.user", CREDS)
    assert time.perf_counter() - started >= 0.3
    assert await tokens(http, sim) == 1
    assert (await control(http, sim.base_url, "GET", "faults"))["faults"] == []


async def test_http_500_has_an_html_body_and_is_not_processed(sim, http):
    await add_fault(http, sim, mode="http_500")
    r = await post(http, sim.url, LOGIN)
    assert r.status_code == 500
    assert r.headers["content-type"].startswith("text/html")
    assert "<html>" in r.text
    assert await tokens(http, sim) == 0
    entry = await last_request(http, sim)
    assert entry["outcome"] == "fault"
    assert entry["faults"] == ["http_500"]
    # Only the next request was hit.
    assert (await post(http, sim.url, LOGIN)).status_code == 200


async def test_not_json_processes_the_request_and_garbles_the_body(sim, http):
    await add_fault(http, sim, mode="not_json")
    r = await post(http, sim.url, LOGIN)
    assert r.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        r.json()
    assert await tokens(http, sim) == 1


async def test_reset_before_reply_drops_the_connection_unprocessed(sim, http):
    await add_fault(http, sim, mode="reset_before_reply")
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        await post(http, sim.url, LOGIN)
    assert await tokens(http, sim) == 0
    entry = await last_request(http, sim)
    assert entry["outcome"] == "fault"
    assert entry["method"] == "login.user"
    # The client reconnects and the server goes on.
    await call_ok(http, sim.url, "login.user", CREDS)


async def test_drop_reply_processes_then_closes_without_reply(sim, http):
    await add_fault(http, sim, mode="drop_reply")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        await post(http, sim.url, LOGIN)
    assert await tokens(http, sim) == 1
    entry = await last_request(http, sim)
    assert entry["outcome"] == "ok"
    assert entry["faults"] == ["drop_reply"]
    assert entry["charged"] == 1


@pytest.mark.parametrize(("rid", "wrong"), [(7, 1007), ("abc", "abc-wrong")])
async def test_wrong_id_replies_with_another_id(sim, http, rid, wrong):
    await add_fault(http, sim, mode="wrong_id")
    r = await post(http, sim.url, {**LOGIN, "id": rid})
    reply = r.json()
    assert reply["id"] == wrong
    assert "access_token" in reply["result"]["data"]


async def test_rpc_error_answers_internal_error_after_step_10(sim, http, token):
    await add_fault(http, sim, mode="rpc_error", mnemonic="internal_error", count=2)
    params = {"access_token": token, "call_session_id": 1, "button": "1"}
    err = await expect_error(http, sim.url, "call.talk_option", params, "internal_error")
    assert err["code"] == -32603
    assert err["message"] == "Internal error, contact the support service"
    assert err["data"]["metadata"]["limits"]["minute_remaining"] == 99
    # A request failing before step 10 does not use the fault up.
    await expect_error(http, sim.url, "list.calls", {"access_token": "bad"}, "access_token_invalid")
    await expect_error(http, sim.url, "list.calls", {"access_token": token}, "internal_error")
    assert (await control(http, sim.base_url, "GET", "faults"))["faults"] == []


async def test_rpc_error_produces_the_direction_placeholder(sim, http, token):
    await add_fault(http, sim, mode="rpc_error", mnemonic="call_direction_forbidden")
    params = {"access_token": token, "call_session_id": 1, "to": "4420712345678"}
    err = await expect_error(http, sim.url, "make.call", params, "call_direction_forbidden")
    assert err["code"] == -32002


@pytest.mark.parametrize(
    ("method", "code"), [("start.employee_call", -32002), ("start.scenario_call", -32602)]
)
async def test_rpc_error_takes_the_code_of_the_method(sim, http, token, method, code):
    await add_fault(http, sim, mode="rpc_error", mnemonic="contact_in_blacklist", method=method)
    reply = await rpc(http, sim.url, method, {"access_token": token})
    err = check_error(reply, "contact_in_blacklist", method=method, code=code)
    assert err["data"]["params"] == {"contact": None}


async def test_fault_for_a_method_spares_other_methods(sim, http, token):
    await add_fault(http, sim, mode="http_500", method="logout.user")
    assert (await post(http, sim.url, LOGIN)).status_code == 200
    body = {"jsonrpc": "2.0", "id": 1, "method": "logout.user", "params": {"access_token": token}}
    assert (await post(http, sim.url, body)).status_code == 500
    assert (await post(http, sim.url, body)).status_code == 200


async def test_fault_without_count_limit_lasts_until_deleted(sim, http):
    await add_fault(http, sim, mode="http_500", count=None)
    for _ in range(3):
        assert (await post(http, sim.url, LOGIN)).status_code == 500
    await control(http, sim.base_url, "DELETE", "faults")
    assert (await post(http, sim.url, LOGIN)).status_code == 200


async def test_count_hits_that_many_requests(sim, http):
    await add_fault(http, sim, mode="wrong_id", count=2)
    ids = [(await post(http, sim.url, LOGIN)).json()["id"] for _ in range(3)]
    assert ids == [1007, 1007, 7]


async def test_delay_combines_with_another_mode(sim, http):
    await add_fault(http, sim, mode="delay", delay_ms=100)
    await add_fault(http, sim, mode="wrong_id")
    started = time.perf_counter()
    reply = (await post(http, sim.url, LOGIN)).json()
    assert time.perf_counter() - started >= 0.1
    assert reply["id"] == 1007


async def test_faults_never_touch_the_control_api(sim, http):
    await add_fault(http, sim, mode="http_500", count=None)
    state = await control(http, sim.base_url, "GET", "state")
    assert state["faults"][0]["mode"] == "http_500"


@pytest.mark.parametrize(
    "spec",
    [
        {"mode": "explode"},
        {"mode": "delay"},
        {"mode": "delay", "delay_ms": -1},
        {"mode": "http_500", "delay_ms": 5},
        {"mode": "rpc_error"},
        {"mode": "rpc_error", "mnemonic": "no_such_error"},
        {"mode": "http_500", "method": "no.such"},
        {"mode": "http_500", "count": 0},
        {"mode": "http_500", "count": "2"},
        {"mode": "http_500", "colour": "red"},
        {"mode": "http_500", "params": {}},
        {"mode": "rpc_error", "mnemonic": "forbidden", "params": [1]},
    ],
)
async def test_bad_fault_specs_are_refused_with_400(sim, http, spec):
    r = await http.post(sim.base_url + "/_sim/faults", json=spec)
    assert r.status_code == 400
    assert r.json()["error"]


async def test_a_handler_bug_answers_internal_error_and_is_logged(sim, http, token, caplog):
    def broken(method: str, params: object, user: object) -> object:
        raise RuntimeError("simulated bug in a handler")

    # The only stand-in in these tests: a bug cannot be produced on purpose otherwise.
    sim.runtime.engine.handle = broken
    with caplog.at_level(logging.ERROR, logger="callpad.sim.rpc"):
        err = await expect_error(
            http, sim.url, "list.calls", {"access_token": token}, "internal_error"
        )
    assert err["code"] == -32603
    assert "limits" in err["data"]["metadata"]
    assert "simulated bug" not in str(err)
    [record] = [r for r in caplog.records if r.name == "callpad.sim.rpc"]
    assert "list.calls" in record.getMessage()
    assert record.exc_info is not None
    # The server goes on serving.
    await call_ok(http, sim.url, "logout.user", {"access_token": token})


async def test_stop_ends_idle_and_delayed_connections_promptly(make_sim):
    sim = await make_sim()
    async with httpx.AsyncClient(timeout=30) as idle, httpx.AsyncClient(timeout=30) as busy:
        await call_ok(idle, sim.url, "login.user", CREDS)  # leaves a keep-alive connection
        await call_ok(busy, sim.url, "login.user", CREDS)
        await add_fault(busy, sim, mode="delay", delay_ms=60_000)
        pending = asyncio.ensure_future(post(busy, sim.url, LOGIN))
        while not sim.controller.requests()[-1]["faults"]:  # noqa: ASYNC110 -- no event to await
            await asyncio.sleep(0.01)
        started = time.perf_counter()
        await asyncio.wait_for(sim.stop(), 5)
        assert time.perf_counter() - started < 2
        with pytest.raises(httpx.TransportError):
            await pending
        with pytest.raises(httpx.TransportError):
            await post(idle, sim.url, LOGIN)


async def test_rpc_error_params_fill_the_message_template(sim, http, token):
    params = {"limit_type": "minute", "limit_max_value": 100}
    await add_fault(http, sim, mode="rpc_error", mnemonic="limit_exceeded", params=params)
    err = await expect_error(http, sim.url, "list.calls", {"access_token": token}, "limit_exceeded")
    assert err["message"] == (
        "Limit per minute has been exceeded. Value of current limit per minute is 100"
    )
    assert err["data"]["params"] == params
