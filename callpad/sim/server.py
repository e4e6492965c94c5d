"""SimServer: the simulator's HTTP/1.1 server (h11 on asyncio streams), for any running loop.

Paths: `/v4.0` (and the scenario's deprecated version, e.g. `/v3.0`) take the Call API, POST only
(else HTTP 405, empty body); `/_sim/...` is the control API (control.py); anything else gets 404.
Keep-alive connections are served until the client closes them or `stop()`; JSON-RPC errors use
HTTP 200 (rpc.py). Injected transport faults (faults.py) are applied here.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import struct
from types import TracebackType
from typing import Any, Final, Self

import h11

from callpad.clock import Clock
from callpad.sim.control import SimController
from callpad.sim.control_http import PREFIX, handle_control
from callpad.sim.faults import TRANSPORT_MODES
from callpad.sim.request_log import LogEntry, mask_secrets
from callpad.sim.rpc import Incoming, RpcDispatcher, read_body, usable_id
from callpad.sim.runtime import SimRuntime
from callpad.sim.scenario import Scenario, demo_scenario
from callpad.sim.sim_clock import SimClock

logger = logging.getLogger(__name__)

MAX_BODY: Final = 1 << 20
_JSON: Final = "application/json; charset=UTF-8"
_HTML_500: Final = (
    b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
    b"<body><h1>500 Internal Server Error</h1><p>nginx</p></body></html>\n"
)


class _BodyTooLargeError(Exception):
    pass


def dump_json(value: Any) -> bytes:
    """UTF-8 JSON, or ASCII escapes if a string cannot be encoded (lone surrogates)."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value).encode("ascii")


def _other_id(rid: Any) -> Any:
    if isinstance(rid, int | float):
        return rid + 1000
    if isinstance(rid, str):
        return rid + "-wrong"
    return "wrong-id"


