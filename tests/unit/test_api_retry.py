"""The per-method retry policy, and the client applying it to failures only a mock can stage.

The simulator cannot refuse a TCP connect after accepting others, or break a write half-way;
httpx.MockTransport can. Every other fault is proven against the simulator in
tests/integration/test_client_never_twice.py.
"""

import json
import random
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import CallSessionId, PermanentKey, SimpleFirstCall
from callpad.api.phone import PhoneNumber
from callpad.api.retry import CALL, POLICIES, READ, SESSION, MethodKind, backoff_delay, may_resend
from callpad.sim.spec import method_names
from tests.instant_clock import InstantClock

URL = "https://callapi.uiscom.ru/v4.0"


def test_every_api_method_has_a_declared_policy():
    assert set(POLICIES) == set(method_names())
    reads = {m for m, p in POLICIES.items() if p.kind is MethodKind.READ}
    assert reads == {"list.calls", "list.talk_options"}
    sessions = {m for m, p in POLICIES.items() if p.kind is MethodKind.SESSION}
    assert sessions == {"login.user", "logout.user"}
    for method, policy in POLICIES.items():
        if method.startswith("start.") or policy.kind is MethodKind.CALL:
            assert not policy.resend_after_send, method
            assert policy.max_limit_wait == 0, method


@pytest.mark.parametrize(
    ("error", "read", "call"),
    [
        (e.ConnectionFailedError("x"), True, True),
        (e.ConnectionLostError("x"), True, False),
        (e.RequestTimeoutError("x"), True, False),
        (e.HttpStatusError("x", status=503), True, False),
        (e.HttpStatusError("x", status=404), False, False),
        (e.ProtocolError("x"), True, False),
        (
            e.ServerError(code=-32603, message="m", mnemonic="internal_error", method="m"),
            True,
            False,
        ),
        (e.InvalidParamsError(code=-32602, message="m", mnemonic="x", method="m"), False, False),
    ],
)
def test_what_may_be_resent(error, read, call):
    assert may_resend(READ, error) is read
    assert may_resend(CALL, error) is call
    assert may_resend(SESSION, error) is read


def test_backoff_is_exponential_with_full_jitter():
    rng = random.Random(1)
    for attempt, ceiling in [(1, 0.2), (2, 0.4), (3, 0.8), (4, 1.6), (5, 2.0), (9, 2.0)]:
        delays = [backoff_delay(READ, attempt, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8
        assert len(set(delays)) > 100


def _client(
    handler: Callable[[httpx.Request], httpx.Response], clock: InstantClock
) -> CallApiClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return CallApiClient(URL, credentials=PermanentKey("k" * 32), http=http, clock=clock)


def _start(api: CallApiClient) -> Coroutine[Any, Any, Any]:
    return api.start_simple_call(
        first_call=SimpleFirstCall.OPERATOR,
        virtual_phone_number=PhoneNumber.parse("74951112233"),
        contact=PhoneNumber.parse("79161234567"),
        operator=PhoneNumber.parse("79035550101"),
    )


@pytest.mark.parametrize(
    "failure", [httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy"), httpx.ConnectError("no")]
)
async def test_a_start_that_failed_before_sending_is_retried(failure):
    sent = []

    def handler(request):
        sent.append(json.loads(request.content))
        if len(sent) == 1:
            raise failure
        return httpx.Response(
            200,
            json={
                "jsonrpc": "2.0",
                "id": sent[-1]["id"],
                "result": {"data": {"call_session_id": 5}},
            },
        )

    clock = InstantClock()
    async with _client(handler, clock) as api:
        started = await _start(api)
    assert started.call_session_id == 5
    assert len(sent) == 2
    assert len(clock.slept) == 1


@pytest.mark.parametrize(
    "failure", [httpx.WriteError("pipe"), httpx.WriteTimeout("half"), httpx.ReadError("rst")]
)
async def test_a_start_that_may_have_been_sent_is_never_resent(failure):
    sent = []

    def handler(request):
        sent.append(request)
        raise failure

    clock = InstantClock()
    async with _client(handler, clock) as api:
        with pytest.raises(e.OutcomeUnknownError) as info:
            await _start(api)
    assert len(sent) == 1
    assert clock.slept == []
    assert info.value.method == "start.simple_call"
    assert isinstance(info.value.cause, e.TransportError)
    assert info.value.cause.may_have_reached_server


async def test_a_start_that_never_connects_gives_up_after_its_attempts():
    sent = []

    def handler(request):
        sent.append(request)
        raise httpx.ConnectError("refused")

    async with _client(handler, InstantClock()) as api:
        with pytest.raises(e.ConnectionFailedError) as info:
            await _start(api)
    assert len(sent) == CALL.attempts
    assert "try again" in info.value.user_message("en")


class Answer:
    """A mock server that answers every request with the same `result.data`, counting them."""

    def __init__(self, data: object) -> None:
        self.data = data
        self.sent: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        rid = json.loads(request.content)["id"]
        body = {"jsonrpc": "2.0", "id": rid, "result": {"data": self.data}}
        return httpx.Response(200, json=body)


async def test_a_start_with_a_malformed_result_is_outcome_unknown_not_resent():
    handler = Answer({"call_session_id": "512003771"})
    async with _client(handler, InstantClock()) as api:
        with pytest.raises(e.OutcomeUnknownError) as info:
            await _start(api)
    assert isinstance(info.value.cause, e.ProtocolError)
    assert len(handler.sent) == 1


async def test_a_read_with_a_malformed_result_is_a_protocol_error_not_resent():
    handler = Answer([{"call_session_id": 1}])
    async with _client(handler, InstantClock()) as api:
        with pytest.raises(e.ProtocolError) as info:
            await api.list_calls()
    assert info.value.__cause__ is None
    assert len(handler.sent) == 1


async def test_a_control_reply_without_success_true_is_outcome_unknown():
    handler = Answer({"success": "false"})
    async with _client(handler, InstantClock()) as api:
        with pytest.raises(e.OutcomeUnknownError):
            await api.release_call(call_session_id=CallSessionId(1))
