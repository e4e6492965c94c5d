"""JSON-RPC 2.0 over one keep-alive httpx.AsyncClient: one exchange per call, failures mapped.

This is the only module of callpad that imports httpx. It sends one request, checks the reply's
envelope and id, reads the metadata, and raises the `callpad.api.errors` class for whatever went
wrong. It never resends: the policy for that lives in `retry.py`, applied by the client.

httpx failures are split by whether the request may have reached the server:
ConnectError / ConnectTimeout / PoolTimeout (and proxy or local protocol errors) happen before
anything is sent (`ConnectionFailedError`); ReadTimeout / WriteTimeout (`RequestTimeoutError`) and
ReadError / WriteError / RemoteProtocolError (`ConnectionLostError`) may follow a full or partial
send, so the outcome is open.
"""

from __future__ import annotations

import itertools
import json
import logging
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from callpad.api.errors import (
    ConnectionFailedError,
    ConnectionLostError,
    HttpStatusError,
    ProtocolError,
    RequestTimeoutError,
    TransportError,
    rpc_error_from,
)
from callpad.api.metadata import parse_metadata
from callpad.api.models import ReplyMetadata
from callpad.clock import Clock
from callpad.redaction import redact_params

logger = logging.getLogger(__name__)

HEADERS = {"Content-Type": "application/json; charset=UTF-8", "Accept": "application/json"}
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0, pool=5.0)

MetadataSink = Callable[[ReplyMetadata], None]


@dataclass(frozen=True, slots=True)
class RpcReply:
    """A successful reply: `result.data` (still JSON) and the parsed `result.metadata`."""

    data: Any
    metadata: ReplyMetadata | None


def encode_request(request_id: int, method: str, params: Mapping[str, Any]) -> bytes:
    """The exact bytes posted for one call (also used by the benchmark's raw baseline)."""
    envelope = {"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _map_httpx_error(
    exc: httpx.HTTPError, method: str, host: str
) -> TransportError | ProtocolError:
    name = type(exc).__name__
    text = f"{method}: {name}: {exc}"
    if isinstance(
        exc,
        httpx.ConnectError
        | httpx.ConnectTimeout
        | httpx.PoolTimeout
        | httpx.ProxyError
        | httpx.UnsupportedProtocol
        | httpx.LocalProtocolError,
    ):
        return ConnectionFailedError(text, method=method, host=host)
    if isinstance(exc, httpx.TimeoutException):  # ReadTimeout, WriteTimeout
        return RequestTimeoutError(text, method=method)
    if isinstance(exc, httpx.TransportError):  # ReadError, WriteError, RemoteProtocolError, ...
        return ConnectionLostError(text, method=method)
    return ProtocolError(text, method=method)  # DecodingError, TooManyRedirects, ...


def _redacted(data: Any) -> Any:
    if isinstance(data, Mapping):
        return redact_params(data)
    if isinstance(data, list):
        return [redact_params(item) if isinstance(item, Mapping) else item for item in data]
    return data


