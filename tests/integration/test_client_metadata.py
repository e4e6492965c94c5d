"""Reply metadata (limits, api_version) observed through the client."""

import asyncio

import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import CallSessionId, PasswordCredentials, ReplyMetadata
from callpad.sim.server import SimServer
from tests.integration.conftest import SimFactory

DEMO = PasswordCredentials("demo", "demo")


async def _drain() -> None:
    """Listeners are scheduled with call_soon; one turn of the loop delivers them."""
    await asyncio.sleep(0)


async def test_limits_of_every_reply_reach_listeners_and_the_property(sim: SimServer) -> None:
    seen: list[ReplyMetadata] = []
    async with CallApiClient(sim.url, credentials=DEMO, on_metadata=seen.append) as api:
        before = api.metadata
        await api.list_calls()
        await api.list_talk_options()
        await _drain()
        assert before is None
        assert [m.method for m in seen] == ["login.user", "list.calls", "list.talk_options"]
        remaining = [m.limits.minute_remaining for m in seen if m.limits]
        assert remaining == [99, 98, 97]
        latest = api.metadata
        assert latest is seen[-1]
        assert latest.limits is not None
        assert latest.limits.minute_limit == 100
        assert latest.limits.day_limit == 10000
        assert latest.limits.received_at <= latest.limits.minute_reset_at
        assert latest.api_version is None  # v4.0 is current


async def test_error_replies_carry_metadata_too_except_before_authentication(
    sim: SimServer,
) -> None:
    seen: list[ReplyMetadata] = []
    async with CallApiClient(sim.url, credentials=DEMO) as api:
        unsubscribe = api.add_metadata_listener(seen.append)
        with pytest.raises(e.CallSessionNotFoundError) as info:
            await api.release_call(call_session_id=CallSessionId(12345))
        await _drain()
        assert info.value.metadata is not None
        assert seen[-1] is info.value.metadata
        count = len(seen)
        with pytest.raises(e.AuthError):
            await api.login_user(login="demo", password="wrong")
        await _drain()
        assert len(seen) == count  # auth_error replies carry no budget
        unsubscribe()
        unsubscribe()  # harmless twice
        await api.login_user(login="demo", password="demo")
        await _drain()
        assert len(seen) == count


async def test_deprecated_version_is_reported(make_sim: SimFactory) -> None:
    sim = await make_sim(deprecated_version="3.0")
    async with CallApiClient(sim.base_url + "/v3.0", credentials=DEMO) as api:
        await api.list_calls()
        assert api.metadata is not None
        version = api.metadata.api_version
        assert version is not None
        assert version.deprecated
        assert version.current_version == "3.0"
        assert version.latest_version == "4.0"


async def test_a_failing_listener_does_not_fail_the_request(
    sim: SimServer, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(meta: ReplyMetadata) -> None:
        raise RuntimeError("listener bug")

    async with CallApiClient(sim.url, credentials=DEMO, on_metadata=broken) as api:
        assert await api.list_calls() == ()
        await _drain()
    assert "listener bug" in caplog.text
