"""Point budgets and metadata.limits (SPEC sections 7, 8; step 10 of 10.1) over real HTTP."""

import dataclasses
from datetime import UTC, datetime
from typing import Any

import httpx

from callpad.clock import ManualClock
from callpad.sim.scenario import Scenario, demo_scenario
from callpad.sim.sim_clock import SimClock
from tests.integration.sim_harness import call_ok, expect_error, login, rpc

CREDS = {"login": "demo", "password": "demo"}


def limited(**changes: Any) -> Scenario:
    return dataclasses.replace(demo_scenario(), **changes)


async def limits_after_login(http: httpx.AsyncClient, url: str) -> dict[str, int]:
    reply = await rpc(http, url, "login.user", CREDS)
    limits: dict[str, int] = reply["result"]["metadata"]["limits"]
    return limits


async def test_every_success_is_charged_and_reported(sim, http):
    first = await limits_after_login(http, sim.url)
    assert first == {
        "day_limit": 10000,
        "day_remaining": 9999,
        "day_reset": first["day_reset"],
        "minute_limit": 100,
        "minute_remaining": 99,
        "minute_reset": 60,
    }
    # 09:00 UTC on the manual clock = 12:00 in Moscow: 12 hours to the day reset.
    assert first["day_reset"] == 12 * 3600
    second = await limits_after_login(http, sim.url)
    assert second["minute_remaining"] == 98
    assert second["day_remaining"] == 9998


async def test_reset_counters_count_down_on_the_sim_clock(sim, http):
    sim.clock.advance(15)
    limits = await limits_after_login(http, sim.url)
    assert limits["minute_reset"] == 45
    assert limits["day_reset"] == 12 * 3600 - 15


async def test_minute_budget_refuses_then_resets_at_the_next_minute(make_sim, http):
    sim = await make_sim(limited(minute_limit=3))
    for _ in range(3):
        await call_ok(http, sim.url, "login.user", CREDS)
    err = await expect_error(http, sim.url, "login.user", CREDS, "limit_exceeded", code=-32029)
    assert err["message"] == (
        "Limit per minute has been exceeded. Value of current limit per minute is 3"
    )
    assert err["data"]["params"] == {"limit_type": "minute", "limit_max_value": 3}
    assert err["data"]["metadata"]["limits"]["minute_remaining"] == 0
    sim.clock.advance(59)
    await expect_error(http, sim.url, "login.user", CREDS, "limit_exceeded")
    sim.clock.advance(1)
    limits = await limits_after_login(http, sim.url)
    assert limits["minute_remaining"] == 2
    assert limits["day_remaining"] == 10000 - 4


async def test_day_budget_resets_at_midnight_in_moscow(make_sim, http):
    # 20:59:00 UTC is 23:59:00 in Moscow.
    clock = SimClock(ManualClock(start_wall=datetime(2026, 11, 30, 20, 59, tzinfo=UTC)))
    sim = await make_sim(limited(day_limit=2), clock=clock)
    assert (await limits_after_login(http, sim.url))["day_reset"] == 60
    await call_ok(http, sim.url, "login.user", CREDS)
    err = await expect_error(http, sim.url, "login.user", CREDS, "limit_exceeded")
    assert err["message"] == "Limit per day has been exceeded. Value of current limit per day is 2"
    assert err["data"]["params"] == {"limit_type": "day", "limit_max_value": 2}
    sim.clock.advance(60)
    limits = await limits_after_login(http, sim.url)
    assert limits["day_remaining"] == 1
    assert limits["day_reset"] == 24 * 3600


async def test_errors_are_never_charged(sim, http, token):
    for _ in range(3):
        await expect_error(http, sim.url, "login.user", {**CREDS, "password": "x"}, "auth_error")
        await expect_error(
            http, sim.url, "tag.call", {"access_token": token, "x": 1}, "unexpected_parameters"
        )
    # Only the fixture's login was charged.
    assert (await limits_after_login(http, sim.url))["minute_remaining"] == 98


async def test_method_weights_come_from_the_scenario(make_sim, http):
    sim = await make_sim(limited(minute_limit=7, weights={"login.user": 5}))
    limits = await limits_after_login(http, sim.url)
    assert limits["minute_remaining"] == 2
    assert limits["day_remaining"] == 10000 - 5
    # The remaining 2 points cannot pay for 5.
    await expect_error(http, sim.url, "login.user", CREDS, "limit_exceeded")
    # A cheaper method still passes.
    key = sim.controller.scenario()["keys"][0]["key"]
    await call_ok(http, sim.url, "logout.user", {"access_token": key})


async def test_limit_is_checked_after_the_account_rules_and_before_the_params(make_sim, http):
    sim = await make_sim(limited(minute_limit=1))
    token = await login(http, sim.url)
    await expect_error(http, sim.url, "tag.call", {"access_token": token, "x": 1}, "limit_exceeded")
    await expect_error(http, sim.url, "login.user", {**CREDS, "password": "x"}, "auth_error")


async def test_budget_belongs_to_the_account_not_the_user(make_sim, http):
    sim = await make_sim(limited(minute_limit=2))
    await call_ok(http, sim.url, "login.user", CREDS)
    await call_ok(http, sim.url, "login.user", {"login": "anna", "password": "anna"})
    await expect_error(http, sim.url, "login.user", CREDS, "limit_exceeded")


async def test_errors_after_authentication_carry_the_current_limits(sim, http, token):
    err = await expect_error(
        http, sim.url, "tag.call", {"access_token": token, "x": 1}, "unexpected_parameters"
    )
    assert err["data"]["metadata"] == {
        "limits": {
            "day_limit": 10000,
            "day_remaining": 9999,
            "day_reset": 12 * 3600,
            "minute_limit": 100,
            "minute_remaining": 99,
            "minute_reset": 60,
        }
    }


async def test_state_shows_the_counters(sim, http, token):
    state = (await http.get(sim.base_url + "/_sim/state")).json()
    assert state["limits"]["minute_used"] == 1
    assert state["limits"]["day_used"] == 1
    assert state["limits"]["day"] == "2026-11-30"
