"""A full session logged at DEBUG never shows a password, a session key or a permanent key.

The secrets are distinctive strings added to the demo scenario, and the session key is read off
the wire, so the check looks for the real values, not for field names.
"""

import logging

import httpx
import pytest

from callpad.api import errors as e
from callpad.api.client import CallApiClient
from callpad.api.models import (
    EmployeeId,
    EmployeeRef,
    FirstCall,
    Message,
    PasswordCredentials,
    PermanentKey,
    TagId,
)
from callpad.api.phone import PhoneNumber
from callpad.sim import scenario as sc
from tests.integration.conftest import SimFactory

PASSWORD = "Pa55-w0rd-Zebra-Quartz"
KEY = "pk-4f7e1c9a2b8d6e0f3a5c7b9d1e2f4a6c"


def _scenario() -> sc.Scenario:
    scenario = sc.demo_scenario()
    scenario.users.append(sc.SimUser("agent.ivanov", PASSWORD, 3141, "74951112233"))
    scenario.keys.append(sc.PermanentKey(KEY, "agent.ivanov"))
    return scenario


async def test_a_full_session_log_holds_no_secrets(
    make_sim: SimFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sim = await make_sim(_scenario())
    tokens: list[str] = []

    async def grab_token(response: httpx.Response) -> None:
        await response.aread()
        data = response.json().get("result", {}).get("data")
        if isinstance(data, dict) and "access_token" in data:
            tokens.append(data["access_token"])

    http = httpx.AsyncClient(event_hooks={"response": [grab_token]})
    credentials = PasswordCredentials("agent.ivanov", PASSWORD)
    async with http, CallApiClient(sim.url, credentials=credentials, http=http) as api:
        started = await api.start_employee_call(
            first_call=FirstCall.EMPLOYEE,
            virtual_phone_number=PhoneNumber.parse("74951112233"),
            contact=PhoneNumber.parse("79161234567"),
            employee=EmployeeRef(EmployeeId(3141)),
            contact_message=Message.tts("Здравствуйте"),
        )
        sim.clock.advance(10)
        await api.list_calls()
        await api.tag_call(call_session_id=started.call_session_id, tag_id=TagId(771))
        with pytest.raises(e.NotFoundError) as failure:
            await api.tag_call(call_session_id=started.call_session_id, tag_id=TagId(9999))
        sim.clock.advance(3601)  # the key expires: a re-login happens and is logged
        await api.list_talk_options()
        await api.release_call(call_session_id=started.call_session_id)
        with pytest.raises(e.AuthError) as wrong:
            await api.login_user(login="agent.ivanov", password=PASSWORD + "x")
        api.use_permanent_key(PermanentKey(KEY))
        await api.list_calls()

    assert len(tokens) >= 2
    assert "login.user" in caplog.text
    assert "list.calls" in caplog.text
    assert "***" in caplog.text  # the redacted members were logged, masked
    secrets = [PASSWORD, KEY, *tokens]
    texts = [caplog.text, str(failure.value), str(wrong.value), repr(credentials)]
    texts += [str(r.args) for r in caplog.records]
    for text in texts:
        for secret in secrets:
            assert secret not in text
