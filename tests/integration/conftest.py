"""Fixtures for simulator tests: a started SimServer on a manual clock, an HTTP client, a token."""

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from callpad.clock import ManualClock
from callpad.sim.scenario import Scenario, demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from tests.integration.sim_harness import login


@pytest.fixture
async def sim() -> AsyncIterator[SimServer]:
    """The demo scenario on 127.0.0.1:0; time moves only via `sim.clock.advance()`."""
    async with SimServer(demo_scenario(), clock=SimClock(ManualClock())) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


@pytest.fixture
async def token(sim: SimServer, http: httpx.AsyncClient) -> str:
    """A session key of the demo user."""
    return await login(http, sim.url)


SimFactory = Callable[..., Awaitable[SimServer]]


@pytest.fixture
async def make_sim() -> AsyncIterator[SimFactory]:
    """Start more simulators: `await make_sim(scenario, clock=..., deprecated_version=...)`.

    The clock defaults to a fresh ManualClock; every server is stopped at teardown.
    """
    async with contextlib.AsyncExitStack() as stack:

        async def start(scenario: Scenario | None = None, **kwargs: Any) -> SimServer:
            kwargs.setdefault("clock", SimClock(ManualClock()))
            server = SimServer(scenario or demo_scenario(), **kwargs)
            return await stack.enter_async_context(server)

        yield start
