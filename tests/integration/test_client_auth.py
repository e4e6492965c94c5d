"""Authentication against the simulator: session keys on its clock, re-login, permanent keys."""

import asyncio
from collections.abc import Awaitable
from datetime import timedelta
from typing import Any

import pytest

from callpad.api import errors as e
from callpad.api.caller import ClientState
from callpad.api.client import CallApiClient
from callpad.api.models import PasswordCredentials, PermanentKey, SimpleFirstCall
from callpad.api.phone import PhoneNumber
from callpad.sim.server import SimServer
from tests.instant_clock import InstantClock

DEMO = PasswordCredentials("demo", "demo")


def _log(sim: SimServer) -> list[tuple[str, str]]:
    return [
        (r["method"], r["error"]["mnemonic"] if r["error"] else r["outcome"])
        for r in sim.controller.requests()
    ]


def _start(api: CallApiClient) -> Awaitable[Any]:
    return api.start_simple_call(
        first_call=SimpleFirstCall.OPERATOR,
        virtual_phone_number=PhoneNumber.parse("74951112233"),
        contact=PhoneNumber.parse("79161234567"),
        operator=PhoneNumber.parse("79035550101"),
    )


async def test_session_key_is_renewed_shortly_before_expiry(sim: SimServer) -> None:
    async with CallApiClient(
        sim.url, credentials=DEMO, clock=sim.clock, renew_margin=timedelta(seconds=60)
    ) as api:
        await api.list_calls()
        first_expiry = api.token_expires_at
        sim.clock.advance(3600 - 100)
        await api.list_calls()  # 100 s before expiry: outside the margin, no renewal
        assert api.token_expires_at == first_expiry
        sim.clock.advance(50)  # 50 s before expiry: inside the margin
        await api.list_calls()
        assert api.token_expires_at is not None
        assert first_expiry is not None
        assert api.token_expires_at - first_expiry == timedelta(seconds=3550)
    assert _log(sim) == [
        ("login.user", "ok"),
        ("list.calls", "ok"),
        ("list.calls", "ok"),
        ("login.user", "ok"),
        ("list.calls", "ok"),
        ("logout.user", "ok"),
    ]


async def test_renewal_happens_once_for_concurrent_requests(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=sim.clock) as api:
        await api.list_calls()
        sim.clock.advance(3600)
        sim.controller.clear_requests()
        await asyncio.gather(*(api.list_calls() for _ in range(5)))
        assert [m for m, _ in _log(sim)].count("login.user") == 1
        assert [m for m, _ in _log(sim)].count("list.calls") == 5


async def test_expired_session_key_is_replaced_once_and_the_request_resent(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=InstantClock()) as api:
        await api.list_calls()
        sim.clock.advance(3601)  # the simulator's clock only: the client does not see it coming
        sim.controller.clear_requests()
        await api.list_calls()
        assert _log(sim) == [
            ("list.calls", "access_token_invalid"),
            ("login.user", "ok"),
            ("list.calls", "ok"),
        ]


async def test_a_start_rejected_for_its_key_is_resent_and_creates_one_call(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=InstantClock()) as api:
        await api.list_calls()
        sim.clock.advance(3601)
        sim.controller.clear_requests()
        started = await _start(api)
        assert _log(sim) == [
            ("start.simple_call", "access_token_invalid"),
            ("login.user", "ok"),
            ("start.simple_call", "ok"),
        ]
        sessions = sim.controller.state()["sessions"]
        assert [s["call_session_id"] for s in sessions] == [started.call_session_id]


async def test_relogin_is_tried_only_once(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=InstantClock()) as api:
        await api.list_calls()
        sim.controller.clear_requests()
        sim.controller.add_fault(
            {
                "mode": "rpc_error",
                "mnemonic": "access_token_invalid",
                "method": "list.calls",
                "count": 5,
            }
        )
        with pytest.raises(e.AuthError) as info:
            await api.list_calls()
        assert info.value.mnemonic == "access_token_invalid"
        assert [m for m, _ in _log(sim)] == ["list.calls", "login.user", "list.calls"]
        assert "Log in again" in info.value.user_message("en")


