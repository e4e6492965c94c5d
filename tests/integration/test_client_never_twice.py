"""The duplicate-call proof: a start or control request that may have reached the server is never
resent, while reads are retried. Each fault mode of the simulator is injected, then the simulator's
request log shows how many requests it received.
"""

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import (
    CallSessionId,
    EmployeeId,
    EmployeeRef,
    FirstCall,
    Message,
    PasswordCredentials,
    PermanentKey,
    ScenarioId,
    SimpleFirstCall,
    TagId,
)
from callpad.api.phone import PhoneNumber
from callpad.api.retry import CALL, READ
from callpad.clock import ManualClock
from callpad.sim.scenario import demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from tests.instant_clock import InstantClock

VNUMBER = PhoneNumber.parse("74951112233")
CUSTOMER = PhoneNumber.parse("79161234567")
FAULT_DELAY_MS = 600
CLIENT_TIMEOUT_S = 0.25

Starter = Callable[[CallApiClient], Awaitable[Any]]

START: dict[str, Starter] = {
    "start.employee_call": lambda api: api.start_employee_call(
        first_call=FirstCall.EMPLOYEE,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        employee=EmployeeRef(EmployeeId(3141)),
    ),
    "start.scenario_call": lambda api: api.start_scenario_call(
        first_call=FirstCall.CONTACT,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        scenario_id=ScenarioId(88012),
    ),
    "start.vnumber_call": lambda api: api.start_vnumber_call(
        first_call=FirstCall.EMPLOYEE, virtual_phone_number=VNUMBER, contact=CUSTOMER
    ),
    "start.informer_call": lambda api: api.start_informer_call(
        virtual_phone_number=VNUMBER, contact=CUSTOMER, contact_message=Message.tts("Заказ готов")
    ),
    "start.simple_call": lambda api: api.start_simple_call(
        first_call=SimpleFirstCall.OPERATOR,
        virtual_phone_number=VNUMBER,
        contact=CUSTOMER,
        operator=PhoneNumber.parse("79035550101"),
    ),
}

# mode -> (what the client raises, whether the simulator processed the request)
FAULTS: dict[str, tuple[type[e.CallApiError], type[e.CallApiError] | None, bool]] = {
    "delay": (e.OutcomeUnknownError, e.RequestTimeoutError, True),
    "http_500": (e.OutcomeUnknownError, e.HttpStatusError, False),
    "not_json": (e.OutcomeUnknownError, e.ProtocolError, True),
    "reset_before_reply": (e.OutcomeUnknownError, e.ConnectionLostError, False),
    "drop_reply": (e.OutcomeUnknownError, e.ConnectionLostError, True),
    "wrong_id": (e.OutcomeUnknownError, e.ProtocolError, True),
    "rpc_error": (e.ServerError, None, False),
}


@pytest.fixture
async def api(sim: SimServer) -> AsyncIterator[CallApiClient]:
    client = CallApiClient(
        sim.url,
        credentials=PasswordCredentials("demo", "demo"),
        timeout=httpx.Timeout(CLIENT_TIMEOUT_S * 8, read=CLIENT_TIMEOUT_S),
        clock=InstantClock(),
    )
    async with client:
        await client.list_calls()  # log in first: the fault must hit the method under test
        sim.controller.clear_requests()
        yield client


def _received(sim: SimServer, method: str) -> int:
    return sum(1 for r in sim.controller.requests() if r["method"] == method)


def _sessions(sim: SimServer) -> int:
    state = sim.controller.state()
    return len(state["sessions"]) + len(state["ended"])


def _fault(sim: SimServer, mode: str, method: str, count: int = 1) -> None:
    body: dict[str, Any] = {"mode": mode, "method": method, "count": count}
    if mode == "delay":
        body["delay_ms"] = FAULT_DELAY_MS
    if mode == "rpc_error":
        body["mnemonic"] = "internal_error"
    sim.controller.add_fault(body)


async def _settle() -> None:
    """Let a delayed request finish on the simulator after the client gave up on it."""
    await asyncio.sleep(FAULT_DELAY_MS / 1000 + 0.2)


