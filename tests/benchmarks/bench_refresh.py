"""Refresh cost: applying a list.calls result of 500 calls x 3 legs, and loop stalls while polling.

Run explicitly: `pytest -s tests/benchmarks/bench_refresh.py`.

1. `test_apply_500_calls`: UI-thread time of `CallsModel.apply()` for a steady stream of polls of
   500 calls with 3 legs each (every poll: ~10 % of the calls change a leg state, 5 calls end and 5
   new ones start), with a QTreeView (over the my-calls proxy) shown offscreen, so the view's
   reaction to the model's signals is counted too. Floor, same run: a plain-Python diff of the same
   lists by session id (no Qt), the least work any incremental update must do. Aim: p95 < 10 ms.
2. `test_stall_while_polling`: the simulator runs in a separate process (so its work does not count)
   with 500 calls of 3 legs; the real client + CallMonitor + model + view poll it once a second on a
   qasync loop for a while. A 5 ms ticker measures the longest event-loop stall. Floor: the same
   against the same simulator with no calls. The longest stalls are full (generation 2) garbage
   collections over every object of the process; a third run calls `gc.freeze()` after start-up.
"""

import asyncio
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import qasync
from PySide6.QtWidgets import QApplication, QTreeView

from callpad.api.client import CallApiClient
from callpad.api.models import (
    ActiveCall,
    CallSessionId,
    Direction,
    EmployeeId,
    Leg,
    LegId,
    LegState,
)
from callpad.clock import RealClock
from callpad.viewmodels.call_monitor import CallMonitor, PollPolicy
from callpad.viewmodels.calls_model import CallsFilterProxy, CallsModel
from callpad.viewmodels.pyside_workarounds import pin_singletons
from callpad.viewmodels.task_runner import TaskRunner

CALLS = 500
POLLS = 300
STALL_SECONDS = 15.0
ME = 3141

pin_singletons()


def _app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


def _call(sid: int, states: tuple[LegState, LegState, LegState], now: datetime) -> ActiveCall:
    employee = ME if sid % 3 == 0 else 3142
    legs = (
        Leg(LegId(sid * 10 + 1), "74951112233", "0107", True, EmployeeId(employee), "Иванов Пётр",
            False, states[0]),
        Leg(LegId(sid * 10 + 2), "74951112233", f"7916{sid:07d}", False, None, None, False,
            states[1]),
        Leg(LegId(sid * 10 + 3), "74951112233", "0110", False, EmployeeId(3144), "Попова Елена",
            False, states[2]),
    )  # fmt: skip
    return ActiveCall(
        CallSessionId(sid), Direction.OUT, now, "74951112233", f"7916{sid:07d}", None, (), legs
    )