async def test_wrong_password_is_an_auth_error_and_not_retried(sim: SimServer) -> None:
    async with CallApiClient(sim.url, clock=InstantClock()) as api:
        with pytest.raises(e.AuthError) as info:
            await api.login_user(login="demo", password="wrong")
        assert info.value.mnemonic == "auth_error"
        assert not api.is_authenticated
    assert _log(sim) == [("login.user", "auth_error")]
    assert "login or password is wrong" in info.value.user_message("en").lower()
    assert "Неверный логин или пароль" in info.value.user_message("ru")


async def test_permanent_key_needs_no_login_and_no_logout(sim: SimServer) -> None:
    key = PermanentKey("demo-permanent-key-valid-0001")
    async with CallApiClient(sim.url, credentials=key) as api:
        assert api.is_authenticated
        assert api.token_expires_at is None
        await api.list_calls()
    assert _log(sim) == [("list.calls", "ok")]


@pytest.mark.parametrize(
    ("key", "mnemonic", "words"),
    [
        ("demo-permanent-key-expired-0002", "access_token_expired", "expired"),
        ("demo-permanent-key-blocked-0003", "access_token_blocked", "blocked"),
        ("no-such-key-000000000000000", "access_token_invalid", "session"),
    ],
)
async def test_a_bad_permanent_key_is_reported_not_renewed(
    sim: SimServer, key: str, mnemonic: str, words: str
) -> None:
    async with CallApiClient(sim.url, credentials=PermanentKey(key)) as api:
        with pytest.raises(e.AuthError) as info:
            await api.list_calls()
    assert info.value.mnemonic == mnemonic
    assert words in info.value.user_message("en")
    assert _log(sim) == [("list.calls", mnemonic)]


async def test_use_permanent_key_after_construction(sim: SimServer) -> None:
    async with CallApiClient(sim.url) as api:
        api.use_permanent_key(PermanentKey("demo-permanent-key-until-2099"))
        assert await api.list_talk_options()


async def test_close_logs_out_a_password_session(sim: SimServer) -> None:
    api = CallApiClient(sim.url, credentials=DEMO)
    async with api:
        await api.list_calls()
        assert sim.controller.state()["tokens"] == 1
    assert sim.controller.state()["tokens"] == 0
    assert _log(sim)[-1] == ("logout.user", "ok")
    assert api.state is ClientState.CLOSED


async def test_logout_with_an_already_invalid_key_still_forgets_it(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=InstantClock()) as api:
        await api.list_calls()
        sim.clock.advance(3601)
        await api.logout_user()
        assert not api.is_authenticated
    assert _log(sim)[-1] == ("logout.user", "access_token_invalid")


async def test_logout_of_an_expired_session_does_not_log_in_first(sim: SimServer) -> None:
    async with CallApiClient(sim.url, credentials=DEMO, clock=sim.clock) as api:
        await api.list_calls()
        sim.clock.advance(3700)
        sim.controller.clear_requests()
        await api.logout_user()
    assert _log(sim) == [("logout.user", "access_token_invalid")]


async def test_requests_without_credentials_are_refused_locally(sim: SimServer) -> None:
    async with CallApiClient(sim.url) as api:
        with pytest.raises(e.ClientStateError) as info:
            await api.list_calls()
    assert info.value.reason == "not_logged_in"
    assert "not logged in" in info.value.user_message("en")
    assert sim.controller.requests() == []


async def test_a_closed_client_refuses_requests_and_reopening(sim: SimServer) -> None:
    api = CallApiClient(sim.url, credentials=DEMO)
    async with api:
        pass
    with pytest.raises(e.ClientStateError) as info:
        await api.list_calls()
    assert info.value.reason == "closed"
    with pytest.raises(e.ClientStateError):
        async with api:
            pass
    await api.aclose()  # idempotent
    assert sim.controller.requests() == []
