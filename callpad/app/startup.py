"""Start-up milestones: the collector turned back on, the next loop turn, the first list, probes."""

from __future__ import annotations

import asyncio
import gc
import logging
import sys

from PySide6.QtCore import QTimer

from callpad.ui.desk import Desk

_log = logging.getLogger("callpad.app")

STARTUP_PROBE_ENV = "CALLPAD_STARTUP_PROBE"  # benchmark hook: print start-up milestones, quit


def started(*, freeze: bool = True) -> None:
    """Start-up is over: the collector runs again.

    With `freeze`, the objects made so far leave the collector's view: no long generation-2
    passes over them later (bench_refresh.py). No collection first: demo start-up leaves ~400
    garbage objects, and collecting them costs ~25 ms. Desk freezes after its first poll where
    the app does not (account mode).
    """
    if freeze:
        gc.freeze()
    gc.enable()
    _log.debug("start-up over: garbage collector on")  # no get_freeze_count(): ~8 ms, a list walk


async def next_turn() -> None:
    """Let Qt handle what is pending (the window's first paint) before going on."""
    turned = asyncio.get_running_loop().create_future()
    QTimer.singleShot(0, lambda: None if turned.done() else turned.set_result(None))
    await turned


async def first_list(desk: Desk, limit_s: float, *stops: asyncio.Event) -> None:
    """Wait until the first call list has arrived, one of `stops` is set, or `limit_s` passed."""
    polled = asyncio.Event()

    def on_polled(_count: int) -> None:
        polled.set()

    desk.models.monitor.polled.connect(on_polled)
    waits = [asyncio.ensure_future(e.wait()) for e in (polled, *stops)]
    try:
        await asyncio.wait(waits, timeout=limit_s, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)
        desk.models.monitor.polled.disconnect(on_polled)


def probe_startup(desk: Desk) -> None:
    """For tests/benchmarks/bench_startup.py: report the window shown and the first list shown."""
    QTimer.singleShot(0, lambda: say("window-shown"))

    def first_poll(_count: int) -> None:
        desk.models.monitor.polled.disconnect(first_poll)
        QTimer.singleShot(0, lambda: say("calls-shown"))

    desk.models.monitor.polled.connect(first_poll)


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - the self-test reports to the terminal by design


def say_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)  # noqa: T201 - where the demo server listens