def _polls() -> list[list[ActiveCall]]:
    """A first result and POLLS steady-state successors (changes, endings, arrivals)."""
    rng = random.Random(42)
    now = datetime.now(UTC)
    talk = (LegState.TALK, LegState.TALK, LegState.TALK)
    calls = {sid: _call(sid, talk, now) for sid in range(1, CALLS + 1)}
    next_sid = CALLS + 1
    results = [list(calls.values())]
    states = list(LegState)
    for _ in range(POLLS):
        for sid in rng.sample(sorted(calls), CALLS // 10):
            old = calls[sid]
            leg = old.legs[1]
            calls[sid] = replace(old, legs=(old.legs[0], replace(leg, state=rng.choice(states)),
                                            old.legs[2]))  # fmt: skip
        for sid in rng.sample(sorted(calls), 5):
            del calls[sid]
        for _ in range(5):
            calls[next_sid] = _call(next_sid, talk, now)
            next_sid += 1
        results.append(list(calls.values()))
    return results


def report(line: str) -> None:
    """A benchmark reports its figures on the terminal (run with -s)."""
    print(line)  # noqa: T201


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _floor_diff(old: dict[int, ActiveCall], new: list[ActiveCall]) -> dict[int, ActiveCall]:
    fresh: dict[int, ActiveCall] = {c.call_session_id: c for c in new}
    _gone = [sid for sid in old if sid not in fresh]
    _changed = [sid for sid, c in fresh.items() if old.get(sid) != c]
    return fresh


def _measure(polls: list[list[ActiveCall]], config: str) -> tuple[list[float], list[float]]:
    """Per poll: seconds inside apply() (model + proxy + view signal handlers, all synchronous)
    and seconds of the event processing that follows (the view's relayout and repaint)."""
    app = _app()
    model = CallsModel(RealClock(), my_employee_id=ME, lang="ru")
    source: CallsModel | CallsFilterProxy = model
    if config != "model":
        source = CallsFilterProxy(model)
    view = None
    if config == "model + proxy + tree view":
        view = QTreeView()
        view.setUniformRowHeights(True)
        view.setModel(source)
        view.resize(1000, 700)
        view.show()
    model.apply(polls[0])
    app.processEvents()
    gc.collect()
    applied: list[float] = []
    events: list[float] = []
    for result in polls[1:]:
        t0 = time.perf_counter()
        model.apply(result)
        t1 = time.perf_counter()
        app.processEvents()
        events.append(time.perf_counter() - t1)
        applied.append(t1 - t0)
    assert model.rowCount() == len(polls[-1])
    if view is not None:
        view.close()
    return applied, events


def test_apply_500_calls() -> None:
    polls = _polls()
    floor: list[float] = []
    old: dict[int, ActiveCall] = {c.call_session_id: c for c in polls[0]}
    for result in polls[1:]:
        t0 = time.perf_counter()
        old = _floor_diff(old, result)
        floor.append(time.perf_counter() - t0)
    fmed, fp95 = statistics.median(floor) * 1e3, _pct(floor, 0.95) * 1e3
    report(f"\napply {CALLS} calls x 3 legs, {POLLS} polls (10 % change, 5 end, 5 start per poll):")
    report(f"  floor (plain-Python diff, no Qt): median {fmed:.2f} ms, p95 {fp95:.2f} ms")
    for config in ("model", "model + proxy", "model + proxy + tree view"):
        applied, events = _measure(polls, config)
        med, p95 = statistics.median(applied) * 1e3, _pct(applied, 0.95) * 1e3
        line = (
            f"  {config}: apply median {med:.2f} ms, p95 {p95:.2f} ms"
            f" ({med / fmed:.0f}x / {p95 / fp95:.0f}x floor)"
        )
        if config.endswith("view"):
            emed, ep95 = statistics.median(events) * 1e3, _pct(events, 0.95) * 1e3
            line += f"; then view relayout+paint median {emed:.2f} ms, p95 {ep95:.2f} ms"
        report(line + f"; aim p95 < 10 ms {'met' if p95 < 10 else 'NOT met'}")


# --- stall while polling ---------------------------------------------------------------------

SCENARIO = """
base = "demo"
name = "bench-500"
day_limit = 100000000
minute_limit = 10000000
[timings]
answer_delay_employee_s = 0
answer_delay_contact_s = 0
answer_delay_consult_target_s = 0
answer_delay_coach_s = 0
"""


def _start_sim(folder: Path) -> tuple[subprocess.Popen[str], str]:
    scenario = folder / "bench.toml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "callpad.sim", "--scenario", str(scenario)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    return proc, line.rsplit(" ", 1)[-1]


async def _rpc(http: httpx.AsyncClient, url: str, method: str, **params: object) -> object:
    reply = await http.post(url, json={"jsonrpc": "2.0", "id": 1, "method": method,
                                       "params": params})  # fmt: skip
    body = reply.json()
    assert "result" in body, body
    return body["result"]["data"]


async def _fill(url: str, calls: int) -> None:
    base = url.rsplit("/", 1)[0]
    async with httpx.AsyncClient(timeout=30) as http:
        login = await _rpc(http, url, "login.user", login="demo", password="demo")
        token = login["access_token"]  # type: ignore[index]
        for i in range(calls):
            started = await _rpc(
                http, url, "start.employee_call", access_token=token, first_call="employee",
                virtual_phone_number="74951112233", contact=f"7916{i:07d}",
                employee={"id": ME, "phone_number": "0107"},
            )  # fmt: skip
            await http.post(f"{base}/_sim/clock", json={"advance_s": 1})
            sid = started["call_session_id"]  # type: ignore[index]
            await _rpc(http, url, "add.coach", access_token=token, call_session_id=sid)
        await http.post(f"{base}/_sim/clock", json={"advance_s": 1})
        listed = await _rpc(http, url, "list.calls", access_token=token)
        assert isinstance(listed, list)
        assert len(listed) == calls
        assert all(len(c["legs"]) == 3 for c in listed), json.dumps(listed[0])


async def _poll_and_measure(
    url: str, seconds: float, *, freeze: bool = False
) -> tuple[float, list[float], int]:
    loop = asyncio.get_running_loop()
    runner = TaskRunner()
    clock = RealClock()
    model = CallsModel(clock, my_employee_id=ME)
    proxy = CallsFilterProxy(model)
    view = QTreeView()
    view.setModel(proxy)
    view.show()
    applies: list[float] = []
    original = model.apply

    def timed_apply(calls: object) -> None:
        t0 = time.perf_counter()
        original(calls)  # type: ignore[arg-type]
        applies.append(time.perf_counter() - t0)

    model.apply = timed_apply  # type: ignore[method-assign]
    async with CallApiClient(url) as client:
        await client.login_user(login="demo", password="demo")
        policy = PollPolicy(active_s=1.0, focused_s=1.0, idle_s=1.0)
        monitor = CallMonitor(client, clock, runner, model, policy=policy)
        monitor.set_logged_in(True)
        monitor.start()
        worst = 0.0
        end = loop.time() + seconds
        await asyncio.sleep(1.5)  # the first poll (500 inserts) is start-up, not steady state
        if freeze:
            gc.freeze()  # start-up objects leave the collector's view: no long gen-2 passes
        while loop.time() < end:
            t0 = loop.time()
            await asyncio.sleep(0.005)
            worst = max(worst, loop.time() - t0 - 0.005)
        polls = monitor.poll_count
        monitor.stop()
        await runner.aclose()
        gc.unfreeze()
    view.close()
    return worst, applies[1:], polls


def test_stall_while_polling(tmp_path: Path) -> None:
    app = _app()
    results: dict[str, tuple[float, list[float], int]] = {}
    runs = (
        ("floor: 0 calls", 0, False),
        (f"{CALLS} calls x 3 legs", CALLS, False),
        (f"{CALLS} calls x 3 legs, gc.freeze() after start-up", CALLS, True),
    )
    for label, calls, freeze in runs:
        proc, url = _start_sim(tmp_path)
        try:
            with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
                runner.run(_fill(url, calls))
                results[label] = runner.run(_poll_and_measure(url, STALL_SECONDS, freeze=freeze))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            if proc.stdout is not None:
                proc.stdout.close()
    report(f"\nlongest event-loop stall while polling once a second for {STALL_SECONDS:.0f} s:")
    floor = results["floor: 0 calls"][0]
    for label, (worst, applies, polls) in results.items():
        extra = ""
        if applies:
            extra = f", apply median {statistics.median(applies) * 1e3:.2f} ms"
        report(f"  {label}: longest stall {worst * 1e3:.1f} ms over {polls} polls{extra}")
    for label, (worst, _, _) in list(results.items())[1:]:
        report(f"  ratio to floor ({label}): {worst / max(floor, 1e-4):.1f}x")
