"""The client accepts `success` as boolean true and as the string "true" (SPEC section 14 #1).

Proven against the simulator in each `success_style`, for a call-control method and logout.user;
the raw replies are captured on the wire, so each style is known to reach the client.
"""

import dataclasses
import json
from typing import Any

import httpx
import pytest

from callpad.api.client import CallApiClient
from callpad.api.models import EmployeeId, EmployeeRef, FirstCall, PasswordCredentials
from callpad.api.phone import PhoneNumber
from callpad.sim.scenario import demo_scenario
from tests.integration.conftest import SimFactory


@pytest.mark.parametrize(
    ("style", "control_flag", "logout_flag"),
    [("examples", "true", True), ("string", "true", "true"), ("boolean", True, True)],
)
async def test_success_in_each_style(
    make_sim: SimFactory, style: str, control_flag: object, logout_flag: object
) -> None:
    sim = await make_sim(dataclasses.replace(demo_scenario(), success_style=style))
    wire: dict[str, Any] = {}

    async def capture(response: httpx.Response) -> None:
        body = json.loads(await response.aread())
        wire[body["id"]] = body.get("result", {}).get("data")

    credentials = PasswordCredentials("demo", "demo")
    async with (
        httpx.AsyncClient(event_hooks={"response": [capture]}) as http,
        CallApiClient(sim.url, credentials=credentials, http=http) as api,
    ):
        started = await api.start_employee_call(
            first_call=FirstCall.EMPLOYEE,
            virtual_phone_number=PhoneNumber.parse("74951112233"),
            contact=PhoneNumber.parse("79161234567"),
            employee=EmployeeRef(EmployeeId(3141)),
        )
        await api.release_call(call_session_id=started.call_session_id)
        control = list(wire.values())[-1]
        assert control == {"success": control_flag}
        assert type(control["success"]) is type(control_flag)
        assert sim.controller.requests()[-1]["method"] == "release.call"
        await api.logout_user()
        assert not api.is_authenticated
        logout = list(wire.values())[-1]
        assert logout == {"success": logout_flag}
        assert type(logout["success"]) is type(logout_flag)
    assert [(r["method"], r["outcome"]) for r in sim.controller.requests()][-2:] == [
        ("release.call", "ok"),
        ("logout.user", "ok"),
    ]
