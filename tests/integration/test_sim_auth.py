"""Authentication and account rules (SPEC sections 3, 4, 9; steps 6-9 of 10.1) over real HTTP."""

import dataclasses
import socket
from datetime import UTC, datetime

import pytest

from callpad.clock import ManualClock
from callpad.sim.scenario import PermanentKey, demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from tests.integration.sim_harness import call_ok, check_error, expect_error, login

START = datetime(2026, 11, 30, 9, 0, 0, tzinfo=UTC)


def keys_of(sim: SimServer) -> dict[str, str]:
    """Permanent keys of the scenario by kind: valid, expired, blocked."""
    out: dict[str, str] = {}
    for key in sim.controller.scenario()["keys"]:
        if key["blocked"]:
            out.setdefault("blocked", key["key"])
        elif key["expires_at"] is None:
            out.setdefault("valid", key["key"])
        elif datetime.fromisoformat(key["expires_at"]) < START:
            out.setdefault("expired", key["key"])
    return out


async def test_login_returns_a_token_valid_for_one_hour_of_sim_time(make_sim, http):
    sim = await make_sim(clock=SimClock(ManualClock(start_wall=START)))
    data = await call_ok(http, sim.url, "login.user", {"login": "demo", "password": "demo"})
    assert isinstance(data["access_token"], str)
    assert len(data["access_token"]) >= 32
    assert data["expire_at"] == int(START.timestamp()) + 3600
    assert isinstance(data["expire_at"], int)


async def test_each_login_gets_a_new_random_token(sim, http):
    assert await login(http, sim.url) != await login(http, sim.url)


async def test_session_token_expires_on_the_sim_clock_as_access_token_invalid(sim, http, token):
    sim.clock.advance(3599)
    # Still valid: the request gets past authentication to the parameter checks.
    await expect_error(
        http, sim.url, "tag.call", {"access_token": token, "x": 1}, "unexpected_parameters"
    )
    sim.clock.advance(1)
    err = await expect_error(
        http, sim.url, "list.calls", {"access_token": token}, "access_token_invalid", code=-32001
    )
    assert err["message"] == "Access token is invalid"
    assert "metadata" not in err["data"]


async def test_token_lifetime_comes_from_the_scenario(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), token_lifetime_s=60))
    data = await call_ok(http, sim.url, "login.user", {"login": "demo", "password": "demo"})
    sim.clock.advance(60)
    await expect_error(
        http, sim.url, "logout.user", {"access_token": data["access_token"]}, "access_token_invalid"
    )


async def test_logout_returns_boolean_true_and_kills_the_token(sim, http, token):
    data = await call_ok(http, sim.url, "logout.user", {"access_token": token})
    assert data == {"success": True}
    assert data["success"] is True
    await expect_error(
        http, sim.url, "logout.user", {"access_token": token}, "access_token_invalid"
    )


async def test_logout_with_a_permanent_key_does_not_revoke_it(sim, http):
    key = keys_of(sim)["valid"]
    assert await call_ok(http, sim.url, "logout.user", {"access_token": key}) == {"success": True}
    assert await call_ok(http, sim.url, "logout.user", {"access_token": key}) == {"success": True}


async def test_unknown_token_is_access_token_invalid(sim, http):
    await expect_error(
        http, sim.url, "list.calls", {"access_token": "no-such-token"}, "access_token_invalid"
    )


@pytest.mark.parametrize(
    ("key", "mnemonic", "message"),
    [
        ("expired", "access_token_expired", "Access token has been expired"),
        ("blocked", "access_token_blocked", "Access token has been blocked"),
    ],
)
async def test_unusable_permanent_key_is_refused(sim, http, key, mnemonic, message):
    err = await expect_error(
        http, sim.url, "list.calls", {"access_token": keys_of(sim)[key]}, mnemonic, code=-32001
    )
    assert err["message"] == message
    assert "metadata" not in err["data"]


async def test_permanent_key_with_a_date_expires_on_the_sim_clock(make_sim, http):
    until = datetime(2026, 11, 30, 10, 0, 0, tzinfo=UTC)
    scenario = demo_scenario()
    scenario = dataclasses.replace(scenario, keys=[PermanentKey("k-until-10", "demo", until)])
    sim = await make_sim(scenario, clock=SimClock(ManualClock(start_wall=START)))
    assert await call_ok(http, sim.url, "logout.user", {"access_token": "k-until-10"})
    sim.clock.advance(3600)
    await expect_error(
        http, sim.url, "logout.user", {"access_token": "k-until-10"}, "access_token_expired"
    )


@pytest.mark.parametrize(
    ("params", "mnemonic", "field"),
    [
        ({"password": "demo"}, "required_parameter_missed", "login"),
        ({"login": "demo"}, "required_parameter_missed", "password"),
        ({}, "required_parameter_missed", "login"),
        ({"login": 5, "password": "demo"}, "data_type_error", "login"),
        ({"login": "demo", "password": None}, "data_type_error", "password"),
        ({"login": None}, "data_type_error", "login"),
    ],
)
async def test_login_checks_its_own_params_before_the_credentials(
    sim, http, params, mnemonic, field
):
    err = await expect_error(http, sim.url, "login.user", params, mnemonic, field=field)
    assert "metadata" not in err["data"]


@pytest.mark.parametrize(
    "params",
    [
        {"login": "demo", "password": "wrong"},
        {"login": "nobody", "password": "demo"},
        {"login": "DEMO", "password": "demo"},
    ],
)
async def test_wrong_credentials_are_auth_error(sim, http, params):
    err = await expect_error(http, sim.url, "login.user", params, "auth_error", code=-32001)
    assert err["message"] == "Login or password is wrong"
    assert "metadata" not in err["data"]
    assert err["data"]["params"] == {}
    assert "field" not in err["data"]


