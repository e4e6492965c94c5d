"""Latency of CallApiClient.list_calls against a raw httpx post of the identical payload.

Run explicitly: `pytest -s tests/benchmarks/bench_client_latency.py`. Both go through the same
keep-alive httpx.AsyncClient to the same simulator, on the same loop, in the same run, interleaved
request by request so that drift hits all equally. Two floors: the raw post read as bytes, and the
raw post decoded with `response.json()` (what any caller of the API must do at least). The ratio
of medians is what the client adds: envelope, id and shape checks, metadata, frozen dataclasses,
logging guards. Aim: under 1.15 at the median.
"""

import dataclasses
import itertools
import statistics
import time

import httpx

from callpad.api.client import CallApiClient
from callpad.api.models import PermanentKey
from callpad.api.transport import HEADERS, encode_request
from callpad.clock import ManualClock
from callpad.sim.scenario import demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock

KEY = "demo-permanent-key-valid-0001"
ROUNDS = 800
WARMUP = 100


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _measure(active_calls: int) -> tuple[dict[str, list[float]], int]:
    unlimited = dataclasses.replace(demo_scenario(), minute_limit=10**9, day_limit=10**9)
    sim = SimServer(unlimited, clock=SimClock(ManualClock()))
    samples: dict[str, list[float]] = {"client": [], "raw": [], "raw+json": []}
    size = 0
    async with sim, httpx.AsyncClient(timeout=30) as http:
        for i in range(active_calls):
            sim.controller.create_incoming_call(f"7916{i:07d}", None, None)
        api = CallApiClient(sim.url, credentials=PermanentKey(KEY), http=http)
        ids = itertools.count(10**6)
        async with api:
            for n in range(WARMUP + ROUNDS):
                raw_body = encode_request(next(ids), "list.calls", {"access_token": KEY})
                json_body = encode_request(next(ids), "list.calls", {"access_token": KEY})
                t0 = time.perf_counter()
                calls = await api.list_calls()
                t1 = time.perf_counter()
                raw = (await http.post(sim.url, content=raw_body, headers=HEADERS)).content
                t2 = time.perf_counter()
                decoded = (await http.post(sim.url, content=json_body, headers=HEADERS)).json()
                t3 = time.perf_counter()
                assert len(calls) == active_calls
                assert len(decoded["result"]["data"]) == active_calls
                size = len(raw)
                if n >= WARMUP:
                    samples["client"].append(t1 - t0)
                    samples["raw"].append(t2 - t1)
                    samples["raw+json"].append(t3 - t2)
    return samples, size


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:6.0f} us"


async def test_list_calls_latency_against_a_raw_post():
    lines = []
    ratios = {}
    for active in (0, 10, 100):
        samples, size = await _measure(active)
        med = {k: statistics.median(v) for k, v in samples.items()}
        p99 = {k: _p(v, 0.99) for k, v in samples.items()}
        ratios[active] = med["client"] / med["raw+json"]
        lines.append(
            f"{active:>3} calls ({size:>6} B): "
            + " | ".join(f"{k} median {_us(med[k])} p99 {_us(p99[k])}" for k in samples)
            + f" || median ratio vs raw {med['client'] / med['raw']:.3f},"
            f" vs raw+json {ratios[active]:.3f}; p99 ratio vs raw {p99['client'] / p99['raw']:.3f}"
        )
    print("\nCallApiClient.list_calls vs raw httpx post, same server/loop/run:")  # noqa: T201
    print("\n".join(lines))  # noqa: T201 -- a benchmark reports its figures on the terminal
    assert ratios[10] < 1.5, "the client adds more than 50 % to a 10-call list.calls"
