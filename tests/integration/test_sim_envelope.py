"""Envelope rules, the HTTP side and the generic checks of SPEC section 10.1, over real HTTP."""

import asyncio
import json
from typing import Any

import httpx
import pytest

from tests.integration.sim_harness import (
    check_error,
    expect_error,
    login,
    post,
    rpc,
)


async def raw(
    http: httpx.AsyncClient, url: str, body: bytes, content_type: str | None = None
) -> dict[str, Any]:
    headers = {"content-type": content_type} if content_type else {}
    r = await http.post(url, content=body, headers=headers)
    assert r.status_code == 200, r.text
    reply: dict[str, Any] = r.json()
    return reply


async def test_invalid_json_is_parse_error_with_null_id(sim, http):
    reply = await raw(http, sim.url, b'{"jsonrpc": "2.0", "id": 5, "method": ', "application/json")
    err = check_error(reply, "parse_error", code=-32700)
    assert reply["id"] is None
    assert "metadata" not in err["data"]


@pytest.mark.parametrize("body", [b"", b"   ", b"NaN", b'{"a": Infinity}', b"\xef\xbb\xbf{}"])
async def test_other_non_json_bodies_are_parse_errors(sim, http, body):
    check_error(await raw(http, sim.url, body), "parse_error")


async def test_non_utf8_charset_is_character_encoding_not_allowed_with_echoed_id(sim, http):
    body = json.dumps({"jsonrpc": "2.0", "id": "enc-1", "method": "list.calls", "params": {}})
    reply = await raw(http, sim.url, body.encode(), "application/json; charset=windows-1251")
    err = check_error(reply, "character_encoding_not_allowed", code=-32602)
    assert reply["id"] == "enc-1"
    assert "metadata" not in err["data"]


async def test_body_that_is_not_utf8_is_character_encoding_not_allowed(sim, http):
    body = '{"jsonrpc": "2.0", "id": 9, "method": "login.user", "params": {"login": "Пётр"}}'
    reply = await raw(http, sim.url, body.encode("cp1251"), "application/json")
    check_error(reply, "character_encoding_not_allowed", method="login.user")
    assert reply["id"] == 9


@pytest.mark.parametrize(
    "ctype",
    ["application/json; charset=UTF-8", "application/json; charset=utf8", "application/json", None],
)
async def test_utf8_charsets_and_a_missing_charset_are_accepted(sim, http, ctype):
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "login.user",
            "params": {"login": "demo", "password": "demo"},
        }
    )
    reply = await raw(http, sim.url, body.encode(), ctype)
    assert "access_token" in reply["result"]["data"]


@pytest.mark.parametrize(
    "method",
    [
        "start.employee_call",
        "start.scenario_call",
        "start.vnumber_call",
        "start.informer_call",
        "start.simple_call",
        "make.call",
        "hold.call",
    ],
)
async def test_methods_that_document_the_encoding_error_get_it(sim, http, method):
    # The seven methods whose pages list character_encoding_not_allowed (SPEC section 12).
    body = {"jsonrpc": "2.0", "id": 3, "method": method, "params": {"access_token": "x"}}
    reply = await raw(http, sim.url, json.dumps(body).encode(), "application/json; charset=koi8-r")
    check_error(reply, "character_encoding_not_allowed", method=method, code=-32602)
    assert reply["id"] == 3


async def test_encoding_is_checked_before_the_batch_rule(sim, http):
    reply = await raw(http, sim.url, b"[]", "application/json; charset=latin-1")
    check_error(reply, "character_encoding_not_allowed")


async def test_batch_is_refused(sim, http):
    body = [{"jsonrpc": "2.0", "id": 1, "method": "login.user", "params": {}}]
    r = await post(http, sim.url, body)
    reply = r.json()
    err = check_error(reply, "batch_opreations_not_supported", code=-32099)
    assert reply["id"] is None
    assert "metadata" not in err["data"]