@pytest.mark.parametrize("mode", list(FAULTS))
@pytest.mark.parametrize("method", list(START))
async def test_start_methods_are_sent_exactly_once_under_every_fault(
    api: CallApiClient, sim: SimServer, method: str, mode: str
) -> None:
    raised, cause, processed = FAULTS[mode]
    _fault(sim, mode, method)
    with pytest.raises(raised) as info:
        await START[method](api)
    if mode == "delay":
        await _settle()
    assert _received(sim, method) == 1
    assert _sessions(sim) == (1 if processed else 0)
    if cause is not None:
        assert isinstance(info.value, e.OutcomeUnknownError)
        assert isinstance(info.value.cause, cause)
        assert "check the call list" in info.value.user_message("en").lower()
        assert "список звонков" in info.value.user_message("ru")
    assert sim.controller.faults() == []


CONTROL: dict[str, Callable[[CallApiClient, CallSessionId], Awaitable[Any]]] = {
    "hold.call": lambda api, sid: api.hold_call(
        call_session_id=sid, contact_message=Message.tts("Минуту")
    ),
    "tag.call": lambda api, sid: api.tag_call(call_session_id=sid, tag_id=TagId(771)),
    "send.dtmf": lambda api, sid: api.send_dtmf(call_session_id=sid, dtmf_string="1"),
    "release.call": lambda api, sid: api.release_call(call_session_id=sid),
    "make.call": lambda api, sid: api.make_call(call_session_id=sid, to=PhoneNumber.parse("0215")),
}


@pytest.mark.parametrize("mode", ["drop_reply", "http_500", "reset_before_reply", "wrong_id"])
@pytest.mark.parametrize("method", list(CONTROL))
async def test_control_methods_are_never_resent(
    api: CallApiClient, sim: SimServer, method: str, mode: str
) -> None:
    started = await START["start.employee_call"](api)
    sim.clock.advance(10)
    if method == "make.call":
        await api.hold_call(
            call_session_id=started.call_session_id, contact_message=Message.tts("x")
        )
    _fault(sim, mode, method)
    with pytest.raises(e.OutcomeUnknownError):
        await CONTROL[method](api, started.call_session_id)
    assert _received(sim, method) == 1


@pytest.mark.parametrize("mode", list(FAULTS))
@pytest.mark.parametrize("method", ["list.calls", "list.talk_options"])
async def test_reads_are_retried_after_every_fault(
    api: CallApiClient, sim: SimServer, method: str, mode: str
) -> None:
    _fault(sim, mode, method)
    read = api.list_calls if method == "list.calls" else api.list_talk_options
    result = await read()
    if mode == "delay":
        await _settle()
    assert isinstance(result, tuple)
    assert _received(sim, method) == 2


async def test_reads_give_up_after_their_attempts(api: CallApiClient, sim: SimServer) -> None:
    _fault(sim, "http_500", "list.calls", count=10)
    with pytest.raises(e.HttpStatusError) as info:
        await api.list_calls()
    assert info.value.status == 500
    assert info.value.__cause__ is None  # the transport's own error, not wrapped
    assert _received(sim, "list.calls") == READ.attempts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


async def test_a_start_that_could_not_connect_is_retried_and_sent_once() -> None:
    """Nothing listens at first; the server comes up during the client's first backoff sleep."""
    port = _free_port()
    server = SimServer(demo_scenario(), port=port, clock=SimClock(ManualClock()))
    started_server: list[bool] = []

    async def start_server_once() -> None:
        if not started_server:
            await server.start()
            started_server.append(True)

    url = f"http://127.0.0.1:{port}/v4.0"
    clock = InstantClock(start_server_once)
    try:
        key = PermanentKey("demo-permanent-key-valid-0001")  # the start is the first request
        async with CallApiClient(url, credentials=key, clock=clock) as api:
            started = await START["start.simple_call"](api)
        assert started.call_session_id > 0
        assert len(clock.slept) == 1
        assert [r["method"] for r in server.controller.requests()] == ["start.simple_call"]
    finally:
        await server.stop()


async def test_a_start_that_never_connects_fails_cleanly() -> None:
    clock = InstantClock()
    url = f"http://127.0.0.1:{_free_port()}/v4.0"
    async with CallApiClient(
        url, credentials=PasswordCredentials("demo", "demo"), clock=clock
    ) as api:
        with pytest.raises(e.ConnectionFailedError) as info:
            await START["start.simple_call"](api)
    assert not info.value.may_have_reached_server
    assert "127.0.0.1" in info.value.user_message("en")
    assert len(clock.slept) == CALL.attempts - 1  # login.user was retried, then gave up
