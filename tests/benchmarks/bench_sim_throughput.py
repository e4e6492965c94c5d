"""Simulator throughput: list.calls with 100 active calls, against a raw asyncio echo floor.

Run explicitly: `pytest -s tests/benchmarks/bench_sim_throughput.py`. One keep-alive httpx client on
loopback sends `list.calls` sequentially to the simulator, then posts a body of the same size to a
minimal HTTP echo server written on bare asyncio streams (no h11, no JSON), measured in the same
run. The echo server is the floor: the printed ratio says what the simulator's HTTP parsing,
validation, engine and JSON cost relative to the loop and the client alone.
"""

import asyncio
import dataclasses
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from callpad.clock import ManualClock
from callpad.sim.scenario import demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock

REQUESTS = 1500
WARMUP = 100
CALLS = 100


async def _echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                b"content-length: %d\r\n\r\n%s" % (len(body), body)
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


@asynccontextmanager
async def echo_server() -> AsyncIterator[str]:
    server = await asyncio.start_server(_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/echo"
    finally:
        server.close()


async def rate(http: httpx.AsyncClient, url: str, body: bytes) -> tuple[float, bytes]:
    """Requests per second for REQUESTS sequential posts (after a warm-up); the last reply."""
    headers = {"content-type": "application/json; charset=UTF-8"}
    reply = b""
    for _ in range(WARMUP):
        reply = (await http.post(url, content=body, headers=headers)).content
    started = time.perf_counter()
    for _ in range(REQUESTS):
        reply = (await http.post(url, content=body, headers=headers)).content
    return REQUESTS / (time.perf_counter() - started), reply


async def test_list_calls_throughput_against_an_echo_floor():
    unlimited = dataclasses.replace(demo_scenario(), minute_limit=10**9, day_limit=10**9)
    sim = SimServer(unlimited, clock=SimClock(ManualClock()))
    async with sim, httpx.AsyncClient(timeout=30) as http, echo_server() as echo_url:
        for i in range(CALLS):
            sim.controller.create_incoming_call(f"7916{i:07d}", None, None)
        login = {"jsonrpc": "2.0", "id": 1, "method": "login.user"}
        login["params"] = {"login": "demo", "password": "demo"}
        token = (await http.post(sim.url, json=login)).json()["result"]["data"]["access_token"]
        request = {"jsonrpc": "2.0", "id": 2, "method": "list.calls"}
        request["params"] = {"access_token": token}
        body = json.dumps(request).encode()

        sim_rps, sim_reply = await rate(http, sim.url, body)
        listed = json.loads(sim_reply)["result"]["data"]
        assert len(listed) == CALLS
        echo_rps, echo_reply = await rate(http, echo_url, sim_reply)
        assert echo_reply == sim_reply

    ratio = sim_rps / echo_rps
    print(  # noqa: T201 -- a benchmark reports its figures on the terminal
        f"\nlist.calls with {CALLS} active calls ({len(sim_reply)} bytes): {sim_rps:.0f} req/s; "
        f"raw asyncio echo of the same reply: {echo_rps:.0f} req/s; ratio {ratio:.2f}"
    )
    assert ratio > 0.02, "the simulator is over 50x slower than the echo floor"