@pytest.mark.parametrize(
    ("body", "echoed"),
    [
        ({"jsonrpc": "1.0", "id": 3, "method": "login.user", "params": {}}, 3),
        ({"id": 3, "method": "login.user", "params": {}}, 3),
        ({"jsonrpc": "2.0", "id": "x", "method": 7, "params": {}}, "x"),
        ({"jsonrpc": "2.0", "id": 4, "method": "login.user"}, 4),
        ({"jsonrpc": "2.0", "id": 4, "method": "login.user", "params": []}, 4),
        ({"jsonrpc": "2.0", "id": True, "method": "login.user", "params": {}}, None),
        ({"jsonrpc": "2.0", "id": None, "method": "login.user", "params": {}}, None),
        ({"jsonrpc": "2.0", "id": {"a": 1}, "method": "login.user", "params": {}}, None),
        ("just a string", None),
        (42, None),
    ],
)
async def test_malformed_request_objects_are_invalid_request(sim, http, body, echoed):
    reply = (await post(http, sim.url, body)).json()
    err = check_error(reply, "invalid_request", code=-32600)
    assert reply["id"] == echoed
    assert "metadata" not in err["data"]


async def test_invalid_request_wins_over_a_missing_id(sim, http):
    reply = (await post(http, sim.url, {"jsonrpc": "2.0", "method": "login.user"})).json()
    check_error(reply, "invalid_request")


async def test_request_without_id_is_a_refused_notification(sim, http):
    body = {"jsonrpc": "2.0", "method": "login.user", "params": {"login": "demo"}}
    reply = (await post(http, sim.url, body)).json()
    err = check_error(reply, "notifications_not_supported", code=-32099)
    assert reply["id"] is None
    assert "metadata" not in err["data"]


async def test_unknown_method_is_method_not_found(sim, http, token):
    err = await expect_error(
        http, sim.url, "start.call", {"access_token": token}, "method_not_found", code=-32601
    )
    assert "metadata" not in err["data"]


async def test_method_not_found_comes_before_authentication(sim, http):
    await expect_error(http, sim.url, "list.everything", {}, "method_not_found")


@pytest.mark.parametrize("rid", ["req-1", 17, 0, -3, 2.5, ""])
async def test_ids_are_echoed_with_their_json_type(sim, http, rid):
    ok = await rpc(http, sim.url, "login.user", {"login": "demo", "password": "demo"}, id=rid)
    assert "result" in ok
    bad = await rpc(http, sim.url, "login.user", {"login": "demo", "password": "x"}, id=rid)
    assert "error" in bad


async def test_errors_travel_with_http_200_and_json(sim, http):
    r = await post(http, sim.url, {"jsonrpc": "2.0", "id": 1, "method": "nope", "params": {}})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("verb", ["GET", "PUT", "DELETE", "PATCH", "HEAD"])
async def test_other_http_verbs_get_405_with_empty_body(sim, http, verb):
    r = await http.request(verb, sim.url)
    assert r.status_code == 405
    assert r.content == b""
    assert r.headers["allow"] == "POST"


@pytest.mark.parametrize("path", ["/v3.0", "/v4.1", "/v4.0/", "/", "/api", "/v4.0/login.user"])
async def test_other_paths_get_404(sim, http, path):
    r = await http.post(sim.base_url + path, json={})
    assert r.status_code == 404
    assert r.content == b""


async def test_query_string_is_ignored(sim, http):
    reply = await rpc(http, sim.url + "?x=1", "login.user", {"login": "demo", "password": "demo"})
    assert "result" in reply


async def test_deprecated_version_path_carries_api_version(make_sim, http):
    server = await make_sim(deprecated_version="3.0")
    old = server.base_url + "/v3.0"
    params = {"login": "demo", "password": "demo"}
    reply = await rpc(http, old, "login.user", params)
    assert reply["result"]["metadata"]["api_version"] == {
        "current_version_depricated": True,
        "current_version": "3.0",
        "latest_version": "4.0",
    }
    token = reply["result"]["data"]["access_token"]
    err = await expect_error(
        http, old, "logout.user", {"access_token": token, "x": 1}, "unexpected_parameters"
    )
    assert err["data"]["metadata"]["api_version"]["current_version"] == "3.0"
    # Before authentication there is no metadata at all, not even api_version.
    err = await expect_error(
        http, old, "logout.user", {"access_token": "nope"}, "access_token_invalid"
    )
    assert "metadata" not in err["data"]
    # The current version never carries api_version.
    current = await rpc(http, server.url, "login.user", params)
    assert "api_version" not in current["result"]["metadata"]
    assert (await http.post(server.base_url + "/v2.0", json={})).status_code == 404


