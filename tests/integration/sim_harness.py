"""Helpers for simulator tests over real HTTP (no pytest here; the fixtures are in conftest.py).

Coverage convention (tests/integration/test_sim_coverage.py reads the test sources):
- a method's happy path is proven by a `call_ok(http, url, "<method>", ...)` call;
- an error by `expect_error(http, url, "<method>", params, "<mnemonic>", ...)`, or by
  `check_error(reply, "<mnemonic>", method="<method>")` for raw requests.
Method and mnemonic must be string literals, module-level string constants, or names bound by a
`@pytest.mark.parametrize` whose values are literals, so that the coverage test can read them.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from callpad.sim.spec import spec

JSON_HEADERS = {"content-type": "application/json; charset=UTF-8"}


def documented_codes(mnemonic: str, method: str | None) -> set[int]:
    """The codes the spec gives this mnemonic: the method's own rows, else the common tables."""
    table = spec()
    if method is not None and method in table["methods"]:
        rows = [e for e in table["methods"][method]["errors"] if e["mnemonic"] == mnemonic]
        if rows:
            return {int(e["code"]) for e in rows}
    common = [
        *table["common_errors"],
        *table["undocumented_errors_simulator_placeholders"],
    ]
    codes = {int(e["code"]) for e in common if e["mnemonic"] == mnemonic}
    if mnemonic == "character_encoding_not_allowed":
        codes.add(-32602)
    return codes


async def post(
    http: httpx.AsyncClient, url: str, body: Any, *, headers: dict[str, str] | None = None
) -> httpx.Response:
    """POST a JSON value (or raw bytes) and return the HTTP response."""
    content = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return await http.post(url, content=content, headers=headers or JSON_HEADERS)


async def rpc(
    http: httpx.AsyncClient, url: str, method: str, params: dict[str, Any], *, id: Any = 1
) -> dict[str, Any]:
    """Send one JSON-RPC request; return the whole reply (asserts HTTP 200 and the echoed id)."""
    r = await post(http, url, {"jsonrpc": "2.0", "id": id, "method": method, "params": params})
    assert r.status_code == 200, f"{method}: HTTP {r.status_code}: {r.text[:200]}"
    reply: dict[str, Any] = r.json()
    assert reply.get("jsonrpc") == "2.0", reply
    assert reply.get("id") == id, reply
    assert type(reply.get("id")) is type(id), reply
    return reply


async def call_ok(
    http: httpx.AsyncClient, url: str, method: str, params: dict[str, Any], *, id: Any = 1
) -> Any:
    """A request that must succeed: returns `result.data` (asserts `result.metadata.limits`)."""
    reply = await rpc(http, url, method, params, id=id)
    assert "result" in reply, f"{method}: expected a result, got {reply}"
    assert "limits" in reply["result"].get("metadata", {}), reply
    return reply["result"]["data"]


def check_error(
    reply: dict[str, Any],
    mnemonic: str,
    *,
    method: str | None = None,
    code: int | None = None,
    field: str | None = None,
) -> dict[str, Any]:
    """Assert that a reply is the documented error `mnemonic`; return the error object."""
    assert "error" in reply, f"{method}: expected {mnemonic}, got {reply}"
    err: dict[str, Any] = reply["error"]
    assert err["data"]["mnemonic"] == mnemonic, f"{method}: expected {mnemonic}, got {err}"
    if code is not None:
        assert err["code"] == code, err
    else:
        assert err["code"] in documented_codes(mnemonic, method), err
    if field is not None:
        assert err["data"].get("field") == field, err
    assert isinstance(err["message"], str)
    assert err["message"], err
    return err


async def expect_error(
    http: httpx.AsyncClient,
    url: str,
    method: str,
    params: dict[str, Any],
    mnemonic: str,
    *,
    code: int | None = None,
    field: str | None = None,
    id: Any = 1,
) -> dict[str, Any]:
    """Send a request that must fail with `mnemonic`; return the error object.

    Without `code`, the code must be one the spec documents for (method, mnemonic).
    """
    reply = await rpc(http, url, method, params, id=id)
    return check_error(reply, mnemonic, method=method, code=code, field=field)


async def login(
    http: httpx.AsyncClient,
    url: str,
    login: str = "demo",
    password: str = "demo",  # noqa: S107 -- demo account
) -> str:
    """A fresh session key."""
    reply = await rpc(http, url, "login.user", {"login": login, "password": password})
    token: str = reply["result"]["data"]["access_token"]
    return token


async def control(
    http: httpx.AsyncClient, base_url: str, verb: str, path: str, body: Any = None
) -> Any:
    """Call the control API (`path` below /_sim/); asserts HTTP 200 and returns the JSON."""
    r = await http.request(verb, f"{base_url}/_sim/{path}", json=body)
    assert r.status_code == 200, f"/_sim/{path}: HTTP {r.status_code}: {r.text[:200]}"
    return r.json()
