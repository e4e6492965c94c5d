"""Endurance: 2,000 calls started, progressed and ended through the viewmodels; memory growth.

Run explicitly: `pytest -s tests/benchmarks/bench_endurance.py`.

Every call goes the production path: DialerViewModel.dial -> start.employee_call -> the monitor's
list.calls -> CallsModel -> CallActionsViewModel (hold, unhold, tag, release) -> the simulator over
real HTTP on 127.0.0.1, on a qasync loop. The clock is accelerated: the simulator (a separate
process, so that only the app's memory is measured) is frozen and stepped through its control API
in lockstep with the viewmodels' ManualClock; each call "lasts" about 20 simulated seconds. RSS of
this process is read after a warm-up of 100 calls (the floor of the ratios, same run), after 1,000
and after 2,000 calls, with garbage collected first. Aim: growth under 10 % from warm-up to 2,000.
"""

import asyncio
import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from callpad.api.client import CallApiClient
from callpad.clock import ManualClock
from callpad.viewmodels.pyside_workarounds import pin_singletons
from callpad.viewmodels.task_runner import TaskRunner
from tests.gui.vm_desk import Desk, wire_desk
from tests.qt_async import until

CALLS = 2000
WARMUP = 100
CHECKPOINTS = (WARMUP, 1000, 2000)
SCENARIO = """
base = "demo"
name = "endurance"
day_limit = 1000000000
minute_limit = 1000000000
"""

pin_singletons()


def report(line: str) -> None:
    """A benchmark reports its figures on the terminal (run with -s)."""
    print(line)  # noqa: T201


def rss_mib() -> float:
    """Resident set size of this process now (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class RemoteDesk(Desk):
    """A Desk whose simulator runs in another process; time is stepped over its control API."""

    control: httpx.AsyncClient

    async def advance(self, seconds: float) -> None:
        reply = await self.control.post("clock", json={"advance_s": seconds})
        reply.raise_for_status()
        self.clock.advance(seconds)
        await self.poll()


async def one_call(desk: RemoteDesk, i: int) -> None:
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
    await desk.advance(5)
    assert desk.actions.release(), desk.actions.result
    await desk.idle()
    await until(lambda: desk.model.rowCount() == 0, step=step)


async def endurance(url: str) -> list[tuple[int, float, float]]:
    points: list[tuple[int, float, float]] = []
    base = url.rsplit("/", 1)[0] + "/_sim/"
    clock = ManualClock()
    async with httpx.AsyncClient(base_url=base, timeout=30) as control:
        (await control.post("clock", json={"frozen": True})).raise_for_status()
        async with CallApiClient(url) as client:
            runner = TaskRunner()
            desk = wire_desk(RemoteDesk, None, clock, client, runner)
            desk.control = control
            desk.step = 0.0005
            await desk.login()
            t0 = time.perf_counter()
            for i in range(1, CALLS + 1):
                await one_call(desk, i)
                if i in CHECKPOINTS:
                    gc.collect()
                    points.append((i, rss_mib(), time.perf_counter() - t0))
            assert desk.errors == [], desk.errors[:3]
            await desk.close()
            await runner.aclose()
    return points


def test_endurance_2000_calls(tmp_path: Path) -> None:
    app = QApplication.instance() or QApplication([])
    start = rss_mib()
    scenario = tmp_path / "endurance.toml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    sim = subprocess.Popen(
        [sys.executable, "-m", "callpad.sim", "--scenario", str(scenario)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert sim.stdout is not None
        url = sim.stdout.readline().strip().rsplit(" ", 1)[-1]
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            points = runner.run(endurance(url))
    finally:
        sim.terminate()
        sim.wait(timeout=10)
        if sim.stdout is not None:
            sim.stdout.close()
    floor = points[0][1]
    report(f"\nendurance: {CALLS} calls through the viewmodels (dial, hold, unhold, tag, release)")
    report(f"  RSS at start (interpreter and Qt loaded, nothing built): {start:.1f} MiB")
    for calls, rss, seconds in points:
        report(
            f"  after {calls:>4} calls: RSS {rss:.1f} MiB ({rss / floor:.3f}x warm-up),"
            f" {seconds:.0f} s elapsed"
        )
    growth = (points[-1][1] - floor) / floor * 100
    report(f"  growth warm-up -> {CALLS}: {growth:+.1f} % (aim < 10 %)")
