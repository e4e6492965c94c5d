"""`callpad --demo --self-test`: type a number, press Enter, see the call, hang up; print each step.

It drives the real window the way an agent does (keys into the number field, Enter), so it passes
only if the dialer, the viewmodels, the client and the simulator work together. Returns the exit
code: 0, or 1 with the reason printed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from callpad.ui.main_window import MainWindow

DEMO_NUMBER = "+7 916 123-45-67"
STEP_TIMEOUT_S = 20.0


class SelfTestError(Exception):
    """A step did not complete; the message says which and why."""


async def _until(
    predicate: Callable[[], object], what: str, limit_s: float = STEP_TIMEOUT_S
) -> None:
    deadline = time.monotonic() + limit_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SelfTestError(f"timed out after {limit_s:.0f} s waiting for {what}")
        await asyncio.sleep(0.02)


async def run_self_test(
    window: MainWindow, *, print_step: Callable[[str], None], number: str = DEMO_NUMBER
) -> int:
    m = window.models
    started = time.monotonic()

    def step(text: str) -> None:
        print_step(f"[{time.monotonic() - started:5.2f}s] {text}")

    dialed: list[int] = []
    failures: list[str] = []
    m.dialer.dialed.connect(dialed.append)
    m.dialer.dial_failed.connect(failures.append)
    try:
        step("window shown" if window.isVisible() else "window created")
        await _until(lambda: m.session.logged_in or m.session.error, "the demo login")
        if not m.session.logged_in:
            raise SelfTestError(f"login failed: {m.session.error}")
        step(f"logged in as {m.session.user}")
        window.dialer.focus_number()
        QTest.keyClicks(window.dialer.number, number)
        await _until(lambda: m.dialer.can_dial, f"the dialer to accept {number!r}", 5)
        step(f"typed {number!r}; the dialer reads it as {m.dialer.preview}")
        QTest.keyClick(window.dialer.number, Qt.Key.Key_Return)
        await _until(lambda: dialed or failures, "start.employee_call")
        if failures:
            raise SelfTestError(f"dialling failed: {failures[0]}")
        sid = dialed[0]
        step(f"dialled: call session {sid}")
        await _until(lambda: m.calls.call(sid) is not None, "the call in the call list")
        phase = m.calls.phase(sid)
        step(f"call listed: {m.calls.rowCount()} call(s); phase {phase.value if phase else '?'}")
        m.actions.select_call(sid)
        await _until(lambda: m.actions.can_release, "release to be allowed")
        if not m.actions.release():
            raise SelfTestError(f"release refused: {m.actions.result}")
        step("release.call sent")
        await _until(lambda: m.calls.call(sid) is None, "the call to leave the list")
        step("call gone from the list")
    except SelfTestError as exc:
        print_step(f"SELF-TEST FAILED: {exc}")
        return 1
    print_step("SELF-TEST PASSED")
    return 0
