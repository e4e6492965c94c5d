"""Endurance: 2,000 calls started, progressed and ended through the viewmodels; memory growth.

Run explicitly: `pytest -s tests/benchmarks/bench_endurance.py`.

Every call goes the production path: DialerViewModel.dial -> start.employee_call -> the monitor's
list.calls -> CallsModel -> CallActionsViewModel (hold, unhold, tag, release) -> the simulator over
real HTTP on 127.0.0.1, on a qasync loop, with the simulator's clock stepped (accelerated: each call
"lasts" about 20 simulated seconds). RSS is read after a warm-up of 100 calls (the floor of the
ratios, measured in the same run), after 1,000 and after 2,000 calls; garbage is collected first.
The simulator runs in the same process; its request log is cleared every 50 calls so that its
bookkeeping does not count as growth of the app. Aim: growth under 10 % from warm-up to 2,000.
"""

import asyncio
import dataclasses
import gc
import time
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from callpad.api.client import CallApiClient
from callpad.clock import ManualClock
from callpad.sim.scenario import demo_scenario
from callpad.sim.server import SimServer
from callpad.sim.sim_clock import SimClock
from callpad.viewmodels.pyside_workarounds import pin_singletons
from callpad.viewmodels.task_runner import TaskRunner
from tests.gui.vm_desk import Desk, build_desk
from tests.qt_async import until

CALLS = 2000
WARMUP = 100
CHECKPOINTS = (WARMUP, 1000, 2000)

pin_singletons()


def report(line: str) -> None:
    """A benchmark reports its figures on the terminal (run with -s)."""
    print(line)  # noqa: T201


def rss_mib() -> float:
    """Resident set size of this process now (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


async def one_call(desk: Desk, i: int) -> None:
    step = desk.step
    assert desk.dialer.dial_number(f"+7916{i % 10_000_000:07d}")
    await until(lambda: not desk.dialer.dialing, step=step)
    await desk.poll()
    sid = desk.only_call()
    desk.actions.select_call(sid)
    await desk.advance(8)  # my phone answers at 3 s, the contact 4 s later: TALK
    for command in (desk.actions.hold, desk.actions.unhold):
        assert command(), desk.actions.result
        await desk.idle()
    assert desk.actions.tag(771 + i % 5)
    await desk.idle()
    desk.clock.advance(5)
    assert desk.actions.release(), desk.actions.result
    await desk.idle()
    await until(lambda: desk.model.rowCount() == 0, step=step)


async def endurance() -> list[tuple[int, float, float]]:
    scenario = dataclasses.replace(demo_scenario(), day_limit=10**9, minute_limit=10**9)
    points: list[tuple[int, float, float]] = []
    async with SimServer(scenario, clock=SimClock(ManualClock())) as sim:
        async with CallApiClient(sim.url, clock=sim.clock) as client:
            runner = TaskRunner()
            desk = build_desk(sim, client, runner)
            desk.step = 0.0005
            await desk.login()
            t0 = time.perf_counter()
            for i in range(1, CALLS + 1):
                await one_call(desk, i)
                if i % 50 == 0:
                    sim.controller.clear_requests()
                if i in CHECKPOINTS:
                    gc.collect()
                    points.append((i, rss_mib(), time.perf_counter() - t0))
            assert desk.errors == [], desk.errors[:3]
            await desk.close()
            await runner.aclose()
    return points


def test_endurance_2000_calls() -> None:
    app = QApplication.instance() or QApplication([])
    start = rss_mib()
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        points = runner.run(endurance())
    floor = points[0][1]
    report(f"\nendurance: {CALLS} calls through the viewmodels (dial, hold, unhold, tag, release)")
    report(f"  RSS at start (interpreter, Qt, nothing built): {start:.1f} MiB")
    for calls, rss, seconds in points:
        report(
            f"  after {calls:>4} calls: RSS {rss:.1f} MiB ({rss / floor:.3f}x warm-up),"
            f" {seconds:.0f} s elapsed"
        )
    growth = (points[-1][1] - floor) / floor * 100
    report(f"  growth warm-up -> {CALLS}: {growth:+.1f} % (aim < 10 %)")
