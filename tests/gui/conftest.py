"""Fixtures for GUI tests: a simulator on a manual clock, a client for it, a task runner.

- `sim_server`: the demo scenario on 127.0.0.1:0; time moves only via `sim_server.clock.advance()`.
- `start_sim`: start more simulators (other scenarios): `await start_sim("tight_limits")`.
- `client`: a `CallApiClient` for `sim_server`, not logged in; `service`: the same, logged in.
- `runner`: a `TaskRunner`; teardown closes it and fails the test if a task was left running.
"""

import contextlib
import gc
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest

from callpad.api.client import CallApiClient
from callpad.clock import ManualClock
from callpad.sim.scenario import Scenario, demo_scenario, scenario_by_name
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from callpad.viewmodels.pyside_workarounds import pin_singletons
from callpad.viewmodels.task_runner import TaskRunner
from tests.gui.vm_desk import Desk, build_desk

# PySide6 6.12.0 loses references to None, True, False (see pyside_workarounds).
pin_singletons()

StartSim = Callable[..., Awaitable[SimServer]]


@pytest.fixture(autouse=True)
def _unfreeze_gc() -> Iterator[None]:
    """A desk freezes the start-up objects after its first poll (ui/desk.py); in the test
    process that would keep every earlier test's objects from the collector, so undo it."""
    yield
    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture
async def start_sim() -> AsyncIterator[StartSim]:
    """`await start_sim(scenario_or_name=None, **SimServer kwargs)`; all stopped at teardown."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(scenario: Scenario | str | None = None, **kwargs: Any) -> SimServer:
            if isinstance(scenario, str):
                scenario = scenario_by_name(scenario)
            kwargs.setdefault("clock", SimClock(ManualClock()))
            server = SimServer(scenario or demo_scenario(), **kwargs)
            return await stack.enter_async_context(server)

        yield start


@pytest.fixture
async def sim_server(start_sim: StartSim) -> SimServer:
    return await start_sim()


@pytest.fixture
async def client(sim_server: SimServer) -> AsyncIterator[CallApiClient]:
    async with CallApiClient(sim_server.url, clock=sim_server.clock) as api:
        yield api


@pytest.fixture
async def service(client: CallApiClient) -> CallApiClient:
    await client.login_user(login="demo", password="demo")
    return client


@pytest.fixture
async def runner() -> AsyncIterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    leftover = sorted(t.get_name() for t in tasks.tasks())
    await tasks.aclose()
    # Collect this test's garbage while its qasync loop still runs: finalizers of asyncio and
    # Qt objects that run later, inside another test's loop, crashed the interpreter (segfault).
    gc.collect()
    assert not leftover, f"tasks left running: {leftover}"


@pytest.fixture
async def desk(
    sim_server: SimServer, client: CallApiClient, runner: TaskRunner
) -> AsyncIterator[Desk]:
    """All viewmodels wired as in app.py over `client` (not yet logged in; `await desk.login()`)."""
    built = build_desk(sim_server, client, runner)
    yield built
    await built.close()