class JsonRpcTransport:
    """Posts JSON-RPC requests to one base URL through one shared httpx.AsyncClient."""

    def __init__(
        self,
        url: str,
        *,
        http: httpx.AsyncClient,
        clock: Clock,
        on_metadata: MetadataSink | None = None,
    ) -> None:
        self._url = url
        self._host = httpx.URL(url).host
        self._http = http
        self._clock = clock
        self._on_metadata = on_metadata
        self._ids = itertools.count(1)

    @property
    def url(self) -> str:
        return self._url

    async def call(self, method: str, params: Mapping[str, Any]) -> RpcReply:
        """Send one request and return its successful reply, or raise the mapped error."""
        request_id = next(self._ids)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("-> %s #%d %s", method, request_id, redact_params(params))
        body = encode_request(request_id, method, params)
        try:
            response = await self._http.post(self._url, content=body, headers=HEADERS)
        except httpx.HTTPError as exc:
            error = _map_httpx_error(exc, method, self._host)
            logger.debug("<- %s #%d failed: %s", method, request_id, error.technical)
            raise error from exc
        if response.status_code != httpx.codes.OK:
            raise HttpStatusError(
                f"{method}: HTTP {response.status_code}", method=method, status=response.status_code
            )
        return self._read_reply(method, request_id, response.content)

    def _read_reply(self, method: str, request_id: int, content: bytes) -> RpcReply:
        try:
            reply = json.loads(content)
        except ValueError as exc:
            raise ProtocolError(f"{method}: reply is not JSON", method=method) from exc
        if not isinstance(reply, dict) or reply.get("jsonrpc") != "2.0":
            raise ProtocolError(f"{method}: reply is not a JSON-RPC 2.0 object", method=method)
        reply_id = reply.get("id")
        error = reply.get("error")
        if error is not None:
            # Vendor error examples carry "id": null (SPEC §14 #8): only a different id is wrong.
            if reply_id is not None and not _same_id(reply_id, request_id):
                raise ProtocolError(f"{method}: error reply for id {reply_id!r}", method=method)
            raise self._error(method, request_id, error)
        if not _same_id(reply_id, request_id):
            raise ProtocolError(
                f"{method}: reply id {reply_id!r} does not match request id {request_id}",
                method=method,
            )
        result = reply.get("result")
        if not isinstance(result, dict) or "data" not in result:
            raise ProtocolError(f"{method}: reply has no result.data", method=method)
        metadata = self._publish(result.get("metadata"), method)
        data = result["data"]
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("<- %s #%d %s", method, request_id, _redacted(data))
        return RpcReply(data=data, metadata=metadata)

    def _error(self, method: str, request_id: int, error: Any) -> Exception:
        if not isinstance(error, dict):
            return ProtocolError(f"{method}: error member is not an object", method=method)
        code = error.get("code")
        message = error.get("message")
        data = error.get("data")
        if not isinstance(code, int) or isinstance(code, bool) or not isinstance(message, str):
            return ProtocolError(f"{method}: error object without code/message", method=method)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return ProtocolError(f"{method}: error.data is not an object", method=method)
        mnemonic = data.get("mnemonic")
        field = data.get("field")
        params = data.get("params")
        metadata = self._publish(data.get("metadata"), method)
        exc = rpc_error_from(
            code=code,
            message=message,
            mnemonic=mnemonic if isinstance(mnemonic, str) else None,
            method=method,
            field=field if isinstance(field, str) else None,
            value=data.get("value"),
            params=params if isinstance(params, dict) else None,
            metadata=metadata,
        )
        logger.debug("<- %s #%d error %s", method, request_id, exc.technical)
        return exc

    def _publish(self, raw: Any, method: str) -> ReplyMetadata | None:
        metadata = parse_metadata(raw, method=method, received_at=self._clock.wall())
        if metadata is not None and self._on_metadata is not None:
            self._on_metadata(metadata)
        return metadata


def _same_id(reply_id: Any, request_id: int) -> bool:
    return type(reply_id) is int and reply_id == request_id


def create_http_client(timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> httpx.AsyncClient:
    """The one keep-alive client of a CallApiClient; certificate verification is always on."""
    limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
    return httpx.AsyncClient(
        timeout=timeout,
        verify=True,  # for proxies taken from the environment
        follow_redirects=False,
        transport=_SchemeTransport(limits),
    )


class _SchemeTransport(httpx.AsyncBaseTransport):
    """https:// through a fully verifying transport; http:// (the loopback simulator) without one.

    httpx builds its SSL context, loading the CA bundle (~20 ms), when a transport is made. Plain
    http:// never uses it, so its transport gets a bare context (no CA, so it could verify
    nothing) and the verifying one is made at the first https:// request.
    """

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        self._by_scheme: dict[str, httpx.AsyncHTTPTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        scheme = request.url.scheme
        transport = self._by_scheme.get(scheme)
        if transport is None:
            verify: ssl.SSLContext | bool = True if scheme != "http" else _bare_tls_context()
            transport = httpx.AsyncHTTPTransport(verify=verify, limits=self._limits)
            self._by_scheme[scheme] = transport
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        transports, self._by_scheme = list(self._by_scheme.values()), {}
        for transport in transports:
            await transport.aclose()


def _bare_tls_context() -> ssl.SSLContext:
    """A context that verifies (and trusts no certificate): never used by plain http://."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
