"""Fixtures for simulator tests: a started SimServer on a manual clock, an HTTP client, a token."""

from collections.abc import AsyncIterator

import httpx
import pytest

from callpad.clock import ManualClock
from callpad.sim.scenario import demo_scenario
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