async def test_login_with_an_extra_parameter_is_unexpected_after_authentication(sim, http):
    params = {"login": "demo", "password": "demo", "remember": True}
    err = await expect_error(
        http, sim.url, "login.user", params, "unexpected_parameters", field="remember"
    )
    assert "limits" in err["data"]["metadata"]


@pytest.mark.parametrize(
    ("params", "mnemonic"),
    [({}, "required_parameter_missed"), ({"access_token": 12345}, "data_type_error")],
)
async def test_access_token_shape_is_checked_first(sim, http, params, mnemonic):
    err = await expect_error(
        http, sim.url, "tag.call", params, mnemonic, field="access_token", code=-32602
    )
    assert "metadata" not in err["data"]


async def test_access_token_missing_wins_over_other_parameter_errors(sim, http):
    await expect_error(
        http, sim.url, "tag.call", {"zzz": 1}, "required_parameter_missed", field="access_token"
    )


# -- step 6: the IP whitelist -------------------------------------------------------------


async def test_ip_not_in_whitelist_is_refused_and_named(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), ip_whitelist=["10.0.0.0/8"]))
    err = await expect_error(
        http,
        sim.url,
        "login.user",
        {"login": "demo", "password": "demo"},
        "ip_not_whitelisted",
        code=-32003,
    )
    assert err["message"] == "Your IP 127.0.0.1 is not whitelisted"
    assert err["data"]["params"] == {"ip": "127.0.0.1"}
    assert "metadata" not in err["data"]


async def test_empty_whitelist_refuses_everyone_even_with_bad_params(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), ip_whitelist=[]))
    await expect_error(http, sim.url, "list.calls", {}, "ip_not_whitelisted")
    await expect_error(http, sim.url, "no.such", {}, "ip_not_whitelisted")


async def test_whitelist_is_checked_after_the_envelope(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), ip_whitelist=[]))
    r = await http.post(sim.url, json={"jsonrpc": "2.0", "method": "login.user", "params": {}})
    check_error(r.json(), "notifications_not_supported")


async def test_whitelist_accepts_exact_addresses(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), ip_whitelist=["127.0.0.1"]))
    await call_ok(http, sim.url, "login.user", {"login": "demo", "password": "demo"})


# -- step 9: account, user right, component ---------------------------------------------


async def test_user_without_api_right_is_forbidden_even_at_login(sim, http):
    err = await expect_error(
        http, sim.url, "login.user", {"login": "noapi", "password": "noapi"}, "forbidden"
    )
    assert err["code"] == -32003
    assert err["message"] == "Permission denied"
    assert "limits" in err["data"]["metadata"]


async def test_user_whose_right_was_withdrawn_is_forbidden_with_a_token(make_sim, http):
    scenario = demo_scenario()
    sim = await make_sim(scenario)
    token = await login(http, sim.url)
    sim.runtime.scenario.users[0].api_access = False
    await expect_error(http, sim.url, "list.calls", {"access_token": token}, "forbidden")


async def test_inactive_account_is_account_inactive(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), account_active=False))
    err = await expect_error(
        http,
        sim.url,
        "login.user",
        {"login": "demo", "password": "demo"},
        "account_inactive",
        code=-32009,
    )
    assert err["message"] == "Your account has been disabled, contact the support service"
    assert "limits" in err["data"]["metadata"]


async def test_account_inactive_comes_after_authentication(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), account_active=False))
    await expect_error(
        http, sim.url, "login.user", {"login": "demo", "password": "x"}, "auth_error"
    )


@pytest.mark.parametrize(
    ("components", "method", "name"),
    [
        ({"basic"}, "list.calls", "Call API Управление вызовами"),
        ({"basic"}, "start.informer_call", "Call API Информационный вызов"),
        ({"basic", "call_management"}, "start.scenario_call", "Call API Вызов сценария"),
        ({"call_management"}, "start.employee_call", "Call API Базовый набор"),
    ],
)
async def test_disabled_component_names_it_in_russian(make_sim, http, components, method, name):
    sim = await make_sim(dataclasses.replace(demo_scenario(), components=components))
    key = keys_of(sim)["valid"]
    err = await expect_error(
        http, sim.url, method, {"access_token": key}, "component_disabled", code=-32008
    )
    assert err["message"] == f"Component {name} has been disabled"
    assert err["data"]["params"] == {"component_name": name}
    assert "limits" in err["data"]["metadata"]


async def test_component_is_checked_before_the_parameters(make_sim, http):
    sim = await make_sim(dataclasses.replace(demo_scenario(), components={"basic"}))
    key = keys_of(sim)["valid"]
    params = {"access_token": key, "bogus": 1}
    await expect_error(http, sim.url, "tag.call", params, "component_disabled")


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback on this machine")
async def test_ipv6_client_is_whitelisted_by_its_own_address(make_sim, http):
    sim = await make_sim(host="::1")
    assert sim.url.startswith("http://[::1]:")
    await call_ok(http, sim.url, "login.user", {"login": "demo", "password": "demo"})
    sim.runtime.scenario.ip_whitelist[:] = ["127.0.0.1"]
    err = await expect_error(
        http, sim.url, "login.user", {"login": "demo", "password": "demo"}, "ip_not_whitelisted"
    )
    assert err["message"] == "Your IP ::1 is not whitelisted"