async def test_keep_alive_connection_serves_many_requests(sim, http):
    for i in range(5):
        reply = await rpc(http, sim.url, "login.user", {"login": "demo", "password": "demo"}, id=i)
        assert "result" in reply
    state = (await http.get(sim.base_url + "/_sim/state")).json()
    assert state["tokens"] == 5


async def test_connection_close_header_is_honoured(sim, http):
    body = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "login.user",
        "params": {"login": "demo", "password": "demo"},
    }
    r = await http.post(sim.url, json=body, headers={"connection": "close"})
    assert r.status_code == 200
    assert "result" in r.json()


async def test_oversized_body_gets_413(sim, http):
    r = await http.post(sim.url, content=b" " * (2 << 20))
    assert r.status_code == 413


# -- step 11: the generic parameter checks, driven by methods.json --------------------------


async def test_unexpected_parameter_is_named(sim, http, token):
    err = await expect_error(
        http,
        sim.url,
        "list.calls",
        {"access_token": token, "limit": 5},
        "unexpected_parameters",
        field="limit",
    )
    assert err["data"]["value"] == 5
    assert "limits" in err["data"]["metadata"]


async def test_unexpected_nested_parameter_uses_a_dotted_path(sim, http, token):
    params = {
        "access_token": token,
        "first_call": "employee",
        "virtual_phone_number": "74951112233",
        "contact": "79161234567",
        "employee": {"id": 3141, "phone": "0107"},
    }
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        params,
        "unexpected_parameters",
        field="employee.phone",
    )


async def test_unexpected_wins_over_missing_and_wrong_type(sim, http, token):
    params = {"access_token": token, "call_session_id": "x", "zzz": 1}
    await expect_error(http, sim.url, "tag.call", params, "unexpected_parameters", field="zzz")


async def test_missing_required_parameter(sim, http, token):
    err = await expect_error(
        http,
        sim.url,
        "tag.call",
        {"access_token": token, "call_session_id": 5},
        "required_parameter_missed",
        field="tag_id",
    )
    assert "value" not in err["data"]
    assert "limits" in err["data"]["metadata"]


async def test_missing_required_nested_parameter(sim, http, token):
    params = {
        "access_token": token,
        "first_call": "employee",
        "virtual_phone_number": "74951112233",
        "contact": "79161234567",
        "employee": {"phone_number": "0107"},
    }
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        params,
        "required_parameter_missed",
        field="employee.id",
    )


async def test_missing_wins_over_wrong_type(sim, http, token):
    params = {"access_token": token, "call_session_id": "5"}
    await expect_error(
        http, sim.url, "tag.call", params, "required_parameter_missed", field="tag_id"
    )


@pytest.mark.parametrize(
    ("params", "field", "value"),
    [
        ({"call_session_id": "512", "tag_id": 1}, "call_session_id", "512"),
        ({"call_session_id": 5.5, "tag_id": 1}, "call_session_id", 5.5),
        ({"call_session_id": True, "tag_id": 1}, "call_session_id", True),
        ({"call_session_id": None, "tag_id": 1}, "call_session_id", None),
        ({"call_session_id": 5, "tag_id": [1]}, "tag_id", [1]),
    ],
)
async def test_wrong_json_type_is_data_type_error(sim, http, token, params, field, value):
    err = await expect_error(
        http, sim.url, "tag.call", {"access_token": token, **params}, "data_type_error", field=field
    )
    assert err["data"]["value"] == value


async def test_nested_wrong_type_and_object_type(sim, http, token):
    base = {
        "access_token": token,
        "first_call": "employee",
        "virtual_phone_number": "74951112233",
        "contact": "79161234567",
    }
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        {**base, "employee": {"id": "3141"}},
        "data_type_error",
        field="employee.id",
    )
    await expect_error(
        http,
        sim.url,
        "start.employee_call",
        {**base, "employee": 3141},
        "data_type_error",
        field="employee",
    )


