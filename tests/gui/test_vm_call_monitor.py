# mypy: disable-error-code="unreachable"
# (viewmodel properties change while the test awaits; mypy narrows them as if they could not)
"""CallMonitor: adaptive intervals, budget, backoff, pause when logged out, one poll at a time."""

import asyncio
from datetime import UTC, datetime
from typing import Any

from callpad.api.client import CallApiClient
from callpad.api.models import ActiveCall, Limits
from callpad.clock import ManualClock
from callpad.viewmodels.call_monitor import CallMonitor, PollPolicy
from callpad.viewmodels.calls_model import CallsModel
from tests.gui.vm_desk import Desk, build_desk
from tests.qt_async import until


def list_calls_count(desk: Desk) -> int:
    return len(desk.requests("list.calls"))


async def test_interval_follows_activity_and_focus(desk):
    await desk.login()
    policy = desk.monitor.policy
    assert desk.monitor.interval == policy.idle_s
    assert desk.monitor.state == "waiting"
    desk.monitor.set_window_focused(True)  # gaining focus refreshes at once
    await until(lambda: desk.monitor.interval == policy.focused_s)
    desk.dialer.dial_number("+79161234567")
    await desk.idle()
    assert desk.monitor.interval == policy.active_s  # a call of mine is active
    # The monitor wakes by itself when its wait is over (the clock is stepped by the test).
    before = desk.monitor.poll_count
    desk.clock.advance(policy.active_s)
    await until(lambda: desk.monitor.poll_count > before)


async def test_refresh_requests_merge_and_polls_never_overlap(sim_server, runner):
    gate = asyncio.Event()
    in_flight = 0
    most = 0

    class HeldClient(CallApiClient):
        async def list_calls(self, **kwargs: Any) -> tuple[ActiveCall, ...]:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            try:
                await gate.wait()
                return await super().list_calls(**kwargs)
            finally:
                in_flight -= 1

    async with HeldClient(sim_server.url, clock=sim_server.clock) as client:
        await client.login_user(login="demo", password="demo")
        model = CallsModel(sim_server.clock)
        monitor = CallMonitor(client, sim_server.clock, runner, model)
        monitor.set_logged_in(True)
        monitor.start()
        await until(lambda: monitor.state == "polling")
        for _ in range(5):
            monitor.refresh_soon()
        gate.set()
        await until(lambda: monitor.poll_count == 2 and monitor.state == "waiting")
        await asyncio.sleep(0.05)
        assert monitor.poll_count == 2  # five requests merged into one follow-up poll
        assert most == 1
        requests = [r for r in sim_server.controller.requests() if r["method"] == "list.calls"]
        assert len(requests) == 2
        monitor.stop()
        await until(lambda: runner.pending_count() == 0)


async def test_errors_back_off_and_are_reported_once(desk):
    await desk.login()
    desk.sim.controller.add_fault(
        {"mode": "rpc_error", "method": "list.calls", "mnemonic": "component_disabled", "count": 3}
    )
    failing: list[bool] = []
    desk.monitor.failing_changed.connect(failing.append)
    intervals: list[float] = []
    desk.monitor.interval_changed.connect(intervals.append)
    await desk.poll()
    assert desk.monitor.state == "backing_off"
    assert desk.status.connection == "degraded"
    for wait in (2.0, 4.0):
        before = desk.monitor.poll_count
        desk.clock.advance(wait)  # the wait is over: the next poll fails again, backs off further
        await until(lambda: desk.monitor.poll_count > before and desk.monitor.state != "polling")  # noqa: B023
    # The third failure backed off 8 s; the fourth poll succeeds.
    desk.clock.advance(8.0)
    await until(lambda: desk.monitor.state == "waiting")
    assert intervals[:3] == [2.0, 4.0, 8.0]
    assert failing == [True, False]
    assert desk.status.connection == "online"
    assert [e.operation for e in desk.errors] == ["list.calls"]
    assert "not enabled" in desk.status.message


async def test_refresh_during_backoff_does_not_hammer_the_server(desk):
    await desk.login()
    desk.sim.controller.add_fault(
        {"mode": "rpc_error", "method": "list.calls", "mnemonic": "forbidden", "count": 2}
    )
    before = list_calls_count(desk)
    desk.monitor.refresh_soon()
    await until(lambda: desk.monitor.state == "backing_off")
    for _ in range(5):
        desk.monitor.refresh_soon()  # e.g. after commands: served after the backoff wait
    await asyncio.sleep(0.05)
    assert desk.monitor.state == "backing_off"
    assert list_calls_count(desk) - before == 1
    desk.clock.advance(desk.monitor.interval)
    await until(lambda: list_calls_count(desk) - before == 2)


async def test_pauses_while_logged_out(desk):
    await desk.login()
    desk.dialer.dial_number("+79161234567")
    await desk.idle()
    assert desk.model.rowCount() == 1
    desk.session.logout()
    await until(lambda: desk.monitor.state == "paused")
    assert desk.model.rowCount() == 0
    before = list_calls_count(desk)
    desk.clock.advance(300)
    await asyncio.sleep(0.05)
    assert list_calls_count(desk) == before
    await desk.login()  # re-attaches to the call still running on the server
    await until(lambda: desk.model.rowCount() == 1)


def limits(
    minute_remaining: int,
    day_remaining: int = 9000,
    *,
    minute_reset: int = 40,
    at: datetime | None = None,
) -> Limits:
    return Limits(
        day_limit=10000,
        day_remaining=day_remaining,
        day_reset=3600,
        minute_limit=100,
        minute_remaining=minute_remaining,
        minute_reset=minute_reset,
        received_at=at or datetime(2026, 11, 30, 9, 0, 0, tzinfo=UTC),
    )


def test_budget_slows_polling_and_waits_for_the_reset():
    clock = ManualClock()
    policy = PollPolicy(idle_s=15, focused_s=3, active_s=1, reserve_points=10)
    monitor = CallMonitor(None, clock, None, CallsModel(clock), policy=policy)  # type: ignore[arg-type]  # pure interval logic
    monitor.set_window_focused(True)
    assert monitor.next_interval() == 3
    monitor.set_limits(limits(90, at=clock.wall()))
    assert monitor.next_interval() == 3  # plenty left: 80 spare points over 40 s
    monitor.set_limits(limits(20, at=clock.wall()))
    assert monitor.next_interval() == 9  # below a quarter: three times slower
    monitor.set_limits(limits(12, minute_reset=40, at=clock.wall()))
    assert monitor.next_interval() == 20  # 2 spare points over the 40 s left
    monitor.set_limits(limits(10, minute_reset=40, at=clock.wall()))
    assert monitor.next_interval() == 40.5  # only the reserve left: wait for the reset
    clock.advance(30)
    assert monitor.next_interval() == 10.5
    monitor.set_limits(limits(90, day_remaining=5, at=clock.wall()))
    assert monitor.next_interval() == 3600  # the day is spent


async def test_tight_budget_from_real_replies_slows_polling(start_sim, runner):
    sim = await start_sim("tight_limits")  # 5 points a minute
    async with CallApiClient(sim.url, clock=sim.clock) as client:
        desk = build_desk(sim, client, runner)
        try:
            await desk.login()
            await until(lambda: desk.status.limits is not None)
            await desk.poll()
            assert desk.status.budget_state in ("low", "exhausted")
            assert desk.monitor.interval > desk.monitor.policy.idle_s
        finally:
            await desk.close()