class SimServer:
    """The simulator on host:port (0 = a free port); an async context manager.

    `clock` may be a SimClock, or any Clock to build one over (default: the real clock).
    `controller` gives in-process access to the control operations.
    """

    def __init__(
        self,
        scenario: Scenario | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Clock | None = None,
        deprecated_version: str | None = None,
    ) -> None:
        self.clock = clock if isinstance(clock, SimClock) else SimClock(clock)
        self.runtime = SimRuntime(
            scenario if scenario is not None else demo_scenario(),
            self.clock,
            deprecated_version=deprecated_version,
        )
        self.controller = SimController(self.runtime)
        self._dispatcher = RpcDispatcher(self.runtime)
        self._host = host
        self._port = port
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._accepting = False

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self._port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}/v4.0"

    async def start(self) -> None:
        self._accepting = True
        self._server = await asyncio.start_server(self._accept, self._host, self._port)
        self._port = self._server.sockets[0].getsockname()[1]
        logger.info("simulator listening on %s", self.url)

    async def stop(self) -> None:
        """Stop listening and end every open connection (also keep-alive ones).

        Idle connections end by EOF; one still busy after a short grace (e.g. waiting out a delay
        fault) is cancelled. Nothing is logged for either: a cancelled connection is not an error.
        """
        self._accepting = False
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in self._connections.values():
            writer.close()  # an idle keep-alive connection reads EOF and ends by itself
        if tasks := list(self._connections):  # also those left by a stop() that was cancelled
            _, busy = await asyncio.wait(tasks, timeout=0.25)
            for task in busy:
                task.cancel()
            await asyncio.gather(*busy, return_exceptions=True)
        if server is not None:
            await server.wait_closed()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- connections ------------------------------------------------------------------------

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """start_server's callback: a plain function, so that the connection task is ours.

        For a coroutine callback, start_server makes the task and adds a done-callback that calls
        `task.exception()`, which raises for a cancelled task (CPython gh-113538, fixed in 3.12.2):
        stopping a busy connection logged "Exception in callback ... CancelledError" at ERROR.
        Owning the task, `_served` reads its outcome safely, whoever cancels it (stop() or the
        loop's shutdown). This must not raise: start_server would leave the transport open.
        """
        if not self._accepting:  # accepted just before stop() closed the listening socket
            writer.close()
            return
        task = asyncio.get_running_loop().create_task(self._serve(reader, writer))
        self._connections[task] = writer
        task.add_done_callback(self._served)

    def _served(self, task: asyncio.Task[None]) -> None:
        writer = self._connections.pop(task, None)
        if writer is not None:
            writer.close()
        if not task.cancelled() and (exc := task.exception()) is not None:
            logger.error("simulator connection failed", exc_info=exc)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = h11.Connection(h11.SERVER)
        try:
            while await self._cycle(conn, reader, writer):
                conn.start_next_cycle()
        except h11.RemoteProtocolError as exc:  # not HTTP/1.1: answer 400 if still possible
            await self._refuse(conn, writer, exc.error_status_hint)
        except _BodyTooLargeError:
            await self._refuse(conn, writer, 413)
        except (ConnectionError, h11.LocalProtocolError):
            pass  # _served closes the writer

    async def _refuse(
        self, conn: h11.Connection, writer: asyncio.StreamWriter, status: int
    ) -> None:
        if conn.our_state in (h11.IDLE, h11.SEND_RESPONSE):
            with contextlib.suppress(ConnectionError, h11.ProtocolError):
                await self._send(conn, writer, status, b"", [("connection", "close")])

    async def _next_event(self, conn: h11.Connection, reader: asyncio.StreamReader) -> Any:
        while (event := conn.next_event()) is h11.NEED_DATA:
            conn.receive_data(await reader.read(65536))
        return event

    async def _cycle(
        self, conn: h11.Connection, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Serve one request; False when the connection must end."""
        request = await self._next_event(conn, reader)
        if not isinstance(request, h11.Request):
            return False
        body = bytearray()
        while isinstance(event := await self._next_event(conn, reader), h11.Data):
            body += event.data
            if len(body) > MAX_BODY:
                raise _BodyTooLargeError
        keep = await self._route(conn, writer, request, bytes(body))
        return keep and conn.our_state is h11.DONE and conn.their_state is h11.DONE

    async def _send(
        self,
        conn: h11.Connection,
        writer: asyncio.StreamWriter,
        status: int,
        body: bytes,
        headers: list[tuple[str, str]],
    ) -> None:
        all_headers = [*headers, ("content-length", str(len(body)))]
        writer.write(conn.send(h11.Response(status_code=status, headers=all_headers)))
        writer.write(conn.send(h11.Data(data=body)) + conn.send(h11.EndOfMessage()))
        await writer.drain()

    async def _route(
        self,
        conn: h11.Connection,
        writer: asyncio.StreamWriter,
        request: h11.Request,
        body: bytes,
    ) -> bool:
        path = request.target.decode("ascii", "replace").split("?", 1)[0]
        verb = request.method.decode("ascii", "replace")
        if path.startswith(PREFIX):
            status, reply = handle_control(self.controller, verb, path, body)
            await self._send(conn, writer, status, dump_json(reply), [("content-type", _JSON)])
            return True
        version = path[2:] if path.startswith("/v") else ""
        if version not in self.runtime.versions():
            await self._send(conn, writer, 404, b"", [])
            return True
        if verb != "POST":
            await self._send(conn, writer, 405, b"", [("allow", "POST")])
            return True
        content_type = next(
            (v.decode("latin-1") for k, v in request.headers if k == b"content-type"), None
        )
        peer = writer.get_extra_info("peername")
        client_ip = str(peer[0]) if peer else ""
        return await self._rpc(conn, writer, body, content_type, client_ip, version, path)

    async def _rpc(
        self,
        conn: h11.Connection,
        writer: asyncio.StreamWriter,
        body: bytes,
        content_type: str | None,
        client_ip: str,
        version: str,
        path: str,
    ) -> bool:
        incoming = read_body(body, content_type)
        entry = self.runtime.log.start(time=self.clock.wall().isoformat(), http_path=path)
        faults = self.runtime.faults.take(incoming.method, TRANSPORT_MODES)
        entry.faults = sorted(faults)
        if "delay" in faults:
            await asyncio.sleep(faults["delay"].delay_ms / 1000)
        if "reset_before_reply" in faults:
            _unprocessed(entry, incoming)
            _reset(writer)
            return False
        if "http_500" in faults:
            _unprocessed(entry, incoming)
            await self._send(conn, writer, 500, _HTML_500, [("content-type", "text/html")])
            return True
        reply = self._dispatcher.respond(
            incoming, client_ip=client_ip, version=version, entry=entry
        )
        logger.debug("%s -> %s", entry.method, entry.error or "ok")
        if "drop_reply" in faults:
            writer.close()
            return False
        if "wrong_id" in faults:
            reply["id"] = _other_id(reply["id"])
        out = dump_json(reply)
        if "not_json" in faults:
            out = out[: max(1, len(out) // 2)]
        await self._send(conn, writer, 200, out, [("content-type", _JSON)])
        return True


def _unprocessed(entry: LogEntry, incoming: Incoming) -> None:
    """Log a request a fault kept from being processed."""
    entry.method, entry.id = incoming.method, usable_id(incoming.obj)
    entry.outcome = "fault"
    if isinstance(incoming.obj, dict):
        entry.params = mask_secrets(incoming.obj.get("params"))


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close the connection with a TCP reset (SO_LINGER 0), not a graceful FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
