"""SimServer.stop() is quiet: no ERROR/WARNING record, no loop exception, whatever is open.

The app's demo mode stops the simulator at exit and must log nothing above INFO. Before the fix,
stopping a busy connection logged "Exception in callback ... CancelledError" (asyncio's own
start_server done-callback on Python 3.11.7 / 3.12.1, CPython gh-113538).
"""

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from callpad.api.client import CallApiClient
from callpad.api.errors import CallApiError
from callpad.api.models import PasswordCredentials
from callpad.sim.server import SimServer
from tests.integration.conftest import SimFactory
from tests.integration.sim_harness import call_ok, control, post

CREDS = {"login": "demo", "password": "demo"}
LOGIN = {"jsonrpc": "2.0", "id": 7, "method": "login.user", "params": CREDS}


class Quiet:
    """Collects what the loop's exception handler gets and the log records at WARNING or above."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        self.loop_errors: list[dict[str, Any]] = []

    def handler(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self.loop_errors.append(context)

    async def check(self) -> None:
        for _ in range(3):  # let done-callbacks run, and dropped tasks report on collection
            await asyncio.sleep(0.01)
            gc.collect()
        loud = [r for r in self.caplog.records if r.levelno >= logging.WARNING]
        assert loud == [], [r.getMessage() for r in loud]
        messages = [str(c.get("message")) for c in self.loop_errors]
        assert self.loop_errors == [], messages
        assert not any("never retrieved" in m for m in messages)


@pytest.fixture
async def quiet(caplog: pytest.LogCaptureFixture) -> AsyncIterator[Quiet]:
    caplog.set_level(logging.DEBUG)
    loop = asyncio.get_running_loop()
    watcher = Quiet(caplog)
    previous = loop.get_exception_handler()
    loop.set_exception_handler(watcher.handler)
    try:
        yield watcher
    finally:
        loop.set_exception_handler(previous)


def serving(sim: SimServer) -> list[asyncio.Task[Any]]:
    """The server's connection tasks still alive on the loop."""

    def owner(task: asyncio.Task[Any]) -> object:
        frame = getattr(task.get_coro(), "cr_frame", None)
        return None if frame is None else frame.f_locals.get("self")

    return [t for t in asyncio.all_tasks() if not t.done() and owner(t) is sim]


async def wait_for_request(sim: SimServer, count: int) -> None:
    while len(sim.controller.requests()) < count:  # noqa: ASYNC110 -- no event to await
        await asyncio.sleep(0.005)


async def test_stop_with_an_open_keep_alive_connection(make_sim: SimFactory, quiet: Quiet) -> None:
    sim = await make_sim()
    async with httpx.AsyncClient(timeout=10) as http:
        await call_ok(http, sim.url, "login.user", CREDS)  # the connection stays in the pool
        assert len(serving(sim)) == 1
        await sim.stop()
        assert serving(sim) == []
        with pytest.raises(httpx.TransportError):
            await post(http, sim.url, LOGIN)
    await quiet.check()


async def test_stop_with_a_request_half_sent(make_sim: SimFactory, quiet: Quiet) -> None:
    sim = await make_sim()
    reader, writer = await asyncio.open_connection("127.0.0.1", sim.port)
    writer.write(
        b"POST /v4.0 HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b'content-length: 500\r\n\r\n{"jsonrpc": '
    )
    await writer.drain()
    while not serving(sim):  # noqa: ASYNC110 -- the server reads the headers first
        await asyncio.sleep(0.005)
    await sim.stop()
    assert serving(sim) == []
    try:
        rest = await reader.read()
    except ConnectionResetError:
        rest = b""
    assert b"200 OK" not in rest  # closed without answering the partial request
    writer.close()
    with contextlib.suppress(ConnectionResetError):
        await writer.wait_closed()
    await quiet.check()


async def test_stop_with_a_delay_fault_pending(make_sim: SimFactory, quiet: Quiet) -> None:
    sim = await make_sim()
    async with httpx.AsyncClient(timeout=30) as http:
        await control(http, sim.base_url, "POST", "faults", {"mode": "delay", "delay_ms": 60_000})
        pending = asyncio.ensure_future(post(http, sim.url, LOGIN))
        await wait_for_request(sim, 1)  # the server is asleep in the delay
        started = time.perf_counter()
        await sim.stop()
        assert time.perf_counter() - started < 2
        assert serving(sim) == []
        with pytest.raises(httpx.TransportError):
            await pending
    await quiet.check()


async def test_stop_with_a_client_call_in_flight(make_sim: SimFactory, quiet: Quiet) -> None:
    """As at the demo's exit: the app's client, logged in, one request held by a delay fault."""
    sim = await make_sim()
    async with CallApiClient(sim.url, credentials=PasswordCredentials("demo", "demo")) as api:
        await api.list_calls()  # logged in; a keep-alive connection is open
        async with httpx.AsyncClient(timeout=10) as http:
            await control(
                http, sim.base_url, "POST", "faults", {"mode": "delay", "delay_ms": 60_000}
            )
        pending = asyncio.ensure_future(api.list_calls())
        await wait_for_request(sim, 2)
        await sim.stop()
        assert serving(sim) == []
        with pytest.raises(CallApiError):
            await pending
    await quiet.check()


async def test_a_cancelled_stop_is_finished_by_the_next(make_sim: SimFactory, quiet: Quiet) -> None:
    sim = await make_sim()
    async with httpx.AsyncClient(timeout=30) as http:
        await control(http, sim.base_url, "POST", "faults", {"mode": "delay", "delay_ms": 60_000})
        pending = asyncio.ensure_future(post(http, sim.url, LOGIN))
        await wait_for_request(sim, 1)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(sim.stop(), 0.05)  # cancelled during its grace period
        assert len(serving(sim)) == 1
        await sim.stop()
        assert serving(sim) == []
        with pytest.raises(httpx.TransportError):
            await pending
    await quiet.check()
