"""Awaitable helpers for GUI tests that run on the qasync loop (never block on qtbot waits)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance


async def wait_signal(signal: SignalInstance, timeout: float = 5.0) -> tuple[Any, ...]:
    """Await the next emission of a Qt signal."""
    fut: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()

    def cb(*args: Any) -> None:
        if not fut.done():
            fut.set_result(args)

    signal.connect(cb)
    try:
        return await asyncio.wait_for(fut, timeout)
    finally:
        signal.disconnect(cb)


async def until(predicate: Callable[[], object], timeout: float = 5.0, step: float = 0.01) -> None:
    """Await until `predicate()` is truthy, letting the loop run; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(step)