async def test_wrong_type_wins_over_bad_value(sim, http, token):
    params = {"access_token": token, "call_session_id": 0, "tag_id": "1"}
    await expect_error(http, sim.url, "tag.call", params, "data_type_error", field="tag_id")


@pytest.mark.parametrize(
    ("method", "params", "field"),
    [
        ("record.call", {"call_session_id": 5, "action": "pause"}, "action"),
        ("tag.call", {"call_session_id": 0, "tag_id": 771}, "call_session_id"),
        ("send.dtmf", {"call_session_id": 5, "dtmf_string": "12"}, "dtmf_string"),
        ("send.dtmf", {"call_session_id": 5, "dtmf_string": "5\n"}, "dtmf_string"),
        ("list.calls", {"virtual_phone_number": "84951112233"}, "virtual_phone_number"),
        ("list.calls", {"direction": "both"}, "direction"),
        ("make.call", {"call_session_id": 5, "to": "+79161234567"}, "to"),
        (
            "hold.call",
            {"call_session_id": 5, "contact_message": {"type": "media", "value": "x1"}},
            "contact_message.value",
        ),
        (
            "hold.call",
            {"call_session_id": 5, "contact_message": {"type": "tts", "value": ""}},
            "contact_message.value",
        ),
        (
            "hold.call",
            {"call_session_id": 5, "contact_message": {"type": "wav", "value": "1"}},
            "contact_message.type",
        ),
    ],
)
async def test_disallowed_values_are_invalid_parameter_value(
    sim, http, token, method, params, field
):
    err = await expect_error(
        http,
        sim.url,
        method,
        {"access_token": token, **params},
        "invalid_parameter_value",
        field=field,
    )
    assert "value" in err["data"]


async def test_range_limits_of_dialing_timeout(sim, http, token):
    base = {
        "access_token": token,
        "virtual_phone_number": "74951112233",
        "contact": "79161234567",
        "contact_message": {"type": "tts", "value": "Здравствуйте"},
    }
    for bad in (0, 121):
        err = await expect_error(
            http,
            sim.url,
            "start.informer_call",
            {**base, "dialing_timeout": bad},
            "invalid_parameter_value",
            field="dialing_timeout",
        )
        assert err["data"]["value"] == bad


async def test_permanent_key_passes_the_same_checks(sim, http):
    key = sim.controller.scenario()["keys"][0]["key"]
    await expect_error(
        http,
        sim.url,
        "list.calls",
        {"access_token": key, "direction": 1},
        "data_type_error",
        field="direction",
    )


async def test_schema_errors_are_not_charged(sim, http):
    token = await login(http, sim.url)
    before = await expect_error(
        http, sim.url, "list.calls", {"access_token": token, "x": 1}, "unexpected_parameters"
    )
    after = await expect_error(
        http, sim.url, "list.calls", {"access_token": token, "x": 1}, "unexpected_parameters"
    )
    limits_before = before["data"]["metadata"]["limits"]
    limits_after = after["data"]["metadata"]["limits"]
    assert limits_after["minute_remaining"] == limits_before["minute_remaining"]
    assert limits_after["day_remaining"] == limits_before["day_remaining"]


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"POST /v4.0 HTTP/1.1\r\nhost: x\r\ncontent-length: nope\r\n\r\n",
        b"POST /v4.0 HTTP/1.1\r\n\r\n",  # HTTP/1.1 without a Host header
    ],
)
async def test_malformed_http_gets_400_and_the_server_goes_on(sim, http, request_bytes):
    reader, writer = await asyncio.open_connection("127.0.0.1", sim.port)
    writer.write(request_bytes)
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 5)
    writer.close()
    await writer.wait_closed()
    assert status_line.startswith(b"HTTP/1.1 400 ")
    assert "result" in await rpc(http, sim.url, "login.user", {"login": "demo", "password": "demo"})
