"""The JSON-RPC transport on httpx.MockTransport: replies the simulator never sends."""

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from callpad.api import errors as e
from callpad.api.transport import JsonRpcTransport, encode_request
from callpad.clock import ManualClock

URL = "https://callapi.uiscom.ru/v4.0"


Handler = Callable[[httpx.Request], httpx.Response]


def _transport(
    handler: Handler, sink: Callable[[Any], None] | None = None
) -> tuple[JsonRpcTransport, httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return JsonRpcTransport(URL, http=http, clock=ManualClock(), on_metadata=sink), http


def _reply(body: Any, status: int = 200) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        payload = json.loads(request.content)
        content = body(payload) if callable(body) else body
        raw = content if isinstance(content, bytes) else json.dumps(content).encode()
        return httpx.Response(status, content=raw)

    return handler


async def test_request_is_utf8_json_rpc_with_charset():
    seen = []

    def handler(request):
        seen.append(request)
        rid = json.loads(request.content)["id"]
        return httpx.Response(200, json={"jsonrpc": "2.0", "id": rid, "result": {"data": {}}})

    transport, http = _transport(handler)
    async with http:
        reply = await transport.call(
            "hold.call", {"contact_message": {"type": "tts", "value": "Ждите"}}
        )
    assert reply.data == {}
    assert reply.metadata is None
    (request,) = seen
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json; charset=UTF-8"
    body = json.loads(request.content.decode("utf-8"))
    assert body["jsonrpc"] == "2.0"
    assert body["method"] == "hold.call"
    assert "Ждите".encode() in request.content  # not \u-escaped


def test_encode_request_is_compact_and_stable():
    assert encode_request(7, "list.calls", {"a": 1}) == (
        b'{"jsonrpc":"2.0","id":7,"method":"list.calls","params":{"a":1}}'
    )


@pytest.mark.parametrize(
    ("body", "match"),
    [
        (b"<html>oops</html>", "not JSON"),
        (b'{"jsonrpc": "2.0", "id": 1, "res', "not JSON"),
        ([1, 2], "not a JSON-RPC"),
        ({"id": 1, "result": {"data": {}}}, "not a JSON-RPC"),
        (lambda p: {"jsonrpc": "2.0", "id": p["id"] + 1, "result": {"data": {}}}, "does not match"),
        (
            lambda p: {"jsonrpc": "2.0", "id": str(p["id"]), "result": {"data": {}}},
            "does not match",
        ),
        (lambda p: {"jsonrpc": "2.0", "id": True, "result": {"data": {}}}, "does not match"),
        (lambda p: {"jsonrpc": "2.0", "id": p["id"], "result": {}}, "no result.data"),
        (lambda p: {"jsonrpc": "2.0", "id": p["id"], "result": []}, "no result.data"),
        (lambda p: {"jsonrpc": "2.0", "id": p["id"], "error": "bad"}, "not an object"),
        (
            lambda p: {"jsonrpc": "2.0", "id": p["id"], "error": {"code": "x", "message": "m"}},
            "code",
        ),
        (
            lambda p: {
                "jsonrpc": "2.0",
                "id": p["id"],
                "error": {"code": -1, "message": "m", "data": 3},
            },
            "error.data",
        ),
        (
            lambda p: {
                "jsonrpc": "2.0",
                "id": p["id"] + 5,
                "error": {"code": -32602, "message": "m"},
            },
            "error reply for id",
        ),
    ],
)
async def test_malformed_replies_are_protocol_errors(body, match):
    transport, http = _transport(_reply(body))
    async with http:
        with pytest.raises(e.ProtocolError, match=match):
            await transport.call("list.calls", {})


async def test_error_reply_with_null_id_is_still_the_servers_error():
    error = {
        "code": -32602,
        "message": "Data supplied is of wrong type",
        "data": {
            "mnemonic": "data_type_error",
            "field": "contact",
            "value": "номер",
            "params": {"object": None},
            "extended_helper": None,
        },
    }
    transport, http = _transport(_reply({"jsonrpc": "2.0", "id": None, "error": error}))
    async with http:
        with pytest.raises(e.InvalidParamsError) as info:
            await transport.call("start.simple_call", {})
    assert info.value.field == "contact"
    assert info.value.value == "номер"
    assert info.value.metadata is None
    assert "contact" in info.value.user_message("en")


async def test_error_without_data_maps_by_code():
    transport, http = _transport(
        _reply(
            lambda p: {"jsonrpc": "2.0", "id": p["id"], "error": {"code": -32004, "message": "x"}}
        )
    )
    async with http:
        with pytest.raises(e.SequenceError):
            await transport.call("hold.call", {})


async def test_metadata_of_success_and_error_replies_reaches_the_sink():
    limits = {
        "day_limit": 10,
        "day_remaining": 9,
        "day_reset": 5,
        "minute_limit": 3,
        "minute_remaining": 2,
        "minute_reset": 1,
    }
    replies: Any = iter(
        [
            lambda p: {
                "jsonrpc": "2.0",
                "id": p["id"],
                "result": {"data": [], "metadata": {"limits": limits}},
            },
            lambda p: {
                "jsonrpc": "2.0",
                "id": p["id"],
                "error": {
                    "code": -32004,
                    "message": "x",
                    "data": {
                        "mnemonic": "invalid_state",
                        "metadata": {"limits": {**limits, "minute_remaining": 1}},
                    },
                },
            },
        ]
    )
    seen: list[Any] = []

    def answer(payload: Any) -> Any:
        return next(replies)(payload)

    transport, http = _transport(_reply(answer), sink=seen.append)
    async with http:
        await transport.call("list.calls", {})
        with pytest.raises(e.SequenceError) as info:
            await transport.call("hold.call", {})
    assert [m.limits.minute_remaining for m in seen if m.limits] == [2, 1]
    assert info.value.metadata is seen[1]


@pytest.mark.parametrize(
    ("status", "reached"), [(404, False), (405, False), (302, False), (500, True), (502, True)]
)
async def test_http_status_errors_record_whether_the_server_may_have_acted(status, reached):
    transport, http = _transport(_reply(b"", status=status))
    async with http:
        with pytest.raises(e.HttpStatusError) as info:
            await transport.call("start.simple_call", {})
    assert info.value.status == status
    assert info.value.may_have_reached_server is reached


@pytest.mark.parametrize(
    ("exc", "cls", "reached"),
    [
        (httpx.ConnectError("refused"), e.ConnectionFailedError, False),
        (httpx.ConnectTimeout("slow"), e.ConnectionFailedError, False),
        (httpx.PoolTimeout("busy"), e.ConnectionFailedError, False),
        (httpx.ProxyError("proxy"), e.ConnectionFailedError, False),
        (httpx.ReadTimeout("late"), e.RequestTimeoutError, True),
        (httpx.WriteTimeout("half sent"), e.RequestTimeoutError, True),
        (httpx.ReadError("reset"), e.ConnectionLostError, True),
        (httpx.WriteError("broken pipe"), e.ConnectionLostError, True),
        (httpx.RemoteProtocolError("closed"), e.ConnectionLostError, True),
        (httpx.DecodingError("gzip"), e.ProtocolError, True),
    ],
)
async def test_httpx_failures_map_by_whether_anything_was_sent(exc, cls, reached):
    def handler(request):
        raise exc

    transport, http = _transport(handler)
    async with http:
        with pytest.raises(cls) as info:
            await transport.call("start.simple_call", {})
    assert type(info.value) is cls
    assert info.value.may_have_reached_server is reached
    assert info.value.__cause__ is exc
